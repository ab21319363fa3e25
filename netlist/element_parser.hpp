#pragma once
// Element lines (R C L K V I E F G H B D M Q J X) -> Element.

#include <optional>

#include "netlist/card_cursor.hpp"
#include "netlist/deck.hpp"

namespace xb::netlist {

// Parses the element at the cursor (its first token is the name). Reports and returns nullopt
// when the line cannot be read.
std::optional<Element> parse_element(CardCursor& c);

// After the whole deck is read (models may come after their use, or from a library): splits the
// positional words of D M Q J lines into nodes and model, and decides for R C L whether a bare
// word is a model or a parameter name.
void resolve_element_models(Deck& deck, Diagnostics& diag);

}  // namespace xb::netlist
