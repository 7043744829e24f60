// The tables behind the CLI's commands. The sweep axis schema (core/config/sweep_axis_schema.h)
// is the one description of sweep's axes: these tests hold the axis parser, sweep's argument
// parser, `sweep --help` and `list --json` to it, and every sweep refusal to the field id it
// names (refused_field). The command table (app/cli/option_table.h) is the one description of
// the other commands' options: each one's --help lists exactly its table's options, its parser
// takes every one of them and refuses any other.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/list_schema.h"
#include "app/cli/option_table.h"
#include "app/cli/sweep_session.h"
#include "core/analysis/sweep_axes.h"
#include "core/config/refused_field.h"
#include "core/config/sweep_axis_schema.h"

using namespace poolscope;

namespace {

// parse_sweep_axis, or parse_param_axis for --param (its value written KEY=LIST).
std::string axis_refusal(const OptionInfo& axis, const std::string& list) {
    SweepAxis parsed;
    const auto e = axis.name == "--param" ? parse_param_axis("item_us=" + list, parsed)
                                          : parse_sweep_axis(axis.name, list, parsed);
    return e.value_or("");
}

// The field an axis' refusal names.
std::string field_of(const OptionInfo& axis) {
    return axis.name == "--param" ? "--param item_us" : axis.name;
}

// parse_sweep_options' refusal, else plan_sweep's (every point checked), else "".
std::string sweep_refusal(const std::vector<std::string>& args) {
    cli::SweepOptions opt;
    if (auto e = cli::parse_sweep_options(args, opt)) return *e;
    cli::SweepSession session;
    return cli::plan_sweep(opt, read_machine_info(), session).value_or("");
}

// The option names `--help` lists, one per line starting "  --" or "  -x, --".
std::set<std::string> names_in_help(const std::string& help) {
    std::set<std::string> out;
    std::size_t pos = 0;
    while (pos < help.size()) {
        const auto nl = std::min(help.find('\n', pos), help.size());
        std::string line = help.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.rfind("  -", 0) != 0) continue;
        line = line.substr(2);
        if (line.size() > 4 && line[0] == '-' && line[1] != '-') line = line.substr(4);  // "-h, "
        out.insert(line.substr(0, line.find_first_of(" =")));
    }
    return out;
}

}  // namespace

TEST(SweepSchema, EveryAxisVariesARunOptionWithItsValuesAndDefault) {
    ASSERT_EQ(sweep_axis_schema().size(), 7u);
    for (const OptionInfo& a : sweep_axis_schema()) {
        SCOPED_TRACE(a.name);
        const OptionInfo* run = find_option(a.sweeps);
        ASSERT_NE(run, nullptr);
        EXPECT_EQ(a.name, a.sweeps);
        EXPECT_EQ(a.max_values, kMaxSweepPoints);
        EXPECT_FALSE(a.help.empty());
        EXPECT_EQ(a.section, "axes");
        EXPECT_EQ(find_sweep_axis(a.name), &a);
        EXPECT_EQ(is_sweep_axis_option(a.name), a.name != "--param");
        if (a.kind == OptionKind::Choice) {
            EXPECT_EQ(a.values, run->values);
            EXPECT_EQ(a.default_value, run->default_value);
        } else {
            EXPECT_EQ(a.kind, OptionKind::Integer);
            EXPECT_LE(a.min, a.max);
        }
    }
    EXPECT_EQ(find_sweep_axis("--size"), nullptr);
    EXPECT_FALSE(is_sweep_axis_option("--size"));
}

// Each axis takes every value its entry allows and refuses the rest naming the axis as the field
// and saying what is allowed, in the schema's words.
TEST(SweepSchema, AxesAcceptWhatTheSchemaAllowsAndRefuseTheRestNamingTheField) {
    for (const OptionInfo& a : sweep_axis_schema()) {
        SCOPED_TRACE(a.name);
        std::vector<std::string> good = a.values;
        std::vector<std::string> bad{"", "1,,2", "nope"};
        if (a.kind == OptionKind::Integer) {
            good.push_back(std::to_string(a.min));
            good.push_back(std::to_string(a.max));
            good.push_back(std::to_string(a.min) + ".." + std::to_string(a.min + 3));
            good.push_back("1..4096*4");
            bad.push_back(std::to_string(a.min - 1));
            bad.push_back(std::to_string(a.max + 1));
            bad.push_back("8..2");
            bad.push_back("1..64*1");
            bad.push_back("1.." + std::to_string(a.max_values + 1));
        }
        for (const auto& v : good) EXPECT_EQ(axis_refusal(a, v), "") << v;
        for (const auto& v : bad) {
            const std::string e = axis_refusal(a, v);
            ASSERT_FALSE(e.empty()) << v;
            EXPECT_EQ(refused_field(e), field_of(a)) << e;
        }
        const std::string nope = axis_refusal(a, "nope");
        if (a.kind == OptionKind::Choice) {
            EXPECT_NE(nope.find(or_list(a.values)), std::string::npos) << nope;
        } else {
            EXPECT_NE(nope.find(std::to_string(a.max)), std::string::npos) << nope;
            for (const auto& w : a.values) EXPECT_NE(nope.find(w), std::string::npos) << nope;
        }
    }
    // The start axis takes what run's --start takes, and says so (it once listed two of three).
    EXPECT_EQ(axis_refusal(*find_sweep_axis("--start"), "fork,forkserver"), "");
    EXPECT_NE(axis_refusal(*find_sweep_axis("--start"), "vfork").find("fork, spawn or forkserver"),
              std::string::npos);
}

