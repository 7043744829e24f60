// A parameter's domain, read from its ParamSpec, must agree with what the workload's own
// configure() accepts: every default lies inside, the lower bound is accepted, and a value just
// outside is refused in the same words check_param_range gives (the words the GUI shows).
#include "core/workloads/param_domain.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "core/workloads/workload_registry.h"

namespace poolscope {
namespace {

std::string text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// Values one step outside an Integer or Real domain (none below 0 for an unsigned lower bound
// of 0, which a text cannot undercut with a number; "-1" is refused as not a whole number).
std::vector<std::string> just_outside(const ParamDomain& d) {
    if (d.kind == ParamDomain::Kind::Integer) {
        std::vector<std::string> out{d.lo > 0 ? std::to_string(d.lo - 1) : "-1"};
        out.push_back(d.hi < std::numeric_limits<uint64_t>::max() ? std::to_string(d.hi + 1)
                                                                  : "18446744073709551616");
        return out;
    }
    const double step = (d.real_hi - d.real_lo) * 1e-6;
    return {text(d.real_lo - step), text(d.real_hi + step)};
}

// configure() with `key` = `value` and every other parameter at its default. Never called with
// cpu's item_us > 0 inside its range: that calibrates in a forked child.
std::string refusal(const std::string& workload, const std::string& key, const std::string& value) {
    auto w = make_workload(workload);
    return w->configure(with_defaults(w->info(), {{key, value}}), 100).value_or("");
}

TEST(ParamDomain, EveryParameterOfEveryWorkloadHasADomainHoldingItsDefault) {
    for (const auto& info : list_workloads()) {
        for (const auto& p : info.params) {
            SCOPED_TRACE(info.name + " " + p.key + " in '" + p.range + "'");
            const ParamDomain d = param_domain(p);
            EXPECT_NE(d.kind, ParamDomain::Kind::Text) << "the range text was not understood";
            EXPECT_EQ(d.kind == ParamDomain::Kind::Real, p.real);
            EXPECT_TRUE(d.contains(p.default_value)) << "default '" << p.default_value << "'";
            EXPECT_EQ(check_param_range(p, {}), std::nullopt);
        }
    }
}

TEST(ParamDomain, ValuesJustOutsideAreRefusedByTheWorkloadInTheSameWords) {
    int checked = 0;
    for (const auto& info : list_workloads()) {
        for (const auto& p : info.params) {
            const ParamDomain d = param_domain(p);
            if (d.kind != ParamDomain::Kind::Integer && d.kind != ParamDomain::Kind::Real) continue;
            for (const auto& v : just_outside(d)) {
                SCOPED_TRACE(info.name + " " + p.key + "=" + v);
                EXPECT_FALSE(d.contains(v));
                const std::string refused = refusal(info.name, p.key, v);
                EXPECT_NE(refused, "");
                EXPECT_EQ(check_param_range(p, {{p.key, v}}).value_or(""), refused);
                ++checked;
            }
        }
    }
    EXPECT_GE(checked, 2 * 9);  // square has none; cpu 2, transfer 2, sleep 1, skewed 4, ...
}

TEST(ParamDomain, TheLowerBoundIsAccepted) {
    for (const auto& info : list_workloads()) {
        for (const auto& p : info.params) {
            const ParamDomain d = param_domain(p);
            std::string lo;
            if (d.kind == ParamDomain::Kind::Integer) lo = std::to_string(d.lo);
            if (d.kind == ParamDomain::Kind::Real) lo = text(d.real_lo);
            if (lo.empty()) continue;
            SCOPED_TRACE(info.name + " " + p.key + "=" + lo);
            EXPECT_TRUE(d.contains(lo));
            EXPECT_EQ(refusal(info.name, p.key, lo), "");
        }
    }
}

TEST(ParamDomain, ReadsTheRangeTexts) {
    const ParamDomain seed = param_domain({"seed", "1", "0 … 2^64-1", "", false});
    EXPECT_EQ(seed.kind, ParamDomain::Kind::Integer);
    EXPECT_EQ(seed.hi, std::numeric_limits<uint64_t>::max());
    EXPECT_TRUE(seed.contains("18446744073709551615"));
    EXPECT_FALSE(seed.contains("18446744073709551616"));

    const ParamDomain power = param_domain({"n", "5", "1 … 10^9", "", false});
    EXPECT_EQ(power.kind, ParamDomain::Kind::Integer);
    EXPECT_EQ(power.hi, 1'000'000'000u);
    EXPECT_FALSE(power.contains("0"));
    EXPECT_FALSE(power.contains("2.5"));

    const ParamDomain sigma = param_domain({"sigma", "10", "0.1 … 100", "", true});
    EXPECT_EQ(sigma.kind, ParamDomain::Kind::Real);
    EXPECT_DOUBLE_EQ(sigma.real_lo, 0.1);
    EXPECT_TRUE(sigma.contains("2.5"));
    EXPECT_FALSE(sigma.contains("0.09"));
    EXPECT_FALSE(sigma.contains("ten"));

    const ParamDomain output = param_domain({"output", "keep", "checksum|keep|write", "", false});
    EXPECT_EQ(output.kind, ParamDomain::Kind::Choice);
    EXPECT_EQ(output.choices, (std::vector<std::string>{"checksum", "keep", "write"}));
    EXPECT_EQ(check_param_range({"output", "keep", "checksum|keep|write", "", false},
                                {{"output", "png"}}),
              "parameter output must be one of checksum, keep, write; got 'png'");

    const ParamDomain out_dir = param_domain({"out_dir", "", "writable folder", "", false});
    EXPECT_EQ(out_dir.kind, ParamDomain::Kind::Path);
    EXPECT_TRUE(out_dir.writable);
    EXPECT_FALSE(param_domain({"dir", "", "folder", "", false}).writable);

    EXPECT_EQ(param_domain({"k", "1", "1 … lots", "", false}).kind, ParamDomain::Kind::Text);
    // A whole-number range on a parameter parsed as real is a Real domain, and vice versa.
    EXPECT_EQ(param_domain({"ms", "10", "0 … 60000", "", true}).kind, ParamDomain::Kind::Real);
}

#ifdef POOLSCOPE_HAVE_OPENCV
TEST(ParamDomain, BlurRefusesAChoiceOutsideInTheSameWords) {
    const auto info = make_workload("blur")->info();
    for (const auto& p : info.params) {
        if (param_domain(p).kind != ParamDomain::Kind::Choice) continue;
        EXPECT_EQ(check_param_range(p, {{p.key, "png"}}).value_or(""),
                  refusal("blur", p.key, "png"));
    }
}
#endif

}  // namespace
}  // namespace poolscope
