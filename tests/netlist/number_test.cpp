#include "netlist/number.hpp"

#include <gtest/gtest.h>

using xb::netlist::parse_number;

TEST(Number, PlainAndExponent) {
  EXPECT_DOUBLE_EQ(*parse_number("1"), 1);
  EXPECT_DOUBLE_EQ(*parse_number("-2.5"), -2.5);
  EXPECT_DOUBLE_EQ(*parse_number(".5"), 0.5);
  EXPECT_DOUBLE_EQ(*parse_number("5."), 5);
  EXPECT_DOUBLE_EQ(*parse_number("+1e-3"), 1e-3);
  EXPECT_DOUBLE_EQ(*parse_number("2E3"), 2000);
}

TEST(Number, ScaleSuffixes) {
  EXPECT_DOUBLE_EQ(*parse_number("1t"), 1e12);
  EXPECT_DOUBLE_EQ(*parse_number("1g"), 1e9);
  EXPECT_DOUBLE_EQ(*parse_number("1meg"), 1e6);
  EXPECT_DOUBLE_EQ(*parse_number("1MEG"), 1e6);
  EXPECT_DOUBLE_EQ(*parse_number("2x"), 2e6);
  EXPECT_DOUBLE_EQ(*parse_number("10k"), 1e4);
  EXPECT_DOUBLE_EQ(*parse_number("1mil"), 25.4e-6);
  EXPECT_DOUBLE_EQ(*parse_number("3m"), 3e-3);
  EXPECT_DOUBLE_EQ(*parse_number("3M"), 3e-3);  // M is milli in SPICE
  EXPECT_DOUBLE_EQ(*parse_number("2.2u"), 2.2e-6);
  EXPECT_DOUBLE_EQ(*parse_number("7n"), 7e-9);
  EXPECT_DOUBLE_EQ(*parse_number("4p"), 4e-12);
  EXPECT_DOUBLE_EQ(*parse_number("1f"), 1e-15);
  EXPECT_DOUBLE_EQ(*parse_number("1a"), 1e-18);
}

TEST(Number, UnitLettersIgnored) {
  EXPECT_DOUBLE_EQ(*parse_number("10kohm"), 1e4);
  EXPECT_DOUBLE_EQ(*parse_number("5v"), 5);
  EXPECT_DOUBLE_EQ(*parse_number("1.5ns"), 1.5e-9);
  EXPECT_DOUBLE_EQ(*parse_number("1nn"), 1e-9);
  EXPECT_DOUBLE_EQ(*parse_number("1fF"), 1e-15);
  EXPECT_DOUBLE_EQ(*parse_number("3.3volts"), 3.3);
  EXPECT_DOUBLE_EQ(*parse_number("1e-3v"), 1e-3);
  EXPECT_DOUBLE_EQ(*parse_number("100megohm"), 1e8);
}

TEST(Number, NotNumbers) {
  EXPECT_FALSE(parse_number("abc"));
  EXPECT_FALSE(parse_number(""));
  EXPECT_FALSE(parse_number("1.2.3"));
  EXPECT_FALSE(parse_number("1_a"));
  EXPECT_FALSE(parse_number("-"));
  EXPECT_FALSE(parse_number("n1"));
}

// The micro sign in UTF-8 (µ U+00B5, Greek μ U+03BC) is u, unit letters may follow.
TEST(Number, MicroSignIsMicro) {
  EXPECT_DOUBLE_EQ(*parse_number("1\xC2\xB5"), 1e-6);
  EXPECT_DOUBLE_EQ(*parse_number("4.7\xC2\xB5"
                                 "F"),
                   4.7e-6);
  EXPECT_DOUBLE_EQ(*parse_number("2\xCE\xBC"
                                 "s"),
                   2e-6);
  EXPECT_FALSE(parse_number("1\xC2"));  // half a character is not a number
}
