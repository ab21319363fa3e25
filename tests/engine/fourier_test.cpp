// .four (engine/fourier): the coefficients of a waveform whose series is known, and the errors.

#include "engine/fourier.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace xb::engine {
namespace {

constexpr double kPi = std::numbers::pi;

// y = 1 + 2 sin(ωt) + 0.5 cos(2ωt) − 0.1 sin(3ωt), f = 1 kHz, sampled finely over 3 periods.
Results series_table() {
  Results r;
  r.analysis = "tran";
  r.signals = {"time", "v(out)"};
  for (int i = 0; i <= 30000; ++i) {
    const double t = i * 1e-7, w = 2 * kPi * 1e3 * t;
    r.rows.push_back({t, 1 + 2 * std::sin(w) + 0.5 * std::cos(2 * w) - 0.1 * std::sin(3 * w)});
  }
  return r;
}

TEST(Fourier, KnownSeries) {
  netlist::FlatFourier request{1e3, {"v(out)"}, {}};
  const FourierOutcome out = fourier_analysis(series_table(), request);
  ASSERT_TRUE(out.errors.empty());
  ASSERT_EQ(out.tables.size(), 1u);
  const FourierTable& t = out.tables[0];
  ASSERT_EQ(t.magnitude.size(), 10u);
  // Linear interpolation between points 1e-4 periods apart: errors of order (2π·1e-4)²/8.
  const double tol = 1e-6;
  EXPECT_NEAR(t.magnitude[0], 1.0, tol);
  EXPECT_NEAR(t.magnitude[1], 2.0, tol);
  EXPECT_NEAR(t.phase_deg[1], 0.0, 1e-4);
  EXPECT_NEAR(t.magnitude[2], 0.5, tol);
  EXPECT_NEAR(t.phase_deg[2], 90.0, 1e-4);  // a cosine leads the sine by 90°
  EXPECT_NEAR(t.magnitude[3], 0.1, tol);
  EXPECT_NEAR(std::abs(t.phase_deg[3]), 180.0, 1e-3);
  for (int k = 4; k < 10; ++k) EXPECT_NEAR(t.magnitude[k], 0.0, tol) << k;
  EXPECT_NEAR(t.norm_magnitude[2], 0.25, tol);
  EXPECT_NEAR(t.norm_phase_deg[2], 90.0, 1e-4);
  EXPECT_DOUBLE_EQ(t.frequency[3], 3e3);
  EXPECT_NEAR(t.thd_percent, 100 * std::hypot(0.25, 0.05), 1e-4);
}

TEST(Fourier, ShortRunsAndMissingSignalsAreErrors) {
  const Results r = series_table();  // 3 ms long
  netlist::FlatFourier slow{100.0, {"v(out)"}, {}};
  FourierOutcome out = fourier_analysis(r, slow);
  EXPECT_TRUE(out.tables.empty());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].find("shorter than one period"), std::string::npos);
  netlist::FlatFourier missing{1e3, {"v(nowhere)", "v(out)"}, {}};
  out = fourier_analysis(r, missing);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_NE(out.errors[0].find("v(nowhere)"), std::string::npos);
  EXPECT_EQ(out.tables.size(), 1u);  // the other output is still analysed
}

}  // namespace
}  // namespace xb::engine
