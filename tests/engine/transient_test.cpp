// Transient analysis against closed forms: RC and RL step responses, an RC driven by a sine,
// the convergence order of trapezoidal and Gear-2, energy in a lossless LC tank, .ic/.nodeset,
// breakpoints, and the failure path.

#include <gtest/gtest.h>

#include <cmath>

#include "engine/transient.hpp"
#include "frontends/io/result_writers.hpp"
#include "frontends/session/simulation.hpp"
#include "netlist/parser.hpp"

using namespace xb;

namespace {

struct TranRun {
  netlist::ParseResult parsed;
  engine::TransientOutcome outcome;
  size_t col(const std::string& name) const {
    const auto& s = outcome.results.signals;
    auto it = std::find(s.begin(), s.end(), name);
    EXPECT_NE(it, s.end()) << name;
    return it - s.begin();
  }
};

TranRun run_tran(const std::string& text) {
  TranRun r{netlist::parse_deck_text(text, "t.sp"), {}};
  EXPECT_TRUE(r.parsed.ok()) << r.parsed.diagnostics.format(*r.parsed.deck.sources);
  auto prepare = [&](const std::unordered_map<std::string, double>& o) {
    return session::prepare_circuit(r.parsed.deck, o);
  };
  r.outcome = engine::run_transient_analysis(0, prepare);
  return r;
}

// Largest |simulated − exact| over every accepted point.
template <class F>
double worst_error(const TranRun& r, const std::string& signal, F exact) {
  const size_t c = r.col(signal);
  double worst = 0;
  for (const auto& row : r.outcome.results.rows)
    worst = std::max(worst, std::fabs(row[c] - exact(row[0])));
  return worst;
}

constexpr double kTau = 1e-6;  // 1 kΩ · 1 nF

// RC low-pass driven by a ramp from 0 to 1 V over tr, then held.
double rc_ramp(double t, double tr) {
  if (t <= 0) return 0;
  if (t <= tr) return (t - kTau * (1 - std::exp(-t / kTau))) / tr;
  return 1 - kTau / tr * (std::exp(tr / kTau) - 1) * std::exp(-t / kTau);
}

}  // namespace

TEST(Transient, RcStepWithinTheToleranceOfTheMethod) {
  const std::string deck =
      "rc\nv1 in 0 pulse(0 1 0 10n 10n 1 2)\nr1 in out 1k\nc1 out 0 1n\n.tran 10n 5u 0 1u\n";
  TranRun loose = run_tran(deck);
  ASSERT_TRUE(loose.outcome.status.ok) << loose.outcome.status.message;
  const double e3 = worst_error(loose, "v(out)", [](double t) { return rc_ramp(t, 10e-9); });
  EXPECT_LT(e3, 2e-2);  // reltol 1e-3 and trtol 7: each step may cost 7·reltol of the charge
  TranRun tight = run_tran("rc\n.options reltol=1e-6\n" + deck.substr(3));
  ASSERT_TRUE(tight.outcome.status.ok);
  const double e6 = worst_error(tight, "v(out)", [](double t) { return rc_ramp(t, 10e-9); });
  EXPECT_LT(e6, 5e-4);
  EXPECT_LT(e6, e3 / 30);  // the error follows the tolerance
  EXPECT_NEAR(loose.outcome.results.rows.back()[0], 5e-6, 1e-18);  // ends exactly at tstop
}

TEST(Transient, RlStepCurrent) {
  // i(l1) = (2 V / 100 Ω)·(1 − exp(−(t − 1 µs)/(L/R))) after the step at 1 µs, L/R = 10 µs.
  TranRun r = run_tran(
      "rl\nv1 in 0 pwl(0 0 1u 0 1.000001u 2)\nr1 in mid 100\nl1 mid 0 1m\n"
      ".options reltol=1e-5\n.tran 0.1u 40u\n");
  ASSERT_TRUE(r.outcome.status.ok) << r.outcome.status.message;
  const double e = worst_error(r, "i(l1)", [](double t) {
    return t <= 1e-6 ? 0.0 : 0.02 * (1 - std::exp(-(t - 1e-6) / 1e-5));
  });
  EXPECT_LT(e, 0.02 * 1e-4);
}

TEST(Transient, RcSineMatchesClosedForm) {
  // v_in = A·sin(ωt): v_c = A/(1 + (ωτ)²)·(sin ωt − ωτ·cos ωt + ωτ·e^(−t/τ)).
  const double a = 1, w = 2 * M_PI * 200e3;
  auto exact = [&](double t) {
    const double wt = w * kTau;
    return a / (1 + wt * wt) * (std::sin(w * t) - wt * std::cos(w * t) + wt * std::exp(-t / kTau));
  };
  TranRun r = run_tran("rc\nv1 in 0 sin(0 1 200k)\nr1 in out 1k\nc1 out 0 1n\n.tran 50n 20u\n");
  ASSERT_TRUE(r.outcome.status.ok);
  EXPECT_LT(worst_error(r, "v(out)", exact), 2e-3 * 0.62);  // amplitude 1/√(1 + (ωτ)²) ≈ 0.62
}

