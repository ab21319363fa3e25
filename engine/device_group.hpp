#pragma once
// Devices in DAE residual form, f(x) + d/dt q(x) = 0, grouped by type: the engine calls each
// group once per evaluation and the group loops over its instances (no virtual call per
// instance). Binding happens in three passes so that devices referring to other devices' branch
// currents (F, H) find them: add_unknowns, request_slots, then resolve after the pattern exists.
// x and the residual have one extra entry at index n for ground (x[n] = 0, row n discarded), and
// the Jacobian value array one extra throw-away entry at nnz.

#include <array>
#include <complex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "engine/mna_system.hpp"
#include "netlist/circuit.hpp"

namespace xb::engine {

struct EvalRequest {
  const double* x = nullptr;
  double* jacobian = nullptr;
  double* residual = nullptr;
  double source_scale = 1.0;  // source stepping
  // Newton iterations set this: devices then limit junction steps and count how many they
  // limited. Null (plain evaluation, Jacobian tests): no limiting.
  int* limited = nullptr;

  // Transient analysis. Devices with charges (capacitors, junctions), fluxes (inductors) or
  // states add q(x) to `charge` (when non-null) and charge_scale·dq/dx to `jacobian`: the engine
  // owns the integration formula, dq/dt ≈ charge_scale·q + history. In DC both are off.
  double* charge = nullptr;
  double charge_scale = 0.0;
  // With `charge`: every device charge (or flux, or state) also goes to its own entry, taken
  // with MnaSystem::add_charge_states; the engine checks the truncation error of each.
  double* state_charge = nullptr;
  bool transient = false;  // sources follow their waveform at `time`, not their DC value
  double time = 0.0;
  // Non-charge-conserving capacitances (Meyer's MOS gate model) add an increment
  // C̄·(v − v_prev) to `charge` instead of a charge; x_prev is the last accepted time point.
  const double* x_prev = nullptr;
  // The initial point: such devices report a whole charge C·v for their states instead, as
  // SPICE3 starts them, which sets the scale of their charge tolerance.
  bool initial_charges = false;
  // First transient point with UIC: capacitors and inductors with IC= report the charge and
  // flux of their initial condition.
  bool use_initial_conditions = false;
  // Only `charge` and `state_charge` are wanted: a group may skip the residual and Jacobian.
  bool charges_only = false;
  // With `charge`: when set, devices put dq/dx here, unscaled, instead of charge_scale·dq/dx
  // into `jacobian`, so the caller has ∂f/∂x and ∂q/∂x apart (AC: G + jωC). Same pattern.
  double* charge_jacobian = nullptr;
  // The Jacobian is for a small-signal analysis (AC), not Newton: a resistor with an AC
  // resistance (ngspice's ac=) loads that instead of its DC one.
  bool small_signal = false;

  // Where a device adds dq/dx, and by what factor.
  double* reactive_jacobian() const { return charge_jacobian ? charge_jacobian : jacobian; }
  double reactive_scale() const { return charge_jacobian ? 1.0 : charge_scale; }
};

class BindContext {
 public:
  virtual ~BindContext() = default;
  virtual Unknown node(netlist::NodeId id) const = 0;
  // Branch-current unknown of a voltage-defined element ("v1", "x1.e2"), or nullopt.
  virtual std::optional<Unknown> branch(std::string_view element) const = 0;
};

// The index of `name` among a group's instances (names or records with a `name`): for lookups
// inside a group at build time (K couples two inductors by name).
template <class Items>
std::optional<size_t> index_by_name(const Items& items, std::string_view name) {
  for (size_t k = 0; k < items.size(); ++k) {
    if constexpr (std::is_convertible_v<decltype(items[k]), std::string_view>) {
      if (items[k] == name) return k;
    } else if (items[k].name == name) {
      return k;
    }
  }
  return std::nullopt;
}

// instance_names() of a group that keeps its instances as names or as records with a `name`.
template <class Items>
void append_names(const Items& items, std::vector<std::string_view>& out) {
  for (const auto& item : items) {
    if constexpr (std::is_convertible_v<decltype(item), std::string_view>)
      out.emplace_back(item);
    else
      out.emplace_back(item.name);
  }
}

// resolve() of a group that keeps, per instance, residual rows (-1 for ground) and requested
// Jacobian slots: ground rows go to the throw-away row, slot requests become value indices.
template <class Rows, class Slots>
void resolve_rows_and_slots(const MnaSystem& sys, Rows& rows, Slots& slots) {
  for (auto& instance : rows)
    for (int& r : instance) r = r < 0 ? sys.size() : r;
  for (auto& instance : slots)
    for (int& s : instance) s = sys.value_index(s);
}

// A conductance g from row a to row b: its current g·(x[a] − x[b]) into the residual and ±g
// into the Jacobian at `slots`, the value indices of (a,a) (a,b) (b,a) (b,b).
inline void stamp_conductance(const EvalRequest& r, int a, int b, const std::array<int, 4>& slots,
                              double g) {
  const double i = g * (r.x[a] - r.x[b]);
  r.residual[a] += i;
  r.residual[b] -= i;
  r.jacobian[slots[0]] += g;
  r.jacobian[slots[1]] -= g;
  r.jacobian[slots[2]] -= g;
  r.jacobian[slots[3]] += g;
}

class DeviceGroup {
 public:
  virtual ~DeviceGroup() = default;
  virtual std::string_view type_name() const = 0;
  // Declared by every group, never assumed: a wrong "linear" would skip Newton, a wrong "no
  // charges" would drop a capacitance from the transient.
  virtual bool linear() const = 0;       // every instance of the group is linear
  virtual bool has_charges() const = 0;  // some instance adds to `charge`

