#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <random>
#include <sstream>

#include "engine/dc_solver.hpp"
#include "frontends/session/simulation.hpp"
#include "netlist/parser.hpp"
#include "support/jacobian_check.hpp"

using namespace xb;

namespace {

struct SimRun {
  netlist::ParseResult parsed;
  std::vector<engine::AnalysisOutcome> outcomes;
};

SimRun simulate(const std::string& text) {
  SimRun r{netlist::parse_deck_text(text, "t.sp"), {}};
  EXPECT_TRUE(r.parsed.ok()) << r.parsed.diagnostics.format(*r.parsed.deck.sources);
  auto prepare = [&](const std::unordered_map<std::string, double>& o) {
    return session::prepare_circuit(r.parsed.deck, o);
  };
  auto base = prepare({});
  if (!base->status.ok) {
    engine::AnalysisOutcome failed;
    failed.status = base->status;
    failed.diagnostics = base->diagnostics;
    r.outcomes.push_back(failed);
    return r;
  }
  for (size_t a = 0; a < base->circuit.analyses.size(); ++a)
    r.outcomes.push_back(engine::run_dc_analysis(a, prepare));
  return r;
}

double column(const engine::Results& res, const std::string& name, size_t row) {
  auto it = std::find(res.signals.begin(), res.signals.end(), name);
  EXPECT_NE(it, res.signals.end()) << name;
  return it == res.signals.end() ? NAN : res.rows.at(row)[it - res.signals.begin()];
}

}  // namespace

TEST(Dc, DividerMatchesClosedForm) {
  SimRun r = simulate("div\nv1 in 0 5\nr1 in out 10k\nr2 out 0 3.3k\n.op\n");
  ASSERT_TRUE(r.outcomes[0].status.ok);
  const auto& res = r.outcomes[0].results;
  EXPECT_NEAR(column(res, "v(out)", 0), 5 * 3.3e3 / 13.3e3, 1e-12);
  EXPECT_NEAR(column(res, "i(v1)", 0), -5 / 13.3e3, 1e-15);  // into the + terminal
}

TEST(Dc, LinearSweepFactorsOnceAndSolvesEveryPoint) {
  SimRun r = simulate("sweep\nv1 in 0 0\nr1 in out 1k\nr2 out 0 1k\n.dc v1 0 1 0.01\n");
  const engine::AnalysisOutcome& o = r.outcomes[0];
  ASSERT_TRUE(o.status.ok);
  EXPECT_EQ(o.results.rows.size(), 101u);
  EXPECT_EQ(o.counters.factor, 1u);
  EXPECT_EQ(o.counters.refactor, 0u);
  EXPECT_EQ(o.counters.solve, 2u);  // 101 right-hand sides in blocks of 64
  EXPECT_NEAR(column(o.results, "v(out)", 100), 0.5, 1e-12);
}

TEST(Dc, ParameterAndDataSweeps) {
  SimRun r = simulate(
      "p\n.param rl=1k\nv1 in 0 1\nr1 in out 1k\nr2 out 0 'rl'\n.dc rl 1k 3k 1k\n"
      ".data t v1 rl\n+ 2 1k\n+ 4 3k\n.enddata\n.dc data=t\n");
  ASSERT_TRUE(r.outcomes[0].status.ok) << r.outcomes[0].status.message;
  for (size_t k = 0; k < 3; ++k) {
    double rl = 1e3 * (k + 1);
    EXPECT_NEAR(column(r.outcomes[0].results, "v(out)", k), rl / (1e3 + rl), 1e-12);
  }
  ASSERT_TRUE(r.outcomes[1].status.ok) << r.outcomes[1].status.message;
  EXPECT_NEAR(column(r.outcomes[1].results, "v(out)", 0), 2 * 0.5, 1e-12);
  EXPECT_NEAR(column(r.outcomes[1].results, "v(out)", 1), 4 * 0.75, 1e-12);
}

TEST(Dc, FloatingNodeNamed) {
  SimRun r = simulate("f\nv1 a 0 1\nr1 a 0 1k\nr2 b c 1k\ni1 0 b 1m\n.op\n");
  ASSERT_FALSE(r.outcomes[0].status.ok);
  EXPECT_NE(r.outcomes[0].status.message.find("no DC path to ground from node(s) b, c"),
            std::string::npos)
      << r.outcomes[0].status.message;
  EXPECT_EQ(r.outcomes[0].status.loc.line, 4u);  // r2, the first element on node b
}

