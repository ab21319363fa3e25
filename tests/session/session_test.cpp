// The Session API against independent answers: closed-form dividers and dot products, the TaOx
// equations evaluated directly, per-vector solves against the batch, and its errors.

#include "frontends/session/session.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "devices/taox.hpp"
#include "netlist/crossbar_builder.hpp"
#include "netlist/parser.hpp"

using namespace xb;
using session::Session;
using session::SessionError;

namespace {

Session from_text(const std::string& text) {
  netlist::ParseResult parsed = netlist::parse_deck_text(text, "t.sp");
  EXPECT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
  return Session::from_deck(std::move(parsed.deck));
}

netlist::CrossbarSpec random_crossbar(size_t rows, size_t cols, double wire_r, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> g(1e-5, 1e-3);
  netlist::CrossbarSpec s;
  s.conductance.assign(rows, std::vector<double>(cols));
  for (auto& row : s.conductance)
    for (double& v : row) v = g(rng);
  s.inputs = {std::vector<double>(rows, 0.0)};
  s.wire_r = wire_r;
  return s;
}

std::vector<session::SourceHandle> inputs_of(const Session& s, size_t rows) {
  std::vector<session::SourceHandle> out;
  for (size_t i = 0; i < rows; ++i) out.push_back(s.source("vin" + std::to_string(i)));
  return out;
}

std::vector<session::ProbeHandle> column_currents(const Session& s, size_t cols) {
  std::vector<session::ProbeHandle> out;
  for (size_t j = 0; j < cols; ++j) out.push_back(s.probe("i(vs" + std::to_string(j) + ")"));
  return out;
}

}  // namespace

TEST(Session, SourcesAndResistorsChangeInPlace) {
  Session s = from_text("divider\nv1 a 0 1\nr1 a b 3k\nr2 b 0 1k\n.op\n");
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const auto v1 = s.source("V1");  // names are case-insensitive, as in SPICE
  const auto out = s.probe("v(b)");
  const auto r2 = s.param(s.device("r2"), "r");
  ASSERT_TRUE(s.solve().ok);
  EXPECT_NEAR(s.read(out), 0.25, 1e-15);
  s.set(v1, 2.0);
  ASSERT_TRUE(s.solve().ok);
  EXPECT_NEAR(s.read(out), 0.5, 1e-15);
  s.set(r2, 3e3);  // refactors: 2 V · 3k / 6k
  ASSERT_TRUE(s.solve().ok);
  EXPECT_NEAR(s.read(out), 1.0, 1e-15);
  EXPECT_DOUBLE_EQ(s.get(r2), 3e3);
  EXPECT_NEAR(s.read(s.probe("i(v1)")), -2.0 / 6e3, 1e-18);
  EXPECT_NEAR(s.read(s.probe("v(a, b)")), 1.0, 1e-15);
  // The deck's own analysis sees the changed circuit; reset() brings the deck back.
  session::Outcome op = s.run(0);
  ASSERT_TRUE(op.status.ok);
  s.reset();
  ASSERT_TRUE(s.solve().ok);
  EXPECT_NEAR(s.read(s.probe("v(b)")), 0.25, 1e-15);
}

TEST(Session, ReleasedDeckKeepsTheCircuitAndRefusesToElaborateAgain) {
  Session s = from_text("divider\n.param rb=1k\nv1 a 0 1\nr1 a b 3k\nr2 b 0 rb\n.op\n");
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  EXPECT_FALSE(Session::elaborates_again(s.analysis(0)));
  s.release_deck();
  EXPECT_EQ(s.deck().title, "divider");
  EXPECT_TRUE(s.deck().elements.empty());
  session::Outcome op = s.run(0);
  ASSERT_TRUE(op.status.ok);
  EXPECT_NEAR(s.read(s.probe("v(b)")), 0.25, 1e-15);
  s.set(s.source("v1"), 4.0);  // handles and in-place changes still work
  ASSERT_TRUE(s.solve().ok);
  EXPECT_NEAR(s.read(s.probe("v(b)")), 1.0, 1e-15);
  EXPECT_THROW(s.reset(), SessionError);
  netlist::FlatAnalysis sweep = s.analysis(0);
  sweep.kind = netlist::AnalysisKind::dc;
  sweep.name = "dc";
  netlist::FlatSweep rb;
  rb.target = netlist::FlatSweep::Target::param;
  rb.variable = "rb";
  rb.points = {1e3, 3e3};
  sweep.sweeps.push_back(rb);
  EXPECT_TRUE(Session::elaborates_again(sweep));
  EXPECT_THROW(s.run(sweep), SessionError);
}

