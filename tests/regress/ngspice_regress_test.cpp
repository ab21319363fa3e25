// Every deck in tests/regress/ngspice/decks is simulated and compared with the ngspice golden
// raw file next to it (regenerate with make_goldens.sh): every vector ngspice saved.
//   .op/.dc: at every point, within relative 1e-6 (absolute 1e-9 V, 1e-12 A).
//   .tran: xbspice's waveform, interpolated at ngspice's time points, within 1e-3 of each
//   signal's range (at least 1 µV / 1 nA), and xbspice takes no more time points than ngspice.
//   Not compared: ngspice's first point after each source corner and any of its points before
//   xbspice's first one after it, where a signal can jump (a capacitor's current when a ramp
//   ends) and two grids cannot agree. A deck with the header line "* ngspice-points: more" is
//   exempt from the point count, with the reason on that line.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <regex>

#include <fstream>
#include "ascii_raw.hpp"
#include "engine/transient.hpp"
#include "frontends/session/simulation.hpp"
#include "netlist/elaborate.hpp"
#include "netlist/parser.hpp"

namespace fs = std::filesystem;
using namespace xb;

namespace {

const std::string kDir = XB_REGRESS_DIR;

std::vector<std::string> decks() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(kDir + "/decks"))
    out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

class NgspiceRegression : public ::testing::TestWithParam<std::string> {};

// Source corners in [0, tstop] of the circuit `prepare` builds.
std::vector<double> breakpoints(const engine::PrepareFn& prepare, const netlist::FlatAnalysis& a) {
  auto p = prepare({});
  std::vector<double> out{0.0};
  for (const auto& g : p->solver->groups()) g->begin_transient(a.tstep, a.tstop);
  for (double t = 0;;) {
    double next = a.tstop;
    for (const auto& g : p->solver->groups()) next = std::min(next, g->next_breakpoint(t));
    if (next >= a.tstop) break;
    out.push_back(t = next);
  }
  return out;
}

// Linear interpolation of column `col` of `rows` (first column: time) at t.
double at_time(const std::vector<std::vector<double>>& rows, size_t col, double t) {
  auto it = std::lower_bound(rows.begin(), rows.end(), t,
                             [](const std::vector<double>& r, double v) { return r[0] < v; });
  if (it == rows.begin()) return rows.front()[col];
  if (it == rows.end()) return rows.back()[col];
  const auto& b = *it;
  const auto& a = *(it - 1);
  const double w = b[0] > a[0] ? (t - a[0]) / (b[0] - a[0]) : 1.0;
  return a[col] + w * (b[col] - a[col]);
}

size_t compare_transient(const std::string& name, const regress::RawPlot& plot, size_t index,
                         const engine::PrepareFn& prepare) {
  engine::TransientOutcome out = engine::run_transient_analysis(index, prepare);
  EXPECT_TRUE(out.status.ok) << out.status.message;
  const auto& rows = out.results.rows;
  if (rows.empty()) return 0;
  const netlist::FlatAnalysis a = prepare({})->circuit.analyses.at(index);
  // Points not compared: right after a corner, until both simulators have a point past it.
  const std::vector<double> corners = breakpoints(prepare, a);
  auto first_after = [](const std::vector<double>& times, double b) {
    auto it = std::upper_bound(times.begin(), times.end(), b * (1 + 1e-12) + 1e-30);
    return it == times.end() ? 1e300 : *it;
  };
  std::vector<double> xb_times, ng_times;
  for (const auto& r : rows) xb_times.push_back(r[0]);
  for (const auto& p : plot.points) ng_times.push_back(p[0]);
  auto skipped = [&](double t) {
    for (double b : corners)
      if (t > b * (1 + 1e-12) && t <= std::max(first_after(xb_times, b), first_after(ng_times, b)))
        return true;
    return false;
  };
  std::ifstream deck(kDir + "/decks/" + name + ".sp");
  const std::string text((std::istreambuf_iterator<char>(deck)), {});
  const bool count_exempt = text.find("* ngspice-points: more") != std::string::npos;
  auto positive = [](const std::vector<double>& times) {
    return std::count_if(times.begin(), times.end(), [](double t) { return t > 0; });
  };
  if (!count_exempt) {
    EXPECT_LE(positive(xb_times), positive(ng_times))
        << name << ": xbspice takes more time points than ngspice";
  }
  size_t compared = 0;
  for (size_t v = 1; v < plot.variables.size(); ++v) {
    const std::string& var = plot.variables[v];
    auto it = std::find(out.results.signals.begin(), out.results.signals.end(), var);
    if (it == out.results.signals.end()) {
      ADD_FAILURE() << name << ": xbspice has no signal " << var;
      continue;
    }
    const size_t col = it - out.results.signals.begin();
    double lo = 1e300, hi = -1e300;
    for (const auto& p : plot.points) lo = std::min(lo, p[v]), hi = std::max(hi, p[v]);
    const double tol = 1e-3 * std::max(hi - lo, var[0] == 'i' ? 1e-9 : 1e-6);
    double worst = 0, worst_t = 0;
    for (const auto& p : plot.points) {
      if (skipped(p[0])) continue;
      const double err = std::fabs(at_time(rows, col, p[0]) - p[v]);
      if (err > worst) worst = err, worst_t = p[0];
      ++compared;
    }
    EXPECT_LE(worst, tol) << name << ": " << var << " differs by " << worst / (hi - lo)
                          << " of its range at t = " << worst_t;
  }
  return compared;
}

}  // namespace

