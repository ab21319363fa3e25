#pragma once
// Time functions of independent sources, as SPICE3/ngspice define them (defaults that depend on
// the analysis are resolved by resolve()):
//   PULSE(v1 v2 td tr tf pw per [np]): tr, tf default tstep; pw, per default tstop.
//     Within a period (t − td wrapped by per): rise from v1 to v2 over tr, hold v2 for pw, fall
//     over tf, v1 afterwards; v1 before td. np > 0 stops after np pulses.
//   SIN(vo va freq td theta phase): vo + va·sin(phase) before td, then
//     vo + va·exp(−(t − td)·theta)·sin(2π·freq·(t − td) + phase); freq defaults to 1/tstop and
//     phase is in degrees.
//   EXP(v1 v2 td1 tau1 td2 tau2): v1 before td1, then an exponential approach to v2 with tau1
//     and from td2 one back to v1 with tau2; tau1, tau2 default tstep, td2 td1 + tstep.
//   PWL(t1 v1 t2 v2 ...) [r=tr] [td=delay]: linear between corners, flat outside; with r= the
//     part from time tr to the last corner repeats for ever.
//   SFFM(vo va fc mdi fs): vo + va·sin(2π·fc·t + mdi·sin(2π·fs·t)); fc, fs default 1/tstop.
//   AM(va vo fm fc td): va·(vo + sin(2π·fm·(t − td)))·sin(2π·fc·(t − td)) after td, else 0
//     (ngspice's argument order); fm, fc default 1/tstop.
// Breakpoints are the corners of PULSE and PWL, where the slope jumps (as ngspice sets them);
// SIN and EXP are smooth after their delay and give none.

#include <vector>

#include "netlist/circuit.hpp"

namespace xb::devices {

class Waveform {
 public:
  Waveform() = default;
  explicit Waveform(const netlist::FlatSource& source);

  // Fills in the defaults that depend on the transient analysis.
  void resolve(double tstep, double tstop);
  bool time_dependent() const { return kind_ != netlist::SourceFunction::none; }
  double value(double t) const;
  // The first corner strictly after t (a small guard keeps t itself out), or +inf.
  double next_breakpoint(double t) const;

 private:
  double pwl_value(double t) const;
  double pwl_next(double t) const;

  netlist::SourceFunction kind_ = netlist::SourceFunction::none;
  std::vector<double> given_;  // arguments as written
  std::vector<double> a_;      // resolved arguments
  double repeat_ = -1, delay_ = 0;
};

}  // namespace xb::devices
