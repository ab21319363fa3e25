#pragma once
// Parse and elaborate a deck: the main run and one run per .alter block. Nothing is printed;
// the diagnostics (errors and warnings) travel with the result.

#include <string>
#include <vector>

#include "netlist/circuit.hpp"
#include "netlist/deck.hpp"
#include "netlist/diagnostics.hpp"

namespace xb::session {

struct LoadedDeck {
  netlist::Deck deck;
  std::vector<netlist::Circuit> runs;  // main deck, then one per .alter block; empty on errors
  netlist::Diagnostics diagnostics;    // of parsing and elaboration
  bool ok() const { return !diagnostics.has_errors(); }
  // GCC-style text with the source line and a caret under each.
  std::string format_diagnostics() const { return diagnostics.format(*deck.sources); }
};

LoadedDeck load_deck(const std::string& path);
// The same for a deck made in memory (a crossbar builder's).
LoadedDeck elaborate_deck(netlist::Deck deck);

}  // namespace xb::session
