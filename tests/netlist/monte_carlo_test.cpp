// HSPICE's Monte Carlo functions and SWEEP MONTE=N: the draws, where they are shared, and the
// analysis clause.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "netlist/deck_writer.hpp"
#include "netlist/random_draws.hpp"
#include "test_util.hpp"

using namespace xb::netlist;
using namespace xb::netlist::testing;

namespace {

// Every deviate is `d`: the functions' formulas checked exactly.
class FixedDeviates : public EvalContext {
 public:
  explicit FixedDeviates(std::vector<double> d) : d_(std::move(d)) {}
  std::optional<double> param(std::string_view) const override { return std::nullopt; }
  std::optional<double> random(Deviate) const override { return d_[next_++ % d_.size()]; }

 private:
  std::vector<double> d_;
  mutable size_t next_ = 0;
};

class NoDraws : public EvalContext {
 public:
  std::optional<double> param(std::string_view) const override { return std::nullopt; }
};

double eval(const std::string& text, const EvalContext& ctx) {
  Diagnostics d;
  ExprPtr e = Expression::parse(text, {}, d);
  EXPECT_TRUE(e) << text;
  EvalResult r = e->evaluate(ctx);
  EXPECT_TRUE(r.ok()) << r.error;
  return r.value;
}

double value_of(const Circuit& c, const char* element) {
  return c.find_element(element)->values[0];
}

ElaborateOptions sample(uint64_t k) {
  ElaborateOptions o;
  o.monte_carlo_sample = k;
  return o;
}

}  // namespace

TEST(MonteCarloFunctions, FormulasWithAGivenDeviate) {
  FixedDeviates d({0.5});
  EXPECT_DOUBLE_EQ(eval("agauss(1k, 100, 3)", d), 1000 + 100.0 / 3 * 0.5);
  EXPECT_DOUBLE_EQ(eval("gauss(2, 0.1, 2)", d), 2 * (1 + 0.05 * 0.5));
  EXPECT_DOUBLE_EQ(eval("aunif(1, 0.2)", d), 1.1);
  EXPECT_DOUBLE_EQ(eval("unif(2, 0.1)", d), 2 * 1.05);
  EXPECT_DOUBLE_EQ(eval("limit(1, 0.5)", d), 1.5);  // two arguments: nominal ± avar
  FixedDeviates negative({-0.01});
  EXPECT_DOUBLE_EQ(eval("limit(1, 0.5)", negative), 0.5);
  EXPECT_DOUBLE_EQ(eval("limit(7, 0, 5)", d), 5);  // three: the clamp
}

TEST(MonteCarloFunctions, MultiplierKeepsTheLargestDeviation) {
  FixedDeviates d({0.2, -0.9, 0.4});
  EXPECT_DOUBLE_EQ(eval("agauss(0, 1, 1, 3)", d), -0.9);
  FixedDeviates u({0.3, 0.1});
  EXPECT_DOUBLE_EQ(eval("aunif(10, 2, 2)", u), 10.6);
}

TEST(MonteCarloFunctions, NominalOutsideMonteCarlo) {
  NoDraws none;
  EXPECT_DOUBLE_EQ(eval("agauss(1k, 100, 3)", none), 1000);
  EXPECT_DOUBLE_EQ(eval("unif(2, 0.1) + aunif(1, 1) + limit(3, 1)", none), 6);
}

TEST(MonteCarloFunctions, BadArgumentsAreErrors) {
  Diagnostics d;
  EXPECT_FALSE(Expression::parse("agauss(1, 2)", {}, d));
  EXPECT_FALSE(Expression::parse("unif(1)", {}, d));
  ExprPtr zero_sigma = Expression::parse("agauss(1, 0.1, 0)", {}, d);
  FixedDeviates dev({1});
  EXPECT_NE(zero_sigma->evaluate(dev).error.find("sigma"), std::string::npos);
}

