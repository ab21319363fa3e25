#pragma once
// A simulation session: one deck (from a file or built in code), its circuit elaborated and its
// solver set up once, analyses run on it, and inputs, device parameters and memristor states
// changed in place between runs. The circuit, its sparse pattern and its factorization stay
// alive, so the state a programming pulse leaves is the state the next read sees.
//
//   xb::session::Session s = xb::session::Session::open("xbar.sp");
//   if (!s.ok()) std::cerr << s.format_diagnostics();
//   auto vin = s.source("vin3");
//   auto out = s.probe("i(vs4)");
//   s.set(vin, 0.2);
//   s.solve();                  // operating point, Newton from the last solution
//   double i = s.read(out);
//   auto cell = s.device("x1_2");
//   s.set_param(cell, "x0", 0.7);
//   engine::TransientOutcome pulse = s.tran(1e-9, 1e-6);  // states left are held
//
// Names (of sources, devices, probes) are looked up once when a handle is made; setting or
// reading through a handle costs no search. Misuse (an unknown name, a value out of range,
// a handle of another kind) throws SessionError naming it. Nothing here prints.

#include <Eigen/Dense>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/dc_analysis.hpp"
#include "engine/signals.hpp"
#include "engine/transient.hpp"
#include "frontends/session/load_deck.hpp"

namespace xb::session {

class SessionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What an analysis returns: results (every point computed before a failure is kept), the
// status, the work done; for a transient also its step counts.
using Outcome = engine::TransientOutcome;
using Progress = std::function<void(size_t done, size_t total)>;
// Given each Monte Carlo sample as it is done: its number (1, 2, ...), its outcome and the
// circuit it was elaborated to (its parameters and .measure values are the sample's own).
using SampleSink =
    std::function<void(size_t sample, const Outcome& outcome, const netlist::Circuit& circuit)>;

// Handles belong to the circuit they were made on: after reset() or select_run() make them
// again (using an older one throws, it never reads freed memory).
struct Handle {
  std::string name;
  uint64_t generation = 0;
};
// An independent V or I source.
struct SourceHandle : Handle {
  engine::DcSolver::ElementRef ref;
};
// Any element of the circuit (its parameters and, for memristors, its state).
struct DeviceHandle : Handle {
  engine::DcSolver::ElementRef ref;
};
// A parameter of one device, resolved to its id.
struct ParamHandle : Handle {
  DeviceHandle device;
  int id = -1;
};
// v(node), v(a,b) or i(element), read off the present solution.
struct ProbeHandle : Handle {
  engine::BoundSignal bound;
};

class Session {
 public:
  // Parses and elaborates the deck (and its .alter runs) and sets up the main run's circuit.
  // Errors do not throw: ok() is false and diagnostics() says why.
  static Session open(const std::string& path);
  static Session from_deck(netlist::Deck deck);
  static Session from_loaded(LoadedDeck loaded);

  Session(Session&&) noexcept;
  Session& operator=(Session&&) noexcept;
  ~Session();

  bool ok() const;
  // The deck parsed and elaborated (device-build errors may still stop its analyses).
  bool loaded_ok() const;
  // Every diagnostic so far: parse, elaboration, device build, and each failed analysis (named
  // by its location, with stable codes such as "device", "simulation"), in one list.
  const netlist::Diagnostics& diagnostics() const;
  std::string format_diagnostics() const;
  // Those from item `first` on (no error count): what a caller has not shown yet.
  std::string format_diagnostics(size_t first) const;
  const netlist::Deck& deck() const;
  const netlist::Circuit& circuit() const;  // of the selected run

  // The main deck is run 0, then each .alter block; a deck or block with several .temp values
  // is one run per temperature. Selecting one prepares its circuit.
  size_t run_count() const;
  void select_run(size_t run);
  size_t selected_run() const;
  // What distinguishes run `run` in output: ".alter 2", "temperature 85" (a deck with several
  // .temp values runs at each), both, or "" for the main deck alone.
  std::string run_label(size_t run) const;
  // Back to the selected run's circuit as elaborated: source values, parameters and states.
  void reset();
  // Gives top-level parameter `name` (a .param) this value from the next reset() on: the
  // circuit is elaborated again with it (ngspice's alterparam).
  void override_param(std::string_view name, double value);
  // Elaborates Monte Carlo sample `sample` (agauss() and its siblings draw its numbers) from the
  // next reset() on, as ngspice's mc_source does; nullopt: nominal values. A deck with a
  // .control block starts at sample 1, since ngspice draws when it loads a deck.
  void set_monte_carlo_sample(std::optional<uint64_t> sample);
  std::optional<uint64_t> monte_carlo_sample() const;
  // Frees the parsed deck's statements; its title and source files stay, for diagnostics. A
  // caller that only runs the present circuit saves their memory: a 512² crossbar's deck is
  // about 250 MB, and memory the solver can reuse is memory it does not fault in again.
  // Afterwards reset(), select_run() and analyses that elaborate the deck again (see
  // elaborates_again) throw SessionError.
  void release_deck();
  // Whether `analysis` elaborates the deck again at its points: it sweeps a parameter, the
  // temperature or a .data table (whose columns may name parameters), or is a Monte Carlo one.
  static bool elaborates_again(const netlist::FlatAnalysis& analysis);

