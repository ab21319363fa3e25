#pragma once
// A self-contained SVG heat map of a matrix (one cell per entry, a sequential colour scale from
// the smallest to the largest value, a colour bar with its end values), for a browser.

#include <Eigen/Dense>
#include <ostream>
#include <string>

namespace xb::io {

void write_svg_heatmap(const Eigen::MatrixXd& m, const std::string& title,
                       const std::string& value_label, std::ostream& out);

}  // namespace xb::io
