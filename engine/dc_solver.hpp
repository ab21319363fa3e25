#pragma once
// Newton–Raphson on the DC system f(x) = 0 with SPICE's convergence test: every unknown's update
// within reltol·max(|x_old|, |x_new|) + vntol (voltages) or abstol (currents), and every
// residual row within reltol·(largest current flowing into it) + abstol. Circuits whose devices
// are all linear are solved in one step and keep their factorization across sweep points.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/device_group.hpp"
#include "engine/mna_solver.hpp"
#include "engine/mna_system.hpp"
#include "netlist/circuit.hpp"

namespace xb::engine {

struct NewtonOptions {
  double reltol = 1e-3;
  double vntol = 1e-6;
  double abstol = 1e-12;
  int max_iterations = 100;       // itl1: the first solve
  int max_sweep_iterations = 50;  // itl2: every later solve (sweep points, continuation)
  int max_step_iterations = 10;   // itl4: each transient time point
  double gmin = 1e-12;            // the smallest shunt of gmin stepping

  static NewtonOptions from(const netlist::Circuit& c);  // .option reltol abstol vntol itl1
};

struct SolveStatus {
  bool ok = true;
  std::string message;     // what failed, naming nodes or elements
  netlist::SourceLoc loc;  // the element to blame, when there is one
  int iterations = 0;
  bool input_error = false;  // the deck is at fault (elaboration, device parameters), not numerics
};

class DcSolver {
 public:
  DcSolver(const netlist::Circuit& circuit, std::vector<std::unique_ptr<DeviceGroup>> groups,
           NewtonOptions options);

  // The node pairs joined at DC, by element (from the device descriptors): what the
  // floating-node check of setup() knows.
  void set_dc_paths(std::vector<std::pair<netlist::NodeId, netlist::NodeId>> paths) {
    dc_paths_ = std::move(paths);
  }
  // Where each circuit element is: (index into the groups, instance), or (-1, -1). Set, it
  // serves find_element() through the circuit's own name index; unset, every group's
  // instance names are indexed at setup.
  void set_element_refs(std::vector<std::pair<int, int>> refs) { element_refs_ = std::move(refs); }
  // Numbers the unknowns, builds the pattern, checks topology, analyzes. Once. `need_dc_path`
  // false (a transient with UIC) skips the floating-node check.
  SolveStatus setup(bool need_dc_path = true);
  // Newton from the current solution (zero at first); keeps the result in solution(), which
  // devices with a discrete state then accept (DeviceGroup::accept).
  SolveStatus solve();
  // Transient: the devices accept the present solution as a time point, and the longest next
  // step they allow after the step h that came from x_old (DeviceGroup::step_limit).
  void accept_solution();
  double device_step_limit(const double* x_old, double h) const;
  // Operating points one after another (batched inputs): Newton keeps the last factorization
  // while its steps shrink fast and refactors when they do not (chord steps), to the same
  // criteria on the true residual and a step of 1e-4 of the tolerance in place of polish().
  void set_reuse_factorization(bool on) { reuse_factorization_ = on; }
  bool reuses_factorization() const { return reuse_factorization_; }

  // An element of some device group, found once by name: sources set, parameters changed,
  // states read and held in place, with no look-up per point.
  struct ElementRef {
    DeviceGroup* group = nullptr;
    size_t index = 0;
  };
  std::optional<ElementRef> find_element(std::string_view name) const;
  // Independent sources: the right-hand side changes, a linear factorization stays valid.
  void set_source(const ElementRef& e, double value) { e.group->set_source_value(e.index, value); }
  bool set_source_value(std::string_view name, double value);
  // A parameter change refactors at the next solve; returns an error ("" when set).
  std::string set_parameter(const ElementRef& e, int id, double value);
  // Back to DC after a transient: no time, no dynamics, nothing forced.
  void end_transient();

  // ---- transient (driven by transient.cpp) ----
  // The residual becomes f(x) + a0·q(x) + history, the integration formula's dq/dt.
  struct Dynamics {
    bool active = false;  // charges integrated; false in DC and at the initial point
    double a0 = 0;
    const double* history = nullptr;  // size(): the formula's terms from past points
    const double* x_prev = nullptr;   // the last accepted point, for incremental charges
    bool use_initial_conditions = false;
    bool initial_charges = false;  // see EvalRequest
  };
  // Sources follow their waveforms at time t (nullopt: DC values).
  void set_time(std::optional<double> t);
  void set_dynamics(const Dynamics& d);
  // Rows forced to x[row] = value (.ic and .nodeset in the initial solve); empty to release.
  void set_forced(const std::vector<std::pair<int, double>>& rows);
  // One transient time point: Newton from the present solution, at most itl4 iterations.
  SolveStatus solve_step();
  // q(x) at the present solution (charges are recorded even when dynamics are inactive);
  // returns charges(). Leaves the residual and Jacobian stale.
  const std::vector<double>& evaluate_charges();
  const std::vector<double>& charges() const { return q_; }
  const std::vector<double>& state_charges() const { return qs_; }
  std::vector<double>& mutable_solution() { return x_; }
  const std::vector<std::unique_ptr<DeviceGroup>>& groups() const { return groups_; }
  const NewtonOptions& options() const { return opt_; }
  std::string describe(int unknown) const { return describe_unknown(unknown); }
  void set_temperature(double celsius);
  double temperature() const { return temperature_; }
  // The transient's present time, or nullopt in DC.
  std::optional<double> time() const { return time_; }