TEST(Dc, VoltageSourceLoopNamed) {
  SimRun r = simulate("loop\nv1 a 0 1\nv2 a 0 2\nr1 a 0 1k\n.op\n");
  ASSERT_FALSE(r.outcomes[0].status.ok);
  EXPECT_NE(r.outcomes[0].status.message.find("loop of voltage sources"), std::string::npos);
  EXPECT_NE(r.outcomes[0].status.message.find("v2"), std::string::npos);
}

TEST(Dc, SingularMatrixNamesTheUnknown) {
  // A CCCS whose gain cancels the only conductance at node b makes the matrix singular.
  SimRun r = simulate("sing\nv1 a 0 1\nvs a b 0\nr1 b 0 1k\nf1 b 0 vs 1\n.op\n");
  ASSERT_FALSE(r.outcomes[0].status.ok);
  EXPECT_NE(r.outcomes[0].status.message.find("singular matrix at"), std::string::npos)
      << r.outcomes[0].status.message;
}

TEST(Dc, UnsupportedElementIsAClearError) {
  SimRun r = simulate("j\n.model jn njf\nv1 a 0 1\nj1 a a 0 jn\n.op\n");
  ASSERT_FALSE(r.outcomes[0].status.ok);
  EXPECT_TRUE(r.outcomes[0].status.input_error);
  const netlist::Diagnostics& diag = r.outcomes[0].diagnostics;
  ASSERT_EQ(diag.error_count(), 1u);
  EXPECT_EQ(diag.items()[0].code, "device");
  EXPECT_EQ(diag.items()[0].loc.line, 4u);
  EXPECT_EQ(diag.items()[0].loc.col, 1u);
  EXPECT_EQ(diag.items()[0].message, "element j1: elements of type 'j' are not simulated yet");
}

// An N×M crossbar (inputs through source resistors on the columns, sense resistors on the rows,
// wire segments between cells) against a dense nodal solve written here with Eigen.
TEST(Dc, CrossbarMatchesDenseSolve) {
  const int n = 12, m = 9;
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> g(1 / 3e5, 1 / 500.0), vin(-0.2, 0.2);
  std::ostringstream deck;
  deck << "crossbar\n";
  // Node numbering for the dense solve: c(i,j) = i*m + j, r(i,j) = n*m + i*m + j.
  const int nodes = 2 * n * m;
  Eigen::MatrixXd G = Eigen::MatrixXd::Zero(nodes, nodes);
  Eigen::VectorXd b = Eigen::VectorXd::Zero(nodes);
  auto stamp = [&](int a, int c, double cond) {
    G(a, a) += cond;
    if (c >= 0) G(c, c) += cond, G(a, c) -= cond, G(c, a) -= cond;
  };
  auto c_node = [&](int i, int j) { return i * m + j; };
  auto r_node = [&](int i, int j) { return n * m + i * m + j; };
  for (int j = 0; j < m; ++j) {
    char v_text[40];
    std::snprintf(v_text, sizeof v_text, "%.17g", vin(rng));
    const double v = std::stod(v_text);  // exactly what the deck says
    deck << "vin" << j << " in" << j << " 0 " << v_text << "\nrsrc" << j << " in" << j << " c0_"
         << j << " 100\n";
    stamp(c_node(0, j), -1, 1e-2);  // source resistor to a fixed voltage
    b(c_node(0, j)) += v * 1e-2;
  }
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) {
      double gc = g(rng);
      char r_text[40];
      std::snprintf(r_text, sizeof r_text, "%.17g", 1 / gc);
      deck << "rx" << i << "_" << j << " c" << i << "_" << j << " r" << i << "_" << j << " "
           << r_text << "\n";
      stamp(c_node(i, j), r_node(i, j), 1 / std::stod(r_text));
      if (i + 1 < n) {
        deck << "rwc" << i << "_" << j << " c" << i << "_" << j << " c" << i + 1 << "_" << j
             << " 1\n";
        stamp(c_node(i, j), c_node(i + 1, j), 1.0);
      }
      if (j + 1 < m) {
        deck << "rwr" << i << "_" << j << " r" << i << "_" << j << " r" << i << "_" << j + 1
             << " 1\n";
        stamp(r_node(i, j), r_node(i, j + 1), 1.0);
      }
    }
  for (int i = 0; i < n; ++i) {
    deck << "rsense" << i << " r" << i << "_" << m - 1 << " 0 100\n";
    stamp(r_node(i, m - 1), -1, 1e-2);
  }
  deck << ".op\n";
  Eigen::VectorXd v = G.partialPivLu().solve(b);
  SimRun r = simulate(deck.str());
  ASSERT_TRUE(r.outcomes[0].status.ok) << r.outcomes[0].status.message;
  const auto& res = r.outcomes[0].results;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) {
      std::string c = "v(c" + std::to_string(i) + "_" + std::to_string(j) + ")";
      std::string rr = "v(r" + std::to_string(i) + "_" + std::to_string(j) + ")";
      EXPECT_NEAR(column(res, c, 0), v(c_node(i, j)), 1e-9 * std::fabs(v(c_node(i, j))) + 1e-15);
      EXPECT_NEAR(column(res, rr, 0), v(r_node(i, j)), 1e-9 * std::fabs(v(r_node(i, j))) + 1e-15);
    }
}

