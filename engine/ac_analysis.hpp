#pragma once
// .ac: the small-signal response at the operating point. The circuit is solved by Newton, its
// resistive and reactive Jacobians taken apart there (G = ∂f/∂x, C = ∂q/∂x, one load pass:
// DcSolver::evaluate_split), and (G + jωC)·x = b solved at each frequency with complex KLU:
// one symbolic analysis, a numeric refactorization per frequency. b holds the AC sources'
// phasors (magnitude and phase in degrees, as SPICE writes them), entered as the exact
// derivative of the residual with respect to each source's value.
//
// Results are complex: `rows` the real parts, `imag` the imaginary ones, the first signal the
// frequency. Signals are node voltages, v(a,b), and currents of elements with a branch unknown
// (V, E, H, L) or of resistors; .print ac outputs vm vdb vp vr vi (and im idb ip ir ii) record
// the voltage or current they are taken of (ac_print_columns derives them).

#include <functional>

#include "engine/dc_analysis.hpp"

namespace xb::engine {

AnalysisOutcome run_ac_analysis(const netlist::FlatAnalysis& a, Prepared& base,
                                const std::function<void(size_t, size_t)>& progress = {});

// The columns `.print ac` asks for (as written, "vdb(out)"), real, from complex results:
// magnitude, dB (20·log10), phase in degrees (HSPICE's VP; ngspice's is in radians), real and
// imaginary part; v() and i() alone print the magnitude, as HSPICE does.
Results ac_print_columns(const Results& complex, const std::vector<netlist::OutputVar>& outputs);

// The table .measure statements of an .ac read: one real column per signal they name, in the
// forms of ac_print_columns ("vdb(out)", "vp(out)", "v(out)" its magnitude).
Results ac_measure_table(const Results& complex, const std::vector<netlist::FlatMeasure>& measures);

// The voltage or current a .print ac output is taken of: "v(out)" for vdb(out), "i(v1)" for
// ip(v1); "" for an output that is no such form.
std::string ac_underlying_signal(const netlist::OutputVar& v);

}  // namespace xb::engine
