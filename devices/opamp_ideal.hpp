#pragma once
// `opamp_ideal` (inp inn out): the ideal op-amp (a nullor). See opamp_ideal.cpp.

#include <array>

#include "devices/descriptor.hpp"
#include "engine/device_group.hpp"

namespace xb::devices {

const DeviceDescriptor& opamp_ideal_descriptor();

class OpampIdealGroup : public engine::DeviceGroup {
 public:
  void add(const netlist::FlatElement& e);

  std::string_view type_name() const override { return "opamp_ideal"; }
  bool linear() const override { return true; }
  bool has_charges() const override { return false; }
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  // Current into the output terminal (the inputs draw none).
  double current(size_t k, const double* x) const override { return x[rows_[k][3]]; }

 private:
  struct Instance {
    std::string name;
    std::array<netlist::NodeId, 3> nodes;  // inp inn out
  };
  std::vector<Instance> inst_;
  std::vector<engine::Unknown> branch_;
  std::vector<std::array<int, 4>> rows_;   // inp inn out j
  std::vector<std::array<int, 3>> slots_;  // (out,j) (j,inp) (j,inn)
};

}  // namespace xb::devices
