#pragma once
// .op and .dc. A sweep of a source or of the temperature reuses one solver (and, for linear
// circuits, one factorization); a sweep of a parameter elaborates the deck again with the
// parameter overridden. Nested sweeps: the first one written varies fastest.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "engine/dc_solver.hpp"
#include "engine/results.hpp"
#include "netlist/circuit.hpp"
#include "netlist/diagnostics.hpp"

namespace xb::engine {

// A circuit with a solver set up for it (the solver refers to the circuit).
struct Prepared {
  netlist::Circuit circuit;
  std::unique_ptr<DcSolver> solver;
  SolveStatus status;                // of setup
  netlist::Diagnostics diagnostics;  // elaboration and device-build errors and warnings
};

// Builds a Prepared for the given top-level parameter overrides (elaborate + device groups).
// The key "temper" is the circuit temperature (°C) instead: a temperature sweep of a circuit
// whose values read `temper` elaborates it again at each temperature.
inline constexpr const char* kTemperatureOverride = "temper";
// The key "monte carlo sample" (no parameter has that name) elaborates Monte Carlo sample k:
// the deck's agauss() and its siblings draw that sample's numbers.
inline constexpr const char* kMonteCarloSampleOverride = "monte carlo sample";
using PrepareFn = std::function<std::unique_ptr<Prepared>(
    const std::unordered_map<std::string, double>& overrides)>;

struct AnalysisOutcome {
  Results results;  // every point computed before a failure is kept
  SolveStatus status;
  netlist::Diagnostics diagnostics;  // of a circuit built for a swept parameter
  // Work done, summed over every circuit the analysis built.
  SolverCounters counters;
  int newton_iterations = 0;
  int unknowns = 0, nonzeros = 0;
  bool linear = false;
  std::string linear_solver;  // which factored last: "CHOLMOD" or "KLU"
};

// What one point of a .dc sweep sets. A sweep variable (or .data column) naming an independent
// source sets its DC value, "temp" the temperature, anything else a top-level parameter.
struct SweepPointSettings {
  std::vector<std::pair<std::string, double>> sources;
  std::optional<double> temperature;
  std::unordered_map<std::string, double> params;
};
void apply_sweep_point(const netlist::FlatSweep& s, size_t point, const netlist::Circuit& c,
                       SweepPointSettings& out);
// The result column of a sweep: the first column of a .data table (its values, row by row, as
// HSPICE labels a data sweep), "temp", or the variable.
std::string sweep_column(const netlist::FlatSweep& s);
double sweep_column_value(const netlist::FlatSweep& s, size_t point);
size_t sweep_size(const netlist::FlatSweep& s);

// Runs analysis `a` (an .op or .dc) on `base`, the circuit as the deck or the session has it,
// keeping its factorization. A swept parameter needs a circuit elaborated with the parameter
// overridden, made by `rebuild`; points with the deck's own parameter values run on `base`.
// Sources and the temperature a sweep sets are restored afterwards: `base` is left as given.
// `progress(done, total)` after each point.
AnalysisOutcome run_dc_analysis(const netlist::FlatAnalysis& a, Prepared& base,
                                const PrepareFn& rebuild,
                                const std::function<void(size_t, size_t)>& progress = {});

// The same on a fresh circuit: `prepare({})` makes the base, analysis `index` of its circuit.
AnalysisOutcome run_dc_analysis(size_t index, const PrepareFn& prepare,
                                const std::function<void(size_t, size_t)>& progress = {});

// Runs `run(analysis, base)` on a fresh circuit from `prepare({})`, or returns why it could not
// be made (shared by the fresh-circuit forms of the DC and transient analyses).
template <class Outcome, class Run>
Outcome on_fresh_circuit(size_t index, const PrepareFn& prepare, Run run) {
  std::unique_ptr<Prepared> base = prepare({});
  if (!base->status.ok) {
    Outcome out;
    out.status = base->status;
    out.diagnostics = base->diagnostics;
    return out;
  }
  const netlist::FlatAnalysis a = base->circuit.analyses.at(index);
  return run(a, *base);
}

}  // namespace xb::engine
