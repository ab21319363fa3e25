// .measure on waveforms whose answers are known exactly.

#include <gtest/gtest.h>

#include <cmath>

#include "engine/measure.hpp"
#include "engine/sample_statistics.hpp"
#include "netlist/elaborate.hpp"
#include "netlist/parser.hpp"

using namespace xb;

namespace {

// y(t) = t on [0, 1] sampled at 11 points, and a triangle z rising to 1 at 0.5 and back.
engine::Results ramp() {
  engine::Results r;
  r.analysis = "tran";
  r.signals = {"time", "v(y)", "v(z)", "par(v(y)*v(z))"};
  for (int k = 0; k <= 10; ++k) {
    const double t = 0.1 * k, z = t <= 0.5 ? 2 * t : 2 - 2 * t;
    r.rows.push_back({t, t, z, t * z});
  }
  return r;
}

// The measures as a deck states them (parsed and elaborated), over ramp().
std::vector<engine::MeasureResult> measure(const std::vector<std::string>& lines) {
  std::string deck = "measures\n.param scale=10\nv1 y 0 1\nr1 y z 1k\nr2 z 0 1k\n";
  for (size_t i = 0; i < lines.size(); ++i)
    deck += ".measure tran m" + std::to_string(i) + " " + lines[i] + "\n";
  netlist::ParseResult parsed = netlist::parse_deck_text(deck + ".tran 1n 1u\n", "m.sp");
  EXPECT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
  netlist::Diagnostics diag;
  const netlist::Circuit c = netlist::elaborate(parsed.deck, {}, diag);
  EXPECT_FALSE(diag.has_errors()) << diag.format(*parsed.deck.sources);
  return engine::evaluate_measures(c.measures, "tran", ramp(), c.params);
}

// The diagnostics of one .measure line in a small deck.
std::string measure_errors(const std::string& line) {
  const std::string deck = "m\nv1 y 0 1\nr1 y 0 1k\n" + line + "\n.tran 1n 1u\n";
  netlist::ParseResult parsed = netlist::parse_deck_text(deck, "m.sp");
  if (!parsed.ok()) return parsed.diagnostics.format(*parsed.deck.sources);
  netlist::Diagnostics diag;
  netlist::elaborate(parsed.deck, {}, diag);
  return diag.format(*parsed.deck.sources);
}

}  // namespace

TEST(Measure, StatisticsOfALinearRamp) {
  auto r = measure({"AVG v(y)", "RMS v(y)", "INTEG v(y)", "MIN v(y) FROM=0.25 TO=0.75", "MAX v(z)",
                    "PP v(z) FROM=0.6 TO=0.9", "AVG v(y) FROM=0.2 TO=0.4"});
  for (const auto& m : r) ASSERT_FALSE(m.failed) << m.name << ": " << m.why;
  EXPECT_NEAR(r[0].value, 0.5, 1e-15);
  EXPECT_NEAR(r[1].value, 1 / std::sqrt(3.0), 1e-15);  // exact for piecewise-linear data
  EXPECT_NEAR(r[2].value, 0.5, 1e-15);
  EXPECT_NEAR(r[3].value, 0.25, 1e-15);  // interpolated window end
  EXPECT_NEAR(r[4].value, 1.0, 1e-15);
  EXPECT_NEAR(r[5].value, 0.6, 1e-12);  // z from 0.8 down to 0.2
  EXPECT_NEAR(r[6].value, 0.3, 1e-15);
}

TEST(Measure, CrossingsFindTrigTargDerivParam) {
  auto r = measure({"WHEN v(z)=0.5 RISE=1", "WHEN v(z)=0.5 FALL=1", "WHEN v(z)=0.5 CROSS=LAST",
                    "TRIG v(y) VAL=0.2 RISE=1 TARG v(z) VAL=0.2 FALL=1", "FIND v(y) AT=0.35",
                    "FIND v(y) WHEN v(z)=0.6 FALL=1", "DERIV v(z) AT=0.7", "PARAM='m0*scale + m1'",
                    "WHEN v(y)=2"});
  for (size_t i = 0; i + 1 < r.size(); ++i)
    ASSERT_FALSE(r[i].failed) << r[i].name << ": " << r[i].why;
  EXPECT_NEAR(r[0].value, 0.25, 1e-15);
  EXPECT_NEAR(r[1].value, 0.75, 1e-15);
  EXPECT_NEAR(r[2].value, 0.75, 1e-15);
  EXPECT_NEAR(r[3].value, 0.9 - 0.2, 1e-15);  // z falls through 0.2 at 0.9, y rises at 0.2
  EXPECT_NEAR(r[4].value, 0.35, 1e-15);
  EXPECT_NEAR(r[5].value, 0.7, 1e-15);
  EXPECT_NEAR(r[6].value, -2.0, 1e-12);
  EXPECT_NEAR(r[7].value, 0.25 * 10 + 0.75, 1e-15);
  EXPECT_TRUE(r[8].failed);  // y never reaches 2
  EXPECT_TRUE(std::isnan(r[8].value));
}