  // ---- analyses ----
  size_t analysis_count() const;
  const netlist::FlatAnalysis& analysis(size_t index) const;
  Outcome run(size_t index, const Progress& progress = {});
  Outcome run(const netlist::FlatAnalysis& analysis, const Progress& progress = {});
  // A Monte Carlo analysis (monte_samples > 0): each sample elaborates the deck with its own
  // draws and runs the analysis on it; `sink` gets each sample's outcome as it is done. A sample
  // that fails is recorded in the diagnostics and the next one runs. Returns how many failed.
  // The session's own circuit (nominal values) is left as it was. `progress(done, samples)`.
  size_t monte_carlo(const netlist::FlatAnalysis& analysis, const SampleSink& sink,
                     const Progress& progress = {});
  Outcome op();
  Outcome dc(std::string_view source, double start, double stop, double step);
  Outcome tran(double tstep, double tstop, bool uic = false);
  // The operating point only, for loops: Newton from the present solution; read it with read().
  engine::SolveStatus solve();
  // For such loops over many inputs: Newton keeps the last factorization while its steps
  // shrink fast (chord steps, DcSolver::set_reuse_factorization; solve_batch does it itself).
  void set_chord_steps(bool on);

  // ---- handles ----
  SourceHandle source(std::string_view name) const;
  DeviceHandle device(std::string_view name) const;
  ParamHandle param(const DeviceHandle& device, std::string_view name) const;
  ProbeHandle probe(std::string_view text) const;  // "v(out)", "v(a,b)", "i(vs4)"

  void set(const SourceHandle& source, double value);
  double value(const SourceHandle& source) const;
  // A new transient function for the source (its DC and AC values stay), used from the next
  // transient on, as ngspice's `alter @v1[sin] [ vo va freq ]` does.
  void set_waveform(const SourceHandle& source, netlist::SourceFunction function,
                    const std::vector<double>& args);
  void set(const ParamHandle& param, double value);
  double get(const ParamHandle& param) const;
  void set_param(const DeviceHandle& device, std::string_view name, double value);
  double get_param(const DeviceHandle& device, std::string_view name) const;
  // Memristor state: the value on its state node now, and the value DC analyses hold it at.
  bool has_state(const DeviceHandle& device) const;
  double state(const DeviceHandle& device) const;
  void set_state(const DeviceHandle& device, double x);
  double read(const ProbeHandle& probe) const;

  // ---- batched solves ----
  // Operating points for many input vectors: row k of `inputs` holds the values of `sources`
  // for vector k; row k of the result holds `outputs` there. A linear circuit is factored once
  // and its right-hand sides solved in blocks; a nonlinear one is solved point by point. The
  // sources keep their values from before the call.
  Eigen::MatrixXd solve_batch(const std::vector<SourceHandle>& sources,
                              const Eigen::MatrixXd& inputs,
                              const std::vector<ProbeHandle>& outputs);
  // The effective matrix of a linear network between ports: M(o, i) = d output o / d source i
  // (the currents at output ports for unit voltages at input ports), from one factorization.
  // Throws for a nonlinear circuit.
  Eigen::MatrixXd transfer_matrix(const std::vector<SourceHandle>& sources,
                                  const std::vector<ProbeHandle>& outputs);
  // The same at the operating point of the present source values, for any circuit: the
  // operating point by Newton, then d output / d source from one factorization of the
  // Jacobian there (a nonlinear network linearised at that input). Outputs must be node
  // voltages or source currents, which are linear in the solution.
  Eigen::MatrixXd linearised_transfer(const std::vector<SourceHandle>& sources,
                                      const std::vector<ProbeHandle>& outputs);
  // The driving-point resistance of a linear network at each node pair (a, b): the voltage
  // across it per unit current injected into a and drawn from b, the sources as they are
  // (superposition: the response to the injection alone). One factorization, right-hand sides
  // in blocks. Throws for a nonlinear circuit or an unknown node.
  std::vector<double> driving_point_resistances(
      const std::vector<std::pair<std::string, std::string>>& ports);
  // Factorizations and solves so far (for time-per-vector figures).
  engine::SolverCounters counters() const;

 private:
  struct State;
  explicit Session(std::unique_ptr<State> state);
  engine::Prepared& prepared() const;  // throws when the circuit could not be set up
  // Runs `analysis` on `p`, elaborated with `overrides` (which a parameter sweep adds to).
  Outcome run_on(engine::Prepared& p, const netlist::FlatAnalysis& analysis,
                 const std::unordered_map<std::string, double>& overrides, const Progress& progress,
                 const std::string& context);
  void hold_device_states();
  // The .four tables of circuit `c` from a transient's results; errors go to the diagnostics.
  void fourier_tables(Outcome& out, const netlist::Circuit& c, const std::string& context);
  void record_failure(const Outcome& outcome, const netlist::FlatAnalysis& analysis,
                      const char* code, const std::string& context);
  void check(const Handle& handle) const;
  std::unique_ptr<State> s_;
};

}  // namespace xb::session