TEST(Session, AnalysesGivenInCode) {
  Session s = from_text("divider\nv1 a 0 1\nr1 a b 1k\nr2 b 0 1k\n.end\n");
  session::Outcome dc = s.dc("v1", 0, 1, 0.25);
  ASSERT_TRUE(dc.status.ok);
  ASSERT_EQ(dc.results.rows.size(), 5u);
  EXPECT_EQ(dc.results.signals[0], "v1");
  for (const auto& row : dc.results.rows) EXPECT_NEAR(row[2], row[0] / 2, 1e-15);  // v(b)
  // The sweep leaves the source as it found it.
  EXPECT_DOUBLE_EQ(s.value(s.source("v1")), 1.0);
  session::Outcome op = s.op();
  ASSERT_TRUE(op.status.ok);
  EXPECT_EQ(op.results.rows.size(), 1u);
}

TEST(Session, ConductorReprogrammedWithinItsLevels) {
  Session s = from_text(
      "cell\n.model gc conductor gmin=1u gmax=11u levels=11\nv1 a 0 0.2\nx1 a 0 gc g=5u\n.op\n");
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const auto cell = s.device("x1");
  const auto i = s.probe("i(v1)");
  ASSERT_TRUE(s.solve().ok);
  EXPECT_NEAR(s.read(i), -0.2 * 5e-6, 1e-18);
  s.set_param(cell, "g", 7.4e-6);  // snaps to the level 7 µS
  ASSERT_TRUE(s.solve().ok);
  EXPECT_NEAR(s.read(i), -0.2 * 7e-6, 1e-18);
  s.set_param(cell, "g", 1.0);  // clamped to gmax
  EXPECT_NEAR(s.get_param(cell, "g"), 11e-6, 1e-20);
  s.set_param(cell, "r", 1e6);  // 1 µS = gmin
  EXPECT_NEAR(s.get_param(cell, "g"), 1e-6, 1e-20);
}

// A programming pulse moves the state; the next read (an operating point) sees where it ended.
TEST(Session, MemristorStateLeftByAPulseIsTheNextRead) {
  Session s = from_text(
      "taox\n.model tx taox\nv1 a 0 pulse(0 0.6 10n 1n 1n 200n 1)\nx1 a 0 tx x0=0.3\n.op\n");
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const auto cell = s.device("x1");
  const auto v1 = s.source("v1");
  const auto i = s.probe("i(v1)");
  ASSERT_TRUE(s.has_state(cell));
  devices::TaoxParams p;  // the model's defaults
  p.x0 = 0.3;
  // Read at 0.1 V: the current is the device equation at the held state.
  s.set(v1, 0.1);
  ASSERT_TRUE(s.solve().ok);
  EXPECT_NEAR(s.state(cell), 0.3, 1e-12);
  EXPECT_NEAR(-s.read(i), devices::TaoxGroup::current_at(p, 0.1, 0.3).i, 1e-15);
  // A SET pulse (0.6 V for 200 ns) raises the state.
  session::Outcome pulse = s.tran(1e-9, 300e-9);
  ASSERT_TRUE(pulse.status.ok);
  const double x_end = s.state(cell);
  EXPECT_GT(x_end, 0.6);
  EXPECT_LT(x_end, 0.9);
  EXPECT_DOUBLE_EQ(s.get_param(cell, "x0"), x_end);
  // The read after it: same source value as before (the DC value), the new state.
  ASSERT_TRUE(s.solve().ok);
  EXPECT_NEAR(s.state(cell), x_end, 1e-12);
  EXPECT_NEAR(-s.read(i), devices::TaoxGroup::current_at(p, 0.1, x_end).i, 1e-15);
  // set_state programs a state directly.
  s.set_state(cell, 0.8);
  ASSERT_TRUE(s.solve().ok);
  EXPECT_NEAR(-s.read(i), devices::TaoxGroup::current_at(p, 0.1, 0.8).i, 1e-15);
  EXPECT_THROW(s.set_state(cell, 1.5), SessionError);
}

