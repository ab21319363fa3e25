#pragma once
// What every two-terminal device with a state on an internal node x has in common (the TaOx and
// linear-drift memristors): rows p n x, nine Jacobian slots, one charge state each (q = x, so
// the transient controls the state's truncation error), names, the state held in DC at x0 and
// handed to the Session API. A device adds its equations in load().

#include <array>
#include <string>
#include <vector>

#include "engine/device_group.hpp"

namespace xb::devices {

// Params needs a member x0: the state held in DC and where a transient starts.
template <class Params>
class StateDeviceGroup : public engine::DeviceGroup {
 public:
  void add(const netlist::FlatElement& e, const Params& p) {
    inst_.push_back({e.name, {e.nodes[0], e.nodes[1], e.nodes[2]}, p});
  }

  bool linear() const override { return inst_.empty(); }
  bool has_charges() const override { return !inst_.empty(); }
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext&) override {
    state_ = sys.add_charge_states(static_cast<int>(inst_.size()));
  }
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override {
    for (const Instance& in : inst_) {
      const engine::Unknown p = ctx.node(in.nodes[0]), n = ctx.node(in.nodes[1]),
                            x = ctx.node(in.nodes[2]);
      rows_.push_back({p.value, n.value, x.value});
      slots_.push_back({sys.request(p, p), sys.request(p, n), sys.request(n, p), sys.request(n, n),
                        sys.request(p, x), sys.request(n, x), sys.request(x, p), sys.request(x, n),
                        sys.request(x, x)});
    }
  }
  void resolve(const engine::MnaSystem& sys) override {
    ground_ = sys.size();
    engine::resolve_rows_and_slots(sys, rows_, slots_);
  }
  void instance_names(std::vector<std::string_view>& out) const override {
    engine::append_names(inst_, out);
  }
  std::optional<std::string> state_name(int state) const override {
    const int k = state - state_;
    if (k < 0 || k >= static_cast<int>(inst_.size())) return std::nullopt;
    return "state of " + inst_[k].name;
  }
  // UIC: the state starts at x0 (no operating point holds it there).
  void initial_values(std::vector<std::pair<int, double>>& out) const override {
    for (size_t k = 0; k < inst_.size(); ++k)
      if (rows_[k][2] < ground_) out.emplace_back(rows_[k][2], inst_[k].p.x0);
  }
  std::optional<int> state_unknown(size_t k) const override {
    return rows_[k][2] < ground_ ? std::optional<int>(rows_[k][2]) : std::nullopt;
  }
  void hold_state(size_t k, double x) override { inst_[k].p.x0 = x; }
  void hold_states(const double* x) override {
    for (size_t k = 0; k < inst_.size(); ++k)
      if (std::optional<int> row = state_unknown(k)) inst_[k].p.x0 = x[*row];
  }

 protected:
  struct Instance {
    std::string name;
    std::array<netlist::NodeId, 3> nodes;  // p n x
    Params p;
  };
  // The state's own charge q = x and its truncation-error entry, when the request has charges.
  void load_state_charge(const engine::EvalRequest& r, size_t k) const {
    const double x = r.x[rows_[k][2]];
    r.charge[rows_[k][2]] += x;
    r.state_charge[state_ + k] = x;
    r.reactive_jacobian()[slots_[k][8]] += r.reactive_scale();
  }
  // load() of a two-terminal device with i(v, x) between p and n and dx/dt(v, x) on its state:
  // `evaluate(params, v, x)` returns i, di_dv, di_dx, rate, drate_dv, drate_dx. In DC the state
  // is held; in a transient its row is q = x with residual −dx/dt.
  template <class Evaluate>
  void load_current_and_rate(const engine::EvalRequest& r, Evaluate evaluate) const {
    for (size_t k = 0; k < inst_.size(); ++k) {
      const auto& row = rows_[k];
      const auto& s = slots_[k];
      if (r.charge) {
        load_state_charge(r, k);
        if (r.charges_only) continue;
      }
      const auto d = evaluate(inst_[k].p, r.x[row[0]] - r.x[row[1]], r.x[row[2]]);
      r.residual[row[0]] += d.i;
      r.residual[row[1]] -= d.i;
      r.jacobian[s[0]] += d.di_dv;
      r.jacobian[s[1]] -= d.di_dv;
      r.jacobian[s[2]] -= d.di_dv;
      r.jacobian[s[3]] += d.di_dv;
      r.jacobian[s[4]] += d.di_dx;
      r.jacobian[s[5]] -= d.di_dx;
      if (!r.charge) {
        load_held_state(r, k);
        continue;
      }
      r.residual[row[2]] -= d.rate;
      r.jacobian[s[6]] -= d.drate_dv;
      r.jacobian[s[7]] += d.drate_dv;
      r.jacobian[s[8]] -= d.drate_dx;
    }
  }

  // DC: the state holds its value, x − x0 = 0.
  void load_held_state(const engine::EvalRequest& r, size_t k) const {
    r.residual[rows_[k][2]] += r.x[rows_[k][2]] - inst_[k].p.x0;
    r.jacobian[slots_[k][8]] += 1;
  }

  std::vector<Instance> inst_;
  int state_ = 0;                          // first charge state
  int ground_ = 0;                         // the throw-away row
  std::vector<std::array<int, 3>> rows_;   // p n x
  std::vector<std::array<int, 9>> slots_;  // (p,p)(p,n)(n,p)(n,n)(p,x)(n,x)(x,p)(x,n)(x,x)
};

}  // namespace xb::devices
