#pragma once
// `xbspice plot` and `xbspice convert`: commands on result files.

#include <string>
#include <vector>

#include "engine/results.hpp"

namespace xb::cli {

struct PlotRequest {
  std::string results, output, title, ylabel;
  std::vector<std::string> signals;  // empty: every signal but the axis
  int plot = 1;                      // which table of a file with several, 1-based
};
int run_plot(const PlotRequest& request);

// Every table of IN to OUT (OUT_2, OUT_3 ... for further tables), in the format OUT's name says.
int run_convert(const std::string& in, const std::string& out, bool ascii);

// Writes `r` to `path`: an ngspice raw file for .raw, an HSPICE ASCII post file for .tr#/.sw#/
// .ac#, CSV otherwise. False when the file cannot be written.
bool write_results_file(const engine::Results& r, const std::string& path, bool ascii_raw);

}  // namespace xb::cli
