#pragma once
// Deck -> circuit ready to solve: elaboration with parameter overrides, device groups from the
// registry, solver set up. Shared by `xbspice run` and the regression tests.

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "engine/dc_analysis.hpp"
#include "netlist/deck.hpp"

namespace xb::session {

// Errors (elaboration, unsupported elements, topology) land in the returned status. With
// `elaborated`, that circuit (made from `deck` without overrides) is used instead of
// elaborating again.
std::unique_ptr<engine::Prepared> prepare_circuit(
    const netlist::Deck& deck, const std::unordered_map<std::string, double>& overrides,
    std::optional<netlist::Circuit> elaborated = std::nullopt);

}  // namespace xb::session
