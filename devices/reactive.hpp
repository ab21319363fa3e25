#pragma once
// Capacitors, inductors and their mutual couplings (K), in charge/flux form for the engine's
// integration; see reactive.cpp for the equations.

#include <array>

#include "devices/descriptor.hpp"
#include "engine/device_group.hpp"

namespace xb::devices {

const DeviceDescriptor& capacitor_descriptor();
const DeviceDescriptor& inductor_descriptor();
const DeviceDescriptor& mutual_inductance_descriptor();

class CapacitorGroup : public engine::DeviceGroup {
 public:
  // `ic`: initial voltage for UIC, NaN when not given.
  void add(const netlist::FlatElement& e, double c, double ic);

  std::string_view type_name() const override { return "capacitor"; }
  bool linear() const override { return true; }
  bool has_charges() const override { return !c_.empty(); }
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext&) override {
    state_ = sys.add_charge_states(static_cast<int>(c_.size()));
  }
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  std::optional<std::string> state_name(int state) const override {
    if (state < state_ || state >= state_ + static_cast<int>(names_.size())) return std::nullopt;
    return "charge of " + names_[state - state_];
  }
  void instance_names(std::vector<std::string_view>& out) const override;
  // i(c1) = dq/dt, into the first node as written (the stored orientation may be flipped).
  std::optional<ChargeCurrent> charge_current(size_t k) const override {
    return ChargeCurrent{state_ + static_cast<int>(k), flipped_[k] ? -1.0 : 1.0};
  }

 private:
  std::vector<bool> flipped_;  // ground was the first node: stored as (b, a)
  std::vector<std::string> names_;
  std::vector<std::array<netlist::NodeId, 2>> nodes_;
  std::vector<double> c_, ic_;
  int state_ = 0;   // first charge state
  int ground_ = 0;  // the throw-away row
  std::vector<std::array<int, 2>> rows_;
  std::vector<std::array<int, 4>> slots_;  // (a,a) (a,b) (b,a) (b,b)
};

class InductorGroup : public engine::DeviceGroup {
 public:
  void add(const netlist::FlatElement& e, double l, double ic);
  // K element: couples two inductors of this group by name; false if either is missing.
  bool couple(const std::string& l1, const std::string& l2, double k);

  std::string_view type_name() const override { return "inductor"; }
  bool linear() const override { return true; }
  bool has_charges() const override { return !l_.empty(); }
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  std::optional<engine::Unknown> branch(std::string_view name) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  double current(size_t k, const double* x) const override { return x[rows_[k][2]]; }
  void initial_values(std::vector<std::pair<int, double>>& out) const override;
  std::optional<std::string> state_name(int state) const override {
    if (state < state_ || state >= state_ + static_cast<int>(names_.size())) return std::nullopt;
    return "flux of " + names_[state - state_];
  }

 private:
  struct Coupling {
    size_t a, b;
    double m;  // mutual inductance k·√(La·Lb)
    int ab = -1, ba = -1;
  };
  std::vector<std::string> names_;
  std::vector<std::array<netlist::NodeId, 2>> nodes_;
  std::vector<double> l_, ic_;
  std::vector<engine::Unknown> branch_;
  int state_ = 0;                          // first flux state
  std::vector<std::array<int, 3>> rows_;   // a b j
  std::vector<std::array<int, 5>> slots_;  // (a,j) (b,j) (j,a) (j,b) (j,j)
  std::vector<Coupling> couplings_;
};

}  // namespace xb::devices
