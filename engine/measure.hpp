#pragma once
// .measure on a finished analysis (HSPICE syntax; ngspice's .meas reads the same), from the
// typed statement the parser made (netlist/measure_parser.hpp) with its values evaluated:
//   TRIG sig VAL=v [RISE=n|FALL=n|CROSS=n|...=LAST] [TD=t] | TRIG AT=t, then TARG likewise:
//                                       targ time − trig time
//   FIND sig AT=t                       sig at t
//   FIND sig WHEN sig2=v [RISE=..]      sig where sig2 crosses v
//   WHEN sig=v [RISE=..] [TD=t]         the crossing's axis value
//   AVG|RMS|MIN|MAX|PP|INTEG sig [FROM=a] [TO=b]
//   DERIV sig AT=t                      the slope there
//   PARAM='expr'                        of circuit parameters and earlier measures
// Waveforms are the analysis' recorded points, linearly interpolated; integrals are trapezoidal.
// A measure that cannot be evaluated is "failed" (NaN), as HSPICE writes it.

#include <string>
#include <unordered_map>
#include <vector>

#include "engine/results.hpp"
#include "netlist/circuit.hpp"

namespace xb::engine {

struct MeasureResult {
  std::string name;
  double value = 0;
  bool failed = false;
  std::string why;  // for a failed one
};

// The measures of `analysis` ("tran", "dc") over `results` (first column the axis).
std::vector<MeasureResult> evaluate_measures(const std::vector<netlist::FlatMeasure>& measures,
                                             const std::string& analysis, const Results& results,
                                             const std::unordered_map<std::string, double>& params);

// Output names every measure of `analysis` reads (v(x), i(v1)), for recording.
std::vector<std::string> measured_signals(const std::vector<netlist::FlatMeasure>& measures,
                                          const std::string& analysis);

}  // namespace xb::engine
