// Resistor:  i = m·(v(a) - v(b)) / R(T),   R(T) = R·(1 + tc1·ΔT + tc2·ΔT²),  ΔT = T − TNOM (.option
// tnom, 27 °C) Residual rows: f[a] += i, f[b] −= i; Jacobian ±g with g = m/R(T) (m parallel
// resistors). SPICE2/3 resistor model (Nagel, SPICE2 user's guide, 1975; HSPICE "Resistor
// element").

#include "devices/resistor.hpp"

#include <cmath>

#include "devices/temperature.hpp"

namespace xb::devices {

void ResistorGroup::add(const netlist::FlatElement& e, double r, double tc1, double tc2) {
  names_.push_back(e.name);
  nodes_.push_back({e.nodes[0], e.nodes[1]});
  r_nominal_.push_back(r);
  tc_.push_back({tc1, tc2});
  g_.push_back(1.0 / r);
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

double ResistorGroup::conductance_at(size_t k) const {
  const double dt = temperature_ - tnom_;
  return 1.0 / (r_nominal_[k] * (1 + tc_[k][0] * dt + tc_[k][1] * dt * dt));
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
  for (size_t k = 0; k < g_.size(); ++k) {
    const int a = rows_[k][0], b = rows_[k][1];
    const double g = g_[k];
    const double i = g * (r.x[a] - r.x[b]);
    r.residual[a] += i;
    r.residual[b] -= i;
    r.jacobian[slots_[k][0]] += g;
    r.jacobian[slots_[k][1]] -= g;
    r.jacobian[slots_[k][2]] -= g;
    r.jacobian[slots_[k][3]] += g;
  }
}

void ResistorGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(names_, out);
}

double ResistorGroup::current(size_t k, const double* x) const {
  return g_[k] * (x[rows_[k][0]] - x[rows_[k][1]]);
}

namespace {

std::string add_resistor(engine::DeviceGroup* group, const netlist::FlatElement& e,
                         const ResolvedParams& p, const BuildContext&) {
  enum { kR, kTc1, kTc2, kM };
  if (!e.expressions.empty())
    return "a resistance that depends on node voltages or currents (R='" +
           e.expressions.front().second->text() +
           "') is not simulated yet: write it as a G or B source";
  const double r = !e.values.empty() ? e.values[0] : p[kR];
  if (std::isnan(r)) return "resistor has no value (give it positionally or as r=)";
  if (r == 0 || !std::isfinite(r)) return "resistance must be finite and non-zero";
  static_cast<ResistorGroup*>(group)->add(e, r / p[kM], p[kTc1], p[kTc2]);
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
               S::instance,
               {"resistance"}},
              {"tc1", 0, "1/K", -kInf, kInf, "first-order temperature coefficient", S::instance},
              {"tc2", 0, "1/K^2", -kInf, kInf, "second-order temperature coefficient", S::instance},
              {"m", 1, "", 1e-30, kInf, "parallel multiplier", S::instance},
              {"dtemp",
               0,
               "K",
               -kInf,
               kInf,
               "offset from the circuit temperature",
               S::instance,
               {},
               false},
              {"scale", 1, "", -kInf, kInf, "resistance scale factor", S::instance, {}, false},
              {"w",
               NAN,
               "m",
               -kInf,
               kInf,
               "width (semiconductor resistor)",
               S::instance,
               {},
               false},
              {"l",
               NAN,
               "m",
               -kInf,
               kInf,
               "length (semiconductor resistor)",
               S::instance,
               {},
               false},
              {"ac", NAN, "Ohm", -kInf, kInf, "AC resistance", S::instance, {}, false},
              {"noise", 1, "", -kInf, kInf, "noise switch (noise analysis only)", S::instance},
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
