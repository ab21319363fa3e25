#include "devices/sources.hpp"

#include <algorithm>

namespace xb::devices {

std::string set_waveform_of(bool independent, Waveform& wave, const netlist::FlatSource& source) {
  if (!independent) return "is not an independent source";
  wave = Waveform(source);  // its defaults are filled in when the next transient begins
  return "";
}

using engine::Unknown;

void BranchSourceGroup::add_unknowns(engine::MnaSystem& sys, const engine::BindContext&) {
  for (const Instance& i : inst_)
    branch_.push_back(sys.add_unknown("i(" + i.name + ")", engine::UnknownKind::current));
}

void BranchSourceGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  for (size_t k = 0; k < inst_.size(); ++k) {
    const Instance& i = inst_[k];
    Unknown p = ctx.node(i.p), n = ctx.node(i.n), j = branch_[k];
    Unknown cp = i.mu != 0 ? ctx.node(i.cp) : engine::kGround;
    Unknown cn = i.mu != 0 ? ctx.node(i.cn) : engine::kGround;
    Unknown ctl =
        i.control.empty() ? engine::kGround : ctx.branch(i.control).value_or(engine::kGround);
    rows_.push_back({p.value, n.value, j.value, cp.value, ctl.value});
    slots_.push_back({sys.request(p, j), sys.request(n, j), sys.request(j, p), sys.request(j, n),
                      sys.request(j, cp), sys.request(j, cn), sys.request(j, ctl)});
    cn_.push_back(cn.value);
  }
}

void BranchSourceGroup::resolve(const engine::MnaSystem& sys) {
  const int ground = sys.size();
  for (size_t k = 0; k < rows_.size(); ++k) {
    for (int& r : rows_[k]) r = r < 0 ? ground : r;
    cn_[k] = cn_[k] < 0 ? ground : cn_[k];
    for (int& s : slots_[k]) s = sys.value_index(s);
  }
}

void BranchSourceGroup::load(const engine::EvalRequest& r) const {
  for (size_t k = 0; k < inst_.size(); ++k) {
    const Instance& in = inst_[k];
    const auto& row = rows_[k];
    const auto& s = slots_[k];
    const double* x = r.x;
    const double j = x[row[2]];
    r.residual[row[0]] += j;
    r.residual[row[1]] -= j;
    double target = 0.0;
    if (in.independent)
      target = r.source_scale *
               (r.transient && in.wave.time_dependent() ? in.wave.value(r.time) : in.value);
    target += in.mu * (x[row[3]] - x[cn_[k]]) + in.r * x[row[4]];
    r.residual[row[2]] += x[row[0]] - x[row[1]] - target;
    r.jacobian[s[0]] += 1;
    r.jacobian[s[1]] -= 1;
    r.jacobian[s[2]] += 1;
    r.jacobian[s[3]] -= 1;
    r.jacobian[s[4]] -= in.mu;
    r.jacobian[s[5]] += in.mu;
    r.jacobian[s[6]] -= in.r;
  }
}

std::optional<Unknown> BranchSourceGroup::branch(std::string_view name) const {
  for (size_t k = 0; k < inst_.size(); ++k)
    if (inst_[k].name == name) return branch_[k];
  return std::nullopt;
}

void BranchSourceGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(inst_, out);
}

double BranchSourceGroup::current(size_t k, const double* x) const {
  return x[branch_[k].value];
}

namespace {

template <class Instances>
void resolve_waves(Instances& inst, double tstep, double tstop) {
  for (auto& i : inst) i.wave.resolve(tstep, tstop);
}

template <class Instances>
double earliest_breakpoint(const Instances& inst, double t) {
  double next = engine::DeviceGroup::kNoBreakpoint;
  for (const auto& i : inst)
    if (i.wave.time_dependent()) next = std::min(next, i.wave.next_breakpoint(t));
  return next;
}

}  // namespace

void BranchSourceGroup::begin_transient(double tstep, double tstop) {
  resolve_waves(inst_, tstep, tstop);
}
double BranchSourceGroup::next_breakpoint(double t) const {
  return earliest_breakpoint(inst_, t);
}
void CurrentSourceGroup::begin_transient(double tstep, double tstop) {
  resolve_waves(inst_, tstep, tstop);
}
double CurrentSourceGroup::next_breakpoint(double t) const {
  return earliest_breakpoint(inst_, t);
}

// ---- current-defined sources ----------------------------------------------------------------

void CurrentSourceGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  for (const Instance& i : inst_) {
    Unknown p = ctx.node(i.p), n = ctx.node(i.n);
    Unknown cp = i.gm != 0 ? ctx.node(i.cp) : engine::kGround;
    Unknown cn = i.gm != 0 ? ctx.node(i.cn) : engine::kGround;
    Unknown ctl =
        i.control.empty() ? engine::kGround : ctx.branch(i.control).value_or(engine::kGround);
    rows_.push_back({p.value, n.value, cp.value, cn.value, ctl.value});
    slots_.push_back({sys.request(p, cp), sys.request(p, cn), sys.request(n, cp),
                      sys.request(n, cn), sys.request(p, ctl), sys.request(n, ctl)});
  }
}

