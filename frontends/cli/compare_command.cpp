#include "frontends/cli/compare_command.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "frontends/cli/exit_codes.hpp"
#include "frontends/io/result_axis.hpp"
#include "frontends/io/result_readers.hpp"
#include "frontends/io/svg_plot.hpp"

namespace xb::cli {
namespace {

// Matching key of a signal name: lower case, ':' as '.', voltages without v( ).
std::string key_of(std::string name) {
  for (char& c : name)
    c = c == ':' ? '.' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name.size() > 3 && name.rfind("v(", 0) == 0 && name.back() == ')' &&
      name.find(',') == std::string::npos)
    return name.substr(2, name.size() - 3);
  return name;
}

struct SignalResult {
  std::string name;
  double worst_abs = 0, worst_rel = 0, where = 0;
  bool pass = true;
  std::string note;
  io::Series a, b, diff;
};

std::string g(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

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

}  // namespace

int run_compare(const CompareOptions& o) {
  io::ReadResults ra = io::read_results_file(o.a), rb = io::read_results_file(o.b);
  for (const io::ReadResults* r : {&ra, &rb})
    if (!r->error.empty() || r->tables.empty()) {
      std::cerr << "xbspice compare: error: " << r->error << "\n";
      return kUserError;
    }
  std::vector<std::string> wanted;
  for (const std::string& s : o.signals) wanted.push_back(key_of(s));
  bool all_pass = true;
  std::vector<SignalResult> plotted;
  const std::vector<std::pair<size_t, size_t>> pairs = pair_tables(ra.tables, rb.tables);
  // Every table of the reference must be compared: one left over is a failure, not a skip.
  std::vector<bool> a_used(ra.tables.size(), false), b_used(rb.tables.size(), false);
  for (auto [ia, ib] : pairs) a_used[ia] = b_used[ib] = true;
  for (size_t ib = 0; ib < rb.tables.size(); ++ib)
    if (!b_used[ib]) {
      std::printf("FAIL: table %zu of %s (%s) has no counterpart in %s\n", ib + 1, o.b.c_str(),
                  rb.tables[ib].analysis.c_str(), o.a.c_str());
      all_pass = false;
    }
  for (size_t ia = 0; ia < ra.tables.size(); ++ia)
    if (!a_used[ia])
      std::printf("note: table %zu of %s (%s) has no counterpart in %s: not compared\n", ia + 1,
                  o.a.c_str(), ra.tables[ia].analysis.c_str(), o.b.c_str());
  for (size_t t = 0; t < pairs.size(); ++t) {
    const engine::Results &A = ra.tables[pairs[t].first], &B = rb.tables[pairs[t].second];
    if (ra.tables.size() > 1 || rb.tables.size() > 1)
      std::printf("table %zu of %s with table %zu of %s (%s): %s\n", pairs[t].first + 1,
                  o.a.c_str(), pairs[t].second + 1, o.b.c_str(), B.analysis.c_str(),
                  B.title.c_str());
    // Two single-point tables (operating points) have no axis: every column is a signal.
    const bool single = A.rows.size() == 1 && B.rows.size() == 1;
    const size_t first = single ? 0 : 1;
    std::map<std::string, size_t> ca, cb;
    for (size_t i = first; i < A.signals.size(); ++i) ca.emplace(key_of(A.signals[i]), i);
    for (size_t i = first; i < B.signals.size(); ++i) cb.emplace(key_of(B.signals[i]), i);
    const bool pointwise = single || io::same_axis(A, B);
    std::printf("%-24s %-11s %-11s %-16s %s\n", "signal", "worst abs", "worst rel", "at", "result");
    for (const auto& [key, jb] : cb) {
      if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), key) == wanted.end()) continue;
      auto it = ca.find(key);
      if (it == ca.end()) continue;
      const size_t ja = it->second;
      SignalResult r;
      r.name = B.signals[jb];
      r.a.name = "A: " + o.a, r.b.name = "B: " + o.b, r.diff.name = "A - B";
      double lo = 1e300, hi = -1e300;
      for (const auto& row : B.rows) lo = std::min(lo, row[jb]), hi = std::max(hi, row[jb]);
      for (size_t k = 0; k < B.rows.size(); ++k) {
        const double axis = B.rows[k][0], want = B.rows[k][jb];
        double got;
        if (pointwise) {
          got = A.rows[k][ja];
        } else if (!io::value_at_axis(A, ja, axis, got)) {
          r.note = o.a + " does not reach " + B.signals[0] + " = " + g(axis);
          r.pass = false;
          break;
        }
        const double d = std::fabs(got - want);
        const double rel = d / std::max(std::fabs(want), o.abstol);
        bool ok = d <= o.abstol + o.reltol * std::fabs(want);
        if (o.range_tol > 0) ok = ok || d <= o.range_tol * (hi - lo);
        if (!ok) r.pass = false;
        if (d > r.worst_abs) r.worst_abs = d, r.where = axis;
        r.worst_rel = std::max(r.worst_rel, rel);
        r.a.x.push_back(axis), r.a.y.push_back(got);
        r.b.x.push_back(axis), r.b.y.push_back(want);
        r.diff.x.push_back(axis), r.diff.y.push_back(got - want);
      }
      all_pass = all_pass && r.pass;
      std::printf("%-24s %-11s %-11s %-16s %s\n", r.name.c_str(), g(r.worst_abs).c_str(),
                  g(r.worst_rel).c_str(), single ? "-" : (B.signals[0] + "=" + g(r.where)).c_str(),
                  r.pass ? "pass" : "FAIL");
      if (!r.note.empty()) std::printf("    %s\n", r.note.c_str());
      if (t == 0) plotted.push_back(std::move(r));
    }
    std::string only_a, only_b;
    for (const auto& [key, j] : ca)
      if (!cb.count(key)) only_a += " " + A.signals[j];
    for (const auto& [key, j] : cb)
      if (!ca.count(key)) only_b += " " + B.signals[j];
    if (!only_a.empty()) std::printf("only in %s:%s\n", o.a.c_str(), only_a.c_str());
    if (!only_b.empty()) std::printf("only in %s:%s\n", o.b.c_str(), only_b.c_str());
  }
  if (!o.plot.empty()) {
    // One panel with both waveforms and one with their difference, per signal.
    const int w = 720, h = 300;
    std::ofstream out(o.plot);
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << w << "\" height=\""
        << 2 * h * std::max<size_t>(1, plotted.size()) << "\">\n";
    for (size_t k = 0; k < plotted.size(); ++k) {
      const SignalResult& r = plotted[k];
      const std::string axis = rb.tables[0].signals[0];
      out << "<g transform=\"translate(0," << 2 * h * k << ")\">\n";
      io::write_svg_plot({r.a, r.b}, {r.name + (r.pass ? "" : "  (FAIL)"), axis, r.name, w, h},
                         out);
      out << "</g>\n<g transform=\"translate(0," << 2 * h * k + h << ")\">\n";
      io::write_svg_plot({r.diff}, {r.name + ": A - B", axis, "difference", w, h}, out);
      out << "</g>\n";
    }
    out << "</svg>\n";
    if (!out) {
      std::cerr << "xbspice compare: error: cannot write " << o.plot << "\n";
      return kUserError;
    }
  }
  if (plotted.empty() && !all_pass) return kUserError;
  std::printf("%s\n", all_pass ? "all compared signals pass" : "some signals FAIL");
  return all_pass ? kOk : kUserError;
}

}  // namespace xb::cli
