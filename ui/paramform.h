#pragma once

#include "core/common/result.h"
#include "core/models/modelspec.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace Ncf::Ui {

//! The hyperparameters of one model kind as a form: one editor per name of paramNames(kind),
//! filled with defaultParams(kind), each value checked by setParamAssignment() as it is
//! typed, with the error shown under its field.
class ParamForm : public QWidget
{
    Q_OBJECT

public:
    explicit ParamForm(QWidget *parent = nullptr);

    //! Rebuilds the form for `kind` with its defaults.
    void setKind(ModelKind kind);
    ModelKind kind() const { return m_kind; }

    //! The parameters as typed (valid only when firstError() is empty).
    const ModelParams &params() const { return m_params; }
    //! The first invalid field's message; "" when every value is valid.
    QString firstError() const { return m_firstError; }
    //! The message shown under parameter `name` ("" when its value is valid).
    QString error(const QString &name) const;
    //! Puts "name=value" into that field, where it is checked like a typed value; fails
    //! only when the form has no such field (or the annealer is not one of the list).
    Result<void> setAssignment(const QString &assignment);

    //! A short description of parameter `name`, for tooltips.
    static QString describe(const QString &name);

Q_SIGNALS:
    //! A value changed; params() and firstError() are up to date.
    void changed();

private:
    struct Field
    {
        QString name;
        QLineEdit *edit = nullptr;
        QComboBox *choice = nullptr; //!< the annealer
        QLabel *error = nullptr;
        QString text() const;
    };

    void validate();

    QFormLayout *m_form;
    ModelKind m_kind = ModelKind::NonLinear;
    std::vector<Field> m_fields;
    ModelParams m_params;
    QString m_firstError;
};

} // namespace Ncf::Ui