// Ideal wires: the column currents are the dot products Gᵀu, for every vector of the batch.
TEST(Session, BatchOfIdealCrossbarIsTheDotProduct) {
  const size_t rows = 8, cols = 5, vectors = 150;  // more than one block of 64
  netlist::CrossbarSpec spec = random_crossbar(rows, cols, 0.0, 3);
  Session s = Session::from_deck(netlist::build_crossbar(spec));
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const auto in = inputs_of(s, rows);
  const auto out = column_currents(s, cols);
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(-0.3, 0.3);
  Eigen::MatrixXd inputs(vectors, rows);
  for (Eigen::Index k = 0; k < inputs.size(); ++k) inputs.data()[k] = u(rng);
  const uint64_t factors_before = s.counters().factor + s.counters().refactor;
  const Eigen::MatrixXd y = s.solve_batch(in, inputs, out);
  EXPECT_LE(s.counters().factor + s.counters().refactor - factors_before, 1u);
  for (size_t k = 0; k < vectors; ++k)
    for (size_t j = 0; j < cols; ++j) {
      double dot = 0;
      for (size_t i = 0; i < rows; ++i) dot += spec.conductance[i][j] * inputs(k, i);
      // i(vs) flows into the + terminal, the column end: it is the column current.
      EXPECT_NEAR(y(k, j), dot, 1e-15) << "vector " << k << " column " << j;
    }
  // The inputs are as before the batch.
  for (const auto& src : in) EXPECT_EQ(s.value(src), 0.0);
}

// Wired array: the batch equals one solve per vector through set() and solve().
TEST(Session, BatchOfWiredCrossbarMatchesPointByPoint) {
  const size_t rows = 6, cols = 4;
  Session s = Session::from_deck(netlist::build_crossbar(random_crossbar(rows, cols, 2.0, 5)));
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const auto in = inputs_of(s, rows);
  const auto out = column_currents(s, cols);
  Eigen::MatrixXd inputs = Eigen::MatrixXd::Random(20, rows) * 0.3;
  const Eigen::MatrixXd y = s.solve_batch(in, inputs, out);
  for (Eigen::Index k = 0; k < inputs.rows(); ++k) {
    for (size_t i = 0; i < rows; ++i) s.set(in[i], inputs(k, static_cast<Eigen::Index>(i)));
    ASSERT_TRUE(s.solve().ok);
    for (size_t j = 0; j < cols; ++j)
      EXPECT_NEAR(y(k, static_cast<Eigen::Index>(j)), s.read(out[j]), 1e-16);
  }
}

// The effective matrix of an ideal array is its conductance matrix (transposed: outputs × inputs);
// of a wired one, the matrix that reproduces every batch output by superposition.
TEST(Session, TransferMatrixBetweenPorts) {
  const size_t rows = 5, cols = 3;
  netlist::CrossbarSpec ideal = random_crossbar(rows, cols, 0.0, 9);
  Session s = Session::from_deck(netlist::build_crossbar(ideal));
  const Eigen::MatrixXd m = s.transfer_matrix(inputs_of(s, rows), column_currents(s, cols));
  ASSERT_EQ(m.rows(), static_cast<Eigen::Index>(cols));
  ASSERT_EQ(m.cols(), static_cast<Eigen::Index>(rows));
  for (size_t j = 0; j < cols; ++j)
    for (size_t i = 0; i < rows; ++i)
      EXPECT_NEAR(m(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(i)),
                  ideal.conductance[i][j], 1e-16);

  Session w = Session::from_deck(netlist::build_crossbar(random_crossbar(rows, cols, 5.0, 9)));
  const auto in = inputs_of(w, rows);
  const auto out = column_currents(w, cols);
  const Eigen::MatrixXd mw = w.transfer_matrix(in, out);
  const Eigen::MatrixXd u = Eigen::MatrixXd::Random(7, rows) * 0.2;
  const Eigen::MatrixXd y = w.solve_batch(in, u, out);
  EXPECT_LT((y - u * mw.transpose()).cwiseAbs().maxCoeff(), 1e-17);
  // The wires matter: the effective matrix is not the programmed one.
  Eigen::MatrixXd g(cols, rows);
  for (size_t j = 0; j < cols; ++j)
    for (size_t i = 0; i < rows; ++i)
      g(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(i)) = ideal.conductance[i][j];
  EXPECT_GT((mw - g).norm(), 1e-3 * g.norm());
}

