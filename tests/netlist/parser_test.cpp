#include <gtest/gtest.h>

#include "test_util.hpp"

using namespace xb::netlist;
using namespace xb::netlist::testing;

TEST(Parser, ElementsOfEveryKind) {
  auto r = parse_ok(
      "kinds\n"
      "R1 a b 1k tc=1e-3,2e-6\n"
      "C1 a 0 1p ic=0.5\n"
      "L1 a b 1u\n"
      "L2 c 0 2u\n"
      "K1 L1 L2 0.9\n"
      "V1 a 0 DC 1 AC 1 90 PULSE(0 1 1n 1n 1n 5n 10n)\n"
      "I1 0 b 1m\n"
      "E1 o 0 a b 10\n"
      "E2 p 0 VOL='v(a)*2' MAX=5\n"
      "G1 o 0 a b 1m\n"
      "G2 o 0 CUR='v(a)/1k'\n"
      "F1 o 0 V1 2\n"
      "H1 o 0 V1 100\n"
      "B1 o 0 V={v(a)+1}\n"
      "D1 a 0 dmod 2\n"
      "M1 d g s b nch W=1u L=0.1u\n"
      "Q1 c bb e npn1\n"
      "J1 d g s jm\n"
      "X1 a b sub w=2\n"
      ".model dmod d is=1e-14\n.model nch nmos level=1 vto=0.5\n"
      ".model npn1 npn\n.model jm njf\n");
  const auto& e = r.deck.elements;
  ASSERT_EQ(e.size(), 19u);
  EXPECT_EQ(e[0].name, "r1");
  EXPECT_DOUBLE_EQ(e[0].values[0].number, 1e3);
  EXPECT_EQ(e[0].params[0].name, "tc1");
  EXPECT_DOUBLE_EQ(e[0].params[1].value.number, 2e-6);
  EXPECT_EQ(e[4].refs, (std::vector<std::string>{"l1", "l2"}));
  EXPECT_DOUBLE_EQ(e[5].source->dc->number, 1);
  EXPECT_DOUBLE_EQ(e[5].source->ac_phase->number, 90);
  EXPECT_EQ(e[5].source->function, SourceFunction::pulse);
  EXPECT_EQ(e[5].source->args.size(), 7u);
  EXPECT_DOUBLE_EQ(e[6].source->dc->number, 1e-3);
  EXPECT_EQ(e[7].nodes.size(), 4u);
  EXPECT_EQ(e[8].params[0].name, "vol");
  EXPECT_TRUE(e[8].params[0].value.expr->refers_to_circuit());
  EXPECT_EQ(e[11].refs[0], "v1");
  EXPECT_EQ(e[14].model, "dmod");
  EXPECT_DOUBLE_EQ(e[14].values[0].number, 2);
  EXPECT_EQ(e[15].nodes, (std::vector<std::string>{"d", "g", "s", "b"}));
  EXPECT_EQ(e[15].model, "nch");
  EXPECT_EQ(e[16].nodes.size(), 3u);
  EXPECT_EQ(e[16].model, "npn1");
  EXPECT_EQ(e[18].model, "sub");
  EXPECT_EQ(e[18].nodes.size(), 2u);
}

TEST(Parser, SourcesWithoutParenthesesAndPwlOptions) {
  auto r =
      parse_ok("t\nV1 a 0 pwl 0 0 1n 1 2n 0 r=1n td=5n\nV2 b 0 sin 0 1 1meg\nvd vdd 0 dc = 3.3\n");
  const auto& e = r.deck.elements;
  EXPECT_EQ(e[0].source->args.size(), 6u);
  ASSERT_EQ(e[0].source->options.size(), 2u);
  EXPECT_EQ(e[0].source->options[1].name, "td");
  EXPECT_DOUBLE_EQ(e[0].source->options[1].value.number, 5e-9);
  EXPECT_EQ(e[1].source->function, SourceFunction::sin);
  EXPECT_DOUBLE_EQ(e[1].source->args[2].number, 1e6);
  EXPECT_DOUBLE_EQ(e[2].source->dc->number, 3.3);
}

