#pragma once
// Deck -> Circuit: parameter scoping (instance > subcircuit default > global; .param inside a
// subcircuit is local), subcircuit flattening with hierarchical names (x1.r2, x1.n3), .global
// nodes, ground aliases (0 gnd gnd! ground), models local to a subcircuit, recursion detection,
// sweep points of every analysis.

#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "netlist/circuit.hpp"
#include "netlist/deck.hpp"
#include "netlist/diagnostics.hpp"

namespace xb::netlist {

struct ElaborateOptions {
  // Model types that an X line may instantiate directly (built-in devices from the registry).
  std::set<std::string> x_device_types;
  // Their terminal counts (checked when given) and internal nodes: an instance x1 of a type
  // with internal node "x" gets node "x1.x" after its terminals (a memristor's state).
  std::unordered_map<std::string, size_t> x_device_terminals;
  std::unordered_map<std::string, std::vector<std::string>> x_device_internal_nodes;
  // Top-level parameter values forced by a parameter sweep (lower-case names).
  std::unordered_map<std::string, double> param_overrides;
  // The circuit temperature (°C) `temper` reads in parameter and element values; unset: the
  // deck's first .temp, else 27.
  std::optional<double> temperature;
  // A Monte Carlo sample (1, 2, ...): agauss() and its siblings draw the sample's numbers, from
  // the deck's `.option seed=` (1 without one). Unset: they return their nominal values.
  std::optional<uint64_t> monte_carlo_sample;
};

// Errors go to `diag`; the returned circuit is complete only when no error was added.
Circuit elaborate(const Deck& deck, const ElaborateOptions& options, Diagnostics& diag);

// Points of a sweep as SPICE defines them (inclusive of stop within a relative 1e-9). With
// `decade_ends_at_stop`, a DEC sweep takes as many whole steps as fit, each stretched so that
// the last point is stop, as ngspice 39's .ac does (1k to 5k by 10 a decade: 7 points ending
// at 5k, not at 3.98k); .dc and OCT keep SPICE3's fixed ratio.
std::vector<double> sweep_points(Sweep::Kind kind, double start, double stop, double step_or_count,
                                 std::string& error, bool decade_ends_at_stop = false);

bool is_ground_name(std::string_view name);

}  // namespace xb::netlist