// A nonlinear batch (a wired 1T1M array) takes chord steps on the last factorization: the same
// operating points as Newton point by point (DC: 1e-6 relative), with far fewer factorizations.
TEST(Session, NonlinearBatchReusesItsFactorization) {
  const size_t rows = 5, cols = 4, vectors = 40;
  netlist::CrossbarSpec spec = random_crossbar(rows, cols, 2.0, 21);
  for (auto& row : spec.conductance)
    for (double& g : row) g = 5e-5 + 0.5 * g;  // within the TaOx reach at vread
  spec.cell = netlist::CrossbarSpec::Cell::one_t_one_m;
  spec.r_in = 30, spec.r_out = 50;
  Session s = Session::from_deck(netlist::build_crossbar(spec));
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const auto in = inputs_of(s, rows);
  const auto out = column_currents(s, cols);
  std::mt19937 rng(4);
  std::uniform_real_distribution<double> u(0, 0.2);
  Eigen::MatrixXd inputs(vectors, rows);
  for (Eigen::Index k = 0; k < inputs.size(); ++k) inputs.data()[k] = u(rng);
  const uint64_t before = s.counters().factor + s.counters().refactor;
  const Eigen::MatrixXd y = s.solve_batch(in, inputs, out);
  // Newton point by point factors ~4 times per vector (3 steps and the polish).
  EXPECT_LT(s.counters().factor + s.counters().refactor - before, vectors);
  for (Eigen::Index k = 0; k < inputs.rows(); ++k) {
    for (size_t i = 0; i < rows; ++i) s.set(in[i], inputs(k, static_cast<Eigen::Index>(i)));
    ASSERT_TRUE(s.solve().ok);
    for (size_t j = 0; j < cols; ++j) {
      const double newton = s.read(out[j]);
      EXPECT_NEAR(y(k, static_cast<Eigen::Index>(j)), newton, 1e-6 * std::abs(newton))
          << "vector " << k << " column " << j;
    }
  }
}

// Driving-point resistances with the sources in place (superposition), against the network
// reduced by hand: at b, 1k || 2k || (500 + 300); across b-c, 500 || (1k || 2k + 300).
TEST(Session, DrivingPointResistances) {
  Session s = from_text("ladder\nv1 a 0 1\nr1 a b 1k\nr2 b 0 2k\nr3 b c 500\nr4 c 0 300\n.op\n");
  const std::vector<double> r = s.driving_point_resistances({{"b", "0"}, {"b", "c"}, {"0", "c"}});
  ASSERT_EQ(r.size(), 3u);
  EXPECT_NEAR(r[0], 1 / (1 / 1e3 + 1 / 2e3 + 1 / 800.0), 1e-12 * r[0]);
  const double across = 1 / (1 / 500.0 + 1 / (1 / (1 / 1e3 + 1 / 2e3) + 300));
  EXPECT_NEAR(r[1], across, 1e-12 * across);
  EXPECT_NEAR(r[2], 1 / (1 / 300.0 + 1 / (500 + 1 / (1 / 1e3 + 1 / 2e3))), 1e-12 * r[2]);
  EXPECT_THROW(s.driving_point_resistances({{"b", "nowhere"}}), SessionError);
}

TEST(Session, NonlinearBatchSolvesEachVector) {
  Session s = from_text("diode\n.model dd d is=1e-14\nv1 a 0 0.7\nr1 a b 100\nd1 b 0 dd\n.op\n");
  const auto v1 = s.source("v1");
  const auto vb = s.probe("v(b)");
  Eigen::MatrixXd u(3, 1);
  u << 0.6, 0.8, 1.0;
  const Eigen::MatrixXd y = s.solve_batch({v1}, u, {vb});
  for (Eigen::Index k = 0; k < 3; ++k) {
    s.set(v1, u(k, 0));
    ASSERT_TRUE(s.solve().ok);
    // Both converged, from different starting points and by different steps (the batch's chord
    // steps, Newton's polish), each within ~1e-9 V of the exact point: far inside vntol.
    EXPECT_NEAR(y(k, 0), s.read(vb), 1e-8);
  }
  EXPECT_THROW(s.transfer_matrix({v1}, {vb}), SessionError);
}

