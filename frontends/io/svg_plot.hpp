#pragma once
// A self-contained SVG line plot (no dependencies, opens in any browser): several series on one
// pair of axes with ticks at 1-2-5 steps, a legend and a title.

#include <ostream>
#include <string>
#include <vector>

namespace xb::io {

struct Series {
  std::string name;
  std::vector<double> x, y;
};

struct PlotOptions {
  std::string title, x_label, y_label;
  int width = 720, height = 440;
};

void write_svg_plot(const std::vector<Series>& series, const PlotOptions& options,
                    std::ostream& out);

}  // namespace xb::io
