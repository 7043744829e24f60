#include "ui/param_form.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QToolButton>
#include <QValidator>
#include <algorithm>
#include <climits>
#include <cmath>
#include <utility>

#include "ui/error_label.h"

namespace poolscope::ui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString shortest(double v) {
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

// A whole number past what a QSpinBox (int) holds, e.g. a 64-bit seed: digits only, and never
// more than the domain's upper bound.
class WholeNumberValidator : public QValidator {
  public:
    WholeNumberValidator(const ParamDomain& domain, QObject* parent)
        : QValidator(parent), domain_(domain) {}
    State validate(QString& input, int&) const override {
        if (input.isEmpty()) return Intermediate;
        for (const QChar c : input)
            if (!c.isDigit()) return Invalid;
        bool ok = false;
        const quint64 v = input.toULongLong(&ok);
        if (!ok || v > domain_.hi) return Invalid;
        return v < domain_.lo ? Intermediate : Acceptable;
    }

  private:
    ParamDomain domain_;
};

// Shows 0.02 as "0.02", not "0.020000": as many decimals as the value needs.
class CompactDoubleSpinBox : public QDoubleSpinBox {
  public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double value) const override {
        return locale().toString(value, 'g', QLocale::FloatingPointShortest);
    }
};

// A step that moves a visible amount: a hundredth of the span's order, at most 1.
double stepFor(double span) {
    if (span <= 0) return 1;
    return std::min(1.0, std::pow(10.0, std::floor(std::log10(span)) - 2));
}

bool sameValue(const ParamDomain& d, const QString& a, const QString& b) {
    bool okA = false;
    bool okB = false;
    if (d.kind == ParamDomain::Kind::Integer) {
        const quint64 x = a.toULongLong(&okA);
        const quint64 y = b.toULongLong(&okB);
        return okA && okB ? x == y : a == b;
    }
    if (d.kind == ParamDomain::Kind::Real) {
        const double x = a.toDouble(&okA);
        const double y = b.toDouble(&okB);
        return okA && okB ? x == y : a == b;
    }
    return a == b;
}

}  // namespace

ParamForm::ParamForm(QWidget* parent)
    : QWidget(parent), form_(new QFormLayout), formError_(new ErrorLabel(this)) {
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(formError_);
    column->addLayout(form_);
    form_->setContentsMargins(0, 0, 0, 0);
    form_->setRowWrapPolicy(QFormLayout::WrapLongRows);
    // Tighter than the style's rows: blur's seven parameters still fit a small screen's dock.
    form_->setVerticalSpacing(3);
}

void ParamForm::setWorkload(const WorkloadInfo& info) {
    while (form_->rowCount() > 0) form_->removeRow(0);
    rows_.clear();
    extra_.clear();
    formError_->setMessage({});
    rows_.reserve(info.params.size());
    for (const auto& spec : info.params) rows_.push_back({spec, param_domain(spec)});
    const bool wasLoading = std::exchange(loading_, true);
    for (Row& row : rows_) {
        QWidget* field = makeEditor(row);
        const QString tip =
            tr("%1\nRange: %2; default: %3")
                .arg(qs(row.spec.help), qs(row.spec.range),
                     row.spec.default_value.empty() ? tr("none") : qs(row.spec.default_value));
        row.editor->setToolTip(tip);
        form_->addRow(qs(row.spec.key), field);
        if (QWidget* label = form_->labelForField(field)) label->setToolTip(tip);
        row.error = new ErrorLabel(this);
        form_->addRow(row.error);
        setEditorText(row, qs(row.spec.default_value));
    }
    if (rows_.empty()) form_->addRow(new QLabel(tr("(no parameters)"), this));
    loading_ = wasLoading;
}

