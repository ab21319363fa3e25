// .ac against closed forms: an RC low-pass, a series RLC at and off resonance, a diode's
// small-signal conductance at its operating point, a source's phase; and the errors.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>

#include "engine/ac_analysis.hpp"
#include "frontends/session/session.hpp"
#include "netlist/parser.hpp"

using namespace xb;
using Complex = std::complex<double>;

namespace {

session::Outcome run_ac(const std::string& deck) {
  netlist::ParseResult parsed = netlist::parse_deck_text(deck, "ac.sp");
  EXPECT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
  session::Session s = session::Session::from_deck(std::move(parsed.deck));
  EXPECT_TRUE(s.ok()) << s.format_diagnostics();
  return s.run(0);
}

Complex at(const engine::Results& r, size_t row, const std::string& signal) {
  for (size_t k = 0; k < r.signals.size(); ++k)
    if (r.signals[k] == signal) return {r.rows[row][k], r.imag[row][k]};
  ADD_FAILURE() << "no signal " << signal;
  return {};
}

}  // namespace

TEST(AcAnalysis, RcLowpassIsTheClosedForm) {
  const session::Outcome out = run_ac(
      "rc\nv1 in 0 dc 0 ac 1\nr1 in out 1k\nc1 out 0 1u\n.ac dec 5 1 1meg\n.print ac v(out)\n");
  ASSERT_TRUE(out.status.ok) << out.status.message;
  ASSERT_EQ(out.results.rows.size(), 31u);  // 6 decades, 5 points each, both ends
  for (size_t k = 0; k < out.results.rows.size(); ++k) {
    const double f = out.results.rows[k][0];
    const Complex want = 1.0 / Complex(1, 2 * M_PI * f * 1e-3);
    EXPECT_LT(std::abs(at(out.results, k, "v(out)") - want), 1e-12 * std::abs(want)) << f;
  }
  EXPECT_NEAR(out.results.rows.back()[0], 1e6, 1e-6);
}

TEST(AcAnalysis, SeriesRlcAndSourcePhase) {
  // At f0 = 1/(2π√(LC)) the loop current is V/R; the source's 30° goes through.
  const double L = 1e-3, C = 1e-9, f0 = 1 / (2 * M_PI * std::sqrt(L * C));
  const session::Outcome out = run_ac(
      "rlc\nv1 a 0 ac 2 30\nr1 a b 50\nl1 b c 1m\nc1 c 0 1n\n"
      ".ac lin 3 " +
      std::to_string(f0 / 2) + " " + std::to_string(1.5 * f0) + "\n.print ac i(v1) v(c)\n");
  ASSERT_TRUE(out.status.ok) << out.status.message;
  const Complex v = std::polar(2.0, M_PI / 6);
  for (size_t k = 0; k < 3; ++k) {
    const double w = 2 * M_PI * out.results.rows[k][0];
    const Complex z = 50.0 + Complex(0, w * L) + 1.0 / Complex(0, w * C);
    // i(v1) flows from + through the source: minus the loop current.
    EXPECT_LT(std::abs(at(out.results, k, "i(v1)") + v / z), 1e-12 * std::abs(v / z));
    EXPECT_LT(std::abs(at(out.results, k, "v(c)") - v / z / Complex(0, w * C)),
              1e-10 * std::abs(v / z / Complex(0, w * C)));
  }
}

TEST(AcAnalysis, DiodeConductanceAtItsOperatingPoint) {
  // No capacitance: the small-signal current is v_ac · gd with gd = dI/dV at the bias.
  const session::Outcome out = run_ac(
      "d\nvb a 0 dc 0.6 ac 1m\nd1 a 0 dm\n.model dm d is=1e-14 n=1\n"
      ".options reltol=1e-9 abstol=1e-18 vntol=1e-12\n.ac lin 2 1k 2k\n.print ac i(vb)\n");
  ASSERT_TRUE(out.status.ok) << out.status.message;
  // kT/q with CODATA 2014's constants (as ngspice 39 and devices/junction.hpp); SPICE's gmin
  // of 1e-12 S across the junction.
  const double vt = 1.38064852e-23 * 300.15 / 1.6021766208e-19;
  const double gd = 1e-14 / vt * std::exp(0.6 / vt) + 1e-12;
  const Complex i = at(out.results, 0, "i(vb)");
  EXPECT_NEAR(-i.real() / 1e-3, gd, 1e-9 * gd);
  EXPECT_NEAR(i.imag(), 0, 1e-18);
}

TEST(AcAnalysis, PrintColumnsAreMagnitudeDbPhase) {
  engine::Results r;
  r.analysis = "ac";
  r.signals = {"frequency", "v(out)"};
  r.rows = {{1e3, 0.0}};
  r.imag = {{0.0, -0.1}};
  netlist::OutputVar db{"vdb", {"out"}, nullptr, {}}, p{"vp", {"out"}, nullptr, {}},
      m{"v", {"out"}, nullptr, {}};
  const engine::Results printed = engine::ac_print_columns(r, {db, p, m});
  ASSERT_EQ(printed.signals,
            (std::vector<std::string>{"frequency", "vdb(out)", "vp(out)", "v(out)"}));
  EXPECT_DOUBLE_EQ(printed.rows[0][1], -20);
  EXPECT_DOUBLE_EQ(printed.rows[0][2], -90);  // degrees, as HSPICE prints VP
  EXPECT_DOUBLE_EQ(printed.rows[0][3], 0.1);
}

TEST(AcAnalysis, ErrorsNameWhatIsMissing) {
  const session::Outcome none = run_ac("r\nv1 a 0 1\nr1 a 0 1k\n.ac dec 2 1 10\n");
  EXPECT_FALSE(none.status.ok);
  EXPECT_NE(none.status.message.find("no source has an AC value"), std::string::npos);
  const session::Outcome cap =
      run_ac("r\nv1 a 0 ac 1\nr1 a b 1k\nc1 b 0 1n\n.ac dec 2 1 10\n.print ac i(c1)\n");
  EXPECT_FALSE(cap.status.ok);
  EXPECT_NE(cap.status.message.find("AC current of 'c1'"), std::string::npos) << cap.status.message;
}

// ngspice's ac= on a resistor: the operating point sees r (over m), the AC analysis ac (over m).
// 5k over 5k||5k||5k = 5k/3 in DC: v(2) = 0.25; 5k over 15k/3 = 5k in AC: v(2) = 0.5.
TEST(AcAnalysis, ResistorAcResistance) {
  const char* deck =
      "acr\nvin 1 0 dc 1 ac 1\nr1 1 2 5k\nr2 2 0 5k ac=15k m=3\n.op\n.ac lin 1 1k 1k\n";
  netlist::ParseResult parsed = netlist::parse_deck_text(deck, "acr.sp");
  ASSERT_TRUE(parsed.ok());
  session::Session s = session::Session::from_deck(std::move(parsed.deck));
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const session::Outcome op = s.run(0);
  const auto& sig = op.results.signals;
  const size_t k = std::find(sig.begin(), sig.end(), "v(2)") - sig.begin();
  EXPECT_NEAR(op.results.rows[0][k], 0.25, 1e-12);
  const session::Outcome ac = s.run(1);
  EXPECT_NEAR(at(ac.results, 0, "v(2)").real(), 0.5, 1e-12);
  EXPECT_NEAR(at(ac.results, 0, "v(2)").imag(), 0.0, 1e-15);
}
