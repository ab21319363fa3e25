#pragma once
// Splits one source file into cards (logical lines) of tokens.
//   - the first line of the top-level deck is the title, whatever it holds;
//   - '*' as first non-blank character: comment line; '+' as first non-blank: continuation;
//   - '$' at line start or after white space, and ';' anywhere outside quotes: in-line comment;
//   - 'text' (HSPICE) and {text} (ngspice) are expression tokens, "text" a string token;
//   - '=', '(', ')' and ',' are tokens of their own; everything else splits on white space;
//   - ngspice .control ... .endc blocks are skipped with a warning.
// Tokens are views into the SourceManager's copy of the file: no per-token allocation.

#include <string_view>
#include <vector>

#include "netlist/diagnostics.hpp"
#include "netlist/source.hpp"

namespace xb::netlist {

enum class TokenKind : uint8_t { word, quoted, braced, string, equals, lparen, rparen, comma };

struct Token {
  std::string_view text;  // without the surrounding quotes or braces
  SourceLoc loc;
  TokenKind kind = TokenKind::word;
};

struct CardRange {
  uint32_t begin = 0;  // index of the first token in LexedFile::tokens
  uint32_t end = 0;    // one past the last
};

// One line of an ngspice .control block, kept as text: its commands are a script language of
// their own (frontends/control), run after the circuit is read.
struct ControlLine {
  std::string text;  // without leading blanks or the line end; `+` lines joined on
  SourceLoc loc;     // of its first character
};

struct LexedFile {
  std::string_view title;  // only for the top-level deck
  SourceLoc title_loc;
  std::vector<Token> tokens;
  std::vector<CardRange> cards;
  std::vector<ControlLine> control;  // the lines between .control and .endc
};

struct LexOptions {
  bool first_line_is_title = false;
  // Upper bound on the tokens of one file (32 bytes each), so pathological input stays within
  // about 512 MB. A million-element deck needs about 4 M tokens.
  size_t max_tokens = 16u << 20;
};

LexedFile lex_file(const SourceManager& sources, FileId file, const LexOptions& options,
                   Diagnostics& diagnostics);

// Case-insensitive comparison of ASCII text, used for keywords everywhere in the front end.
bool iequals(std::string_view a, std::string_view b);
std::string to_lower(std::string_view s);

}  // namespace xb::netlist
