#pragma once
// .tran: the initial operating point (or UIC), then time steps chosen by local truncation error
// (trapezoidal by default, Gear-2 with .option method=gear, backward Euler at the start and after
// every breakpoint), breakpoints at source corners, tmax respected, a step cut by 8 when Newton
// fails. Every accepted point is recorded.

#include <functional>
#include "engine/fourier.hpp"

#include "engine/dc_analysis.hpp"

namespace xb::engine {

struct TransientCounters {
  long accepted = 0, rejected_truncation = 0, rejected_newton = 0;
};

struct TransientOutcome : AnalysisOutcome {
  TransientCounters steps;
  double tstep = 0;                   // for .print tables on the tstep grid
  std::vector<FourierTable> fourier;  // the circuit's .four requests, after a transient
};

// `progress(done, total)` in thousandths of the simulated interval. `max_steps` > 0 stops with an
// error after that many time steps, accepted or rejected (the fuzz target's guard against decks
// with billions of source corners).
// Runs `a` on `p`, leaving its solver in DC mode afterwards (device states as the run left
// them: the caller decides whether they are held).
TransientOutcome run_transient_analysis(const netlist::FlatAnalysis& a, Prepared& p,
                                        const std::function<void(size_t, size_t)>& progress = {},
                                        long max_steps = 0);
// The same on a fresh circuit from `prepare({})`, analysis `index` of its circuit.
TransientOutcome run_transient_analysis(size_t index, const PrepareFn& prepare,
                                        const std::function<void(size_t, size_t)>& progress = {},
                                        long max_steps = 0);

}  // namespace xb::engine
