// --dispatch changes the order results reach the caller: with uneven task costs imap_unordered
// hands them over as they finish (out of order), imap and map in index order; apply_async
// sends one message per task.
#include <gtest/gtest.h>

#include "support/process_hygiene.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

constexpr uint64_t kItems = 40;

// A third of the items (seeded) run 50 times longer than the rest.
RunConfig uneven_config(Dispatch d) {
    RunConfig cfg = test::settings_config(
        "skewed", kItems, 2,
        {{"base_iterations", "100000"}, {"tail", "0.3"}, {"tail_factor", "50"}});
    cfg.dispatch = d;
    if (d != Dispatch::ApplyAsync) cfg.chunksize = 1;
    return cfg;
}

RunResult run_complete(Dispatch d) {
    const RunResult r = test::run_config(uneven_config(d));
    EXPECT_TRUE(r.errors.empty()) << r.label;
    EXPECT_EQ(r.checksum_items, kItems) << r.label;
    EXPECT_EQ(r.chunks, kItems) << r.label;
    EXPECT_TRUE(test::is_permutation_of_range(r.delivery_order, kItems))
        << r.label << ": every chunk delivered once";
    return r;
}

}  // namespace

class SettingsDeliveryOrder : public test::ProcessHygiene {};

TEST_F(SettingsDeliveryOrder, ImapUnorderedDeliversAsTasksFinish) {
    const RunResult r = run_complete(Dispatch::ImapUnordered);
    EXPECT_FALSE(test::is_identity(r.delivery_order, kItems))
        << "uneven tasks on two workers, yet every result arrived in index order";
    // Delivery follows arrival: each delivered chunk arrived no earlier than the one before.
    for (std::size_t i = 1; i < r.delivery_order.size(); ++i)
        EXPECT_LE(r.chunk_records[r.delivery_order[i - 1]].received_ns,
                  r.chunk_records[r.delivery_order[i]].received_ns);
}

TEST_F(SettingsDeliveryOrder, ImapAndMapDeliverInIndexOrder) {
    for (Dispatch d : {Dispatch::Imap, Dispatch::Map}) {
        const RunResult r = run_complete(d);
        EXPECT_TRUE(test::is_identity(r.delivery_order, kItems)) << r.label;
    }
}

TEST_F(SettingsDeliveryOrder, ApplyAsyncSendsOneMessagePerTask) {
    const RunResult r = run_complete(Dispatch::ApplyAsync);
    for (const auto& c : r.chunk_records) EXPECT_EQ(c.count, 1u) << "chunk " << c.id;
    // The same auto chunksize under map batches several tasks per message.
    RunConfig map = uneven_config(Dispatch::Map);
    map.chunksize.reset();
    EXPECT_LT(test::run_config(map).chunks, kItems);
}
