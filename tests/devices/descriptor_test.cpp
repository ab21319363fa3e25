// Every built-in device through its descriptor: a deck generated from the descriptor (its
// terminals, internal nodes and example parameters), the finite-difference Jacobian in DC and
// in a transient, its declared DC paths, and the TaOx export forms against the C++ equations.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <regex>

#include "devices/builtin.hpp"
#include "devices/linear_devices.hpp"
#include "devices/taox.hpp"
#include "frontends/session/session.hpp"
#include "frontends/session/simulation.hpp"
#include "netlist/expression.hpp"
#include "netlist/parser.hpp"
#include "support/jacobian_check.hpp"

using namespace xb;

namespace {

// One instance of `t`, as its descriptor's example writes it, with every terminal loaded by a
// resistor to ground and driven by a source through another, so that each node has a DC path
// whatever the device declares.
std::string generated_deck(const devices::DeviceDescriptor& t) {
  const bool builtin = t.letters == "x";
  std::string deck = std::string(t.name) + " from its descriptor\n";
  if (builtin) deck += ".model m " + std::string(t.name) + "\n";
  if (!t.example_model.empty()) deck += ".model " + std::string(t.example_model) + "\n";
  // F and H read the current of vctl.
  if (std::string_view(t.example).find("vctl") != std::string_view::npos)
    deck += "vctl tc 0 0.3\nrtc tc 0 1k\n";
  deck += std::string(1, t.letters[0]) + "dut";
  for (size_t k = 0; k < t.terminals.size(); ++k) deck += " t" + std::to_string(k);
  deck += builtin ? " m " : " ";
  deck += std::string(t.example) + "\n";
  for (size_t k = 0; k < t.terminals.size(); ++k) {
    const std::string n = std::to_string(k);
    deck += "rl" + n + " t" + n + " 0 1k\nrs" + n + " t" + n + " s" + n + " 500\nvdrv" + n + " s" +
            n + " 0 " + std::to_string(0.1 * (k + 1)) + "\n";
  }
  return deck + ".op\n";
}

std::unique_ptr<engine::Prepared> prepare(const std::string& text) {
  static std::vector<netlist::ParseResult> keep;  // the circuit refers to the deck's sources
  keep.push_back(netlist::parse_deck_text(text, "t.sp"));
  EXPECT_TRUE(keep.back().ok()) << keep.back().diagnostics.format(*keep.back().deck.sources);
  auto p = session::prepare_circuit(keep.back().deck, {});
  EXPECT_TRUE(p->status.ok) << p->status.message << "\n" << text;
  return p;
}

}  // namespace

TEST(Descriptor, EveryDevicePassesTheJacobianCheck) {
  size_t checked = 0;
  for (const devices::DeviceDescriptor* t : devices::device_types()) {
    if (t->terminals.empty()) continue;  // K couples inductors: in the inductor decks of dc_test
    SCOPED_TRACE(std::string(t->name) + "\n" + generated_deck(*t));
    auto p = prepare(generated_deck(*t));
    if (!p->solver) continue;
    engine::DcSolver& s = *p->solver;
    const int n = s.system().size();
    ++checked;
    EXPECT_EQ(s.all_linear(), !t->nonlinear);
    // The example uses only parameters the table knows.
    for (const netlist::Diagnostic& d : p->diagnostics.items()) ADD_FAILURE() << d.message;
    std::mt19937 rng(2);
    std::uniform_real_distribution<double> volt(-0.9, 0.9), amp(-1e-3, 1e-3), state(0.05, 0.95);
    std::vector<double> history(n + 1, 0.0);
    for (int trial = 0; trial < 8; ++trial) {
      std::vector<double> x(n + 1, 0.0);
      for (int i = 0; i < n; ++i)
        x[i] = s.system().kind(i) == engine::UnknownKind::voltage ? volt(rng) : amp(rng);
      for (std::string_view node : t->internal_nodes)
        x[s.node_unknown(*p->circuit.find_node("xdut." + std::string(node))).value] = state(rng);
      s.set_dynamics({});
      test_support::expect_jacobian_matches_differences(s, x, trial);
      if (!t->has_charges) continue;
      s.set_dynamics({true, 1e9, history.data(), x.data(), false, false});
      test_support::expect_jacobian_matches_differences(s, x, 100 + trial);
      s.set_dynamics({});
    }
  }
  EXPECT_EQ(checked, devices::device_types().size() - 1);  // all but K
}

