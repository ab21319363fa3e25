// The 1T1M cell as a pair (frontends/crossbar/access_pair): the state found for a current makes
// the pair carry that current, and currents no state carries are refused.

#include "frontends/crossbar/access_pair.hpp"

#include <gtest/gtest.h>

using namespace xb::crossbar;

TEST(AccessPair, StateCarriesTheAskedCurrent) {
  AccessPair pair(1.8);
  ASSERT_EQ(pair.error(), "");
  // Row and column voltages as a wired array has them at its calibration input.
  for (auto [v_row, v_col, g] :
       {std::tuple{0.1, 0.0, 2e-4}, std::tuple{0.09, 0.03, 5e-5}, std::tuple{0.07, 0.02, 4e-4}}) {
    const double current = g * (v_row - v_col);
    const std::optional<double> x = pair.state_for(current, v_row, v_col);
    ASSERT_TRUE(x) << v_row << " " << v_col << " " << g;
    EXPECT_GT(*x, 0);
    EXPECT_LT(*x, 1);
    EXPECT_NEAR(pair.current(v_row, v_col, *x), current, 1e-9 * current);
  }
}

TEST(AccessPair, CurrentGrowsWithTheStateAndIsBounded) {
  AccessPair pair(1.8);
  const double off = pair.current(0.1, 0, 0), mid = pair.current(0.1, 0, 0.5),
               on = pair.current(0.1, 0, 1);
  EXPECT_LT(off, mid);
  EXPECT_LT(mid, on);
  // The TaOx alone at x = 1 is Gm = 0.025 S: the transistor in series must bound the pair.
  EXPECT_LT(on, 0.1 * 0.025);
  EXPECT_FALSE(pair.state_for(2 * on, 0.1, 0));     // more than x = 1 carries
  EXPECT_FALSE(pair.state_for(0.5 * off, 0.1, 0));  // less than x = 0 carries
  EXPECT_FALSE(pair.state_for(1.0, 0.1, 0));        // the transistor alone drops more
}
