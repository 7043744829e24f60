// The option schema (core/config/option_schema.h) is the one description of run's and sweep's
// options (the sweep's axes: core/config/sweep_axis_schema.h): these tests hold the parser and
// validate_config() to it (every allowed value is accepted, every value past a bound is refused
// naming the option, a backend refuses exactly what the schema says it does not accept), the
// schema to itself, and docs/cli.md's tables to both.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "app/cli/run_options.h"
#include "core/config/option_schema.h"
#include "core/config/refused_field.h"
#include "core/config/sweep_axis_schema.h"
#include "core/config/validation.h"
#include "core/platform/read_file.h"

using namespace poolscope;

namespace {

const Backend kBackends[] = {Backend::Serial, Backend::Processes,     Backend::Threads,
                             Backend::Python, Backend::PythonThreads, Backend::Mpi};

// The parser's refusal, or validate_config()'s, or "" when both accept the arguments.
std::string refusal_of(const std::vector<std::string>& args) {
    cli::RunOptions opt;
    std::string err;
    if (!cli::parse_run_options(args, opt, err)) return err;
    return validate_config(opt.config, read_machine_info()).value_or("");
}

bool numeric(const OptionInfo& o) {
    return o.kind == OptionKind::Integer || o.kind == OptionKind::Real;
}

bool takes(const OptionInfo& o, unsigned command) {
    return (o.commands & command) != 0;
}

// The options whose value lands in RunConfig and so is validate_config()'s to check.
bool in_run_config(const OptionInfo& o) {
    return o.name != "--chunk-detail" && o.name != "--seed" && takes(o, kRunCommand);
}

}  // namespace

TEST(OptionSchema, EveryOptionHasHelpASectionAndADefaultWithinItsRange) {
    for (const OptionInfo& o : option_schema()) {
        SCOPED_TRACE(o.name);
        EXPECT_EQ(o.name.rfind("--", 0), 0u);
        EXPECT_FALSE(o.help.empty());
        EXPECT_FALSE(o.section.empty());
        EXPECT_NE(o.commands, 0u);
        EXPECT_EQ(o.metavar.empty(), o.kind == OptionKind::Flag);
        if (o.kind == OptionKind::Choice) {
            EXPECT_FALSE(o.values.empty());
            EXPECT_NE(std::find(o.values.begin(), o.values.end(), o.default_value), o.values.end());
        }
        if (!o.value_backends.empty()) {
            EXPECT_EQ(o.value_backends.size(), o.values.size());
        }
        if (numeric(o)) {
            EXPECT_LE(o.min, o.max);
            if (std::find(o.values.begin(), o.values.end(), o.default_value) != o.values.end())
                continue;  // "auto"
            // "0 (none)": the number leads, a note may follow.
            const std::string number = o.default_value.substr(0, o.default_value.find(' '));
            ASSERT_FALSE(number.empty());
            ASSERT_EQ(number.find_first_not_of("0123456789."), std::string::npos) << number;
            EXPECT_TRUE(in_range(o, std::strtod(number.c_str(), nullptr))) << o.default_value;
        }
        EXPECT_EQ(find_option(o.name), &o);
        if (!o.short_name.empty()) {
            EXPECT_EQ(find_option(o.short_name), &o);
        }
    }
    EXPECT_EQ(find_option("--frobnicate"), nullptr);
}

// A default the schema prints is the one a run gets when the option is left out.
TEST(OptionSchema, DefaultsAreRunConfigsDefaults) {
    for (const OptionInfo& o : option_schema()) {
        if (!in_run_config(o) || !(numeric(o) || o.kind == OptionKind::Choice)) continue;
        const std::string value = o.default_value.substr(0, o.default_value.find(' '));
        cli::RunOptions opt;
        std::string err;
        ASSERT_TRUE(cli::parse_run_options({o.name, value}, opt, err)) << o.name << ": " << err;
        EXPECT_EQ(opt.config, RunConfig{}) << o.name << " " << value;
    }
}

