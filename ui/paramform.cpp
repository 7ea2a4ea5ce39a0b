#include "ui/paramform.h"

#include <QComboBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Ncf::Ui {

ParamForm::ParamForm(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    setKind(m_kind);
}

QString ParamForm::Field::text() const
{
    return edit ? edit->text() : choice->currentText();
}

QString ParamForm::describe(const QString &name)
{
    if (name == QLatin1String("embedding_dim"))
        return tr("Width of the user and movie embeddings");
    if (name == QLatin1String("hidden"))
        return tr("Widths of the dense layers, comma-separated (for example 256,64)");
    if (name == QLatin1String("dropout"))
        return tr("Dropout probability of the dense layers");
    if (name == QLatin1String("lr"))
        return tr("Adam learning rate");
    if (name == QLatin1String("weight_decay"))
        return tr("L2 penalty on the dense layers and the embedding rows a batch touches");
    if (name == QLatin1String("batch_size"))
        return tr("Ratings per optimisation step");
    if (name == QLatin1String("hidden_dim"))
        return tr("Width of the encoder and decoder layers");
    if (name == QLatin1String("latent_dim"))
        return tr("Width of the bottleneck (the latent code)");
    if (name == QLatin1String("start_beta"))
        return tr("KL weight at the first epoch");
    if (name == QLatin1String("offset_beta"))
        return tr("How far the KL weight rises by the last epoch");
    if (name == QLatin1String("annealer"))
        return tr("How the KL weight moves over the epochs: linear, exponential, cosine, "
                  "constant or zero");
    if (name == QLatin1String("factors"))
        return tr("Latent factors of matrix factorisation");
    if (name == QLatin1String("reg"))
        return tr("L2 regularisation of the factors and biases");
    if (name == QLatin1String("patience"))
        return tr("Stop after this many epochs without a better validation MSE; 0 never "
                  "stops early");
    return name;
}

void ParamForm::setKind(ModelKind kind)
{
    m_kind = kind;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    const QJsonObject defaults = paramsToJson(defaultParams(kind), kind);
    for (const QString &name : paramNames(kind)) {
        Field field;
        field.name = name;
        auto *cell = new QWidget;
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        const QJsonValue value = defaults.value(name);
        if (name == QLatin1String("annealer")) {
            field.choice = new QComboBox;
            for (BetaAnnealer a : {BetaAnnealer::Linear, BetaAnnealer::Exponential,
                                   BetaAnnealer::Cosine, BetaAnnealer::Constant,
                                   BetaAnnealer::Zero})
                field.choice->addItem(annealerName(a));
            field.choice->setCurrentText(value.toString());
            field.choice->setToolTip(describe(name));
            connect(field.choice, &QComboBox::currentIndexChanged, this,
                    &ParamForm::validate);
            cellLayout->addWidget(field.choice);
        } else {
            field.edit = new QLineEdit(value.isString() ? value.toString()
                                                        : QString::number(value.toDouble(),
                                                                          'g', 10));
            field.edit->setObjectName(QStringLiteral("param_") + name);
            field.edit->setToolTip(describe(name));
            connect(field.edit, &QLineEdit::textChanged, this, &ParamForm::validate);
            cellLayout->addWidget(field.edit);
        }
        field.error = new QLabel;
        field.error->setObjectName(QStringLiteral("paramError_") + name);
        field.error->setWordWrap(true);
        field.error->setStyleSheet(QStringLiteral("color: #c62828"));
        field.error->setVisible(false);
        cellLayout->addWidget(field.error);
        m_form->addRow(name, cell);
        m_fields.push_back(field);
    }
    if (m_fields.empty())
        m_form->addRow(new QLabel(tr("This model has no hyperparameters.")));
    validate();
}

void ParamForm::validate()
{
    m_params = defaultParams(m_kind);
    m_firstError.clear();
    for (const Field &field : m_fields) {
        const Result<void> r = Ncf::setParamAssignment(m_params, field.name + QLatin1Char('=')
                                                                     + field.text());
        field.error->setText(r ? QString() : r.error());
        field.error->setVisible(!r);
        if (field.edit)
            field.edit->setStyleSheet(r ? QString()
                                        : QStringLiteral("border: 1px solid #c62828"));
        if (!r && m_firstError.isEmpty())
            m_firstError = r.error();
    }
    Q_EMIT changed();
}

Result<void> ParamForm::setAssignment(const QString &assignment)
{
    const qsizetype eq = assignment.indexOf(QLatin1Char('='));
    const QString name = assignment.left(eq).trimmed();
    const QString value = assignment.mid(eq + 1).trimmed();
    for (Field &field : m_fields) {
        if (eq <= 0 || field.name != name)
            continue;
        if (field.edit) {
            field.edit->setText(value);
        } else {
            if (Result<BetaAnnealer> a = annealerFromName(value); !a)
                return makeError(a.error());
            field.choice->setCurrentText(value.toLower());
        }
        return {};
    }
    return makeError(tr("%1 has no parameter '%2'").arg(modelKindName(m_kind), name));
}

QString ParamForm::error(const QString &name) const
{
    for (const Field &field : m_fields)
        if (field.name == name)
            return field.error->text();
    return {};
}

} // namespace Ncf::Ui
