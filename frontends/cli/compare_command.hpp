#pragma once
// `xbspice compare A B`: two result files (any format read_results_file knows), signals matched
// by name (case-insensitive; v(x) and x alike; '.' and ':' as hierarchy separators), A read at
// B's axis values (B is the reference), worst absolute and relative difference per signal.

#include <string>
#include <vector>

#include "frontends/io/waveform_compare.hpp"

namespace xb::cli {

struct CompareOptions {
  std::string a, b;
  io::CompareTolerances tolerances;
  std::vector<std::string> signals;  // empty: every common signal
  std::string plot;                  // SVG with each signal overlaid and its difference
  std::string analysis;              // "ac", "op", ...: only tables of this kind (both files)
};

int run_compare(const CompareOptions& options);

}  // namespace xb::cli
