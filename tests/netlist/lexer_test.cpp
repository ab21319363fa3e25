#include "netlist/lexer.hpp"

#include <gtest/gtest.h>

using namespace xb::netlist;

namespace {

struct Lexed {
  SourceManager sources;
  Diagnostics diag;
  LexedFile file;
  std::vector<std::vector<std::string>> cards;
};

std::unique_ptr<Lexed> lex(const std::string& text, bool title = true) {
  auto l = std::make_unique<Lexed>();
  FileId id = l->sources.add("t.sp", text, {});
  l->file = lex_file(l->sources, id, LexOptions{title}, l->diag);
  for (const CardRange& c : l->file.cards) {
    std::vector<std::string> toks;
    for (uint32_t i = c.begin; i < c.end; ++i) toks.emplace_back(l->file.tokens[i].text);
    l->cards.push_back(toks);
  }
  return l;
}

using Card = std::vector<std::string>;

}  // namespace

TEST(Lexer, TitleCommentsContinuation) {
  auto l = lex(
      "My * title\n* comment\nR1 a b 1k $ inline\n+ tc1=1\n  * indented comment\nC1 a 0 1p ; x\n");
  EXPECT_EQ(l->file.title, "My * title");
  ASSERT_EQ(l->cards.size(), 2u);
  EXPECT_EQ(l->cards[0], (Card{"R1", "a", "b", "1k", "tc1", "=", "1"}));
  EXPECT_EQ(l->cards[1], (Card{"C1", "a", "0", "1p"}));
  EXPECT_FALSE(l->diag.has_errors());
}

TEST(Lexer, DollarInsideNameIsNotComment) {
  auto l = lex("t\nR$1 net$a 0 1\n");
  ASSERT_EQ(l->cards.size(), 1u);
  EXPECT_EQ(l->cards[0], (Card{"R$1", "net$a", "0", "1"}));
}

TEST(Lexer, QuotesBracesAndPunctuation) {
  auto l = lex("t\n.param a='1 + 2' b={3*a}\nV1 x 0 PULSE(0, 1)\n");
  ASSERT_EQ(l->cards.size(), 2u);
  EXPECT_EQ(l->cards[0], (Card{".param", "a", "=", "1 + 2", "b", "=", "3*a"}));
  EXPECT_EQ(l->file.tokens[l->file.cards[0].begin + 3].kind, TokenKind::quoted);
  EXPECT_EQ(l->file.tokens[l->file.cards[0].begin + 6].kind, TokenKind::braced);
  EXPECT_EQ(l->cards[1], (Card{"V1", "x", "0", "PULSE", "(", "0", ",", "1", ")"}));
}

TEST(Lexer, LocationsAreLineAndColumn) {
  auto l = lex("t\n\n  R1 a b\n+ 5\n");
  const auto& toks = l->file.tokens;
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(toks[0].loc.line, 3u);
  EXPECT_EQ(toks[0].loc.col, 3u);
  EXPECT_EQ(toks[3].loc.line, 4u);
  EXPECT_EQ(toks[3].loc.col, 3u);
}

TEST(Lexer, UnterminatedQuoteReported) {
  auto l = lex("t\nR1 a b 'x+1\n");
  ASSERT_TRUE(l->diag.has_errors());
  EXPECT_EQ(l->diag.items()[0].code, "unterminated-quote");
  EXPECT_EQ(l->diag.items()[0].loc.line, 2u);
  EXPECT_EQ(l->diag.items()[0].loc.col, 8u);
}

TEST(Lexer, BinaryInputRejected) {
  std::string text = "t\nR1 a b 1\n";
  text += '\0';
  auto l = lex(text);
  ASSERT_TRUE(l->diag.has_errors());
  EXPECT_EQ(l->diag.items()[0].code, "binary-input");
}

// A .control block's lines are kept as text with their positions (frontends/control runs
// them); the cards around it lex as usual.
TEST(Lexer, ControlBlockLinesKeptAsText) {
  auto l = lex("t\nR1 a 0 1\n.control\nrun\n  tran 1n 1u  \r\n.endc\nR2 a 0 1\n");
  EXPECT_FALSE(l->diag.has_errors());
  ASSERT_EQ(l->cards.size(), 2u);
  EXPECT_EQ(l->cards[1][0], "R2");
  ASSERT_EQ(l->file.control.size(), 2u);
  EXPECT_EQ(l->file.control[0].text, "run");
  EXPECT_EQ(l->file.control[1].text, "tran 1n 1u");
  EXPECT_EQ(l->file.control[1].loc.line, 5u);
  EXPECT_EQ(l->file.control[1].loc.col, 3u);
}

TEST(Lexer, ControlBlockWithoutEndcIsAnError) {
  auto l = lex("t\nR1 a 0 1\n.control\nrun\n");
  ASSERT_EQ(l->diag.error_count(), 1u);
  EXPECT_EQ(l->diag.items()[0].loc.line, 3u);
}

TEST(Lexer, CrLfLineEndings) {
  auto l = lex("t\r\nR1 a b 1k\r\n+ 2\r\n");
  ASSERT_EQ(l->cards.size(), 1u);
  EXPECT_EQ(l->cards[0], (Card{"R1", "a", "b", "1k", "2"}));
  EXPECT_EQ(l->file.title, "t");
}
