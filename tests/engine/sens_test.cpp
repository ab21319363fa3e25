// .sens against closed forms (a divider) and against finite differences of the operating point
// itself (a BJT differential pair: each resistance and source moved, the circuit solved again).

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "frontends/session/session.hpp"
#include "netlist/parser.hpp"

using namespace xb;

namespace {

session::Session open_text(const std::string& deck) {
  netlist::ParseResult parsed = netlist::parse_deck_text(deck, "sens.sp");
  EXPECT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
  session::Session s = session::Session::from_deck(std::move(parsed.deck));
  EXPECT_TRUE(s.ok()) << s.format_diagnostics();
  return s;
}

double of(const engine::Results& r, const std::string& name) {
  for (size_t k = 0; k < r.signals.size(); ++k)
    if (r.signals[k] == name) return r.rows[0][k];
  ADD_FAILURE() << "no " << name;
  return NAN;
}

}  // namespace

// v(out) = vin·r2/(r1 + r2): ∂/∂r1 = −vin·r2/(r1 + r2)², ∂/∂r2 = vin·r1/(r1 + r2)², ∂/∂vin = 3/4.
TEST(Sensitivity, DividerIsTheClosedForm) {
  session::Session s = open_text("sens\nvin in 0 10\nr1 in out 1k\nr2 out 0 3k\n.sens v(out)\n");
  const session::Outcome o = s.run(0);
  ASSERT_TRUE(o.status.ok) << o.status.message;
  EXPECT_EQ(o.results.signals, (std::vector<std::string>{"vin", "r1", "r2"}));
  // The central difference's error: (h/R)² = 1e-10 for a resistance, rounding for a source.
  EXPECT_NEAR(of(o.results, "r1"), -10.0 * 3000 / 16e6, 2e-10 * 1.875e-3);
  EXPECT_NEAR(of(o.results, "r2"), 10.0 * 1000 / 16e6, 2e-10 * 6.25e-4);
  EXPECT_NEAR(of(o.results, "vin"), 0.75, 1e-11);
}

// A current output: i(vs) through r1 + r2 from vin: ∂i/∂r1 = −vin/(r1 + r2)².
TEST(Sensitivity, CurrentOutput) {
  session::Session s =
      open_text("sens\nvin in 0 2\nr1 in m 1k\nvs m n 0\nr2 n 0 1k\n.sens i(vs)\n");
  const session::Outcome o = s.run(0);
  ASSERT_TRUE(o.status.ok) << o.status.message;
  EXPECT_NEAR(of(o.results, "r1"), -2.0 / 4e6, 2e-10 * 5e-7);
  EXPECT_NEAR(of(o.results, "vin"), 1.0 / 2000, 1e-14);
}

// ngspice's diffpair (tests/decks/tf): every sensitivity of v(5,4) against re-solving the
// operating point with that value moved by ±1e-4 relative (a central difference), within 1e-5.
TEST(Sensitivity, NonlinearCircuitAgainstReSolving) {
  std::ifstream file(XB_DECKS_DIR "/tf/diffpair_tf.cir");
  std::stringstream text;
  text << file.rdbuf();
  std::string deck = text.str();
  deck.insert(deck.rfind(".end"), ".sens v(5,4)\n");
  session::Session s = open_text(deck);
  const session::Outcome sens = s.run(s.analysis_count() - 1);
  ASSERT_TRUE(sens.status.ok) << sens.status.message;
  const session::ProbeHandle out = s.probe("v(5,4)");
  for (const std::string& name : sens.results.signals) {
    const session::DeviceHandle d = s.device(name);
    const bool source = name[0] == 'v';
    const session::SourceHandle src = source ? s.source(name) : session::SourceHandle{};
    const double value = source ? s.value(src) : s.get_param(d, "r");
    const double h = value != 0 ? 1e-4 * std::fabs(value) : 1e-6;
    auto at = [&](double v) {
      source ? s.set(src, v) : s.set_param(d, "r", v);
      EXPECT_TRUE(s.solve().ok);
      return s.read(out);
    };
    const double fd = (at(value + h) - at(value - h)) / (2 * h);
    at(value);
    EXPECT_NEAR(of(sens.results, name), fd, 1e-5 * std::fabs(fd) + 1e-9) << name;
  }
}
