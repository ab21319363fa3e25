// Pathological input: each case must end with a clear error or success, in bounded time and
// memory, never a crash. Timing targets live in bench/, not here.

#include <gtest/gtest.h>

#include <string>

#include "netlist/elaborate.hpp"
#include "netlist/parser.hpp"

using namespace xb::netlist;

TEST(Stress, MillionElementDeck) {
  std::string text = "million\nV1 n0 0 1\n";
  text.reserve(32u << 20);
  for (int i = 0; i < 1'000'000; ++i)
    text +=
        "R" + std::to_string(i) + " n" + std::to_string(i) + " n" + std::to_string(i + 1) + " 1k\n";
  text += "R_end n1000000 0 1k\n.op\n.end\n";
  ParseResult r = parse_deck_text(text, "million.sp");
  ASSERT_TRUE(r.ok());
  Diagnostics d;
  Circuit c = elaborate(r.deck, {}, d);
  ASSERT_FALSE(d.has_errors());
  EXPECT_EQ(c.elements.size(), 1'000'002u);
  EXPECT_EQ(c.node_names.size(), 1'000'002u);
}

TEST(Stress, FiftyMegabyteSingleLine) {
  // One element line with a 50 MB tail of 37 M tokens: refused with a clear error.
  std::string text = "long\nR1 a 0 1";
  while (text.size() < (50u << 20)) text += " p=1";
  text += "\n";
  ParseResult r = parse_deck_text(text, "long.sp");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics.items()[0].code, "too-large");
  EXPECT_EQ(r.diagnostics.items()[0].loc.line, 2u);
}

TEST(Stress, FiftyMegabyteNodeName) {
  std::string text = "long name\nR1 " + std::string(50u << 20, 'n') + " 0 1\n";
  ParseResult r = parse_deck_text(text, "n.sp");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.deck.elements[0].nodes[0].size(), 50u << 20);
}

TEST(Stress, FiftyMegabyteCommentLine) {
  std::string text = "long comment\n* " + std::string(50u << 20, 'x') + "\nR1 a 0 1\n";
  ParseResult r = parse_deck_text(text, "c.sp");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.deck.elements.size(), 1u);
}

TEST(Stress, FiftyMegabyteGarbageLineReportsCaretNearError) {
  std::string text = "garbage\nR1 a 0 '" + std::string(50u << 20, '(') + "'\n";
  ParseResult r = parse_deck_text(text, "g.sp");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics.items()[0].code, "expression-depth");
  std::string msg = r.diagnostics.format(*r.deck.sources);
  EXPECT_LT(msg.size(), 2000u);  // the quoted line is cut around the column
}

TEST(Stress, TenThousandDeepParentheses) {
  std::string expr = std::string(10000, '(') + "1" + std::string(10000, ')');
  ParseResult r = parse_deck_text("deep\n.param p='" + expr + "'\nR1 a 0 'p'\n", "deep.sp");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics.items()[0].code, "expression-depth");
  EXPECT_EQ(r.diagnostics.items()[0].loc.line, 2u);
}

TEST(Stress, RandomBytesNeverCrash) {
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  const std::string alphabet = "rcvixe.()='{}+*-/ \n\tabc012$;\"kmu,:!?^";
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    size_t len = next() % 400;
    for (size_t i = 0; i < len; ++i)
      text +=
          (next() % 10 == 0) ? static_cast<char>(next() % 256) : alphabet[next() % alphabet.size()];
    ParseResult r = parse_deck_text(text, "fuzz.sp");
    if (r.ok()) {
      Diagnostics d;
      elaborate(r.deck, {}, d);
    }
  }
  SUCCEED();
}