QWidget* ParamForm::makeEditor(Row& row) {
    const ParamDomain& d = row.domain;
    const QString key = qs(row.spec.key);
    QWidget* field = nullptr;
    if (d.kind == ParamDomain::Kind::Integer && d.hi <= static_cast<quint64>(INT_MAX)) {
        auto* spin = new QSpinBox(this);
        spin->setRange(static_cast<int>(d.lo), static_cast<int>(d.hi));
        spin->setAccelerated(true);
        connect(spin, &QSpinBox::valueChanged, this, [this, key] { edited(key); });
        row.editor = field = spin;
    } else if (d.kind == ParamDomain::Kind::Real) {
        auto* spin = new CompactDoubleSpinBox(this);
        spin->setDecimals(6);
        spin->setRange(d.real_lo, d.real_hi);
        spin->setSingleStep(stepFor(d.real_hi - d.real_lo));
        spin->setAccelerated(true);
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key] { edited(key); });
        row.editor = field = spin;
    } else if (d.kind == ParamDomain::Kind::Choice) {
        auto* combo = new QComboBox(this);
        for (const auto& c : d.choices) combo->addItem(qs(c));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, key] { edited(key); });
        row.editor = field = combo;
    } else {
        auto* line = new QLineEdit(this);
        if (d.kind == ParamDomain::Kind::Integer)
            line->setValidator(new WholeNumberValidator(d, line));
        connect(line, &QLineEdit::textChanged, this, [this, key] { edited(key); });
        row.editor = field = line;
        if (d.kind == ParamDomain::Kind::Path) {
            line->setPlaceholderText(tr("none"));
            field = new QWidget(this);
            auto* box = new QHBoxLayout(field);
            box->setContentsMargins(0, 0, 0, 0);
            box->addWidget(line);
            auto* browse = new QToolButton(field);
            browse->setText(tr("…"));
            browse->setToolTip(tr("Choose a folder"));
            box->addWidget(browse);
            connect(browse, &QToolButton::clicked, line, [line] {
                const QString dir =
                    QFileDialog::getExistingDirectory(line, tr("Choose a folder"), line->text());
                if (!dir.isEmpty()) line->setText(dir);
            });
        }
    }
    row.editor->setObjectName(QStringLiteral("param:") + key);
    return field;
}

QString ParamForm::editorText(const Row& row) const {
    if (auto* spin = qobject_cast<QSpinBox*>(row.editor)) return QString::number(spin->value());
    if (auto* spin = qobject_cast<QDoubleSpinBox*>(row.editor)) return shortest(spin->value());
    if (auto* combo = qobject_cast<QComboBox*>(row.editor)) return combo->currentText();
    if (auto* line = qobject_cast<QLineEdit*>(row.editor)) return line->text();
    return {};
}

void ParamForm::setEditorText(Row& row, const QString& value) {
    bool ok = false;
    if (auto* spin = qobject_cast<QSpinBox*>(row.editor)) {
        const quint64 v = value.toULongLong(&ok);
        if (ok && v >= row.domain.lo && v <= row.domain.hi) spin->setValue(static_cast<int>(v));
    } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(row.editor)) {
        const double v = value.toDouble(&ok);
        if (ok && v >= row.domain.real_lo && v <= row.domain.real_hi) dspin->setValue(v);
    } else if (auto* combo = qobject_cast<QComboBox*>(row.editor)) {
        if (const int i = combo->findText(value); i >= 0) combo->setCurrentIndex(i);
    } else if (auto* line = qobject_cast<QLineEdit*>(row.editor)) {
        line->setText(value);
    }
    // What the editor could not hold exactly stays as given (see setValues).
    row.given.reset();
    if (!row.domain.contains(value.toStdString()) || !sameValue(row.domain, editorText(row), value))
        row.given = value;
}

void ParamForm::setValues(const QMap<QString, QString>& values) {
    const bool wasLoading = std::exchange(loading_, true);
    extra_ = values;
    for (Row& row : rows_) {
        const QString key = qs(row.spec.key);
        setEditorText(row, values.value(key, qs(row.spec.default_value)));
        extra_.remove(key);
    }
    loading_ = wasLoading;
}

QMap<QString, QString> ParamForm::values() const {
    QMap<QString, QString> out = extra_;
    for (const Row& row : rows_) {
        const QString value = row.given ? *row.given : editorText(row);
        if (!row.given && sameValue(row.domain, value, qs(row.spec.default_value))) continue;
        out.insert(qs(row.spec.key), value);
    }
    return out;
}

QWidget* ParamForm::editor(const QString& key) const {
    for (const Row& row : rows_)
        if (qs(row.spec.key) == key) return row.editor;
    return nullptr;
}

void ParamForm::setError(const QString& key, const QString& message) {
    for (Row& row : rows_) {
        if (qs(row.spec.key) != key) continue;
        row.error->setMessage(message);
        return;
    }
    formError_->setMessage(message);
}

void ParamForm::clearErrors() {
    for (Row& row : rows_) row.error->setMessage({});
    formError_->setMessage({});
}

QString ParamForm::error(const QString& key) const {
    for (const Row& row : rows_)
        if (qs(row.spec.key) == key) return row.error->text();
    return formError_->text();
}

void ParamForm::edited(const QString& key) {
    if (loading_) return;
    for (Row& row : rows_)
        if (qs(row.spec.key) == key) row.given.reset();
    emit valuesChanged();
}

}  // namespace poolscope::ui