// `sweep --help` lists exactly the axes and sweep's own options, each with its help line.
TEST(SweepSchema, HelpListsEveryAxisAndSweepOptionAndNothingElse) {
    const std::string help = cli::command_help("sweep");
    std::set<std::string> expected;
    for (const OptionInfo& a : sweep_axis_schema()) {
        expected.insert(a.name);
        EXPECT_NE(help.find("  " + a.name + " " + a.metavar), std::string::npos) << a.name;
        EXPECT_NE(help.find(a.help.substr(0, a.help.find('\n'))), std::string::npos) << a.name;
    }
    for (const OptionInfo* o : sweep_only_options()) {
        expected.insert(o->name);
        EXPECT_NE(help.find("  " + o->name + " " + o->metavar), std::string::npos) << o->name;
    }
    EXPECT_EQ(names_in_help(help), expected);
    EXPECT_NE(help.find("At most " + std::to_string(kMaxSweepPoints)), std::string::npos);
}

// Every option sweep's help lists is one its parser takes, and lands where it should.
TEST(SweepSchema, TheParserTakesEveryOptionTheHelpLists) {
    for (const cli::OptionSpec& o : cli::sweep_help_options()) {
        SCOPED_TRACE(o.name);
        const OptionInfo* axis = find_sweep_axis(o.name);
        std::string value = "x.csv";
        if (axis && axis->kind == OptionKind::Choice)
            value = axis->values[0] + "," + axis->values[1];
        else if (axis)
            value = o.name == "--param" ? "item_us=1,2" : "1,2";
        else if (o.name == "--seed")
            value = "3";
        cli::SweepOptions opt;
        const auto e = cli::parse_sweep_options({"--workload", "cpu", o.name, value}, opt);
        ASSERT_FALSE(e) << *e;
        if (axis) {
            ASSERT_EQ(opt.axes.size(), 1u);
            EXPECT_EQ(opt.axes[0].values.size(), 2u);
        } else if (o.name == "--seed") {
            EXPECT_EQ(opt.seed, 3u);
        } else {
            EXPECT_EQ(opt.csv, value);
        }
    }
}

// Every refusal of sweep's arguments names its field as refused_field reads it, so a form can
// put it beside the control; a point's refusal names the point first, then the field.
TEST(SweepSchema, RefusalsNameTheirField) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"--workers", "0"}, "--workers"},
        {{"--workers"}, "--workers"},
        {{"--chunksize", "x"}, "--chunksize"},
        {{"--dispatch", "map,pam"}, "--dispatch"},
        {{"--transport=pipe,"}, "--transport"},
        {{"--pool", "cold", "--pool", "warm"}, "--pool"},
        {{"--seed", "x"}, "--seed"},
        {{"--seed"}, "--seed"},
        {{"--csv="}, "--csv"},
        {{"--param", "item_us=1,,2"}, "--param item_us"},
        {{"--param", "workers=1,2"}, "--param workers"},
        {{"--workers", "1,2", "--compare"}, "--compare"},
        {{"--dispatch", "apply_async", "--chunksize", "1,4"}, "--chunksize"},
        {{"--workers", "1,100000"}, "--workers"},
    };
    for (const auto& [args, field] : cases) {
        const std::string e = sweep_refusal(args);
        SCOPED_TRACE(::testing::PrintToString(args));
        ASSERT_FALSE(e.empty());
        EXPECT_EQ(refused_field(e), field) << e;
    }
    // A missing value says what the list may hold.
    const std::string e = sweep_refusal({"--chunksize"});
    EXPECT_NE(e.find(axis_list_text(*find_sweep_axis("--chunksize"))), std::string::npos) << e;
    EXPECT_NE(sweep_refusal({"--seed", "x"}).find("a whole number in 0 … "), std::string::npos);
    EXPECT_EQ(refused_field("at item_us=99999999: parameter item_us must be in 1 … 1000000"),
              "--param item_us");
}