// The descriptor's DC paths are what the floating-node check knows: an op-amp's inputs draw no
// current, so an input driven by nothing else floats.
TEST(Descriptor, DcPathsDecideFloatingNodes) {
  auto run = [](const std::string& deck) {
    session::Session s = session::Session::from_deck(netlist::parse_deck_text(deck, "t.sp").deck);
    return s.format_diagnostics();
  };
  const std::string open_input =
      "open input\n.model amp opamp\nv1 a 0 1\nr1 a inn 1k\nx1 inp inn out amp\nrl out 0 1k\n"
      "rinp inp q 1k\n.op\n";
  EXPECT_NE(run(open_input).find("no DC path to ground from node(s) inp, q"), std::string::npos)
      << run(open_input);
  const std::string closed =
      "closed\n.model amp opamp\nv1 a 0 1\nr1 a inn 1k\nx1 0 inn out amp\nrf out inn 10k\n.op\n";
  EXPECT_EQ(run(closed).find("error"), std::string::npos) << run(closed);
  // The memristor's state node is held in DC: no other path is needed.
  EXPECT_EQ(run("m\n.model tx taox\nv1 a 0 0.1\nx1 a 0 tx\n.op\n").find("error"),
            std::string::npos);
}

// The ngspice form of TaOx (what `export --to ngspice` writes for a transient) evaluates to the
// C++ state equation at states inside, at and beyond both bounds: the same equation, the same
// bound window, the same exponent cap.
TEST(Descriptor, TaoxNgspiceRateIsTheBuiltInOne) {
  const devices::DeviceDescriptor& t = devices::taox_descriptor();
  devices::ResolvedParams p = devices::resolve_params(t, {}, {{"x0", 0.5}});
  const std::string subckt = t.ngspice_subckt("tx", p, /*dynamic=*/true);
  // {name} is an ngspice subcircuit parameter: substitute the model's values.
  std::string text = subckt;
  for (size_t i = 0; i < t.params.size(); ++i)
    text = std::regex_replace(text, std::regex("\\{" + std::string(t.params[i].name) + "\\}"),
                              devices::deck_number(p[i]));
  auto expression_of = [&](const std::string& element, const std::string& key) {
    std::smatch m;
    EXPECT_TRUE(
        std::regex_search(text, m, std::regex("\\n" + element + " [^\\n]*? " + key + "=([^\\n]*)")))
        << element << "\n"
        << text;
    netlist::Diagnostics diag;
    netlist::ExprPtr e = netlist::Expression::parse(m[1].str(), {}, diag);
    EXPECT_TRUE(e) << m[1].str();
    return e;
  };
  const netlist::ExprPtr pw = expression_of("bpw", "v"), wset = expression_of("bwset", "v"),
                         wreset = expression_of("bwreset", "v"), rate = expression_of("bx", "i");
  struct Nodes : netlist::EvalContext {
    std::map<std::string, double> v;
    std::optional<double> param(std::string_view) const override { return std::nullopt; }
    std::optional<double> voltage(std::string_view a, std::string_view b) const override {
      auto get = [&](std::string_view n) { return n == "0" ? 0.0 : v.at(std::string(n)); };
      return get(a) - get(b);
    }
  };
  std::string error;
  const devices::TaoxParams tp = devices::TaoxParams::from(p, error);
  ASSERT_EQ(error, "");
  const double eps = 1e-3, xmin = tp.xmin;
  for (double x : {xmin - eps, xmin - eps / 2, xmin, xmin + eps / 2, 0.3, 0.97, 1 - eps / 2, 1.0,
                   1 + eps / 3, 1 + eps / 2, 1 + eps, 1.01})
    for (double v : {-1.2, -0.6, -0.3, 0.0, 0.2, 0.6, 0.7, 0.75, 1.2}) {
      Nodes c;
      c.v = {{"p", v}, {"n", 0.0}, {"x", x}};
      c.v["pw"] = pw->evaluate(c).value;
      c.v["wset"] = wset->evaluate(c).value;
      c.v["wreset"] = wreset->evaluate(c).value;
      const double exported = rate->evaluate(c).value;
      const double builtin = devices::TaoxGroup::rate_at(tp, v, x).dxdt;
      EXPECT_NEAR(exported, builtin, 1e-12 * std::fabs(builtin) + 1e-300)
          << "v = " << v << ", x = " << x;
    }
}

