#pragma once
// Deck -> circuit ready to solve: elaboration with parameter overrides, device groups from the
// registry, solver set up.

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "engine/dc_analysis.hpp"
#include "netlist/deck.hpp"

namespace xb::session {

// Errors land in the returned diagnostics (elaboration, device parameters: status.input_error)
// or in the status (topology found at setup). With `elaborated`, that circuit (made from `deck`
// without overrides) is used instead of elaborating again.
std::unique_ptr<engine::Prepared> prepare_circuit(
    const netlist::Deck& deck, const std::unordered_map<std::string, double>& overrides,
    std::optional<netlist::Circuit> elaborated = std::nullopt);

}  // namespace xb::session
