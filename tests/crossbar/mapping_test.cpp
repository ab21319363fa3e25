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

Eigen::MatrixXd random_target(Eigen::Index n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  Eigen::MatrixXd target(n, n);
  for (Eigen::Index k = 0; k < target.size(); ++k) target.data()[k] = u(rng);
  return target;
}

TEST(Mapping, QuantizeToTheNearestLevel) {
  MappingSetup s;
  s.g_min = 1e-6, s.g_max = 1e-4, s.levels = 100;  // levels 1e-6 apart
  Eigen::MatrixXd g(1, 5);
  g << 0, 1.4e-6, 1.6e-6, 5.05e-5 + 1e-9, 2e-4;
  const Eigen::MatrixXd q = quantize(g, s);
  EXPECT_DOUBLE_EQ(q(0, 0), 1e-6);  // below the range: its bottom
  EXPECT_DOUBLE_EQ(q(0, 1), 1e-6);
  EXPECT_DOUBLE_EQ(q(0, 2), 2e-6);
  EXPECT_NEAR(q(0, 3), 5.1e-5, 1e-18);
  EXPECT_DOUBLE_EQ(q(0, 4), 1e-4);  // above: its top
  s.levels = 0;
  EXPECT_DOUBLE_EQ(quantize(g, s)(0, 2), 1.6e-6);  // continuous: only the range
}

TEST(Mapping, BaselineForcesTheOutputsAtTheCalibrationInput) {
  // With continuous cells, Hu et al.'s forced cell currents make every output exact at v_cal
  // (each column's current is the sum of its cells'), and only there. The cells' zero g_min
  // is read off: y/α − (g_min/α)·Σv.
  MappingSetup s;
  s.levels = 0, s.verify_inputs = 200;
  const Eigen::MatrixXd target = random_target(8, 3);
  MappingResult r;
  ASSERT_EQ(map_matrix(target, s, r), "");
  Eigen::MatrixXd w;
  ASSERT_EQ(effective_with_gradient(r.g_baseline, s, w, nullptr), "");
  const Eigen::VectorXd v_cal = Eigen::VectorXd::Constant(8, s.v_max / 2);
  const Eigen::VectorXd at_cal =
      (w * v_cal / r.alpha_baseline).array() - s.g_min / r.alpha_baseline * v_cal.sum();
  const Eigen::VectorXd expected = target * v_cal;
  EXPECT_LT((at_cal - expected).cwiseAbs().maxCoeff(), 1e-8 * expected.maxCoeff());  // 1e-8 rel
  EXPECT_GT(r.baseline_output_error, 1e-4);  // elsewhere the wires still show
}

TEST(Mapping, MappedConductancesCorrectTheWires) {
  // A random 16×16 target in the paper's setup (1 Ω wires, 100 Ω ports, 2 kΩ–3 MΩ cells, 8-bit
  // levels), checked on 1,000 random inputs solved as the circuit they are.
  const Eigen::MatrixXd target = random_target(16, 5);
  MappingSetup s;
  MappingResult r;
  ASSERT_EQ(map_matrix(target, s, r), "");
  EXPECT_GT(r.plain_error, 0.1);                  // the wires and ports distort the plain mapping
  EXPECT_LT(r.mapped_error, r.plain_error / 20);  // the mapping takes most of it back
  EXPECT_LT(r.mapped_error, r.baseline_error / 3);
  EXPECT_LT(r.mapped_output_error, r.baseline_output_error / 4);  // the 4x
  EXPECT_LT(r.mapped_output_error, 0.005);
  EXPECT_GE(r.g.minCoeff(), s.g_min * (1 - 1e-12));
  EXPECT_LE(r.g.maxCoeff(), s.g_max * (1 + 1e-12));
  EXPECT_LT((r.g - quantize(r.g, s)).cwiseAbs().maxCoeff(), 1e-15);  // on the levels
  EXPECT_GT(r.alpha_trials, 2);
}

