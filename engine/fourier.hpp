#pragma once
// Fourier analysis of a transient result (.four freq out...), as SPICE2 and ngspice compute it:
// the output over the last period T = 1/freq of the run, interpolated linearly onto `grid`
// equally spaced points t_j = t_end − T + j·T/grid, then for harmonics k = 0 .. harmonics−1
//   a_k = (2/grid) Σ_j y_j sin(2πkj/grid),   b_k = (2/grid) Σ_j y_j cos(2πkj/grid),
//   magnitude_k = hypot(a_k, b_k), phase_k = atan2(b_k, a_k) in degrees (0 for a sine),
// the DC term b_0/2 (the mean), magnitudes and phases normalised to the fundamental, and
// THD = 100·sqrt(Σ_{k≥2} (magnitude_k/magnitude_1)²) in percent. Defaults as ngspice's:
// 10 harmonics (DC and 9), a grid of 200 points.

#include <string>
#include <vector>

#include "engine/results.hpp"
#include "netlist/circuit.hpp"

namespace xb::engine {

struct FourierTable {
  std::string signal;
  double fundamental = 0;
  int grid = 0;
  double thd_percent = 0;
  std::vector<double> frequency, magnitude, phase_deg, norm_magnitude, norm_phase_deg;
};

struct FourierOutcome {
  std::vector<FourierTable> tables;
  std::vector<std::string> errors;  // one per output that could not be analysed
};

// Every output of `request` from the transient table `tran` (time in column 0).
FourierOutcome fourier_analysis(const Results& tran, const netlist::FlatFourier& request,
                                int harmonics = 10, int grid = 200);

// One output: `time` increasing, `values` of the same length.
FourierTable fourier_of(const std::vector<double>& time, const std::vector<double>& values,
                        double fundamental, int harmonics = 10, int grid = 200);

}  // namespace xb::engine
