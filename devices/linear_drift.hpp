#pragma once
// `linear_drift` (p n), the linear ion-drift memristor of Strukov et al. (Nature 453, 2008) with
// Joglekar's window, state on the internal node <instance>.x. See linear_drift.cpp.

#include <array>

#include "devices/descriptor.hpp"
#include "engine/device_group.hpp"

namespace xb::devices {

const DeviceDescriptor& linear_drift_descriptor();

struct LinearDriftParams {
  double ron = 100, roff = 16e3, d = 10e-9, uv = 1e-14, p = 1, x0 = 0.5;
  double mobility_rate() const { return uv * ron / (d * d); }  // k in dx/dt = k·i·f(x)
};

class LinearDriftGroup : public engine::DeviceGroup {
 public:
  void add(const netlist::FlatElement& e, const LinearDriftParams& p);

  // The device equations at (v, x), for tests: i, ∂i/∂v, ∂i/∂x; dx/dt and its derivatives.
  struct Eval {
    double i, di_dv, di_dx, rate, drate_dv, drate_dx;
  };
  static Eval evaluate(const LinearDriftParams& p, double v, double x);

  std::string_view type_name() const override { return "linear_drift"; }
  bool linear() const override { return inst_.empty(); }
  bool has_charges() const override { return !inst_.empty(); }
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext&) override {
    state_ = sys.add_charge_states(static_cast<int>(inst_.size()));
  }
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  void instance_names(std::vector<std::string_view>& out) const override {
    engine::append_names(inst_, out);
  }
  double current(size_t k, const double* x) const override;
  std::optional<std::string> state_name(int state) const override;
  void initial_values(std::vector<std::pair<int, double>>& out) const override;
  std::optional<int> state_unknown(size_t k) const override {
    return rows_[k][2] < ground_ ? std::optional<int>(rows_[k][2]) : std::nullopt;
  }
  void hold_state(size_t k, double x) override { inst_[k].p.x0 = x; }
  void hold_states(const double* x) override {
    for (size_t k = 0; k < inst_.size(); ++k)
      if (std::optional<int> row = state_unknown(k)) inst_[k].p.x0 = x[*row];
  }

 private:
  struct Instance {
    std::string name;
    std::array<netlist::NodeId, 3> nodes;  // p n x
    LinearDriftParams p;
  };
  std::vector<Instance> inst_;
  int state_ = 0, ground_ = 0;
  std::vector<std::array<int, 3>> rows_;   // p n x
  std::vector<std::array<int, 9>> slots_;  // (p,p)(p,n)(n,p)(n,n)(p,x)(n,x)(x,p)(x,n)(x,x)
};

}  // namespace xb::devices
