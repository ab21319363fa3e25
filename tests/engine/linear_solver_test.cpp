// The linear solvers: CHOLMOD on the reduced nodal matrix against a dense solve of the full MNA
// system, the choice between CHOLMOD and KLU, and the fallbacks.

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <random>

#include "engine/cholmod_solver.hpp"
#include "engine/complex_klu_solver.hpp"
#include "engine/klu_solver.hpp"
#include "frontends/session/simulation.hpp"
#include "netlist/parser.hpp"

using namespace xb;

namespace {

struct Prepared {
  netlist::ParseResult parsed;
  std::unique_ptr<engine::Prepared> p;
};

Prepared prepare(const std::string& text) {
  Prepared r{netlist::parse_deck_text(text, "t.sp"), nullptr};
  EXPECT_TRUE(r.parsed.ok()) << r.parsed.diagnostics.format(*r.parsed.deck.sources);
  r.p = session::prepare_circuit(r.parsed.deck, {});
  EXPECT_TRUE(r.p->status.ok) << r.p->status.message;
  return r;
}

// The full MNA Jacobian at x = 0 as a dense matrix, and −f(0): the linear system J·x = −f(0).
void dense_system(engine::DcSolver& s, Eigen::MatrixXd& J, Eigen::VectorXd& rhs) {
  const int n = s.system().size();
  std::vector<double> f, jac;
  s.evaluate_at(std::vector<double>(n + 1, 0.0), f, jac);
  J = Eigen::MatrixXd::Zero(n, n);
  const auto& Ap = s.system().Ap();
  const auto& Ai = s.system().Ai();
  for (int c = 0; c < n; ++c)
    for (int e = Ap[c]; e < Ap[c + 1]; ++e) J(Ai[e], c) += jac[e];
  rhs = -Eigen::Map<Eigen::VectorXd>(f.data(), n);
}

// A random resistive network: grounded sources (some through resistors, some straight onto a
// node), a mesh of resistors, loads to ground.
std::string random_network(unsigned seed, const std::string& extra = "") {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> r(10, 1e5), v(-1, 1);
  std::string deck = "network\n";
  const int nodes = 30;
  for (int k = 0; k < 4; ++k)
    deck +=
        "vs" + std::to_string(k) + " n" + std::to_string(k) + " 0 " + std::to_string(v(rng)) + "\n";
  deck += "vneg 0 n4 0.3\n";  // a source with its + terminal grounded
  for (int a = 0; a < nodes; ++a)
    for (int b = a + 1; b < nodes; ++b)
      if ((a * 7 + b * 3) % 5 == 0)
        deck += "r" + std::to_string(a) + "_" + std::to_string(b) + " n" + std::to_string(a) +
                " n" + std::to_string(b) + " " + std::to_string(r(rng)) + "\n";
  for (int a = 5; a < nodes; a += 3)
    deck +=
        "rl" + std::to_string(a) + " n" + std::to_string(a) + " 0 " + std::to_string(r(rng)) + "\n";
  return deck + extra + ".op\n";
}

}  // namespace

TEST(LinearSolver, GroundedSourcesEliminatedForCholesky) {
  Prepared r = prepare(random_network(1));
  engine::DcSolver& s = *r.p->solver;
  Eigen::MatrixXd J;
  Eigen::VectorXd rhs;
  dense_system(s, J, rhs);
  const Eigen::VectorXd x = J.fullPivLu().solve(rhs);
  ASSERT_TRUE(s.solve().ok);
  EXPECT_EQ(s.linear_solver(), "CHOLMOD");
  // Every unknown, source currents included, as the dense LU of the full system has it.
  for (int i = 0; i < s.system().size(); ++i)
    EXPECT_NEAR(s.solution()[i], x(i), 1e-12 * std::fabs(x(i)) + 1e-15) << s.system().name(i);
  // Many right-hand sides at once.
  std::vector<double> block;
  for (int k = 0; k < 3; ++k) {
    s.set_source_value("vs1", 0.1 * k);
    std::vector<double> b = s.rhs_at_zero();
    block.insert(block.end(), b.begin(), b.end());
  }
  ASSERT_TRUE(s.solve_many(block, 3).ok);
  for (int k = 0; k < 3; ++k) {
    s.set_source_value("vs1", 0.1 * k);
    dense_system(s, J, rhs);
    const Eigen::VectorXd xk = J.fullPivLu().solve(rhs);
    for (int i = 0; i < s.system().size(); ++i)
      EXPECT_NEAR(block[k * s.system().size() + i], xk(i), 1e-12 * std::fabs(xk(i)) + 1e-15);
  }
}

