#include "devices/sources.hpp"

#include <algorithm>

namespace xb::devices {

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

}  // namespace xb::devices
