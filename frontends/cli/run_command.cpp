#include "frontends/cli/run_command.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>

#include "engine/ac_analysis.hpp"
#include "engine/measure.hpp"
#include "frontends/cli/exit_codes.hpp"
#include "frontends/cli/file_commands.hpp"
#include "frontends/cli/monte_carlo_run.hpp"
#include "frontends/control/control_runner.hpp"
#include "frontends/io/fourier_listing.hpp"
#include "frontends/io/hspice_listing_writer.hpp"
#include "frontends/io/result_writers.hpp"
#include "frontends/session/session.hpp"

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

void print_stats(const netlist::FlatAnalysis& fa, const session::Outcome& outcome) {
  const engine::SolverCounters& c = outcome.counters;
  std::fprintf(stderr,
               "stats: .%s: %zu points, %d unknowns, %d nonzeros, %s, %d Newton iterations\n"
               "stats:   %s analyze %llu (%.3f s) factor %llu (%.3f s) refactor %llu (%.3f s) "
               "solve %llu (%.3f s)\n",
               fa.name.c_str(), outcome.results.rows.size(), outcome.unknowns, outcome.nonzeros,
               outcome.linear ? "linear" : "nonlinear", outcome.newton_iterations,
               outcome.linear_solver.c_str(), (unsigned long long)c.analyze, c.analyze_s,
               (unsigned long long)c.factor, c.factor_s, (unsigned long long)c.refactor,
               c.refactor_s, (unsigned long long)c.solve, c.solve_s);
  if (fa.kind == netlist::AnalysisKind::tran)
    std::fprintf(stderr,
                 "stats:   time points accepted %ld, rejected %ld (truncation error %ld, "
                 "Newton %ld)\n",
                 outcome.steps.accepted,
                 outcome.steps.rejected_truncation + outcome.steps.rejected_newton,
                 outcome.steps.rejected_truncation, outcome.steps.rejected_newton);
}

// `xbspice run` ends the process right after this: freeing the circuit, its solver and the
// deck costs more than solving a 256² crossbar (0.16 s of 0.9 s; 0.7 s at 512²), so the CLI
// leaves the memory to the operating system. Sanitizer builds free it, so that leak checking
// keeps its meaning.
void leave_to_process_exit(session::Session&& s) {
#if defined(__SANITIZE_ADDRESS__)
  session::Session freed_here = std::move(s);
#else
  static_cast<void>(new session::Session(std::move(s)));
#endif
}

// A deck with a .control block runs it, as `ngspice -b` does, instead of its analyses
// statements (the block's `run` runs those).
int run_control_block(session::Session& s, const RunOptions& opt) {
  // A script needs no circuit (ngspice runs .control blocks of decks without elements): the
  // set-up error of an empty one waits for an analysis that needs the circuit.
  netlist::Diagnostics loading;
  for (const netlist::Diagnostic& d : s.diagnostics().items())
    if (!(d.code == "topology" && s.circuit().elements.empty())) {
      netlist::Diagnostic& copy = d.severity == netlist::Severity::error
                                      ? loading.error(d.code, d.loc, d.message)
                                      : loading.warning(d.code, d.loc, d.message);
      copy.instance_path = d.instance_path;
      copy.notes = d.notes;
    }
  std::cerr << loading.format(*s.deck().sources, 0, false);
  if (loading.has_errors()) return kUserError;
  const control::ControlOutcome outcome = control::run_control(s, std::cout);
  netlist::Diagnostics diag;
  if (!opt.output.empty() || !opt.lis.empty())
    diag.warning("control", s.deck().control.front().loc,
                 "the deck's .control block decides what is written (wrdata, write): -o and "
                 "--lis write nothing for it");
  for (size_t k = 0; k < outcome.warnings.size(); ++k)
    diag.warning("control", outcome.warning_locs[k], outcome.warnings[k]);
  if (!outcome.ok) diag.error("control", outcome.loc, outcome.error);
  std::cerr << diag.format(*s.deck().sources, 0, false);
  if (opt.stats)
    std::fprintf(stderr, "stats: .control block: %zu analyses run\n", outcome.analyses_run);
  if (outcome.ok) return kOk;
  if (outcome.analyses_run > 0)
    std::cerr << "note: the plots and files made before the failure were kept\n";
  return outcome.simulation_failed ? kSimulationFailure : kUserError;
}

}  // namespace

// The outputs of every .print of `analysis`, in order.
std::vector<netlist::OutputVar> print_outputs(const netlist::Circuit& c,
                                              const std::string& analysis) {
  std::vector<netlist::OutputVar> out;
  for (const netlist::Print& p : c.prints)
    if (p.analysis == analysis) out.insert(out.end(), p.outputs.begin(), p.outputs.end());
  return out;
}

