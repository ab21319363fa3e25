#include "netlist/expression.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <tuple>

#include "netlist/expression_gradient.hpp"

using namespace xb::netlist;

namespace {

struct MapContext : EvalContext {
  std::map<std::string, double, std::less<>> values;
  std::optional<double> param(std::string_view n) const override {
    auto it = values.find(n);
    if (it == values.end()) return std::nullopt;
    return it->second;
  }
};

double eval(const std::string& text, const MapContext& ctx = {}) {
  Diagnostics d;
  ExprPtr e = Expression::parse(text, {}, d);
  EXPECT_TRUE(e) << text << ": " << (d.items().empty() ? "" : d.items()[0].message);
  if (!e) return NAN;
  EvalResult r = e->evaluate(ctx);
  EXPECT_TRUE(r.ok()) << r.error;
  return r.value;
}

std::string error_code(const std::string& text) {
  Diagnostics d;
  ExprPtr e = Expression::parse(text, {}, d);
  EXPECT_FALSE(e) << text;
  return d.items().empty() ? "" : d.items()[0].code;
}

}  // namespace

TEST(Expression, ArithmeticAndPrecedence) {
  EXPECT_DOUBLE_EQ(eval("1 + 2 * 3"), 7);
  EXPECT_DOUBLE_EQ(eval("(1 + 2) * 3"), 9);
  EXPECT_DOUBLE_EQ(eval("2 ** 3 ** 2"), 512);  // right-associative
  EXPECT_DOUBLE_EQ(eval("2^10"), 1024);
  EXPECT_DOUBLE_EQ(eval("-2**2"), -4);
  EXPECT_DOUBLE_EQ(eval("2**-1"), 0.5);
  EXPECT_DOUBLE_EQ(eval("7 % 4"), 3);
  EXPECT_DOUBLE_EQ(eval("10/4"), 2.5);
  EXPECT_DOUBLE_EQ(eval("1k*2u"), 2e-3);
  EXPECT_DOUBLE_EQ(eval("1meg/1e6"), 1);
}

TEST(Expression, ComparisonsLogicTernary) {
  EXPECT_DOUBLE_EQ(eval("3 > 2"), 1);
  EXPECT_DOUBLE_EQ(eval("3 <= 2"), 0);
  EXPECT_DOUBLE_EQ(eval("2 == 2 && 1 != 1"), 0);
  EXPECT_DOUBLE_EQ(eval("0 || 5"), 1);
  EXPECT_DOUBLE_EQ(eval("!0"), 1);
  EXPECT_DOUBLE_EQ(eval("1 < 2 ? 10 : 20"), 10);
  EXPECT_DOUBLE_EQ(eval("0 ? 1 : 0 ? 2 : 3"), 3);
}

