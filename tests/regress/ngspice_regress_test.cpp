// Every deck in tests/regress/ngspice/decks is simulated and compared with the ngspice golden
// raw file next to it (regenerate with make_goldens.sh): every vector ngspice saved, at every
// point, within relative 1e-6 (absolute 1e-9 V, 1e-12 A).

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <regex>

#include "ascii_raw.hpp"
#include "frontends/simulation.hpp"
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

}  // namespace

TEST_P(NgspiceRegression, MatchesGolden) {
  const std::string name = GetParam();
  netlist::ParseResult parsed = netlist::parse_deck_file(kDir + "/decks/" + name + ".sp");
  ASSERT_TRUE(parsed.ok()) << parsed.diagnostics.format(*parsed.deck.sources);
  std::vector<regress::RawPlot> golden = regress::read_ascii_raw(kDir + "/golden/" + name + ".raw");
  ASSERT_FALSE(golden.empty());
  auto prepare = [&](const std::unordered_map<std::string, double>& o) {
    return cli::prepare_circuit(parsed.deck, o);
  };
  auto base = prepare({});
  ASSERT_TRUE(base->status.ok) << base->status.message;

  size_t compared = 0;
  std::vector<bool> used(golden.size(), false);
  for (size_t a = 0; a < base->circuit.analyses.size(); ++a) {
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
