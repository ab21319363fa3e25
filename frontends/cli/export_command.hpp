#pragma once
// `xbspice export DECK --to hspice|ngspice [-o OUT]`. ngspice: built-in devices written as
// behavioural subcircuits named after their .model cards, so every X line stays as it is.
// HSPICE: the deck in HSPICE syntax with `.option post`, each built-in type as a Verilog-A module
// beside it, loaded with `.hdl`.

#include <string>

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

}  // namespace xb::cli