TEST(Transient, TrapezoidalAndGearAreSecondOrder) {
  // Steps fixed by tmax (truncation control switched off with a huge trtol): halving the step
  // divides the error by about four.
  const double w = 2 * M_PI * 200e3;
  auto exact = [&](double t) {
    const double wt = w * kTau;
    return (std::sin(w * t) - wt * std::cos(w * t) + wt * std::exp(-t / kTau)) / (1 + wt * wt);
  };
  for (const char* method : {"trap", "gear"}) {
    double errors[2];
    for (int k = 0; k < 2; ++k) {
      const std::string tmax = k == 0 ? "20n" : "10n";
      TranRun r = run_tran(std::string("rc\n.options trtol=1e12 reltol=1e-9 method=") + method +
                           "\nv1 in 0 sin(0 1 200k)\nr1 in out 1k\nc1 out 0 1n\n.tran 10n 10u 0 " +
                           tmax + "\n");
      ASSERT_TRUE(r.outcome.status.ok);
      // Away from the start, where backward Euler's first step leaves its own error.
      const size_t c = r.col("v(out)");
      errors[k] = 0;
      for (const auto& row : r.outcome.results.rows)
        if (row[0] > 5e-6) errors[k] = std::max(errors[k], std::fabs(row[c] - exact(row[0])));
    }
    EXPECT_GT(errors[0] / errors[1], 3.0) << method;
    EXPECT_LT(errors[0] / errors[1], 5.0) << method;
  }
}

TEST(Transient, TrapezoidalConservesLcEnergyGearDampsIt) {
  // L = 1 µH, C = 1 nF from v = 1 V (UIC): energy ½·C·v² + ½·L·i² = 0.5 nJ for ever.
  auto energy_drift = [](const char* method) {
    TranRun r = run_tran(std::string("lc\n.options method=") + method +
                         "\nl1 a 0 1u ic=0\nc1 a 0 1n ic=1\n.tran 2n 2u uic\n");
    EXPECT_TRUE(r.outcome.status.ok) << r.outcome.status.message;
    const size_t v = r.col("v(a)"), i = r.col("i(l1)");
    double worst = 0;
    for (const auto& row : r.outcome.results.rows) {
      if (row[0] < 1e-7) continue;  // after the backward-Euler start
      const double e = 0.5 * 1e-9 * row[v] * row[v] + 0.5 * 1e-6 * row[i] * row[i];
      worst = std::max(worst, std::fabs(e - 0.5e-9) / 0.5e-9);
    }
    return worst;
  };
  const double trap = energy_drift("trap"), gear = energy_drift("gear");
  EXPECT_LT(trap, 5e-3);  // ten periods; a BE start step costs a little
  EXPECT_GT(gear, 3 * trap);
}

TEST(Transient, PulseCornersAreTimePoints) {
  TranRun r = run_tran(
      "p\nv1 in 0 pulse(0 1 1u 0.1u 0.2u 1u 3u)\nr1 in out 1k\nc1 out 0 1p\n.tran 0.1u 8u\n");
  ASSERT_TRUE(r.outcome.status.ok);
  for (double corner : {1.0e-6, 1.1e-6, 2.1e-6, 2.3e-6, 4.0e-6, 4.1e-6, 5.1e-6, 5.3e-6, 7.0e-6}) {
    bool hit = false;
    for (const auto& row : r.outcome.results.rows) hit = hit || std::fabs(row[0] - corner) < 1e-15;
    EXPECT_TRUE(hit) << "no time point at " << corner;
  }
}

TEST(Transient, InitialConditionHeldOnlyInTheOperatingPoint) {
  // .ic v(a)=2 forces the initial point; then a relaxes to 0 with τ = (1k ∥ 4k)·1 nF = 0.8 µs.
  TranRun r = run_tran(
      "ic\nv1 in 0 0\nr1 in a 1k\nc1 a 0 1n\nr2 a 0 4k\n.ic v(a)=2\n"
      ".options reltol=1e-5\n.tran 10n 5u\n");
  ASSERT_TRUE(r.outcome.status.ok);
  EXPECT_LT(worst_error(r, "v(a)", [](double t) { return 2 * std::exp(-t / 0.8e-6); }), 1e-4);
}

TEST(Transient, NewtonFailureIsTimestepTooSmallAndKeepsTheWaveform) {
  // v + v² + v(k) = 0 has no solution once v(k) passes 1/4 (at 1.25 µs): no step is small
  // enough, and the points before stay.
  TranRun r = run_tran(
      "fail\nvk k 0 pwl(0 0 1u 0 2u 1)\nr1 a 0 1\nb1 a 0 i={v(a)*v(a) + v(k)}\n.tran 10n 3u\n");
  ASSERT_FALSE(r.outcome.status.ok);
  EXPECT_NE(r.outcome.status.message.find("timestep too small at time 1.25e-06 s: no convergence "
                                          "after 10 Newton iterations; worst v(a)"),
            std::string::npos)
      << r.outcome.status.message;
  ASSERT_FALSE(r.outcome.results.rows.empty());
  const auto& last = r.outcome.results.rows.back();
  EXPECT_NEAR(last[0], 1.25e-6, 1e-9);
  EXPECT_NEAR(last[r.col("v(a)")], -0.5, 1e-3);  // the double root at the edge
}

