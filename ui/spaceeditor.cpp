#include "ui/spaceeditor.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace Ncf::Ui {

namespace {

const QString kFixed = QStringLiteral("fixed");
const QString kChoice = QStringLiteral("choice");
const QString kUniform = QStringLiteral("uniform");
const QString kLogUniform = QStringLiteral("loguniform");

QString numberText(double v)
{
    return QString::number(v, 'g', 12);
}

//! One value as typed in a cell: numbers bare, strings bare unless they need quotes.
QString cellText(const QJsonValue &v)
{
    if (v.isDouble())
        return numberText(v.toDouble());
    if (v.isString()) {
        const QString s = v.toString();
        bool numeric = false;
        s.toDouble(&numeric);
        if (!numeric && !s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"'))
            && s.trimmed() == s && !s.isEmpty())
            return s;
    }
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

//! Parses a token typed without JSON quoting: a number when it reads as one, else text.
QJsonValue bareValue(const QString &token)
{
    const QString t = token.trimmed();
    bool numeric = false;
    const double v = t.toDouble(&numeric);
    if (numeric)
        return v;
    if (t.size() >= 2 && t.startsWith(QLatin1Char('"')) && t.endsWith(QLatin1Char('"')))
        return t.mid(1, t.size() - 2);
    return t;
}

//! "32, 64, 128" or "\"256,64\", \"128\"" (JSON without the brackets), or bare words.
QJsonArray valueList(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"), &error);
    if (error.error == QJsonParseError::NoError && doc.isArray())
        return doc.array();
    QJsonArray out;
    for (const QString &token : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!token.trimmed().isEmpty())
            out.append(bareValue(token));
    return out;
}

QJsonValue singleValue(const QString &text)
{
    const QJsonArray list = valueList(text);
    return list.size() == 1 && !text.contains(QLatin1Char(',')) ? list.first()
                                                                 : bareValue(text);
}

QJsonValue rangeBound(const QString &text)
{
    if (text.trimmed().isEmpty())
        return QJsonValue();
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    return ok ? QJsonValue(v) : QJsonValue(text.trimmed());
}

} // namespace

SpaceEditor::SpaceEditor(QWidget *parent)
    : QWidget(parent)
    , m_form(new QTableWidget(0, ColumnCount, this))
    , m_json(new QPlainTextEdit(this))
    , m_errorLabel(new QLabel(this))
    , m_add(new QPushButton(tr("Add parameter"), this))
    , m_remove(new QPushButton(tr("Remove parameter"), this))
{
    m_form->setHorizontalHeaderLabels(
        {tr("Parameter"), tr("Kind"), tr("Values"), tr("Low"), tr("High")});
    m_form->setToolTip(tr("The hyperparameters of the search: a fixed value every trial shares, "
                          "a choice among values, or a uniform or log-uniform range. Edits "
                          "here rewrite the JSON below."));
    const QStringList tips{tr("The parameter's name, as on the command line (--param)"),
                           tr("fixed: one value for every trial; choice: one of the values; "
                              "uniform or log-uniform: a range from low to high"),
                           tr("Comma-separated values of a choice, or the fixed value; quote "
                              "text containing commas"),
                           tr("Lower bound of a range (above 0 for log-uniform)"),
                           tr("Upper bound of a range")};
    for (int c = 0; c < ColumnCount; ++c)
        m_form->horizontalHeaderItem(c)->setToolTip(tips[c]);
    m_form->verticalHeader()->hide();
    QHeaderView *header = m_form->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ValuesColumn, QHeaderView::Stretch);
    m_form->setWordWrap(true);
    m_form->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_form->setMinimumHeight(150);
    connect(m_form, &QTableWidget::itemChanged, this, [this] { formEdited(); });

    m_add->setToolTip(tr("Add a row for another parameter of the model"));
    connect(m_add, &QPushButton::clicked, this, [this] {
        QSet<QString> used;
        for (int row = 0; row < m_form->rowCount(); ++row)
            used.insert(m_form->item(row, NameColumn)->text().trimmed());
        QString name;
        if (Result<ModelKind> kind = modelKindFromName(m_space.value(QLatin1String("model"))
                                                           .toString()))
            for (const QString &candidate : paramNames(*kind))
                if (!used.contains(candidate)) {
                    name = candidate;
                    break;
                }
        {
            const QScopedValueRollback<bool> syncing(m_syncing, true);
            addRow(name, kChoice, QJsonObject{{QStringLiteral("values"), QJsonArray()}});
        }
        m_form->setCurrentCell(m_form->rowCount() - 1, ValuesColumn);
        formEdited();
    });
    m_remove->setToolTip(tr("Remove the selected parameters"));
    connect(m_remove, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_form->selectionModel()->selectedRows())
            rows << index.row();
        if (rows.isEmpty() && m_form->currentRow() >= 0)
            rows << m_form->currentRow();
        std::sort(rows.begin(), rows.end(), std::greater<>());
        for (int row : rows)
            m_form->removeRow(row);
        formEdited();
    });

    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setToolTip(tr("The search space as JSON, as `ncf search --space` reads it; edits "
                          "here update the form"));
    m_json->setMinimumHeight(150);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] { jsonEdited(); });

    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c62828"));
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_form, 1);
    layout->addLayout(buttons);
    layout->addWidget(new QLabel(tr("JSON"), this));
    layout->addWidget(m_json, 1);
    layout->addWidget(m_errorLabel);
}

