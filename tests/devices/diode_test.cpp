#include "devices/diode.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace xb;

namespace {

devices::DiodeGroup make(const devices::DiodeParams& p) {
  devices::DiodeGroup g(1e-12);
  netlist::FlatElement e;
  e.name = "d1";
  e.kind = 'd';
  e.nodes = {netlist::NodeId{1}, netlist::NodeId{0}};
  g.add(e, p);
  g.set_temperature(27);
  return g;
}

// gd must be dId/dvd: central differences with a step relative to the voltage.
void expect_jacobian(const devices::DiodeGroup& g, double vd) {
  const double h = 1e-7 * std::max(1.0, std::fabs(vd));
  const double fd = (g.evaluate(0, vd + h).id - g.evaluate(0, vd - h).id) / (2 * h);
  const double gd = g.evaluate(0, vd).gd;
  EXPECT_NEAR(gd, fd, 1e-5 * std::fabs(fd) + 1e-13) << "at vd = " << vd;
}

}  // namespace

TEST(Diode, JacobianMatchesFiniteDifferences) {
  devices::DiodeParams p;
  p.is = 2.52e-9;
  p.n = 1.752;
  p.bv = 100;
  p.ibv = 1e-4;
  devices::DiodeGroup g = make(p);
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> v(-120, 1.0);
  for (int i = 0; i < 200; ++i) expect_jacobian(g, v(rng));
  // Edges: zero, either side of −3·nvt and of the breakdown knee, deep forward bias.
  const double nvt = 1.752 * 0.025852;
  for (double vd : {0.0, 1e-9, -1e-9, -3 * nvt + 1e-6, -3 * nvt - 1e-6, -99.0, -101.0, 1.2})
    expect_jacobian(g, vd);
}

TEST(Diode, CurrentFollowsTheShockleyEquation) {
  devices::DiodeParams p;  // is = 1e-14, n = 1
  devices::DiodeGroup g = make(p);
  const double vt = 1.38064852e-23 * 300.15 / 1.6021766208e-19;
  EXPECT_NEAR(g.evaluate(0, 0.6).id, 1e-14 * (std::exp(0.6 / vt) - 1) + 1e-12 * 0.6, 1e-18);
  EXPECT_NEAR(g.evaluate(0, 0.0).id, 0.0, 1e-30);
  // Reverse: saturates at −Is (plus gmin·vd).
  EXPECT_NEAR(g.evaluate(0, -5).id, -1e-14 - 5e-12, 1e-17);
}

TEST(Diode, BreakdownKneeCarriesIbv) {
  devices::DiodeParams p;
  p.bv = 10;
  p.ibv = 1e-3;
  devices::DiodeGroup g = make(p);
  // Past the knee the current grows exponentially in reverse: at −BV it is about −IBV.
  const double i = g.evaluate(0, -10).id;
  EXPECT_LT(i, -0.5e-3);
  EXPECT_GT(i, -2e-3);
  EXPECT_LT(g.evaluate(0, -10.5).id, 100 * i);  // steep beyond
}
