#include "netlist/deck_writer.hpp"

#include <gtest/gtest.h>

#include <numbers>
#include <sstream>

#include "test_util.hpp"

using namespace xb::netlist;
using namespace xb::netlist::testing;

namespace {

const char* kDeck =
    "round trip\n"
    ".param w=2u\n"
    ".subckt cell a b params: g=1m\nR1 a b '1/g'\n.ends\n"
    ".model dm d (is=1e-14 n=1.5)\n"
    "V1 in 0 dc 1 ac 1 pwl(0 0 1n 1) r td=2n\n"
    "R1 in out 1k tc1=0.001\nC1 out 0 1.5p\nD1 out 0 dm\nX1 out 0 cell g='w*1e3'\n"
    "E1 e 0 VOL='2*v(out)'\nE2 f 0 in 0 3\nK1 L1 L2 0.5\nL1 in 0 1u\nL2 out 0 1u\n"
    ".data t1 w\n+ 1u\n+ 2u\n.enddata\n"
    ".ic v(out)=0.1\n.op\n.dc V1 0 1 0.1 sweep w poi 2 1u 2u\n.tran 1n 10n\n"
    ".print dc v(out) i(v1)\n.option post=2\n.temp 27\n.alter\n.param w=3u\n.end\n";

std::string write(const Deck& d, DeckDialect dialect) {
  std::ostringstream out;
  write_deck(d, dialect, out);
  return out.str();
}

}  // namespace

TEST(DeckWriter, RoundTripIsAFixedPoint) {
  for (DeckDialect dialect : {DeckDialect::hspice, DeckDialect::ngspice}) {
    ParseResult first = parse_ok(kDeck);
    std::string once = write(first.deck, dialect);
    ParseResult second = parse_ok(once);
    std::string twice = write(second.deck, dialect);
    EXPECT_EQ(once, twice);
    EXPECT_EQ(second.deck.elements.size(), first.deck.elements.size());
    EXPECT_EQ(second.deck.alters.size(), 1u);
    // The circuits elaborate to the same values.
    Diagnostics d1, d2;
    Circuit c1 = elaborate(first.deck, {}, d1), c2 = elaborate(second.deck, {}, d2);
    ASSERT_FALSE(d2.has_errors()) << d2.format(*second.deck.sources);
    EXPECT_DOUBLE_EQ(c2.find_element("x1.r1")->values[0], c1.find_element("x1.r1")->values[0]);
    EXPECT_EQ(c2.node_names, c1.node_names);
  }
}

TEST(DeckWriter, DialectQuoting) {
  ParseResult r = parse_ok("t\n.param a=1\nR1 x 0 'a*2'\n");
  EXPECT_NE(write(r.deck, DeckDialect::hspice).find("r1 x 0 'a*2'"), std::string::npos);
  EXPECT_NE(write(r.deck, DeckDialect::ngspice).find("r1 x 0 {(a * 2)}"), std::string::npos);
}

// For ngspice, functions it lacks or reads differently are rewritten; the rewritten text,
// parsed back here, has the original's value.
TEST(DeckWriter, NgspiceRewritesFunctionsItLacks) {
  for (const char* expr :
       {"if(1, 2, 3)", "if(0, 2, 3)", "sign(2, -1)", "sign(-2, 1)", "sign(-3)", "limit(5, 0, 1)",
        "limit(-5, 1, 0)", "limit(0.5, 0, 1)", "atan2(1, 1)", "atan2(1, -1)", "atan2(-1, -1)",
        "atan2(-1, 0)", "atan2(0, 1)", "2^3 - -1 * pwr(-2, 2)"}) {
    ParseResult r = parse_ok(std::string("t\n.param p='") + expr + "'\nr1 x 0 'p'\n");
    const std::string text = write(r.deck, DeckDialect::ngspice);
    const size_t at = text.find(".param p={") + 10;
    const std::string rewritten = text.substr(at, text.find("}\n", at) - at);
    EXPECT_EQ(rewritten.find("if("), std::string::npos) << rewritten;
    EXPECT_EQ(rewritten.find("atan2"), std::string::npos) << rewritten;
    Diagnostics d;
    ExprPtr a = Expression::parse(expr, {}, d);
    ExprPtr b = Expression::parse(rewritten, {}, d);
    ASSERT_TRUE(a && b) << rewritten;
    struct Pi : EvalContext {
      std::optional<double> param(std::string_view n) const override {
        if (n == "pi") return std::numbers::pi;
        return std::nullopt;
      }
    } pi;
    EXPECT_NEAR(b->evaluate(pi).value, a->evaluate(pi).value, 1e-15) << expr << " -> " << rewritten;
  }
}

TEST(DeckWriter, BuilderMadeDeckWritesAndParses) {
  Deck d;
  d.title = "built";
  Element v;
  v.name = "v1";
  v.kind = 'v';
  v.nodes = {"a", "0"};
  SourceSpec spec;
  spec.dc = Value::of(0.1);
  v.source = std::make_shared<SourceSpec>(spec);
  Element r;
  r.name = "r1";
  r.kind = 'r';
  r.nodes = {"a", "0"};
  r.values = {Value::of(1e3)};
  d.elements = {v, r};
  Analysis op;
  d.analyses.push_back(op);
  Circuit c = elaborate_ok(write(d, DeckDialect::hspice));
  EXPECT_DOUBLE_EQ(c.find_element("r1")->values[0], 1e3);
  EXPECT_DOUBLE_EQ(*c.find_element("v1")->source->dc, 0.1);
}

TEST(DeckWriter, SubcircuitNamedLikeAKeyword) {
  // Found by the fuzzer: an X line calling a subcircuit named "opamp" crashed the writer.
  ParseResult r = parse_ok("t\n.subckt opamp a\nr1 a 0 1\n.ends\nxl n opamp\nv1 n 0 1\n");
  std::string text = write(r.deck, DeckDialect::hspice);
  EXPECT_NE(text.find("xl n opamp\n"), std::string::npos) << text;
  Circuit c = elaborate_ok(text);
  EXPECT_TRUE(c.find_element("xl.r1"));
}
