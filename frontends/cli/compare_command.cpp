#include "frontends/cli/compare_command.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "frontends/cli/exit_codes.hpp"
#include "frontends/io/result_readers.hpp"
#include "frontends/io/svg_plot.hpp"
#include "frontends/io/waveform_compare.hpp"

namespace xb::cli {
namespace {

std::string g(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

void print_table(const io::TableComparison& t, const CompareOptions& o, bool several) {
  if (several)
    std::printf("table %zu of %s with table %zu of %s (%s): %s\n", t.a_table + 1, o.a.c_str(),
                t.b_table + 1, o.b.c_str(), t.analysis.c_str(), t.title.c_str());
  if (t.time_window > 0)
    std::printf("time window ±%s %s (--time-tol), axis ends within %s are equal\n",
                g(t.time_window).c_str(), t.axis.c_str(), g(t.axis_slack).c_str());
  if (t.axes_named_apart)
    std::printf("note: the axes differ in name and values (%s in %s): rows compared in order\n",
                t.axis.c_str(), o.b.c_str());
  std::printf("%-24s %-11s %-11s %-16s %s\n", "signal", "worst abs", "worst rel", "at", "result");
  for (const io::SignalComparison& r : t.signals) {
    std::printf("%-24s %-11s %-11s %-16s %s\n", r.name.c_str(), g(r.worst_abs).c_str(),
                g(r.worst_rel).c_str(), t.single_point ? "-" : (t.axis + "=" + g(r.where)).c_str(),
                r.pass ? "pass" : "FAIL");
    if (r.window_passes > 0)
      std::printf("    %zu point(s) pass by the time window\n", r.window_passes);
    if (!r.note.empty()) std::printf("    %s %s\n", o.a.c_str(), r.note.c_str());
  }
  // Every name when there are a few; a count and the first ten when there are many.
  auto list = [](const std::vector<std::string>& names) {
    std::string out;
    for (size_t k = 0; k < names.size() && k < 10; ++k) out += " " + names[k];
    if (names.size() > 10) out = " " + std::to_string(names.size()) + " signals:" + out + " ...";
    return out;
  };
  if (!t.only_a.empty()) std::printf("only in %s:%s\n", o.a.c_str(), list(t.only_a).c_str());
  if (!t.only_b.empty()) std::printf("only in %s:%s\n", o.b.c_str(), list(t.only_b).c_str());
}

// One panel with both waveforms and one with their difference, per signal of the first table.
bool write_plot(const io::TableComparison& t, const std::string& path) {
  const int w = 720, h = 300;
  std::ofstream out(path);
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << w << "\" height=\""
      << 2 * h * std::max<size_t>(1, t.signals.size()) << "\">\n";
  for (size_t k = 0; k < t.signals.size(); ++k) {
    const io::SignalComparison& r = t.signals[k];
    out << "<g transform=\"translate(0," << 2 * h * k << ")\">\n";
    io::write_svg_plot({r.a, r.b}, {r.name + (r.pass ? "" : "  (FAIL)"), t.axis, r.name, w, h},
                       out);
    out << "</g>\n<g transform=\"translate(0," << 2 * h * k + h << ")\">\n";
    io::write_svg_plot({r.diff}, {r.name + ": A - B", t.axis, "difference", w, h}, out);
    out << "</g>\n";
  }
  out << "</svg>\n";
  return static_cast<bool>(out);
}

}  // namespace

int run_compare(const CompareOptions& o) {
  io::ReadResults ra = io::read_results_file(o.a), rb = io::read_results_file(o.b);
  for (const io::ReadResults* r : {&ra, &rb})
    if (!r->error.empty() || r->tables.empty()) {
      std::cerr << "xbspice compare: error: " << r->error << "\n";
      return kUserError;
    }
  if (!o.analysis.empty())
    for (io::ReadResults* r : {&ra, &rb}) {
      std::erase_if(r->tables, [&](const engine::Results& t) { return t.analysis != o.analysis; });
      if (r->tables.empty()) {
        std::cerr << "xbspice compare: error: " << (r == &ra ? o.a : o.b) << " has no "
                  << o.analysis << " table\n";
        return kUserError;
      }
    }
  const io::Comparison c =
      io::compare_results(ra.tables, rb.tables, o.tolerances, o.signals, o.a, o.b);
  std::printf("tolerances: reltol %s, abstol %s, range-tol %s\n", g(o.tolerances.reltol).c_str(),
              g(o.tolerances.abstol).c_str(), g(o.tolerances.range_tol).c_str());
  for (size_t ib : c.unmatched_b)
    std::printf("FAIL: table %zu of %s (%s) has no counterpart in %s\n", ib + 1, o.b.c_str(),
                rb.tables[ib].analysis.c_str(), o.a.c_str());
  for (size_t ia : c.unmatched_a)
    std::printf("note: table %zu of %s (%s) has no counterpart in %s: not compared\n", ia + 1,
                o.a.c_str(), ra.tables[ia].analysis.c_str(), o.b.c_str());
  const bool several = ra.tables.size() > 1 || rb.tables.size() > 1;
  size_t compared = 0;
  for (const io::TableComparison& t : c.tables)
    print_table(t, o, several), compared += t.signals.size();
  if (!o.plot.empty() && !c.tables.empty() && !write_plot(c.tables.front(), o.plot)) {
    std::cerr << "xbspice compare: error: cannot write " << o.plot << "\n";
    return kUserError;
  }
  if (compared == 0) {  // nothing in common passes nothing
    std::printf("FAIL: no signal is in both files (names differ?)\n");
    return kUserError;
  }
  std::printf("%s\n", c.pass ? "all compared signals pass" : "some signals FAIL");
  return c.pass ? kOk : kUserError;
}

}  // namespace xb::cli
