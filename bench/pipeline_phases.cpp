// Times each stage of `xbspice run` on a deck's first analysis, the way the CLI runs it: parse,
// elaborate, device build, solver setup, analysis (with the solver's own analyze / factor /
// solve split), and the peak resident memory after each stage. For finding where a large
// deck's time goes (docs/performance.md, issue 12).
// Usage: pipeline_phases DECK

#include <malloc.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>

#include "devices/builtin.hpp"
#include "devices/linear_devices.hpp"
#include "engine/dc_analysis.hpp"
#include "netlist/elaborate.hpp"
#include "netlist/parser.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double peak_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

// Prints the time since the last mark and the peak memory so far.
class Marks {
 public:
  void operator()(const char* stage) {
    const Clock::time_point now = Clock::now();
    std::printf("%-10s %7.3f s  peak %5.0f MB\n", stage,
                std::chrono::duration<double>(now - last_).count(), peak_mb());
    last_ = now;
  }

 private:
  Clock::time_point last_ = Clock::now();
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: pipeline_phases DECK\n");
    return 1;
  }
  // As the CLI's main: freed memory stays in the heap for the next stage.
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  const Clock::time_point start = Clock::now();
  Marks mark;
  xb::netlist::ParseResult parsed = xb::netlist::parse_deck_file(argv[1]);
  if (!parsed.ok()) {
    std::fprintf(stderr, "%s", parsed.diagnostics.format(*parsed.deck.sources).c_str());
    return 1;
  }
  mark("parse");
  auto p = std::make_unique<xb::engine::Prepared>();
  p->circuit =
      xb::netlist::elaborate(parsed.deck, xb::devices::builtin_elaborate_options(), p->diagnostics);
  if (p->diagnostics.has_errors() || p->circuit.analyses.empty()) return 1;
  mark("elaborate");
  { const xb::netlist::Deck released = std::move(parsed.deck); }  // as `run` releases it
  xb::devices::BuildResult built = xb::devices::build_device_groups(p->circuit);
  if (!built.errors.empty()) return 1;
  mark("build");
  p->solver = std::make_unique<xb::engine::DcSolver>(p->circuit, std::move(built.groups),
                                                     xb::engine::NewtonOptions::from(p->circuit));
  p->solver->set_dc_paths(std::move(built.dc_paths));
  p->solver->set_element_refs(std::move(built.element_refs));
  p->status = p->solver->setup(true);
  if (!p->status.ok) return 1;
  mark("setup");
  const xb::engine::AnalysisOutcome out =
      xb::engine::run_dc_analysis(p->circuit.analyses[0], *p, {}, {});
  mark("analysis");
  const xb::engine::SolverCounters& c = out.counters;
  std::printf("  (%s analyze %.3f s, factor %.3f s, solve %.3f s)\ntotal %.3f s\n",
              out.linear_solver.c_str(), c.analyze_s, c.factor_s, c.solve_s,
              std::chrono::duration<double>(Clock::now() - start).count());
  return out.status.ok ? 0 : 1;
}
