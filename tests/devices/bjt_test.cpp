// The Gummel-Poon BJT against closed forms: the Ebers-Moll currents with the Early effect,
// beta roll-off by IKF, IS at 100 °C, a PNP as the mirror of an NPN, area as parallel
// transistors, and the AC of a conducting substrate junction against the slope of its DC
// transfer (ngspice 39's AC leaves that junction's conductance out: docs/devices.md).

#include <gtest/gtest.h>

#include <cmath>

#include "frontends/session/session.hpp"
#include "netlist/parser.hpp"

using namespace xb;

namespace {

session::Session open(const std::string& deck) {
  netlist::ParseResult parsed = netlist::parse_deck_text(deck, "q.sp");
  EXPECT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
  session::Session s = session::Session::from_deck(std::move(parsed.deck));
  EXPECT_TRUE(s.ok()) << s.format_diagnostics();
  return s;
}

// CODATA 2014 kT/q, as devices/junction.hpp.
double vt(double celsius) {
  return 1.38064852e-23 * (celsius + 273.15) / 1.6021766208e-19;
}

// Collector and base currents (into the device) with vbe, vce forced; gmin 0.
struct Currents {
  double ic, ib;
};
Currents bias(const std::string& model, double vbe, double vce, const std::string& extra = "") {
  session::Session s =
      open("q\nvb b 0 " + std::to_string(vbe) + "\nvc c 0 " + std::to_string(vce) +
           "\nq1 c b 0 qm" + extra + "\n.model qm " + model + "\n.options gmin=0\n.op\n");
  EXPECT_TRUE(s.solve().ok);
  return {-s.read(s.probe("i(vc)")), -s.read(s.probe("i(vb)"))};
}

}  // namespace

TEST(Bjt, EbersMollWithEarlyEffect) {
  const double is = 1e-15, bf = 80, br = 2, vaf = 50, vbe = 0.65, vce = 2;
  const Currents c = bias("npn (is=1e-15 bf=80 br=2 vaf=50)", vbe, vce);
  const double v = vt(27), vbc = vbe - vce;
  const double ibe = is * std::expm1(vbe / v), ibc = is * std::expm1(vbc / v);
  const double qb = 1 / (1 - vbc / vaf);
  EXPECT_NEAR(c.ic, (ibe - ibc) / qb - ibc / br, 1e-9 * c.ic);
  EXPECT_NEAR(c.ib, ibe / bf + ibc / br, 1e-9 * c.ib);
}

TEST(Bjt, HighInjectionRollOff) {
  // qb = (1 + sqrt(1 + 4·Ibe/IKF))/2 with no Early effect: Ic = Ibe/qb in forward active.
  const double is = 1e-14, ikf = 1e-3, vbe = 0.75;
  const Currents c = bias("npn (is=1e-14 bf=100 ikf=1m)", vbe, 3);
  const double ibe = is * std::expm1(vbe / vt(27)), ibc = is * std::expm1((vbe - 3) / vt(27));
  const double qb = (1 + std::sqrt(1 + 4 * (ibe / ikf))) / 2;
  EXPECT_NEAR(c.ic, (ibe - ibc) / qb - ibc, 1e-9 * c.ic);
  EXPECT_GT(ibe / c.ic, 2);  // the roll-off matters here
}

TEST(Bjt, SaturationCurrentAtTemperature) {
  // IS(T) = IS·exp((T/Tnom − 1)·EG/vt(T))·(T/Tnom)^XTI; BF and BR × (T/Tnom)^XTB.
  session::Session s = open(
      "q\nvb b 0 0.6\nvc c 0 2\nq1 c b 0 qm\n.model qm npn (is=1e-16 bf=100 eg=1.12 xti=3.5 "
      "xtb=1.5)\n.options gmin=0\n.temp 100\n.op\n");
  ASSERT_TRUE(s.solve().ok);
  const double t = 373.15, tn = 300.15, v = vt(100);
  const double is = 1e-16 * std::exp((t / tn - 1) * 1.12 / v) * std::pow(t / tn, 3.5);
  const double ibe = is * std::expm1(0.6 / v);
  const double a = 3 * v / (-1.4 * M_E), ibc = -is * (1 + a * a * a);  // SPICE's reverse tail
  const double beta = std::pow(t / tn, 1.5);                           // BF, BR (= 1) × this
  EXPECT_NEAR(-s.read(s.probe("i(vc)")), ibe - ibc - ibc / beta, 1e-9 * ibe);
  EXPECT_NEAR(-s.read(s.probe("i(vb)")), ibe / (100 * beta) + ibc / beta, 1e-9 * ibe / 100);
}