// m= is the number of parallel copies wherever SPICE honours it.
TEST(Descriptor, MultiplierMeansParallelCopies) {
  auto current = [](const std::string& deck) {
    session::Session s = session::Session::from_deck(netlist::parse_deck_text(deck, "t.sp").deck);
    EXPECT_TRUE(s.ok()) << s.format_diagnostics();
    EXPECT_TRUE(s.solve().ok);
    return -s.read(s.probe("i(v1)"));
  };
  EXPECT_NEAR(current("r\nv1 a 0 1\nr1 a 0 1k m=2\n.op\n"), 2e-3, 1e-18);
  EXPECT_NEAR(current("r\nv1 a 0 1\nr1 a 0 r=1k m=4\n.op\n"), 4e-3, 1e-18);
  const double one = current("d\n.model dd d (is=1e-14 rs=10)\nv1 a 0 0.7\nd1 a 0 dd\n.op\n");
  const double three = current("d\n.model dd d (is=1e-14 rs=10)\nv1 a 0 0.7\nd1 a 0 dd m=3\n.op\n");
  const double area3 = current("d\n.model dd d (is=1e-14 rs=10)\nv1 a 0 0.7\nd1 a 0 dd 3\n.op\n");
  EXPECT_GT(three, 2.5 * one);
  EXPECT_NEAR(three, area3, 1e-12 * area3);
  // An inductor's m divides L: two parallel coils take twice the current of one under the same
  // voltage step (through 1 µΩ, τ = L/R ≫ the 100 ns simulated).
  auto coil_current = [](const std::string& m) {
    session::Session l = session::Session::from_deck(
        netlist::parse_deck_text("l\nv1 a 0 pwl(0 0 1n 1)\nr1 a b 1u\nl1 b 0 1u" + m + "\n.end\n",
                                 "t.sp")
            .deck);
    session::Outcome out = l.tran(1e-9, 101e-9);
    EXPECT_TRUE(out.status.ok) << l.format_diagnostics();
    const auto& sig = out.results.signals;
    const size_t col = std::find(sig.begin(), sig.end(), "i(l1)") - sig.begin();
    return out.results.rows.empty() || col == sig.size() ? 0.0 : out.results.rows.back()[col];
  };
  const double single = coil_current(""), doubled = coil_current(" m=2");
  EXPECT_NEAR(single, 0.1005, 1e-7);  // ∫v/L dt = 100.5 ns · 1 V / 1 µH
  EXPECT_NEAR(doubled / single, 2.0, 1e-6);
}

// Every model and instance parameter is checked against the descriptor's table.
TEST(Descriptor, ParametersAreCheckedAgainstTheTable) {
  auto diagnostics = [](const std::string& deck) {
    session::Session s = session::Session::from_deck(netlist::parse_deck_text(deck, "t.sp").deck);
    return s.format_diagnostics();
  };
  const std::string typo = diagnostics("d\n.model dd d (iss=1e-14)\nv1 a 0 0.7\nd1 a 0 dd\n.op\n");
  EXPECT_NE(typo.find("t.sp:2:1: warning: model dd: unknown model parameter 'iss' for diode "
                      "(valid: is n rs bv ibv cjo vj m fc tt level"),
            std::string::npos)
      << typo;
  const std::string unmodelled =
      diagnostics("d\n.model dd d (ikf=0.1)\nv1 a 0 0.7\nd1 a 0 dd\n.op\n");
  EXPECT_NE(unmodelled.find("model parameter 'ikf' of diode is not modelled by xbspice: ignored"),
            std::string::npos)
      << unmodelled;
  // At its default it changes nothing: no word.
  EXPECT_EQ(diagnostics("d\n.model dd d (ikf=0 cj0=1p)\nv1 a 0 0.7\nd1 a 0 dd\n.op\n"), "");
  const std::string level = diagnostics("d\n.model dd d (level=3)\nv1 a 0 0.7\nd1 a 0 dd\n.op\n");
  EXPECT_NE(level.find("error: element d1: level = 3 is out of range [1, 1]"), std::string::npos)
      << level;
  const std::string instance = diagnostics("r\nv1 a 0 1\nr1 a 0 1k tc3=1\n.op\n");
  EXPECT_NE(instance.find("t.sp:3:1: warning: element r1: unknown instance parameter 'tc3' for "
                          "resistor (valid: r tc1 tc2 m"),
            std::string::npos)
      << instance;
  // A model parameter on the instance line is in the wrong place.
  const std::string place = diagnostics("d\n.model dd d\nv1 a 0 0.7\nd1 a 0 dd is=1e-15\n.op\n");
  EXPECT_NE(place.find("unknown instance parameter 'is' for diode"), std::string::npos) << place;
}

