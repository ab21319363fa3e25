// The TaOx memristor against its paper, with the equations written out again here rather than
// taken from devices/taox: held-state I–V curves against the closed form (1e-9), the g0 mapping,
// and SET, RESET and sinusoidal drives against an independent integration of the state equation
// (adaptive implicit trapezoidal rule, step doubling, 1e-10 per step): the current within 1 % of
// its peak at every time point xbspice takes.

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "engine/dc_analysis.hpp"
#include "engine/transient.hpp"
#include "frontends/session/session.hpp"
#include "frontends/session/simulation.hpp"
#include "netlist/parser.hpp"
#include "taox_reference.hpp"

using namespace xb;
using namespace xb::reference;

namespace {

struct SimRun {
  netlist::ParseResult parsed;
  engine::AnalysisOutcome outcome;
  engine::TransientOutcome tran;
  size_t col(const engine::Results& r, const std::string& name) const {
    auto it = std::find(r.signals.begin(), r.signals.end(), name);
    EXPECT_NE(it, r.signals.end()) << name;
    return it - r.signals.begin();
  }
};

SimRun simulate(const std::string& text, bool tran) {
  SimRun r{netlist::parse_deck_text(text, "t.sp"), {}, {}};
  EXPECT_TRUE(r.parsed.ok()) << r.parsed.diagnostics.format(*r.parsed.deck.sources);
  auto prepare = [&](const std::unordered_map<std::string, double>& o) {
    return session::prepare_circuit(r.parsed.deck, o);
  };
  if (tran)
    r.tran = engine::run_transient_analysis(0, prepare);
  else
    r.outcome = engine::run_dc_analysis(0, prepare);
  return r;
}

// Simulates `deck` (source v1 = `source(t)` driving x1 through `r` ohms from state x0) and
// compares i(x1) with the reference at every time point: the worst error / peak current.
double worst_current_error(const std::string& deck, const std::function<double(double)>& source,
                           double r, double x0) {
  SimRun run = simulate(deck, true);
  EXPECT_TRUE(run.tran.status.ok) << run.tran.status.message;
  const auto& res = run.tran.results;
  const size_t ci = run.col(res, "i(x1)"), cx = run.col(res, "v(x1.x)");
  Paper paper;
  auto f = [&](double t, double x) { return paper.dxdt(paper.device_voltage(source(t), r, x), x); };
  double x = x0, t = 0, peak = 0, worst = 0, worst_x = 0;
  std::vector<double> reference;
  for (const auto& row : res.rows) {
    if (row[0] > t) x = integrate(f, t, row[0], x);
    t = row[0];
    const double i = paper.current(paper.device_voltage(source(t), r, x), x);
    reference.push_back(i);
    peak = std::max(peak, std::fabs(i));
    worst_x = std::max(worst_x, std::fabs(row[cx] - x));
  }
  for (size_t k = 0; k < res.rows.size(); ++k)
    worst = std::max(worst, std::fabs(res.rows[k][ci] - reference[k]));
  EXPECT_GT(peak, 0);
  ::testing::Test::RecordProperty("worst_state_error", std::to_string(worst_x));
  return worst / peak;
}

}  // namespace

TEST(Taox, HeldStateIvCurvesMatchTheClosedForm) {
  Paper paper;
  for (double x0 : {0.05, 0.3, 0.7, 1.0}) {
    SimRun r = simulate(
        "iv\n.model tx taox\nv1 a 0 0\nx1 a 0 tx x0=" + std::to_string(x0) + "\n.dc v1 -1 1 0.01\n",
        false);
    ASSERT_TRUE(r.outcome.status.ok) << r.outcome.status.message;
    const auto& res = r.outcome.results;
    const size_t ci = r.col(res, "i(v1)"), cx = r.col(res, "v(x1.x)");
    ASSERT_EQ(res.rows.size(), 201u);
    for (const auto& row : res.rows) {
      const double want = paper.current(row[0], x0);
      EXPECT_NEAR(-row[ci], want, 1e-9 * std::fabs(want) + 1e-15)
          << "x = " << x0 << " v = " << row[0];
      EXPECT_DOUBLE_EQ(row[cx], x0);
    }
  }
}