TEST(Bjt, PnpMirrorsNpnAndAreaIsParallelDevices) {
  const std::string model = "(is=1e-15 bf=60 br=3 vaf=40 ikf=5m ise=1e-13 rb=80 re=2 rc=10)";
  const Currents n = bias("npn " + model, 0.7, 1.5);
  const Currents p = bias("pnp " + model, -0.7, -1.5);
  EXPECT_NEAR(p.ic, -n.ic, 1e-12 * std::fabs(n.ic));
  EXPECT_NEAR(p.ib, -n.ib, 1e-12 * std::fabs(n.ib));
  // Area 3 is three of them in parallel: the same voltages, three times the currents (both
  // junctions scale with the area, as in SPICE3 and HSPICE), and so is m=3.
  const Currents one = bias("npn " + model, 0.7, 0.3);  // saturated: both junctions on
  const Currents area = bias("npn " + model, 0.7, 0.3, " 3");
  const Currents m = bias("npn " + model, 0.7, 0.3, " m=3");
  session::Session three = open(
      "q\nvb b 0 0.7\nvc c 0 0.3\nq1 c b 0 qm\nq2 c b 0 qm\nq3 c b 0 "
      "qm\n.model qm npn " +
      model + "\n.options gmin=0\n.op\n");
  ASSERT_TRUE(three.solve().ok);
  const double ic3 = -three.read(three.probe("i(vc)"));
  EXPECT_NEAR(ic3, 3 * one.ic, 1e-9 * std::fabs(ic3));
  EXPECT_NEAR(area.ic, ic3, 1e-9 * std::fabs(ic3));
  EXPECT_NEAR(m.ic, ic3, 1e-9 * std::fabs(ic3));
  EXPECT_NEAR(area.ib, 3 * one.ib, 1e-9 * std::fabs(area.ib));
}

TEST(Bjt, AcOfAConductingSubstrateJunctionIsTheDcSlope) {
  // A lateral PNP whose substrate (tied to the supply) conducts through ISS: the small-signal
  // gain must be the slope of the DC transfer at the bias.
  const std::string deck =
      "sub\nvcc vcc 0 5\nvin in 0 dc 0.72 ac 1\nrs in b 1k\nrc vcc c 2.2k\nq1 c b 0 qn\n"
      "q2 0 c out vcc qp\nrl out vcc 4.7k\n.model qn npn (is=2e-16 bf=120 vaf=70)\n"
      ".model qp pnp (is=1e-16 bf=50 vaf=40 iss=1e-18 ns=1.1)\n.temp 60\n"
      ".options reltol=1e-10 abstol=1e-18 vntol=1e-13\n.ac lin 1 1 1\n";
  session::Session s = open(deck);
  const session::Outcome ac = s.run(0);
  ASSERT_TRUE(ac.status.ok) << ac.status.message;
  size_t col = 0;
  for (size_t k = 0; k < ac.results.signals.size(); ++k)
    if (ac.results.signals[k] == "v(out)") col = k;
  ASSERT_GT(col, 0u);
  const double gain = ac.results.rows[0][col];
  const auto vin = s.source("vin");
  const auto out = s.probe("v(out)");
  const double h = 1e-6;
  s.set(vin, 0.72 + h);
  ASSERT_TRUE(s.solve().ok);
  const double up = s.read(out);
  s.set(vin, 0.72 - h);
  ASSERT_TRUE(s.solve().ok);
  const double slope = (up - s.read(out)) / (2 * h);
  EXPECT_NEAR(gain, slope, 1e-5 * std::fabs(slope));
  EXPECT_NEAR(ac.results.imag[0][col], 0, 1e-9 * std::fabs(slope));  // 1 Hz: no capacitance
}
