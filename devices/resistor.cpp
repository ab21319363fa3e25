// Resistor:  i = m·(v(a) - v(b)) / R(T),   R(T) = R·(1 + tc1·ΔT + tc2·ΔT²)  (or R·1.01^(tce·ΔT)),
// ΔT = T + DTEMP − TNOM (the model's, else .option tnom, 27 °C). Residual rows: f[a] += i,
// f[b] −= i; Jacobian ±g with g = m/R(T) (m parallel resistors). SPICE2/3 resistor model
// (Nagel, SPICE2 user's guide, 1975; HSPICE "Resistor element"; ngspice's semiconductor
// resistor, res*.c).
// With a .model (type r or res): R from the element, else RSH·(L − 2·SHORT)/(W − 2·NARROW)
// when the model has RSH (L and W default to 10 µm, W to the model's DEFW), else the model's R;
// TC1/TC2/TCE/TNOM from the model unless the element gives them; SCALE multiplies R.

#include "devices/resistor.hpp"

#include <algorithm>
#include <cmath>

#include "devices/temperature.hpp"

namespace xb::devices {

void ResistorGroup::add(const netlist::FlatElement& e, double r, const TemperatureLaw& law,
                        double ac_r) {
  if (!std::isnan(ac_r)) ac_r_.emplace_back(names_.size(), ac_r);
  names_.push_back(e.name);
  nodes_.push_back({e.nodes[0], e.nodes[1]});
  r_nominal_.push_back(r);
  auto it = std::find(laws_.begin(), laws_.end(), law);
  if (it == laws_.end()) it = laws_.insert(laws_.end(), law);
  law_.push_back(static_cast<uint32_t>(it - laws_.begin()));
  g_.push_back(1.0 / r);
  g_.back() = conductance_at(g_.size() - 1);
}

void ResistorGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  terminals_.reserve(nodes_.size());
  slots_.reserve(nodes_.size());
  for (auto [na, nb] : nodes_) {
    engine::Unknown a = ctx.node(na), b = ctx.node(nb);
    terminals_.push_back({a, b});
    slots_.push_back({sys.request(a, a), sys.request(a, b), sys.request(b, a), sys.request(b, b)});
  }
}

void ResistorGroup::resolve(const engine::MnaSystem& sys) {
  rows_.clear();
  rows_.reserve(slots_.size());
  for (size_t k = 0; k < slots_.size(); ++k) {
    for (int& s : slots_[k]) s = sys.value_index(s);
    rows_.push_back({sys.row(terminals_[k][0]), sys.row(terminals_[k][1])});
  }
}

double ResistorGroup::conductance_at(size_t k, double r) const {
  const TemperatureLaw& law = laws_[law_[k]];
  const double dt = temperature_ + law.offset - tnom_;
  const double factor =
      law.tce != 0 ? std::pow(1.01, law.tce * dt) : 1 + law.tc1 * dt + law.tc2 * dt * dt;
  return 1.0 / (r * factor);
}

void ResistorGroup::set_temperature(double t) {
  temperature_ = t;
  for (size_t k = 0; k < g_.size(); ++k) g_[k] = conductance_at(k);
}

std::optional<int> ResistorGroup::parameter_id(std::string_view name) const {
  if (name == "r" || name == "resistance") return 0;
  return std::nullopt;
}

std::string ResistorGroup::set_parameter(size_t k, int, double value) {
  if (value == 0 || !std::isfinite(value)) return "resistance must be finite and non-zero";
  r_nominal_[k] = value;
  g_[k] = conductance_at(k);
  return "";
}

void ResistorGroup::load(const engine::EvalRequest& r) const {
  for (size_t k = 0; k < g_.size(); ++k)
    engine::stamp_conductance(r, rows_[k][0], rows_[k][1], slots_[k], g_[k]);
  if (!r.small_signal) return;
  for (const auto& [k, ac_r] : ac_r_) {  // the AC conductance in place of the DC one
    const double dg = conductance_at(k, ac_r) - g_[k];
    r.jacobian[slots_[k][0]] += dg;
    r.jacobian[slots_[k][1]] -= dg;
    r.jacobian[slots_[k][2]] -= dg;
    r.jacobian[slots_[k][3]] += dg;
  }
}

void ResistorGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(names_, out);
}

double ResistorGroup::current(size_t k, const double* x) const {
  return g_[k] * (x[rows_[k][0]] - x[rows_[k][1]]);
}

