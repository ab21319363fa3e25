#pragma once
// What .tf and .sens share: their output bound to the solver, the change of a signal when the
// solution moves by a linearised response dx, and the work counters of the analysis.

#include <optional>
#include <string>
#include <vector>

#include "engine/dc_analysis.hpp"
#include "engine/signals.hpp"

namespace xb::engine {

// The start of both: `out` named `analysis` with the circuit's title, and the operating point
// solved. Returns the counters before it (for record_work), or nullopt with out.status set.
std::optional<SolverCounters> solve_operating_point(AnalysisOutcome& out, Prepared& p,
                                                    const std::string& analysis);

// The analysis' output: v(node, ref) or i(vsource).
BoundSignal bind_small_signal_output(const netlist::FlatAnalysis& a, const netlist::Circuit& c,
                                     const DcSolver& s);
// A signal given its function and arguments ("v", {a, b}; "i", {v1}).
BoundSignal bind_signal(const std::string& function, std::vector<std::string> args,
                        const netlist::Circuit& c, const DcSolver& s);

// Signals are linear in the solution: a signal's change for a response dx is its value at
// x* + dx less its value at x* (the solution the reader was made at, restored after each read).
class ResponseReader {
 public:
  ResponseReader(const netlist::Circuit& c, DcSolver& s);
  double change(const BoundSignal& signal, const double* dx);

 private:
  const netlist::Circuit& c_;
  DcSolver& s_;
  std::vector<double> at_, moved_;
};

// The analysis' counters since `before` and the size of its system.
void record_work(AnalysisOutcome& out, const DcSolver& s, const SolverCounters& before);

}  // namespace xb::engine
