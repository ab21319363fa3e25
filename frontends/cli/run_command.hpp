#pragma once

#include <string>
#include <vector>

#include "netlist/circuit.hpp"

namespace xb::session {
struct LoadedDeck;
}

namespace xb::cli {
using session::LoadedDeck;

struct RunOptions {
  std::string deck;
  std::string output;  // empty: no file
  bool stats = false;
  bool ascii = false;  // raw files in ASCII rather than binary
  std::string lis;     // an HSPICE-style listing to this file when not empty
};

// `xbspice run`: simulates every .op, .dc and .tran of the deck (and of each .alter run). Returns
// the exit code.
int run_deck(const RunOptions& options);

// The outputs of every .print of `analysis` ("ac", "tran", ...), in order.
std::vector<netlist::OutputVar> print_outputs(const netlist::Circuit& c,
                                              const std::string& analysis);

// The same for a deck already loaded (options.deck only names it in messages).
int run_loaded(LoadedDeck loaded, const RunOptions& options);

}  // namespace xb::cli