void SpaceEditor::setSpace(const SearchSpace &space)
{
    m_space = space.toJson();
    {
        const QScopedValueRollback<bool> syncing(m_syncing, true);
        fillForm(m_space);
    }
    writeJson(m_space);
    validate({});
}

void SpaceEditor::setJsonText(const QString &text)
{
    m_json->setPlainText(text);
}

QString SpaceEditor::jsonText() const
{
    return m_json->toPlainText();
}

void SpaceEditor::setMaxEpochs(int epochs)
{
    if (m_space.value(QLatin1String("max_epochs")).toInt() == epochs)
        return;
    m_space.insert(QStringLiteral("max_epochs"), epochs);
    writeJson(m_space);
    validate({});
}

Result<SearchSpace> SpaceEditor::space() const
{
    if (!m_error.isEmpty())
        return makeError(m_error);
    return SearchSpace::fromJson(m_space);
}

void SpaceEditor::formEdited()
{
    if (m_syncing)
        return;
    for (int row = 0; row < m_form->rowCount(); ++row)
        updateRowFlags(row);
    m_space = formJson();
    writeJson(m_space);
    QStringList twice;
    QSet<QString> seen;
    for (int row = 0; row < m_form->rowCount(); ++row) {
        const QString name = m_form->item(row, NameColumn)->text().trimmed();
        if (name.isEmpty())
            twice << tr("row %1 has no parameter name").arg(row + 1);
        else if (seen.contains(name))
            twice << tr("parameter %1 appears twice").arg(name);
        seen.insert(name);
    }
    validate(twice.isEmpty() ? QString()
                             : tr("search space: %1").arg(twice.join(QStringLiteral("; "))));
}

void SpaceEditor::jsonEdited()
{
    if (m_syncing)
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(m_json->toPlainText().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        validate(tr("Not valid JSON at character %1: %2")
                     .arg(error.offset)
                     .arg(error.errorString()));
        return;
    }
    if (!doc.isObject()) {
        validate(tr("The search space must be a JSON object"));
        return;
    }
    m_space = doc.object();
    {
        const QScopedValueRollback<bool> syncing(m_syncing, true);
        fillForm(m_space);
    }
    validate({});
}

void SpaceEditor::fillForm(const QJsonObject &space)
{
    m_form->setRowCount(0);
    const QJsonObject fixed = space.value(QLatin1String("fixed")).toObject();
    for (auto it = fixed.begin(); it != fixed.end(); ++it)
        addRow(it.key(), kFixed, it.value());
    const QJsonObject params = space.value(QLatin1String("params")).toObject();
    for (auto it = params.begin(); it != params.end(); ++it)
        addRow(it.key(), it.value().toObject().value(QLatin1String("type")).toString(),
               it.value());
}

