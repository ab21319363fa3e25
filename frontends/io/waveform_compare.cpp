#include "frontends/io/waveform_compare.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

#include "frontends/io/result_axis.hpp"

namespace xb::io {
namespace {

// Which table of A goes with which of B: the k-th of an analysis kind with the k-th of the
// same kind (ngspice writes a deck's .dc plot before its .op one; xbspice one file each), in
// order where a file does not say its kinds.
std::vector<std::pair<size_t, size_t>> pair_tables(const std::vector<engine::Results>& a,
                                                   const std::vector<engine::Results>& b) {
  std::vector<std::pair<size_t, size_t>> pairs;
  std::vector<bool> used(a.size(), false);
  for (size_t ib = 0; ib < b.size(); ++ib)
    for (size_t ia = 0; ia < a.size(); ++ia) {
      const bool kinds_known = !a[ia].analysis.empty() && !b[ib].analysis.empty();
      if (used[ia] || (kinds_known && a[ia].analysis != b[ib].analysis)) continue;
      used[ia] = true;
      pairs.emplace_back(ia, ib);
      break;
    }
  return pairs;
}

bool is_time_axis(const engine::Results& t) {
  return t.analysis == "tran" || (!t.signals.empty() && t.signals[0] == "time");
}

double largest_axis_value(const engine::Results& t) {
  double m = 0;
  for (const auto& row : t.rows) m = std::max(m, std::fabs(row[0]));
  return m;
}

struct Pairing {
  const engine::Results &A, &B;
  bool pointwise;
  double window, slack;
  const CompareTolerances& tol;
};

SignalComparison compare_signal(const Pairing& p, size_t ja, size_t jb) {
  const engine::Results &A = p.A, &B = p.B;
  SignalComparison r;
  r.name = B.signals[jb];
  double lo = 1e300, hi = -1e300;
  for (const auto& row : B.rows) lo = std::min(lo, row[jb]), hi = std::max(hi, row[jb]);
  auto within = [&](double d, double want) {
    return d <= p.tol.abstol + p.tol.reltol * std::fabs(want) ||
           (p.tol.range_tol > 0 && d <= p.tol.range_tol * (hi - lo));
  };
  for (size_t k = 0; k < B.rows.size(); ++k) {
    const double axis = B.rows[k][0], want = B.rows[k][jb];
    double got;
    if (p.pointwise) {
      got = A.rows[k][ja];
    } else if (!value_at_axis(A, ja, axis, got, p.slack)) {
      char at[32];
      std::snprintf(at, sizeof at, "%.8g", axis);
      r.note = "does not reach " + B.signals[0] + " = " + at;
      r.pass = false;
      break;
    }
    const double d = std::fabs(got - want);
    bool ok = within(d, want);
    if (!ok && p.window > 0) {
      // A passes when it takes B's value (within tolerance) somewhere in the window.
      double min, max;
      if (range_in_window(A, ja, axis - p.window, axis + p.window, min, max) &&
          within(std::max({0.0, min - want, want - max}), want))
        ok = true, ++r.window_passes;
    }
    if (!ok) r.pass = false;
    // The reported differences are the plain ones, window or not.
    if (d > r.worst_abs) r.worst_abs = d, r.where = axis;
    r.worst_rel = std::max(r.worst_rel, d / std::max(std::fabs(want), p.tol.abstol));
    r.a.x.push_back(axis), r.a.y.push_back(got);
    r.b.x.push_back(axis), r.b.y.push_back(want);
    r.diff.x.push_back(axis), r.diff.y.push_back(got - want);
  }
  return r;
}

TableComparison compare_table(const engine::Results& A, const engine::Results& B,
                              const CompareTolerances& tol,
                              const std::vector<std::string>& wanted) {
  TableComparison t;
  t.analysis = B.analysis, t.title = B.title, t.axis = B.signals.empty() ? "" : B.signals[0];
  // Two single-point tables (operating points) have no axis: every column is a signal.
  t.single_point = A.rows.size() == 1 && B.rows.size() == 1;
  const size_t first = t.single_point ? 0 : 1;
  std::map<std::string, size_t> ca, cb;
  for (size_t i = first; i < A.signals.size(); ++i) ca.emplace(signal_key(A.signals[i]), i);
  for (size_t i = first; i < B.signals.size(); ++i) cb.emplace(signal_key(B.signals[i]), i);
  const double resolution = A.axis_resolution + B.axis_resolution;
  const double extent = largest_axis_value(B);
  if (!t.single_point && is_time_axis(B))
    t.time_window = tol.time_window.value_or(2 * resolution * extent);
  const double span = B.rows.empty() ? 0 : std::fabs(B.rows.back()[0] - B.rows.front()[0]);
  t.axis_slack = std::max(1e-9 * span, 2 * resolution * extent);
  // The same grid written at two precisions is compared row by row; so are two axes of another
  // name with as many rows (ngspice's index sweep of a .data table beside xbspice's first column).
  t.axes_named_apart = !t.single_point && !A.signals.empty() && !B.signals.empty() &&
                       A.rows.size() == B.rows.size() && !same_axis(A, B, 2 * resolution) &&
                       signal_key(A.signals[0]) != signal_key(B.signals[0]);
  const bool pointwise = t.single_point || t.axes_named_apart || same_axis(A, B, 2 * resolution);
  const Pairing p{A, B, pointwise, t.time_window, t.axis_slack, tol};
  for (const auto& [key, jb] : cb) {
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), key) == wanted.end()) continue;
    auto it = ca.find(key);
    if (it != ca.end()) t.signals.push_back(compare_signal(p, it->second, jb));
  }
  for (const auto& [key, j] : ca)
    if (!cb.count(key)) t.only_a.push_back(A.signals[j]);
  for (const auto& [key, j] : cb)
    if (!ca.count(key)) t.only_b.push_back(B.signals[j]);
  return t;
}

}  // namespace

std::string signal_key(std::string name) {
  for (char& c : name)
    c = c == ':' ? '.' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name.size() > 3 && name.rfind("v(", 0) == 0 && name.back() == ')' &&
      name.find(',') == std::string::npos)
    return name.substr(2, name.size() - 3);
  return name;
}

Comparison compare_results(const std::vector<engine::Results>& a,
                           const std::vector<engine::Results>& b, const CompareTolerances& tol,
                           const std::vector<std::string>& signals, const std::string& a_name,
                           const std::string& b_name) {
  Comparison c;
  std::vector<std::string> wanted;
  for (const std::string& s : signals) wanted.push_back(signal_key(s));
  const std::vector<std::pair<size_t, size_t>> pairs = pair_tables(a, b);
  // Every table of the reference must be compared: one left over is a failure, not a skip.
  std::vector<bool> a_used(a.size(), false), b_used(b.size(), false);
  for (auto [ia, ib] : pairs) a_used[ia] = b_used[ib] = true;
  for (size_t ib = 0; ib < b.size(); ++ib)
    if (!b_used[ib]) c.unmatched_b.push_back(ib), c.pass = false;
  for (size_t ia = 0; ia < a.size(); ++ia)
    if (!a_used[ia]) c.unmatched_a.push_back(ia);
  for (auto [ia, ib] : pairs) {
    TableComparison t = compare_table(a[ia], b[ib], tol, wanted);
    t.a_table = ia, t.b_table = ib;
    for (SignalComparison& s : t.signals) {
      c.pass = c.pass && s.pass;
      s.a.name = "A: " + a_name, s.b.name = "B: " + b_name, s.diff.name = "A - B";
    }
    c.tables.push_back(std::move(t));
  }
  return c;
}

}  // namespace xb::io
