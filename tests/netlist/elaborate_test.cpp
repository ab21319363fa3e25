#include <gtest/gtest.h>
#include <cmath>

#include "netlist/poly_source.hpp"
#include "test_util.hpp"

using namespace xb::netlist;
using namespace xb::netlist::testing;

TEST(Elaborate, FlattensWithHierarchicalNames) {
  Circuit c = elaborate_ok(
      "t\n.subckt half a b\nR1 a mid 1k\nR2 mid b 1k\n.ends\n"
      ".subckt full in out\nX1 in m half\nX2 m out half\n.ends\n"
      "V1 in 0 1\nXtop in GND full\n");
  EXPECT_TRUE(c.find_element("xtop.x1.r1"));
  EXPECT_TRUE(c.find_element("xtop.x2.r2"));
  EXPECT_TRUE(c.find_node("xtop.m"));
  EXPECT_TRUE(c.find_node("xtop.x1.mid"));
  EXPECT_EQ(c.subckt_instances, 3u);
  const FlatElement* r = c.find_element("xtop.x2.r2");
  EXPECT_TRUE(r->nodes[1].is_ground());  // GND is ground
  EXPECT_EQ(r->instance_path(), "xtop.x2");
  EXPECT_EQ(c.node_names.size(), 5u);  // 0 in xtop.m xtop.x1.mid xtop.x2.mid
}

TEST(Elaborate, ParameterScoping) {
  Circuit c = elaborate_ok(
      "t\n.param g=1 k=10\n"
      ".subckt cell a b params: g=2 h='g*k'\nR1 a b 'g'\nR2 a b 'h'\nR3 a b 'k'\n.ends\n"
      "X1 n 0 cell g=5\nX2 n 0 cell\nV1 n 0 1\n");
  EXPECT_DOUBLE_EQ(c.find_element("x1.r1")->values[0], 5);   // instance
  EXPECT_DOUBLE_EQ(c.find_element("x2.r1")->values[0], 2);   // subckt default
  EXPECT_DOUBLE_EQ(c.find_element("x1.r2")->values[0], 50);  // default uses instance value
  EXPECT_DOUBLE_EQ(c.find_element("x2.r3")->values[0], 10);  // global
}

TEST(Elaborate, GlobalNodesAndLocalModels) {
  Circuit c = elaborate_ok(
      "t\n.global vdd\n.subckt inv in out\n.model nloc nmos vto='vt'\n.param vt=0.4\n"
      "M1 out in 0 0 nloc\nR1 vdd out 1k\n.ends\nVdd vdd 0 1\nX1 a b inv\nX2 b c inv\n"
      "Vin a 0 0\n");
  EXPECT_EQ(c.find_element("x1.r1")->nodes[0], *c.find_node("vdd"));
  EXPECT_EQ(c.models.size(), 2u);  // one copy per instance
  EXPECT_EQ(c.models[c.find_element("x2.m1")->model].name, "x2.nloc");
  EXPECT_DOUBLE_EQ(param_or(c.models[0].params, "vto", 0), 0.4);
}

TEST(Elaborate, ParameterCycleNamed) {
  Diagnostics d;
  const Diagnostic* e = first_error("t\n.param a='b+1' b='c*2' c='a'\nR1 x 0 'a'\nV1 x 0 1\n", d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, "param-cycle");
  EXPECT_NE(e->message.find("a -> b -> c -> a"), std::string::npos) << e->message;
}

TEST(Elaborate, RecursionDetected) {
  Diagnostics d;
  const Diagnostic* e = first_error(
      "t\n.subckt a p\nX1 p b\n.ends\n.subckt b p\nX1 p a\n.ends\nX0 n a\nV1 n 0 1\n", d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->code, "recursive-subckt");
  EXPECT_NE(e->message.find("a -> b -> a"), std::string::npos) << e->message;
  EXPECT_EQ(e->instance_path, "x0.x1");
}

TEST(Elaborate, PortCountAndUnknowns) {
  Diagnostics d;
  EXPECT_EQ(first_error("t\n.subckt s a b\nR1 a b 1\n.ends\nX1 n s\n", d)->code, "port-count");
  EXPECT_EQ(first_error("t\nX1 n 0 nosuch\n", d)->code, "unknown-subckt");
  EXPECT_EQ(first_error("t\nD1 a 0 nosuch\n", d)->code, "unknown-model");
  EXPECT_EQ(first_error("t\nR1 a 0 1\nR1 a 0 2\n", d)->code, "duplicate-element");
  // Subcircuit instances and built-in X devices share the element namespace.
  EXPECT_EQ(first_error("t\n.subckt s a\nR1 a 0 1\n.ends\nX1 n s\nX1 m s\n", d)->code,
            "duplicate-element");
  EXPECT_EQ(first_error("t\nF1 a 0 vx 2\nR1 a 0 1\n", d)->code, "unknown-reference");
  EXPECT_EQ(first_error("t\nR1 a 0 'w*2'\n", d)->code, "undefined-param");
  EXPECT_EQ(first_error("t\n.model m1 nmos\nD1 a 0 m1\n", d)->code, "model-type");
}

