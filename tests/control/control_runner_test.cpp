// .control blocks run on a Session: printed values against closed forms (a 3k/1k divider,
// an RC charging curve), loops and jumps, files written, and errors that name the command.

#include "frontends/control/control_runner.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "netlist/parser.hpp"

using namespace xb;

namespace {

struct Ran {
  control::ControlOutcome outcome;
  std::string out;
};

Ran run(const std::string& deck) {
  netlist::ParseResult parsed = netlist::parse_deck_text(deck, "t.sp");
  EXPECT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
  session::Session s = session::Session::from_deck(std::move(parsed.deck));
  std::ostringstream out;
  Ran r{control::run_control(s, out), ""};
  r.out = out.str();
  return r;
}

const char* kDivider = "divider\nv1 a 0 1\nr1 a b 3k\nr2 b 0 1k\n.dc v1 0 1 0.5\n";

}  // namespace

TEST(ControlRunner, OperatingPointPrintAndLet) {
  const Ran r = run(std::string(kDivider) +
                    ".control\nop\nprint v(b) i(v1)\nlet p = -v(a) * i(v1)\necho p is $&p\n"
                    "print p\n.endc\n");
  ASSERT_TRUE(r.outcome.ok) << r.outcome.error;
  EXPECT_EQ(r.out, "v(b) = 2.500000e-01\ni(v1) = -2.500000e-04\np is 0.00025\np = 2.500000e-04\n");
}

TEST(ControlRunner, DeckAnalysesByRunAndVectorFunctions) {
  const Ran r = run(std::string(kDivider) +
                    ".control\nrun\nprint mean(v(b)) length(v(b)) vecmax(v(b))\n.endc\n");
  ASSERT_TRUE(r.outcome.ok) << r.outcome.error;
  EXPECT_EQ(r.out,
            "mean(v(b)) = 1.250000e-01\nlength(v(b)) = 3.000000e+00\n"
            "vecmax(v(b)) = 2.500000e-01\n");
  EXPECT_EQ(r.outcome.analyses_run, 1u);
}

TEST(ControlRunner, AlterInLoopsAndJumps) {
  // v(b) = R2 / (3k + R2) for R2 = 1k, 3k; then a while loop and a backward goto.
  const Ran r = run(std::string(kDivider) +
                    ".control\nforeach r 1k 3k\n  alter r2 = $r\n  op\n  print v(b)\nend\n"
                    "let k = 0\nwhile k < 3\n  let k = k + 1\n  if k = 2\n    continue\n  end\n"
                    "  echo k $&k\nend\nlet n = 0\nlabel again\nlet n = n + 1\n"
                    "if n < 4\n  goto again\nend\necho n $&n\n.endc\n");
  ASSERT_TRUE(r.outcome.ok) << r.outcome.error;
  EXPECT_EQ(r.out, "v(b) = 2.500000e-01\nv(b) = 5.000000e-01\nk 1\nk 3\nn 4\n");
}

TEST(ControlRunner, AlterparamTakesEffectAtReset) {
  const Ran r =
      run("p\n.param rb=1k\nv1 a 0 1\nr1 a b 3k\nr2 b 0 {rb}\n.control\nalterparam rb = 9k\nop\n"
          "print v(b)\nreset\nop\nprint v(b)\nprint @r2[r]\n.endc\n");
  ASSERT_TRUE(r.outcome.ok) << r.outcome.error;
  EXPECT_EQ(r.out, "v(b) = 2.500000e-01\nv(b) = 7.500000e-01\n@r2[r] = 9.000000e+03\n");
}

TEST(ControlRunner, TransientMeasureAndWrdata) {
  // RC = 1 ms: v(c) = 1 - exp(-t / RC); meas finds the 50 % time RC ln 2.
  const std::string path = testing::TempDir() + "control_rc.txt";
  const Ran r =
      run("rc\nv1 in 0 pwl(0 0 1n 1)\nr1 in c 1k\nc1 c 0 1u\n.control\n"
          "tran 10u 5m\nmeas tran t50 when v(c)=0.5 rise=1\nlet err = abs(t50 - 1m*ln(2))\n"
          "if err < 2u\n  echo close\nend\nset wr_vecnames\nset wr_singlescale\n"
          "wrdata " +
          path + " v(c)\n.endc\n");
  ASSERT_TRUE(r.outcome.ok) << r.outcome.error;
  EXPECT_NE(r.out.find("t50 = 6.93"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("close"), std::string::npos) << r.out;
  std::ifstream in(path);
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header, " time            v(c)           ");
  double t = 0, v = 0, last_t = 0, last_v = 0;
  while (in >> t >> v) last_t = t, last_v = v;
  EXPECT_DOUBLE_EQ(last_t, 5e-3);
  EXPECT_NEAR(last_v, 1 - std::exp(-5.0), 2e-3);
  std::remove(path.c_str());
}

TEST(ControlRunner, UnsupportedCommandIsAnErrorAtItsLine) {
  const Ran r =
      run(std::string(kDivider) + ".control\nop\nprint v(b)\nfourier 1k v(b)\necho never\n.endc\n");
  EXPECT_FALSE(r.outcome.ok);
  EXPECT_EQ(r.outcome.loc.line, 9u);
  EXPECT_NE(r.outcome.error.find("'fourier'"), std::string::npos) << r.outcome.error;
  EXPECT_EQ(r.out, "");  // found before anything runs
  // An error while running keeps what ran before it.
  const Ran late = run(std::string(kDivider) + ".control\nop\nprint v(b)\nprint v(b)/0\n.endc\n");
  EXPECT_FALSE(late.outcome.ok);
  EXPECT_NE(late.outcome.error.find("division by zero"), std::string::npos) << late.outcome.error;
  EXPECT_EQ(late.out, "v(b) = 2.500000e-01\n");
  const Ran bad = run(std::string(kDivider) + ".control\nlet x = v(nosuch)\n.endc\n");
  EXPECT_FALSE(bad.outcome.ok);
  EXPECT_NE(bad.outcome.error.find("no vector 'v(nosuch)'"), std::string::npos)
      << bad.outcome.error;
  const Ran open_block = run(std::string(kDivider) + ".control\nforeach x 1 2\necho $x\n.endc\n");
  EXPECT_FALSE(open_block.outcome.ok);
  EXPECT_NE(open_block.outcome.error.find("'foreach' has no 'end'"), std::string::npos);
}

TEST(ControlRunner, AnalysisFailureIsASimulationFailure) {
  const Ran r = run("float\nv1 a 0 1\nr1 a b 1k\nc1 b c 1p\n.control\nop\n.endc\n");
  EXPECT_FALSE(r.outcome.ok);
  EXPECT_EQ(r.outcome.loc.line, 6u);
  EXPECT_NE(r.outcome.error.find(".op failed"), std::string::npos) << r.outcome.error;
}
