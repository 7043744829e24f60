#include "ui/comparison_text.h"

#include <QCoreApplication>
#include <QStringList>
#include <cmath>

#include "ui/axis_units.h"
#include "ui/history_export.h"
#include "ui/run_trace.h"

namespace poolscope::ui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("ComparisonText", text);
}

QString label(const RunTrace& run) {
    return QString::fromStdString(run.label);
}

// The summary names a breakdown part only where it is at least this share of either run's
// worker-seconds: a 40 % change of a part that costs nothing is noise to the reader.
constexpr double kNotableShare = 0.05;

bool notable(const FigureChange& c, const RunResult& a, const RunResult& b) {
    if (c.figure == Figure::Wall || c.figure == Figure::PeakPss || c.figure == Figure::MeanCpu)
        return true;
    if (c.figure == Figure::BytesMoved) return c.from > 0 || c.to > 0;
    const double ta = a.breakdown.total(), tb = b.breakdown.total();
    return (ta > 0 && c.from / ta >= kNotableShare) || (tb > 0 && c.to / tb >= kNotableShare);
}

}  // namespace

QString runLetter(int index) {
    QString name;
    for (int i = index + 1; i > 0; i = (i - 1) / 26)
        name.prepend(QChar(u'A' + static_cast<char16_t>((i - 1) % 26)));
    return name;
}

QString figureName(Figure figure) {
    switch (figure) {
        case Figure::Wall:
            return tr("wall");
        case Figure::Startup:
            return tr("start-up");
        case Figure::Serialization:
            return tr("serialization");
        case Figure::Transfer:
            return tr("transfer");
        case Figure::Compute:
            return tr("compute");
        case Figure::Teardown:
            return tr("teardown");
        case Figure::Idle:
            return tr("idle");
        case Figure::PeakPss:
            return tr("peak PSS");
        case Figure::MeanCpu:
            return tr("mean CPU");
        case Figure::BytesMoved:
            return tr("bytes moved");
    }
    return {};
}

QString figureValueText(Figure figure, double value) {
    switch (figure) {
        case Figure::PeakPss:
        case Figure::BytesMoved:
            return formatBytes(value);
        case Figure::MeanCpu:
            return tr("%1 %").arg(value * 100, 0, 'f', 0);
        default:
            return formatSeconds(value);
    }
}

QString relativeText(double relative) {
    const double pct = relative * 100;
    const int decimals = std::abs(pct) < 10 ? 1 : 0;
    QString number = QString::number(std::abs(pct), 'f', decimals);
    if (number == QStringLiteral("0.0")) return tr("±0 %");
    return tr("%1%2 %").arg(pct < 0 ? QStringLiteral("−") : QStringLiteral("+"), number);
}

QString configChangeText(const ConfigChange& c) {
    return tr("%1 %2 → %3")
        .arg(QString::fromStdString(c.key), QString::fromStdString(c.from),
             QString::fromStdString(c.to));
}

QString figureChangeText(const FigureChange& c) {
    if (c.relative) return tr("%1 %2").arg(figureName(c.figure), relativeText(*c.relative));
    return tr("%1 %2 → %3")
        .arg(figureName(c.figure), figureValueText(c.figure, c.from),
             figureValueText(c.figure, c.to));
}

QString comparisonSummary(const QList<const RunTrace*>& runs) {
    if (runs.size() < 2) return tr("Select two or more runs to compare them.");
    QStringList paragraphs;
    const RunTrace& base = *runs.first();
    for (qsizetype i = 1; i < runs.size(); ++i) {
        const RunTrace& run = *runs[i];
        QStringList config;
        for (const auto& c : config_changes(base.config, run.config)) config << configChangeText(c);
        QString text = tr("%1 vs %2: ").arg(runLetter(int(i)), runLetter(0));
        text += config.isEmpty() ? tr("same configuration") : config.join(QStringLiteral(", "));
        if (!base.result || !run.result) {
            text += tr("; no figures (a run has no result)");
        } else {
            QStringList figures;
            for (const auto& c : figure_changes(*base.result, *run.result))
                if (notable(c, *base.result, *run.result)) figures << figureChangeText(c);
            text += QStringLiteral("; ") + figures.join(QStringLiteral(", "));
        }
        paragraphs << text;
    }
    return paragraphs.join(QLatin1Char('\n'));
}

QString comparisonMarkdown(const QList<const RunTrace*>& runs) {
    if (runs.isEmpty()) return {};
    QStringList header{tr("figure")}, rule{QStringLiteral("---")};
    for (qsizetype i = 0; i < runs.size(); ++i) {
        header << markdownCell(tr("%1: %2").arg(runLetter(int(i)), label(*runs[i])));
        rule << QStringLiteral("--:");
    }
    QString out = QStringLiteral("| %1 |\n| %2 |\n")
                      .arg(header.join(QStringLiteral(" | ")), rule.join(QStringLiteral(" | ")));
    const auto row = [&](const QString& name, const QStringList& cells) {
        out += QStringLiteral("| %1 | %2 |\n")
                   .arg(markdownCell(name), cells.join(QStringLiteral(" | ")));
    };
    // Configuration rows where any run differs from the first.
    const RunConfig& first = runs.first()->config;
    QList<std::string> keys;
    for (const RunTrace* run : runs)
        for (auto& key : config_keys(first, run->config))
            if (!keys.contains(key)) keys << key;
    for (const auto& key : keys) {
        QStringList cells;
        bool differs = false;
        for (const RunTrace* run : runs) {
            const std::string value = config_value(run->config, key);
            differs = differs || value != config_value(first, key);
            cells << markdownCell(QString::fromStdString(value));
        }
        if (differs) row(QString::fromStdString(key), cells);
    }
    for (int f = 0; f < kFigureCount; ++f) {
        const auto figure = static_cast<Figure>(f);
        // A plain double: GCC's flow analysis mistakes an optional here for uninitialised.
        const double base =
            runs.first()->result ? figure_value(*runs.first()->result, figure).value_or(0.0) : 0.0;
        QStringList cells;
        bool any = false;
        for (const RunTrace* run : runs) {
            const auto v = run->result ? figure_value(*run->result, figure) : std::nullopt;
            QString cell = v ? figureValueText(figure, *v) : QStringLiteral("–");
            if (v && run != runs.first() && base > 0)
                cell += QStringLiteral(" (%1)").arg(relativeText((*v - base) / base));
            any = any || v.has_value();
            cells << markdownCell(cell);
        }
        if (any) row(figureName(figure), cells);
    }
    return out;
}

}  // namespace poolscope::ui
