// Capacitor, inductor and mutual inductance in the engine's DAE form f(x) + dq(x)/dt = 0
// (SPICE2, Nagel 1975; charge/flux formulation as in Kundert, "The Designer's Guide to SPICE
// and Spectre", 1995):
//   C a b:  q = C·(v(a) − v(b));  charge rows: q[a] += q, q[b] −= q. Open in DC.
//   L a b:  branch current j;  f[a] += j, f[b] −= j,  f[j] = v(a) − v(b),  q[j] = −φ,
//           φ = L·j + Σ M·j_other, so that v(a) − v(b) = dφ/dt. A short in DC.
//   K l1 l2 k:  M = k·√(L1·L2) couples the two fluxes.
// With UIC, IC= gives the initial charge C·ic (capacitor) and the initial current (inductor).

#include "devices/reactive.hpp"

#include <cmath>

namespace xb::devices {

void CapacitorGroup::add(const netlist::FlatElement& e, double c, double ic) {
  names_.push_back(e.name);
  nodes_.push_back({e.nodes[0], e.nodes[1]});
  c_.push_back(c);
  ic_.push_back(ic);
}

void CapacitorGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  for (size_t k = 0; k < nodes_.size(); ++k) {
    engine::Unknown a = ctx.node(nodes_[k][0]), b = ctx.node(nodes_[k][1]);
    flipped_.push_back(a.is_ground());
    if (a.is_ground()) {  // ground second (see load); the charge is symmetric, IC= flips
      std::swap(a, b);
      ic_[k] = -ic_[k];
    }
    rows_.push_back({a.value, b.value});
    slots_.push_back({sys.request(a, a), sys.request(a, b), sys.request(b, a), sys.request(b, b)});
  }
}

void CapacitorGroup::resolve(const engine::MnaSystem& sys) {
  ground_ = sys.size();
  engine::resolve_rows_and_slots(sys, rows_, slots_);
}

void CapacitorGroup::load(const engine::EvalRequest& r) const {
  if (!r.charge) return;
  double* state = r.state_charge + state_;
  // IC= replaces the branch voltage only in the initial charge of a UIC transient.
  const bool ic = r.use_initial_conditions;
  for (size_t k = 0; k < c_.size(); ++k) {
    const int a = rows_[k][0], b = rows_[k][1];
    const double v = ic && !std::isnan(ic_[k]) ? ic_[k] : r.x[a] - r.x[b];
    const double q = c_[k] * v;
    r.charge[a] += q;
    // Most capacitors of a crossbar go to ground: skipping its throw-away row and slot keeps
    // thousands of updates of one address from queueing behind each other.
    if (b != ground_) r.charge[b] -= q;
    state[k] = q;
  }
  if (r.charges_only) return;
  for (size_t k = 0; k < c_.size(); ++k) {
    const double g = r.reactive_scale() * c_[k];
    double* jq = r.reactive_jacobian();
    const auto& s = slots_[k];
    jq[s[0]] += g;
    if (rows_[k][1] == ground_) continue;
    jq[s[1]] -= g;
    jq[s[2]] -= g;
    jq[s[3]] += g;
  }
}

void CapacitorGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(names_, out);
}

// ---- inductors -------------------------------------------------------------------------------

void InductorGroup::add(const netlist::FlatElement& e, double l, double ic) {
  names_.push_back(e.name);
  nodes_.push_back({e.nodes[0], e.nodes[1]});
  l_.push_back(l);
  ic_.push_back(ic);
}

bool InductorGroup::couple(const std::string& l1, const std::string& l2, double k) {
  auto a = engine::index_by_name(names_, l1), b = engine::index_by_name(names_, l2);
  if (!a || !b) return false;
  couplings_.push_back({*a, *b, k * std::sqrt(l_[*a] * l_[*b])});
  return true;
}