void SpaceEditor::addRow(const QString &name, const QString &kind, const QJsonValue &spec)
{
    const int row = m_form->rowCount();
    m_form->insertRow(row);
    m_form->setItem(row, NameColumn, new QTableWidgetItem(name));
    auto *kinds = new QComboBox;
    kinds->addItem(tr("fixed"), kFixed);
    kinds->addItem(tr("choice"), kChoice);
    kinds->addItem(tr("uniform"), kUniform);
    kinds->addItem(tr("log-uniform"), kLogUniform);
    kinds->setToolTip(m_form->horizontalHeaderItem(KindColumn)->toolTip());
    // An unknown type stays visible as text so that the JSON's error can be read and fixed.
    if (kinds->findData(kind) < 0)
        kinds->addItem(kind, kind);
    kinds->setCurrentIndex(kinds->findData(kind));
    m_form->setCellWidget(row, KindColumn, kinds);

    QString values, low, high;
    const QJsonObject object = spec.toObject();
    if (kind == kFixed) {
        values = cellText(spec);
    } else if (kind == kChoice) {
        QStringList parts;
        for (const QJsonValue &v : object.value(QLatin1String("values")).toArray())
            parts << cellText(v);
        values = parts.join(QStringLiteral(", "));
    } else {
        const QJsonValue l = object.value(QLatin1String("low"));
        const QJsonValue h = object.value(QLatin1String("high"));
        low = l.isUndefined() ? QString() : cellText(l);
        high = h.isUndefined() ? QString() : cellText(h);
    }
    m_form->setItem(row, ValuesColumn, new QTableWidgetItem(values));
    m_form->setItem(row, LowColumn, new QTableWidgetItem(low));
    m_form->setItem(row, HighColumn, new QTableWidgetItem(high));
    updateRowFlags(row);
    connect(kinds, &QComboBox::currentIndexChanged, this, [this, kinds] {
        if (m_syncing)
            return;
        for (int r = 0; r < m_form->rowCount(); ++r)
            if (m_form->cellWidget(r, KindColumn) == kinds) {
                // Carry the values over: a choice's extremes become a range and back.
                const QString to = kinds->currentData().toString();
                const QScopedValueRollback<bool> syncing(m_syncing, true);
                QTableWidgetItem *v = m_form->item(r, ValuesColumn);
                QTableWidgetItem *l = m_form->item(r, LowColumn);
                QTableWidgetItem *h = m_form->item(r, HighColumn);
                if ((to == kUniform || to == kLogUniform) && l->text().isEmpty()) {
                    std::vector<double> numbers;
                    for (const QJsonValue &x : valueList(v->text()))
                        if (x.isDouble() && (to == kUniform || x.toDouble() > 0))
                            numbers.push_back(x.toDouble());
                    const auto [lo, hi] = std::minmax_element(numbers.begin(), numbers.end());
                    l->setText(numbers.empty() ? QString() : numberText(*lo));
                    h->setText(numbers.empty() ? QString() : numberText(*hi));
                } else if ((to == kChoice || to == kFixed) && v->text().isEmpty()
                           && !l->text().isEmpty()) {
                    v->setText(to == kFixed ? l->text() : l->text() + QStringLiteral(", ")
                                                              + h->text());
                }
            }
        formEdited();
    });
}

void SpaceEditor::updateRowFlags(int row)
{
    const auto *kinds = qobject_cast<QComboBox *>(m_form->cellWidget(row, KindColumn));
    const QString kind = kinds ? kinds->currentData().toString() : QString();
    const bool range = kind == kUniform || kind == kLogUniform;
    const QScopedValueRollback<bool> syncing(m_syncing, true);
    for (int column : {ValuesColumn, LowColumn, HighColumn}) {
        QTableWidgetItem *item = m_form->item(row, column);
        if (!item)
            continue;
        const bool editable = (column == ValuesColumn) != range;
        item->setFlags(editable ? item->flags() | Qt::ItemIsEditable | Qt::ItemIsEnabled
                                : item->flags() & ~(Qt::ItemIsEditable | Qt::ItemIsEnabled));
    }
}

QJsonObject SpaceEditor::formJson() const
{
    QJsonObject out = m_space;
    QJsonObject fixed, params;
    for (int row = 0; row < m_form->rowCount(); ++row) {
        const QString name = m_form->item(row, NameColumn)->text().trimmed();
        const auto *kinds = qobject_cast<QComboBox *>(m_form->cellWidget(row, KindColumn));
        const QString kind = kinds ? kinds->currentData().toString() : kChoice;
        const QString values = m_form->item(row, ValuesColumn)->text();
        if (kind == kFixed) {
            fixed.insert(name, singleValue(values));
        } else if (kind == kChoice) {
            params.insert(name, QJsonObject{{QStringLiteral("type"), kind},
                                            {QStringLiteral("values"), valueList(values)}});
        } else {
            QJsonObject spec{{QStringLiteral("type"), kind}};
            const QJsonValue low = rangeBound(m_form->item(row, LowColumn)->text());
            const QJsonValue high = rangeBound(m_form->item(row, HighColumn)->text());
            if (!low.isNull())
                spec.insert(QStringLiteral("low"), low);
            if (!high.isNull())
                spec.insert(QStringLiteral("high"), high);
            params.insert(name, spec);
        }
    }
    out.insert(QStringLiteral("fixed"), fixed);
    out.insert(QStringLiteral("params"), params);
    return out;
}

void SpaceEditor::writeJson(const QJsonObject &space)
{
    const QScopedValueRollback<bool> syncing(m_syncing, true);
    m_json->setPlainText(
        QString::fromUtf8(QJsonDocument(space).toJson(QJsonDocument::Indented)));
}

void SpaceEditor::validate(const QString &problem)
{
    m_error = problem;
    if (m_error.isEmpty())
        if (Result<SearchSpace> parsed = SearchSpace::fromJson(m_space); !parsed)
            m_error = parsed.error();
    m_errorLabel->setText(m_error);
    m_errorLabel->setVisible(!m_error.isEmpty());
    Q_EMIT changed();
}

} // namespace Ncf::Ui
