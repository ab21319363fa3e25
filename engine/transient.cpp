#include "engine/transient.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/integration.hpp"
#include "engine/signals.hpp"

namespace xb::engine {
namespace {

std::string time_text(double t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g s", t);
  return buf;
}

Method method_of(const netlist::Circuit& c) {
  for (const auto& [name, word] : c.option_words)
    if (name == "method" && word == "gear") return Method::gear;
  return Method::trapezoidal;
}

// The past of a set of charges: the rows' sums drive the integration formula, each device's own
// charge (state) the truncation-error estimate.
struct ChargeHistory {
  std::array<std::vector<double>, 3> q;  // q_n, q_{n−1}, q_{n−2} (true charges)
  std::vector<double> qdot;              // q̇_n
  std::vector<double> offset;            // true − reported charge (incremental devices)
  std::vector<double> scratch;

  void start(const std::vector<double>& q0) {
    q = {q0, q0, q0};
    qdot.assign(q0.size(), 0.0);
    offset.assign(q0.size(), 0.0);
  }
  // The formula's terms from past points: dq/dt at the new point = a0·reported + history(i).
  double history(const Coefficients& c, size_t i) const {
    return c.a1 * q[0][i] + c.a2 * q[1][i] + c.b1 * qdot[i] + c.a0 * offset[i];
  }
  double derivative(const Coefficients& c, const std::vector<double>& reported, size_t i) const {
    return c.a0 * reported[i] + history(c, i);
  }
  void accept(const std::vector<double>& reported, const Coefficients& c) {
    scratch.resize(q[0].size());
    for (size_t i = 0; i < scratch.size(); ++i) scratch[i] = derivative(c, reported, i);
    qdot.swap(scratch);
    std::swap(q[2], q[1]);
    std::swap(q[1], q[0]);
    for (size_t i = 0; i < q[0].size(); ++i) q[0][i] = reported[i] + offset[i];
  }
  // Incremental devices: `absolute` is what they report with x_prev at the accepted point.
  void reanchor(const std::vector<double>& absolute) {
    for (size_t i = 0; i < q[0].size(); ++i) offset[i] = q[0][i] - absolute[i];
  }
};

class TransientRun {
 public:
  TransientRun(Prepared& p, const netlist::FlatAnalysis& a, TransientOutcome& out)
      : p_(p), s_(*p.solver), a_(a), out_(out), n_(s_.system().size()) {}

  void run(const std::function<void(size_t, size_t)>& progress, long max_steps);

 private:
  bool initial_point();
  void record(double t);
  double next_breakpoint(double t) const;
  // The largest step the truncation error of the point just solved allows, at `order`; sets
  // limiting_ to the charge state that decided it.
  double truncation_limit(const Coefficients& c, double h, int order);
  std::string state_name(int state) const;
  void fail(const std::string& message) { out_.status = {false, message, a_.loc, 0}; }

