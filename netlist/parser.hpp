#pragma once
// HSPICE/ngspice netlist parser: text -> Deck. Follows .include/.inc and .lib 'file' section,
// collects every error it finds (GCC style, with include chain) and keeps going where it can.

#include <string>
#include <string_view>

#include "netlist/deck.hpp"
#include "netlist/diagnostics.hpp"

namespace xb::netlist {

struct ParseResult {
  Deck deck;
  Diagnostics diagnostics;
  bool ok() const { return !diagnostics.has_errors(); }
};

ParseResult parse_deck_file(const std::string& path);
// `name` is shown in diagnostics; includes are resolved against the current directory.
ParseResult parse_deck_text(std::string_view text, const std::string& name = "<input>");

}  // namespace xb::netlist