TEST_P(NgspiceRegression, MatchesGolden) {
  const std::string name = GetParam();
  netlist::ParseResult parsed = netlist::parse_deck_file(kDir + "/decks/" + name + ".sp");
  ASSERT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
  std::vector<regress::RawPlot> golden = regress::read_ascii_raw(kDir + "/golden/" + name + ".raw");
  ASSERT_FALSE(golden.empty());
  auto prepare = [&](const std::unordered_map<std::string, double>& o) {
    return session::prepare_circuit(parsed.deck, o);
  };
  auto base = prepare({});
  ASSERT_TRUE(base->status.ok) << base->status.message;

  size_t compared = 0;
  std::vector<bool> used(golden.size(), false);
  for (size_t a = 0; a < base->circuit.analyses.size(); ++a) {
    if (base->circuit.analyses[a].kind == netlist::AnalysisKind::tran) {
      const regress::RawPlot* plot = nullptr;
      for (size_t g = 0; g < golden.size() && !plot; ++g)
        if (!used[g] && golden[g].name == "Transient Analysis") used[g] = true, plot = &golden[g];
      ASSERT_TRUE(plot) << "no golden transient plot for analysis " << a;
      compared += compare_transient(name, *plot, a, prepare);
      continue;
    }
    engine::AnalysisOutcome out = engine::run_dc_analysis(a, prepare);
    ASSERT_TRUE(out.status.ok) << out.status.message;
    const bool op = out.results.analysis == "op";
    // ngspice orders plots its own way: match the next unused plot of the same kind.
    const regress::RawPlot* plot = nullptr;
    for (size_t g = 0; g < golden.size() && !plot; ++g)
      if (!used[g] && (golden[g].name == "Operating Point") == op)
        used[g] = true, plot = &golden[g];
    ASSERT_TRUE(plot) << "no golden plot for analysis " << a;
    ASSERT_EQ(plot->points.size(), out.results.rows.size());
    const size_t first = op ? 0 : 1;  // a DC plot starts with the sweep variable
    for (size_t v = first; v < plot->variables.size(); ++v) {
      const std::string& var = plot->variables[v];
      // ngspice turns E/G value={...} into B sources named b<element> on internal nodes named
      // <element>_int<k>: its implementation, not quantities of the circuit.
      if (std::regex_search(var, std::regex("_int[0-9]+\\)$|^i\\(b[eg]"))) continue;
      auto it = std::find(out.results.signals.begin(), out.results.signals.end(), var);
      ASSERT_NE(it, out.results.signals.end()) << "xbspice has no signal " << var;
      const size_t col = it - out.results.signals.begin();
      const double abs_floor = var[0] == 'i' ? 1e-12 : 1e-9;
      for (size_t p = 0; p < plot->points.size(); ++p) {
        const double want = plot->points[p][v], got = out.results.rows[p][col];
        EXPECT_LE(std::fabs(got - want), 1e-6 * std::fabs(want) + abs_floor)
            << name << ": " << var << " at point " << p << ": xbspice " << got << ", ngspice "
            << want;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 0u);
}

INSTANTIATE_TEST_SUITE_P(Corpus, NgspiceRegression, ::testing::ValuesIn(decks()),
                         [](const auto& info) { return info.param; });
