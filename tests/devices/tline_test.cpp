// The lossless transmission line (devices/tline) against closed forms: the reflections of a
// step (the lattice diagram), a matched line's pure delay, DC as two wires, and AC as
// e^(−jωτ) and −j·Z0·cot(ωτ).

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>

#include "support/session_results.hpp"

using namespace xb;

namespace {

using test::column;

session::Session open(const std::string& deck) {
  return test::open_deck(deck);
}

// The value of column c at time t (linear between the recorded points).
double at(const engine::Results& r, size_t c, double t) {
  for (size_t i = 1; i < r.rows.size(); ++i)
    if (r.rows[i][0] >= t) {
      const auto &a = r.rows[i - 1], &b = r.rows[i];
      return a[c] + (b[c] - a[c]) * (t - a[0]) / (b[0] - a[0]);
    }
  return r.rows.back()[c];
}

}  // namespace

TEST(Tline, StepReflectionsFollowTheLatticeDiagram) {
  // 1 V through Rs = 10 Ω into a 50 Ω line of 10 ns, open at the far end. The wave launched is
  // V·Z0/(Rs + Z0); the open end doubles it; back at the source it reflects with
  // Γs = (Rs − Z0)/(Rs + Z0), and so on.
  session::Session s = open(
      "lattice\nvs src 0 pulse(0 1 1n 10p 10p 1u 2u)\nrs src in 10\nt1 in 0 out 0 z0=50 td=10n\n"
      "rl out 0 1e12\n.tran 0.1n 100n 0 0.05n\n.end\n");
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const session::Outcome out = s.run(0);
  ASSERT_TRUE(out.status.ok) << out.status.message;
  const size_t ci = column(out.results, "v(in)"), co = column(out.results, "v(out)");
  const double launched = 50.0 / 60.0, gs = (10.0 - 50.0) / 60.0;
  // Plateaus, read mid-way: out at 1+10 ns, in at 1+20 ns, out at 1+30 ns, ...
  double in = launched, out_v = 0, wave = launched;
  EXPECT_NEAR(at(out.results, ci, 6e-9), in, 1e-6);
  for (int bounce = 0; bounce < 4; ++bounce) {
    out_v += 2 * wave;  // arrives at the open end: doubled
    EXPECT_NEAR(at(out.results, co, (1 + 10 + 20 * bounce + 5) * 1e-9), out_v, 1e-6) << bounce;
    in += wave * (1 + gs);  // back at the source: the returning wave and its reflection
    wave *= gs;
    EXPECT_NEAR(at(out.results, ci, (1 + 20 + 20 * bounce + 5) * 1e-9), in, 1e-6) << bounce;
  }
}

TEST(Tline, MatchedLineIsAPureDelay) {
  // A smooth source into a matched line (F and NL give τ = 0.25/10 MHz = 25 ns).
  session::Session s = open(
      "delay\nvs src 0 sin(0 1 7meg)\nrs src in 75\nt1 in 0 out 0 z0=75 f=10meg nl=0.25\n"
      "rl out 0 75\n.tran 0.1n 200n 0 0.1n\n.end\n");
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const session::Outcome out = s.run(0);
  ASSERT_TRUE(out.status.ok) << out.status.message;
  const size_t ci = column(out.results, "v(in)"), co = column(out.results, "v(out)");
  double worst = 0;
  for (const auto& row : out.results.rows) {
    const double t = row[0];
    if (t < 25e-9) {
      EXPECT_NEAR(row[co], 0.0, 1e-12);  // nothing has arrived yet
      continue;
    }
    worst = std::max(worst, std::fabs(row[co] - at(out.results, ci, t - 25e-9)));
    EXPECT_NEAR(row[ci], 0.5 * std::sin(2 * std::numbers::pi * 7e6 * t), 1e-9);  // matched
  }
  EXPECT_LT(worst, 1e-5);  // of a 0.5 V sine: the interpolation of the delayed wave
}

TEST(Tline, DcIsTwoWiresAndAcIsTheDelay) {
  session::Session dc =
      open("dc\nvs src 0 2\nrs src in 100\nt1 in 0 out 0 z0=50 td=1n\nrl out 0 300\n.op\n.end\n");
  const session::Outcome op = dc.run(0);
  ASSERT_TRUE(op.status.ok) << op.status.message;
  EXPECT_NEAR(op.results.rows[0][column(op.results, "v(out)")], 2 * 300.0 / 400.0, 1e-12);
  EXPECT_NEAR(op.results.rows[0][column(op.results, "v(in)")], 1.5, 1e-12);
  // AC, matched: out/in = e^(−jωτ). Loaded by ZL = 1 GΩ (near open): the input impedance
  // Z0·(ZL + j·Z0·tan ωτ)/(Z0 + j·ZL·tan ωτ) (→ −j·Z0·cot ωτ), seen from a 1 A source.
  session::Session ac = open(
      "ac\nvs src 0 ac 1\nrs src in 50\nt1 in 0 out 0 z0=50 td=1n\nrl out 0 50\n"
      "i2 0 in2 ac 1\nt2 in2 0 out2 0 z0=50 td=1n\nrl2 out2 0 1e9\n"
      ".ac lin 7 10meg 130meg\n.end\n");
  const session::Outcome fr = ac.run(0);
  ASSERT_TRUE(fr.status.ok) << fr.status.message;
  const size_t ci = column(fr.results, "v(in)"), co = column(fr.results, "v(out)");
  const size_t cz = column(fr.results, "v(in2)");
  for (size_t k = 0; k < fr.results.rows.size(); ++k) {
    const double f = fr.results.rows[k][0], w = 2 * std::numbers::pi * f;
    const std::complex<double> vin(fr.results.rows[k][ci], fr.results.imag[k][ci]);
    const std::complex<double> vout(fr.results.rows[k][co], fr.results.imag[k][co]);
    const std::complex<double> ratio = vout / vin, expected = std::polar(1.0, -w * 1e-9);
    EXPECT_NEAR(std::abs(ratio - expected), 0.0, 1e-12) << f;
    const std::complex<double> zin(fr.results.rows[k][cz], fr.results.imag[k][cz]);
    const std::complex<double> j(0, 1), tn = std::tan(w * 1e-9);
    const std::complex<double> z = 50.0 * (1e9 + j * 50.0 * tn) / (50.0 + j * 1e9 * tn);
    EXPECT_NEAR(std::abs(zin - z), 0.0, 1e-9 * std::abs(z)) << f;
  }
}
