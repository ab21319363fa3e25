#pragma once
// Parse and elaborate a deck for any subcommand, printing diagnostics to stderr.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "netlist/circuit.hpp"
#include "netlist/deck.hpp"
#include "netlist/diagnostics.hpp"

namespace xb::session {

struct LoadedDeck {
  netlist::Deck deck;
  std::vector<netlist::Circuit> runs;  // main deck, then one per .alter block
};

// nullopt when the deck has errors (already printed).
std::optional<LoadedDeck> load_deck(const std::string& path, std::ostream& err);

// The same for a deck made in memory (a crossbar builder's).
std::optional<LoadedDeck> elaborate_deck(netlist::Deck deck, std::ostream& err);

}  // namespace xb::session