// Every device's Jacobian against central differences of the assembled residual, at random
// operating points spanning cutoff, forward and reverse bias, both MOSFET modes.
TEST(Dc, AssembledJacobianMatchesFiniteDifferences) {
  const char* deck =
      "all devices\n.model dx d (is=1e-14 n=1.3 rs=5 bv=20 ibv=1m)\n"
      ".model nch nmos (vto=0.6 kp=120u gamma=0.4 phi=0.7 lambda=0.05)\n"
      ".model pch pmos (vto=-0.6 kp=50u gamma=0.5 phi=0.7 lambda=0.05)\n"
      "v1 a 0 1\nr1 a b 1k tc1=1e-3\ni1 0 c 1m\nr2 c 0 2k\ne1 e 0 b c 3\ng1 0 f b e 1m\nrf f 0 1k\n"
      "vs b g 0\nf1 0 h vs 2\nrh h 0 500\nh1 k 0 vs 100\nd1 b c dx\nd2 0 e dx 2\n"
      "m1 f b c 0 nch w=2u l=1u\nm2 h c a a pch w=4u l=1u\nm3 c f g e nch w=1u l=2u\n"
      "rg g 0 10k\n"
      "b1 s 0 v={v(a)*v(b) + tanh(v(c)) + exp(v(e)/2) - atan2(v(f), 2)}\nrs1 s 0 1k\n"
      "b2 0 t i={1m*sqrt(abs(v(e))+1)*v(f) + i(vs)*0.5 + pwr(v(c), 2.5)*1u}\nrt t 0 1k\n"
      "e9 u 0 vol='v(b,c)**3 + sin(v(a))*cos(v(h)) + log(v(b)*v(b)+1)'\nru u 0 1k\n"
      "g9 0 w cur='1m*(v(a) > 0 ? v(a)**2 : -v(a)) + 1m*max(v(c), v(e))'\nrw w 0 1k\n"
      ".op\n";
  netlist::ParseResult parsed = netlist::parse_deck_text(deck, "t.sp");
  ASSERT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
  auto p = session::prepare_circuit(parsed.deck, {});
  ASSERT_TRUE(p->status.ok) << p->status.message;
  engine::DcSolver& s = *p->solver;
  const int n = s.system().size();
  std::mt19937 rng(3);
  // Within ±1 V: junction currents stay physical (at 3 V forward a diode carries 1e25 A and
  // differences of the residual lose every digit).
  std::uniform_real_distribution<double> volt(-1, 1), amp(-1e-2, 1e-2);
  for (int trial = 0; trial < 40; ++trial) {
    std::vector<double> x(n + 1, 0.0);
    for (int i = 0; i < n; ++i)
      x[i] = s.system().kind(i) == engine::UnknownKind::voltage ? volt(rng) : amp(rng);
    test_support::expect_jacobian_matches_differences(s, x, trial);
  }
}