void InductorGroup::add_unknowns(engine::MnaSystem& sys, const engine::BindContext&) {
  for (const std::string& n : names_)
    branch_.push_back(sys.add_unknown("i(" + n + ")", engine::UnknownKind::current));
  state_ = sys.add_charge_states(static_cast<int>(names_.size()));
}

void InductorGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  for (size_t k = 0; k < names_.size(); ++k) {
    engine::Unknown a = ctx.node(nodes_[k][0]), b = ctx.node(nodes_[k][1]), j = branch_[k];
    rows_.push_back({a.value, b.value, j.value});
    slots_.push_back({sys.request(a, j), sys.request(b, j), sys.request(j, a), sys.request(j, b),
                      sys.request(j, j)});
  }
  for (Coupling& c : couplings_) {
    c.ab = sys.request(branch_[c.a], branch_[c.b]);
    c.ba = sys.request(branch_[c.b], branch_[c.a]);
  }
}

void InductorGroup::resolve(const engine::MnaSystem& sys) {
  engine::resolve_rows_and_slots(sys, rows_, slots_);
  for (Coupling& c : couplings_) c.ab = sys.value_index(c.ab), c.ba = sys.value_index(c.ba);
}

void InductorGroup::load(const engine::EvalRequest& r) const {
  auto current_of = [&](size_t k) {
    return r.use_initial_conditions && !std::isnan(ic_[k]) ? ic_[k] : r.x[rows_[k][2]];
  };
  for (size_t k = 0; k < l_.size(); ++k) {
    const auto& row = rows_[k];
    const auto& s = slots_[k];
    const double j = r.x[row[2]];
    r.residual[row[0]] += j;
    r.residual[row[1]] -= j;
    r.residual[row[2]] += r.x[row[0]] - r.x[row[1]];
    r.jacobian[s[0]] += 1;
    r.jacobian[s[1]] -= 1;
    r.jacobian[s[2]] += 1;
    r.jacobian[s[3]] -= 1;
    if (!r.charge) continue;
    r.charge[row[2]] -= l_[k] * current_of(k);
    r.state_charge[state_ + k] += l_[k] * current_of(k);
    r.reactive_jacobian()[s[4]] -= r.reactive_scale() * l_[k];
  }
  if (!r.charge) return;
  for (const Coupling& c : couplings_) {
    r.charge[rows_[c.a][2]] -= c.m * current_of(c.b);
    r.charge[rows_[c.b][2]] -= c.m * current_of(c.a);
    r.state_charge[state_ + c.a] += c.m * current_of(c.b);
    r.state_charge[state_ + c.b] += c.m * current_of(c.a);
    r.reactive_jacobian()[c.ab] -= r.reactive_scale() * c.m;
    r.reactive_jacobian()[c.ba] -= r.reactive_scale() * c.m;
  }
}

std::optional<engine::Unknown> InductorGroup::branch(std::string_view name) const {
  if (auto k = engine::index_by_name(names_, name); k && *k < branch_.size()) return branch_[*k];
  return std::nullopt;
}

void InductorGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(names_, out);
}

void InductorGroup::initial_values(std::vector<std::pair<int, double>>& out) const {
  for (size_t k = 0; k < l_.size(); ++k)
    if (!std::isnan(ic_[k])) out.emplace_back(rows_[k][2], ic_[k]);
}