TEST(Session, MisuseNamesWhatIsWrong) {
  Session s = from_text("divider\nv1 a 0 1\nr1 a b 1k\nr2 b 0 1k\n.op\n");
  auto message = [](auto&& f) {
    try {
      f();
    } catch (const SessionError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message([&] { s.source("v9"); }), "no element v9 in the circuit");
  EXPECT_EQ(message([&] { s.source("r1"); }), "r1 is not an independent V or I source");
  EXPECT_EQ(message([&] { s.probe("v(nosuch)"); }),
            "probe v(nosuch): no node 'nosuch' in the circuit");
  EXPECT_EQ(message([&] { s.probe("q(a)"); }),
            "probe 'q(a)': expected v(node), v(a,b) or i(element)");
  EXPECT_EQ(message([&] { s.param(s.device("r1"), "w"); }),
            "element r1 (resistor) has no settable parameter 'w' (settable: r)");
  EXPECT_EQ(message([&] { s.set_param(s.device("r1"), "r", 0); }),
            "element r1: resistance must be finite and non-zero");
  const auto v1 = s.source("v1");
  s.reset();
  EXPECT_EQ(message([&] { s.set(v1, 2); }),
            "handle v1 was made before reset() or select_run(); make it again");
}

TEST(Session, DeckErrorsAreDiagnosticsNotExceptions) {
  Session bad = Session::open("/nonexistent/deck.sp");
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.format_diagnostics().find("cannot open"), std::string::npos);
  EXPECT_THROW(bad.source("v1"), SessionError);

  Session device = from_text("jfet\n.model jn njf\nv1 a 0 1\nj1 a a 0 jn\n.op\n");
  EXPECT_FALSE(device.ok());
  ASSERT_EQ(device.diagnostics().error_count(), 1u);
  const netlist::Diagnostic& d = device.diagnostics().items()[0];
  EXPECT_EQ(d.code, "device");
  EXPECT_EQ(d.loc.line, 4u);
  session::Outcome out = device.run(0);
  EXPECT_FALSE(out.status.ok);
  EXPECT_TRUE(out.status.input_error);

  // A failure during an analysis joins the same list, at the analysis or element it names:
  // here an .ac with no AC source.
  Session ac = from_text("ac\nv1 a 0 1\nr1 a 0 1k\n.ac dec 10 1 1k\n");
  session::Outcome acout = ac.run(0);
  EXPECT_FALSE(acout.status.ok);
  ASSERT_EQ(ac.diagnostics().error_count(), 1u);
  EXPECT_NE(ac.diagnostics().items()[0].message.find("no source has an AC value"),
            std::string::npos);
  EXPECT_EQ(ac.diagnostics().items()[0].loc.line, 4u);
}

// A .dc over a 784-column .data table (an MNIST image per row, one source per pixel): every
// column bound once to its source, the rows solved from one factorization, each row's summing
// node at its closed form Σ g·v / (Σ g + g_load).
TEST(Session, WideDataTableSweepsThroughHandles) {
  const int columns = 784, rows = 6;
  std::string deck = "wide table\n";
  for (int k = 0; k < columns; ++k)
    deck += "v" + std::to_string(k) + " in" + std::to_string(k) + " 0 0\nr" + std::to_string(k) +
            " in" + std::to_string(k) + " sum " + std::to_string(1000 + k) + "\n";
  deck += "rload sum 0 50\n.data pixels";
  for (int k = 0; k < columns; ++k) deck += " v" + std::to_string(k);
  deck += "\n";
  auto pixel = [](int row, int k) { return ((row * 31 + k * 17) % 16) / 15.0; };
  for (int row = 0; row < rows; ++row) {
    for (int k = 0; k < columns; ++k) deck += " " + std::to_string(pixel(row, k));
    deck += "\n";
  }
  deck += ".enddata\n.dc data=pixels\n.print dc v(sum)\n.end\n";
  Session s = from_text(deck);
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const uint64_t factors = s.counters().factor + s.counters().refactor;
  session::Outcome out = s.run(0);
  ASSERT_TRUE(out.status.ok) << out.status.message;
  EXPECT_EQ(s.counters().factor + s.counters().refactor - factors, 1u);
  ASSERT_EQ(out.results.rows.size(), static_cast<size_t>(rows));
  for (int row = 0; row < rows; ++row) {
    double num = 0, den = 1.0 / 50;
    for (int k = 0; k < columns; ++k) {
      const double g = 1.0 / (1000 + k);
      num += g * std::stod(std::to_string(pixel(row, k))), den += g;
    }
    EXPECT_NEAR(out.results.rows[row].back(), num / den, 1e-12) << "row " << row;
  }
}