TEST(Expression, Functions) {
  EXPECT_DOUBLE_EQ(eval("sqrt(16)"), 4);
  EXPECT_DOUBLE_EQ(eval("exp(0)"), 1);
  EXPECT_DOUBLE_EQ(eval("log(exp(2))"), 2);
  EXPECT_DOUBLE_EQ(eval("ln(exp(3))"), 3);
  EXPECT_DOUBLE_EQ(eval("log10(1000)"), 3);
  EXPECT_DOUBLE_EQ(eval("pow(2, 0.5)"), std::sqrt(2.0));
  EXPECT_DOUBLE_EQ(eval("pow(-2, 3.7)"), -8);  // integer part of y for x < 0 (HSPICE)
  EXPECT_DOUBLE_EQ(eval("pwr(-4, 0.5)"), -2);
  EXPECT_DOUBLE_EQ(eval("abs(-3)"), 3);
  EXPECT_DOUBLE_EQ(eval("sgn(-3)"), -1);
  EXPECT_DOUBLE_EQ(eval("sign(3, -1)"), -3);
  EXPECT_DOUBLE_EQ(eval("sin(0) + cos(0) + tan(0)"), 1);
  EXPECT_DOUBLE_EQ(eval("asin(1)"), M_PI / 2);
  EXPECT_DOUBLE_EQ(eval("acos(1)"), 0);
  EXPECT_DOUBLE_EQ(eval("atan(1)"), M_PI / 4);
  EXPECT_DOUBLE_EQ(eval("atan2(1, -1)"), 3 * M_PI / 4);
  EXPECT_DOUBLE_EQ(eval("sinh(1)"), std::sinh(1.0));
  EXPECT_DOUBLE_EQ(eval("cosh(1)"), std::cosh(1.0));
  EXPECT_DOUBLE_EQ(eval("tanh(0.5)"), std::tanh(0.5));
  EXPECT_DOUBLE_EQ(eval("asinh(1)"), std::log(1 + std::sqrt(2.0)));
  EXPECT_DOUBLE_EQ(eval("acosh(2)"), std::log(2 + std::sqrt(3.0)));
  EXPECT_DOUBLE_EQ(eval("atanh(0.5)"), 0.5 * std::log(3.0));
  EXPECT_DOUBLE_EQ(eval("arctan(1)"), M_PI / 4);
  EXPECT_DOUBLE_EQ(eval("nint(2.5) + nint(3.5) + nint(-2.5)"), 2 + 4 - 2);  // halves to even
  EXPECT_DOUBLE_EQ(eval("sqr(-3)"), 9);
  EXPECT_DOUBLE_EQ(eval("u(-1) + 10*u(0) + 100*u(2)"), 105);  // u(0) = 0.5, as ngspice
  EXPECT_DOUBLE_EQ(eval("u2(-1) + u2(0.25) + u2(3)"), 1.25);
  EXPECT_DOUBLE_EQ(eval("uramp(-2) + uramp(2)"), 2);
  EXPECT_DOUBLE_EQ(eval("min(3, 1, 2)"), 1);
  EXPECT_DOUBLE_EQ(eval("max(3, 1)"), 3);
  EXPECT_DOUBLE_EQ(eval("floor(-1.5)"), -2);
  EXPECT_DOUBLE_EQ(eval("ceil(1.2)"), 2);
  EXPECT_DOUBLE_EQ(eval("int(-1.7)"), -1);
  EXPECT_DOUBLE_EQ(eval("limit(5, 0, 3)"), 3);
  EXPECT_DOUBLE_EQ(eval("limit(-5, 0, 3)"), 0);
  EXPECT_DOUBLE_EQ(eval("if(1 > 0, 4, 5)"), 4);
  EXPECT_DOUBLE_EQ(eval("pi"), M_PI);
  EXPECT_DOUBLE_EQ(eval("SQRT(4)"), 2);  // case-insensitive
}

TEST(Expression, Parameters) {
  MapContext ctx;
  ctx.values = {{"w", 2e-6}, {"l", 1e-6}, {"pi", 3}};
  EXPECT_DOUBLE_EQ(eval("W/L", ctx), 2);
  EXPECT_DOUBLE_EQ(eval("pi", ctx), 3);  // a user parameter wins over the constant
  Diagnostics d;
  ExprPtr e = Expression::parse("w*k2", {}, d);
  ASSERT_TRUE(e);
  EvalResult r = e->evaluate(ctx);
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("k2"), std::string::npos);
  EXPECT_EQ(e->parameter_names(), (std::vector<std::string>{"w", "k2"}));
}

TEST(Expression, CircuitReferences) {
  Diagnostics d;
  ExprPtr e = Expression::parse("V(a, B) * 2 + i(Vs) + time", {}, d);
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->refers_to_circuit());
  MapContext ctx;
  EXPECT_FALSE(e->evaluate(ctx).ok());
}

TEST(Expression, Errors) {
  EXPECT_EQ(error_code("1 +"), "expression");
  EXPECT_EQ(error_code("(1 + 2"), "unterminated-paren");
  EXPECT_EQ(error_code("1 + 2)"), "expression");
  // A name not among the built-in functions is a user function (.func), looked up where the
  // expression is evaluated: without one, that evaluation fails naming it.
  Diagnostics diag;
  ExprPtr call = Expression::parse("foo(1)", SourceLoc{}, diag);
  ASSERT_TRUE(call);
  EXPECT_EQ(call->evaluate(MapContext{}).error, "unknown function 'foo'");
  EXPECT_EQ(error_code("sqrt(1, 2)"), "expression");
  EXPECT_EQ(error_code("1 ? 2"), "expression");
  EXPECT_EQ(error_code(""), "expression");
}

