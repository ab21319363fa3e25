#include "devices/mosfet1.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace xb;

namespace {

devices::Mos1Group make(double polarity) {
  devices::Mos1Group g(1e-12);
  netlist::FlatElement e;
  e.name = "m1";
  e.kind = 'm';
  e.nodes = {netlist::NodeId{1}, netlist::NodeId{2}, netlist::NodeId{3}, netlist::NodeId{4}};
  devices::Mos1Params p;
  p.polarity = polarity;
  p.vto = 0.7 * polarity;
  p.kp = 110e-6;
  p.gamma = 0.45;
  p.phi = 0.7;
  p.lambda = 0.04;
  p.w = 10e-6;
  p.l = 1e-6;
  g.add(e, p);
  g.set_temperature(27);
  return g;
}

}  // namespace

// gm, gds and gmbs are the partial derivatives of Ids in every region (cutoff, linear,
// saturation, forward-biased bulk).
TEST(Mosfet1, JacobianMatchesFiniteDifferences) {
  for (double polarity : {1.0, -1.0}) {
    devices::Mos1Group g = make(polarity);
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> vgs(-1, 4), vds(0, 4), vbs(-3, 0.3);
    for (int i = 0; i < 300; ++i) {
      const double a = vgs(rng), b = vds(rng), c = vbs(rng), h = 1e-7;
      auto c0 = g.channel(0, a, b, c);
      const double gm = (g.channel(0, a + h, b, c).ids - g.channel(0, a - h, b, c).ids) / (2 * h);
      const double gds = (g.channel(0, a, b + h, c).ids - g.channel(0, a, b - h, c).ids) / (2 * h);
      const double gmbs = (g.channel(0, a, b, c + h).ids - g.channel(0, a, b, c - h).ids) / (2 * h);
      const double tol = 1e-5 * (std::fabs(c0.gm) + std::fabs(c0.gds)) + 1e-12;
      EXPECT_NEAR(c0.gm, gm, tol) << a << " " << b << " " << c;
      EXPECT_NEAR(c0.gds, gds, tol) << a << " " << b << " " << c;
      EXPECT_NEAR(c0.gmbs, gmbs, tol) << a << " " << b << " " << c;
    }
  }
}

TEST(Mosfet1, SquareLawInSaturation) {
  devices::Mos1Group g = make(1.0);
  // vbs = 0: von = VTO; Ids = KP·W/L/2·(vgs − VTO)²·(1 + λ·vds)
  auto c = g.channel(0, 2.0, 3.0, 0.0);
  EXPECT_NEAR(c.ids, 110e-6 * 10 / 2 * 1.3 * 1.3 * (1 + 0.04 * 3), 1e-15);
  EXPECT_NEAR(c.von, 0.7, 1e-15);
  EXPECT_EQ(g.channel(0, 0.5, 3.0, 0.0).ids, 0.0);  // cutoff
}