TEST(Taox, G0SetsTheStateThatReadsIt) {
  SimRun r = simulate("g0\n.model tx taox\nv1 a 0 0.1\nx1 a 0 tx g0=5m\n.op\n", false);
  ASSERT_TRUE(r.outcome.status.ok);
  const auto& res = r.outcome.results;
  EXPECT_NEAR(-res.rows[0][r.col(res, "i(v1)")] / 0.1, 5e-3, 1e-12);
  // Out of reach: the message names the range.
  SimRun bad = simulate("g0\n.model tx taox\nv1 a 0 0.1\nx1 a 0 tx g0=1\n.op\n", false);
  ASSERT_FALSE(bad.outcome.status.ok);
  EXPECT_NE(bad.outcome.status.message.find("g0 = 1 S is not reachable: at vread = 0.1 V"),
            std::string::npos)
      << bad.outcome.status.message;
}

// An unknown parameter is a warning naming the valid ones (ngspice warns and ignores); under
// .option strict it is an error. Out-of-range values are errors.
TEST(Taox, UnknownOrOutOfRangeParameterNamesTheValidOnes) {
  const std::string deck = "p\n.model tx taox (gmm=1)\nv1 a 0 0.1\nx1 a 0 tx x0=0.3\n.op\n";
  session::Session lax = session::Session::from_deck(netlist::parse_deck_text(deck, "t.sp").deck);
  ASSERT_TRUE(lax.ok()) << lax.format_diagnostics();
  ASSERT_EQ(lax.diagnostics().warning_count(), 1u);
  const netlist::Diagnostic& w = lax.diagnostics().items()[0];
  EXPECT_EQ(w.code, "unknown-parameter");
  EXPECT_EQ(w.loc.line, 2u);  // at the .model card
  EXPECT_NE(w.message.find("model tx: unknown model parameter 'gmm' for taox (valid: aoff bon"),
            std::string::npos)
      << w.message;
  ASSERT_TRUE(lax.solve().ok);  // with the default gm
  EXPECT_NEAR(-lax.read(lax.probe("i(v1)")), Paper{}.current(0.1, 0.3), 1e-15);

  session::Session strict = session::Session::from_deck(
      netlist::parse_deck_text("p\n.option strict\n" + deck.substr(2), "t.sp").deck);
  EXPECT_FALSE(strict.ok());
  EXPECT_NE(
      strict.format_diagnostics().find("t.sp:3:1: error: model tx: unknown model parameter 'gmm'"),
      std::string::npos)
      << strict.format_diagnostics();

  SimRun range = simulate("p\n.model tx taox\nv1 a 0 0.1\nx1 a 0 tx x0=1.5\n.op\n", false);
  ASSERT_FALSE(range.outcome.status.ok);
  EXPECT_NE(range.outcome.status.message.find("x0 = 1.5 is out of range [0, 1]"), std::string::npos)
      << range.outcome.status.message;
}

TEST(Taox, ResetPulseTrainMatchesIndependentIntegration) {
  const double err = worst_current_error(
      "reset\n.model tx taox\nv1 a 0 pulse(0 -0.5 0 5n 5n 50n 200n)\nx1 a 0 tx x0=0.8\n"
      ".print tran i(x1) v(x1.x)\n.tran 10n 2u\n",
      [](double t) { return pulse(t, 0, -0.5, 0, 5e-9, 5e-9, 50e-9, 200e-9); }, 0, 0.8);
  EXPECT_LT(err, 0.01);
}

