#include "frontends/io/svg_heatmap.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace xb::io {
namespace {

// A perceptually ordered ramp (dark blue → teal → yellow), t in [0, 1].
std::string colour(double t) {
  static const double stops[5][3] = {
      {68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
  t = std::clamp(t, 0.0, 1.0) * 4;
  const int i = std::min(3, static_cast<int>(t));
  const double f = t - i;
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x",
                static_cast<int>(stops[i][0] + f * (stops[i + 1][0] - stops[i][0])),
                static_cast<int>(stops[i][1] + f * (stops[i + 1][1] - stops[i][1])),
                static_cast<int>(stops[i][2] + f * (stops[i + 1][2] - stops[i][2])));
  return buf;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

}  // namespace

void write_svg_heatmap(const Eigen::MatrixXd& m, const std::string& title,
                       const std::string& value_label, std::ostream& out) {
  const int size = 480, left = 60, top = 40, bar = 24;
  const double cell =
      static_cast<double>(size) / std::max<Eigen::Index>(std::max(m.rows(), m.cols()), 1);
  const double lo = m.size() ? m.minCoeff() : 0, hi = m.size() ? m.maxCoeff() : 1;
  const double span = hi > lo ? hi - lo : 1;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << left + size + 140 << "\" height=\""
      << top + size + 60 << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"" << left + size / 2 << "\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">"
      << title << "</text>\n";
  for (Eigen::Index r = 0; r < m.rows(); ++r)
    for (Eigen::Index c = 0; c < m.cols(); ++c)
      out << "<rect x=\"" << left + c * cell << "\" y=\"" << top + r * cell << "\" width=\""
          << cell + 0.05 << "\" height=\"" << cell + 0.05 << "\" fill=\""
          << colour((m(r, c) - lo) / span) << "\"/>\n";
  out << "<text x=\"" << left + size / 2 << "\" y=\"" << top + size + 20
      << "\" text-anchor=\"middle\">column (input) 0 … " << m.cols() - 1 << "</text>\n"
      << "<text x=\"20\" y=\"" << top + size / 2 << "\" transform=\"rotate(-90 20 "
      << top + size / 2 << ")\" text-anchor=\"middle\">row (output) 0 … " << m.rows() - 1
      << "</text>\n";
  // The colour bar, largest value on top.
  const int bx = left + size + 20;
  for (int k = 0; k < 50; ++k)
    out << "<rect x=\"" << bx << "\" y=\"" << top + k * size / 50.0 << "\" width=\"" << bar
        << "\" height=\"" << size / 50.0 + 0.5 << "\" fill=\"" << colour(1 - k / 49.0) << "\"/>\n";
  out << "<text x=\"" << bx + bar + 4 << "\" y=\"" << top + 10 << "\">" << number(hi) << "</text>\n"
      << "<text x=\"" << bx + bar + 4 << "\" y=\"" << top + size << "\">" << number(lo)
      << "</text>\n"
      << "<text x=\"" << bx << "\" y=\"" << top + size + 20 << "\">" << value_label << "</text>\n"
      << "</svg>\n";
}

}  // namespace xb::io
