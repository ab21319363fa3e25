#pragma once
// `conductor` (p n): an ideal programmable conductor, i = g·(v(p) − v(n)). See conductor.cpp.

#include <array>

#include "devices/descriptor.hpp"
#include "engine/device_group.hpp"

namespace xb::devices {

const DeviceDescriptor& conductor_descriptor();

class ConductorGroup : public engine::DeviceGroup {
 public:
  // The programmed conductance from the parameters (g or 1/r, clamped to [gmin, gmax], snapped to
  // `levels`), or an error.
  struct Programmed {
    double g = 0;
    std::string error;
  };
  static Programmed program(const ResolvedParams& p);
  // Range and precision of one cell: g is clamped to [gmin, gmax] and snapped to `levels`.
  struct Range {
    double gmin = 0, gmax = kInf, levels = 0;
    static Range from(const ResolvedParams& p);
  };
  static Programmed program(double g, const Range& range);

  void add(const netlist::FlatElement& e, double g, const Range& range, double m = 1);

  std::string_view type_name() const override { return "conductor"; }
  bool linear() const override { return true; }
  bool has_charges() const override { return false; }
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  double current(size_t k, const double* x) const override;
  // "g" and "r": reprogramming a cell, within its range and levels as at build time.
  std::optional<int> parameter_id(std::string_view name) const override;
  std::vector<std::string_view> parameter_names() const override { return {"g", "r"}; }
  double parameter(size_t k, int id) const override;
  std::string set_parameter(size_t k, int id, double value) override;

 private:
  std::vector<Range> range_;
  std::vector<double> m_;  // parallel cells
  std::vector<std::string> names_;
  std::vector<std::array<netlist::NodeId, 2>> nodes_;
  std::vector<double> g_;
  std::vector<std::array<int, 2>> rows_;
  std::vector<std::array<int, 4>> slots_;  // (p,p) (p,n) (n,p) (n,n)
};

}  // namespace xb::devices
