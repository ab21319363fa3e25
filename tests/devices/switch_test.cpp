// The S and W switches (devices/switch) against their rule: on above threshold + hysteresis,
// off below threshold − hysteresis, in between as the last accepted solution left them, at
// RON or ROFF exactly.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "support/session_results.hpp"

using namespace xb;

namespace {

using test::column;

session::Session open(const std::string& deck) {
  return test::open_deck(deck);
}

// 10 V through 1 kΩ into the switch: v(a) = 10·R/(1k + R), R = RON (10 Ω) or ROFF (1 MΩ).
constexpr double kOn = 10 * 10 / 1010.0, kOff = 10 * 1e6 / (1e6 + 1e3);

const char* kTriangle =
    "switch under a triangle\n"
    "vc ctl 0 pwl(0 0 1m 5 2m 0)\n"
    "vs supply 0 10\nr1 supply a 1k\ns1 a 0 ctl 0 smod\n"
    ".model smod sw(vt=2.5 vh=0.5 ron=10 roff=1meg)\n.tran 10u 2m\n.end\n";

}  // namespace

TEST(Switch, HysteresisInATransient) {
  session::Session s = open(kTriangle);
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const session::Outcome out = s.run(0);
  ASSERT_TRUE(out.status.ok) << out.status.message;
  const size_t cc = column(out.results, "v(ctl)"), ca = column(out.results, "v(a)");
  double first_on = NAN, first_off_after = NAN;
  for (const auto& row : out.results.rows) {
    const double t = row[0], c = row[cc], v = row[ca];
    const bool rising = t < 1e-3;
    const bool on = std::fabs(v - kOn) < 1e-9;
    ASSERT_TRUE(on || std::fabs(v - kOff) < 1e-9) << "t = " << t << ": v(a) = " << v;
    if (rising && c < 3.0) EXPECT_FALSE(on) << "rising, ctl = " << c;   // below 3 V: still off
    if (!rising && c > 2.0) EXPECT_TRUE(on) << "falling, ctl = " << c;  // above 2 V: still on
    if (on && std::isnan(first_on)) first_on = c;
    if (!rising && !on && std::isnan(first_off_after)) first_off_after = c;
  }
  // The steps close in on each threshold (SPICE3's switch step limit): the first point past it
  // is within 0.05 V.
  EXPECT_GT(first_on, 3.0);
  EXPECT_LT(first_on, 3.05);
  EXPECT_LT(first_off_after, 2.0);
  EXPECT_GT(first_off_after, 1.95);
}

TEST(Switch, HysteresisAcrossDcSweepPoints) {
  // Up from 0 the switch turns on above 3 V; down from 5 V it stays on to 2 V.
  const std::string base =
      "sweeps\nvc ctl 0 0\nvs supply 0 10\nr1 supply a 1k\ns1 a 0 ctl 0 smod\n"
      ".model smod sw(vt=2.5 vh=0.5 ron=10 roff=1meg)\n";
  for (const bool up : {true, false}) {
    session::Session s = open(base + (up ? ".dc vc 0 5 0.25\n" : ".dc vc 5 0 -0.25\n") + ".end\n");
    ASSERT_TRUE(s.ok()) << s.format_diagnostics();
    const session::Outcome out = s.run(0);
    ASSERT_TRUE(out.status.ok) << out.status.message;
    const size_t ca = column(out.results, "v(a)");
    for (const auto& row : out.results.rows) {
      const double c = row[0];
      const bool on = up ? c > 3.0 : c >= 2.0;  // at the threshold itself: as it was
      EXPECT_NEAR(row[ca], on ? kOn : kOff, 1e-9) << (up ? "up" : "down") << ", ctl = " << c;
    }
  }
}

TEST(Switch, CurrentControlledAndTheOnFlag) {
  // W1 reads i(vsense) = v(ctl)/1k: on above 1.5 mA. S2 and S3 sit in their band at 2.5 V:
  // S2 is given ON, S3 not. The default ROFF is 1/GMIN.
  session::Session s = open(
      "w and flags\nvc ctl 0 2\nrc ctl sense 1k\nvsense sense 0 0\n"
      "vs supply 0 10\nr1 supply a 1k\nw1 a 0 vsense wmod\n"
      "vm mid 0 2.5\nr2 supply b 1k\ns2 b 0 mid 0 smod on\nr3 supply c 1k\ns3 c 0 mid 0 smod\n"
      "r4 supply d 1k\ns4 d 0 ctl 0 sdefault\n"
      ".model wmod csw(it=1m ih=0.5m ron=10 roff=1meg)\n"
      ".model smod sw(vt=2.5 vh=0.5 ron=10 roff=1meg)\n.model sdefault sw\n"
      ".option gmin=1e-9\n.op\n.end\n");
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const session::Outcome out = s.run(0);
  ASSERT_TRUE(out.status.ok) << out.status.message;
  const auto& row = out.results.rows.at(0);
  EXPECT_NEAR(row[column(out.results, "v(a)")], kOn, 1e-9);  // 2 mA > 1.5 mA
  EXPECT_NEAR(row[column(out.results, "v(b)")], kOn, 1e-9);
  EXPECT_NEAR(row[column(out.results, "v(c)")], kOff, 1e-9);
  // The default model: RON = 1 Ω (on: 2 V > VT = 0).
  EXPECT_NEAR(row[column(out.results, "v(d)")], 10 * 1 / 1001.0, 1e-9);
  session::Session off = open(
      "default roff\nvs supply 0 10\nr1 supply a 1k\ns1 a 0 0 supply sdefault\n"
      ".model sdefault sw\n.option gmin=1e-9\n.op\n.end\n");
  const session::Outcome o = off.run(0);
  ASSERT_TRUE(o.status.ok) << o.status.message;
  EXPECT_NEAR(o.results.rows.at(0)[column(o.results, "v(a)")], 10 * 1e9 / (1e9 + 1e3), 1e-9);
}

TEST(Switch, BadSwitchesAreErrorsAtCheck) {
  const struct {
    const char* lines;
    const char* message;
  } cases[] = {
      {"s1 a 0 a 0 smod\n.model smod sw(vh=-0.1)\n", "vh"},
      {"w1 a 0 vnone wmod\n.model wmod csw\n", "refers to voltage source 'vnone'"},
      {"s1 a 0 a 0 dmod\n.model dmod d\n", "model 'dmod' has type 'd', element s1 needs sw"},
      {"s1 a 0 a 0\n", "switch s1 needs a model name"},
      {"s1 a 0 a 0 smod on off=1\n.model smod sw\n", "either ON or OFF"},
  };
  for (const auto& c : cases) {
    const std::string deck = std::string("bad\nv1 a 0 1\nr1 a 0 1k\n") + c.lines + ".op\n.end\n";
    netlist::ParseResult parsed = netlist::parse_deck_text(deck, "t.sp");
    std::string problems = parsed.diagnostics.format(*parsed.deck.sources);
    if (parsed.ok()) {
      session::Session s = session::Session::from_deck(std::move(parsed.deck));
      if (s.ok()) s.run(0);
      problems += s.format_diagnostics();
    }
    EXPECT_NE(problems.find(c.message), std::string::npos) << c.lines << problems;
  }
}
