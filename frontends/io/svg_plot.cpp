#include "frontends/io/svg_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace xb::io {
namespace {

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s)
    out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
  return out;
}

// Tick step of about `count` intervals over `span`: 1, 2 or 5 times a power of ten.
double tick_step(double span, int count) {
  const double raw = span / count, p = std::pow(10, std::floor(std::log10(raw)));
  const double m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

}  // namespace

void write_svg_plot(const std::vector<Series>& series, const PlotOptions& o, std::ostream& out) {
  static const char* kColours[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                                   "#9467bd", "#8c564b", "#e377c2", "#17becf"};
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  for (const Series& s : series)
    for (size_t i = 0; i < s.x.size(); ++i) {
      if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
      x0 = std::min(x0, s.x[i]), x1 = std::max(x1, s.x[i]);
      y0 = std::min(y0, s.y[i]), y1 = std::max(y1, s.y[i]);
    }
  if (x0 > x1) x0 = 0, x1 = 1, y0 = 0, y1 = 1;
  if (x1 == x0) x1 = x0 + 1;
  if (y1 == y0)
    y0 -= 0.5 * std::max(1e-30, std::fabs(y0)), y1 += 0.5 * std::max(1e-30, std::fabs(y1));
  const double pad = 0.05 * (y1 - y0);
  y0 -= pad, y1 += pad;
  const int left = 80, right = 20, top = 40, bottom = 50;
  const double w = o.width - left - right, h = o.height - top - bottom;
  auto px = [&](double x) { return left + (x - x0) / (x1 - x0) * w; };
  auto py = [&](double y) { return top + (y1 - y) / (y1 - y0) * h; };
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << o.width << "\" height=\""
      << o.height << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"" << o.width / 2 << "\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">"
      << escape(o.title) << "</text>\n";
  const double xs = tick_step(x1 - x0, 6), ys = tick_step(y1 - y0, 6);
  for (double t = std::ceil(x0 / xs) * xs; t <= x1 + 1e-9 * xs; t += xs)
    out << "<line x1=\"" << px(t) << "\" y1=\"" << top << "\" x2=\"" << px(t) << "\" y2=\""
        << top + h << "\" stroke=\"#ddd\"/><text x=\"" << px(t) << "\" y=\"" << top + h + 16
        << "\" text-anchor=\"middle\">" << fmt(std::fabs(t) < 1e-12 * xs ? 0 : t) << "</text>\n";
  for (double t = std::ceil(y0 / ys) * ys; t <= y1 + 1e-9 * ys; t += ys)
    out << "<line x1=\"" << left << "\" y1=\"" << py(t) << "\" x2=\"" << left + w << "\" y2=\""
        << py(t) << "\" stroke=\"#ddd\"/><text x=\"" << left - 6 << "\" y=\"" << py(t) + 4
        << "\" text-anchor=\"end\">" << fmt(std::fabs(t) < 1e-12 * ys ? 0 : t) << "</text>\n";
  out << "<rect x=\"" << left << "\" y=\"" << top << "\" width=\"" << w << "\" height=\"" << h
      << "\" fill=\"none\" stroke=\"black\"/>\n"
      << "<text x=\"" << left + w / 2 << "\" y=\"" << o.height - 10 << "\" text-anchor=\"middle\">"
      << escape(o.x_label) << "</text>\n"
      << "<text transform=\"translate(16," << top + h / 2
      << ") rotate(-90)\" text-anchor=\"middle\">" << escape(o.y_label) << "</text>\n";
  for (size_t k = 0; k < series.size(); ++k) {
    const Series& s = series[k];
    const char* colour = kColours[k % 8];
    out << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"1.5\" points=\"";
    for (size_t i = 0; i < s.x.size(); ++i)
      if (std::isfinite(s.x[i]) && std::isfinite(s.y[i]))
        out << fmt(px(s.x[i])) << ',' << fmt(py(s.y[i])) << ' ';
    out << "\"/>\n<text x=\"" << left + 10 << "\" y=\"" << top + 16 + 15 * k << "\" fill=\""
        << colour << "\">" << escape(s.name) << "</text>\n";
  }
  out << "</svg>\n";
}

}  // namespace xb::io