void CurrentSourceGroup::resolve(const engine::MnaSystem& sys) {
  const int ground = sys.size();
  for (size_t k = 0; k < rows_.size(); ++k) {
    for (int& r : rows_[k]) r = r < 0 ? ground : r;
    for (int& s : slots_[k]) s = sys.value_index(s);
  }
}

double CurrentSourceGroup::value_at(size_t k, const double* x, double scale, bool transient,
                                    double time) const {
  const Instance& in = inst_[k];
  const auto& row = rows_[k];
  double i = 0.0;
  if (in.independent)
    i = scale * (transient && in.wave.time_dependent() ? in.wave.value(time) : in.value);
  return i + in.gm * (x[row[2]] - x[row[3]]) + in.beta * x[row[4]];
}

void CurrentSourceGroup::load(const engine::EvalRequest& r) const {
  for (size_t k = 0; k < inst_.size(); ++k) {
    const auto& row = rows_[k];
    const auto& s = slots_[k];
    const double i = value_at(k, r.x, r.source_scale, r.transient, r.time);
    r.residual[row[0]] += i;
    r.residual[row[1]] -= i;
    const double gm = inst_[k].gm, beta = inst_[k].beta;
    r.jacobian[s[0]] += gm;
    r.jacobian[s[1]] -= gm;
    r.jacobian[s[2]] -= gm;
    r.jacobian[s[3]] += gm;
    r.jacobian[s[4]] += beta;
    r.jacobian[s[5]] -= beta;
  }
}

void CurrentSourceGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(inst_, out);
}

double CurrentSourceGroup::current(size_t k, const double* x) const {
  return value_at(k, x, 1.0, transient_, time_);
}

namespace {

// The value an independent source holds in DC analyses: its DC value, else the time-zero value
// of its transient function (as SPICE does for .op without DC).
double dc_value(const netlist::FlatSource* s) {
  if (!s) return 0;
  if (s->dc) return *s->dc;
  if (s->args.empty()) return 0;
  if (s->function == netlist::SourceFunction::pwl) return s->args.size() > 1 ? s->args[1] : 0;
  return s->args[0];
}

Waveform waveform_of(const netlist::FlatElement& e) {
  return e.source ? Waveform(*e.source) : Waveform();
}

std::string add_vsource(engine::DeviceGroup* group, const netlist::FlatElement& e,
                        const ResolvedParams&, const BuildContext&) {
  BranchSourceGroup::Instance v;
  v.name = e.name, v.p = e.nodes[0], v.n = e.nodes[1];
  v.value = dc_value(e.source.get());
  v.independent = true;
  v.wave = waveform_of(e);
  static_cast<BranchSourceGroup*>(group)->add(std::move(v));
  return "";
}

std::string add_isource(engine::DeviceGroup* group, const netlist::FlatElement& e,
                        const ResolvedParams& p, const BuildContext&) {
  CurrentSourceGroup::Instance i;
  i.name = e.name, i.p = e.nodes[0], i.n = e.nodes[1];
  i.value = dc_value(e.source.get());
  i.independent = true;
  i.wave = waveform_of(e);
  if (p[0] != 1) return "m= on a current source is not simulated yet";
  static_cast<CurrentSourceGroup*>(group)->add(std::move(i));
  return "";
}

// E and G with four nodes and a gain (two nodes: behavioural, behavioural.cpp).
bool four_node_gain(const netlist::FlatElement& e) {
  return e.nodes.size() != 2;
}

std::string linear_controlled_form(const netlist::FlatElement& e) {
  if (e.nodes.size() != 4 || e.values.size() != 1 || !e.expressions.empty())
    return "POLY and OPAMP controlled sources are not simulated yet";
  return "";
}

std::string add_vcvs(engine::DeviceGroup* group, const netlist::FlatElement& e,
                     const ResolvedParams&, const BuildContext&) {
  if (std::string why = linear_controlled_form(e); !why.empty()) return why;
  static_cast<BranchSourceGroup*>(group)->add(
      {e.name, e.nodes[0], e.nodes[1], e.nodes[2], e.nodes[3], 0, e.values[0], 0, "", false, {}});
  return "";
}

std::string add_vccs(engine::DeviceGroup* group, const netlist::FlatElement& e,
                     const ResolvedParams&, const BuildContext&) {
  if (std::string why = linear_controlled_form(e); !why.empty()) return why;
  static_cast<CurrentSourceGroup*>(group)->add(
      {e.name, e.nodes[0], e.nodes[1], e.nodes[2], e.nodes[3], 0, e.values[0], 0, "", false, {}});
  return "";
}

std::string current_controlled_form(const netlist::FlatElement& e) {
  if (e.values.size() != 1 || e.refs.size() != 1 || !e.expressions.empty() || e.model >= 0)
    return "POLY current-controlled sources are not simulated yet";
  return "";
}

std::string add_cccs(engine::DeviceGroup* group, const netlist::FlatElement& e,
                     const ResolvedParams&, const BuildContext&) {
  if (std::string why = current_controlled_form(e); !why.empty()) return why;
  static_cast<CurrentSourceGroup*>(group)->add(
      {e.name, e.nodes[0], e.nodes[1], {}, {}, 0, 0, e.values[0], e.refs[0], false, {}});
  return "";
}

std::string add_ccvs(engine::DeviceGroup* group, const netlist::FlatElement& e,
                     const ResolvedParams&, const BuildContext&) {
  if (std::string why = current_controlled_form(e); !why.empty()) return why;
  static_cast<BranchSourceGroup*>(group)->add(
      {e.name, e.nodes[0], e.nodes[1], {}, {}, 0, 0, e.values[0], e.refs[0], false, {}});
  return "";
}

template <class Group>
std::unique_ptr<engine::DeviceGroup> group_named(std::string_view type) {
  return std::unique_ptr<engine::DeviceGroup>(new Group(type));
}

}  // namespace