TEST(OptionSchema, EveryAllowedValueAndEveryBoundIsAccepted) {
    for (const OptionInfo& o : option_schema()) {
        if (!takes(o, kRunCommand)) continue;
        SCOPED_TRACE(o.name);
        if (o.kind == OptionKind::Choice)
            for (const auto& v : o.values) {
                // The backend comes first where a value needs one of its own.
                std::vector<std::string> args{o.name, v};
                for (Backend b : kBackends)
                    if (accepts(o, v, b)) {
                        args = {"--backend", std::string(to_string(b)), o.name, v};
                        break;
                    }
                EXPECT_EQ(refusal_of(args), "") << v;
            }
        if (o.kind == OptionKind::Integer) {
            EXPECT_EQ(refusal_of({o.name, std::to_string(o.min)}), "");
            if (!o.machine_max) {
                EXPECT_EQ(refusal_of({o.name + "=" + std::to_string(o.max)}), "");
            }
            if (!o.zero_means.empty()) {
                EXPECT_EQ(refusal_of({o.name, "0"}), "");
            }
            for (const auto& word : o.values) EXPECT_EQ(refusal_of({o.name, word}), "") << word;
        }
        if (o.kind == OptionKind::Real) {
            EXPECT_EQ(refusal_of({o.name, std::to_string(o.max)}), "");
        }
    }
}

TEST(OptionSchema, AValueOutOfRangeIsRefusedNamingTheField) {
    for (const OptionInfo& o : option_schema()) {
        if (!numeric(o) || !takes(o, kRunCommand)) continue;
        SCOPED_TRACE(o.name);
        // Past the maximum: the refusal says the schema's range (the worker maximum is the
        // machine's, so it is said as that).
        const std::string over = std::to_string(o.machine_max ? kMaxWorkersCap + 1 : o.max + 1);
        const std::string got = refusal_of({o.name, over});
        ASSERT_FALSE(got.empty()) << over;
        EXPECT_EQ(refused_field(got), o.name) << got;
        EXPECT_NE(got.find(over), std::string::npos) << got;
        if (!o.machine_max) {
            EXPECT_NE(got.find(range_text(o)), std::string::npos) << got;
        }
        // Below the minimum (0 stays apart where it means "off").
        if (o.min == 0 || (!o.zero_means.empty() && o.min == 1)) continue;
        const std::string under = std::to_string(o.min - 1);
        const std::string low = refusal_of({o.name, under});
        ASSERT_FALSE(low.empty()) << under;
        EXPECT_EQ(refused_field(low), o.name) << low;
        EXPECT_NE(low.find(std::to_string(o.min)), std::string::npos) << low;
    }
}

// Every backend refuses exactly the options and values the schema says it does not accept,
// naming the option (or --backend, when the backend is the reason).
TEST(OptionSchema, BackendsRefuseWhatTheSchemaSaysTheyDoNotAccept) {
    std::vector<std::pair<const OptionInfo*, std::vector<std::string>>> cases;
    for (const OptionInfo& o : option_schema()) {
        if (!in_run_config(o)) continue;
        if (!o.value_backends.empty())
            for (const auto& v : o.values) cases.push_back({&o, {o.name, v}});
        else if (o.backends != kAllBackends && o.kind == OptionKind::Flag)
            cases.push_back({&o, {o.name}});
    }
    cases.push_back({&option_info("--reap-delay-ms"), {"--reap-delay-ms", "50"}});
    cases.push_back({&option_info("--hosts"), {"--hosts", "localhost:2"}});
    ASSERT_GE(cases.size(), 10u);
    for (const auto& [o, args] : cases)
        for (Backend b : kBackends) {
            std::vector<std::string> all{"--backend", std::string(to_string(b))};
            all.insert(all.end(), args.begin(), args.end());
            const bool accepted = args.size() == 2 && o->kind == OptionKind::Choice
                                      ? accepts(*o, args[1], b)
                                      : accepts(*o, b);
            const std::string got = refusal_of(all);
            SCOPED_TRACE(::testing::PrintToString(all));
            if (accepted) {
                EXPECT_EQ(got, "");
            } else {
                ASSERT_FALSE(got.empty());
                EXPECT_NE(got.find(o->name), std::string::npos) << got;
                const std::string field = refused_field(got);
                EXPECT_TRUE(field == o->name || field == "--backend") << got;
            }
        }
}

