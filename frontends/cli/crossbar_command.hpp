#pragma once
// `xbspice crossbar`: builds a crossbar (netlist/crossbar_builder.hpp) from a conductance matrix
// and input vectors in text files, then simulates it, writes it as a deck, or exports it for
// HSPICE or ngspice. All three start from the one Deck the builder made.

#include <string>
#include <vector>

namespace xb::cli {

struct CrossbarOptions {
  std::string weights, inputs;  // matrix files: one row per line, values split by , ; or blanks
  std::string cell = "conductor", sense = "ground";
  std::string wire_r = "0", rf = "1k", vgate = "1.8";  // SPICE numbers
  std::vector<std::string> options;                    // "name=value" for the deck's .options
  std::string deck;    // write the built deck here (xbspice's dialect unless `to` is set)
  std::string to;      // "", "hspice" or "ngspice"
  std::string output;  // simulate and write results here
  bool stats = false;
};

int run_crossbar(const CrossbarOptions& options);

// `xbspice crossbar matrix`: the effective matrix of an array
// (frontends/crossbar/effective_matrix).
int run_crossbar_matrix(const std::vector<std::string>& args);

// `xbspice crossbar map`: conductances that make the wired array compute a target matrix
// (frontends/crossbar/mapping).
int run_crossbar_map(const std::vector<std::string>& args);

}  // namespace xb::cli
