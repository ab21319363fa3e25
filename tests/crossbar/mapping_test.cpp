// Mapping onto a crossbar with wires (frontends/crossbar/mapping): the exact gradient of the
// effective matrix against finite differences, and the mapping's error against the plain one.

#include "frontends/crossbar/mapping.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace xb::crossbar;

TEST(Mapping, GradientEqualsFiniteDifferences) {
  MappingSetup s;
  s.wire_r = 3, s.r_in = 40, s.r_out = 25;
  Eigen::MatrixXd g(3, 2);
  g << 1e-3, 2e-4, 5e-4, 8e-4, 3e-4, 1e-4;
  Eigen::MatrixXd w;
  std::vector<Eigen::MatrixXd> d;
  ASSERT_EQ(effective_with_gradient(g, s, w, &d), "");
  ASSERT_EQ(d.size(), 6u);
  for (Eigen::Index c = 0; c < 6; ++c) {
    const double h = 1e-7 * g(c / 2, c % 2);
    Eigen::MatrixXd up = g, down = g, w_up, w_down;
    up(c / 2, c % 2) += h, down(c / 2, c % 2) -= h;
    ASSERT_EQ(effective_with_gradient(up, s, w_up, nullptr), "");
    ASSERT_EQ(effective_with_gradient(down, s, w_down, nullptr), "");
    const Eigen::MatrixXd fd = (w_up - w_down) / (2 * h);
    EXPECT_LT((d[c] - fd).cwiseAbs().maxCoeff(), 1e-6 * fd.cwiseAbs().maxCoeff()) << "cell " << c;
  }
}

TEST(Mapping, MappedConductancesCorrectTheWires) {
  // A random 16×16 target in the paper's setup (1 Ω wires, 100 Ω ports, 2 kΩ–3 MΩ cells).
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0, 1);
  Eigen::MatrixXd target(16, 16);
  for (Eigen::Index k = 0; k < target.size(); ++k) target.data()[k] = u(rng);
  MappingSetup s;
  MappingResult r;
  ASSERT_EQ(map_matrix(target, s, r), "");
  EXPECT_GT(r.plain_error, 0.1);                  // the wires and ports distort the plain mapping
  EXPECT_LT(r.mapped_error, r.plain_error / 10);  // the gradient mapping takes most of it back
  EXPECT_GE(r.g.minCoeff(), s.g_min);
  EXPECT_LE(r.g.maxCoeff(), s.g_max);
}
