// The effective matrix of a crossbar (frontends/crossbar/effective_matrix) against the
// conductances (ideal wires) and against a dense nodal solve written here (wires, input and
// output resistances).

#include "frontends/crossbar/effective_matrix.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "devices/taox.hpp"
#include "frontends/session/session.hpp"

using namespace xb;

TEST(EffectiveMatrix, IdealArrayComputesItsConductances) {
  netlist::CrossbarSpec spec;
  spec.conductance = crossbar::random_conductances(6, 1e-6, 1e-3, 3);
  crossbar::EffectiveMatrix m;
  ASSERT_EQ(crossbar::effective_matrix(spec, m), "");
  ASSERT_EQ(m.w.rows(), 6);
  EXPECT_LT((m.w - m.ideal).cwiseAbs().maxCoeff(), 1e-15 * m.ideal.cwiseAbs().maxCoeff());
  EXPECT_LT(m.relative_frobenius, 1e-13);
}

TEST(EffectiveMatrix, WiresAndPortResistancesMatchADenseNodalSolve) {
  const size_t R = 3, C = 2;
  netlist::CrossbarSpec spec;
  spec.conductance = {{1e-3, 2e-4}, {5e-4, 8e-4}, {3e-4, 1e-4}};
  spec.wire_r = 7, spec.r_in = 50, spec.r_out = 20;
  crossbar::EffectiveMatrix m;
  ASSERT_EQ(crossbar::effective_matrix(spec, m), "");
  // Free nodes: row (i, j) and column (i, j) of every cell; inputs fixed behind r_in, each
  // column's bottom reaching the 0 V sense through r_out.
  auto row = [&](size_t i, size_t j) { return static_cast<int>(i * C + j); };
  auto col = [&](size_t i, size_t j) { return static_cast<int>(R * C + i * C + j); };
  const int n = static_cast<int>(2 * R * C);
  Eigen::MatrixXd y = Eigen::MatrixXd::Zero(n, n);
  auto stamp = [&](int a, int b, double g) {  // b = -1: ground
    y(a, a) += g;
    if (b >= 0) y(b, b) += g, y(a, b) -= g, y(b, a) -= g;
  };
  const double gw = 1 / spec.wire_r;
  for (size_t i = 0; i < R; ++i)
    for (size_t j = 0; j < C; ++j) {
      stamp(row(i, j), col(i, j), spec.conductance[i][j]);
      if (j + 1 < C) stamp(row(i, j), row(i, j + 1), gw);
      if (i + 1 < R) stamp(col(i, j), col(i + 1, j), gw);
    }
  for (size_t i = 0; i < R; ++i) stamp(row(i, 0), -1, 1 / spec.r_in);  // input side, see rhs
  for (size_t j = 0; j < C; ++j) stamp(col(R - 1, j), -1, 1 / spec.r_out);
  const Eigen::PartialPivLU<Eigen::MatrixXd> lu(y);
  for (size_t i = 0; i < R; ++i) {
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n);
    rhs(row(i, 0)) = 1 / spec.r_in;  // 1 V behind r_in
    const Eigen::VectorXd v = lu.solve(rhs);
    for (size_t j = 0; j < C; ++j) {
      const double current = v(col(R - 1, j)) / spec.r_out;
      EXPECT_NEAR(m.w(j, i), current, 1e-12 * std::fabs(current)) << i << "," << j;
    }
  }
  EXPECT_GT(m.relative_frobenius, 0.01);  // the wires and ports cost that much
}

TEST(EffectiveMatrix, TaoxCellsGiveTheirDifferentialConductanceAtTheCalibrationInput) {
  // Ideal wires: every cell sees v_cal, and the linearised matrix is dI/dV of its TaOx at
  // the state whose read conductance (at vread = 0.1 V) is G: Strachan et al.'s equation.
  netlist::CrossbarSpec spec;
  spec.conductance = {{1e-4, 2e-3}, {5e-4, 4e-5}};
  spec.cell = netlist::CrossbarSpec::Cell::taox;
  const double v_cal = 0.15;
  spec.inputs = {{v_cal, v_cal}};
  crossbar::EffectiveMatrix m;
  ASSERT_EQ(crossbar::effective_matrix(spec, m), "");
  const devices::TaoxParams p;
  const double semi = p.a * std::exp(p.b * std::sqrt(0.1));
  for (size_t i = 0; i < 2; ++i)
    for (size_t j = 0; j < 2; ++j) {
      const double x = (spec.conductance[i][j] - semi) / (p.gm - semi);
      const double slope = devices::TaoxGroup::current_at(p, v_cal, x).di_dv;
      EXPECT_NEAR(m.w(j, i), slope, 1e-9 * slope) << i << "," << j;
    }
}

TEST(EffectiveMatrix, LinearisedOneTOneMArrayMatchesFiniteDifferencesOfItsSolves) {
  netlist::CrossbarSpec spec;
  spec.conductance = {{1e-4, 2e-4, 5e-5}, {3e-4, 8e-5, 1.5e-4}};
  spec.cell = netlist::CrossbarSpec::Cell::one_t_one_m;
  spec.wire_r = 2, spec.r_in = 30, spec.r_out = 40;
  const std::vector<double> v_cal = {0.08, 0.12};
  spec.inputs = {v_cal};
  crossbar::EffectiveMatrix m;
  ASSERT_EQ(crossbar::effective_matrix(spec, m), "");
  // Central differences of the sense currents, each side a Newton solve of the circuit.
  session::Session s = session::Session::from_deck(netlist::build_crossbar(spec));
  ASSERT_TRUE(s.ok());
  std::vector<session::SourceHandle> in = {s.source("vin0"), s.source("vin1")};
  std::vector<session::ProbeHandle> out;
  for (int j = 0; j < 3; ++j) out.push_back(s.probe("i(vs" + std::to_string(j) + ")"));
  const double h = 1e-5;
  Eigen::MatrixXd v(4, 2);
  v << v_cal[0] + h, v_cal[1], v_cal[0] - h, v_cal[1], v_cal[0], v_cal[1] + h, v_cal[0],
      v_cal[1] - h;
  const Eigen::MatrixXd y = s.solve_batch(in, v, out);
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j) {
      const double fd = (y(2 * i, j) - y(2 * i + 1, j)) / (2 * h);
      EXPECT_NEAR(m.w(j, i), fd, 1e-6 * std::abs(fd)) << i << "," << j;
    }
}

TEST(EffectiveMatrix, NonlinearCellsOutOfReachAreNamed) {
  netlist::CrossbarSpec spec;
  spec.conductance = {{1e-6}};  // below the TaOx off state at vread
  spec.cell = netlist::CrossbarSpec::Cell::taox;
  crossbar::EffectiveMatrix m;
  EXPECT_NE(crossbar::effective_matrix(spec, m).find("xm0_0"), std::string::npos);
}
