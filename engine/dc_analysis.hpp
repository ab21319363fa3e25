#pragma once
// .op and .dc. A sweep of a source or of the temperature reuses one solver (and, for linear
// circuits, one factorization); a sweep of a parameter elaborates the deck again with the
// parameter overridden. Nested sweeps: the first one written varies fastest.

#include <functional>
#include <memory>
#include <unordered_map>

#include "engine/dc_solver.hpp"
#include "engine/results.hpp"
#include "netlist/circuit.hpp"

namespace xb::engine {

// A circuit with a solver set up for it (the solver refers to the circuit).
struct Prepared {
  netlist::Circuit circuit;
  std::unique_ptr<DcSolver> solver;
  SolveStatus status;  // of setup
};

// Builds a Prepared for the given top-level parameter overrides (elaborate + device groups).
using PrepareFn = std::function<std::unique_ptr<Prepared>(
    const std::unordered_map<std::string, double>& overrides)>;

struct AnalysisOutcome {
  Results results;  // every point computed before a failure is kept
  SolveStatus status;
  // Work done, summed over every circuit the analysis built.
  SolverCounters counters;
  int newton_iterations = 0;
  int unknowns = 0, nonzeros = 0;
  bool linear = false;
};

// Runs analysis `index` (an .op or .dc) on circuits made by `prepare`: a fresh one to start
// with, and again whenever a swept parameter changes. `progress(done, total)` after each point.
AnalysisOutcome run_dc_analysis(size_t index, const PrepareFn& prepare,
                                const std::function<void(size_t, size_t)>& progress = {});

}  // namespace xb::engine
