// .measure on waveforms whose answers are known exactly.

#include <gtest/gtest.h>

#include <cmath>

#include "engine/measure.hpp"

using namespace xb;

namespace {

// y(t) = t on [0, 1] sampled at 11 points, and a triangle z rising to 1 at 0.5 and back.
engine::Results ramp() {
  engine::Results r;
  r.analysis = "tran";
  r.signals = {"time", "v(y)", "v(z)"};
  for (int k = 0; k <= 10; ++k) {
    const double t = 0.1 * k;
    r.rows.push_back({t, t, t <= 0.5 ? 2 * t : 2 - 2 * t});
  }
  return r;
}

std::vector<engine::MeasureResult> measure(const std::vector<std::string>& lines) {
  std::vector<netlist::Measure> ms;
  for (size_t i = 0; i < lines.size(); ++i)
    ms.push_back({"tran", "m" + std::to_string(i), lines[i], {}});
  return engine::evaluate_measures(ms, "tran", ramp(), {{"scale", 10}});
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
