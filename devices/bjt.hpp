#pragma once
// Bipolar junction transistor, SPICE Gummel–Poon: see bjt.cpp for the equations.

#include <array>
#include <complex>

#include "devices/descriptor.hpp"
#include "engine/device_group.hpp"

namespace xb::devices {

const DeviceDescriptor& bjt_descriptor();

struct BjtParams {
  double type = 1;  // +1 NPN, −1 PNP
  double subs = 1;  // substrate to the collector (+1, vertical) or to the base (−1, lateral)
  double is = 1e-16, bf = 100, nf = 1, vaf = 0, ikf = 0, ise = 0, ne = 1.5;
  double br = 1, nr = 1, var = 0, ikr = 0, isc = 0, nc = 2, nkf = 0.5;
  double rb = 0, irb = 0, rbm = 0, re = 0, rc = 0;
  double cje = 0, vje = 0.75, mje = 0.33, tf = 0, xtf = 0, vtf = 0, itf = 0;
  double cjc = 0, vjc = 0.75, mjc = 0.33, xcjc = 1, tr = 0;
  double cjs = 0, vjs = 0.75, mjs = 0, iss = 0, ns = 1;
  double xtb = 0, eg = 1.11, xti = 3, fc = 0.5;
  double tnom = 300.15, dtemp = 0;        // K; offset from the circuit temperature
  double ptf = 0;                         // excess phase (degrees) at 1/(2π·TF)
  double area = 1, areab = 1, areac = 1;  // m= folded in
  bool off = false;  // Newton starts it with both junctions at 0 V (SPICE's OFF)
};

class BjtGroup : public engine::DeviceGroup {
 public:
  explicit BjtGroup(double gmin) : gmin_(gmin) {}
  void add(const netlist::FlatElement& e, const BjtParams& p);

  std::string_view type_name() const override { return "bjt"; }
  bool linear() const override { return inst_.empty(); }
  bool has_charges() const override;
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  double current(size_t k, const double* x) const override;  // into the collector
  void set_temperature(double celsius) override;
  std::optional<std::string> state_name(int state) const override;
  // Excess phase (PTF): a delay of the forward current in transients and AC.
  void set_time(bool transient, double t) override { transient_ = transient, time_ = t; }
  void begin_transient(double tstep, double tstop) override;
  void accept(const double* x) override;
  bool frequency_dependent() const override;
  void load_ac(double omega, std::complex<double>* values, size_t count) const override;

  // Terminal currents into the collector and the base at intrinsic (vbe, vbc), polarity-
  // normalised, with their partial derivatives (exposed for tests).
  struct Transport {
    double ic, ib;
    double dic_dvbe, dic_dvbc, dib_dvbe, dib_dvbc;
    double gx;  // base-resistance conductance at this point (0: none)
    // For the charges: the forward diffusion current and its derivatives, qb's derivatives.
    double cbe, gbe, cbc, gbc, qb, dqb_dvbe, dqb_dvbc;
  };
  // With excess phase in a transient, the collector's forward current (IS·(e^(vbe/(NF·vt)) −
  // 1))/qb is replaced by `scale` times itself plus `held` (Weil's filter, bjt.cpp).
  struct Delayed {
    double scale = 1, held = 0;
  };
  Transport transport(size_t k, double vbe, double vbc, Delayed d) const;
  Transport transport(size_t k, double vbe, double vbc) const {
    return transport(k, vbe, vbc, Delayed{});
  }

 private:
  // Terminals and internal nodes, in this order in rows_ and slots_.
  enum Node { kC, kB, kE, kS, kCi, kBi, kEi, kNodes };
  struct Instance {
    std::string name;
    std::array<netlist::NodeId, 4> nodes;  // c b e s
    BjtParams p;
    // At the instance's temperature (set_temperature), area included:
    double vt = 0, is = 0, ise = 0, isc = 0, iss = 0, bf = 0, br = 0;
    double vje = 0, cje = 0, vjc = 0, cjc = 0, vjs = 0, cjs = 0;
    double vcrit = 0, vcrit_sub = 0;
  };
  static void scale_to(Instance& q, double celsius);
  std::vector<Instance> inst_;
  double gmin_;
  int state_ = 0;  // four charge states per instance: qbe, qbc, qbx, qcs
  std::vector<std::array<engine::Unknown, kNodes>> unknowns_;
  std::vector<std::array<int, kNodes>> rows_;
  std::vector<std::array<int, kNodes * kNodes>> slots_;  // (row, column) over the seven nodes
  mutable std::vector<std::array<double, 3>> last_;      // Newton scratch: vbe, vbc, vsub limited
  // Excess phase: the filtered forward current at the last two accepted time points, the step
  // between them and the last one's time; the AC transconductance at the operating point.
  struct ExcessHistory {
    bool ready = false;
    double x1 = 0, x2 = 0, h1 = 1, t1 = 0;
  };
  double excess_delay(size_t k) const;  // PTF·TF in seconds (PTF in radians)
  Delayed delayed(size_t k, double h) const;
  std::vector<ExcessHistory> excess_;
  mutable std::vector<double> ac_gm_;
  bool transient_ = false;
  double time_ = 0;
};

}  // namespace xb::devices