// ngspice's forms: WHEN one signal crosses another, MAX_AT and MIN_AT (where the extreme is),
// WHEN and FIND ... WHEN within FROM/TO, par('expression') as the signal, PARAM without '='.
TEST(Measure, NgspiceForms) {
  auto r = measure({"WHEN v(y)=v(z) RISE=1", "MAX_AT v(z)", "MIN_AT v(z) FROM=0.2 TO=0.9",
                    "WHEN v(z)=0.5 FROM=0.3", "FIND v(y) WHEN v(z)=0.4 FROM=0.5",
                    "FIND par('v(y)*v(z)') AT=0.3", "PARAM m0*3", "WHEN v(z)=0.5 FROM=0.3 TO=0.6"});
  for (size_t i = 0; i + 1 < r.size(); ++i)
    ASSERT_FALSE(r[i].failed) << r[i].name << ": " << r[i].why;
  EXPECT_NEAR(r[0].value, 2.0 / 3, 1e-15);  // t = 2 − 2t
  EXPECT_NEAR(r[1].value, 0.5, 1e-15);
  EXPECT_NEAR(r[2].value, 0.9, 1e-15);   // z = 0.2 there, 0.4 at the window's start
  EXPECT_NEAR(r[3].value, 0.75, 1e-15);  // the first crossing after 0.3 is the falling one
  EXPECT_NEAR(r[4].value, 0.8, 1e-15);   // z falls through 0.4 at 0.8, where y = 0.8
  EXPECT_NEAR(r[5].value, 0.3 * 0.6, 1e-15);
  EXPECT_NEAR(r[6].value, 2.0, 1e-15);
  EXPECT_TRUE(r[7].failed);  // 0.75 is past TO
  EXPECT_NE(r[7].why.find("within FROM/TO"), std::string::npos) << r[7].why;
}

// Values may be parameters and expressions, evaluated at elaboration.
TEST(Measure, ValuesMayBeExpressions) {
  auto r = measure({"WHEN v(z)='scale/20' RISE=1", "FIND v(y) AT={scale*0.035}",
                    "AVG v(y) FROM=0 TO='scale/10'"});
  for (const auto& m : r) ASSERT_FALSE(m.failed) << m.name << ": " << m.why;
  EXPECT_NEAR(r[0].value, 0.25, 1e-15);
  EXPECT_NEAR(r[1].value, 0.35, 1e-15);
  EXPECT_NEAR(r[2].value, 0.5, 1e-15);
}

// A malformed .measure is an error where it is written, before anything runs.
TEST(Measure, MalformedStatementsAreErrorsAtTheirToken) {
  const struct {
    const char* line;
    const char* expect;
  } cases[] = {
      {".measure tran m1 FROB v(y)", "m.sp:4:18: error: unknown measure kind 'FROB'"},
      {".measure tran m1 TRIG v(y) VAL=0.5 RISE=1", "m.sp:4:41: error: TARG expected"},
      {".measure tran m1 TRIG v(y) 0.5 TARG v(y) VAL=1",
       "m.sp:4:28: error: VAL= expected after v(y)"},
      {".measure tran m1 WHEN v(y) RISE=1", "m.sp:4:28: error: WHEN needs v(y)=value"},
      {".measure tran m1 FIND v(y)", "error: FIND needs AT=time or WHEN sig=value"},
      {".measure tran m1 WHEN v(y)=0.5 RISE=0", "m.sp:4:37: error: rise= takes a whole number"},
      {".measure tran m1 AVG v(y) FROM=0 TO=1u extra", "m.sp:4:40: error: unexpected 'extra'"},
      {".measure tran m1 MAX y", "m.sp:4:22: error: expected a signal such as v(out)"},
      {".measure tran m1 MAX v(nosuch)",
       "m.sp:4:22: error: measure m1 reads v(nosuch), which names nothing in the circuit"},
      {".measure tran m1 FIND v(y) WHEN i(vx)=1m",
       "m.sp:4:33: error: measure m1 reads i(vx), which names nothing in the circuit"},
      {".measure tran m1 PARAM='1 +'", "m.sp:4"},
      {".measure tran m1 WHEN v(y)=v(nosuch)",
       "m.sp:4:28: error: measure m1 reads v(nosuch), which names nothing in the circuit"},
      {".measure tran m1 FIND par(v(y)) AT=1n",
       "m.sp:4:27: error: par() takes a quoted expression"},
  };
  for (const auto& c : cases) {
    const std::string errors = measure_errors(c.line);
    EXPECT_NE(errors.find(c.expect), std::string::npos) << c.line << "\n" << errors;
  }
  EXPECT_EQ(measure_errors(".measure tran m1 MAX v(y) FROM=1n TO=2n"), "");
}

// Monte Carlo statistics of a measure: 1, 2, 4, 9 and one failed sample.
TEST(SampleStatistics, MomentsMedianAndFailures) {
  const xb::engine::SampleStatistics s = xb::engine::sample_statistics({1, 2, std::nan(""), 4, 9});
  EXPECT_EQ(s.count, 4u);
  EXPECT_EQ(s.failed, 1u);
  EXPECT_DOUBLE_EQ(s.mean, 4);
  EXPECT_DOUBLE_EQ(s.sigma, std::sqrt((9.0 + 4 + 0 + 25) / 3));  // n − 1
  EXPECT_DOUBLE_EQ(s.avgdev, (3.0 + 2 + 0 + 5) / 4);
  EXPECT_DOUBLE_EQ(s.median, 3);
  EXPECT_DOUBLE_EQ(s.min, 1);
  EXPECT_DOUBLE_EQ(s.max, 9);
  EXPECT_EQ(xb::engine::sample_statistics({std::nan("")}).count, 0u);
}
