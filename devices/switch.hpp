#pragma once
// SPICE3's switches: S (voltage-controlled, model type SW) and W (current-controlled, CSW). See
// switch.cpp for the rule.

#include <array>
#include <cstdint>

#include "devices/descriptor.hpp"
#include "engine/device_group.hpp"

namespace xb::devices {

const DeviceDescriptor& voltage_switch_descriptor();
const DeviceDescriptor& current_switch_descriptor();

class SwitchGroup : public engine::DeviceGroup {
 public:
  struct Instance {
    std::string name;
    netlist::NodeId a, b;
    netlist::NodeId control_p, control_n;  // S: the controlling node pair
    std::string control_source;            // W: the voltage source whose current controls it
    double threshold = 0, hysteresis = 0, g_on = 1, g_off = 1e-12;
    bool starts_on = false;  // the element's ON flag
  };
  explicit SwitchGroup(std::string_view type) : type_(type) {}
  void add(Instance inst);

  std::string_view type_name() const override { return type_; }
  // A switch's conductance jumps with its control: Newton has to see it change.
  bool linear() const override { return inst_.empty(); }
  bool has_charges() const override { return false; }
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  double current(size_t k, const double* x) const override;
  void begin_transient(double, double) override;
  void accept(const double* x) override;
  double step_limit(const double* x_new, const double* x_old, double h) const override;

 private:
  double control(size_t k, const double* x) const;
  bool on_at(size_t k, double control) const;
  std::string_view type_;
  std::vector<Instance> inst_;
  // The state each instance was left in by the last accepted solution, and the one the last
  // evaluation found (a change between evaluations keeps Newton going).
  std::vector<uint8_t> accepted_on_;
  mutable std::vector<uint8_t> evaluated_on_;
  std::vector<std::array<int, 4>> slots_;  // (a,a) (a,b) (b,a) (b,b)
  std::vector<std::array<int, 4>> rows_;   // a, b, control p, control n (W: the branch, ground)
};

}  // namespace xb::devices
