// History exports: the chosen runs as CSV (one row per run: the history's own columns, then
// the core's CSV columns of the RESULT, RFC 4180 quoting), as JSON (an array of the core's
// RESULT documents), as a Markdown table (for a report or a chat), and one run as a
// Chrome/Perfetto trace of its chunk timeline through the core's trace exporter. Plain
// functions over the session; the caller picks the runs and the file.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "ui/run_ref.h"

namespace poolscope::ui {

class SessionModel;
struct RunTrace;

// Runs that no longer exist are skipped.
QByteArray historyCsv(const SessionModel& session, const QList<RunRef>& runs);
// Runs that never got a RESULT (failed before run_end, still running) are skipped.
QByteArray historyJson(const SessionModel& session, const QList<RunRef>& runs);
QString historyMarkdown(const SessionModel& session, const QList<RunRef>& runs);
// {"traceEvents": …} of this one run, its samples as memory and CPU counters.
QByteArray runTraceJson(const RunTrace& run);

// Writes atomically (QSaveFile): the file is either the whole export or left as it was.
bool writeExport(const QString& path, const QByteArray& data, QString* error);
// A Markdown table cell: pipes escaped, line breaks flattened.
QString markdownCell(const QString& text);

}  // namespace poolscope::ui