// `temper` in element and parameter values follows the circuit temperature: a .temp list (HSPICE
// runs every analysis at each) and a .dc temp sweep elaborate the values again (issue 13 item 7).
TEST(Session, TemperatureListAndSweepReevaluateTemper) {
  const std::string deck =
      "temper in values\n.param rt='1k*(1+0.01*(temper-27))'\nv1 a 0 1\nr1 a 0 rt\n"
      "r2 a 0 2k tc1=0.002\n";
  auto expected = [](double t) {  // i(v1): both resistors at temperature t
    return -(1 / (1e3 * (1 + 0.01 * (t - 27))) + 1 / (2e3 * (1 + 0.002 * (t - 27))));
  };
  Session list = from_text(deck + ".temp 27 77 -13\n.op\n");
  ASSERT_EQ(list.run_count(), 3u);
  const double temps[] = {27, 77, -13};
  for (size_t r = 0; r < 3; ++r) {
    list.select_run(r);
    EXPECT_EQ(list.run_label(r), "temperature " + std::to_string(int(temps[r])));
    const session::Outcome op = list.run(0);
    ASSERT_TRUE(op.status.ok) << op.status.message;
    EXPECT_NEAR(op.results.rows[0].back(), expected(temps[r]), 1e-15) << temps[r];
  }
  Session option = from_text(deck + ".options temp=77\n.op\n");  // ngspice's and HSPICE's form
  const session::Outcome at_77 = option.run(0);
  ASSERT_TRUE(at_77.status.ok);
  EXPECT_NEAR(at_77.results.rows[0].back(), expected(77), 1e-15);
  Session sweep = from_text(deck + ".dc temp -40 125 55\n");
  const session::Outcome dc = sweep.run(0);
  ASSERT_TRUE(dc.status.ok) << dc.status.message;
  ASSERT_EQ(dc.results.rows.size(), 4u);
  for (const auto& row : dc.results.rows) EXPECT_NEAR(row.back(), expected(row[0]), 1e-15);
}

// ---- Monte Carlo ----

namespace {

struct Collected {
  std::vector<size_t> samples;
  std::vector<engine::Results> results;
};

Collected run_monte_carlo(Session& s, size_t analysis) {
  Collected out;
  const size_t failed = s.monte_carlo(
      s.analysis(analysis), [&](size_t k, const session::Outcome& o, const netlist::Circuit&) {
        EXPECT_TRUE(o.status.ok) << o.status.message;
        out.samples.push_back(k);
        out.results.push_back(o.results);
      });
  EXPECT_EQ(failed, 0u);
  return out;
}

// Column `signal` of every sample's first row.
std::vector<double> first_rows(const Collected& c, const std::string& signal) {
  std::vector<double> out;
  for (const engine::Results& r : c.results) {
    const auto it = std::find(r.signals.begin(), r.signals.end(), signal);
    out.push_back(r.rows.front()[it - r.signals.begin()]);
  }
  return out;
}

void expect_moments(const std::vector<double>& x, double mean, double sigma) {
  double m = 0, v = 0;
  for (double a : x) m += a;
  m /= static_cast<double>(x.size());
  for (double a : x) v += (a - m) * (a - m);
  const double sd = std::sqrt(v / static_cast<double>(x.size() - 1));
  const double n = static_cast<double>(x.size());
  // 5 standard errors: the sample mean's sigma/√n, the sample sigma's about sigma/√(2n).
  EXPECT_NEAR(m, mean, 5 * sigma / std::sqrt(n));
  EXPECT_NEAR(sd, sigma, 5 * sigma / std::sqrt(2 * n) * 1.5);
}

}  // namespace