// What ngspice decks write either works as there or is named as unsupported.
TEST(Descriptor, DialectFormsWorkOrAreNamed) {
  auto diagnostics = [](const std::string& deck) {
    session::Session s = session::Session::from_deck(netlist::parse_deck_text(deck, "t.sp").deck);
    return s.format_diagnostics();
  };
  // A resistor's model gives its value (RSH over the default 10 µm square), and a resistance
  // that reads node voltages becomes a behavioural source: both run (decks in tests/decks/
  // resistor check them against ngspice). A capacitor's model is still named unsupported.
  session::Session rmod = session::Session::from_deck(
      netlist::parse_deck_text("r\n.model rmod r (rsh=100)\nv1 1 0 1\nr1 1 0 rmod\n.op\n", "t.sp")
          .deck);
  ASSERT_TRUE(rmod.ok()) << rmod.format_diagnostics();
  ASSERT_TRUE(rmod.solve().ok);
  EXPECT_NEAR(rmod.read(rmod.probe("i(v1)")), -1.0 / 100, 1e-15);
  session::Session vr = session::Session::from_deck(
      netlist::parse_deck_text("r\nv1 1 0 1\nvq q 0 0.5\nr1 1 0 R='100*V(q)+50'\n.op\n", "t.sp")
          .deck);
  ASSERT_TRUE(vr.ok()) << vr.format_diagnostics();
  ASSERT_TRUE(vr.solve().ok);
  EXPECT_NEAR(vr.read(vr.probe("i(v1)")), -1.0 / 100, 1e-15);
  EXPECT_NE(diagnostics("c\n.model cm c (cj=1m)\nv1 1 0 1\nc1 1 0 cm\n.op\n")
                .find("t.sp:4:1: error: element c1 takes its value from model 'cm': models of "
                      "C and L (.model cm c) are not simulated yet"),
            std::string::npos);
  // SINE (LTspice) is SIN; DISTOF1/2 are read and set aside; µ is micro.
  session::Session sine = session::Session::from_deck(
      netlist::parse_deck_text("s\nv1 a 0 Sine(0 1 1k) distof1 0.5 0\nr1 a 0 1k\nc1 a 0 1\xC2\xB5"
                               "F\n.end\n",
                               "t.sp")
          .deck);
  ASSERT_TRUE(sine.ok()) << sine.format_diagnostics();
  session::Outcome out = sine.tran(10e-6, 250e-6);
  ASSERT_TRUE(out.status.ok) << out.status.message;
  const auto& sig = out.results.signals;
  const size_t va = std::find(sig.begin(), sig.end(), "v(a)") - sig.begin();
  ASSERT_LT(va, sig.size());
  for (const auto& row : out.results.rows)
    EXPECT_NEAR(row[va], std::sin(2 * M_PI * 1e3 * row[0]), 1e-12) << "t = " << row[0];
  // The capacitor read 1 µF: −i(v1) = v/1k + C·dv/dt, the second term 6.3 mA at its peak
  // (the integration's error far below the 1 % that a wrong prefix would be off by 1e6).
  const size_t iv = std::find(sig.begin(), sig.end(), "i(v1)") - sig.begin();
  ASSERT_LT(iv, sig.size());
  const double w = 2 * M_PI * 1e3;
  for (size_t k = 5; k < out.results.rows.size(); ++k) {
    const double t = out.results.rows[k][0];
    EXPECT_NEAR(-out.results.rows[k][iv], std::sin(w * t) / 1e3 + 1e-6 * w * std::cos(w * t), 6e-5)
        << "t = " << t;
  }
}

// HSPICE's M on a subcircuit instance: every element inside is that many parallel copies; a
// type that cannot take m refuses it by name.
TEST(Descriptor, SubcircuitMultiplierScalesEveryElement) {
  auto current = [](const std::string& deck) {
    session::Session s = session::Session::from_deck(netlist::parse_deck_text(deck, "t.sp").deck);
    EXPECT_TRUE(s.ok()) << s.format_diagnostics();
    EXPECT_TRUE(s.solve().ok);
    return -s.read(s.probe("i(v1)"));
  };
  const std::string cell =
      ".model gc conductor\n.model tx taox\n.subckt cell a b\nr1 a b 1k\nxg a b gc g=1m\n"
      "xm a b tx x0=0.4\n.ends\n";
  const double one = current("m\n" + cell + "v1 p 0 0.1\nx1 p 0 cell\n.op\n");
  const double three = current("m\n" + cell + "v1 p 0 0.1\nx1 p 0 cell m=3\n.op\n");
  EXPECT_NEAR(three, 3 * one, 1e-15);
  // Nested instances multiply: 2 × 3.
  const std::string nested = cell + ".subckt pair a b\nxc a b cell m=3\n.ends\n";
  EXPECT_NEAR(current("m\n" + nested + "v1 p 0 0.1\nx1 p 0 pair m=2\n.op\n"), 6 * one, 1e-15);
  // Built-in devices take m on their own line too.
  EXPECT_NEAR(current("m\n.model gc conductor\nv1 p 0 1\nx1 p 0 gc g=1m m=4\n.op\n"), 4e-3, 1e-18);
  session::Session refused = session::Session::from_deck(
      netlist::parse_deck_text(
          "m\n.subckt src a b\nvs a q 1\nrs q b 1k\n.ends\nv1 p 0 0\nx1 p 0 src m=2\n.op\n", "t.sp")
          .deck);
  EXPECT_NE(refused.format_diagnostics().find(
                "error: element x1.vs: m= (parallel copies) is not supported for vsource elements"),
            std::string::npos)
      << refused.format_diagnostics();
}
