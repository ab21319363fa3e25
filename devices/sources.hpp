#pragma once
// Independent DC sources and linear controlled sources, MNA form (Ho, Ruehli, Brennan, "The
// modified nodal approach to network analysis", IEEE TCAS 22(6), 1975):
//   V  p n:        branch j;  f[p] += j, f[n] −= j,  f[j] = v(p) − v(n) − s·V
//   I  p n:        f[p] += s·I, f[n] −= s·I   (current flows from p through the source to n)
//   E  p n cp cn:  branch j;  f[j] = v(p) − v(n) − µ·(v(cp) − v(cn))
//   G  p n cp cn:  f[p] += gm·(v(cp) − v(cn)), f[n] −= the same
//   F  p n vc:     f[p] += β·j(vc), f[n] −= β·j(vc)
//   H  p n vc:     branch j;  f[j] = v(p) − v(n) − r·j(vc)
// s is the source-stepping scale (1 in a plain solve). i(v1) is the branch current j, flowing
// into the + terminal, as SPICE reports it.

#include <array>

#include "devices/descriptor.hpp"
#include "devices/waveform.hpp"
#include "engine/device_group.hpp"

namespace xb::devices {

const DeviceDescriptor& vsource_descriptor();
const DeviceDescriptor& isource_descriptor();
const DeviceDescriptor& vcvs_descriptor();
const DeviceDescriptor& vccs_descriptor();
const DeviceDescriptor& cccs_descriptor();
const DeviceDescriptor& ccvs_descriptor();

// A source's new transient function, or why not (a controlled source has none).
std::string set_waveform_of(bool independent, Waveform& wave, const netlist::FlatSource& source);

// Two-terminal element with a branch-current unknown whose equation is
// v(p) − v(n) − [value + µ·(v(cp) − v(cn)) + r·j(ctl)] = 0: covers V, E and H.
class BranchSourceGroup : public engine::DeviceGroup {
 public:
  explicit BranchSourceGroup(std::string_view type) : type_(type) {}
  struct Instance {
    std::string name;
    netlist::NodeId p, n, cp, cn;
    double value = 0;     // V: the source voltage
    double mu = 0;        // E: voltage gain
    double r = 0;         // H: transresistance
    std::string control;  // H: controlling source
    bool independent = false;
    Waveform wave;  // V: transient function
  };
  void add(Instance inst) { inst_.push_back(std::move(inst)); }

  std::string_view type_name() const override { return type_; }
  bool linear() const override { return true; }
  bool has_charges() const override { return false; }
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  std::optional<engine::Unknown> branch(std::string_view name) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  double current(size_t k, const double* x) const override;
  bool is_source(size_t k) const override { return inst_[k].independent; }
  double source_value(size_t k) const override { return inst_[k].value; }
  void set_source_value(size_t k, double value) override { inst_[k].value = value; }
  std::string set_waveform(size_t k, const netlist::FlatSource& source) override {
    return set_waveform_of(inst_[k].independent, inst_[k].wave, source);
  }
  void begin_transient(double tstep, double tstop) override;
  double next_breakpoint(double t) const override;

 private:
  std::string_view type_;
  std::vector<Instance> inst_;
  std::vector<engine::Unknown> branch_;
  std::vector<std::array<int, 5>> rows_;   // p n j cp ctl
  std::vector<std::array<int, 7>> slots_;  // (p,j) (n,j) (j,p) (j,n) (j,cp) (j,cn) (j,ctl)
  std::vector<int> cn_;                    // row of the negative controlling node
};

// Current-defined sources: I (value), G (gm·v(cp,cn)) and F (β·j(ctl)).
class CurrentSourceGroup : public engine::DeviceGroup {
 public:
  explicit CurrentSourceGroup(std::string_view type) : type_(type) {}
  struct Instance {
    std::string name;
    netlist::NodeId p, n, cp, cn;
    double value = 0, gm = 0, beta = 0;
    std::string control;
    bool independent = false;
    Waveform wave;  // I: transient function
  };
  void add(Instance inst) { inst_.push_back(std::move(inst)); }

  std::string_view type_name() const override { return type_; }
  bool linear() const override { return true; }
  bool has_charges() const override { return false; }
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  double current(size_t k, const double* x) const override;
  bool is_source(size_t k) const override { return inst_[k].independent; }
  double source_value(size_t k) const override { return inst_[k].value; }
  void set_source_value(size_t k, double value) override { inst_[k].value = value; }
  std::string set_waveform(size_t k, const netlist::FlatSource& source) override {
    return set_waveform_of(inst_[k].independent, inst_[k].wave, source);
  }
  void begin_transient(double tstep, double tstop) override;
  double next_breakpoint(double t) const override;
  void set_time(bool transient, double t) override { transient_ = transient, time_ = t; }

 private:
  bool transient_ = false;
  double time_ = 0;
  double value_at(size_t k, const double* x, double scale, bool transient, double time) const;
  std::string_view type_;
  std::vector<Instance> inst_;
  std::vector<std::array<int, 5>> rows_;   // p n cp cn ctl
  std::vector<std::array<int, 6>> slots_;  // (p,cp) (p,cn) (n,cp) (n,cn) (p,ctl) (n,ctl)
};

}  // namespace xb::devices