TEST(Taox, SetPulseTrainThroughResistorMatchesIndependentIntegration) {
  const double err = worst_current_error(
      "set\n.options reltol=1e-4\n.model tx taox\nv1 s 0 pulse(0 1.5 0 5n 5n 50n 200n)\nr1 s a "
      "500\nx1 a 0 tx x0=0.1\n"
      ".print tran i(x1) v(x1.x)\n.tran 10n 2u\n",
      [](double t) { return pulse(t, 0, 1.5, 0, 5e-9, 5e-9, 50e-9, 200e-9); }, 500, 0.1);
  EXPECT_LT(err, 0.01);
}

TEST(Taox, SinusoidalDriveMatchesIndependentIntegration) {
  const double err = worst_current_error(
      "sine\n.model tx taox\nv1 s 0 sin(0 1.5 1meg)\nr1 s a 500\nx1 a 0 tx x0=0.3\n"
      ".print tran i(x1) v(x1.x)\n.tran 10n 3u\n",
      [](double t) { return 1.5 * std::sin(2 * M_PI * 1e6 * t); }, 500, 0.3);
  EXPECT_LT(err, 0.01);
}

TEST(Taox, IcSetsTheStateForTheTransient) {
  // .ic v(x1.x) overrides x0 at the start of a transient; at 0 V the state then stays put.
  SimRun r = simulate(
      "ic\n.model tx taox\nv1 a 0 0\nx1 a 0 tx x0=0.3\n.ic v(x1.x)=0.7\n.print tran v(x1.x)\n"
      ".tran 1n 10n\n",
      true);
  ASSERT_TRUE(r.tran.status.ok) << r.tran.status.message;
  const size_t cx = r.col(r.tran.results, "v(x1.x)");
  for (const auto& row : r.tran.results.rows) EXPECT_NEAR(row[cx], 0.7, 1e-12) << row[0];
}

TEST(Taox, OneTransistorOneMemristorArrayWithWordLinesOffSolves) {
  // Cells on word lines at 0 V float behind their off transistors: no floating-node alarm, and
  // their internal nodes settle at the bit-line voltage (no current through the memristor).
  SimRun r =
      simulate("1t1m\n.include '" XB_MODELS_DIR
               "/crossbar.lib'\nvbl1 bl1 0 0.2\nvbl2 bl2 0 0.3\nvwl1 wl1 0 1.8\nvwl2 wl2 0 0\n"
               "x11 bl1 wl1 0 cell_1t1m x0=0.2\nx12 bl2 wl1 0 cell_1t1m x0=0.8\n"
               "x21 bl1 wl2 0 cell_1t1m\nx22 bl2 wl2 0 cell_1t1m\n.op\n",
               false);
  ASSERT_TRUE(r.outcome.status.ok) << r.outcome.status.message;
  const auto& res = r.outcome.results;
  EXPECT_NEAR(res.rows[0][r.col(res, "v(x21.mid)")], 0.2, 1e-6);
  EXPECT_NEAR(res.rows[0][r.col(res, "v(x22.mid)")], 0.3, 1e-6);
  EXPECT_LT(res.rows[0][r.col(res, "v(x11.mid)")], 0.2);  // the on cell conducts
}

TEST(Taox, UicStartsTheStateAtX0) {
  // UIC skips the operating point that holds the state: it must start at x0 (or .ic) anyway.
  SimRun r = simulate(
      "uic\n.model tx taox\nv1 a 0 0\nx1 a 0 tx x0=0.3\nx2 a 0 tx x0=0.3\n.ic v(x2.x)=0.6\n"
      ".print tran v(x1.x) v(x2.x)\n.tran 1n 10n uic\n",
      true);
  ASSERT_TRUE(r.tran.status.ok) << r.tran.status.message;
  const size_t c1 = r.col(r.tran.results, "v(x1.x)"), c2 = r.col(r.tran.results, "v(x2.x)");
  for (const auto& row : r.tran.results.rows) {
    EXPECT_NEAR(row[c1], 0.3, 1e-12) << row[0];
    EXPECT_NEAR(row[c2], 0.6, 1e-12) << row[0];
  }
}
