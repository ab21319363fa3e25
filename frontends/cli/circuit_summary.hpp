#pragma once

#include <ostream>

#include "netlist/circuit.hpp"
#include "netlist/deck.hpp"

namespace xb::cli {

// The `xbspice check` report: nodes, elements by type, models, subcircuits, analyses.
void print_summary(const netlist::Deck& deck, const netlist::Circuit& circuit, std::ostream& out);

}  // namespace xb::cli
