#pragma once
// .sens OUTPUT: the DC sensitivity of an output (v(a), v(a,b) or i(vsource)) to every resistance
// and every independent source's DC value at the operating point, d output / d parameter, as
// SPICE2's and HSPICE's .sens list them for those elements (model parameters are not included).
// One Jacobian factorization at the operating point; each parameter's ∂f/∂p by a central
// difference (exact for sources, 1e-10 relative for resistances), all solved in one block.
// Results: one row, one signal per element (its name), in circuit order.

#include "engine/dc_analysis.hpp"

namespace xb::engine {

AnalysisOutcome run_sensitivity(const netlist::FlatAnalysis& a, Prepared& p);

}  // namespace xb::engine
