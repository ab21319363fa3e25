#pragma once
// `linear_drift` (p n), the linear ion-drift memristor of Strukov et al. (Nature 453, 2008) with
// Joglekar's window, state on the internal node <instance>.x. See linear_drift.cpp.

#include "devices/descriptor.hpp"
#include "devices/state_device.hpp"

namespace xb::devices {

const DeviceDescriptor& linear_drift_descriptor();

struct LinearDriftParams {
  double ron = 100, roff = 16e3, d = 10e-9, uv = 1e-14, p = 1, x0 = 0.5;
  double mobility_rate() const { return uv * ron / (d * d); }  // k in dx/dt = k·i·f(x)
};

class LinearDriftGroup : public StateDeviceGroup<LinearDriftParams> {
 public:
  // The device equations at (v, x), for tests: i, ∂i/∂v, ∂i/∂x; dx/dt and its derivatives.
  struct Eval {
    double i, di_dv, di_dx, rate, drate_dv, drate_dx;
  };
  static Eval evaluate(const LinearDriftParams& p, double v, double x);

  std::string_view type_name() const override { return "linear_drift"; }
  void load(const engine::EvalRequest& r) const override;
  double current(size_t k, const double* x) const override;
};

}  // namespace xb::devices
