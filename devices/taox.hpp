#pragma once
// `taox` (p n), the TaOx memristor of Strachan et al. (IEEE TED 60(7), 2013) with its state as
// an unknown on the internal node <instance>.x. See taox.cpp for the equations.

#include "devices/descriptor.hpp"
#include "devices/state_device.hpp"

namespace xb::devices {

const DeviceDescriptor& taox_descriptor();

struct TaoxParams {
  double aoff = 1e-10, bon = 1e-4, sigp = 4e-5, sigon = 0.45, sigoff = 0.013, xoff = 0.4,
         xon = 0.06, beta = 500, gm = 0.025, a = 7.2e-6, b = 4.7, xmin = 1e-3;
  double x0 = 0.5;  // the state held in DC and at the start of a transient
  double m = 1;     // parallel devices: m times the current, one state

  // From a built-in parameter table: x0 given, or solved from g0 at vread, or 0.5.
  static TaoxParams from(const ResolvedParams& p, std::string& error);
};

class TaoxGroup : public StateDeviceGroup<TaoxParams> {
 public:
  void add(const netlist::FlatElement& e, const TaoxParams& p) {
    StateDeviceGroup::add(e, p);
    x_last_.push_back(p.x0);
  }

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
  void load(const engine::EvalRequest& r) const override;
  double current(size_t k, const double* x) const override;
  // The equation parameters and x0 (the state held in DC), by the names of the .model table.
  std::optional<int> parameter_id(std::string_view name) const override;
  std::vector<std::string_view> parameter_names() const override;
  double parameter(size_t k, int id) const override;
  std::string set_parameter(size_t k, int id, double value) override;

 private:
  mutable std::vector<double> x_last_;  // Newton scratch for limiting the state, not state
};

}  // namespace xb::devices
