#include "netlist/lexer.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace xb::netlist {

namespace {
char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

std::string to_lower(std::string_view s) {
  // ASCII only, as the C locale's tolower: no locale look-up per character.
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool is_word_char(char c) {
  switch (c) {
    case '=':
    case '(':
    case ')':
    case ',':
    case '\'':
    case '"':
    case '{':
    case '}':
      return false;
    default:
      return !is_space(c) && c != '\n';
  }
}

class Lexer {
 public:
  Lexer(const SourceManager& sources, FileId file, const LexOptions& options, Diagnostics& diag)
      : text_(sources.file(file).text), file_(file), options_(options), diag_(diag) {}

  LexedFile run() {
    if (size_t nul = text_.find('\0'); nul != std::string_view::npos) {
      diag_.error("binary-input", loc_at(nul),
                  "file is not a text netlist (NUL byte at offset " + std::to_string(nul) + ")");
      return std::move(out_);
    }
    reserve_for_text();
    size_t pos = 0;
    uint32_t line = 1;
    bool title_pending = options_.first_line_is_title;
    bool in_control = false;
    SourceLoc control_loc;
    while (pos < text_.size() && !too_many_) {
      size_t eol = text_.find('\n', pos);
      if (eol == std::string_view::npos) eol = text_.size();
      std::string_view raw = text_.substr(pos, eol - pos);
      line_start_ = pos;
      line_ = line;
      if (title_pending) {
        title_pending = false;
        std::string_view t = raw;
        while (!t.empty() && (t.back() == '\r' || is_space(t.back()))) t.remove_suffix(1);
        out_.title = t;
        out_.title_loc = SourceLoc{file_, line, 1};
      } else {
        size_t first = 0;
        while (first < raw.size() && is_space(raw[first])) ++first;
        std::string_view body = raw.substr(first);
        while (!body.empty() && (body.back() == '\r' || is_space(body.back())))
          body.remove_suffix(1);
        if (in_control) {
          if (starts_with_keyword(body, ".endc"))
            in_control = false;
          else if (!body.empty() && body[0] == '+' && !out_.control.empty())
            out_.control.back().text.append(" ").append(body.substr(1));
          else
            out_.control.push_back(
                {std::string(body), SourceLoc{file_, line, static_cast<uint32_t>(first + 1)}});
        } else if (starts_with_keyword(body, ".control")) {
          in_control = true;
          control_loc = SourceLoc{file_, line, static_cast<uint32_t>(first + 1)};
        } else if (!body.empty() && body[0] != '*') {
          if (body[0] == '+') {
            if (!have_card_) {
              diag_.error("syntax", SourceLoc{file_, line, static_cast<uint32_t>(first + 1)},
                          "continuation line '+' with no statement before it");
            } else {
              tokenize(pos + first + 1, eol);
            }
          } else {
            close_card();
            have_card_ = true;
            tokenize(pos + first, eol);
          }
        }
      }
      pos = eol + 1;
      ++line;
    }
    if (in_control) diag_.error("syntax", control_loc, ".control block without .endc");
    close_card();
    return std::move(out_);
  }

 private:
  static bool starts_with_keyword(std::string_view body, std::string_view kw) {
    if (body.size() < kw.size() || !iequals(body.substr(0, kw.size()), kw)) return false;
    return body.size() == kw.size() || is_space(body[kw.size()]);
  }

  SourceLoc loc_at(size_t offset) const {
    // Column relative to the current line; for offsets before any line is read, count lines.
    if (offset < line_start_ || line_ == 0) {
      uint32_t line = 1;
      size_t start = 0;
      for (size_t i = 0; i < offset; ++i)
        if (text_[i] == '\n') ++line, start = i + 1;
      return SourceLoc{file_, line, static_cast<uint32_t>(offset - start + 1)};
    }
    return SourceLoc{file_, line_, static_cast<uint32_t>(offset - line_start_ + 1)};
  }

  // Room for a netlist's usual density (a token per 8 bytes, a card per line), so that a
  // large deck's token array is written once instead of being copied as it grows; capacity
  // that stays unused is never touched and costs no memory.
  void reserve_for_text() {
    out_.tokens.reserve(std::min(text_.size() / 8 + 16, options_.max_tokens));
    out_.cards.reserve(std::count(text_.begin(), text_.end(), '\n') + 1);
  }

  void push(TokenKind kind, size_t begin, size_t end, size_t loc_offset) {
    if (out_.tokens.size() >= options_.max_tokens) {
      if (!too_many_)
        diag_.error("too-large", loc_at(loc_offset),
                    "file has more than " + std::to_string(options_.max_tokens) + " tokens");
      too_many_ = true;
      return;
    }
    out_.tokens.push_back(Token{text_.substr(begin, end - begin), loc_at(loc_offset), kind});
  }

  void close_card() {
    uint32_t end = static_cast<uint32_t>(out_.tokens.size());
    if (end > card_begin_) out_.cards.push_back(CardRange{card_begin_, end});
    card_begin_ = end;
  }

  void tokenize(size_t pos, size_t eol) {
    while (pos < eol && !too_many_) {
      char c = text_[pos];
      if (is_space(c)) {
        ++pos;
        continue;
      }
      bool after_space = pos == line_start_ || is_space(text_[pos - 1]) || text_[pos - 1] == ',';
      if (c == ';' || (c == '$' && after_space)) return;  // in-line comment
      if (c == '/' && pos + 1 < eol && text_[pos + 1] == '/' && after_space) return;
      unsigned char uc = static_cast<unsigned char>(c);
      if (uc < 0x20) {
        diag_.error("syntax", loc_at(pos),
                    "unexpected control character 0x" + hex(uc) + " in netlist");
        ++pos;
        continue;
      }
      switch (c) {
        case '=':
          push(TokenKind::equals, pos, pos + 1, pos);
          ++pos;
          break;
        case '(':
          push(TokenKind::lparen, pos, pos + 1, pos);
          ++pos;
          break;
        case ')':
          push(TokenKind::rparen, pos, pos + 1, pos);
          ++pos;
          break;
        case ',':
          push(TokenKind::comma, pos, pos + 1, pos);
          ++pos;
          break;
        case '\'':
        case '"': {
          size_t close = text_.find(c, pos + 1);
          if (close == std::string_view::npos || close >= eol) {
            diag_.error("unterminated-quote", loc_at(pos),
                        std::string("unterminated ") + (c == '"' ? "string" : "quoted expression") +
                            ": no closing " + c + " on this line");
            return;
          }
          push(c == '"' ? TokenKind::string : TokenKind::quoted, pos + 1, close, pos);
          pos = close + 1;
          break;
        }
        case '{': {
          int depth = 0;
          size_t i = pos;
          for (; i < eol; ++i) {
            if (text_[i] == '{') ++depth;
            if (text_[i] == '}' && --depth == 0) break;
          }
          if (i >= eol) {
            diag_.error("unterminated-quote", loc_at(pos),
                        "unterminated '{' expression on this line");
            return;
          }
          push(TokenKind::braced, pos + 1, i, pos);
          pos = i + 1;
          break;
        }
        case '}':
          diag_.error("syntax", loc_at(pos), "'}' without a matching '{'");
          ++pos;
          break;
        default: {
          size_t end = pos;
          while (end < eol && is_word_char(text_[end])) {
            if (text_[end] == ';') break;
            ++end;
          }
          push(TokenKind::word, pos, end, pos);
          pos = end;
        }
      }
    }
  }

  static std::string hex(unsigned char c) {
    const char* digits = "0123456789abcdef";
    return std::string{digits[c >> 4], digits[c & 15]};
  }

  std::string_view text_;
  FileId file_;
  LexOptions options_;
  Diagnostics& diag_;
  LexedFile out_;
  uint32_t card_begin_ = 0;
  size_t line_start_ = 0;
  uint32_t line_ = 0;
  bool too_many_ = false;
  bool have_card_ = false;  // a statement line has been seen, so '+' may continue it
};

}  // namespace

LexedFile lex_file(const SourceManager& sources, FileId file, const LexOptions& options,
                   Diagnostics& diagnostics) {
  return Lexer(sources, file, options, diagnostics).run();
}

}  // namespace xb::netlist