TEST(Mapping, ContinuousCellsReachTheTargetClosely) {
  const Eigen::MatrixXd target = random_target(16, 9);
  MappingSetup s;
  s.levels = 0, s.verify_inputs = 100, s.iterations = 10;
  MappingResult r;
  ASSERT_EQ(map_matrix(target, s, r), "");
  EXPECT_LT(r.mapped_error, 2e-3);
  EXPECT_LT(r.mapped_output_error, 2e-3);
}

TEST(Mapping, RefusesWhatItCannotMap) {
  MappingSetup s;
  MappingResult r;
  EXPECT_NE(map_matrix(-Eigen::MatrixXd::Ones(2, 2), s, r), "");
  EXPECT_NE(map_matrix(Eigen::MatrixXd::Zero(2, 2), s, r), "");
  s.levels = 1;
  EXPECT_NE(map_matrix(Eigen::MatrixXd::Ones(2, 2), s, r), "");
}

TEST(Mapping, OneTOneMStatesReproduceTheConductorsAtTheCalibrationInput) {
  MappingSetup s;
  s.cell = MappingSetup::Cell::one_t_one_m;
  s.verify_inputs = 100;
  MappingResult r;
  ASSERT_EQ(map_matrix(random_target(12, 5), s, r), "");
  // Step 1: the pair's range, within the setup's.
  EXPECT_GT(r.g_min, s.g_min);
  EXPECT_LE(r.g_max, s.g_max);
  // Step 4: every state reached, in [0, 1], and the 1T1M crossbar solved as a circuit gives the
  // conductor crossbar's outputs at v_cal to Newton's tolerance.
  EXPECT_EQ(r.unreachable, 0);
  EXPECT_EQ(r.unreachable_baseline, 0);
  ASSERT_EQ(r.state.rows(), 12);
  EXPECT_GE(r.state.minCoeff(), 0);
  EXPECT_LE(r.state.maxCoeff(), 1);
  EXPECT_LT(r.calibration_mismatch, 1e-7);
  // Step 5: the mapped conductors beat the baseline's; the 1T1M crossbar adds the TaOx read
  // nonlinearity to both, and the mapped one stays ahead.
  EXPECT_LT(3 * r.mapped_conductor_output_error, r.baseline_conductor_output_error);
  EXPECT_LT(2 * r.mapped_output_error, r.baseline_output_error);
  EXPECT_GT(r.mapped_output_error, r.mapped_conductor_output_error);
}

TEST(Mapping, RefusesARangeTheCellCannotReach) {
  MappingSetup s;
  s.cell = MappingSetup::Cell::one_t_one_m;
  s.g_min = 1e-2, s.g_max = 2e-2;  // 50..100 ohm: beyond what the access transistor passes
  MappingResult r;
  const std::string e = map_matrix(Eigen::MatrixXd::Ones(2, 2), s, r);
  EXPECT_NE(e.find("1T1M cell spans"), std::string::npos) << e;
}

TEST(Mapping, RepresentableRangeIsEachCellAtItsBounds) {
  MappingSetup s;
  s.wire_r = 3, s.r_in = 40, s.r_out = 25;
  Eigen::MatrixXd g(3, 2);
  g << 1e-3, 2e-4, 5e-4, 8e-4, 3e-4, 1e-4;
  s.g_min = 1e-5, s.g_max = 2e-3;
  ValueRange range;
  ASSERT_EQ(representable_range(g, s, range), "");
  for (Eigen::Index i = 0; i < 3; ++i)
    for (Eigen::Index j = 0; j < 2; ++j)
      for (const double bound : {s.g_min, s.g_max}) {
        Eigen::MatrixXd moved = g, w;
        moved(i, j) = bound;  // solved as the circuit it is
        ASSERT_EQ(effective_with_gradient(moved, s, w, nullptr), "");
        const double expected = w(j, i),
                     got = bound == s.g_min ? range.low(j, i) : range.high(j, i);
        EXPECT_NEAR(got, expected, 1e-10 * std::abs(expected)) << i << "," << j << " " << bound;
      }
  // The far cells see less of their range than the one beside the driver and the sense.
  EXPECT_GT(range.high(0, 2) - range.low(0, 2), 0);
  EXPECT_LT(range.high(0, 2) - range.low(0, 2), s.g_max - s.g_min);
}