namespace {

enum ResistorParam {
  kR,
  kTc1,
  kTc2,
  kM,
  kDtemp,
  kScale,
  kW,
  kL,
  kAc,
  kNoise,
  kRsh,
  kDefw,
  kNarrow,
  kShort,
  kTce,
  kTnom,
  kKf,
  kAf
};

std::string add_resistor(engine::DeviceGroup* group, const netlist::FlatElement& e,
                         const ResolvedParams& p, const BuildContext& ctx) {
  if (!e.expressions.empty())
    return "a resistance that depends on node voltages or currents (R='" +
           e.expressions.front().second->text() +
           "') is not simulated yet: write it as a G or B source";
  // The element's own value first; then the model's sheet resistance over the geometry; then
  // the model's R (ngspice's order; L and W default to DEFL and DEFW, 10 µm).
  const bool own = !e.values.empty() || netlist::find_param(e.params, "r") ||
                   netlist::find_param(e.params, "resistance");
  double r = !e.values.empty() ? e.values[0] : own ? p[kR] : NAN;
  const double w = p.given[kW] ? p[kW] : p[kDefw], l = p.given[kL] ? p[kL] : 1e-5;
  if (std::isnan(r) && p[kRsh] > 0) {
    const double weff = w - 2 * p[kNarrow], leff = l - 2 * p[kShort];
    if (leff <= 0 || weff <= 0)
      return "resistor geometry: L - 2·SHORT and W - 2·NARROW must be positive";
    r = p[kRsh] * leff / weff;
  }
  if (std::isnan(r)) r = p[kR];  // the model's R
  if (std::isnan(r))
    return e.model >= 0 ? "resistor has no value: give it, or R or RSH with L (and W) on the model"
                        : "resistor has no value (give it positionally or as r=)";
  r *= p[kScale];
  if (r == 0 || !std::isfinite(r)) return "resistance must be finite and non-zero";
  ResistorGroup::TemperatureLaw law{p[kTc1], p[kTc2], p[kTce], p[kDtemp]};
  if (p.given[kTnom]) law.offset -= p[kTnom] - nominal_temperature(ctx.circuit);
  // ngspice's ac=: the resistance AC analysis sees, scaled and multiplied as r is.
  const double ac_r = p.given[kAc] ? p[kAc] * p[kScale] / p[kM] : NAN;
  if (p.given[kAc] && (ac_r == 0 || !std::isfinite(ac_r)))
    return "AC resistance must be finite and non-zero";
  static_cast<ResistorGroup*>(group)->add(e, r / p[kM], law, ac_r);
  return "";
}

}  // namespace

const DeviceDescriptor& resistor_descriptor() {
  using S = ParamScope;
  static const DeviceDescriptor d{
      .name = "resistor",
      .summary = "linear resistor with temperature coefficients (SPICE2/3, HSPICE)",
      .letters = "r",
      .terminals = {"a", "b"},
      .params =
          {
              {"r",
               NAN,
               "Ohm",
               -kInf,
               kInf,
               "resistance (or the value after the nodes)",
               S::both,
               {"resistance"}},
              {"tc1",
               0,
               "1/K",
               -kInf,
               kInf,
               "first-order temperature coefficient",
               S::both,
               {"tc"}},
              {"tc2", 0, "1/K^2", -kInf, kInf, "second-order temperature coefficient", S::both},
              {"m", 1, "", 1e-30, kInf, "parallel multiplier", S::instance},
              {"dtemp", 0, "K", -kInf, kInf, "offset from the circuit temperature", S::instance},
              {"scale", 1, "", 1e-30, kInf, "resistance scale factor", S::instance},
              {"w", NAN, "m", -kInf, kInf, "width (with the model's RSH)", S::instance},
              {"l", NAN, "m", -kInf, kInf, "length (with the model's RSH)", S::both},
              {"ac", NAN, "Ohm", -kInf, kInf, "AC resistance (small-signal analyses; DC uses r)",
               S::instance},
              {"noise", 1, "", -kInf, kInf, "noise switch (noise analysis only)", S::instance},
              {"rsh", 0, "Ohm", 0, kInf, "sheet resistance", S::model},
              {"defw", 1e-5, "m", -kInf, kInf, "default width", S::model},
              {"narrow", 0, "m", -kInf, kInf, "width reduction", S::model, {"dw"}},
              {"short", 0, "m", -kInf, kInf, "length reduction", S::model, {"dlr"}},
              {"tce", 0, "%/K", -kInf, kInf, "exponential temperature coefficient", S::both},
              {"tnom",
               27,
               "C",
               -kInf,
               kInf,
               "temperature R is given at (default .option tnom)",
               S::model,
               {"tref"}},
              {"kf", 0, "", -kInf, kInf, "flicker-noise coefficient (noise only)", S::model},
              {"af", 1, "", -kInf, kInf, "flicker-noise exponent (noise only)", S::model},
          },
      .example = "1k tc1=1e-3",
      .nonlinear = false,
      .has_charges = false,
      .dc_paths = {{0, 1}},
      .make_group =
          [](const netlist::Circuit& c) {
            return std::unique_ptr<engine::DeviceGroup>(new ResistorGroup(nominal_temperature(c)));
          },
      .add = add_resistor,
  };
  return d;
}

}  // namespace xb::devices
