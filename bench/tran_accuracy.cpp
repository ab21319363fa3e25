// Accuracy of transient results against a reference: for each result file (ASCII raw, as
// ngspice -r and xbspice --ascii write them), every signal the reference also has is
// interpolated at the reference's time points; prints the worst difference as a fraction of the
// signal's range in the reference.  Usage: tran_accuracy REF.raw RESULT.raw...

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ascii_raw.hpp"

namespace {

const xb::regress::RawPlot* transient(const std::vector<xb::regress::RawPlot>& plots) {
  for (const auto& p : plots)
    if (p.name.rfind("Transient", 0) == 0) return &p;
  return nullptr;
}

double at_time(const xb::regress::RawPlot& p, size_t col, double t) {
  auto it = std::lower_bound(p.points.begin(), p.points.end(), t,
                             [](const std::vector<double>& r, double v) { return r[0] < v; });
  if (it == p.points.begin()) return p.points.front()[col];
  if (it == p.points.end()) return p.points.back()[col];
  const auto& b = *it;
  const auto& a = *(it - 1);
  const double w = b[0] > a[0] ? (t - a[0]) / (b[0] - a[0]) : 1.0;
  return a[col] + w * (b[col] - a[col]);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: tran_accuracy REF.raw RESULT.raw...\n");
    return 1;
  }
  const auto ref_plots = xb::regress::read_ascii_raw(argv[1]);
  const auto* ref = transient(ref_plots);
  if (!ref || ref->points.empty()) return std::fprintf(stderr, "no transient in %s\n", argv[1]), 1;
  for (int f = 2; f < argc; ++f) {
    const auto plots = xb::regress::read_ascii_raw(argv[f]);
    const auto* res = transient(plots);
    if (!res) return std::fprintf(stderr, "no transient in %s\n", argv[f]), 1;
    double worst = 0;
    std::string worst_signal;
    size_t compared = 0;
    for (size_t v = 1; v < ref->variables.size(); ++v) {
      auto it = std::find(res->variables.begin(), res->variables.end(), ref->variables[v]);
      if (it == res->variables.end()) continue;
      const size_t col = it - res->variables.begin();
      double lo = 1e300, hi = -1e300;
      for (const auto& p : ref->points) lo = std::min(lo, p[v]), hi = std::max(hi, p[v]);
      const double range = std::max(hi - lo, 1e-12);
      for (const auto& p : ref->points) {
        const double e = std::fabs(at_time(*res, col, p[0]) - p[v]) / range;
        if (e > worst) worst = e, worst_signal = ref->variables[v];
      }
      ++compared;
    }
    std::printf("%s: %zu points, %zu signals compared, worst %.2e of range (%s)\n", argv[f],
                res->points.size(), compared, worst, worst_signal.c_str());
  }
  return 0;
}
