#pragma once
// The op-amp models of crossbar networks: `opamp_tanh` (in out ref), the inverter with tanh
// saturation, and `opamp` (inp inn out), a finite-gain amplifier with smooth saturation. See
// opamp.cpp for the equations.

#include <array>

#include "devices/descriptor.hpp"
#include "engine/device_group.hpp"

namespace xb::devices {

const DeviceDescriptor& opamp_tanh_descriptor();
const DeviceDescriptor& opamp_descriptor();

class OpampTanhGroup : public engine::DeviceGroup {
 public:
  void add(const netlist::FlatElement& e, double rinv, double vinv);

  std::string_view type_name() const override { return "opamp_tanh"; }
  bool linear() const override { return inst_.empty(); }
  bool has_charges() const override { return false; }
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  double current(size_t k, const double* x) const override { return x[rows_[k][3]]; }

 private:
  struct Instance {
    std::string name;
    std::array<netlist::NodeId, 3> nodes;  // in out ref
    double rinv, vinv;
  };
  std::vector<Instance> inst_;
  std::vector<std::array<int, 5>> rows_;    // in out ref j_in j_out
  std::vector<std::array<int, 10>> slots_;  // see request_slots
};

class OpampGroup : public engine::DeviceGroup {
 public:
  void add(const netlist::FlatElement& e, double gain, double vsat, double rout);

  std::string_view type_name() const override { return "opamp"; }
  bool linear() const override { return inst_.empty(); }
  bool has_charges() const override { return false; }
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  // Current into the output terminal (the inputs draw none).
  double current(size_t k, const double* x) const override;

 private:
  struct Instance {
    std::string name;
    std::array<netlist::NodeId, 3> nodes;  // inp inn out
    double gain, vsat, rout;
  };
  std::vector<Instance> inst_;
  std::vector<engine::Unknown> branch_, internal_;
  std::vector<std::array<int, 5>> rows_;   // inp inn out internal j
  std::vector<std::array<int, 9>> slots_;  // see request_slots
};

}  // namespace xb::devices