TEST(Dc, ChargeJacobianMatchesFiniteDifferences) {
  // The transient's dq/dx for every charge-bearing device: with the dynamics on (a0 = 1, no
  // history) the residual is f + q and the Jacobian df/dx + dq/dx. Small saturation currents
  // (IS, N) keep forward junctions' df/dx near dq/dx in size, so the difference keeps its digits.
  const char* deck =
      "charges\n.model dc d (is=1e-14 n=3 cjo=2p vj=0.7 m=0.4 fc=0.5 tt=5n rs=3)\n"
      ".model nch nmos (vto=0.6 kp=120u gamma=0.4 phi=0.7 lambda=0.05 tox=10n cgso=0.2n "
      "cgdo=0.3n cgbo=0.1n cj=0.4m cjsw=0.3n mj=0.45 mjsw=0.3 pb=0.85 is=1e-30)\n"
      ".model pch pmos (vto=-0.6 kp=50u gamma=0.5 phi=0.7 tox=12n cbd=3f cbs=4f is=1e-30)\n"
      "v1 a 0 1\nr1 a b 1k\nc1 b c 1p\nr2 c 0 2k\nl1 b d 1u\nl2 e 0 2u\nk1 l1 l2 0.7\n"
      "r3 d 0 100\nr4 e 0 50\nd1 b c dc\nd2 0 e dc 3\n"
      "m1 f b c 0 nch w=2u l=1u ad=4p as=5p pd=6u ps=7u\nm2 f c a a pch w=4u l=1u\n"
      "rf f 0 1k\n.op\n";
  netlist::ParseResult parsed = netlist::parse_deck_text(deck, "t.sp");
  ASSERT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
  auto p = session::prepare_circuit(parsed.deck, {});
  ASSERT_TRUE(p->status.ok) << p->status.message;
  engine::DcSolver& s = *p->solver;
  const int n = s.system().size();
  const auto& Ap = s.system().Ap();
  const auto& Ai = s.system().Ai();
  std::vector<double> history(n + 1, 0.0);
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> volt(-1, 1), amp(-1e-2, 1e-2);
  for (int trial = 0; trial < 40; ++trial) {
    std::vector<double> x(n + 1, 0.0);
    for (int i = 0; i < n; ++i)
      x[i] = s.system().kind(i) == engine::UnknownKind::voltage ? volt(rng) : amp(rng);
    // Meyer's increments are taken against x itself (x_prev = x), where C̄ is their derivative.
    const std::vector<double> x_prev = x;
    auto charge_at = [&](const std::vector<double>& at, std::vector<double>& q,
                         std::vector<double>* jq) {
      std::vector<double> f, jf, fq, jfq;
      s.set_dynamics({});
      s.evaluate_at(at, f, jf);
      s.set_dynamics({true, 1.0, history.data(), x_prev.data(), false, false});
      s.evaluate_at(at, fq, jfq);
      q.assign(s.charges().begin(), s.charges().begin() + n);
      if (jq) {
        jq->resize(jf.size());
        for (size_t k = 0; k < jf.size(); ++k) (*jq)[k] = jfq[k] - jf[k];
      }
    };
    std::vector<double> q, jq, qp, qm;
    charge_at(x, q, &jq);
    for (int col = 0; col < n; ++col) {
      const double h = 1e-6 * std::max(1.0, std::fabs(x[col]));
      std::vector<double> xp = x, xm = x;
      xp[col] += h;
      xm[col] -= h;
      charge_at(xp, qp, nullptr);
      charge_at(xm, qm, nullptr);
      std::vector<double> analytic(n, 0.0);
      for (int k = Ap[col]; k < Ap[col + 1]; ++k) analytic[Ai[k]] = jq[k];
      for (int row = 0; row < n; ++row) {
        const double fd = (qp[row] - qm[row]) / (2 * h);
        // Meyer's C̄ is evaluated at both ends of the increment, so away from x_prev the
        // increment is C̄(x)·(v − v_prev): its derivative differs by dC̄/dv·h, second order here.
        EXPECT_NEAR(analytic[row], fd, 1e-4 * std::fabs(fd) + 1e-17)
            << "d q[" << s.system().name(row) << "] / d " << s.system().name(col);
      }
    }
  }
  s.set_dynamics({});
}

