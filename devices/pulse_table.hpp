#pragma once
// `pulse_table` (p n): a memristor described by a measured conductance-versus-pulse curve, state
// (the pulse count) on the internal node <instance>.x. See pulse_table.cpp.

#include <vector>

#include "devices/descriptor.hpp"
#include "devices/state_device.hpp"

namespace xb::devices {

const DeviceDescriptor& pulse_table_descriptor();

constexpr int kPulseTableKnots = 64;  // g0 … g63

struct PulseTableParams {
  std::vector<double> table;  // conductance after 0, 1, 2, … pulses (S)
  double vth = 1.5, tw = 1e-6, vsmooth = 0.01;
  double k = 1, shift = 0;
  bool relative = false;  // conductances counted from the table's first point
  double x0 = 0;          // the pulse count held in DC and at the start of a transient
};

class PulseTableGroup : public StateDeviceGroup<PulseTableParams> {
 public:
  struct Eval {
    double i, di_dv, di_dx, rate, drate_dv, drate_dx;
  };
  // The device equations at (v, n), for tests.
  static Eval evaluate(const PulseTableParams& p, double v, double n);
  // Read conductance at pulse count n.
  static double conductance(const PulseTableParams& p, double n);

  std::string_view type_name() const override { return "pulse_table"; }
  void load(const engine::EvalRequest& r) const override;
  double current(size_t k, const double* x) const override;
};

}  // namespace xb::devices
