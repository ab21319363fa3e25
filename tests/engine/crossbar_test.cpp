// The crossbar builder's decks against independent answers: the ideal dot product, a dense nodal
// solve of the wired array, the TaOx read conductance g0, and the written deck read back.

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <random>
#include <sstream>

#include "frontends/session/simulation.hpp"
#include "netlist/crossbar_builder.hpp"
#include "netlist/deck_writer.hpp"
#include "netlist/parser.hpp"

using namespace xb;
using netlist::CrossbarSpec;

namespace {

// Every analysis of `deck` (one here); fails the test on a simulation error.
engine::Results simulate(const netlist::Deck& deck) {
  auto prepare = [&](const std::unordered_map<std::string, double>& o) {
    return session::prepare_circuit(deck, o);
  };
  engine::AnalysisOutcome out = engine::run_dc_analysis(0, prepare);
  EXPECT_TRUE(out.status.ok) << out.status.message;
  return out.results;
}

double value(const engine::Results& r, const std::string& name, size_t row = 0) {
  auto it = std::find(r.signals.begin(), r.signals.end(), name);
  EXPECT_NE(it, r.signals.end()) << name;
  return it == r.signals.end() ? NAN : r.rows.at(row)[it - r.signals.begin()];
}

CrossbarSpec random_spec(size_t rows, size_t cols, size_t vectors, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> g(1e-5, 1e-3), u(-0.3, 0.3);
  CrossbarSpec s;
  s.conductance.assign(rows, std::vector<double>(cols));
  for (auto& row : s.conductance)
    for (double& x : row) x = g(rng);
  s.inputs.assign(vectors, std::vector<double>(rows));
  for (auto& v : s.inputs)
    for (double& x : v) x = u(rng);
  return s;
}

}  // namespace

TEST(CrossbarBuilder, IdealWiresGiveTheDotProduct) {
  const CrossbarSpec s = random_spec(5, 4, 3, 7);
  ASSERT_EQ(netlist::check_crossbar(s), "");
  const engine::Results r = simulate(netlist::build_crossbar(s));
  ASSERT_EQ(r.rows.size(), 3u);
  for (size_t k = 0; k < 3; ++k)
    for (size_t j = 0; j < 4; ++j) {
      double expected = 0;
      for (size_t i = 0; i < 5; ++i) expected += s.conductance[i][j] * s.inputs[k][i];
      EXPECT_NEAR(value(r, "i(vs" + std::to_string(j) + ")", k), expected,
                  1e-12 * std::fabs(expected) + 1e-18);
    }
}

// Wire resistance: the array's nodal equations solved densely, independently of the engine.
TEST(CrossbarBuilder, WiredArrayMatchesADenseNodalSolve) {
  const size_t R = 4, C = 3;
  CrossbarSpec s = random_spec(R, C, 1, 11);
  s.wire_r = 5;
  const engine::Results r = simulate(netlist::build_crossbar(s));
  // Unknowns: row nodes (i, j) for j >= 1 (j = 0 is the driven end) and column nodes (i, j) for
  // i < R-1 (the bottom is the 0 V sense source).
  auto rn = [&](size_t i, size_t j) { return static_cast<int>(i * (C - 1) + (j - 1)); };
  auto cn = [&](size_t i, size_t j) { return static_cast<int>(R * (C - 1) + i * C + j); };
  const int n = static_cast<int>(R * (C - 1) + (R - 1) * C);
  Eigen::MatrixXd G = Eigen::MatrixXd::Zero(n, n);
  Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n);
  // Stamp a conductance g between node a and node b (-1: ground, -2 - i: driven row i).
  auto stamp = [&](int a, int b, double g) {
    auto known = [&](int node) { return node == -1 ? 0.0 : s.inputs[0][-2 - node]; };
    if (a >= 0) G(a, a) += g;
    if (b >= 0) G(b, b) += g;
    if (a >= 0 && b >= 0) G(a, b) -= g, G(b, a) -= g;
    if (a >= 0 && b < 0) rhs(a) += g * known(b);
    if (b >= 0 && a < 0) rhs(b) += g * known(a);
  };
  auto row_node = [&](size_t i, size_t j) { return j == 0 ? -2 - static_cast<int>(i) : rn(i, j); };
  auto col_node = [&](size_t i, size_t j) { return i == R - 1 ? -1 : cn(i, j); };
  const double gw = 1 / s.wire_r;
  for (size_t i = 0; i < R; ++i)
    for (size_t j = 0; j < C; ++j) {
      stamp(row_node(i, j), col_node(i, j), s.conductance[i][j]);
      if (j + 1 < C) stamp(row_node(i, j), row_node(i, j + 1), gw);
      if (i + 1 < R) stamp(col_node(i, j), col_node(i + 1, j), gw);
    }
  const Eigen::VectorXd v = G.partialPivLu().solve(rhs);
  auto voltage = [&](int node) {
    return node == -1 ? 0.0 : node < -1 ? s.inputs[0][-2 - node] : v(node);
  };
  for (size_t i = 0; i < R; ++i)
    for (size_t j = 1; j < C; ++j) {
      const std::string name = "v(r" + std::to_string(i) + "_" + std::to_string(j) + ")";
      EXPECT_NEAR(value(r, name), voltage(rn(i, j)), 1e-12) << name;
    }
  for (size_t j = 0; j < C; ++j) {
    // Current into the sense source: from the last cell above it and the wire segment.
    const double above = R > 1 ? (voltage(col_node(R - 2, j)) - 0) * gw : 0;
    const double cell = (voltage(row_node(R - 1, j)) - 0) * s.conductance[R - 1][j];
    const double expected = above + cell;
    EXPECT_NEAR(value(r, "i(vs" + std::to_string(j) + ")"), expected, 1e-9 * std::fabs(expected));
  }
}