TEST(Parser, StatementsAreKept) {
  auto r = parse_ok(
      "stmts\n"
      ".param a=1 b='a*2' c={b+1}\n"
      ".option post=2 nomod reltol=1e-4 method=gear\n"
      ".temp 25 85\n"
      ".global vdd\n"
      ".ic v(a)=1 V(b) = 0.5\n"
      ".nodeset v(c)=0.2\n"
      ".op\n"
      ".dc v1 0 1 0.1 v2 lin 3 0 2\n"
      ".tran 1n 100n 0 1n uic\n"
      ".ac dec 10 1 1meg\n"
      ".print dc v(a) v(a,b) i(v1) par('v(a)*2')\n"
      ".probe v(*)\n"
      ".measure tran tdelay trig v(a) val=0.5 rise=1 targ v(b) val=0.5 fall=1\n"
      ".hdl \"taox.va\"\n"
      ".data d1 x y\n+ 1 2\n+ 3 4\n.enddata\n"
      "V1 a 0 1\nV2 b 0 1\nR1 a b 1\nR2 b c 1\nR3 c 0 1\n");
  const Deck& d = r.deck;
  EXPECT_EQ(d.params.size(), 3u);
  EXPECT_EQ(d.options.size(), 4u);
  EXPECT_EQ(d.temperatures.size(), 2u);
  EXPECT_EQ(d.globals[0].name, "vdd");
  EXPECT_EQ(d.initial_conditions.size(), 2u);
  EXPECT_DOUBLE_EQ(d.initial_conditions[1].value.number, 0.5);
  ASSERT_EQ(d.analyses.size(), 4u);
  EXPECT_EQ(d.analyses[1].sweeps.size(), 2u);
  EXPECT_EQ(d.analyses[1].sweeps[1].kind, Sweep::Kind::lin);
  EXPECT_TRUE(d.analyses[2].uic);
  EXPECT_TRUE(d.analyses[2].has_tmax);
  EXPECT_EQ(d.analyses[3].ac_frequencies.kind, Sweep::Kind::dec);
  ASSERT_EQ(d.prints.size(), 2u);
  EXPECT_EQ(d.prints[0].outputs.size(), 4u);
  EXPECT_EQ(d.prints[0].outputs[1].args, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(d.prints[0].outputs[3].expr);
  EXPECT_EQ(d.prints[1].analysis, "ac");  // HSPICE: the last analysis before it
  EXPECT_EQ(d.measures[0].name, "tdelay");
  EXPECT_EQ(d.hdl_files[0].name, "taox.va");
  ASSERT_EQ(d.data.size(), 1u);
  EXPECT_EQ(d.data[0].columns, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(d.data[0].rows.size(), 2u);
}

TEST(Parser, SubcircuitsWithAndWithoutParamsKeyword) {
  auto r = parse_ok(
      "t\n.subckt inv in out params: wn=1u\nR1 in out 1\n.ends inv\n"
      ".SUBCKT buf a b wp=2u\n.subckt inner x y\nR1 x y 1\n.ends\nX1 a b inner\n.ENDS\n");
  ASSERT_EQ(r.deck.subckts.size(), 2u);
  EXPECT_EQ(r.deck.subckts[0].defaults[0].name, "wn");
  EXPECT_EQ(r.deck.subckts[1].defaults[0].name, "wp");
  EXPECT_EQ(r.deck.subckts[1].body.subckts.size(), 1u);
}

TEST(Parser, AlterBlocksAndEnd) {
  auto r = parse_ok(
      "t\n.param r=1\nR1 a 0 r\nV1 a 0 1\n.op\n.alter\n.param r=2\n.alter second\nR1 a 0 5\n"
      ".end\nthis is ignored after .end\n");
  ASSERT_EQ(r.deck.alters.size(), 2u);
  EXPECT_EQ(r.deck.alters[1].title, "second");
  Deck second = apply_alter(r.deck, 1);
  EXPECT_DOUBLE_EQ(second.params[0].value.number, 2);  // alters accumulate
  EXPECT_DOUBLE_EQ(second.elements[0].values[0].number, 5);
}

TEST(Parser, UnquotedExpressionsInParams) {
  auto r = parse_ok("t\n.param l=1u w = max(l, 2*l) x=l*3 y=-2\n");
  ASSERT_EQ(r.deck.params.size(), 4u);
  ASSERT_TRUE(r.deck.params[1].value.expr);
  EXPECT_EQ(r.deck.params[2].name, "x");
  EXPECT_DOUBLE_EQ(r.deck.params[3].value.number, -2);
}

TEST(Parser, ReportsEveryError) {
  ParseResult r = parse_deck_text("t\nR1 a\nY1 a b\nV1 a 0 pulse(0 1\n.model\nR2 a b 'x\n", "t.sp");
  EXPECT_EQ(r.diagnostics.error_count(), 5u) << r.diagnostics.format(*r.deck.sources);
  std::string text = r.diagnostics.format(*r.deck.sources);
  EXPECT_NE(text.find("t.sp:3:1: error: element y1: lossy transmission lines (Y, ngspice's TXL) "
                      "are not simulated by xbspice"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("    Y1 a b\n    ^\n"), std::string::npos) << text;
}

TEST(Parser, EmptyFileAndTitleOnly) {
  ParseResult empty = parse_deck_text("", "empty.sp");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.diagnostics.items()[0].code, "empty-deck");
  EXPECT_EQ(empty.diagnostics.items()[0].loc.line, 1u);
  ParseResult title = parse_deck_text("just a title\n", "title.sp");
  EXPECT_TRUE(title.ok());
  EXPECT_EQ(title.deck.title, "just a title");
  EXPECT_TRUE(title.deck.elements.empty());
}

TEST(Parser, IncludeChainInMessages) {
  ParseResult r = parse_deck_file(std::string(XB_DECKS_DIR) + "/malformed/include_loop.sp");
  ASSERT_FALSE(r.ok());
  std::string text = r.diagnostics.format(*r.deck.sources);
  EXPECT_NE(text.find("note: included from"), std::string::npos) << text;
  EXPECT_NE(text.find("include_loop.sp:3:1"), std::string::npos) << text;
}

// ngspice lets a B source's unquoted expression run to the end of the line, blanks and signs
// included; braced and quoted forms stay single tokens.
TEST(Parser, BehaviouralSourceExpressionRunsToEndOfLine) {
  auto r = parse_ok(
      "b sources\n"
      "B1 x 0 v = v(a)*v(a) +1\n"
      "B2 y 0 I=-2 * v(a, b) - 3m\n"
      "B3 z 0 v={v(a)}\n");
  const auto& e = r.deck.elements;
  ASSERT_EQ(e.size(), 3u);
  ASSERT_EQ(e[0].params.size(), 1u);
  EXPECT_EQ(e[0].params[0].name, "v");
  ASSERT_TRUE(e[0].params[0].value.expr);
  EXPECT_EQ(e[0].params[0].value.expr->text(), "v(a)*v(a)+1");
  EXPECT_EQ(e[1].params[0].name, "i");
  EXPECT_EQ(e[1].params[0].value.expr->text(), "-2*v(a,b)-3m");
  EXPECT_EQ(e[2].params[0].value.expr->text(), "v(a)");
}

// SPICE2 model cards write "name value" without '=' (ngspice reads them so); flags stay flags.
TEST(Parser, Spice2ModelParametersWithoutEquals) {
  auto r = parse_ok(
      "s2\n.model n1 nmos(vto 0.77 kp 4.9e-5 level 2 nonoise)\n"
      ".model d1 d is 1e-14 n=1.5 rs '2*5'\n");
  const auto& m = r.deck.models;
  ASSERT_EQ(m.size(), 2u);
  ASSERT_EQ(m[0].params.size(), 4u);
  EXPECT_EQ(m[0].params[0].name, "vto");
  EXPECT_DOUBLE_EQ(m[0].params[0].value.number, 0.77);
  EXPECT_EQ(m[0].params[1].name, "kp");
  EXPECT_DOUBLE_EQ(m[0].params[1].value.number, 4.9e-5);
  EXPECT_EQ(m[0].params[2].name, "level");
  EXPECT_DOUBLE_EQ(m[0].params[2].value.number, 2);
  EXPECT_EQ(m[0].params[3].name, "nonoise");
  EXPECT_DOUBLE_EQ(m[0].params[3].value.number, 1);
  ASSERT_EQ(m[1].params.size(), 3u);
  EXPECT_DOUBLE_EQ(m[1].params[0].value.number, 1e-14);
  EXPECT_DOUBLE_EQ(m[1].params[1].value.number, 1.5);
  EXPECT_EQ(m[1].params[2].name, "rs");
  EXPECT_TRUE(m[1].params[2].value.is_expression());
}
