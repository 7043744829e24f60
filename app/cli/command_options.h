// The parser of the small commands (list, replay, export, lessons, lesson): it reads their
// arguments by the command table (app/cli/option_table.h), so an option is accepted exactly when
// the table, and so the command's --help, lists it, and takes a value exactly when the table
// gives it one.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app/cli/commands.h"
#include "app/cli/option_table.h"

namespace poolscope::cli {

// Called with each option and its value ("" for a flag), or with each other word (an operand);
// each returns nullopt or a refusal.
using OnOption = std::function<std::optional<std::string>(const OptionSpec&, const std::string&)>;
using OnOperand = std::function<std::optional<std::string>(const std::string&)>;

// Walks args: "--name=value", "--name value" and flags; a word that starts with '-' (but "-"
// alone, which names stdin or stdout) is an option, and the word after an option that takes a
// value is its value unless it starts with "--". nullopt, or the first refusal: an option the
// table does not list ("unknown option '--x' (see poolscope-cli CMD --help)"), a missing or
// empty value ("--color needs a value: auto, always or never", "--trace needs a value: a file
// name"), a value not among the table's ("--color must be auto, always or never; got 'x'"), a
// value given to a flag, or the callbacks' own.
std::optional<std::string> walk_options(const CommandSpec& command, const Args& args,
                                        const OnOption& on_option, const OnOperand& on_operand);

}  // namespace poolscope::cli