TEST(Dc, TransientJacobianOfBuiltinDevicesMatchesFiniteDifferences) {
  // Every built-in device with the dynamics on (a0 = 1e3, random history): the whole residual
  // f + a0·q + history against central differences, the memristor's rate equation included.
  const char* deck =
      "builtin\n.model tx taox\n.model tb taox (bon=1e-3 sigp=1e-4 gm=0.01 xmin=0.01)\n"
      ".model g1 conductor\n.model inv opamp_tanh rinv=5k vinv=2\n"
      ".model amp opamp gain=1e3 vsat=5 rout=10\n.model amp0 opamp gain=50 vsat=3\n"
      "v1 a 0 1\nr1 a b 1k\nx1 b c tx x0=0.3\nx2 c 0 tb g0=2m\nxg c d g1 g=1m\n"
      "x3 d e 0 inv\nre e 0 1k\nx4 b c f amp\nrf f 0 1k\nx5 d 0 h amp0\nrh h 0 1k\n"
      "c1 c 0 1p\n.op\n";
  netlist::ParseResult parsed = netlist::parse_deck_text(deck, "t.sp");
  ASSERT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
  auto p = session::prepare_circuit(parsed.deck, {});
  ASSERT_TRUE(p->status.ok) << p->status.message;
  engine::DcSolver& s = *p->solver;
  const int n = s.system().size();
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> volt(-0.8, 0.8), state(0.02, 0.98), amp(-1e-3, 1e-3);
  std::vector<double> history(n + 1);
  for (double& h : history) h = amp(rng);
  for (int trial = 0; trial < 40; ++trial) {
    std::vector<double> x(n + 1, 0.0);
    for (int i = 0; i < n; ++i) {
      const std::string& name = s.system().name(i);
      x[i] = name.size() > 3 && name.substr(name.size() - 3) == ".x)" ? state(rng)
             : s.system().kind(i) == engine::UnknownKind::voltage     ? volt(rng)
                                                                      : amp(rng);
    }
    s.set_dynamics({true, 1e3, history.data(), x.data(), false, false});
    test_support::expect_jacobian_matches_differences(s, x, trial);
  }
  s.set_dynamics({});
}

