#pragma once
// What the semiconductor devices share: the thermal voltage, SPICE3's junction limiting and the
// depletion charge of a pn junction.

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

struct JunctionCharge {
  double q, c;  // charge and its derivative dq/dv
};

// Depletion charge of a junction with zero-bias capacitance c0, built-in potential vj and grading
// m (SPICE2, Nagel 1975): below fc·vj
//   q = c0·vj·(1 − (1 − v/vj)^(1−m))/(1 − m),   c = c0·(1 − v/vj)^(−m);
// above it the capacitance is continued linearly (it would diverge at vj):
//   c = c0/(1 − fc)^(1+m)·(1 − fc·(1 + m) + m·v/vj), q its integral, continuous at fc·vj.
inline JunctionCharge depletion_charge(double v, double c0, double vj, double m, double fc) {
  if (c0 == 0) return {0, 0};
  const double corner = fc * vj;
  if (v < corner) {
    const double arg = 1 - v / vj;
    const double sarg = std::exp(-m * std::log(arg));
    const double q = m == 1 ? -c0 * vj * std::log(arg) : c0 * vj * (1 - arg * sarg) / (1 - m);
    return {q, c0 * sarg};
  }
  const double arg = 1 - fc;
  const double sarg = std::exp(-m * std::log(arg));
  const double q_corner = m == 1 ? -c0 * vj * std::log(arg) : c0 * vj * (1 - arg * sarg) / (1 - m);
  const double f2 = c0 * sarg / arg * (1 - fc * (1 + m));  // c at v = 0 of the linear part
  const double f3 = c0 * sarg / arg * m / vj;              // its slope
  const double dv = v - corner;
  const double c_corner = f2 + f3 * corner;
  return {q_corner + c_corner * dv + f3 * dv * dv / 2, f2 + f3 * v};
}

}  // namespace xb::devices
