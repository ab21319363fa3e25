#pragma once
// .tf OUTPUT INPUT: the small-signal DC transfer function at the operating point, as SPICE3
// computes it (ngspice's tfanal.c): with the Jacobian factored at the operating point,
//   transfer function   d output / d input              (a unit step of the input source)
//   input impedance     V input: −1 / d i(input);  I input: the voltage across it per ampere
//                       (1e20 when the input's current does not change)
//   output impedance    v(a,b): the voltage per ampere injected into a and drawn from b;
//                       i(vout): 1 / d i(vout) for a unit step of vout (1e20 when that is not
//                       positive); the input impedance when vout is the input
// Results: one row named as ngspice names them, `transfer_function`,
// `output_impedance_at_v(out)` (or `vout#output_impedance`) and `vin#input_impedance`.

#include "engine/dc_analysis.hpp"

namespace xb::engine {

AnalysisOutcome run_transfer_function(const netlist::FlatAnalysis& a, Prepared& p);

}  // namespace xb::engine