// A TaOx cell given g0 conducts exactly g0 at its read voltage (0.1 V by default).
TEST(CrossbarBuilder, TaoxCellsReadTheirConductance) {
  CrossbarSpec s = random_spec(3, 2, 1, 3);
  s.cell = CrossbarSpec::Cell::taox;
  s.inputs = {{0.1, 0.1, 0.1}};
  for (auto& row : s.conductance)
    for (double& g : row) g = 1e-4 + g;  // inside TaOx's reachable range at 0.1 V
  const engine::Results r = simulate(netlist::build_crossbar(s));
  for (size_t j = 0; j < 2; ++j) {
    double expected = 0;
    for (size_t i = 0; i < 3; ++i) expected += 0.1 * s.conductance[i][j];
    EXPECT_NEAR(value(r, "i(vs" + std::to_string(j) + ")"), expected, 1e-9 * expected);
  }
}

// Transimpedance sensing: v(out) = -rf * I through an opamp of gain 1e5.
TEST(CrossbarBuilder, TransimpedanceOutputs) {
  CrossbarSpec s = random_spec(3, 2, 1, 5);
  s.sense = CrossbarSpec::Sense::transimpedance;
  s.rf = 2e3;
  const engine::Results r = simulate(netlist::build_crossbar(s));
  for (size_t j = 0; j < 2; ++j) {
    double current = 0;
    for (size_t i = 0; i < 3; ++i) current += s.conductance[i][j] * s.inputs[0][i];
    const double expected = -s.rf * current;
    EXPECT_NEAR(value(r, "v(out" + std::to_string(j) + ")"), expected, 1e-4 * std::fabs(expected));
  }
}

// What is written is what was simulated: the printed deck parses back to the same results.
TEST(CrossbarBuilder, WrittenDeckSimulatesIdentically) {
  for (auto cell : {CrossbarSpec::Cell::conductor, CrossbarSpec::Cell::one_t_one_m}) {
    CrossbarSpec s = random_spec(3, 3, 2, 9);
    s.cell = cell;
    s.wire_r = 1;
    for (auto& row : s.conductance)
      for (double& g : row) g = 1e-4 + g;
    const netlist::Deck built = netlist::build_crossbar(s);
    std::ostringstream text;
    netlist::write_deck(built, netlist::DeckDialect::hspice, text);
    netlist::ParseResult parsed = netlist::parse_deck_text(text.str(), "built.sp");
    ASSERT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
    const engine::Results a = simulate(built), b = simulate(parsed.deck);
    EXPECT_EQ(a.signals, b.signals);
    EXPECT_EQ(a.rows, b.rows);  // bit for bit
  }
}

TEST(CrossbarBuilder, BadShapesAreNamed) {
  CrossbarSpec s = random_spec(2, 2, 1, 1);
  s.conductance[1].pop_back();
  EXPECT_EQ(netlist::check_crossbar(s), "conductance row 2 has 1 values, row 1 has 2");
  s = random_spec(2, 2, 2, 1);
  s.inputs[1].push_back(0);
  EXPECT_EQ(netlist::check_crossbar(s), "input vector 2 has 3 values for 2 rows");
  s = random_spec(2, 2, 1, 1);
  s.conductance[0][1] = -1;
  EXPECT_EQ(netlist::check_crossbar(s),
            "conductance at row 1, column 2 is not a finite value >= 0");
}
