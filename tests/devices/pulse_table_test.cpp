// The table-driven memristor (devices/pulse_table): one count per pulse above vth and tw, the
// conductance read off the table between counts, reads that do not disturb, both table ends.

#include "devices/pulse_table.hpp"

#include <gtest/gtest.h>

#include "frontends/session/session.hpp"
#include "netlist/parser.hpp"

using namespace xb;

namespace {

// The count after a transient of `source` (a V-source spec) on one cell from x0.
double count_after(const std::string& source, double tstop, double x0 = 0) {
  const std::string deck =
      "pulse table\n.model tb pulse_table points=4 g0=1u g1=2u g2=2.5u g3=2.7u vth=1 tw=1u\n"
      "v1 a 0 " +
      source + "\nx1 a 0 tb x0=" + std::to_string(x0) + "\n.tran 10n " + std::to_string(tstop) +
      "\n.end\n";
  netlist::ParseResult parsed = netlist::parse_deck_text(deck, "t.sp");
  EXPECT_TRUE(parsed.ok());
  session::Session s = session::Session::from_deck(std::move(parsed.deck));
  EXPECT_TRUE(s.ok()) << s.format_diagnostics();
  const session::Outcome o = s.run(0);
  EXPECT_TRUE(o.status.ok) << o.status.message;
  return s.state(s.device("x1"));
}

}  // namespace

TEST(PulseTable, EachPulseAboveThresholdCountsOne) {
  // Two 1 µs pulses of 1.5 V (1 ns edges), one period of 3 µs each.
  EXPECT_NEAR(count_after("pulse(0 1.5 0.5u 1n 1n 1u 3u)", 6e-6), 2.0, 2e-3);
  // Reads at 0.1 V for 5 µs leave the count where it was.
  EXPECT_NEAR(count_after("dc 0.1", 5e-6, 1.5), 1.5, 1e-12);
  // A negative pulse takes one away; the count stops at the table's ends (within the last time
  // step's overshoot, 2e-4 of a count; the conductance is clamped to the table there).
  EXPECT_NEAR(count_after("pulse(0 -1.5 0.5u 1n 1n 1u 3u)", 3e-6, 2.0), 1.0, 2e-3);
  EXPECT_NEAR(count_after("pulse(0 1.5 0.5u 1n 1n 1u 2u)", 12e-6), 3.0, 1e-3);
  EXPECT_NEAR(count_after("pulse(0 -1.5 0.5u 1n 1n 1u 2u)", 6e-6, 1.0), 0.0, 1e-3);
}

TEST(PulseTable, ConductanceIsTheTableBetweenCounts) {
  devices::PulseTableParams p;
  p.table = {1e-6, 2e-6, 2.5e-6, 2.7e-6};
  EXPECT_DOUBLE_EQ(devices::PulseTableGroup::conductance(p, 0), 1e-6);
  EXPECT_DOUBLE_EQ(devices::PulseTableGroup::conductance(p, 1.5), 2.25e-6);
  EXPECT_DOUBLE_EQ(devices::PulseTableGroup::conductance(p, 7), 2.7e-6);  // clamped
  p.k = 10, p.relative = true, p.shift = 5e-8;  // the reference's G = K·[(G(m) − G(0)) + shift]
  EXPECT_NEAR(devices::PulseTableGroup::conductance(p, 2), 10 * (1.5e-6 + 5e-8), 1e-18);
  const auto e = devices::PulseTableGroup::evaluate(p, 0.1, 2);
  EXPECT_NEAR(e.i, 0.1 * 10 * (1.5e-6 + 5e-8), 1e-18);
  EXPECT_LT(std::fabs(e.rate), 1e-30);  // a read does not move the count
}