namespace {

// The element's value: first positional value, else the named one (c=1p, l=1u).
double value_of(const netlist::FlatElement& e, const ResolvedParams& p) {
  return !e.values.empty() ? e.values[0] : p[0];
}

std::string add_capacitor(engine::DeviceGroup* group, const netlist::FlatElement& e,
                          const ResolvedParams& p, const BuildContext&) {
  enum { kC, kIc, kM };
  const double c = value_of(e, p);
  if (!std::isfinite(c) || c < 0) return "capacitance must be given, finite and non-negative";
  static_cast<CapacitorGroup*>(group)->add(e, c * p[kM], p[kIc]);
  return "";
}

std::string add_inductor(engine::DeviceGroup* group, const netlist::FlatElement& e,
                         const ResolvedParams& p, const BuildContext&) {
  enum { kL, kIc, kM };
  const double l = value_of(e, p);
  if (!std::isfinite(l) || l <= 0) return "inductance must be given, finite and positive";
  // m parallel inductors: L/m, and the branch current is their sum.
  static_cast<InductorGroup*>(group)->add(e, l / p[kM], p[kIc]);
  return "";
}

std::string add_mutual(engine::DeviceGroup*, const netlist::FlatElement& e, const ResolvedParams& p,
                       const BuildContext& ctx) {
  const double k = value_of(e, p);
  if (e.refs.size() != 2 || !std::isfinite(k) || std::fabs(k) > 1)
    return "mutual inductance needs two inductors and a coupling |k| <= 1";
  auto* inductors = static_cast<InductorGroup*>(ctx.group_of("inductor"));
  if (!inductors->couple(e.refs[0], e.refs[1], k))
    return "couples " + e.refs[0] + " and " + e.refs[1] + ", which must both be inductors";
  return "";
}

std::vector<ParamSpec> reactive_params(std::string_view value, std::string_view unit,
                                       std::string_view alias) {
  using S = ParamScope;
  return {
      {value,
       NAN,
       unit,
       -kInf,
       kInf,
       "value (or the number after the nodes)",
       S::instance,
       {alias}},
      {"ic", NAN, unit == "F" ? "V" : "A", -kInf, kInf, "initial condition for UIC", S::instance},
      {"m", 1, "", 1e-30, kInf, "parallel multiplier", S::instance},
      {"tc1", 0, "1/K", -kInf, kInf, "first-order temperature coefficient", S::instance, {}, false},
      {"tc2",
       0,
       "1/K^2",
       -kInf,
       kInf,
       "second-order temperature coefficient",
       S::instance,
       {},
       false},
      {"dtemp", 0, "K", -kInf, kInf, "offset from the circuit temperature", S::instance, {}, false},
      {"scale", 1, "", -kInf, kInf, "value scale factor", S::instance, {}, false},
  };
}

}  // namespace

const DeviceDescriptor& capacitor_descriptor() {
  static const DeviceDescriptor d{
      .name = "capacitor",
      .summary = "linear capacitor, q = C·v",
      .letters = "c",
      .terminals = {"a", "b"},
      .params = reactive_params("c", "F", "capacitance"),
      .example = "1p",
      .nonlinear = false,
      .has_charges = true,
      .dc_paths = {},
      .make_group =
          [](const netlist::Circuit&) {
            return std::unique_ptr<engine::DeviceGroup>(new CapacitorGroup);
          },
      .add = add_capacitor,
  };
  return d;
}

const DeviceDescriptor& inductor_descriptor() {
  static const DeviceDescriptor d{
      .name = "inductor",
      .summary = "linear inductor, flux L·i on its branch current",
      .letters = "l",
      .terminals = {"a", "b"},
      .params = reactive_params("l", "H", "inductance"),
      .example = "1u",
      .nonlinear = false,
      .has_charges = true,
      .dc_paths = {{0, 1}},
      .make_group =
          [](const netlist::Circuit&) {
            return std::unique_ptr<engine::DeviceGroup>(new InductorGroup);
          },
      .add = add_inductor,
  };
  return d;
}

const DeviceDescriptor& mutual_inductance_descriptor() {
  static const DeviceDescriptor d{
      .name = "mutual_inductance",
      .summary = "K: coupling k·sqrt(L1·L2) between two inductors",
      .letters = "k",
      .terminals = {},
      .params = {{"k", NAN, "", -1, 1, "coupling coefficient", ParamScope::instance, {"coupling"}}},
      .example = "",
      .nonlinear = false,
      .has_charges = false,
      .dc_paths = {},
      .pass = 1,
      .make_group = nullptr,
      .add = add_mutual,
  };
  return d;
}

}  // namespace xb::devices
