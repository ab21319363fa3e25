#pragma once
// MOSFET level 1 (Shichman–Hodges): see mosfet1.cpp for the equations.

#include <array>

#include "devices/descriptor.hpp"
#include "engine/device_group.hpp"

namespace xb::devices {

const DeviceDescriptor& mos1_descriptor();

struct Mos1Params {
  double polarity = 1;  // +1 nmos, −1 pmos
  double vto = 0, kp = 2e-5, gamma = 0, phi = 0.6, lambda = 0, is = 1e-14, ld = 0;
  double w = 100e-6, l = 100e-6, m = 1;
  // Charges (transient). Gate: Meyer's capacitances of the oxide capacitance cox·W·(L − 2·LD)·M
  // (0 unless TOX is given) plus overlaps CGSO·W, CGDO·W, CGBO·(L − 2·LD). Bulk junctions:
  // CBD/CBS (else CJ·AD, CJ·AS) with grading MJ, sidewalls CJSW·PD, CJSW·PS with MJSW.
  double oxide_cap = 0, cgso = 0, cgdo = 0, cgbo = 0;
  double cbd = 0, cbs = 0, cj = 0, cjsw = 0, mj = 0.5, mjsw = 0.5, pb = 0.8, fc = 0.5;
  double ad = 0, as = 0, pd = 0, ps = 0;
  double tnom = 300.15, dtemp = 0;  // measurement temperature (K), offset from the circuit's (K)
};

class Mos1Group : public engine::DeviceGroup {
 public:
  explicit Mos1Group(double gmin) : gmin_(gmin) {}
  void add(const netlist::FlatElement& e, const Mos1Params& p);

  std::string_view type_name() const override { return "mos1"; }
  bool has_charges() const override { return !inst_.empty(); }  // junction or gate charges
  bool linear() const override { return inst_.empty(); }
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext&) override {
    state_ = sys.add_charge_states(kStates * static_cast<int>(inst_.size()));
  }
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  double current(size_t k, const double* x) const override;  // into the drain
  void set_temperature(double celsius) override;
  bool incremental_charge() const override;
  std::optional<std::string> state_name(int state) const override {
    const int k = state - state_;
    if (k < 0 || k >= kStates * static_cast<int>(inst_.size())) return std::nullopt;
    static const char* kWhat[kStates] = {"qgs", "qgd", "qgb"};
    return std::string(kWhat[k % kStates]) + " of " + inst_[k / kStates].name;
  }

  // Channel current from drain to source and its derivatives, polarity-normalised, for
  // vds >= 0 (exposed for the finite-difference test).
  struct Channel {
    double ids, gm, gds, gmbs, von;
  };
  Channel channel(size_t k, double vgs, double vds, double vbs) const;

 private:
  // The parameters SPICE3 scales with temperature, at the instance's (set_temperature).
  struct AtTemperature {
    double vt = 0.025852;                 // kT/q
    double vto = 0, phi = 0.6, beta = 0;  // VTO (real polarity), PHI, KP·W/(L − 2·LD)·M
    double isat = 0;                      // bulk junction saturation current (M included)
    double pb = 0.8, cap_bottom = 1, cap_side = 1;  // junction potential, capacitance factors
  };
  struct Instance {
    std::string name;
    std::array<netlist::NodeId, 4> nodes;  // d g s b
    Mos1Params p;
    AtTemperature at;
  };
  static void scale_to(Instance& in, double celsius);
  struct Terminal {  // the quantities Newton limits, polarity-normalised
    double vgs = 0, vds = 0, vbs = 0;
  };
  struct Currents {
    double id, is, ib;  // into drain, source, bulk (real polarity)
  };
  // Evaluates at limited voltages; stamps if `r` is given.
  Currents evaluate(size_t k, const double* x, const engine::EvalRequest* r) const;
  // Junction charges and Meyer gate-charge increments at the (limited) normalised voltages.
  void load_charges(size_t k, const engine::EvalRequest& r, double vgs, double vds, double vbs,
                    double vbs_x, double vds_x) const;
  struct GateCaps {
    double gs, gd, gb;  // half of Meyer's capacitances, as SPICE3's DEVqmeyer returns them
  };
  GateCaps meyer_half(size_t k, double vgs, double vds, double vbs) const;

  static constexpr int kStates = 3;  // gate charges qgs qgd qgb of each instance
  std::vector<Instance> inst_;
  double gmin_;
  int state_ = 0;
  std::vector<std::array<int, 4>> rows_;    // d g s b
  std::vector<std::array<int, 16>> slots_;  // (row, col) over d g s b
  mutable std::vector<Terminal> last_;      // Newton scratch for limiting, not device state
};

}  // namespace xb::devices
