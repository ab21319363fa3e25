#pragma once
// `xbspice export DECK --to hspice|ngspice [-o OUT]`. ngspice: built-in devices written as
// behavioural subcircuits named after their .model cards, so every X line stays as it is.
// HSPICE: the deck in HSPICE syntax with `.option post`, each built-in type as a Verilog-A module
// beside it, loaded with `.hdl`.

#include <string>

#include "netlist/deck.hpp"

namespace xb::session {
struct LoadedDeck;
}

namespace xb::cli {
using session::LoadedDeck;

struct ExportOptions {
  std::string deck, to, output;  // output empty: stdout
};

int run_export(const ExportOptions& options);

// The same for a deck already loaded (a crossbar builder's); options.deck is not read.
int export_loaded(const LoadedDeck& loaded, const ExportOptions& options);

// A deck built in code (a network workload's) to `path`: in xbspice's dialect, which HSPICE reads
// too, or with `to` ("hspice", "ngspice") exported for that simulator. Creates the directory.
// `command` names the caller in messages ("mnist deck").
int write_built_deck(netlist::Deck deck, const std::string& path, const std::string& to,
                     const std::string& command);

}  // namespace xb::cli