TEST(Elaborate, InstanceAndDeviceNamesCollide) {
  ElaborateOptions opt;
  opt.x_device_types = {"taox"};
  Diagnostics d;
  const Diagnostic* e =
      first_error("t\n.model tx taox\n.subckt s a\nR1 a 0 1\n.ends\nX1 n s\nX1 n 0 tx\n", d, opt);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->code, "duplicate-element");
  ASSERT_EQ(e->notes.size(), 1u);
  EXPECT_EQ(e->notes[0].first.line, 6u);  // the instance came first
  // An instance is no element: looking it up finds nothing, its contents are found.
  Circuit ok = elaborate_ok("t\n.subckt s a\nR1 a 0 1\n.ends\nX1 n s\nV1 n 0 1\n");
  EXPECT_EQ(ok.find_element("x1"), nullptr);
  EXPECT_NE(ok.find_element("X1.R1"), nullptr);
}

TEST(Elaborate, XLineInstantiatesBuiltInDevice) {
  ElaborateOptions opt;
  opt.x_device_types = {"taox"};
  Circuit c = elaborate_ok("t\n.model tx taox (gm=0.025)\nX1 p 0 tx x0=0.1\nV1 p 0 1\n", opt);
  const FlatElement* x = c.find_element("x1");
  ASSERT_TRUE(x);
  EXPECT_EQ(c.device_type(*x), "taox");
  EXPECT_DOUBLE_EQ(param_or(x->params, "x0", 0), 0.1);
  Diagnostics d;
  // A SPICE model type is no device for an X line; a type nobody registered is no type at all.
  EXPECT_EQ(first_error("t\n.model q npn\nX1 p 0 q\n", d)->code, "unknown-device");
  Diagnostics d2;
  EXPECT_EQ(first_error("t\n.model tx taox\nX1 p 0 tx\n", d2)->code, "unknown-model-type");
}

