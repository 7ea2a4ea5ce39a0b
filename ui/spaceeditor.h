#pragma once

#include "core/common/result.h"
#include "core/search/searchspace.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace Ncf::Ui {

//! A search space edited two ways that stay in step: a form (one row per parameter: name,
//! kind fixed/choice/uniform/log-uniform, values or low/high) and its JSON text. Editing
//! either rewrites the other; every edit is checked with SearchSpace::fromJson and a
//! problem is shown under the editor.
class SpaceEditor : public QWidget
{
    Q_OBJECT

public:
    //! Columns of the form.
    enum Column { NameColumn, KindColumn, ValuesColumn, LowColumn, HighColumn, ColumnCount };

    explicit SpaceEditor(QWidget *parent = nullptr);

    //! Shows `space` in the form and as JSON.
    void setSpace(const SearchSpace &space);
    //! Replaces the JSON text (as if typed); the form follows when it parses.
    void setJsonText(const QString &text);
    QString jsonText() const;
    //! Sets "max_epochs" in the JSON (and keeps everything else).
    void setMaxEpochs(int epochs);

    //! The edited space, or why it is not a valid one.
    Result<SearchSpace> space() const;
    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    QTableWidget *form() const { return m_form; }
    QPlainTextEdit *jsonEdit() const { return m_json; }
    QLabel *errorLabel() const { return m_errorLabel; }

Q_SIGNALS:
    //! After every edit, valid or not.
    void changed();

private:
    void formEdited();
    void jsonEdited();
    void fillForm(const QJsonObject &space);
    void addRow(const QString &name, const QString &kind, const QJsonValue &spec);
    void updateRowFlags(int row);
    QJsonObject formJson() const;
    void writeJson(const QJsonObject &space);
    void validate(const QString &parseError);

    QTableWidget *m_form;
    QPlainTextEdit *m_json;
    QLabel *m_errorLabel;
    QPushButton *m_add;
    QPushButton *m_remove;
    QJsonObject m_space; //!< the last JSON object, with the keys the form does not show
    QString m_error;
    bool m_syncing = false;
};

} // namespace Ncf::Ui
