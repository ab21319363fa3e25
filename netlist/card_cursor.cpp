#include "netlist/card_cursor.hpp"

#include <cstring>

#include "netlist/number.hpp"

namespace xb::netlist {

SourceLoc expression_loc(const Token& t) {
  SourceLoc l = t.loc;
  if (t.kind == TokenKind::quoted || t.kind == TokenKind::braced || t.kind == TokenKind::string)
    ++l.col;
  return l;
}

Value CardCursor::value_of(const Token& t) {
  if (t.kind == TokenKind::word) {
    if (auto v = parse_number(t.text)) return Value{*v, nullptr, t.loc};
  }
  if (t.kind != TokenKind::word && t.kind != TokenKind::quoted && t.kind != TokenKind::braced) {
    diag_.error("syntax", t.loc,
                t.text.empty() ? "expected a value at end of line"
                               : "expected a value, found '" + std::string(t.text) + "'");
    return Value{0, nullptr, t.loc};
  }
  ExprPtr e = Expression::parse(t.text, expression_loc(t), diag_);
  if (e && e->is_constant()) return Value{e->nodes()[e->root()].value, nullptr, t.loc};
  return Value{0, e ? e : Expression::constant(0), t.loc};
}

namespace {

bool ends_with_operator(std::string_view s) {
  return !s.empty() && std::strchr("+-*/^<>&|!?:%", s.back()) != nullptr;
}
bool starts_with_operator(std::string_view s) {
  return !s.empty() && std::strchr("*/^<>&|?:%", s.front()) != nullptr;
}

}  // namespace

std::vector<Value> CardCursor::read_named_values() {
  std::vector<Value> out;
  while (true) {
    // Gather one value's tokens: a single token, or an unquoted expression spread over tokens.
    const Token* start = p_;
    int depth = 0;
    while (p_ < end_) {
      const Token& t = *p_;
      if (p_ > start && depth == 0) {
        const Token& prev = p_[-1];
        if (t.kind == TokenKind::comma) break;
        if (t.kind == TokenKind::word && p_ + 1 < end_ && p_[1].kind == TokenKind::equals) break;
        bool joined = t.kind == TokenKind::lparen || t.kind == TokenKind::rparen ||
                      prev.kind == TokenKind::lparen ||
                      (prev.kind == TokenKind::word && ends_with_operator(prev.text)) ||
                      (t.kind == TokenKind::word && starts_with_operator(t.text));
        if (!joined) break;
      }
      if (t.kind == TokenKind::lparen) ++depth;
      if (t.kind == TokenKind::rparen) {
        if (depth == 0) break;
        --depth;
      }
      ++p_;
    }
    if (p_ == start) {
      diag_.error("syntax", loc(), "expected a value after '='");
      return out;
    }
    if (depth != 0) {
      diag_.error("unterminated-paren", start->loc, "unbalanced '(' in value");
      return out;
    }
    if (p_ - start == 1) {
      out.push_back(value_of(*start));
    } else {
      std::string text;
      for (const Token* t = start; t < p_; ++t) {
        if (t->kind == TokenKind::quoted || t->kind == TokenKind::braced) {
          text += "(" + std::string(t->text) + ")";
        } else {
          text += t->text;
        }
      }
      // Columns inside joined text only approximate the deck's; point at the first token.
      ExprPtr e = Expression::parse(text, SourceLoc{start->loc.file, start->loc.line, 0}, diag_);
      if (e && e->is_constant())
        out.push_back(Value{e->nodes()[e->root()].value, nullptr, start->loc});
      else
        out.push_back(Value{0, e ? e : Expression::constant(0), start->loc});
    }
    if (p_ < end_ && p_->kind == TokenKind::comma &&
        !(p_ + 2 < end_ && p_[1].kind == TokenKind::word && p_[2].kind == TokenKind::equals)) {
      ++p_;  // "tc=1e-3,2e-6": a second value
      continue;
    }
    return out;
  }
}

std::string CardCursor::rest_text() {
  std::string out;
  const Token* prev = nullptr;
  while (!done()) {
    const Token& t = next();
    // "v(b)" stays one word: ngspice's .meas reads "v (b)" as two.
    const bool call = t.kind == TokenKind::lparen && prev && prev->kind == TokenKind::word &&
                      prev->loc.line == t.loc.line &&
                      prev->loc.col + prev->text.size() == t.loc.col;
    if (!out.empty() && !call && t.kind != TokenKind::rparen && t.kind != TokenKind::comma &&
        t.kind != TokenKind::equals && out.back() != '(' && out.back() != '=')
      out += ' ';
    prev = &t;
    switch (t.kind) {
      case TokenKind::quoted:
        out += "'" + std::string(t.text) + "'";
        break;
      case TokenKind::braced:
        out += "{" + std::string(t.text) + "}";
        break;
      case TokenKind::string:
        out += "\"" + std::string(t.text) + "\"";
        break;
      default:
        out += t.text;
    }
  }
  return out;
}

}  // namespace xb::netlist
