#include "frontends/io/result_axis.hpp"

#include <algorithm>
#include <cmath>

namespace xb::io {

bool value_at_axis(const engine::Results& t, size_t col, double a, double& out) {
  const auto& rows = t.rows;
  if (rows.empty()) return false;
  if (rows.size() == 1) return out = rows[0][col], true;
  const bool rising = rows.back()[0] >= rows.front()[0];
  auto before = [&](const std::vector<double>& r, double v) {
    return rising ? r[0] < v : r[0] > v;
  };
  auto it = std::lower_bound(rows.begin(), rows.end(), a, before);
  const double slack = 1e-9 * std::fabs(rows.back()[0] - rows.front()[0]);
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

bool same_axis(const engine::Results& a, const engine::Results& b) {
  if (a.rows.size() != b.rows.size()) return false;
  for (size_t k = 0; k < a.rows.size(); ++k)
    if (std::fabs(a.rows[k][0] - b.rows[k][0]) > 1e-9 * std::max(std::fabs(b.rows[k][0]), 1e-30))
      return false;
  return true;
}

}  // namespace xb::io
