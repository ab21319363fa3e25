#include "engine/dc_solver.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace xb::engine {

NewtonOptions NewtonOptions::from(const netlist::Circuit& c) {
  NewtonOptions o;
  o.reltol = netlist::param_or(c.options, "reltol", o.reltol);
  o.vntol = netlist::param_or(c.options, "vntol", o.vntol);
  o.abstol = netlist::param_or(c.options, "abstol", o.abstol);
  // Iteration limits: any number a deck writes, clamped to [1, 1e6] before it becomes an int.
  auto limit = [&](const char* name, int fallback) {
    const double v = netlist::param_or(c.options, name, fallback);
    return std::isnan(v) ? fallback : static_cast<int>(std::clamp(v, 1.0, 1e6));
  };
  o.max_iterations = limit("itl1", o.max_iterations);
  o.max_sweep_iterations = limit("itl2", o.max_sweep_iterations);
  o.max_step_iterations = limit("itl4", o.max_step_iterations);
  o.gmin = netlist::param_or(c.options, "gmin", o.gmin);
  return o;
}

namespace {

class NodeBinder : public BindContext {
 public:
  NodeBinder(const std::vector<std::unique_ptr<DeviceGroup>>& groups) : groups_(groups) {}
  Unknown node(netlist::NodeId id) const override {
    return id.is_ground() ? kGround : Unknown{static_cast<int>(id.value) - 1};
  }
  std::optional<Unknown> branch(std::string_view element) const override {
    for (const auto& g : groups_)
      if (auto b = g->branch(element)) return b;
    return std::nullopt;
  }

