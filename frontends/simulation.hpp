#pragma once
// Deck -> circuit ready to solve: elaboration with parameter overrides, device groups from the
// registry, solver set up. Shared by `xbspice run` and the regression tests.

#include <memory>
#include <string>
#include <unordered_map>

#include "engine/dc_analysis.hpp"
#include "netlist/deck.hpp"

namespace xb::cli {

// Errors (elaboration, unsupported elements, topology) land in the returned status.
std::unique_ptr<engine::Prepared> prepare_circuit(
    const netlist::Deck& deck, const std::unordered_map<std::string, double>& overrides);

}  // namespace xb::cli