TEST(Transient, PrintGridInterpolatesAcceptedPoints) {
  engine::Results r;
  r.analysis = "tran";
  r.signals = {"time", "v(a)"};
  r.rows = {{0, 0}, {0.3, 3}, {1.1, 11}, {2.0, 20}};
  engine::Results g = io::on_print_grid(r, 0.5, 0, 2);
  ASSERT_EQ(g.rows.size(), 5u);
  for (size_t k = 0; k < 5; ++k) {
    EXPECT_DOUBLE_EQ(g.rows[k][0], 0.5 * k);
    EXPECT_NEAR(g.rows[k][1], 5.0 * k, 1e-12);  // the data are linear
  }
}

TEST(Transient, CapacitorIcFollowsItsNodeOrder) {
  // IC= is v(first node) − v(second node): "c1 0 a ic=-1" starts a at +1 V, then RC decay.
  TranRun r = run_tran("ic\nc1 0 a 1n ic=-1\nr1 a 0 1k\n.options reltol=1e-6\n.tran 10n 3u uic\n");
  ASSERT_TRUE(r.outcome.status.ok) << r.outcome.status.message;
  const size_t c = r.col("v(a)");
  for (const auto& row : r.outcome.results.rows)
    if (row[0] > 0.2e-6) {
      EXPECT_NEAR(row[c], std::exp(-row[0] / kTau), 2e-4) << row[0];
    }
}

TEST(Transient, CapacitorCurrentIsItsChargeDerivative) {
  // i(c1) = C·dv/dt = (1 V / 1 kΩ)·e^(−t/τ) into the first node; c2 is written the other way.
  TranRun r = run_tran(
      "i\nv1 in 0 pwl(0 0 1p 1)\nr1 in a 1k\nc1 a 0 1n\nr2 in b 1k\nc2 0 b 1n\n"
      ".print tran i(c1) i(c2)\n.options reltol=1e-6\n.tran 10n 3u\n");
  ASSERT_TRUE(r.outcome.status.ok) << r.outcome.status.message;
  const size_t c1 = r.col("i(c1)"), c2 = r.col("i(c2)");
  for (const auto& row : r.outcome.results.rows) {
    if (row[0] < 0.1e-6) continue;
    EXPECT_NEAR(row[c1], 1e-3 * std::exp(-row[0] / kTau), 2e-7) << row[0];
    EXPECT_NEAR(row[c2], -row[c1], 1e-12) << row[0];
  }
}

// `time` reaches every behavioural source (B, E value=, G cur=) in a transient, and is 0 in DC.
TEST(Transient, BehaviouralSourcesReadTime) {
  const std::string deck =
      "time\nb1 o 0 v={time*1e6}\nr1 o 0 1k\ne1 p 0 value={2*time*1e6}\nrp p 0 1k\n"
      "g1 0 q cur={time*1e3}\nrq q 0 1k\n.tran 0.1u 1u\n"
      ".print tran v(o) v(p) v(q) i(b1) par('time*2e6')\n.end\n";
  TranRun r = run_tran(deck);
  ASSERT_TRUE(r.outcome.status.ok) << r.outcome.status.message;
  ASSERT_GT(r.outcome.results.rows.size(), 10u);
  EXPECT_LT(worst_error(r, "v(o)", [](double t) { return 1e6 * t; }), 1e-12);
  EXPECT_LT(worst_error(r, "v(p)", [](double t) { return 2e6 * t; }), 1e-12);
  EXPECT_LT(worst_error(r, "v(q)", [](double t) { return 1e3 * t * 1e3; }), 1e-12);
  // i(b1) follows too: −v(o)/1k flows back into its + terminal.
  EXPECT_LT(worst_error(r, "i(b1)", [](double t) { return -1e6 * t / 1e3; }), 1e-15);
  // And the outputs' expressions.
  EXPECT_LT(worst_error(r, "par(time*2e6)", [](double t) { return 2e6 * t; }), 1e-12);
}

// PULSE(0 1) with PW and PER defaulting to tstop (ngspice's tests/general/rc.cir): at t = tstop
// the pulse is still high, as SPICE3 evaluates it (no wrap into a second period).
TEST(Transient, DefaultPulseStaysInItsFirstPeriodAtTstop) {
  TranRun r =
      run_tran("p\nvin 1 0 pulse(0 1)\nr1 1 0 1k\n.tran 0.1u 1u\n.print tran v(1) i(vin)\n.end\n");
  ASSERT_TRUE(r.outcome.status.ok) << r.outcome.status.message;
  const auto& last = r.outcome.results.rows.back();
  EXPECT_DOUBLE_EQ(last[0], 1e-6);
  EXPECT_DOUBLE_EQ(last[r.col("v(1)")], 1.0);
  EXPECT_DOUBLE_EQ(last[r.col("i(vin)")], -1e-3);
}