TEST(RandomDraws, SameSeedAndSampleSameNumbers) {
  RandomDraws a(5, 3), b(5, 3), other_sample(5, 4), other_seed(6, 3);
  for (int i = 0; i < 10; ++i) {
    const double x = a.gaussian();
    EXPECT_EQ(x, b.gaussian());
    EXPECT_NE(x, other_sample.gaussian());
    EXPECT_NE(x, other_seed.gaussian());
  }
}

// Moments of 200,000 deviates within 5 standard errors of the distributions' own.
TEST(RandomDraws, MomentsOfTheDistributions) {
  RandomDraws r(1, 1);
  const int n = 200000;
  double sg = 0, sg2 = 0, su = 0, su2 = 0, umin = 1, umax = -1;
  for (int i = 0; i < n; ++i) {
    const double g = r.gaussian(), u = r.uniform();
    sg += g, sg2 += g * g, su += u, su2 += u * u;
    umin = std::min(umin, u), umax = std::max(umax, u);
  }
  const double se = 1 / std::sqrt(n);
  EXPECT_NEAR(sg / n, 0, 5 * se);
  EXPECT_NEAR(sg2 / n, 1, 5 * std::sqrt(2.0) * se);  // var of g² is 2
  EXPECT_NEAR(su / n, 0, 5 * std::sqrt(1 / 3.0) * se);
  EXPECT_NEAR(su2 / n, 1 / 3.0, 5 * std::sqrt(4 / 45.0) * se);  // var of u² is 4/45
  EXPECT_GE(umin, -1);
  EXPECT_LT(umax, 1);
  EXPECT_LT(umin, -0.999);
  EXPECT_GT(umax, 0.999);
}

// HSPICE: a top-level .param draws once per sample (every reference shares it); a value
// written in an element or a subcircuit's .param draws per instance.
const char* kSharing =
    "t\n.param rg=agauss(1k, 100, 1)\n"
    ".subckt cell a b\n.param g=agauss(1m, 0.1m, 1)\nr1 a b '1/g'\n.ends\n"
    "v1 a 0 1\nr1 a 0 'agauss(1k, 100, 1)'\nr2 a 0 'agauss(1k, 100, 1)'\n"
    "r3 a 0 rg\nr4 a 0 'rg'\nx1 a 0 cell\nx2 a 0 cell\n.dc sweep monte=4\n";

TEST(MonteCarloElaboration, SharedAndPerInstanceDraws) {
  const Circuit c = elaborate_ok(kSharing, sample(1));
  EXPECT_EQ(value_of(c, "r3"), value_of(c, "r4"));
  EXPECT_NE(value_of(c, "r1"), value_of(c, "r2"));
  EXPECT_NE(value_of(c, "r1"), value_of(c, "r3"));
  EXPECT_NE(value_of(c, "x1.r1"), value_of(c, "x2.r1"));
  EXPECT_NE(value_of(c, "r3"), 1000);
  EXPECT_TRUE(c.draws_random);
}

TEST(MonteCarloElaboration, SamplesRepeatAndDiffer) {
  const Circuit a = elaborate_ok(kSharing, sample(2));
  const Circuit again = elaborate_ok(kSharing, sample(2));
  const Circuit b = elaborate_ok(kSharing, sample(3));
  EXPECT_EQ(value_of(a, "x2.r1"), value_of(again, "x2.r1"));
  EXPECT_NE(value_of(a, "x2.r1"), value_of(b, "x2.r1"));
}

TEST(MonteCarloElaboration, SeedOptionChangesTheDraws) {
  const Circuit a = elaborate_ok(kSharing, sample(2));
  const Circuit seeded = elaborate_ok(std::string(kSharing) + ".option seed=9\n", sample(2));
  EXPECT_NE(value_of(a, "r1"), value_of(seeded, "r1"));
  Diagnostics keep;
  const Diagnostic* e = first_error(std::string(kSharing) + ".option seed=1.5\n", keep, sample(1));
  ASSERT_TRUE(e);
  EXPECT_NE(e->message.find("seed"), std::string::npos);
}

