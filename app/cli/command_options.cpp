#include "app/cli/command_options.h"

#include <algorithm>

#include "app/cli/run_options.h"
#include "core/config/option_schema.h"

namespace poolscope::cli {

namespace {

// What a value of the option must be, in the words of a refusal.
std::string allowed(const OptionSpec& o) {
    if (!o.values.empty()) return or_list(o.values);
    return o.file ? "a file name" : o.metavar;
}

}  // namespace

std::optional<std::string> walk_options(const CommandSpec& command, const Args& args,
                                        const OnOption& on_option, const OnOperand& on_operand) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto [name, value] = split_option_word(args[i]);
        if (name.size() < 2 || name[0] != '-') {
            if (auto e = on_operand(args[i])) return e;
            continue;
        }
        const OptionSpec* o = command.find(name);
        if (!o)
            return "unknown option '" + name + "' (see poolscope-cli " + command.name + " --help)";
        if (o->metavar.empty()) {
            if (value) return name + " takes no value; got '" + *value + "'";
        } else {
            // The next word is the value unless it is another option ("--trace --csv x").
            if (!value && i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) value = args[++i];
            if (!value || value->empty()) return name + " needs a value: " + allowed(*o);
            if (!o->values.empty() &&
                std::find(o->values.begin(), o->values.end(), *value) == o->values.end())
                return name + " must be " + allowed(*o) + "; got '" + *value + "'";
        }
        if (auto e = on_option(*o, value.value_or(""))) return e;
    }
    return std::nullopt;
}

}  // namespace poolscope::cli
