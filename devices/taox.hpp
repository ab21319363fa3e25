#pragma once
// `taox` (p n), the TaOx memristor of Strachan et al. (IEEE TED 60(7), 2013) with its state as
// an unknown on the internal node <instance>.x. See taox.cpp for the equations.

#include <array>

#include "devices/descriptor.hpp"
#include "engine/device_group.hpp"

namespace xb::devices {

const DeviceDescriptor& taox_descriptor();

struct TaoxParams {
  double aoff = 1e-10, bon = 1e-4, sigp = 4e-5, sigon = 0.45, sigoff = 0.013, xoff = 0.4,
         xon = 0.06, beta = 500, gm = 0.025, a = 7.2e-6, b = 4.7, xmin = 1e-3;
  double x0 = 0.5;  // the state held in DC and at the start of a transient

  // From a built-in parameter table: x0 given, or solved from g0 at vread, or 0.5.
  static TaoxParams from(const ResolvedParams& p, std::string& error);
};

class TaoxGroup : public engine::DeviceGroup {
 public:
  void add(const netlist::FlatElement& e, const TaoxParams& p);

  // Device equations at (v, x), exposed for tests.
  struct Current {
    double i, di_dv, di_dx;
  };
  static Current current_at(const TaoxParams& p, double v, double x);
  // dx/dt with the state bounds applied, and its derivatives.
  struct Rate {
    double dxdt, d_dv, d_dx;
  };
  static Rate rate_at(const TaoxParams& p, double v, double x);
  // Read conductance i/v at v (x fixed).
  static double read_conductance(const TaoxParams& p, double v, double x);

  std::string_view type_name() const override { return "taox"; }
  bool linear() const override { return inst_.empty(); }
  bool has_charges() const override { return !inst_.empty(); }
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  double current(size_t k, const double* x) const override;
  std::optional<std::string> state_name(int state) const override;
  // The equation parameters and x0 (the state held in DC), by the names of the .model table.
  std::optional<int> parameter_id(std::string_view name) const override;
  std::vector<std::string_view> parameter_names() const override;
  double parameter(size_t k, int id) const override;
  std::string set_parameter(size_t k, int id, double value) override;
  std::optional<int> state_unknown(size_t k) const override {
    return rows_[k][2] < static_cast<int>(ground_) ? std::optional<int>(rows_[k][2]) : std::nullopt;
  }
  void hold_state(size_t k, double x) override { inst_[k].p.x0 = x; }
  void hold_states(const double* x) override {
    for (size_t k = 0; k < inst_.size(); ++k)
      if (std::optional<int> row = state_unknown(k)) inst_[k].p.x0 = x[*row];
  }
  // UIC: the state starts at x0 (no operating point holds it there).
  void initial_values(std::vector<std::pair<int, double>>& out) const override {
    for (size_t k = 0; k < inst_.size(); ++k)
      if (rows_[k][2] < static_cast<int>(ground_)) out.emplace_back(rows_[k][2], inst_[k].p.x0);
  }

 private:
  struct Instance {
    std::string name;
    std::array<netlist::NodeId, 3> nodes;  // p n x
    TaoxParams p;
  };
  std::vector<Instance> inst_;
  int state_ = 0;
  size_t ground_ = 0;                      // the throw-away row
  std::vector<std::array<int, 3>> rows_;   // p n x
  std::vector<std::array<int, 9>> slots_;  // (p,p)(p,n)(n,p)(n,n)(p,x)(n,x)(x,p)(x,n)(x,x)
  mutable std::vector<double> x_last_;     // Newton scratch for limiting the state, not state
};

}  // namespace xb::devices