// 1 mA through R = agauss(1k, 100, 1): v(a) is N(1 V, 0.1 V); through aunif(1k, 200), uniform
// on [0.8, 1.2] V (sigma 0.2/√3).
TEST(SessionMonteCarlo, DistributionsOfASample) {
  Session s = from_text(
      "mc\ni1 0 a 1m\nr1 a 0 'agauss(1k, 100, 1)'\ni2 0 b 1m\nr2 b 0 'aunif(1k, 200)'\n"
      ".dc sweep monte=3000\n");
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const Collected c = run_monte_carlo(s, 0);
  ASSERT_EQ(c.samples.size(), 3000u);
  EXPECT_EQ(c.samples.front(), 1u);
  EXPECT_EQ(c.samples.back(), 3000u);
  expect_moments(first_rows(c, "v(a)"), 1.0, 0.1);
  const std::vector<double> b = first_rows(c, "v(b)");
  expect_moments(b, 1.0, 0.2 / std::sqrt(3.0));
  EXPECT_GE(*std::min_element(b.begin(), b.end()), 0.8);
  EXPECT_LE(*std::max_element(b.begin(), b.end()), 1.2);
  // The session's own circuit keeps the nominal values.
  s.solve();
  EXPECT_NEAR(s.read(s.probe("v(a)")), 1.0, 1e-12);
}

// firstrun=k repeats sample k of a longer run; a parameter swept inside a sample elaborates the
// deck again at each point with the sample's own draws.
TEST(SessionMonteCarlo, FirstRunAndSweepsInsideASample) {
  const char* deck =
      "mc\n.param p=1 rg=agauss(1k, 100, 1)\ni1 0 a 1m\nr1 a 0 'rg*p'\n"
      ".dc p 1 2 1 sweep monte=5\n.dc p 1 2 1 sweep monte=2 firstrun=4\n";
  Session s = from_text(deck);
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  const Collected all = run_monte_carlo(s, 0);
  const Collected tail = run_monte_carlo(s, 1);
  ASSERT_EQ(tail.samples, (std::vector<size_t>{4, 5}));
  for (size_t k = 0; k < 5; ++k) {
    const engine::Results& r = all.results[k];
    ASSERT_EQ(r.rows.size(), 2u);
    EXPECT_NEAR(r.rows[1][1], 2 * r.rows[0][1], 1e-12);  // v(a) at p = 2 and 1
    if (k > 0) EXPECT_NE(r.rows[0][1], all.results[k - 1].rows[0][1]);
  }
  EXPECT_EQ(tail.results[0].rows, all.results[3].rows);
  EXPECT_EQ(tail.results[1].rows, all.results[4].rows);
}

TEST(SessionMonteCarlo, OrdinaryRunRefusesAMonteCarloAnalysis) {
  Session s = from_text("mc\ni1 0 a 1m\nr1 a 0 'agauss(1k, 100, 1)'\n.dc sweep monte=3\n");
  EXPECT_THROW(s.run(0), SessionError);
  Session plain = from_text("mc\ni1 0 a 1m\nr1 a 0 1k\n.op\n");
  EXPECT_THROW(plain.monte_carlo(plain.analysis(0), {}), SessionError);
}

// A deck's warning comes again at each elaboration (every reset between analyses): the
// session reports it once.
TEST(Session, RepeatedWarningsAreReportedOnce) {
  Session s = from_text("w\n.param r=agauss(1k, 100, 1)\nv1 a 0 1\nr1 a 0 r\n.op\n.dc v1 0 1 0.5\n");
  s.run(0);
  s.reset();
  s.run(1);
  size_t warned = 0;
  for (const netlist::Diagnostic& d : s.diagnostics().items()) warned += d.code == "nominal-values";
  EXPECT_EQ(warned, 1u);
}
