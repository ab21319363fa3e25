#pragma once
// SPICE junction diode: see diode.cpp for the equations.

#include <array>

#include "devices/descriptor.hpp"
#include "engine/device_group.hpp"

namespace xb::devices {

const DeviceDescriptor& diode_descriptor();

struct DiodeParams {
  double is = 1e-14;  // saturation current (A), scaled by area
  double n = 1.0;     // emission coefficient
  double rs = 0.0;    // series resistance (Ω), divided by area
  double bv = 0.0;    // reverse breakdown voltage (V); 0 = no breakdown
  double ibv = 1e-3;  // current at breakdown (A)
  double area = 1.0;
  double cjo = 0.0;  // zero-bias junction capacitance (F), scaled by area
  double vj = 1.0;   // junction potential (V)
  double m = 0.5;    // grading coefficient
  double fc = 0.5;   // forward-bias depletion capacitance coefficient
  double tt = 0.0;   // transit time (s): diffusion charge TT·Id
  // Temperature scaling (diode.cpp): band gap, IS exponent, measurement temperature (K), and
  // the instance's offset from the circuit temperature (K).
  double eg = 1.11, xti = 3.0, tnom = 300.15, dtemp = 0.0;
};

class DiodeGroup : public engine::DeviceGroup {
 public:
  explicit DiodeGroup(double gmin) : gmin_(gmin) {}
  void add(const netlist::FlatElement& e, const DiodeParams& p);

  std::string_view type_name() const override { return "diode"; }
  bool has_charges() const override;
  bool linear() const override { return inst_.empty(); }  // true when no instance is nonlinear
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  double current(size_t k, const double* x) const override;
  void set_temperature(double celsius) override;
  // Junction charging adds to i(d1) in a transient (as HSPICE and ngspice report it).
  std::optional<ChargeCurrent> charge_current(size_t k) const override {
    return ChargeCurrent{state_ + static_cast<int>(k), 1.0};
  }
  std::optional<std::string> state_name(int state) const override {
    if (state < state_ || state >= state_ + static_cast<int>(inst_.size())) return std::nullopt;
    return "junction charge of " + inst_[state - state_].name;
  }

  // The junction's current and conductance at voltage vd (exposed for tests).
  struct Operating {
    double id, gd;
  };
  Operating evaluate(size_t k, double vd) const;

 private:
  struct Instance {
    std::string name;
    netlist::NodeId anode, cathode;
    DiodeParams p;
    // At the instance's temperature (set_temperature):
    double vt = 0;           // kT/q
    double is = 0;           // saturation current, area included
    double vj = 0, cjo = 0;  // junction potential, zero-bias capacitance (area included)
    double breakdown = 0;    // knee voltage after matching ibv
    double vcrit = 0;
  };
  static void scale_to(Instance& d, double celsius);
  std::vector<Instance> inst_;
  double gmin_;
  int state_ = 0;                          // first junction-charge state
  std::vector<engine::Unknown> internal_;  // anode side of the junction (= anode if rs = 0)
  std::vector<std::array<int, 3>> rows_;   // anode, internal, cathode
  std::vector<std::array<int, 8>> slots_;  // junction (i,i)(i,c)(c,i)(c,c), rs (a,a)(a,i)(i,a)(i,i)
  mutable std::vector<double> vd_last_;    // Newton scratch for limiting, not device state
};

}  // namespace xb::devices