  const MnaSystem& system() const { return sys_; }
  const std::vector<double>& solution() const { return x_; }  // size n + 1, x[n] = 0 (ground)
  Unknown node_unknown(netlist::NodeId id) const {
    return id.is_ground() ? kGround : Unknown{static_cast<int>(id.value) - 1};
  }
  double voltage(netlist::NodeId id) const { return x_[sys_.row(node_unknown(id))]; }
  // Where to read an element's current: found once, read at every point.
  struct CurrentProbe {
    const DeviceGroup* group = nullptr;
    size_t index = 0;
  };
  std::optional<CurrentProbe> find_current(std::string_view element) const;
  // The branch-current unknown of a voltage-defined element (V, E, H, L), or nullopt.
  std::optional<Unknown> branch_of(std::string_view element) const;
  double current(const CurrentProbe& p) const {
    double i = p.group->current(p.index, x_.data());
    if (state_derivatives_)
      if (auto c = p.group->charge_current(p.index)) i += c->sign * (*state_derivatives_)[c->state];
    return i;
  }
  // Transient: the time derivatives of the charge states at the present point, for currents
  // through capacitances (null in DC, where they are zero).
  void set_state_derivatives(const std::vector<double>* d) { state_derivatives_ = d; }
  std::optional<double> current(std::string_view element) const;

  // Linear circuits: solve for many right-hand sides at once (sweeps of sources). `rhs` holds
  // `count` vectors of size() one after another and is overwritten by the solutions.
  std::vector<double> rhs_at_zero();  // −f(0) for the present source values
  SolveStatus solve_many(std::vector<double>& rhs, int count);
  void set_solution(const double* x);  // size() values
  // Small-signal responses at the present solution: dx[k·size() + i] is the change of unknown
  // i per unit of source k, from one factorization of the Jacobian there — exact for a linear
  // circuit, the linearisation of a nonlinear one (a solution from solve() first).
  SolveStatus sensitivities(const std::vector<ElementRef>& sources, std::vector<double>& dx);
  // The linearised response at the present solution to `count` right-hand sides (column-major,
  // system().size() each, e.g. +1 at a node's row: a unit current injected there), solved in
  // place with the Jacobian factored there (.tf's impedances).
  SolveStatus linear_responses(std::vector<double>& columns, int count);
  // The same for device parameters: dx[k·size() + i] = d unknown i / d parameter k at the
  // present solution. `set(k, value)` gives parameter k a value (the caller restores it to
  // `values[k]`); ∂f/∂p is the central difference over ±1e-5 of each value (or ±1e-9 absolute
  // at 0): exact for sources, 1e-10 relative for a resistance.
  SolveStatus parameter_responses(const std::vector<double>& values,
                                  const std::function<void(size_t, double)>& set,
                                  std::vector<double>& dx);

  // Residual and Jacobian values (pattern of system()) at x, without limiting: for tests.
  void evaluate_at(const std::vector<double>& x, std::vector<double>& f, std::vector<double>& jac);
  // The resistive and reactive Jacobians apart at x (both on the pattern of system()): g holds
  // ∂f/∂x and c holds ∂q/∂x, the matrices of a small-signal analysis (G + jωC). Charges as at
  // the last accepted point x_prev = x.
  void evaluate_split(const std::vector<double>& x, std::vector<double>& f, std::vector<double>& g,
                      std::vector<double>& c);
  SolverCounters counters() const { return solver_.counters(); }
  std::string_view linear_solver() const { return solver_.active(); }
  int newton_iterations() const { return total_iterations_; }
  bool all_linear() const { return linear_; }

 private:
  SolveStatus solve_dc();  // solve() before the devices accept the solution
  SolveStatus check_topology() const;
  // Plain Newton with sources scaled by `source_scale` and `gshunt` from every voltage unknown
  // to ground (the continuation aids).
  SolveStatus newton(double source_scale, double gshunt);
  void assemble(double source_scale = 1.0, double gshunt = 0.0, int* limited = nullptr);
  std::string describe_unknown(int index) const;

  const netlist::Circuit& circuit_;
  std::vector<std::unique_ptr<DeviceGroup>> groups_;
  NewtonOptions opt_;
  MnaSystem sys_;
  MnaSolver solver_;
  // Every instance by name (views into the groups' own names, which never change).
  std::unordered_map<std::string_view, ElementRef> by_name_;
  std::vector<std::pair<netlist::NodeId, netlist::NodeId>> dc_paths_;
  std::vector<std::pair<int, int>> element_refs_;
  std::vector<double> x_, f_, jac_, dx_, q_, qs_;
  std::optional<double> time_;
  double temperature_ = 27.0;
  const std::vector<double>* state_derivatives_ = nullptr;
  Dynamics dyn_;
  double factored_a0_ = 0;     // a0 the linear factorization was made with
  bool charges_only_ = false;  // evaluate_charges() in progress
  std::vector<std::pair<int, double>> forced_;
  std::vector<std::vector<int>> forced_entries_;  // value indices in each forced row
  std::vector<int> diagonal_;  // value index of (i,i) for each voltage unknown, else -1
  bool linear_ = true;
  bool factored_ = false;  // linear circuits: factorization valid for the current values
  bool reuse_factorization_ = false;
  bool jacobian_factored_ = false;  // the solver holds some factorization of this pattern
  bool solved_once_ = false;        // itl1 for the first solve, itl2 afterwards
  bool residual_small() const;      // after assemble(): every row within its tolerance
  void polish();                    // one Newton step past SPICE's criterion (DC only)
  int total_iterations_ = 0;
};

}  // namespace xb::engine
