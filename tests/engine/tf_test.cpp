// .tf against closed forms: dividers driven by V and I sources, voltage and current outputs,
// a diode's small-signal resistance at its operating point; and the errors.

#include <gtest/gtest.h>

#include <cmath>

#include "frontends/session/session.hpp"
#include "netlist/parser.hpp"

using namespace xb;

namespace {

struct Tf {
  double gain = 0, zout = 0, zin = 0;
  std::vector<std::string> names;
};

Tf run_tf(const std::string& deck) {
  netlist::ParseResult parsed = netlist::parse_deck_text(deck, "tf.sp");
  EXPECT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
  session::Session s = session::Session::from_deck(std::move(parsed.deck));
  EXPECT_TRUE(s.ok()) << s.format_diagnostics();
  const session::Outcome out = s.run(0);
  EXPECT_TRUE(out.status.ok) << out.status.message;
  Tf t;
  t.names = out.results.signals;
  const std::vector<double>& row = out.results.rows.at(0);
  t.gain = row[0];
  for (size_t k = 1; k < 3; ++k)
    (t.names[k].find("input") != std::string::npos ? t.zin : t.zout) = row[k];
  return t;
}

}  // namespace

// vin - 1k - out - 3k - 0, and 6k from out to 0: 2k below out.
TEST(TransferFunction, VoltageDividerFromAVSource) {
  const Tf t = run_tf("tf\nvin in 0 5\nr1 in out 1k\nr2 out 0 3k\nr3 out 0 6k\n.tf v(out) vin\n");
  EXPECT_NEAR(t.gain, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(t.zin, 3000, 1e-9);
  EXPECT_NEAR(t.zout, 1000.0 * 2000 / 3000, 1e-9);  // 1k ∥ 2k
  EXPECT_EQ(t.names, (std::vector<std::string>{"transfer_function", "output_impedance_at_v(out)",
                                               "vin#input_impedance"}));
}

// 1 mA into a: a 2k resistor to b, b to ground through 1k; v(a,b) per ampere is 2k, the input
// sees 3k; between a and b only the 2k (the I source is open).
TEST(TransferFunction, DifferentialOutputFromAnISource) {
  const Tf t = run_tf("tf\ni1 0 a 1m\nra a b 2k\nrb b 0 1k\n.tf v(a,b) i1\n");
  EXPECT_NEAR(t.gain, 2000, 1e-9);
  EXPECT_NEAR(t.zin, 3000, 1e-9);
  EXPECT_NEAR(t.zout, 2000, 1e-9);
  EXPECT_EQ(t.names[1], "i1#input_impedance");  // ngspice's order: by name
}

// The current through a 0 V sense source, vin/(r1 + r2) per volt. SPICE3's output impedance
// for a current output is 1/di of a unit step of the sense source, 1e20 when di is not
// positive, as here (di = −1/3k): ngspice 39 prints 1e20 too.
TEST(TransferFunction, CurrentOutputThroughASenseSource) {
  const Tf t = run_tf("tf\nvin in 0 1\nr1 in m 1k\nvs m n 0\nr2 n 0 2k\n.tf i(vs) vin\n");
  EXPECT_NEAR(t.gain, 1.0 / 3000, 1e-15);
  EXPECT_NEAR(t.zin, 3000, 1e-9);
  EXPECT_EQ(t.zout, 1e20);
  EXPECT_EQ(t.names[2], "vs#output_impedance");
}

// A diode biased by 1 mA through 1k from 5 V: the small-signal resistance n·Vt/Id.
TEST(TransferFunction, LinearisedAtTheOperatingPoint) {
  const Tf t =
      run_tf("tf\n.model dx d is=1e-14 n=1\nvin in 0 5\nr1 in a 4.3k\nd1 a 0 dx\n.tf v(a) vin\n");
  const double vt = 1.380649e-23 * 300.15 / 1.602176634e-19;
  // Id from the operating point: (5 − vd)/4.3k with vd = vt·ln(Id/is + 1), solved by iteration.
  double id = 1e-3;
  for (int k = 0; k < 50; ++k) id = (5 - vt * std::log(id / 1e-14 + 1)) / 4300;
  const double rd = vt / (id + 1e-14);
  EXPECT_NEAR(t.gain, rd / (rd + 4300), 1e-6 * t.gain);
  EXPECT_NEAR(t.zout, rd * 4300 / (rd + 4300), 1e-6 * t.zout);
  EXPECT_NEAR(t.zin, rd + 4300, 1e-6 * t.zin);
}

TEST(TransferFunction, BadOutputsAndInputsAreErrors) {
  for (const char* bad : {".tf v(nowhere) vin\n", ".tf v(out) r1\n", ".tf i(r1) vin\n",
                          ".tf out vin\n", ".tf v(out)\n"}) {
    netlist::ParseResult parsed = netlist::parse_deck_text(
        std::string("tf\nvin in 0 1\nr1 in out 1k\nr2 out 0 1k\n") + bad, "tf.sp");
    if (!parsed.ok()) {  // a syntax error, reported by the parser at .tf
      EXPECT_EQ(parsed.diagnostics.items().front().loc.line, 5u) << bad;
      continue;
    }
    session::Session s = session::Session::from_deck(std::move(parsed.deck));
    EXPECT_FALSE(s.ok()) << bad;
  }
}
