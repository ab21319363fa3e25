#pragma once
// Reading helpers over the tokens of one card: positional items, name=value pairs, values that
// are numbers, parameter names or expressions, and unquoted expressions spread over tokens
// (".param w = max(1u, 2*l)").

#include <string>
#include <vector>

#include "netlist/deck.hpp"
#include "netlist/diagnostics.hpp"
#include "netlist/lexer.hpp"

namespace xb::netlist {

class CardCursor {
 public:
  CardCursor(const Token* begin, const Token* end, Diagnostics& diag)
      : begin_(begin), end_(end), p_(begin), diag_(diag) {}

  bool done() const { return p_ >= end_; }
  const Token& peek(size_t k = 0) const { return p_ + k < end_ ? p_[k] : sentinel(); }
  const Token& next() { return p_ < end_ ? *p_++ : sentinel(); }
  const Token& last() const { return end_ > begin_ ? end_[-1] : sentinel(); }
  SourceLoc loc() const { return done() ? last().loc : p_->loc; }
  void skip_commas() {
    while (!done() && p_->kind == TokenKind::comma) ++p_;
  }

  bool is_word(size_t k = 0) const {
    return peek(k).kind == TokenKind::word && !peek(k).text.empty();
  }
  bool is_keyword(std::string_view kw, size_t k = 0) const {
    return is_word(k) && iequals(peek(k).text, kw);
  }
  // "name =" at the cursor.
  bool at_named(size_t k = 0) const { return is_word(k) && peek(k + 1).kind == TokenKind::equals; }
  // A token that can stand for one value: number, parameter name, quoted or braced expression.
  bool at_value(size_t k = 0) const {
    const Token& t = peek(k);
    if (p_ + k >= end_) return false;
    if (t.kind == TokenKind::quoted || t.kind == TokenKind::braced) return true;
    return t.kind == TokenKind::word && peek(k + 1).kind != TokenKind::equals;
  }

  // One token as a value.
  Value value_of(const Token& t);
  Value read_value() { return value_of(next()); }
  // The value(s) after "name =": tokens up to the next item, split at top-level commas.
  std::vector<Value> read_named_values();
  // Tokens from the cursor to the end joined as text (quoted tokens re-quoted).
  std::string rest_text();

  Diagnostics& diag() { return diag_; }

 private:
  static const Token& sentinel() {
    static const Token t{std::string_view(), SourceLoc{}, TokenKind::comma};
    return t;
  }
  const Token* begin_;
  const Token* end_;
  const Token* p_;
  Diagnostics& diag_;
};

// Expression source location: the column of the text inside its quotes or braces.
SourceLoc expression_loc(const Token& t);

}  // namespace xb::netlist