// list --json carries the axes, so a sweep form can be built from it.
TEST(SweepSchema, ListJsonCarriesTheAxes) {
    const auto doc = nlohmann::json::parse(cli::option_schema_json());
    const auto sweep = std::find_if(doc["commands"].begin(), doc["commands"].end(),
                                    [](const auto& c) { return c["name"] == "sweep"; });
    ASSERT_NE(sweep, doc["commands"].end());
    ASSERT_TRUE(sweep->contains("axes"));
    const auto& axes = (*sweep)["axes"];
    ASSERT_EQ(axes.size(), sweep_axis_schema().size());
    for (std::size_t i = 0; i < axes.size(); ++i) {
        const OptionInfo& a = sweep_axis_schema()[i];
        SCOPED_TRACE(a.name);
        EXPECT_EQ(axes[i]["name"], a.name);
        EXPECT_EQ(axes[i]["sweeps"], a.sweeps);
        EXPECT_EQ(axes[i]["metavar"], a.metavar);
        EXPECT_EQ(axes[i]["max_values"], a.max_values);
        EXPECT_EQ(axes[i]["list"], axis_list_text(a));
        EXPECT_EQ(axes[i]["kind"], a.kind == OptionKind::Choice ? "choice" : "integer");
        if (!a.values.empty()) {
            EXPECT_EQ(axes[i]["values"].get<std::vector<std::string>>(), a.values);
        }
        if (a.kind == OptionKind::Integer) {
            EXPECT_EQ(axes[i]["min"], a.min);
            EXPECT_EQ(axes[i]["max"], a.max);
        }
    }
}

namespace {

// A command run in this process with its output captured: the exit code and stderr.
std::pair<int, std::string> run_command(int (*command)(const cli::Args&), const cli::Args& args) {
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    const int code = command(args);
    ::testing::internal::GetCapturedStdout();
    return {code, ::testing::internal::GetCapturedStderr()};
}

struct SmallCommand {
    const char* name;
    int (*run)(const cli::Args&);
    cli::Args operands;  // what makes the command stop early once its options are read
};

}  // namespace

TEST(CommandTable, SmallCommandsTakeExactlyTheOptionsTheirHelpLists) {
    const SmallCommand commands[] = {
        {"list", cli::list_command, {}},
        {"replay", cli::replay_command, {"/nonexistent/poolscope.jsonl"}},
        {"export", cli::export_command, {"/nonexistent/poolscope.jsonl"}},
        {"lessons", cli::lessons_command, {}},
        {"lesson", cli::lesson_command, {"99999"}},  // no such lesson: refused once parsed
    };
    for (const auto& c : commands) {
        SCOPED_TRACE(c.name);
        const cli::CommandSpec& spec = cli::command_spec(c.name);
        std::set<std::string> table;
        for (const cli::OptionSpec& o : spec.options) table.insert(o.name);
        EXPECT_EQ(names_in_help(cli::command_help(c.name)), table);
        for (const cli::OptionSpec& o : spec.options) {
            if (o.name == "--help" || o.name == "--version") continue;  // main answers them
            cli::Args args = c.operands;
            args.push_back(o.name);
            if (!o.metavar.empty())
                args.push_back(o.values.empty() ? "/nonexistent/poolscope.out" : o.values.back());
            const auto [code, err] = run_command(c.run, args);
            EXPECT_EQ(err.find("unknown option"), std::string::npos) << o.name << ": " << err;
            EXPECT_EQ(err.find("needs a value"), std::string::npos) << o.name << ": " << err;
            EXPECT_EQ(err.find("must be"), std::string::npos) << o.name << ": " << err;
        }
        cli::Args bogus = c.operands;
        bogus.push_back("--frobnicate");
        const auto [code, err] = run_command(c.run, bogus);
        EXPECT_EQ(code, 2);
        EXPECT_NE(err.find("unknown option '--frobnicate' (see poolscope-cli " +
                           std::string(c.name) + " --help)"),
                  std::string::npos)
            << err;
    }
}

// What the small commands' parsers say now that they read the table (each was a vaguer line).
TEST(CommandTable, SmallCommandsRefusalsSayWhatIsAllowed) {
    const std::vector<std::tuple<int (*)(const cli::Args&), cli::Args, std::string>> cases{
        // once "expected one stream file; got 1 argument(s)"
        {cli::replay_command, {"-x"}, "unknown option '-x'"},
        // once "takes only --json; got '--json'" (the wrong word)
        {cli::list_command, {"--json", "extra"}, "unexpected argument 'extra'"},
        // once "--color must be auto, always or never; got '--json'"
        {cli::lesson_command, {"1", "--color", "--json"}, "--color needs a value: auto, always"},
        // once "unexpected argument '--bogus' (poolscope-cli lesson N [--check] [--json])"
        {cli::lesson_command, {"1", "--bogus"}, "unknown option '--bogus'"},
        {cli::lessons_command, {"--file="}, "--file needs a value: a file name"},
        {cli::export_command, {"f.jsonl", "--trace", "--csv", "x"}, "--trace needs a value"},
    };
    for (const auto& [command, args, says] : cases) {
        const auto [code, err] = run_command(command, args);
        EXPECT_EQ(code, 2) << err;
        EXPECT_NE(err.find(says), std::string::npos) << ::testing::PrintToString(args) << err;
        EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
    }
}
