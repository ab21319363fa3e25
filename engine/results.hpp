#pragma once
// Results of one analysis: named signals (ngspice naming, lower case) sampled at each point of
// the independent variable, which is the first signal.

#include <string>
#include <vector>

namespace xb::engine {

struct Results {
  std::string analysis;  // "op", "dc"
  std::string title;
  std::vector<std::string> signals;
  std::vector<std::vector<double>> rows;
  // AC results are complex: `rows` then hold the real parts and `imag` (same shape) the
  // imaginary ones; empty for every real analysis.
  std::vector<std::vector<double>> imag;
  bool is_complex() const { return !imag.empty(); }
  // Relative resolution of the axis values as stored: 0 for values computed here or read as
  // float64, 2^-24 for float32 files, 5e-5 for five-digit text. Comparing two files, axis values
  // that differ by less are the same point.
  double axis_resolution = 0;
};

}  // namespace xb::engine
