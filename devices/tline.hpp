#pragma once
// The lossless transmission line T (SPICE3's TRA, HSPICE's T element): see tline.cpp.

#include <array>
#include <complex>
#include <set>

#include "devices/descriptor.hpp"
#include "engine/device_group.hpp"

namespace xb::devices {

const DeviceDescriptor& tline_descriptor();

class TlineGroup : public engine::DeviceGroup {
 public:
  struct Instance {
    std::string name;
    std::array<netlist::NodeId, 4> nodes;  // port 1 (+, −), port 2 (+, −)
    double z0 = 50, td = 1e-9;
    // UIC: the port voltages and currents at t = 0 (IC=v1,i1,v2,i2).
    double v1 = 0, i1 = 0, v2 = 0, i2 = 0;
    // The slope change of an arriving wave that schedules a breakpoint one delay later.
    double rel = 1, abs = 1;
  };
  void add(Instance inst) { inst_.push_back(std::move(inst)); }

  std::string_view type_name() const override { return "tline"; }
  bool linear() const override { return true; }
  bool has_charges() const override { return false; }
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  double current(size_t k, const double* x) const override;
  void begin_transient(double tstep, double tstop) override;
  void set_time(bool transient, double t) override { transient_ = transient, time_ = t; }
  void accept(const double* x) override;
  double next_breakpoint(double t) const override;
  bool dynamic_breakpoints() const override { return !inst_.empty(); }
  bool frequency_dependent() const override { return !inst_.empty(); }
  void load_ac(double omega, std::complex<double>* values, size_t count) const override;

 private:
  // The waves a line's ports send: w1 = v2 + Z0·i2 arrives at port 1 one delay later, w2 =
  // v1 + Z0·i1 at port 2; recorded at accepted time points.
  struct Record {
    double t, w1, w2;
  };
  std::array<double, 2> arriving(size_t k, double t) const;  // (w1, w2) at t − td
  void seed(size_t k, double w1, double w2);
  std::vector<Instance> inst_;
  std::vector<std::array<engine::Unknown, 2>> branch_;
  std::vector<std::array<int, 6>> rows_;    // n1 n2 n3 n4 b1 b2
  std::vector<std::array<int, 16>> slots_;  // see request_slots
  std::vector<std::vector<Record>> history_;
  std::set<double> breakpoints_;
  bool transient_ = false;
  double time_ = 0;
};

}  // namespace xb::devices