TEST(MonteCarloElaboration, NominalWithoutASampleAndAWarning) {
  ParseResult r =
      parse_ok("t\n.param rg=agauss(1k, 100, 1)\nv1 a 0 1\nr1 a 0 rg\nr2 a 0 'aunif(5, 1)'\n.op\n");
  Diagnostics d;
  const Circuit c = elaborate(r.deck, {}, d);
  EXPECT_EQ(value_of(c, "r1"), 1000);
  EXPECT_EQ(value_of(c, "r2"), 5);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].code, "nominal-values");
}

// A behavioural source draws once when the circuit is built, not at each evaluation.
TEST(MonteCarloElaboration, BehaviouralValuesDrawOnce) {
  const Circuit c =
      elaborate_ok("t\nv1 a 0 1\nb1 b 0 v='v(a) * agauss(2, 0.5, 1)'\nr1 b 0 1\n.op\n", sample(1));
  const FlatElement* b = c.find_element("b1");
  ASSERT_EQ(b->expressions.size(), 1u);
  const std::string text = b->expressions[0].second->text();
  EXPECT_EQ(text.find("agauss"), std::string::npos) << text;
  Diagnostics keep;
  const Diagnostic* e =
      first_error("t\nv1 a 0 1\nb1 b 0 v='agauss(v(a), 0.5, 1)'\nr1 b 0 1\n.op\n", keep, sample(1));
  ASSERT_TRUE(e);
  EXPECT_NE(e->message.find("must be fixed values"), std::string::npos) << e->message;
}

TEST(MonteCarloAnalysis, ParsedOnEveryAnalysis) {
  const Circuit c = elaborate_ok(
      "t\nv1 a 0 1\nr1 a 0 1k\n.dc sweep monte=10\n.dc v1 0 1 0.5 sweep monte=3 firstrun=4\n"
      ".tran 1n 10n sweep monte=5\n.ac dec 1 1 10 sweep monte=2\n.op sweep monte=7\n"
      ".tran 1n 10n monte=6\n");
  ASSERT_EQ(c.analyses.size(), 6u);
  EXPECT_EQ(c.analyses[0].monte_samples, 10u);
  EXPECT_TRUE(c.analyses[0].sweeps.empty());
  EXPECT_EQ(c.analyses[1].monte_samples, 3u);
  EXPECT_EQ(c.analyses[1].monte_first, 4u);
  EXPECT_EQ(c.analyses[1].sweeps.size(), 1u);
  EXPECT_EQ(c.analyses[2].monte_samples, 5u);
  EXPECT_EQ(c.analyses[3].monte_samples, 2u);
  EXPECT_EQ(c.analyses[4].kind, AnalysisKind::dc);  // the operating point per sample
  EXPECT_EQ(c.analyses[4].monte_samples, 7u);
  EXPECT_EQ(c.analyses[5].monte_samples, 6u);
}

TEST(MonteCarloAnalysis, BadCountsAreErrors) {
  Diagnostics keep;
  for (const char* bad :
       {".dc sweep monte=0\n", ".dc sweep monte=2.5\n", ".dc sweep monte=list(1,2)\n",
        ".tran 1n 1u sweep monte=3 firstrun=0\n"}) {
    const Diagnostic* e = first_error(std::string("t\nv1 a 0 1\nr1 a 0 1\n") + bad, keep);
    ASSERT_TRUE(e) << bad;
    EXPECT_NE(e->message.find(std::string(bad).find("list") != std::string::npos    ? "list"
                              : std::string(bad).find("first") != std::string::npos ? "firstrun"
                                                                                    : "monte"),
              std::string::npos)
        << e->message;
  }
}

TEST(MonteCarloAnalysis, WrittenBackForHspice) {
  ParseResult r = parse_ok(
      "t\nv1 a 0 1\nr1 a 0 1k\n.dc v1 0 1 0.5 sweep monte=3 firstrun=4\n"
      ".tran 1n 10n sweep monte=5\n");
  std::ostringstream out;
  write_deck(r.deck, DeckDialect::hspice, out);
  EXPECT_NE(out.str().find(".dc v1 0 1 0.5 sweep monte=3 firstrun=4"), std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find(" sweep monte=5\n"), std::string::npos) << out.str();
}