  Prepared& p_;
  DcSolver& s_;
  const netlist::FlatAnalysis& a_;
  TransientOutcome& out_;
  const int n_;
  std::vector<BoundSignal> bound_;
  Method method_ = Method::trapezoidal;
  int max_order_ = 2;
  TruncationTolerances tol_;
  ChargeHistory rows_, states_;
  std::array<double, 3> steps_{};  // h_n, h_{n−1}, h_{n−2}
  bool incremental_ = false;
  int limiting_ = -1;
};

double TransientRun::next_breakpoint(double t) const {
  double next = a_.tstop;
  for (const auto& g : s_.groups()) next = std::min(next, g->next_breakpoint(t));
  return next;
}

void TransientRun::record(double t) {
  if (t < a_.tstart * (1 - 1e-12)) return;
  std::vector<double> row{t};
  for (const BoundSignal& b : bound_) row.push_back(read_signal(b, p_.circuit, s_));
  out_.results.rows.push_back(std::move(row));
}

bool TransientRun::initial_point() {
  const netlist::Circuit& c = p_.circuit;
  std::vector<std::pair<int, double>> ics, nodesets;
  for (const netlist::FlatInitial& i : c.initial_conditions)
    if (!i.node.is_ground()) ics.emplace_back(static_cast<int>(i.node.value) - 1, i.value);
  for (const netlist::FlatInitial& i : c.nodesets)
    if (!i.node.is_ground()) nodesets.emplace_back(static_cast<int>(i.node.value) - 1, i.value);
  s_.set_time(0.0);
  if (a_.uic) {
    // No operating point: inductor currents from IC= and memristor states from x0, then node
    // voltages from .ic (which may also set a state), the rest zero.
    std::vector<double>& x = s_.mutable_solution();
    std::fill(x.begin(), x.end(), 0.0);
    std::vector<std::pair<int, double>> device;
    for (const auto& g : s_.groups()) g->initial_values(device);
    for (const auto& [row, v] : device) x[row] = v;
    for (const auto& [row, v] : ics) x[row] = v;
    return true;
  }
  // .nodeset holds nodes only while the first solution is found; .ic holds them throughout the
  // initial point (SPICE3).
  SolveStatus st{};
  if (!nodesets.empty()) {
    std::vector<std::pair<int, double>> both = ics;
    both.insert(both.end(), nodesets.begin(), nodesets.end());
    s_.set_forced(both);
    st = s_.solve();
  }
  s_.set_forced(ics);
  if (st.ok) st = s_.solve();
  s_.set_forced({});
  if (!st.ok) {
    out_.status = st;
    out_.status.message = "initial operating point: " + st.message;
    if (!out_.status.loc.valid()) out_.status.loc = a_.loc;
    return false;
  }
  return true;
}

double TransientRun::truncation_limit(const Coefficients& c, double h, int order) {
  const double steps[3] = {h, steps_[0], steps_[1]};
  TruncationEstimate estimate(method_, order, steps, tol_);
  const std::vector<double>& reported = s_.state_charges();
  const size_t count = states_.q[0].size();
  for (size_t i = 0; i < count; ++i) {
    const double qs[4] = {reported[i] + states_.offset[i], states_.q[0][i], states_.q[1][i],
                          states_.q[2][i]};
    const double qd[2] = {states_.derivative(c, reported, i), states_.qdot[i]};
    if (estimate.add(qs, qd)) limiting_ = static_cast<int>(i);
  }
  return estimate.step();
}

std::string TransientRun::state_name(int state) const {
  for (const auto& g : s_.groups())
    if (auto name = g->state_name(state)) return *name;
  return "charge state " + std::to_string(state);
}

void TransientRun::run(const std::function<void(size_t, size_t)>& progress, long max_steps) {
  const netlist::Circuit& c = p_.circuit;
  const double tstop = a_.tstop, tstep = a_.tstep;
  if (!(tstep > 0) || !(tstop > 0) || a_.tstart >= tstop || a_.tstart < 0)
    return fail(".tran needs tstep > 0, tstop > 0 and 0 <= tstart < tstop");
  if (!a_.sweeps.empty()) return fail(".tran with SWEEP is not simulated yet");
  method_ = method_of(c);
  const double maxord = netlist::param_or(c.options, "maxord", 2);
  max_order_ = maxord < 1.5 ? 1 : 2;  // (a comparison: any number a deck writes is safe)
  const NewtonOptions& nopt = s_.options();
  tol_ = {nopt.reltol, nopt.abstol, netlist::param_or(c.options, "chgtol", 1e-14),
          netlist::param_or(c.options, "trtol", 7.0)};
  // SPICE3 defaults: tmax = min(tstep, (tstop − tstart)/50), smallest step 1e-11·tmax.
  const double max_step = a_.tmax > 0 ? a_.tmax : std::min(tstep, (tstop - a_.tstart) / 50);
  const double min_step = 1e-11 * max_step;
  // A grid of more than a billion points is a typo in the deck, not a simulation to start.
  if ((tstop - a_.tstart) / max_step > 1e9)
    return fail(".tran would need more than 1e9 time points (tmax " + time_text(max_step) +
                " over " + time_text(tstop - a_.tstart) + "); raise tstep or tmax");
  for (const auto& g : s_.groups()) {
    g->begin_transient(tstep, tstop);
    incremental_ = incremental_ || g->incremental_charge();
  }

  std::vector<Signal> signals = select_signals(c, "tran");
  out_.results.analysis = "tran";
  out_.results.title = c.title;
  out_.results.signals = {"time"};
  for (const Signal& sig : signals) out_.results.signals.push_back(sig.name);
  bound_ = bind_signals(signals, c, s_);
  s_.set_state_derivatives(&states_.qdot);  // recorded currents include displacement currents

  if (!initial_point()) return;
  DcSolver::Dynamics dyn;
  dyn.use_initial_conditions = a_.uic;
  dyn.initial_charges = true;
  s_.set_dynamics(dyn);
  rows_.start(s_.evaluate_charges());
  states_.start(s_.state_charges());
  if (incremental_) {  // the increments start from the whole initial charges
    dyn.initial_charges = false;
    s_.set_dynamics(dyn);
    rows_.reanchor(s_.evaluate_charges());
    states_.reanchor(s_.state_charges());
  }
  // SPICE3: the older history starts as copies of the initial point, steps as tmax.
  steps_ = {max_step, max_step, max_step};
  record(0.0);

  std::vector<double> x_now(s_.solution()), x_before(x_now), history(n_ + 1, 0.0);
  double t = 0, h = std::min(tstop / 100, tstep) / 10, saved_h = tstop / 50;
  double next_bp = next_breakpoint(0.0);
  bool at_breakpoint = true, first = true;
  int order = 1;
  size_t last_progress = 0;
  while (t < tstop) {
    const TransientCounters& n = out_.steps;
    if (max_steps > 0 && n.accepted + n.rejected_newton + n.rejected_truncation >= max_steps)
      return fail("stopped at time " + time_text(t) + " after " + std::to_string(max_steps) +
                  " time steps (the caller's limit)");
    h = std::min(h, max_step);
    bool reaches_bp = false;
    if (at_breakpoint) {  // restart with backward Euler and a step well inside the next interval
      order = 1;
      h = std::min(h, 0.1 * std::min(saved_h, next_bp - t));
      if (first) h /= 10;
    }
    if (t + h >= next_bp - min_step) {
      if (!at_breakpoint) saved_h = h;
      h = next_bp - t;
      reaches_bp = true;
    }
    const Coefficients co = coefficients(method_, order, h, steps_[0]);
    for (int i = 0; i < n_; ++i) history[i] = rows_.history(co, i);
    dyn = {true, co.a0, history.data(), x_now.data(), false};
    s_.set_time(t + h);
    s_.set_dynamics(dyn);
    std::vector<double>& x = s_.mutable_solution();
    // Predictor: linear extrapolation of the last two points, except across a breakpoint.
    const bool predict = !s_.all_linear() && !at_breakpoint && !first;
    for (int i = 0; i < n_; ++i)
      x[i] = predict ? x_now[i] + h / steps_[0] * (x_now[i] - x_before[i]) : x_now[i];
    SolveStatus st = s_.solve_step();
    if (!st.ok) {
      ++out_.steps.rejected_newton;
      std::copy(x_now.begin(), x_now.end(), x.begin());
      order = 1;
      if (h <= min_step)
        return fail("timestep too small at time " + time_text(t) + ": " + st.message);
      h = std::max(h / 8, min_step);
      continue;
    }
    // A linear circuit's Newton step ends without a new evaluation: take the charges at x.
    if (s_.all_linear()) s_.evaluate_charges();
    // SPICE3 accepts the first point unchecked and keeps its step for the second.
    double next_h = first ? h : 2 * h;
    if (!first) {
      next_h =
          std::min({next_h, truncation_limit(co, h, order), s_.device_step_limit(x_now.data(), h)});
      if (next_h <= 0.9 * h) {
        ++out_.steps.rejected_truncation;
        std::copy(x_now.begin(), x_now.end(), x.begin());
        // Below the smallest step: one try at it first, as SPICE3 does.
        if (next_h < min_step && h <= min_step)
          return fail("timestep too small at time " + time_text(t) + ": the truncation error of " +
                      state_name(limiting_) + " needs a step of " + time_text(next_h));
        h = std::max(next_h, min_step);
        continue;
      }
      if (order == 1 && max_order_ > 1) {
        const double h2 = std::min(2 * h, truncation_limit(co, h, 2));
        if (h2 > 1.05 * h) order = 2, next_h = h2;
      }
    }
    // Accept.
    ++out_.steps.accepted;
    s_.accept_solution();
    t = reaches_bp ? next_bp : t + h;
    rows_.accept(s_.charges(), co);
    states_.accept(s_.state_charges(), co);
    steps_ = {h, steps_[0], steps_[1]};
    x_before.swap(x_now);
    x_now.assign(x.begin(), x.end());
    if (incremental_) {
      // Re-anchor: with x_prev = x the increments vanish and the devices report the absolute part.
      dyn.x_prev = x.data();
      s_.set_dynamics(dyn);
      rows_.reanchor(s_.evaluate_charges());
      states_.reanchor(s_.state_charges());
    }
    record(t);
    first = false;
    at_breakpoint = reaches_bp;
    if (reaches_bp) next_bp = next_breakpoint(t);
    for (const auto& g : s_.groups())  // a delay line schedules the corners it carries
      if (g->dynamic_breakpoints()) next_bp = std::min(next_bp, g->next_breakpoint(t));
    h = next_h;
    if (progress) {
      const size_t done = static_cast<size_t>(1000 * std::min(1.0, t / tstop));
      if (done != last_progress) progress(done, 1000), last_progress = done;
    }
  }
  s_.set_state_derivatives(nullptr);
}

}  // namespace

TransientOutcome run_transient_analysis(const netlist::FlatAnalysis& a, Prepared& p,
                                        const std::function<void(size_t, size_t)>& progress,
                                        long max_steps) {
  TransientOutcome out;
  const SolverCounters counters_at_start = p.solver->counters();
  const int iterations_at_start = p.solver->newton_iterations();
  out.tstep = a.tstep;
  TransientRun(p, a, out).run(progress, max_steps);
  p.solver->end_transient();
  out.counters = p.solver->counters() - counters_at_start;
  out.newton_iterations = p.solver->newton_iterations() - iterations_at_start;
  out.unknowns = p.solver->system().size();
  out.nonzeros = p.solver->system().nnz();
  out.linear = p.solver->all_linear();
  out.linear_solver = std::string(p.solver->linear_solver());
  return out;
}

TransientOutcome run_transient_analysis(size_t index, const PrepareFn& prepare,
                                        const std::function<void(size_t, size_t)>& progress,
                                        long max_steps) {
  return on_fresh_circuit<TransientOutcome>(
      index, prepare, [&](const netlist::FlatAnalysis& a, Prepared& p) {
        return run_transient_analysis(a, p, progress, max_steps);
      });
}

}  // namespace xb::engine
