// The table of sweep axes (core/config/sweep_axis_schema.h says what each field means). An axis
// takes its values, words and default from the run option it varies, so a value added to run's
// option reaches the axis at once.
#include "core/config/sweep_axis_schema.h"

namespace poolscope {

namespace {

OptionInfo axis(const std::string& option, std::string help) {
    const OptionInfo& run = option_info(option);
    OptionInfo a;
    a.name = run.name;
    a.section = "axes";
    a.kind = run.kind == OptionKind::Choice ? OptionKind::Choice : OptionKind::Integer;
    a.metavar = "LIST";
    a.min = 1, a.max = kMaxAxisNumber;
    a.default_value = run.default_value;
    a.values = run.values;  // Choice: the names; Integer: the words besides a number ("auto")
    a.help = std::move(help);
    a.commands = kSweepCommand;
    a.sweeps = run.name;
    a.max_values = kMaxSweepPoints;
    return a;
}

std::vector<OptionInfo> make_axes() {
    std::vector<OptionInfo> out{
        axis("--workers", "e.g. 1,2,4,8 or 1..16 or 1..64*2 (×2 each step)"),
        axis("--chunksize", "e.g. 1..4096*4,auto"),
        axis("--dispatch", "e.g. map,imap_unordered"),
        axis("--transport", "pipe,shm"),
        axis("--start", "fork,spawn"),
        axis("--pool", "cold,warm"),
        axis("--param",
             "a numeric workload parameter, e.g. item_us=1..10000*10; each of\nits values gets "
             "its own serial baseline"),
    };
    OptionInfo& param = out.back();
    param.kind = OptionKind::Integer;
    param.metavar = "KEY=LIST";
    param.values.clear();
    param.default_value = "";  // a parameter's own default, from the workload
    return out;
}

}  // namespace

const std::vector<OptionInfo>& sweep_axis_schema() {
    static const std::vector<OptionInfo> kAxes = make_axes();
    return kAxes;
}

const OptionInfo* find_sweep_axis(std::string_view name) {
    for (const OptionInfo& a : sweep_axis_schema())
        if (a.name == name) return &a;
    return nullptr;
}

std::string axis_list_text(const OptionInfo& axis) {
    if (axis.kind == OptionKind::Choice) return "a comma-separated list of " + or_list(axis.values);
    std::string words;
    for (const auto& w : axis.values) words += " or " + w;
    return "a comma-separated list of whole numbers in " + std::to_string(axis.min) + " … " +
           std::to_string(axis.max) + words + ", or ranges A..B or A..B*K";
}

std::vector<const OptionInfo*> sweep_only_options() {
    std::vector<const OptionInfo*> out;
    for (const OptionInfo& o : option_schema())
        if (o.commands == kSweepCommand) out.push_back(&o);
    return out;
}

}  // namespace poolscope
