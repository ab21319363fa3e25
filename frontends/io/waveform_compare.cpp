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
  // Complex tables, split into re() and im() columns: for each column of B, |B| at each row,
  // against which the relative tolerance of both parts is taken (a part near zero of a large
  // value is not held to a tolerance of its own).
  const std::vector<std::vector<double>>* magnitudes = nullptr;
};

// A complex table (AC) as a real one: the axis (its real part), then the real and imaginary
// part of each signal x; `magnitudes[j][k]` is |x| at row k for both columns of x.
engine::Results split_complex(const engine::Results& t,
                              std::vector<std::vector<double>>& magnitudes) {
  engine::Results out;
  out.analysis = t.analysis, out.title = t.title, out.axis_resolution = t.axis_resolution;
  out.signals.push_back(t.signals[0]);
  magnitudes.assign(1, {});
  for (size_t j = 1; j < t.signals.size(); ++j) {
    // vr(x)/vi(x), ir(x)/ii(x): the names HSPICE's AC columns are read under.
    const std::string& name = t.signals[j];
    const size_t paren = name.find('(');
    const std::string stem = paren == std::string::npos ? "v" : name.substr(0, paren);
    const std::string rest = paren == std::string::npos ? "(" + name + ")" : name.substr(paren);
    out.signals.push_back(stem + "r" + rest);
    out.signals.push_back(stem + "i" + rest);
    std::vector<double> m;
    for (size_t k = 0; k < t.rows.size(); ++k) m.push_back(std::hypot(t.rows[k][j], t.imag[k][j]));
    magnitudes.push_back(m);
    magnitudes.push_back(std::move(m));
  }
  for (size_t k = 0; k < t.rows.size(); ++k) {
    std::vector<double> row{t.rows[k][0]};
    for (size_t j = 1; j < t.signals.size(); ++j)
      row.insert(row.end(), {t.rows[k][j], t.imag[k][j]});
    out.rows.push_back(std::move(row));
  }
  return out;
}

SignalComparison compare_signal(const Pairing& p, size_t ja, size_t jb) {
  const engine::Results &A = p.A, &B = p.B;
  SignalComparison r;
  r.name = B.signals[jb];
  double lo = 1e300, hi = -1e300;
  for (const auto& row : B.rows) lo = std::min(lo, row[jb]), hi = std::max(hi, row[jb]);
  auto within = [&](double d, double reference) {
    return d <= p.tol.abstol + p.tol.reltol * reference ||
           (p.tol.range_tol > 0 && d <= p.tol.range_tol * (hi - lo));
  };
  for (size_t k = 0; k < B.rows.size(); ++k) {
    const double axis = B.rows[k][0], want = B.rows[k][jb];
    const double reference = p.magnitudes ? (*p.magnitudes)[jb][k] : std::fabs(want);
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
    bool ok = within(d, reference);
    if (!ok && p.window > 0) {
      // A passes when it takes B's value (within tolerance) somewhere in the window.
      double min, max;
      if (range_in_window(A, ja, axis - p.window, axis + p.window, min, max) &&
          within(std::max({0.0, min - want, want - max}), reference))
        ok = true, ++r.window_passes;
    }
    if (!ok) r.pass = false;
    // The reported differences are the plain ones, window or not.
    if (d > r.worst_abs) r.worst_abs = d, r.where = axis;
    r.worst_rel = std::max(r.worst_rel, d / std::max(reference, p.tol.abstol));
    r.a.x.push_back(axis), r.a.y.push_back(got);
    r.b.x.push_back(axis), r.b.y.push_back(want);
    r.diff.x.push_back(axis), r.diff.y.push_back(got - want);
  }
  return r;
}

TableComparison compare_table(const engine::Results& complex_a, const engine::Results& complex_b,
                              const CompareTolerances& tol,
                              const std::vector<std::string>& wanted) {
  // A complex side is split into real and imaginary columns (an HSPICE .ac# file is read that
  // way already); with B complex both parts are held to a tolerance of |B|.
  std::vector<std::vector<double>> magnitudes, unused;
  const engine::Results split_a =
      complex_a.is_complex() ? split_complex(complex_a, unused) : engine::Results{};
  const engine::Results split_b =
      complex_b.is_complex() ? split_complex(complex_b, magnitudes) : engine::Results{};
  const engine::Results& A = complex_a.is_complex() ? split_a : complex_a;
  const engine::Results& B = complex_b.is_complex() ? split_b : complex_b;
  const bool complex = complex_b.is_complex();
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
  const Pairing p{
      A, B, pointwise, t.time_window, t.axis_slack, tol, complex ? &magnitudes : nullptr};
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