const DeviceDescriptor& vsource_descriptor() {
  static const DeviceDescriptor d{
      .name = "vsource",
      .summary = "independent voltage source (DC, PULSE, PWL, SIN, EXP, SFFM, AM)",
      .letters = "v",
      .terminals = {"p", "n"},
      .params = {},
      .example = "dc 0.5",
      .nonlinear = false,
      .has_charges = false,
      .dc_paths = {{0, 1}},
      .make_group =
          [](const netlist::Circuit&) { return group_named<BranchSourceGroup>("vsource"); },
      .add = add_vsource,
  };
  return d;
}

const DeviceDescriptor& isource_descriptor() {
  static const DeviceDescriptor d{
      .name = "isource",
      .summary = "independent current source (DC, PULSE, PWL, SIN, EXP, SFFM, AM)",
      .letters = "i",
      .terminals = {"p", "n"},
      .params = {{"m", 1, "", 1e-30, kInf, "parallel multiplier", ParamScope::instance}},
      .example = "dc 1m",
      .nonlinear = false,
      .has_charges = false,
      .dc_paths = {},
      .make_group =
          [](const netlist::Circuit&) { return group_named<CurrentSourceGroup>("isource"); },
      .add = add_isource,
  };
  return d;
}

const DeviceDescriptor& vcvs_descriptor() {
  static const DeviceDescriptor d{
      .name = "vcvs",
      .summary = "E: v(p, n) = gain·v(cp, cn)",
      .letters = "e",
      .matches = four_node_gain,
      .terminals = {"p", "n", "cp", "cn"},
      .params = {},
      .example = "2",
      .nonlinear = false,
      .has_charges = false,
      .dc_paths = {{0, 1}},
      .make_group = [](const netlist::Circuit&) { return group_named<BranchSourceGroup>("vcvs"); },
      .add = add_vcvs,
  };
  return d;
}

const DeviceDescriptor& ccvs_descriptor() {
  static const DeviceDescriptor d{
      .name = "ccvs",
      .summary = "H: v(p, n) = r·i(vcontrol)",
      .letters = "h",
      .terminals = {"p", "n"},
      .params = {},
      .example = "vctl 100",
      .nonlinear = false,
      .has_charges = false,
      .dc_paths = {{0, 1}},
      .make_group = [](const netlist::Circuit&) { return group_named<BranchSourceGroup>("ccvs"); },
      .add = add_ccvs,
  };
  return d;
}

const DeviceDescriptor& vccs_descriptor() {
  static const DeviceDescriptor d{
      .name = "vccs",
      .summary = "G: i(p -> n) = gm·v(cp, cn)",
      .letters = "g",
      .matches = four_node_gain,
      .terminals = {"p", "n", "cp", "cn"},
      .params = {},
      .example = "1m",
      .nonlinear = false,
      .has_charges = false,
      .dc_paths = {},
      .make_group = [](const netlist::Circuit&) { return group_named<CurrentSourceGroup>("vccs"); },
      .add = add_vccs,
  };
  return d;
}

const DeviceDescriptor& cccs_descriptor() {
  static const DeviceDescriptor d{
      .name = "cccs",
      .summary = "F: i(p -> n) = beta·i(vcontrol)",
      .letters = "f",
      .terminals = {"p", "n"},
      .params = {},
      .example = "vctl 2",
      .nonlinear = false,
      .has_charges = false,
      .dc_paths = {},
      .make_group = [](const netlist::Circuit&) { return group_named<CurrentSourceGroup>("cccs"); },
      .add = add_cccs,
  };
  return d;
}

}  // namespace xb::devices
