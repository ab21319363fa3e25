// The control language's vector expressions against values worked by hand.

#include "frontends/control/vector_expression.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

using namespace xb::control;

namespace {

const std::map<std::string, Vector> kVectors = {
    {"v(out)", {1, 2, 3, 4}}, {"i(v1)", {-1e-3}}, {"time", {0, 1, 2, 3}}, {"v(a)", {5}}};

Vector eval(const std::string& text) {
  return evaluate(
      text,
      [](std::string_view name) -> std::optional<Vector> {
        if (auto it = kVectors.find(std::string(name)); it != kVectors.end()) return it->second;
        if (auto it = kVectors.find("v(" + std::string(name) + ")"); it != kVectors.end())
          return it->second;
        return std::nullopt;
      },
      [] { return kVectors.at("time"); });
}

double scalar(const std::string& text) {
  const Vector v = eval(text);
  EXPECT_EQ(v.size(), 1u) << text;
  return v.empty() ? NAN : v[0];
}

}  // namespace

TEST(VectorExpression, ArithmeticBroadcastsScalars) {
  EXPECT_EQ(eval("v(out) * 2 + 1"), (Vector{3, 5, 7, 9}));
  EXPECT_EQ(eval("out - v(out)"), (Vector{0, 0, 0, 0}));
  EXPECT_DOUBLE_EQ(scalar("2 ^ 3 ^ 2"), 512);  // right-associative
  EXPECT_DOUBLE_EQ(scalar("-2 ^ 2"), -4);      // ^ binds tighter than a sign, as in ngspice
  EXPECT_DOUBLE_EQ(scalar("2 ^ -1"), 0.5);
  EXPECT_DOUBLE_EQ(scalar("10k / 4 % 3"), 1);  // SPICE suffixes; 2500 mod 3
  EXPECT_DOUBLE_EQ(scalar("v(out, a)[1]"), -3);
  EXPECT_DOUBLE_EQ(scalar("i(v1)"), -1e-3);
}

TEST(VectorExpression, ComparisonsAndLogic) {
  EXPECT_EQ(eval("v(out) > 2"), (Vector{0, 0, 1, 1}));
  EXPECT_DOUBLE_EQ(scalar("3 >< 4"), 1);
  EXPECT_DOUBLE_EQ(scalar("3 <> 3"), 0);
  EXPECT_DOUBLE_EQ(scalar("3 ge 3 and 2 lt 1"), 0);
  EXPECT_DOUBLE_EQ(scalar("~0 | 0"), 1);
  EXPECT_DOUBLE_EQ(scalar("0 ? 5 : 6"), 6);
  EXPECT_EQ(eval("1 ? v(out) : 6").size(), 4u);
}

TEST(VectorExpression, Functions) {
  EXPECT_DOUBLE_EQ(scalar("mean(v(out))"), 2.5);
  EXPECT_DOUBLE_EQ(scalar("length(v(out))"), 4);
  EXPECT_DOUBLE_EQ(scalar("vecmax(v(out)) - vecmin(v(out))"), 3);
  EXPECT_DOUBLE_EQ(scalar("db(10)"), 20);
  EXPECT_DOUBLE_EQ(scalar("log10(1000)"), 3);
  EXPECT_DOUBLE_EQ(scalar("log(exp(3))"), 3);  // ngspice 39's log is natural
  EXPECT_DOUBLE_EQ(scalar("ln(exp(2))"), 2);
  EXPECT_EQ(eval("vector(3)"), (Vector{0, 1, 2}));
  EXPECT_EQ(eval("3 * unitvec(2)"), (Vector{3, 3}));
  // d(t^2)/dt by central differences is exact inside; the integral of 1 is t.
  EXPECT_EQ(eval("deriv(time * time)"), (Vector{1, 2, 4, 5}));
  EXPECT_EQ(eval("integ(unitvec(4))"), (Vector{0, 1, 2, 3}));
}

TEST(VectorExpression, ComplexVectorsOfAnAcPlot) {
  // z = 3 + 4j at one point: magnitude 5, phase atan2(4, 3), 20·log10(5) dB.
  const Vector z = Vector({3.0, 0.0}, {4.0, 1.0});
  auto lookup = [&](std::string_view name) -> std::optional<Vector> {
    if (name == "v(out)") return z;
    return std::nullopt;
  };
  auto ev = [&](const std::string& text) { return evaluate(text, lookup); };
  EXPECT_EQ(ev("mag(v(out))"), (Vector{5.0, 1.0}));
  EXPECT_DOUBLE_EQ(ev("ph(v(out))")[0], std::atan2(4.0, 3.0));
  EXPECT_DOUBLE_EQ(ev("db(v(out))")[0], 20 * std::log10(5.0));
  const Vector product = ev("v(out) * j(1)");  // (3 + 4j)·j = -4 + 3j
  ASSERT_TRUE(product.is_complex());
  EXPECT_EQ(product.at(0), Complex(-4, 3));
  EXPECT_EQ(ev("v(out)[1]").at(0), Complex(0, 1));
  EXPECT_TRUE(ev("real(v(out))") == (Vector{3.0, 0.0}));
  EXPECT_EQ(ev("imag(v(out))"), (Vector{4.0, 1.0}));
  EXPECT_DOUBLE_EQ(ev("vecmax(v(out))")[0], 5);  // by magnitude
  EXPECT_EQ(ev("mean(v(out))").at(0), Complex(1.5, 2.5));
  EXPECT_EQ(ev("v(out) > 1"), (Vector{1, 0}));  // comparisons read real parts
  EXPECT_EQ(ev("1 / (1 + j(1))").at(0), Complex(0.5, -0.5));
}

TEST(VectorExpression, UserFunctionsBindTheirParameters) {
  const UserFunction square{{"x"}, "x * x"};
  const UserFunction pick{{"a", "b", "d"}, "a ? b : d"};
  const Vector v = evaluate(
      "sq(out) + pick(0, 1, 7)",
      [](std::string_view name) -> std::optional<Vector> {
        if (name == "out") return Vector{3};
        return std::nullopt;
      },
      {},
      [&](std::string_view name) -> const UserFunction* {
        return name == "sq" ? &square : name == "pick" ? &pick : nullptr;
      });
  EXPECT_EQ(v, (Vector{16}));
}

TEST(VectorExpression, ErrorsNameTheColumn) {
  try {
    eval("v(out) + nosuch");
    FAIL();
  } catch (const ExpressionError& e) {
    EXPECT_EQ(e.column, 9u);
    EXPECT_NE(std::string(e.what()).find("no vector 'nosuch'"), std::string::npos);
  }
  EXPECT_THROW(eval("foo(1)"), ExpressionError);
  EXPECT_THROW(eval("v(out)[7]"), ExpressionError);
  EXPECT_THROW(eval("(1 + 2"), ExpressionError);
  EXPECT_THROW(eval("1 2"), ExpressionError);
}

TEST(VectorExpression, ListsSplitAsNgspiceDoes) {
  const std::vector<ListedExpression> l = split_expressions("v(a) - v(b)  out  i(v1)*2");
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(l[0].text, "v(a) - v(b)");
  EXPECT_EQ(l[1].text, "out");
  EXPECT_EQ(l[2].text, "i(v1)*2");
  EXPECT_EQ(l[2].column, 18u);
}