 private:
  const std::vector<std::unique_ptr<DeviceGroup>>& groups_;
};

// Union-find over node indices (0 = ground).
struct Components {
  std::vector<uint32_t> parent;
  explicit Components(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t find(uint32_t a) {
    while (parent[a] != a) a = parent[a] = parent[parent[a]];
    return a;
  }
  bool unite(uint32_t a, uint32_t b) {
    a = find(a), b = find(b);
    if (a == b) return false;
    parent[a] = b;
    return true;
  }
};

}  // namespace

DcSolver::DcSolver(const netlist::Circuit& circuit,
                   std::vector<std::unique_ptr<DeviceGroup>> groups, NewtonOptions options)
    : circuit_(circuit), groups_(std::move(groups)), opt_(options) {}

SolveStatus DcSolver::check_topology() const {
  // A DC path to ground for every node, and no loop made of voltage-defined branches alone.
  const size_t n = circuit_.node_names.size();
  Components dc(n), voltage(n);
  for (const netlist::FlatElement& e : circuit_.elements) {
    if (e.nodes.size() < 2) continue;
    bool voltage_defined = e.kind == 'v' || e.kind == 'e' || e.kind == 'h' || e.kind == 'l';
    if (voltage_defined && !voltage.unite(e.nodes[0].value, e.nodes[1].value))
      return {false,
              "loop of voltage sources (and inductors) closed by " + e.name +
                  ": the branch currents are undetermined",
              e.loc, 0};
  }
  // DC paths as each element's descriptor declares them (devices/registry.cpp).
  for (auto [a, b] : dc_paths_) dc.unite(a.value, b.value);
  // A transient's .ic holds its nodes in the initial point, which gives them a DC path there.
  const bool tran =
      std::any_of(circuit_.analyses.begin(), circuit_.analyses.end(),
                  [](const auto& a) { return a.kind == netlist::AnalysisKind::tran; });
  if (tran)
    for (const netlist::FlatInitial& ic : circuit_.initial_conditions) dc.unite(ic.node.value, 0);
  std::vector<std::string> floating;
  for (size_t i = 1; i < n; ++i)
    if (dc.find(static_cast<uint32_t>(i)) != dc.find(0)) floating.push_back(circuit_.node_names[i]);
  if (!floating.empty()) {
    std::string list;
    for (size_t i = 0; i < floating.size() && i < 10; ++i) list += (i ? ", " : "") + floating[i];
    if (floating.size() > 10) list += ", ... (" + std::to_string(floating.size()) + " in all)";
    // Blame the first element touching the first floating node.
    netlist::SourceLoc loc;
    for (const netlist::FlatElement& e : circuit_.elements)
      for (netlist::NodeId id : e.nodes)
        if (!loc.valid() && circuit_.node_names[id.value] == floating[0]) loc = e.loc;
    return {false, "no DC path to ground from node(s) " + list, loc, 0};
  }
  return {};
}

SolveStatus DcSolver::setup(bool need_dc_path) {
  if (SolveStatus t = check_topology(); !t.ok && (need_dc_path || t.message.rfind("no DC", 0)))
    return t;
  for (size_t i = 1; i < circuit_.node_names.size(); ++i)
    sys_.add_unknown("v(" + circuit_.node_names[i] + ")", UnknownKind::voltage);
  NodeBinder binder(groups_);
  for (auto& g : groups_) g->add_unknowns(sys_, binder);
  for (auto& g : groups_) g->request_slots(sys_, binder);
  std::vector<int> diagonal_slots(sys_.size(), -1);
  for (int i = 0; i < sys_.size(); ++i)
    if (sys_.kind(i) == UnknownKind::voltage)
      diagonal_slots[i] = sys_.request(Unknown{i}, Unknown{i});
  sys_.finalize();
  for (auto& g : groups_) g->resolve(sys_);
  std::vector<std::string_view> names;
  for (size_t i = 0; element_refs_.empty() && i < groups_.size(); ++i) {
    names.clear();
    groups_[i]->instance_names(names);
    for (size_t k = 0; k < names.size(); ++k)
      by_name_.emplace(names[k], ElementRef{groups_[i].get(), k});
  }
  diagonal_.assign(sys_.size(), -1);
  for (int i = 0; i < sys_.size(); ++i)
    if (diagonal_slots[i] >= 0) diagonal_[i] = sys_.value_index(diagonal_slots[i]);
  set_temperature(circuit_.temperatures.empty() ? 27.0 : circuit_.temperatures[0]);
  for (auto& g : groups_) linear_ = linear_ && g->linear();
  const int n = sys_.size();
  x_.assign(n + 1, 0.0);
  f_.assign(n + 1, 0.0);
  dx_.assign(n + 1, 0.0);
  q_.assign(n + 1, 0.0);
  qs_.assign(sys_.charge_states() + 1, 0.0);
  jac_.assign(sys_.nnz() + 1, 0.0);
  if (n == 0) return {false, "circuit has no unknowns", {}, 0};
  solver_.setup(sys_, linear_);
  return {};
}

void DcSolver::assemble(double source_scale, double gshunt, int* limited) {
  if (charges_only_) {  // evaluate_charges(): leaves f_ and jac_ stale
    std::fill(q_.begin(), q_.end(), 0.0);
    std::fill(qs_.begin(), qs_.end(), 0.0);
    EvalRequest r{x_.data(), jac_.data(), f_.data(), 1.0, nullptr};
    r.transient = time_.has_value();
    r.time = time_.value_or(0.0);
    r.charge = q_.data();
    r.state_charge = qs_.data();
    r.x_prev = dyn_.x_prev ? dyn_.x_prev : x_.data();
    r.use_initial_conditions = dyn_.use_initial_conditions;
    r.initial_charges = dyn_.initial_charges;
    r.charges_only = true;
    for (const auto& g : groups_)
      if (g->has_charges()) g->load(r);
    return;
  }
  std::fill(f_.begin(), f_.end(), 0.0);
  std::fill(jac_.begin(), jac_.end(), 0.0);
  x_.back() = 0.0;
  EvalRequest r{x_.data(), jac_.data(), f_.data(), source_scale, limited};
  r.transient = time_.has_value();
  r.time = time_.value_or(0.0);
  const bool charges = dyn_.active;
  if (charges) {
    std::fill(q_.begin(), q_.end(), 0.0);
    std::fill(qs_.begin(), qs_.end(), 0.0);
    r.charge = q_.data();
    r.state_charge = qs_.data();
    r.charge_scale = dyn_.active ? dyn_.a0 : 0.0;
    r.x_prev = dyn_.x_prev ? dyn_.x_prev : x_.data();
    r.use_initial_conditions = dyn_.use_initial_conditions;
    r.initial_charges = dyn_.initial_charges;
  }
  for (const auto& g : groups_) g->load(r);
  if (dyn_.active)
    for (int i = 0; i < sys_.size(); ++i) f_[i] += dyn_.a0 * q_[i] + dyn_.history[i];
  if (gshunt > 0)
    for (int i = 0; i < sys_.size(); ++i)
      if (diagonal_[i] >= 0) jac_[diagonal_[i]] += gshunt, f_[i] += gshunt * x_[i];
  for (size_t k = 0; k < forced_.size(); ++k) {
    const auto [row, value] = forced_[k];
    for (int v : forced_entries_[k]) jac_[v] = 0.0;
    jac_[diagonal_[row]] = 1.0;
    f_[row] = x_[row] - value;
  }
}

void DcSolver::set_time(std::optional<double> t) {
  time_ = t;
  for (auto& g : groups_) g->set_time(t.has_value(), t.value_or(0.0));
}

void DcSolver::set_dynamics(const Dynamics& d) {
  dyn_ = d;
  const double a0 = d.active ? d.a0 : 0.0;
  if (a0 != factored_a0_) factored_ = false;
}

void DcSolver::set_forced(const std::vector<std::pair<int, double>>& rows) {
  forced_.clear();
  forced_entries_.clear();
  for (const auto& [row, value] : rows)
    if (row >= 0 && row < sys_.size() && diagonal_[row] >= 0) {
      forced_.emplace_back(row, value);
      forced_entries_.emplace_back();
    }
  const auto& Ap = sys_.Ap();
  const auto& Ai = sys_.Ai();
  for (size_t k = 0; k < forced_.size(); ++k)
    for (int j = 0; j < sys_.size(); ++j)
      for (int e = Ap[j]; e < Ap[j + 1]; ++e)
        if (Ai[e] == forced_[k].first) forced_entries_[k].push_back(e);
  factored_ = false;
}

SolveStatus DcSolver::solve_step() {
  return newton(1.0, 0.0);
}

const std::vector<double>& DcSolver::evaluate_charges() {
  charges_only_ = true;
  assemble();
  charges_only_ = false;
  return q_;
}

std::string DcSolver::describe_unknown(int index) const {
  if (index < 0 || index >= sys_.size()) return "an unknown";
  std::string text = sys_.name(index);
  // Name the elements at a node, so the message points into the deck.
  if (index + 1 < static_cast<int>(circuit_.node_names.size())) {
    const uint32_t node = static_cast<uint32_t>(index + 1);
    std::string names;
    int count = 0;
    for (const netlist::FlatElement& e : circuit_.elements)
      for (netlist::NodeId id : e.nodes)
        if (id.value == node) {
          if (count < 4) names += (count ? ", " : "") + e.name;
          ++count;
          break;
        }
    if (count) text += " (elements " + names + (count > 4 ? ", ..." : "") + ")";
  }
  return text;
}

// SPICE's tests, decided in the iteration after the step so that the check costs no extra
// assembly: the last update within reltol·max(|x_old|, |x_new|) + vntol (voltages) or abstol
// (currents) for every unknown, no device limited a junction at the new point, and every
// residual row within reltol of the currents flowing through it (+ abstol, or vntol on
// voltage-equation rows).
SolveStatus DcSolver::newton(double source_scale, double gshunt) {
  const int n = sys_.size();
  const bool continuation = source_scale != 1.0 || gshunt != 0.0;
  const int limit = dyn_.active    ? opt_.max_step_iterations
                    : solved_once_ ? opt_.max_sweep_iterations
                                   : opt_.max_iterations;
  bool step_small = false;
  int worst = -1, worst_node = -1;
  // Chord steps (reuse_factorization): the last factorization serves while the steps shrink
  // at least ~3× per iteration; a slower one refactors. They meet the same criteria on the true
  // residual, and stand in for polish() by going on to a step 1e-4 of the tolerance.
  const bool chord = reuse_factorization_ && !linear_ && !continuation && !dyn_.active;
  double last_ratio = 0;  // max |dx|/tol of the previous step
  bool refactor_next = !chord || !jacobian_factored_;
  double excess_before[2] = {0, 0};  // the worst step over its tolerance, one and two steps ago
  auto stalled = [&](double excess) {
    const bool flat = excess_before[0] > 0 && excess > 0.7 * excess_before[0] &&
                      excess_before[1] > 0 && excess_before[0] > 0.7 * excess_before[1];
    excess_before[1] = excess_before[0];
    excess_before[0] = excess;
    return flat;
  };
  for (int it = 1; it <= limit + 1; ++it) {
    int limited = 0;
    assemble(source_scale, gshunt, &limited);
    if (step_small && limited == 0 && residual_small()) {
      solved_once_ = solved_once_ || !continuation;
      if (!dyn_.active && !continuation && !chord) polish();
      return {true, "", {}, it - 1};
    }
    if (it > limit) break;
    ++total_iterations_;
    const bool fresh = !(linear_ && factored_ && !continuation) && (!chord || refactor_next);
    if (fresh) {
      FactorStatus fs = solver_.factor(jac_.data());
      jacobian_factored_ = fs == FactorStatus::ok;
      if (fs != FactorStatus::ok) {
        factored_ = false;
        std::string where = describe_unknown(solver_.singular_column());
        return {false,
                "singular matrix at " + where +
                    (fs == FactorStatus::singular ? "" : " (factorization failed)"),
                {},
                it};
      }
      factored_ = linear_ && !continuation;
      factored_a0_ = dyn_.active ? dyn_.a0 : 0.0;
    }
    for (int i = 0; i < n; ++i) dx_[i] = -f_[i];
    if (!solver_.solve(dx_.data())) return {false, "linear solve failed", {}, it};
    step_small = true;
    // Blame a node when one has not converged (more useful in a message than a branch current).
    double worst_excess = 0, worst_node_excess = 0;
    int this_worst = -1, this_node = -1;
    for (int i = 0; i < n; ++i) {
      const double old = x_[i], now = old + dx_[i];
      const double tol = opt_.reltol * std::max(std::fabs(old), std::fabs(now)) +
                         (sys_.kind(i) == UnknownKind::voltage ? opt_.vntol : opt_.abstol);
      x_[i] = now;
      if (!std::isfinite(now))
        return {false, "solution is not finite at " + describe_unknown(i), {}, it};
      if (std::fabs(dx_[i]) > tol) {
        step_small = false;
        const double excess = std::fabs(dx_[i]) / tol;
        if (excess > worst_excess) worst_excess = excess, this_worst = i;
        if (sys_.kind(i) == UnknownKind::voltage && excess > worst_node_excess)
          worst_node_excess = excess, this_node = i;
      }
    }
    if (this_worst >= 0) worst = this_worst, worst_node = this_node;
    // The round-off floor of a branch current: every voltage within tolerance, and the steps of
    // some current no longer shrinking (a nearly floating subcircuit, such as the DC side of a
    // bridge rectifier with every diode off, whose common mode a large capacitor's a0·C makes
    // ill-conditioned: the residual's round-off, eps·a0·C·v, moves it by about the same amount
    // each iteration). Within 10× of the tolerance and stalled for two steps, further steps gain
    // nothing; the residual test after the step still has to pass.
    if (!step_small && this_node < 0 && worst_excess < 10 && stalled(worst_excess))
      step_small = true;
    if (chord) {
      double ratio = 0;
      for (int i = 0; i < n; ++i) {
        const double tol = opt_.reltol * std::fabs(x_[i]) +
                           (sys_.kind(i) == UnknownKind::voltage ? opt_.vntol : opt_.abstol);
        ratio = std::max(ratio, std::fabs(dx_[i]) / tol);
      }
      const bool slow = last_ratio > 0 && ratio > 0.3 * last_ratio;
      // Within SPICE's tolerance and slow right after a fresh factorization: the round-off
      // floor, where more steps gain nothing.
      step_small = ratio <= 1e-4 || (ratio <= 1 && slow && fresh);
      refactor_next = slow;
      last_ratio = ratio;
    }
    if (linear_) {  // the Newton step of a linear system is exact
      solved_once_ = solved_once_ || !continuation;
      return {true, "", {}, it};
    }
  }
  return {false,
          "no convergence after " + std::to_string(limit) + " Newton iterations; worst " +
              describe_unknown(worst_node >= 0 ? worst_node : worst),
          {},
          limit};
}

// SPICE's criterion stops Newton when the last update is within reltol, which leaves a DC
// solution up to ~reltol·|x| from the converged one. Newton converges quadratically there, so one
// more step from the Jacobian and residual already assembled at x takes that to ~reltol²: DC
// results within 1e-6 of the exact solution at default tolerances, for one factorization more.
void DcSolver::polish() {
  jacobian_factored_ = solver_.factor(jac_.data()) == FactorStatus::ok;
  if (!jacobian_factored_) return;
  const int n = sys_.size();
  for (int i = 0; i < n; ++i) dx_[i] = -f_[i];
  if (!solver_.solve(dx_.data())) return;
  for (int i = 0; i < n; ++i)
    if (!std::isfinite(dx_[i])) return;
  for (int i = 0; i < n; ++i) x_[i] += dx_[i];
  ++total_iterations_;
}

bool DcSolver::residual_small() const {
  // Scale of each row: the magnitudes of the terms J(i,j)·x(j) that meet in it.
  const int n = sys_.size();
  std::vector<double> scale(n, 0.0);
  const auto& Ap = sys_.Ap();
  const auto& Ai = sys_.Ai();
  for (int j = 0; j < n; ++j)
    for (int k = Ap[j]; k < Ap[j + 1]; ++k) scale[Ai[k]] += std::fabs(jac_[k] * x_[j]);
  for (int i = 0; i < n; ++i) {
    // Rows of voltage unknowns are KCL sums (currents); rows of branch currents are voltage
    // equations.
    const double floor = sys_.kind(i) == UnknownKind::voltage ? opt_.abstol : opt_.vntol;
    if (std::fabs(f_[i]) > opt_.reltol * scale[i] + floor) return false;
  }
  return true;
}

SolveStatus DcSolver::solve() {
  SolveStatus st = solve_dc();
  if (st.ok) accept_solution();
  return st;
}

void DcSolver::accept_solution() {
  for (const auto& g : groups_) g->accept(x_.data());
}

double DcSolver::device_step_limit(const double* x_old, double h) const {
  double limit = DeviceGroup::kNoBreakpoint;
  for (const auto& g : groups_) limit = std::min(limit, g->step_limit(x_.data(), x_old, h));
  return limit;
}

SolveStatus DcSolver::solve_dc() {
  const std::vector<double> start = x_;
  SolveStatus plain = newton(1.0, 0.0);
  if (plain.ok || linear_) return plain;
  // gmin stepping: a shunt on every node, shrunk decade by decade, then removed.
  x_ = start;
  SolveStatus st{};
  for (double g = 1e-2; st.ok && g >= opt_.gmin; g /= 10) st = newton(1.0, g);
  if (st.ok && (st = newton(1.0, 0.0)).ok) return st;
  // Source stepping: sources ramped from 10 % to full.
  std::fill(x_.begin(), x_.end(), 0.0);
  st = {};
  for (int k = 1; st.ok && k <= 10; ++k) st = newton(k / 10.0, 0.0);
  if (st.ok) return st;
  plain.message += " (gmin stepping and source stepping failed too)";
  return plain;
}

std::optional<DcSolver::ElementRef> DcSolver::find_element(std::string_view name) const {
  if (!element_refs_.empty()) {
    const netlist::FlatElement* e = circuit_.find_element(name);
    if (!e) return std::nullopt;
    const auto [group, instance] = element_refs_[e - circuit_.elements.data()];
    if (group < 0) return std::nullopt;
    return ElementRef{groups_[group].get(), static_cast<size_t>(instance)};
  }
  auto it = by_name_.find(name);
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

bool DcSolver::set_source_value(std::string_view name, double value) {
  std::optional<ElementRef> e = find_element(name);
  if (!e || !e->group->is_source(e->index)) return false;
  set_source(*e, value);
  return true;
}

std::string DcSolver::set_parameter(const ElementRef& e, int id, double value) {
  std::string error = e.group->set_parameter(e.index, id, value);
  if (error.empty()) factored_ = false;
  return error;
}

void DcSolver::end_transient() {
  set_time(std::nullopt);
  set_dynamics({});
  set_forced({});
  set_state_derivatives(nullptr);
}

void DcSolver::set_temperature(double celsius) {
  temperature_ = celsius;
  for (auto& g : groups_) g->set_temperature(celsius);
  factored_ = false;
}

std::optional<DcSolver::CurrentProbe> DcSolver::find_current(std::string_view element) const {
  std::optional<ElementRef> e = find_element(element);
  if (!e) return std::nullopt;
  return CurrentProbe{e->group, e->index};
}

std::optional<Unknown> DcSolver::branch_of(std::string_view element) const {
  for (const auto& g : groups_)
    if (std::optional<Unknown> b = g->branch(element)) return b;
  return std::nullopt;
}

std::optional<double> DcSolver::current(std::string_view element) const {
  if (auto p = find_current(element)) return current(*p);
  return std::nullopt;
}

std::vector<double> DcSolver::rhs_at_zero() {
  std::fill(x_.begin(), x_.end(), 0.0);
  assemble();
  std::vector<double> rhs(sys_.size());
  for (int i = 0; i < sys_.size(); ++i) rhs[i] = -f_[i];
  return rhs;
}

SolveStatus DcSolver::solve_many(std::vector<double>& rhs, int count) {
  if (!linear_) return {false, "internal: batched solve of a nonlinear circuit", {}, 0};
  if (!factored_) {
    std::fill(x_.begin(), x_.end(), 0.0);
    assemble();
    FactorStatus fs = solver_.factor(jac_.data());
    if (fs != FactorStatus::ok)
      return {false, "singular matrix at " + describe_unknown(solver_.singular_column()), {}, 1};
    factored_ = true;
  }
  ++total_iterations_;
  if (!solver_.solve(rhs.data(), count)) return {false, "linear solve failed", {}, 1};
  return {};
}

void DcSolver::evaluate_at(const std::vector<double>& x, std::vector<double>& f,
                           std::vector<double>& jac) {
  std::copy(x.begin(), x.begin() + sys_.size(), x_.begin());
  assemble();
  f.assign(f_.begin(), f_.begin() + sys_.size());
  jac.assign(jac_.begin(), jac_.begin() + sys_.nnz());
}

void DcSolver::evaluate_split(const std::vector<double>& x, std::vector<double>& f,
                              std::vector<double>& g, std::vector<double>& c) {
  std::copy(x.begin(), x.begin() + sys_.size(), x_.begin());
  x_.back() = 0.0;
  std::fill(f_.begin(), f_.end(), 0.0);
  std::fill(jac_.begin(), jac_.end(), 0.0);
  std::fill(q_.begin(), q_.end(), 0.0);
  std::fill(qs_.begin(), qs_.end(), 0.0);
  c.assign(jac_.size(), 0.0);
  EvalRequest r{x_.data(), jac_.data(), f_.data(), 1.0, nullptr};
  r.transient = time_.has_value();
  r.time = time_.value_or(0.0);
  r.charge = q_.data();
  r.state_charge = qs_.data();
  r.x_prev = x_.data();
  r.charge_jacobian = c.data();
  r.small_signal = true;
  for (const auto& grp : groups_) grp->load(r);
  f.assign(f_.begin(), f_.begin() + sys_.size());
  g.assign(jac_.begin(), jac_.begin() + sys_.nnz());
  c.resize(sys_.nnz());
}

SolveStatus DcSolver::sensitivities(const std::vector<ElementRef>& sources,
                                    std::vector<double>& dx) {
  const auto n = static_cast<size_t>(sys_.size());
  assemble();  // the residual at the solution
  const std::vector<double> f0(f_.begin(), f_.begin() + sys_.size());
  // Sources enter the residual linearly: a unit step of each gives ∂f/∂u exactly; J·dx = −∂f/∂u.
  dx.assign(n * sources.size(), 0.0);
  for (size_t k = 0; k < sources.size(); ++k) {
    const ElementRef& e = sources[k];
    const double value = e.group->source_value(e.index);
    e.group->set_source_value(e.index, value + 1);
    assemble();
    e.group->set_source_value(e.index, value);
    for (size_t i = 0; i < n; ++i) dx[k * n + i] = f0[i] - f_[i];
  }
  return linear_responses(dx, static_cast<int>(sources.size()));  // J factored at the solution
}

SolveStatus DcSolver::linear_responses(std::vector<double>& columns, int count) {
  assemble();
  const FactorStatus fs = solver_.factor(jac_.data());
  factored_ = false;
  jacobian_factored_ = fs == FactorStatus::ok;
  if (fs != FactorStatus::ok)
    return {false, "singular matrix at " + describe_unknown(solver_.singular_column()), {}, 1};
  if (!solver_.solve(columns.data(), count)) return {false, "linear solve failed", {}, 1};
  return {};
}

SolveStatus DcSolver::parameter_responses(const std::vector<double>& values,
                                          const std::function<void(size_t, double)>& set,
                                          std::vector<double>& dx) {
  const auto n = static_cast<size_t>(sys_.size());
  dx.assign(n * values.size(), 0.0);
  std::vector<double> plus(n);
  for (size_t k = 0; k < values.size(); ++k) {
    const double v = values[k];
    const double h = v != 0 ? 1e-5 * std::fabs(v) : 1e-9;
    set(k, v + h);
    assemble();
    std::copy(f_.begin(), f_.begin() + static_cast<long>(n), plus.begin());
    set(k, v - h);
    assemble();
    set(k, v);
    for (size_t i = 0; i < n; ++i) dx[k * n + i] = -(plus[i] - f_[i]) / (2 * h);  // −∂f/∂p
  }
  return linear_responses(dx, static_cast<int>(values.size()));
}

void DcSolver::set_solution(const double* x) {
  std::copy(x, x + sys_.size(), x_.begin());
  x_.back() = 0.0;
}

}  // namespace xb::engine
