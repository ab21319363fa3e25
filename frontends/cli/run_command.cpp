#include "frontends/cli/run_command.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>

#include "engine/dc_analysis.hpp"
#include "engine/measure.hpp"
#include "engine/transient.hpp"
#include "frontends/cli/exit_codes.hpp"
#include "frontends/cli/file_commands.hpp"
#include "frontends/io/hspice_listing_writer.hpp"
#include "frontends/io/result_writers.hpp"
#include "frontends/session/load_deck.hpp"
#include "frontends/session/simulation.hpp"

namespace xb::cli {
namespace {

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  void operator()(size_t done, size_t total) {
    if (!enabled_ || total < 50) return;
    const size_t percent = done * 100 / total;
    if (done != total && percent == last_percent_) return;
    last_percent_ = percent;
    std::cerr << "\r  " << percent << " % (" << done << " / " << total << ")"
              << (done == total ? "\n" : "") << std::flush;
  }

 private:
  bool enabled_;
  size_t last_percent_ = 1000;
};

}  // namespace

int run_deck(const RunOptions& opt) {
  auto loaded = session::load_deck(opt.deck, std::cerr);
  if (!loaded) return kUserError;
  return run_loaded(std::move(*loaded), opt);
}

int run_loaded(LoadedDeck loaded, const RunOptions& opt) {
  const netlist::Deck& main_deck = loaded.deck;
  std::vector<netlist::Deck> runs{main_deck};
  for (size_t i = 0; i < main_deck.alters.size(); ++i)
    runs.push_back(netlist::apply_alter(main_deck, i));

  Progress progress(isatty(STDERR_FILENO) != 0);
  std::ofstream lis_file;
  std::optional<io::HspiceListing> lis;
  if (!opt.lis.empty()) {
    lis_file.open(opt.lis);
    if (!lis_file) {
      std::cerr << "xbspice: error: cannot write " << opt.lis << "\n";
      return kUserError;
    }
    const auto& first = loaded.runs.front();
    lis.emplace(lis_file, main_deck.title,
                first.temperatures.empty() ? 27.0 : first.temperatures.front());
  }
  size_t written = 0;
  int exit_code = kOk;
  for (size_t r = 0; r < runs.size(); ++r) {
    const netlist::Deck& deck = runs[r];
    // The first preparation takes the circuit load_deck already elaborated.
    std::optional<netlist::Circuit> elaborated = std::move(loaded.runs[r]);
    const std::vector<netlist::FlatAnalysis> analyses = elaborated->analyses;
    const std::vector<netlist::Measure> measures = elaborated->measures;
    const std::unordered_map<std::string, double> params = elaborated->params;
    auto prepare_fn = [&deck, &elaborated](const std::unordered_map<std::string, double>& o) {
      std::optional<netlist::Circuit> reuse;
      if (o.empty() && elaborated) reuse.swap(elaborated);
      return session::prepare_circuit(deck, o, std::move(reuse));
    };
    if (analyses.empty()) std::cerr << "xbspice: warning: " << opt.deck << " has no analysis\n";
    for (size_t a = 0; a < analyses.size(); ++a) {
      const netlist::FlatAnalysis& fa = analyses[a];
      std::string where = deck.sources->location_string(fa.loc);
      const bool tran = fa.kind == netlist::AnalysisKind::tran;
      if (fa.kind != netlist::AnalysisKind::op && fa.kind != netlist::AnalysisKind::dc && !tran) {
        std::cerr << where << ": error: ." << fa.name
                  << " is not simulated yet (only .op, .dc and .tran)\n";
        exit_code = kSimulationFailure;
        continue;
      }
      engine::TransientOutcome outcome;
      if (tran)
        outcome = engine::run_transient_analysis(a, prepare_fn, std::ref(progress));
      else
        static_cast<engine::AnalysisOutcome&>(outcome) =
            engine::run_dc_analysis(a, prepare_fn, std::ref(progress));
      if (!outcome.results.rows.empty() || outcome.status.ok) {
        if (r > 0) std::cout << "**** .alter " << r << "\n";
        io::write_listing(outcome.results, std::cout,
                          tran ? io::PrintGrid{fa.tstep, fa.tstart, fa.tstop} : io::PrintGrid{});
        const std::vector<engine::MeasureResult> measured =
            engine::evaluate_measures(measures, fa.name, outcome.results, params);
        io::write_measures(measured, std::cout);
        if (lis)
          lis->add(tran ? io::on_print_grid(outcome.results, fa.tstep, fa.tstart, fa.tstop)
                        : outcome.results,
                   measured);
        if (!measured.empty() && !opt.output.empty()) {
          // HSPICE's measure file beside the results: .mt# for .tran, .ms# for .dc, # the run.
          const std::string path = io::measure_path(opt.output, tran ? "mt" : "ms", r);
          std::ofstream file(path);
          io::write_measure_file(measured, outcome.results.title, file);
          if (!file) std::cerr << "xbspice: error: cannot write " << path << "\n";
        }
        if (!opt.output.empty()) {
          std::string path = io::numbered_path(opt.output, written++);
          if (!write_results_file(outcome.results, path, opt.ascii)) {
            std::cerr << "xbspice: error: cannot write " << path << "\n";
            return kUserError;
          }
        }
      }
      if (!outcome.status.ok) {
        std::string at =
            outcome.status.loc.valid() ? deck.sources->location_string(outcome.status.loc) : where;
        if (outcome.status.message.find(": error: ") != std::string::npos)
          std::cerr << outcome.status.message << "\n";
        else
          std::cerr << at << ": error: " << outcome.status.message << " (in ." << fa.name << ")\n";
        if (!outcome.results.rows.empty())
          std::cerr << "note: the " << outcome.results.rows.size()
                    << " point(s) computed before the failure were kept\n";
        exit_code = outcome.status.input_error ? kUserError : kSimulationFailure;
        continue;
      }
      if (opt.stats) {
        const engine::SolverCounters& c = outcome.counters;
        std::fprintf(
            stderr,
            "stats: .%s: %zu points, %d unknowns, %d nonzeros, %s, %d Newton iterations\n"
            "stats:   KLU analyze %llu (%.3f s) factor %llu (%.3f s) refactor %llu (%.3f s) "
            "solve %llu (%.3f s)\n",
            fa.name.c_str(), outcome.results.rows.size(), outcome.unknowns, outcome.nonzeros,
            outcome.linear ? "linear" : "nonlinear", outcome.newton_iterations,
            (unsigned long long)c.analyze, c.analyze_s, (unsigned long long)c.factor, c.factor_s,
            (unsigned long long)c.refactor, c.refactor_s, (unsigned long long)c.solve, c.solve_s);
        if (tran)
          std::fprintf(stderr,
                       "stats:   time points accepted %ld, rejected %ld (truncation error %ld, "
                       "Newton %ld)\n",
                       outcome.steps.accepted,
                       outcome.steps.rejected_truncation + outcome.steps.rejected_newton,
                       outcome.steps.rejected_truncation, outcome.steps.rejected_newton);
      }
    }
  }
  if (lis) lis->finish(exit_code == kOk);
  return exit_code;
}

}  // namespace xb::cli