TEST(OptionSchema, ContradictionsNameOptionsThatNameThemBack) {
    for (const OptionInfo& o : option_schema())
        for (const auto& other : o.contradicts) {
            const OptionInfo* p = find_option(other);
            ASSERT_NE(p, nullptr) << o.name << " contradicts " << other;
            EXPECT_NE(std::find(p->contradicts.begin(), p->contradicts.end(), o.name),
                      p->contradicts.end())
                << other << " does not name " << o.name;
        }
    // Every option a backend refuses takes part in a contradiction with --backend.
    for (const OptionInfo& o : option_schema()) {
        const bool restricted = o.backends != kAllBackends ||
                                std::any_of(o.value_backends.begin(), o.value_backends.end(),
                                            [](BackendSet s) { return s != kAllBackends; });
        if (!restricted) continue;
        EXPECT_NE(std::find(o.contradicts.begin(), o.contradicts.end(), "--backend"),
                  o.contradicts.end())
            << o.name;
    }
}

TEST(OptionSchema, RangesReadAsRefusalsSayThem) {
    EXPECT_EQ(range_text(option_info("--size")), "in 0 … 1000000000");
    EXPECT_EQ(range_text(option_info("--sample-ms")), "0 (off) or in 50 … 1000");
    EXPECT_EQ(range_text(option_info("--task-timeout")), "in 0 … 86400 seconds (0 = none)");
    EXPECT_EQ(range_text(option_info("--chunksize")), "in 1 … 1000000000 or auto");
    EXPECT_EQ(value_text(option_info("--workers")), "a whole number ≥ 1");
    EXPECT_EQ(value_text(option_info("--start")), "fork, spawn or forkserver");
    EXPECT_EQ(value_text(option_info("--task-timeout")), "seconds in 0 … 86400 (0 = none)");
    EXPECT_EQ(backend_names(option_info("--pin").backends),
              (std::vector<std::string>{"serial", "processes"}));
}

namespace {

// The cells of a Markdown table row ("\|" inside a cell is not a separator).
std::vector<std::string> cells_of(const std::string& line) {
    std::vector<std::string> out;
    std::string cell;
    for (std::size_t i = 1; i < line.size(); ++i) {
        if (line[i] == '|' && line[i - 1] != '\\') {
            out.push_back(cell);
            cell.clear();
        } else {
            cell += line[i];
        }
    }
    return out;
}

std::string without_backticks(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '`'), s.end());
    return s;
}

// The row of docs/cli.md's table between the headings from and to whose first cell names the
// option ("`--size N`", "`--quiet`, `-q`"); empty when there is none.
std::vector<std::string> doc_row(const std::string& doc, const std::string& from,
                                 const std::string& to, const std::string& name) {
    const auto begin = doc.find(from);
    const auto end = doc.find(to, begin);
    if (begin == std::string::npos) return {};
    std::size_t pos = begin;
    while (pos < end) {
        const auto nl = doc.find('\n', pos);
        const std::string line = doc.substr(pos, nl - pos);
        pos = nl == std::string::npos ? end : nl + 1;
        if (line.rfind("| ", 0) != 0) continue;
        const auto cells = cells_of(line);
        if (cells.size() < 3) continue;
        if (cells[0].find("`" + name + "`") != std::string::npos ||
            cells[0].find("`" + name + " ") != std::string::npos)
            return cells;
    }
    return {};
}

}  // namespace

