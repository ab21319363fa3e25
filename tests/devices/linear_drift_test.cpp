// The linear ion-drift memristor against closed forms: the Strukov/Joglekar state under a
// constant current is a logistic curve for window exponent p = 1, and v = I·R(x) at every
// point.

#include <gtest/gtest.h>

#include <cmath>

#include "frontends/session/session.hpp"
#include "netlist/parser.hpp"

using namespace xb;

namespace {

// dx/dt = k·I·4x(1 − x)  ⇒  x(t) = 1 / (1 + (1 − x0)/x0 · e^(−4kIt)),  k = µv·Ron/D².
double logistic(double x0, double k, double current, double t) {
  return 1 / (1 + (1 - x0) / x0 * std::exp(-4 * k * current * t));
}

}  // namespace

TEST(LinearDrift, ConstantCurrentFollowsTheLogisticCurve) {
  const char* deck =
      "hp\n.model hp linear_drift (ron=100 roff=16k d=10n uv=1e-14 p=1)\n"
      ".option reltol=1e-6\ni1 0 a 10m\nx1 a 0 hp x0=0.1\n.tran 20u 8m\n.end\n";
  session::Session s = session::Session::from_deck(netlist::parse_deck_text(deck, "t.sp").deck);
  ASSERT_TRUE(s.ok()) << s.format_diagnostics();
  session::Outcome out = s.tran(20e-6, 8e-3);
  ASSERT_TRUE(out.status.ok) << out.status.message;
  const auto& sig = out.results.signals;
  const size_t cx = std::find(sig.begin(), sig.end(), "v(x1.x)") - sig.begin();
  const size_t ca = std::find(sig.begin(), sig.end(), "v(a)") - sig.begin();
  ASSERT_LT(cx, sig.size());
  ASSERT_LT(ca, sig.size());
  const double k = 1e-14 * 100 / (10e-9 * 10e-9);
  double worst = 0;
  for (const auto& row : out.results.rows) {
    const double t = row[0], x = row[cx];
    worst = std::max(worst, std::fabs(x - logistic(0.1, k, 10e-3, t)));
    EXPECT_NEAR(row[ca], 10e-3 * (100 * x + 16e3 * (1 - x)), 1e-9 * row[ca]) << "t = " << t;
  }
  EXPECT_LT(worst, 1e-5);  // of a state that moves from 0.1 to 0.73
  EXPECT_NEAR(out.results.rows.back()[cx], logistic(0.1, k, 10e-3, 8e-3), 1e-5);
  // The state the current left is the state the next operating point holds.
  EXPECT_NEAR(s.state(s.device("x1")), out.results.rows.back()[cx], 1e-15);
}

TEST(LinearDrift, WindowExponentMustBeWhole) {
  session::Session s = session::Session::from_deck(
      netlist::parse_deck_text("hp\n.model hp linear_drift (p=1.5)\nv1 a 0 1\nx1 a 0 hp\n.op\n",
                               "t.sp")
          .deck);
  EXPECT_NE(s.format_diagnostics().find("t.sp:4:1: error: element x1: linear_drift p= (the window "
                                        "exponent) must be a whole number"),
            std::string::npos)
      << s.format_diagnostics();
}