// What Cholesky cannot take goes to KLU, with the same answers as the dense solve.
TEST(LinearSolver, FallsBackToLuWhereCholeskyDoesNotApply) {
  const struct {
    const char* name;
    const char* extra;
  } cases[] = {
      {"floating source", "vf n6 n7 0.2\n"},         // a branch unknown between two nodes
      {"controlled source", "g1 n8 0 n9 0 1m\n"},    // unsymmetric
      {"negative resistor", "rneg n10 0 -50\n"},     // not positive definite
      {"current-controlled", "f1 n11 0 vs2 0.5\n"},  // reads a source's branch current
  };
  for (const auto& c : cases) {
    Prepared r = prepare(random_network(2, c.extra));
    engine::DcSolver& s = *r.p->solver;
    Eigen::MatrixXd J;
    Eigen::VectorXd rhs;
    dense_system(s, J, rhs);
    const Eigen::VectorXd x = J.fullPivLu().solve(rhs);
    ASSERT_TRUE(s.solve().ok) << c.name;
    EXPECT_EQ(s.linear_solver(), "KLU") << c.name;
    for (int i = 0; i < s.system().size(); ++i)
      EXPECT_NEAR(s.solution()[i], x(i), 1e-10 * std::fabs(x(i)) + 1e-14) << c.name;
  }
}

// A nonlinear circuit never takes the Cholesky path, whatever its structure.
TEST(LinearSolver, NonlinearCircuitsUseLu) {
  Prepared r = prepare("d\n.model dd d\nv1 a 0 1\nr1 a b 1k\nd1 b 0 dd\n.op\n");
  ASSERT_TRUE(r.p->solver->solve().ok);
  EXPECT_EQ(r.p->solver->linear_solver(), "KLU");
}

TEST(LinearSolver, CholmodReportsNotPositiveDefinite) {
  // [[1, 2], [2, 1]] is symmetric and indefinite.
  const std::vector<int> ap{0, 2, 4}, ai{0, 1, 0, 1};
  const double indefinite[] = {1, 2, 2, 1}, spd[] = {4, 1, 1, 3};
  engine::CholmodSolver chol;
  ASSERT_TRUE(chol.analyze(2, ap, ai));
  EXPECT_EQ(chol.factor(indefinite), engine::FactorStatus::not_positive_definite);
  ASSERT_EQ(chol.factor(spd), engine::FactorStatus::ok);
  double b[] = {1, 2, 3, 4};  // two right-hand sides
  ASSERT_TRUE(chol.solve(b, 2));
  EXPECT_NEAR(b[0], 1.0 / 11, 1e-15);  // [4 1; 1 3]⁻¹ [1 2]ᵀ = [1 7]/11
  EXPECT_NEAR(b[1], 7.0 / 11, 1e-15);
  EXPECT_NEAR(b[2], 5.0 / 11, 1e-15);  // [3 4] → [5 13]/11
  EXPECT_NEAR(b[3], 13.0 / 11, 1e-15);
  EXPECT_EQ(chol.counters().factor + chol.counters().refactor, 2u);
}

// G + jωC of a random RC network (symmetric pattern, unsymmetric values from a VCCS stamp):
// the complex LU against Eigen's dense complex LU, two right-hand sides, then a refactor at
// another frequency.
TEST(LinearSolver, ComplexKluSolvesGPlusJOmegaC) {
  using Z = std::complex<double>;
  const int n = 40;
  std::mt19937 rng(4);
  std::uniform_real_distribution<double> g(1e-4, 1e-2), c(1e-12, 1e-9);
  Eigen::MatrixXd G = Eigen::MatrixXd::Zero(n, n), C = Eigen::MatrixXd::Zero(n, n);
  for (int a = 0; a < n; ++a) {
    G(a, a) += g(rng);  // to ground
    C(a, a) += c(rng);
    const int b = (a * 13 + 7) % n;
    if (b == a) continue;
    const double gab = g(rng), cab = c(rng);
    G(a, a) += gab, G(b, b) += gab, G(a, b) -= gab, G(b, a) -= gab;
    C(a, a) += cab, C(b, b) += cab, C(a, b) -= cab, C(b, a) -= cab;
  }
  G(3, 17) += 5e-3;  // a transconductance: unsymmetric values
  std::vector<int> ap{0}, ai;
  for (int col = 0; col < n; ++col) {
    for (int row = 0; row < n; ++row)
      if (G(row, col) != 0 || C(row, col) != 0 || row == col) ai.push_back(row);
    ap.push_back(static_cast<int>(ai.size()));
  }
  engine::ComplexKluSolver lu;
  ASSERT_TRUE(lu.analyze(n, ap, ai));
  for (double omega : {2 * M_PI * 1e3, 2 * M_PI * 1e8}) {
    Eigen::MatrixXcd A = G.cast<Z>() + Z(0, omega) * C.cast<Z>();
    std::vector<Z> values;
    for (int col = 0; col < n; ++col)
      for (int e = ap[col]; e < ap[col + 1]; ++e) values.push_back(A(ai[e], col));
    ASSERT_EQ(lu.factor(values.data()), engine::FactorStatus::ok);
    Eigen::MatrixXcd B = Eigen::MatrixXcd::Random(n, 2);
    Eigen::MatrixXcd X = A.partialPivLu().solve(B);
    std::vector<Z> b(B.data(), B.data() + B.size());
    ASSERT_TRUE(lu.solve(b.data(), 2));
    for (int k = 0; k < 2 * n; ++k)
      EXPECT_LT(std::abs(b[k] - X.data()[k]), 1e-10 * std::abs(X.data()[k]) + 1e-12);
  }
  EXPECT_EQ(lu.counters().factor + lu.counters().refactor, 2u);
}
