#pragma once

#include <array>
#include <cmath>

#include "devices/descriptor.hpp"
#include "engine/device_group.hpp"

namespace xb::devices {

const DeviceDescriptor& resistor_descriptor();

// How a resistance follows the temperature: R·(1 + tc1·ΔT + tc2·ΔT²), or R·1.01^(tce·ΔT) when
// tce is given (ngspice's TCE); ΔT = T + offset − TNOM, offset = DTEMP and the shift of a
// model's own TNOM.
struct ResistorTemperatureLaw {
  double tc1 = 0, tc2 = 0, tce = 0, offset = 0;
  bool operator==(const ResistorTemperatureLaw&) const = default;
};

class ResistorGroup : public engine::DeviceGroup {
 public:
  // `tnom`: the temperature (°C) the resistances are given at (.option tnom, default 27).
  explicit ResistorGroup(double tnom = 27.0) : tnom_(tnom), temperature_(tnom) {}
  using TemperatureLaw = ResistorTemperatureLaw;
  // `ac_r`: the resistance small-signal analyses see instead (ngspice's ac=), NaN: r.
  void add(const netlist::FlatElement& e, double r, const TemperatureLaw& law = TemperatureLaw(),
           double ac_r = NAN);

  std::string_view type_name() const override { return "resistor"; }
  bool linear() const override { return true; }
  bool has_charges() const override { return false; }
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  double current(size_t k, const double* x) const override;
  void set_temperature(double t) override;
  // "r": the nominal resistance (at tnom); the temperature coefficients still apply.
  std::optional<int> parameter_id(std::string_view name) const override;
  std::vector<std::string_view> parameter_names() const override { return {"r"}; }
  double parameter(size_t k, int) const override { return r_nominal_[k]; }
  std::string set_parameter(size_t k, int id, double value) override;

 private:
  double conductance_at(size_t k, double r) const;
  double conductance_at(size_t k) const { return conductance_at(k, r_nominal_[k]); }
  double tnom_, temperature_;
  std::vector<std::string> names_;
  std::vector<std::array<netlist::NodeId, 2>> nodes_;
  std::vector<std::array<engine::Unknown, 2>> terminals_;
  std::vector<double> r_nominal_, g_;
  // Laws by index: a crossbar's million resistors share one, so each keeps 4 bytes, not 32.
  std::vector<TemperatureLaw> laws_;
  std::vector<uint32_t> law_;
  std::vector<std::array<int, 4>> slots_;  // (a,a) (a,b) (b,a) (b,b)
  std::vector<std::array<int, 2>> rows_;
  // The few resistors with an AC resistance: (index, that resistance at tnom, over m).
  std::vector<std::pair<size_t, double>> ac_r_;
};

}  // namespace xb::devices
