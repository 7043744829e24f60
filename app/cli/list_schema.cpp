#include "app/cli/list_schema.h"

#include <nlohmann/json.hpp>

#include "app/cli/option_table.h"
#include "core/config/sweep_axis_schema.h"
#include "core/text/json_units.h"
#include "core/workloads/param_domain.h"
#include "core/workloads/workload_registry.h"

namespace poolscope::cli {

namespace {

using nlohmann::json;

const char* param_kind_name(ParamDomain::Kind k) {
    switch (k) {
        case ParamDomain::Kind::Integer:
            return "integer";
        case ParamDomain::Kind::Real:
            return "real";
        case ParamDomain::Kind::Choice:
            return "choice";
        case ParamDomain::Kind::Path:
            return "path";
        case ParamDomain::Kind::Text:
            return "text";
    }
    return "text";
}

json param_json(const ParamSpec& p) {
    const ParamDomain d = param_domain(p);
    json j{{"key", p.key},
           {"default", p.default_value},
           {"range", p.range},
           {"help", p.help},
           {"kind", param_kind_name(d.kind)}};
    switch (d.kind) {
        case ParamDomain::Kind::Integer:
            j["min"] = d.lo, j["max"] = d.hi;
            break;
        case ParamDomain::Kind::Real:
            j["min"] = d.real_lo, j["max"] = d.real_hi;
            break;
        case ParamDomain::Kind::Choice:
            j["choices"] = d.choices;
            break;
        case ParamDomain::Kind::Path:
            j["writable"] = d.writable;
            break;
        case ParamDomain::Kind::Text:
            break;
    }
    return j;
}

json workload_json(const WorkloadInfo& w) {
    json params = json::array();
    for (const ParamSpec& p : w.params) params.push_back(param_json(p));
    return json{{"name", w.name}, {"summary", w.summary}, {"params", std::move(params)}};
}

const char* kind_name(OptionKind k) {
    switch (k) {
        case OptionKind::Flag:
            return "flag";
        case OptionKind::Integer:
            return "integer";
        case OptionKind::Real:
            return "real";
        case OptionKind::Choice:
            return "choice";
        case OptionKind::Text:
            return "text";
        case OptionKind::Path:
            return "path";
    }
    return "text";
}

// What the option schema knows beyond the table's words: type, bounds, default, the backends
// that accept it (per value where they differ) and the options it can contradict.
void add_schema_fields(const OptionInfo& o, json& j) {
    j["kind"] = kind_name(o.kind);
    j["default"] = o.default_value;
    if (o.kind == OptionKind::Integer || o.kind == OptionKind::Real) {
        j["min"] = o.min, j["max"] = o.max;
        if (o.machine_max) j["max_depends_on_machine"] = true;
        if (!o.zero_means.empty()) j["zero_means"] = o.zero_means;
        if (!o.unit.empty()) j["unit"] = o.unit;
    }
    j["backends"] = backend_names(o.backends);
    if (!o.value_backends.empty()) {
        json per_value = json::object();
        for (std::size_t i = 0; i < o.values.size() && i < o.value_backends.size(); ++i)
            per_value[o.values[i]] = backend_names(o.value_backends[i] & o.backends);
        j["value_backends"] = std::move(per_value);
    }
    if (!o.contradicts.empty()) j["contradicts"] = o.contradicts;
    if (o.repeatable) j["repeatable"] = true;
}

json option_json(const OptionSpec& o) {
    json j{{"name", o.name}, {"flag", o.metavar.empty()}, {"help", o.help}};
    if (!o.section.empty()) j["section"] = o.section;
    if (!o.metavar.empty()) j["metavar"] = o.metavar;
    if (!o.values.empty()) j["values"] = o.values;
    if (!o.short_name.empty()) j["short"] = o.short_name;
    if (o.info) add_schema_fields(*o.info, j);
    return j;
}

// A sweep axis: its option's fields, the run option it varies, its list syntax and limit.
json axis_json(const OptionInfo& a) {
    json j{{"name", a.name},
           {"metavar", a.metavar},
           {"help", a.help},
           {"section", a.section},
           {"sweeps", a.sweeps},
           {"list", axis_list_text(a)},
           {"max_values", a.max_values}};
    add_schema_fields(a, j);
    if (!a.values.empty()) j["values"] = a.values;  // Choice: the names; Integer: words
    j.erase("backends");                            // each point is checked as run's option is
    return j;
}

}  // namespace

std::string option_schema_json() {
    json workloads = json::array();
    for (const WorkloadInfo& w : list_workloads()) workloads.push_back(workload_json(w));
    json commands = json::array();
    for (const CommandSpec& c : command_table()) {
        if (c.hidden) continue;
        json options = json::array();
        for (const OptionSpec& o : c.options) options.push_back(option_json(o));
        json command{{"name", c.name},
                     {"synopsis", c.synopsis},
                     {"summary", c.summary},
                     {"options", std::move(options)}};
        if (c.name == "sweep") {
            json axes = json::array();
            for (const OptionInfo& a : sweep_axis_schema()) axes.push_back(axis_json(a));
            command["axes"] = std::move(axes);
        }
        commands.push_back(std::move(command));
    }
    const json doc{{"type", "options"},
                   {"schema", kOptionSchemaVersion},
                   {"workloads", std::move(workloads)},
                   {"commands", std::move(commands)}};
    return safe_dump(doc, 2) + "\n";
}

}  // namespace poolscope::cli
