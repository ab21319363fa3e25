// Switches of SPICE3 (Gordon Jacobs, 1985; ngspice's sw and csw devices): a conductance between
// a and b that is g_on = 1/RON or g_off = 1/ROFF,
//   on  when c > threshold + hysteresis,
//   off when c < threshold − hysteresis,
//   in between, as the last accepted solution left it (the hysteresis band),
// where c is v(cp, cn) for S (model SW: VT, VH) and the current through a voltage source for W
// (model CSW: IT, IH). A switch starts off, or on with the element's ON flag, and holds that
// state in the band until a solution leaves it. Defaults: RON 1 Ω, ROFF 1/GMIN, threshold and
// hysteresis 0. Negative hysteresis (ngspice's inverted band) is refused.
// In a transient the step is limited as SPICE3's SWtrunc limits it, so that a control
// approaching its threshold reaches it in small steps: after a step of h that moved the control
// by Δ towards the threshold, the next step is at most h·((ref − c)·0.75 + ε)/Δ, ref the
// threshold of the other state and ε 0.05 V (S) or 50 µA (W).

#include "devices/switch.hpp"

#include <cmath>

namespace xb::devices {

void SwitchGroup::add(Instance inst) {
  accepted_on_.push_back(inst.starts_on ? 1 : 0);
  inst_.push_back(std::move(inst));
}

void SwitchGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  for (const Instance& in : inst_) {
    const engine::Unknown a = ctx.node(in.a), b = ctx.node(in.b);
    engine::Unknown cp = engine::kGround, cn = engine::kGround;
    if (in.control_source.empty())
      cp = ctx.node(in.control_p), cn = ctx.node(in.control_n);
    else
      cp = ctx.branch(in.control_source).value_or(engine::kGround);
    rows_.push_back({a.value, b.value, cp.value, cn.value});
    slots_.push_back({sys.request(a, a), sys.request(a, b), sys.request(b, a), sys.request(b, b)});
  }
}

void SwitchGroup::resolve(const engine::MnaSystem& sys) {
  engine::resolve_rows_and_slots(sys, rows_, slots_);
  evaluated_on_ = accepted_on_;
}

double SwitchGroup::control(size_t k, const double* x) const {
  return x[rows_[k][2]] - x[rows_[k][3]];
}

bool SwitchGroup::on_at(size_t k, double c) const {
  const Instance& in = inst_[k];
  if (c > in.threshold + in.hysteresis) return true;
  if (c < in.threshold - in.hysteresis) return false;
  return accepted_on_[k] != 0;
}

void SwitchGroup::load(const engine::EvalRequest& r) const {
  for (size_t k = 0; k < inst_.size(); ++k) {
    const bool on = on_at(k, control(k, r.x));
    if (r.limited && on != (evaluated_on_[k] != 0)) ++*r.limited;  // not converged yet
    evaluated_on_[k] = on ? 1 : 0;
    if (r.charges_only) continue;
    engine::stamp_conductance(r, rows_[k][0], rows_[k][1], slots_[k],
                              on ? inst_[k].g_on : inst_[k].g_off);
  }
}

void SwitchGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(inst_, out);
}

double SwitchGroup::current(size_t k, const double* x) const {
  const double g = evaluated_on_[k] ? inst_[k].g_on : inst_[k].g_off;
  return g * (x[rows_[k][0]] - x[rows_[k][1]]);
}

void SwitchGroup::begin_transient(double, double) {
  for (size_t k = 0; k < inst_.size(); ++k) accepted_on_[k] = inst_[k].starts_on ? 1 : 0;
  evaluated_on_ = accepted_on_;
}

void SwitchGroup::accept(const double* x) {
  for (size_t k = 0; k < inst_.size(); ++k) accepted_on_[k] = on_at(k, control(k, x)) ? 1 : 0;
  evaluated_on_ = accepted_on_;
}

