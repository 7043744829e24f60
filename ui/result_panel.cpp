#include "ui/result_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "core/analysis/comparison.h"
#include "core/analysis/verdict.h"
#include "ui/axis_units.h"
#include "ui/breakdown_chart.h"
#include "ui/request_rows.h"
#include "ui/session_model.h"
#include "ui/verdict_text.h"

namespace poolscope::ui {

namespace {

QString cell(const QString& text, bool bold = false) {
    return bold ? QStringLiteral("<td align=right><b>%1</b></td>").arg(text)
                : QStringLiteral("<td align=right>%1</td>").arg(text);
}

// One row of the serial | parallel table; "–" where a run is missing or has no figure.
template <typename F>
QString tableRow(const QString& name, const std::optional<RunResult>& s,
                 const std::optional<RunResult>& p, F figure) {
    const QString dash = QStringLiteral("–");
    return QStringLiteral("<tr><td>%1</td>%2%3</tr>")
        .arg(name, cell(s ? figure(*s) : dash, true), cell(p ? figure(*p) : dash, true));
}

// --backend mpi: the rows above count the engine's host; each host's own peak PSS and CPU time.
QString hostRows(const RunResult& r) {
    QString rows;
    for (const HostFigures& h : r.host_totals) {
        const QString figures = h.samples ? ResultPanel::tr("%1, %2 CPU")
                                                .arg(formatBytes(double(h.peak_pss_sum_bytes)),
                                                     formatSeconds(h.process_cpu_s))
                                          : ResultPanel::tr("no samples");
        rows += QStringLiteral("<tr><td>%1</td>%2%3</tr>")
                    .arg(hostTitle(h.host, h.engine).toHtmlEscaped(), cell(QStringLiteral("–")),
                         cell(figures, true));
    }
    return rows;
}

QString figuresTable(const std::optional<RunResult>& s, const std::optional<RunResult>& p) {
    QString t = QStringLiteral("<table cellspacing=2 cellpadding=1><tr><td></td>%1%2</tr>")
                    .arg(cell(ResultPanel::tr("serial")), cell(ResultPanel::tr("parallel")));
    t += tableRow(ResultPanel::tr("wall"), s, p, [](const RunResult& r) {
        return r.partial ? ResultPanel::tr("%1 (partial)").arg(formatSeconds(r.wall_s))
                         : formatSeconds(r.wall_s);
    });
    t += tableRow(ResultPanel::tr("start-up"), s, p,
                  [](const RunResult& r) { return formatSeconds(r.startup_s); });
    t += tableRow(ResultPanel::tr("peak PSS"), s, p, [](const RunResult& r) {
        return r.memory.samples ? formatBytes(double(r.memory.peak_pss_sum_bytes))
                                : QStringLiteral("–");
    });
    t += tableRow(ResultPanel::tr("mean CPU"), s, p, [](const RunResult& r) {
        return r.cpu.samples > 1
                   ? QStringLiteral("%1 %").arg(r.cpu.mean_machine_util * 100, 0, 'f', 0)
                   : QStringLiteral("–");
    });
    if (p) t += hostRows(*p);
    return t + QStringLiteral("</table>");
}

}  // namespace

ResultPanel::ResultPanel(QWidget* parent) : QWidget(parent) {
    breakdown_ = new BreakdownChart;
    breakdown_->setMinimumHeight(130);
    // Its legend would ask for more: on a projector's 1366 pixels the figures beside it come first.
    breakdown_->setMinimumWidth(300);
    figures_ = new QLabel;
    figures_->setTextFormat(Qt::RichText);
    figures_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    figures_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_ = new QLabel;
    summary_->setTextFormat(Qt::RichText);
    summary_->setWordWrap(true);
    summary_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    verdict_ = new QLabel;
    verdict_->setWordWrap(true);
    verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* numbers = new QHBoxLayout;
    numbers->addWidget(breakdown_, 1);
    numbers->addWidget(figures_);
    numbers->addWidget(summary_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 4);
    layout->addLayout(numbers, 1);
    layout->addWidget(verdict_);
    refresh(SessionModel());
}

void ResultPanel::setChartStyle(const ChartStyle& style) {
    signature_.reset();
    breakdown_->setChartStyle(style);
    QFont f = style.font();
    figures_->setFont(f);
    summary_->setFont(f);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    verdict_->setFont(f);
}

void ResultPanel::refresh(const SessionModel& session) {
    const auto [s, p] = session.latestPair();
    // Figures change only when a run ends (or a new request begins).
    const Request* now = session.current();
    if (!signature_.changed(reinterpret_cast<uintptr_t>(s), s && s->result,
                            reinterpret_cast<uintptr_t>(p), p && p->result, now ? now->id : 0,
                            now ? static_cast<int>(now->state) : -1))
        return;
    std::optional<RunResult> sr = s ? s->result : std::nullopt;
    std::optional<RunResult> pr = p ? p->result : std::nullopt;
    breakdown_->setRuns(sr, pr);
    figures_->setText(figuresTable(sr, pr));
    const Request* req = session.current();
    std::optional<Comparison> c = req ? req->comparison() : std::nullopt;
    if (!c && sr && pr)  // serial and parallel from separate requests: compare the latest
        c = make_comparison(make_series({*sr}), make_series({*pr}));
    QString verdict =
        tr("Press Compare to run serial, then parallel, and see where the time went.");
    QString summary, style;
    if (c) {
        const QString mismatch =
            QStringLiteral("<span style='color:#d00; font-weight:bold'>%1</span>")
                .arg(tr("DIFFER"));
        summary = tr("speedup <b>%1×</b><br>efficiency <b>%2 %</b><br>T <b>%3</b> per task<br>"
                     "C <b>%4</b> overhead per task<br>checksums %5")
                      .arg(QString::number(c->speedup, 'g', 3),
                           QString::number(c->efficiency * 100, 'f', 0), formatSeconds(c->T),
                           formatSeconds(c->C), c->checksums_match ? tr("<b>match</b>") : mismatch);
        const Verdict v = assess(*c);
        verdict = ui::verdictText(v);
        if (v.kind == VerdictKind::ChecksumMismatch || v.kind == VerdictKind::Partial)
            style = QStringLiteral("color:#c00; font-weight:bold;");
    }
    summary_->setText(summary);
    verdict_->setStyleSheet(style);
    verdict_->setText(verdict);
}

QString ResultPanel::figuresText() const {
    return figures_->text() + summary_->text();
}

QString ResultPanel::verdictText() const {
    return verdict_->text();
}

}  // namespace poolscope::ui