TEST(Expression, ErrorColumnPointsIntoDeck) {
  Diagnostics d;
  Expression::parse("1 + * 2", SourceLoc{FileId{0}, 3, 10}, d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].loc.line, 3u);
  EXPECT_EQ(d.items()[0].loc.col, 14u);
}

TEST(Expression, DeepNestingIsBoundedNotACrash) {
  std::string deep(10000, '(');
  deep += "1";
  deep += std::string(10000, ')');
  EXPECT_EQ(error_code(deep), "expression-depth");
  std::string ok(200, '(');
  ok += "2" + std::string(200, ')');
  EXPECT_DOUBLE_EQ(eval(ok), 2);
  EXPECT_EQ(error_code(std::string(20000, '-') + "1"), "expression-depth");
}

TEST(Expression, BindReplacesParamsAndRenamesNodes) {
  struct Renamer : Expression::Renamer {
    std::string node(std::string_view n) const override { return "x1." + std::string(n); }
    std::string element(std::string_view n) const override { return "x1." + std::string(n); }
  } renamer;
  MapContext ctx;
  ctx.values = {{"gain", 4}};
  Diagnostics d;
  ExprPtr e = Expression::parse("gain*v(in)", {}, d);
  std::string err;
  ExprPtr b = e->bind(ctx, renamer, err);
  ASSERT_TRUE(b) << err;
  EXPECT_EQ(b->text(), "(4 * v(x1.in))");
  Diagnostics d2;
  ExprPtr again = Expression::parse(b->text(), {}, d2);
  ASSERT_TRUE(again);
}

// pwl(x, x1, y1, ...) as ngspice's B sources have it: linear between points and along the end
// segments beyond them (checked against ngspice 39: 0.3 at x = 0 and 0.6 at x = 4 below).
TEST(Expression, PiecewiseLinearTable) {
  const std::string table = ", 1, 0.1, 2, -0.1, 3, 0.25)";
  EXPECT_NEAR(eval("pwl(1" + table), 0.1, 1e-15);
  EXPECT_NEAR(eval("pwl(1.5" + table), 0.0, 1e-15);
  EXPECT_NEAR(eval("pwl(2.5" + table), 0.075, 1e-15);
  EXPECT_NEAR(eval("pwl(3" + table), 0.25, 1e-15);
  EXPECT_NEAR(eval("pwl(0" + table), 0.3, 1e-15);
  EXPECT_NEAR(eval("pwl(4" + table), 0.6, 1e-15);
  EXPECT_EQ(eval("pwl(7, 1, 5)"), 5);
  EXPECT_EQ(error_code("pwl(1, 2, 3, 4)"), error_code("sqrt(1, 2)"));
}

TEST(Expression, PiecewiseLinearGradientIsTheSegmentSlope) {
  Diagnostics d;
  ExpressionGradient g(Expression::parse("pwl(v(a), 0, 1, 2, 5, 3, 2)", {}, d));
  ASSERT_EQ(g.refs().size(), 1u);
  MapContext ctx;
  for (auto [x, value, slope] : {std::tuple{1.0, 3.0, 2.0}, std::tuple{2.5, 3.5, -3.0},
                                 std::tuple{-1.0, -1.0, 2.0}, std::tuple{4.0, -1.0, -3.0}}) {
    double v = 0, dv = 0;
    std::string error;
    ASSERT_TRUE(g.evaluate(&x, ctx, v, &dv, error)) << error;
    EXPECT_NEAR(v, value, 1e-14) << x;
    EXPECT_NEAR(dv, slope, 1e-14) << x;
  }
}

// ngspice's examples write {...} inside quoted expressions as grouping.
TEST(Expression, BracesGroupLikeParentheses) {
  EXPECT_DOUBLE_EQ(eval("2*{3+4}"), 14);
  EXPECT_DOUBLE_EQ(eval("1 > 0 ? {2+3} : {(4)}"), 5);
  Diagnostics d;
  EXPECT_FALSE(Expression::parse("2*{3+4", {}, d));
  EXPECT_FALSE(Expression::parse("2*{3+4)", {}, d));
}