TEST(Dc, NoConvergenceNamesTheNodeAndItsElements) {
  // Two iterations are not enough for a diode from zero, with or without gmin/source stepping.
  SimRun r =
      simulate("nc\n.option itl1=2 itl2=2\n.model dx d\ni1 0 b 1\nr1 b 0 1k\nd1 b 0 dx\n.op\n");
  ASSERT_FALSE(r.outcomes[0].status.ok);
  const std::string& m = r.outcomes[0].status.message;
  EXPECT_NE(m.find("no convergence after 2 Newton iterations; worst v(b) (elements i1, r1, d1)"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("gmin stepping and source stepping failed too"), std::string::npos) << m;
}

TEST(Dc, Itl2LimitsSweepPointsAfterTheFirst) {
  const char* deck =
      "itl\n.option itl1=100 itl2=1\n.model dx d\nv1 a 0 1\nr1 a b 1k\nd1 b 0 dx\n"
      ".dc v1 1 2 0.5\n";
  SimRun r = simulate(deck);
  ASSERT_FALSE(r.outcomes[0].status.ok);  // one iteration cannot confirm a nonlinear point
  EXPECT_EQ(r.outcomes[0].results.rows.size(), 1u);  // the first point had itl1 and was kept
  EXPECT_NE(r.outcomes[0].status.message.find("after 1 Newton iterations"), std::string::npos);
}

TEST(Dc, PivotBelowTheFloorIsSingular) {
  // 1e21 ohm is the only path: a pivot of 1e-21 S is numerically zero.
  SimRun r = simulate("tiny\ni1 0 a 1p\nr1 a 0 1e21\n.op\n");
  ASSERT_FALSE(r.outcomes[0].status.ok);
  EXPECT_NE(r.outcomes[0].status.message.find("singular matrix at v(a)"), std::string::npos)
      << r.outcomes[0].status.message;
}

// ∂f/∂x and ∂q/∂x apart (what AC needs) add up to the transient's folded Jacobian at a0 = 1 and
// agree with the DC Jacobian on the resistive part, for every charge-bearing device (TaOx's
// state included).
TEST(Dc, SplitJacobiansAddUpToTheTransientOne) {
  const char* deck =
      "split\n.model dc d (is=1e-14 n=1.5 cjo=2p vj=0.7 m=0.4 fc=0.5 tt=5n rs=3)\n"
      ".model nch nmos (vto=0.6 kp=120u gamma=0.4 phi=0.7 lambda=0.05 tox=10n cgso=0.2n "
      "cgdo=0.3n cgbo=0.1n cj=0.4m cjsw=0.3n mj=0.45 mjsw=0.3 pb=0.85)\n.model tx taox\n"
      "v1 a 0 1\nr1 a b 1k\nc1 b c 1p\nr2 c 0 2k\nl1 b d 1u\nl2 e 0 2u\nk1 l1 l2 0.7\n"
      "r3 d 0 100\nr4 e 0 50\nd1 b c dc\nm1 f b c 0 nch w=2u l=1u ad=4p as=5p pd=6u ps=7u\n"
      "rf f 0 1k\nx1 c 0 tx x0=0.4\n.op\n";
  netlist::ParseResult parsed = netlist::parse_deck_text(deck, "t.sp");
  ASSERT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
  auto p = session::prepare_circuit(parsed.deck, {});
  ASSERT_TRUE(p->status.ok) << p->status.message;
  engine::DcSolver& s = *p->solver;
  const int n = s.system().size();
  std::vector<double> history(n + 1, 0.0);
  std::mt19937 rng(8);
  std::uniform_real_distribution<double> volt(-0.8, 0.8), amp(-1e-3, 1e-3);
  for (int trial = 0; trial < 10; ++trial) {
    std::vector<double> x(n + 1, 0.0);
    for (int i = 0; i < n; ++i)
      x[i] = s.system().kind(i) == engine::UnknownKind::voltage ? volt(rng) : amp(rng);
    x[s.node_unknown(*p->circuit.find_node("x1.x")).value] = 0.5;  // a state inside [0, 1]
    std::vector<double> f, g, c, f_folded, folded;
    s.set_dynamics({true, 1.0, history.data(), x.data(), false, false});
    s.evaluate_at(x, f_folded, folded);
    s.set_dynamics({});
    s.evaluate_split(x, f, g, c);
    double nonzero_c = 0;
    for (int e = 0; e < s.system().nnz(); ++e) {
      EXPECT_NEAR(g[e] + c[e], folded[e], 1e-12 * std::fabs(folded[e]) + 1e-18) << "entry " << e;
      nonzero_c += c[e] != 0;
    }
    EXPECT_GT(nonzero_c, 10);  // capacitor, inductors, coupling, junctions, gate, state
  }
}

// At default tolerances every DC point is within 1e-6 (relative) of the converged solution: one
// Newton step past SPICE's criterion (without it the bridge was 9e-6 off, the follower 2e-6).
TEST(Dc, DefaultTolerancesGiveConvergedSolutions) {
  const char* decks[] = {
      "bridge\n.model dbr d (is=1e-14 n=1)\nvin p n 0\nrsrc n 0 1meg\nd1 p op dbr\nd2 n op dbr\n"
      "d3 on p dbr\nd4 on n dbr\nrl op on 1k\nrref on 0 1meg\n.dc vin -5 5 0.5\n",
      "follower\n.model pch pmos (level=1 vto=-0.8 kp=40u gamma=0.35 phi=0.65 lambda=0.03)\n"
      "vdd vdd 0 2.5\nvin g 0 0\nrs vdd s 20k\nmp 0 g s s pch w=8u l=1u\nvx x 0 1\n"
      "mq x g s vdd pch w=2u l=1u\n.dc vin 0 2.5 0.1\n",
      "forward\n.model dd d is=1e-14 rs=5\nv1 a 0 0\nr1 a b 100\nd1 b 0 dd\n.dc v1 -1 2 0.01\n"};
  for (const char* deck : decks) {
    SimRun plain = simulate(deck);
    SimRun tight = simulate(std::string(deck) + ".options reltol=1e-12 vntol=1e-15 abstol=1e-18\n");
    ASSERT_TRUE(plain.outcomes[0].status.ok && tight.outcomes[0].status.ok) << deck;
    const auto& a = plain.outcomes[0].results;
    const auto& b = tight.outcomes[0].results;
    ASSERT_EQ(a.rows.size(), b.rows.size());
    double worst = 0;
    for (size_t r = 0; r < a.rows.size(); ++r)
      for (size_t c = 1; c < a.signals.size(); ++c) {
        const bool current = a.signals[c][0] == 'i';
        const double ref = b.rows[r][c];
        worst = std::max(worst, std::fabs(a.rows[r][c] - ref) /
                                    std::max(std::fabs(ref), current ? 1e-12 : 1e-9));
      }
    EXPECT_LT(worst, 1e-6) << deck;
  }
}
