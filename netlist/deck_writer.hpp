#pragma once
// Deck -> netlist text. The HSPICE flavour quotes expressions as 'expr', the ngspice flavour as
// {expr}; numbers are written in their shortest exact form, so parse(write(deck)) == deck.

#include <ostream>
#include <string>

#include "netlist/deck.hpp"

namespace xb::netlist {

enum class DeckDialect { hspice, ngspice };

void write_deck(const Deck& deck, DeckDialect dialect, std::ostream& out);
std::string format_number(double v);  // shortest text that reads back to exactly v

}  // namespace xb::netlist
