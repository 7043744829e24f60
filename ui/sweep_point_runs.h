// The runs of one sweep point as a recorded stream the session opens like a saved file: the
// point's serial baseline and its own counted runs, read back from the SWEEP document's JSON
// (each result as `run_end` carried it), so the history lists them and compares them as it does
// a Compare request's. A saved sweep holds them too, so this works for opened files as well.
#pragma once

#include <QString>
#include <optional>

#include "core/events/event_reader.h"
#include "ui/sweep_document.h"

namespace poolscope::ui {

// nullopt and `error` set when the point did not run or its results are not in the document.
std::optional<EventStream> sweepPointStream(const SweepDocument& doc, std::size_t point,
                                            QString* error);

}  // namespace poolscope::ui
