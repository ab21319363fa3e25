#pragma once
// SPICE3's temperature scaling of semiconductor parameters (Quarles, SPICE3 diotemp.c and
// mos1temp.c, 1989; ngspice's TLEV=0 and TLEVC=0 forms). Temperatures here are in kelvin.
//   Eg(T)     = 1.16 − 7.02e-4·T²/(T + 1108)                        silicon band gap (eV)
//   shift(T)  = −2·vt(T)·(1.5·ln(T/Tref) + q·(−Eg(T)/(2kT) + 1.1150877/(2k·Tref)))
//   a junction potential PB measured at Tnom, taken back to Tref and out to T:
//     pbo = (PB − shift(Tnom))/(Tnom/Tref),   PB(T) = shift(T) + (T/Tref)·pbo
//   its zero-bias capacitance, for grading M (γ = (PB − pbo)/pbo at each temperature):
//     C(T) = C·(1 + M·(4e-4·(T − Tref) − γ(T)))/(1 + M·(4e-4·(Tnom − Tref) − γ(Tnom)))
// Tref = 300.15 K; k and q as in junction.hpp (CODATA 2014, as ngspice).

#include <cmath>

#include "devices/junction.hpp"
#include "netlist/circuit.hpp"

namespace xb::devices {

constexpr double kKelvinOffset = 273.15;
constexpr double kRefTemp = 27.0 + kKelvinOffset;

// The temperature (°C) model parameters were measured at unless a model says: .option tnom.
inline double nominal_temperature(const netlist::Circuit& c) {
  return netlist::param_or(c.options, "tnom", 27.0);
}

inline double kelvin_thermal_voltage(double kelvin) {
  return thermal_voltage(kelvin - kKelvinOffset);
}

inline double silicon_gap(double kelvin) {
  return 1.16 - 7.02e-4 * kelvin * kelvin / (kelvin + 1108);
}

// SPICE3's pbfact: how far a junction potential moves from its Tref value at `kelvin`.
inline double junction_potential_shift(double kelvin) {
  constexpr double kBoltzmann = 1.38064852e-23, kCharge = 1.6021766208e-19;
  const double arg =
      -silicon_gap(kelvin) / (2 * kBoltzmann * kelvin) + 1.1150877 / (2 * kBoltzmann * kRefTemp);
  return -2 * kelvin_thermal_voltage(kelvin) * (1.5 * std::log(kelvin / kRefTemp) + kCharge * arg);
}

struct ScaledJunction {
  double potential;   // PB at T
  double cap_factor;  // C(T)/C for the grading given
};

inline ScaledJunction scale_junction(double pb, double grading, double tnom, double kelvin) {
  const double pbo = (pb - junction_potential_shift(tnom)) / (tnom / kRefTemp);
  const double at_t = junction_potential_shift(kelvin) + kelvin / kRefTemp * pbo;
  const double gamma_nom = (pb - pbo) / pbo, gamma_t = (at_t - pbo) / pbo;
  const double factor = (1 + grading * (4e-4 * (kelvin - kRefTemp) - gamma_t)) /
                        (1 + grading * (4e-4 * (tnom - kRefTemp) - gamma_nom));
  return {at_t, factor};
}

}  // namespace xb::devices