  virtual void add_unknowns(MnaSystem&, const BindContext&) {}
  virtual void request_slots(MnaSystem& sys, const BindContext& ctx) = 0;
  virtual void resolve(const MnaSystem& sys) = 0;
  virtual void load(const EvalRequest& r) const = 0;

  // Branch unknown of element `name` if this group gave it one.
  virtual std::optional<Unknown> branch(std::string_view) const { return std::nullopt; }
  // The name of every instance, in index order: the solver indexes them once, and an element
  // is then found by name without a scan (current(), set_source_value(), parameters).
  virtual void instance_names(std::vector<std::string_view>&) const {}
  // Current into the first terminal of instance `k` at solution x.
  virtual double current(size_t, const double*) const { return 0.0; }
  // In a transient the current also has a displacement part: the time derivative of this
  // charge state, times the sign (a capacitor's current, a diode's junction charging).
  struct ChargeCurrent {
    int state;
    double sign;
  };
  virtual std::optional<ChargeCurrent> charge_current(size_t) const { return std::nullopt; }
  // ---- changes in place (sweeps and the Session API), by index from find() ----
  // Independent source k: its DC value. Only the right-hand side changes, factors stay valid.
  virtual bool is_source(size_t) const { return false; }
  virtual double source_value(size_t) const { return 0.0; }
  virtual void set_source_value(size_t, double) {}
  // Independent source k: a new transient function (ngspice's `alter @v1[sin] [ ... ]`), from
  // the next transient on. Returns an error ("" when set).
  virtual std::string set_waveform(size_t, const netlist::FlatSource&) {
    return "has no transient function";
  }
  // Instance parameters that can change between solves ("r", "g", "x0", ...): an id resolved
  // once by name, then read and set per instance. set_parameter returns an error ("" when set);
  // a change invalidates the factorization (the caller's solver is told).
  virtual std::optional<int> parameter_id(std::string_view) const { return std::nullopt; }
  virtual std::vector<std::string_view> parameter_names() const { return {}; }
  virtual double parameter(size_t, int) const { return 0.0; }
  virtual std::string set_parameter(size_t, int, double) { return "not settable"; }
  // Devices with an internal state (memristors): the unknown holding instance k's state, and
  // setting the value DC analyses hold it at (what a transient left becomes the next read's).
  virtual std::optional<int> state_unknown(size_t) const { return std::nullopt; }
  virtual void hold_state(size_t, double) {}
  // Every instance's held state from solution x (after a transient).
  virtual void hold_states(const double*) {}
  // Temperature in °C for temperature-dependent parameters.
  virtual void set_temperature(double) {}

  // Transient: resolves waveform defaults that depend on the analysis (PULSE rise time = tstep).
  virtual void begin_transient(double /*tstep*/, double /*tstop*/) {}
  // Where current() reads independent sources: their waveform at time t in a transient.
  virtual void set_time(bool /*transient*/, double /*t*/) {}
  // The first waveform corner strictly after t (PULSE and PWL corners), or +inf.
  virtual double next_breakpoint(double) const { return kNoBreakpoint; }
  // True when some instance adds increments (x_prev) rather than charges.
  virtual bool incremental_charge() const { return false; }
  // "charge of c1": what charge state `state` (an index from add_charge_states) belongs to.
  virtual std::optional<std::string> state_name(int /*state*/) const { return std::nullopt; }
  // Initial conditions a device imposes on the transient start with UIC: (unknown, value).
  virtual void initial_values(std::vector<std::pair<int, double>>&) const {}
  // Devices with a discrete state (a switch's on or off, which hysteresis makes depend on the
  // past): x is an accepted solution (an operating point, a sweep point, a time point), and the
  // state it left is the one the next solve starts from. Rejected time points never come here.
  virtual void accept(const double* /*x*/) {}
  // True when next_breakpoint can change as the transient goes (a delay line schedules the
  // corners of the waves it carries): the transient then asks again after every time point.
  virtual bool dynamic_breakpoints() const { return false; }
  // Small-signal entries that depend on the frequency other than as jωC (a delay's e^(−jωτ)):
  // AC adds them to the complex matrix values (`count` entries; the value index of a ground
  // slot is count, to be skipped) after G + jωC. The small-signal load leaves them out.
  virtual bool frequency_dependent() const { return false; }
  virtual void load_ac(double /*omega*/, std::complex<double>* /*values*/, size_t /*count*/) const {
  }
  // Transient: the longest next step the group allows, given the step of length h that went
  // from the accepted x_old to x_new (a switch approaching its threshold); +inf for no limit.
  virtual double step_limit(const double* /*x_new*/, const double* /*x_old*/, double /*h*/) const {
    return kNoBreakpoint;
  }

  static constexpr double kNoBreakpoint = 1e300;
};

}  // namespace xb::engine