int run_deck(const RunOptions& opt) {
  return run_loaded(session::load_deck(opt.deck), opt);
}

int run_loaded(LoadedDeck loaded, const RunOptions& opt) {
  session::Session s = session::Session::from_loaded(std::move(loaded));
  if (!s.loaded_ok()) {
    std::cerr << s.format_diagnostics();
    return kUserError;
  }
  size_t shown = 0;  // diagnostics printed so far
  auto show_diagnostics = [&] {
    std::cerr << s.format_diagnostics(shown);
    shown = s.diagnostics().items().size();
  };
  if (!s.deck().control.empty()) return run_control_block(s, opt);
  show_diagnostics();
  // One run of one analysis on the circuit as loaded needs no deck after loading: its memory
  // goes back to the heap, where the solver reuses it (0.2 s of page faults at 512²).
  if (s.run_count() == 1 && s.analysis_count() == 1 &&
      !session::Session::elaborates_again(s.analysis(0)))
    s.release_deck();

  Progress progress(isatty(STDERR_FILENO) != 0);
  std::ofstream lis_file;
  std::optional<io::HspiceListing> lis;
  if (!opt.lis.empty()) {
    lis_file.open(opt.lis);
    if (!lis_file) {
      std::cerr << "xbspice: error: cannot write " << opt.lis << "\n";
      return kUserError;
    }
    const netlist::Circuit& first = s.circuit();
    lis.emplace(lis_file, s.deck().title,
                first.temperatures.empty() ? 27.0 : first.temperatures.front());
  }
  size_t written = 0;
  int exit_code = kOk;
  for (size_t r = 0; r < s.run_count(); ++r) {
    if (r > 0) s.select_run(r), show_diagnostics();
    if (s.analysis_count() == 0)
      std::cerr << "xbspice: warning: " << opt.deck << " has no analysis\n";
    for (size_t a = 0; a < s.analysis_count(); ++a) {
      // Each analysis starts from the deck as written (SPICE semantics); the first one takes
      // the circuit the run was prepared with.
      if (a > 0) s.reset(), show_diagnostics();
      const netlist::FlatAnalysis fa = s.analysis(a);
      if (fa.monte_samples > 0) {
        MonteCarloContext mc{
            opt, r, written, lis ? &*lis : nullptr, std::ref(progress), show_diagnostics};
        if (const int code = run_monte_carlo(s, fa, mc); code != kOk) exit_code = code;
        continue;
      }
      const bool tran = fa.kind == netlist::AnalysisKind::tran;
      session::Outcome outcome = s.run(a, std::ref(progress));
      if (!outcome.results.rows.empty() || outcome.status.ok) {
        if (const std::string label = s.run_label(r); !label.empty())
          std::cout << "**** " << label << "\n";
        // AC results are complex: the listing shows the forms .print ac asks for (vdb, vp, ...).
        const engine::Results& listed =
            outcome.results.is_complex()
                ? engine::ac_print_columns(outcome.results, print_outputs(s.circuit(), "ac"))
                : outcome.results;
        io::write_listing(listed, std::cout,
                          tran ? io::PrintGrid{fa.tstep, fa.tstart, fa.tstop} : io::PrintGrid{});
        const engine::Results& measured_table =
            outcome.results.is_complex()
                ? engine::ac_measure_table(outcome.results, s.circuit().measures)
                : outcome.results;
        const std::vector<engine::MeasureResult> measured = engine::evaluate_measures(
            s.circuit().measures, fa.name, measured_table, s.circuit().params);
        io::write_measures(measured, std::cout);
        for (const engine::FourierTable& t : outcome.fourier) io::write_fourier(t, std::cout);
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
          const std::string path = io::numbered_path(opt.output, written++);
          if (!write_results_file(outcome.results, path, opt.ascii)) {
            std::cerr << "xbspice: error: cannot write " << path << "\n";
            return kUserError;
          }
        }
      }
      show_diagnostics();
      if (!outcome.status.ok) {
        if (!outcome.results.rows.empty())
          std::cerr << "note: the " << outcome.results.rows.size()
                    << " point(s) computed before the failure were kept\n";
        exit_code = outcome.status.input_error ? kUserError : kSimulationFailure;
        continue;
      }
      if (opt.stats) print_stats(fa, outcome);
    }
  }
  if (lis) lis->finish(exit_code == kOk);
  leave_to_process_exit(std::move(s));
  return exit_code;
}

}  // namespace xb::cli
