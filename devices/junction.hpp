#pragma once
// What the semiconductor devices share: the thermal voltage and SPICE3's junction limiting.

#include <cmath>

namespace xb::devices {

// CODATA 2014 values, as ngspice 39 uses them. Both SPICE3's older constants and the exact SI
// 2019 values differ in kT/q by 3e-7, which exp(vd/nvt) turns into 1e-6..1e-5 in a forward
// junction's current: measured against ngspice's goldens.
inline double thermal_voltage(double celsius) {
  constexpr double kBoltzmann = 1.38064852e-23, kCharge = 1.6021766208e-19;
  return kBoltzmann * (celsius + 273.15) / kCharge;
}

// SPICE3 pnjlim: limits a Newton step of a junction voltage so exp() cannot run away.
// `vcrit` = vt·ln(vt/(√2·Is)); sets `limited` when it changed the step.
inline double pnjlim(double vnew, double vold, double vt, double vcrit, bool& limited) {
  if (vnew > vcrit && std::fabs(vnew - vold) > 2 * vt) {
    limited = true;
    if (vold > 0) {
      const double arg = 1 + (vnew - vold) / vt;
      return arg > 0 ? vold + vt * std::log(arg) : vcrit;
    }
    return vt * std::log(vnew / vt);
  }
  return vnew;
}

}  // namespace xb::devices