TEST(Elaborate, SweepPoints) {
  Circuit c = elaborate_ok(
      "t\n.param rl=1\nV1 a 0 1\nR1 a 0 'rl'\n.dc v1 0 1 0.25 rl poi 3 1 2 3\n.dc v1 dec 2 1 100\n"
      ".dc temp -40 85 62.5\n.data tab v1 rl\n+ 1 2 3 4\n.enddata\n.dc data=tab\n");
  ASSERT_EQ(c.analyses.size(), 4u);
  EXPECT_EQ(c.analyses[0].sweeps[0].points, (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
  EXPECT_EQ(c.analyses[0].sweeps[1].target, FlatSweep::Target::param);
  EXPECT_EQ(c.analyses[0].sweeps[1].points.size(), 3u);
  ASSERT_EQ(c.analyses[1].sweeps[0].points.size(), 5u);
  EXPECT_NEAR(c.analyses[1].sweeps[0].points[1], std::sqrt(10.0), 1e-12);
  EXPECT_EQ(c.analyses[2].sweeps[0].target, FlatSweep::Target::temperature);
  EXPECT_EQ(c.analyses[3].sweeps[0].data_rows.size(), 2u);
}

TEST(Elaborate, ParamOverridesForSweeps) {
  ParseResult r = parse_ok("t\n.param rl=1 r2='2*rl'\nV1 a 0 1\nR1 a 0 'r2'\n");
  ElaborateOptions opt;
  opt.param_overrides["rl"] = 7;
  Diagnostics d;
  Circuit c = elaborate(r.deck, opt, d);
  EXPECT_DOUBLE_EQ(c.find_element("r1")->values[0], 14);
}

TEST(Elaborate, BehaviouralExpressionsBoundAndRenamed) {
  Circuit c = elaborate_ok(
      "t\n.param k=3\n.subckt amp in out\nE1 out 0 VOL='k*v(in)'\n.ends\nX1 a b amp\nV1 a 0 1\n");
  const FlatElement* e = c.find_element("x1.e1");
  ASSERT_EQ(e->expressions.size(), 1u);
  EXPECT_EQ(e->expressions[0].second->text(), "(3 * v(a))");
}

TEST(Elaborate, SweepPointsEdgeCases) {
  std::string err;
  // Found by the fuzzer: a descending DEC sweep used to cast a negative count to size_t.
  std::vector<double> down = sweep_points(Sweep::Kind::dec, 100, 1, 1, err);
  ASSERT_TRUE(err.empty()) << err;
  ASSERT_EQ(down.size(), 3u);
  EXPECT_NEAR(down[1], 10, 1e-12);
  EXPECT_NEAR(down[2], 1, 1e-12);
  EXPECT_EQ(sweep_points(Sweep::Kind::oct, 1, 8, 1, err).size(), 4u);
  EXPECT_EQ(sweep_points(Sweep::Kind::linear_step, 1, 0, 0.5, err).size(), 3u);  // sign follows
  EXPECT_TRUE(sweep_points(Sweep::Kind::linear_step, 0, 1e12, 1e-6, err).empty());
  EXPECT_FALSE(err.empty());
}

TEST(Elaborate, ModelBinningPicksTheBinOfLAndW) {
  Circuit c = elaborate_ok(
      "t\n.model nch.1 nmos lmin=0.1u lmax=1u vto=0.4\n.model nch.2 nmos lmin=1u lmax=10u vto=0.5\n"
      "m1 d g 0 0 nch l=0.5u w=1u\nm2 d g 0 0 nch l=1u w=1u\nvd d 0 1\nvg g 0 1\n");
  EXPECT_EQ(c.models[c.find_element("m1")->model].name, "nch.1");
  EXPECT_EQ(c.models[c.find_element("m2")->model].name, "nch.2");  // lmax is exclusive
}

// SPICE2's coefficient order (poly_source.hpp) and the single-coefficient gain.
TEST(PolySource, CoefficientOrder) {
  EXPECT_EQ(spice_polynomial({"a", "b"}, {"1", "2", "3", "4", "5", "6", "7"}),
            "(1) + (2)*(a) + (3)*(b) + (4)*(a)*(a) + (5)*(a)*(b) + (6)*(b)*(b) + (7)*(a)*(a)*(a)");
  EXPECT_EQ(spice_polynomial({"a", "b", "c"}, {"0", "0", "0", "0", "4", "5", "6", "7", "8", "9"}),
            "(0) + (0)*(a) + (0)*(b) + (0)*(c) + (4)*(a)*(a) + (5)*(a)*(b) + (6)*(a)*(c) + "
            "(7)*(b)*(b) + (8)*(b)*(c) + (9)*(c)*(c)");
  EXPECT_EQ(spice_polynomial({"v(a,0)"}, {"2m"}), "(2m)*(v(a,0))");
  EXPECT_EQ(spice_polynomial({"x"}, {"1", "2"}), "(1) + (2)*(x)");
}

// POLY E/G/F/H become B sources reading the controlling voltages or currents, renamed in
// subcircuits; the value at the deck's operating point is the polynomial's.
TEST(PolySource, BecomesABehaviouralSource) {
  const Circuit c = elaborate_ok(
      "t\n.param k=3\nv1 a 0 2\nv2 b 0 1\nra a 0 1\nrb b 0 1\n"
      "e1 o 0 poly(2) a 0 b 0 1 2 {k}\nro o 0 1\n"
      ".subckt s in out\nvs in m 0\nrm m 0 1\nh1 out 0 poly(1) vs 0 5\nro out 0 1\n.ends\n"
      "x1 a q s\nf1 0 p poly(1) v1 0 2 4\nrp p 0 1\n");
  const FlatElement* e = c.find_element("e1");
  ASSERT_EQ(e->kind, 'b');
  ASSERT_EQ(e->expressions.size(), 1u);
  EXPECT_EQ(e->expressions[0].first, "v");
  EXPECT_EQ(e->nodes.size(), 2u);
  struct Volts : EvalContext {
    std::optional<double> param(std::string_view) const override { return std::nullopt; }
    std::optional<double> voltage(std::string_view a, std::string_view) const override {
      return a == "a" ? 2.0 : 1.0;
    }
    std::optional<double> current(std::string_view) const override { return -0.5; }
  } volts;
  EXPECT_DOUBLE_EQ(e->expressions[0].second->evaluate(volts).value, 1 + 2 * 2 + 3 * 1);
  const FlatElement* h = c.find_element("x1.h1");
  EXPECT_EQ(h->expressions[0].first, "v");
  EXPECT_NE(h->expressions[0].second->text().find("i(x1.vs)"), std::string::npos);
  EXPECT_DOUBLE_EQ(h->expressions[0].second->evaluate(volts).value, 5 * -0.5);
  const FlatElement* f = c.find_element("f1");
  EXPECT_EQ(f->expressions[0].first, "i");
  EXPECT_DOUBLE_EQ(f->expressions[0].second->evaluate(volts).value, 2 + 4 * -0.5);
}
