#pragma once
// Behavioural sources: HSPICE E … VOL='expr' and G … CUR='expr' (with MAX=/MIN= clamps),
// ngspice E/G … value={expr} and B … V={expr} / I={expr}:
//   voltage-defined:  branch j;  f[p] += j, f[n] −= j,  f[j] = v(p) − v(n) − e(x)
//   current-defined:  f[p] += e(x), f[n] −= e(x)   (from p through the source to n)
// e(x) and its exact partial derivatives come from ExpressionGradient; a clamped output has
// zero derivative. time and hertz are 0 in DC analyses, temper the analysis temperature.

#include <array>
#include <memory>
#include <optional>

#include "devices/descriptor.hpp"
#include "engine/device_group.hpp"
#include "netlist/expression_gradient.hpp"

namespace xb::devices {

const DeviceDescriptor& behavioural_descriptor();

class BehaviouralGroup : public engine::DeviceGroup {
 public:
  struct Instance {
    std::string name;
    netlist::NodeId p, n;
    bool voltage_defined = false;
    netlist::ExprPtr expression;
    std::vector<netlist::NodeId> ref_nodes;  // per ref: a, b (voltage refs only)
    // Current refs of fixed resistors: i(r) = g·(v(a) − v(b)), by the resistor's name.
    struct ResistorRef {
      std::string name;
      netlist::NodeId a, b;
      double g;
    };
    std::vector<ResistorRef> resistor_refs;
    // Current refs carried by a 0 V sense source elaboration put in series (read name, source).
    std::vector<std::pair<std::string, std::string>> sensed;
    std::optional<double> max, min;
  };
  void add(Instance inst);

  std::string_view type_name() const override { return "behavioural"; }
  bool linear() const override { return inst_.empty(); }
  bool has_charges() const override { return false; }
  void add_unknowns(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) override;
  void resolve(const engine::MnaSystem& sys) override;
  void load(const engine::EvalRequest& r) const override;
  std::optional<engine::Unknown> branch(std::string_view name) const override;
  void instance_names(std::vector<std::string_view>& out) const override;
  double current(size_t k, const double* x) const override;
  void set_temperature(double celsius) override { temperature_ = celsius; }
  // Where current() evaluates `time`.
  void set_time(bool transient, double t) override { time_ = transient ? t : 0.0; }

  // Names of elements whose branch currents the expressions read but no group provides.
  const std::vector<std::string>& unresolved() const { return unresolved_; }

 private:
  struct Column {  // where a ref's value comes from: scale·(x[row_a] − x[row_b])
    engine::Unknown a = engine::kGround, b = engine::kGround;
    int row_a = -1, row_b = -1;
    double scale = 1;
  };
  double output(size_t k, const double* x, double* gradient, double time) const;

  std::vector<Instance> inst_;
  std::vector<std::unique_ptr<netlist::ExpressionGradient>> gradients_;
  std::vector<engine::Unknown> branch_;
  std::vector<std::vector<Column>> columns_;
  std::vector<std::array<int, 3>> rows_;                    // p n j
  std::vector<std::array<int, 4>> branch_slots_;            // (p,j) (n,j) (j,p) (j,n)
  std::vector<std::vector<std::array<int, 4>>> ref_slots_;  // per ref: two rows × (a, b)
  std::vector<std::string> unresolved_;
  double temperature_ = 27;
  double time_ = 0;  // for current(), set by set_time
  mutable std::vector<double> refs_scratch_, grad_scratch_;
};

}  // namespace xb::devices