double SwitchGroup::step_limit(const double* x_new, const double* x_old, double h) const {
  double limit = kNoBreakpoint;
  for (size_t k = 0; k < inst_.size(); ++k) {
    const Instance& in = inst_[k];
    const double c = control(k, x_new), change = c - control(k, x_old);
    const double margin = in.control_source.empty() ? 0.05 : 5e-5;
    const bool on = on_at(k, c);
    const double ref = on ? in.threshold - in.hysteresis : in.threshold + in.hysteresis;
    // Heading for the threshold that would turn it over, and not there yet.
    if (!on && c < ref && change > 0)
      limit = std::min(limit, h * ((ref - c) * 0.75 + margin) / change);
    else if (on && c > ref && change < 0)
      limit = std::min(limit, h * ((ref - c) * 0.75 - margin) / change);
  }
  return limit;
}

namespace {

enum SwitchParam { kThreshold, kHysteresis, kRon, kRoff, kOn, kOff };

std::string add_switch(engine::DeviceGroup* group, const netlist::FlatElement& e,
                       const ResolvedParams& p, const BuildContext& ctx) {
  if (e.model < 0) return "a switch needs a model (.model name sw or csw)";
  SwitchGroup::Instance in;
  in.name = e.name;
  in.a = e.nodes[0];
  in.b = e.nodes[1];
  if (e.kind == 's') {
    in.control_p = e.nodes[2];
    in.control_n = e.nodes[3];
  } else {
    in.control_source = e.refs.at(0);
  }
  in.threshold = p[kThreshold];
  in.hysteresis = p[kHysteresis];
  in.g_on = 1 / p[kRon];
  // ROFF defaults to 1/GMIN, as SPICE3's does.
  in.g_off = p.given[kRoff] ? 1 / p[kRoff] : netlist::param_or(ctx.circuit.options, "gmin", 1e-12);
  if (p[kOn] != 0 && p[kOff] != 0) return "a switch is either ON or OFF, not both";
  in.starts_on = p[kOn] != 0;
  static_cast<SwitchGroup*>(group)->add(std::move(in));
  return "";
}

std::vector<ParamSpec> switch_params(bool voltage) {
  using S = ParamScope;
  return {
      {voltage ? "vt" : "it", 0, voltage ? "V" : "A", -kInf, kInf, "threshold", S::model},
      {voltage ? "vh" : "ih", 0, voltage ? "V" : "A", 0, kInf,
       "hysteresis (half the band's width; negative, ngspice's inverted band, is refused)",
       S::model},
      {"ron", 1, "Ohm", 1e-30, kInf, "resistance when on", S::model},
      {"roff", NAN, "Ohm", 1e-30, kInf, "resistance when off (default 1/GMIN)", S::model},
      {"on", 0, "", 0, 1, "starts on", S::instance},
      {"off", 0, "", 0, 1, "starts off (the default)", S::instance},
  };
}

}  // namespace

const DeviceDescriptor& voltage_switch_descriptor() {
  static const DeviceDescriptor d{
      .name = "sw",
      .summary = "S: voltage-controlled switch with hysteresis (SPICE3, model SW)",
      .letters = "s",
      .terminals = {"a", "b", "cp", "cn"},
      .params = switch_params(true),
      .example = "smod",
      .example_model = "smod sw vt=0.5 vh=0.1 ron=10 roff=1e6",
      .nonlinear = true,
      .has_charges = false,
      .dc_paths = {{0, 1}},
      .make_group =
          [](const netlist::Circuit&) {
            return std::unique_ptr<engine::DeviceGroup>(new SwitchGroup("sw"));
          },
      .add = add_switch,
  };
  return d;
}

const DeviceDescriptor& current_switch_descriptor() {
  static const DeviceDescriptor d{
      .name = "csw",
      .summary = "W: current-controlled switch with hysteresis (SPICE3, model CSW)",
      .letters = "w",
      .terminals = {"a", "b"},
      .params = switch_params(false),
      .example = "vctl wmod",
      .example_model = "wmod csw it=1m ih=0.2m ron=10 roff=1e6",
      .nonlinear = true,
      .has_charges = false,
      .dc_paths = {{0, 1}},
      .make_group =
          [](const netlist::Circuit&) {
            return std::unique_ptr<engine::DeviceGroup>(new SwitchGroup("csw"));
          },
      .add = add_switch,
  };
  return d;
}

}  // namespace xb::devices
