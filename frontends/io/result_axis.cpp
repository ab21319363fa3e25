#include "frontends/io/result_axis.hpp"

#include <algorithm>
#include <cmath>

namespace xb::io {
namespace {

bool rising(const engine::Results& t) {
  return t.rows.back()[0] >= t.rows.front()[0];
}

// The first row whose axis value is not before `a` (in the axis's direction).
std::vector<std::vector<double>>::const_iterator first_not_before(const engine::Results& t,
                                                                  double a) {
  const bool up = rising(t);
  return std::lower_bound(
      t.rows.begin(), t.rows.end(), a,
      [&](const std::vector<double>& r, double v) { return up ? r[0] < v : r[0] > v; });
}

}  // namespace

bool value_at_axis(const engine::Results& t, size_t col, double a, double& out, double slack) {
  const auto& rows = t.rows;
  if (rows.empty()) return false;
  if (rows.size() == 1) return out = rows[0][col], true;
  if (slack < 0) slack = 1e-9 * std::fabs(rows.back()[0] - rows.front()[0]);
  auto it = first_not_before(t, a);
  if (it == rows.end()) {
    if (std::fabs(rows.back()[0] - a) > slack) return false;
    return out = rows.back()[col], true;
  }
  if (it == rows.begin()) {
    if (std::fabs(rows.front()[0] - a) > slack) return false;
    return out = rows.front()[col], true;
  }
  const auto& hi = *it;
  const auto& lo = *(it - 1);
  const double w = hi[0] != lo[0] ? (a - lo[0]) / (hi[0] - lo[0]) : 1.0;
  out = lo[col] + w * (hi[col] - lo[col]);
  return true;
}

bool range_in_window(const engine::Results& t, size_t col, double lo, double hi, double& min,
                     double& max) {
  const auto& rows = t.rows;
  if (rows.empty()) return false;
  const double first = std::min(rows.front()[0], rows.back()[0]);
  const double last = std::max(rows.front()[0], rows.back()[0]);
  lo = std::max(lo, first), hi = std::min(hi, last);
  if (lo > hi) return false;
  double v;
  value_at_axis(t, col, lo, v, 0);
  min = max = v;
  value_at_axis(t, col, hi, v, 0);
  min = std::min(min, v), max = std::max(max, v);
  // The samples inside the window: a piecewise-linear signal has its extremes there or at the ends.
  const bool up = rising(t);
  for (auto it = first_not_before(t, up ? lo : hi); it != rows.end(); ++it) {
    if ((*it)[0] > hi || (*it)[0] < lo) break;
    min = std::min(min, (*it)[col]), max = std::max(max, (*it)[col]);
  }
  return true;
}

bool same_axis(const engine::Results& a, const engine::Results& b, double rel) {
  if (a.rows.size() != b.rows.size()) return false;
  rel = std::max(rel, 1e-9);
  for (size_t k = 0; k < a.rows.size(); ++k)
    if (std::fabs(a.rows[k][0] - b.rows[k][0]) > rel * std::max(std::fabs(b.rows[k][0]), 1e-30))
      return false;
  return true;
}

}  // namespace xb::io