// docs/cli.md's options tables are written by hand (with notes the schema does not carry) and
// held to the schema here: every option has a row, and the row shows the schema's allowed
// values, range and default. An option added to the schema fails here until it is documented.
TEST(OptionSchema, TheReferenceTableShowsEveryOptionAsTheSchemaHasIt) {
    const char* root = POOLSCOPE_RESOURCES_DIR "/../docs/cli.md";
    const auto doc = read_text_file(root);
    ASSERT_TRUE(doc.has_value()) << root;
    for (const OptionInfo& o : option_schema()) {
        SCOPED_TRACE(o.name);
        const auto row = takes(o, kRunCommand) ? doc_row(*doc, "## `run`", "## `sweep`", o.name)
                                               : doc_row(*doc, "## `sweep`", "## `list", o.name);
        ASSERT_GE(row.size(), 3u) << "no row in docs/cli.md";
        const std::string values = row[1], def = without_backticks(row[2]);
        if (o.kind == OptionKind::Choice) {
            for (const auto& v : o.values)
                EXPECT_NE(values.find("`" + v + "`"), std::string::npos) << v << " in " << values;
        }
        if (numeric(o)) {
            const std::string bound = o.machine_max
                                          ? "at most " + std::to_string(o.max)
                                          : std::to_string(o.min) + " … " + std::to_string(o.max);
            EXPECT_NE(values.find(bound), std::string::npos) << bound << " in " << values;
            for (const auto& word : o.values)
                EXPECT_NE(values.find("`" + word + "`"), std::string::npos) << word;
        }
        if (!o.default_value.empty()) {
            EXPECT_NE(def.find(o.default_value), std::string::npos)
                << o.default_value << " in " << def;
        }
    }
}

// docs/cli.md's sweep table is held to the sweep axis schema the same way: a row per axis
// ("`--workers LIST`") showing its allowed values (or its bounds and words), and no row for an
// option that is neither an axis nor one of sweep's own.
TEST(OptionSchema, TheSweepTableShowsEveryAxisAsTheSchemaHasIt) {
    const char* root = POOLSCOPE_RESOURCES_DIR "/../docs/cli.md";
    const auto doc = read_text_file(root);
    ASSERT_TRUE(doc.has_value()) << root;
    for (const OptionInfo& a : sweep_axis_schema()) {
        SCOPED_TRACE(a.name);
        const auto row = doc_row(*doc, "## `sweep`", "## `list", a.name);
        ASSERT_GE(row.size(), 3u) << "no row in docs/cli.md";
        EXPECT_NE(row[0].find("`" + a.name + " " + a.metavar + "`"), std::string::npos) << row[0];
        for (const auto& v : a.values)
            EXPECT_NE(row[1].find("`" + v + "`"), std::string::npos) << v << " in " << row[1];
        if (a.kind == OptionKind::Integer) {
            const std::string bound = std::to_string(a.min) + " … " + std::to_string(a.max);
            EXPECT_NE(row[1].find(bound), std::string::npos) << bound << " in " << row[1];
        }
    }
    const auto begin = doc->find("## `sweep`");
    const auto end = doc->find("## `list", begin);
    ASSERT_NE(begin, std::string::npos);
    int rows = 0;
    for (std::size_t pos = doc->find("\n| `", begin); pos < end;
         pos = doc->find("\n| `", pos + 1)) {
        const std::string first = doc->substr(pos + 4, doc->find_first_of(" `", pos + 4) - pos - 4);
        const OptionInfo* o = find_option(first);
        EXPECT_TRUE(find_sweep_axis(first) || (o && o->commands == kSweepCommand)) << first;
        ++rows;
    }
    EXPECT_EQ(rows, static_cast<int>(sweep_axis_schema().size() + sweep_only_options().size()));
}
