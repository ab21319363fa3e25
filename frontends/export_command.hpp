#pragma once
// `xbspice export DECK --to ngspice [-o OUT]`: the deck for ngspice, built-in devices written as
// behavioural subcircuits named after their .model cards, so every X line stays as it is.
// (HSPICE export with Verilog-A modules comes with the rest of issue 7.)

#include <string>

namespace xb::cli {

struct ExportOptions {
  std::string deck, to, output;  // output empty: stdout
};

int run_export(const ExportOptions& options);

}  // namespace xb::cli
