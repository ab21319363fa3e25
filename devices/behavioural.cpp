#include "devices/behavioural.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace xb::devices {
namespace {

// The simulator variables an expression may read: `temper` (°C), `time` (0 outside a
// transient), `hertz` (0: no small-signal analysis yet).
class SimContext : public netlist::EvalContext {
 public:
  SimContext(double temperature, double time) : temperature_(temperature), time_(time) {}
  std::optional<double> param(std::string_view) const override { return std::nullopt; }
  std::optional<double> sim_var(netlist::SimVar v) const override {
    switch (v) {
      case netlist::SimVar::temper:
        return temperature_;
      case netlist::SimVar::time:
        return time_;
      default:
        return 0.0;
    }
  }

 private:
  double temperature_, time_;
};

}  // namespace

void BehaviouralGroup::add(Instance inst) {
  gradients_.push_back(std::make_unique<netlist::ExpressionGradient>(inst.expression));
  inst_.push_back(std::move(inst));
}

void BehaviouralGroup::add_unknowns(engine::MnaSystem& sys, const engine::BindContext&) {
  for (const Instance& in : inst_)
    branch_.push_back(in.voltage_defined
                          ? sys.add_unknown("i(" + in.name + ")", engine::UnknownKind::current)
                          : engine::kGround);
}

void BehaviouralGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  size_t most_refs = 0;
  for (size_t k = 0; k < inst_.size(); ++k) {
    const Instance& in = inst_[k];
    const auto& refs = gradients_[k]->refs();
    most_refs = std::max(most_refs, refs.size());
    engine::Unknown p = ctx.node(in.p), n = ctx.node(in.n), j = branch_[k];
    rows_.push_back({p.value, n.value, j.value});
    branch_slots_.push_back(
        {sys.request(p, j), sys.request(n, j), sys.request(j, p), sys.request(j, n)});
    std::vector<Column> cols;
    std::vector<std::array<int, 4>> slots;
    size_t voltage_ref = 0;
    for (const netlist::CircuitRef& ref : refs) {
      Column c;
      if (ref.kind == netlist::CircuitRef::Kind::voltage) {
        c.a = ctx.node(in.ref_nodes[2 * voltage_ref]);
        c.b = ctx.node(in.ref_nodes[2 * voltage_ref + 1]);
        ++voltage_ref;
      } else if (auto b = ctx.branch(ref.a)) {
        c.a = *b;
      } else if (const auto s = std::find_if(in.sensed.begin(), in.sensed.end(),
                                             [&](const auto& x) { return x.first == ref.a; });
                 s != in.sensed.end() && ctx.branch(s->second)) {
        c.a = *ctx.branch(s->second);
      } else if (const auto r =
                     std::find_if(in.resistor_refs.begin(), in.resistor_refs.end(),
                                  [&](const Instance::ResistorRef& x) { return x.name == ref.a; });
                 r != in.resistor_refs.end()) {
        c.a = ctx.node(r->a), c.b = ctx.node(r->b), c.scale = r->g;
      } else {
        unresolved_.push_back(in.name + " reads i(" + ref.a + ")");
      }
      // The rows the derivative lands in: the branch row, or p and n.
      engine::Unknown r1 = in.voltage_defined ? j : p,
                      r2 = in.voltage_defined ? engine::kGround : n;
      slots.push_back(
          {sys.request(r1, c.a), sys.request(r1, c.b), sys.request(r2, c.a), sys.request(r2, c.b)});
      cols.push_back(c);
    }
    columns_.push_back(std::move(cols));
    ref_slots_.push_back(std::move(slots));
  }
  refs_scratch_.resize(most_refs);
  grad_scratch_.resize(most_refs);
}

void BehaviouralGroup::resolve(const engine::MnaSystem& sys) {
  for (size_t k = 0; k < inst_.size(); ++k) {
    for (int& r : rows_[k]) r = r < 0 ? sys.size() : r;
    for (int& s : branch_slots_[k]) s = sys.value_index(s);
    for (auto& slots : ref_slots_[k])
      for (int& s : slots) s = sys.value_index(s);
    for (Column& c : columns_[k]) c.row_a = sys.row(c.a), c.row_b = sys.row(c.b);
  }
}

double BehaviouralGroup::output(size_t k, const double* x, double* gradient, double time) const {
  const auto& cols = columns_[k];
  for (size_t r = 0; r < cols.size(); ++r)
    refs_scratch_[r] = cols[r].scale * (x[cols[r].row_a] - x[cols[r].row_b]);
  double v = 0;
  std::string error;
  if (!gradients_[k]->evaluate(refs_scratch_.data(), SimContext(temperature_, time), v, gradient,
                               error))
    return std::numeric_limits<double>::quiet_NaN();  // Newton reports the non-finite result
  for (size_t r = 0; r < cols.size(); ++r) gradient[r] *= cols[r].scale;  // d/d(unknowns)
  const Instance& in = inst_[k];
  const bool clamped = (in.max && v > *in.max) || (in.min && v < *in.min);
  if (in.max) v = std::min(v, *in.max);
  if (in.min) v = std::max(v, *in.min);
  if (clamped) std::fill(gradient, gradient + cols.size(), 0.0);
  return v;
}

void BehaviouralGroup::load(const engine::EvalRequest& r) const {
  for (size_t k = 0; k < inst_.size(); ++k) {
    const auto& row = rows_[k];
    const double e = output(k, r.x, grad_scratch_.data(), r.transient ? r.time : 0.0);
    if (inst_[k].voltage_defined) {
      const double j = r.x[row[2]];
      const auto& s = branch_slots_[k];
      r.residual[row[0]] += j;
      r.residual[row[1]] -= j;
      r.residual[row[2]] += r.x[row[0]] - r.x[row[1]] - e;
      r.jacobian[s[0]] += 1, r.jacobian[s[1]] -= 1, r.jacobian[s[2]] += 1, r.jacobian[s[3]] -= 1;
      for (size_t c = 0; c < columns_[k].size(); ++c) {
        r.jacobian[ref_slots_[k][c][0]] -= grad_scratch_[c];
        r.jacobian[ref_slots_[k][c][1]] += grad_scratch_[c];
      }
    } else {
      r.residual[row[0]] += e;
      r.residual[row[1]] -= e;
      for (size_t c = 0; c < columns_[k].size(); ++c) {
        const double d = grad_scratch_[c];
        const auto& s = ref_slots_[k][c];
        r.jacobian[s[0]] += d, r.jacobian[s[1]] -= d, r.jacobian[s[2]] -= d, r.jacobian[s[3]] += d;
      }
    }
  }
}

std::optional<engine::Unknown> BehaviouralGroup::branch(std::string_view name) const {
  for (size_t k = 0; k < inst_.size(); ++k)
    if (inst_[k].voltage_defined && inst_[k].name == name) return branch_[k];
  return std::nullopt;
}

void BehaviouralGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(inst_, out);
}

double BehaviouralGroup::current(size_t k, const double* x) const {
  if (inst_[k].voltage_defined) return x[rows_[k][2]];
  return output(k, x, grad_scratch_.data(), time_);
}

namespace {

bool two_node(const netlist::FlatElement& e) {
  return e.kind == 'b' || e.nodes.size() == 2;
}

// E/G/B whose value is an expression (or a constant given as vol=/cur=/value=/v=/i=).
std::string add_behavioural(engine::DeviceGroup* group, const netlist::FlatElement& e,
                            const ResolvedParams& p, const BuildContext& ctx) {
  static const char* kVoltage[] = {"vol", "value", "v"};
  static const char* kCurrent[] = {"cur", "value", "i"};
  const netlist::Circuit& circuit = ctx.circuit;
  BehaviouralGroup::Instance in;
  in.name = e.name;
  in.p = e.nodes[0];
  in.n = e.nodes[1];
  in.voltage_defined =
      e.kind == 'e' || (e.kind == 'b' && !e.expressions.empty() && e.expressions[0].first == "v");
  const auto& names = in.voltage_defined ? kVoltage : kCurrent;
  for (const auto& [name, expr] : e.expressions)
    for (const char* n : names)
      if (name == n && !in.expression) in.expression = expr;
  for (const char* n : names)
    if (!in.expression)
      if (std::optional<size_t> k = param_index(behavioural_descriptor(), n); k && p.given[*k])
        in.expression = netlist::Expression::constant(p[*k]);
  if (!in.expression) return "behavioural source needs an expression";
  enum { kMax = 5, kMin = 6 };
  if (p.given[kMax]) in.max = p[kMax];
  if (p.given[kMin]) in.min = p[kMin];
  netlist::ExpressionGradient probe(in.expression);
  for (const netlist::CircuitRef& ref : probe.refs()) {
    if (ref.kind == netlist::CircuitRef::Kind::voltage) {
      auto a = circuit.find_node(ref.a), b = circuit.find_node(ref.b);
      if (!a || !b) return "expression reads v(" + (a ? ref.b : ref.a) + "), no such node";
      in.ref_nodes.push_back(*a);
      in.ref_nodes.push_back(*b);
    } else {
      const netlist::FlatElement* src = circuit.find_element(ref.a);
      if (const netlist::FlatElement* sense =
              circuit.find_element(netlist::current_sense_name(ref.a))) {
        in.sensed.emplace_back(ref.a, sense->name);  // elaboration's 0 V source carries it
        continue;
      }
      bool branch =
          src &&
          (src->kind == 'v' || src->kind == 'e' || src->kind == 'h' || src->kind == 'l' ||
           (src->kind == 'b' && !src->expressions.empty() && src->expressions[0].first == "v"));
      if (!branch && src && src->kind == 'r') {
        // A resistor of fixed value: its current is g·v(a,b). One with temperature
        // coefficients, a model or an expression for its value is not read yet.
        const double* named = netlist::find_param(src->params, "r");
        if (!named) named = netlist::find_param(src->params, "resistance");
        const double r = !src->values.empty() ? src->values[0] : named ? *named : 0;
        const bool fixed =
            r != 0 && src->model < 0 && src->expressions.empty() &&
            !netlist::find_param(src->params, "tc1") && !netlist::find_param(src->params, "tc2") &&
            !netlist::find_param(src->params, "tce") && !netlist::find_param(src->params, "scale");
        if (!fixed)
          return "expression reads i(" + ref.a +
                 "): the current of a resistor with temperature coefficients, a model or a "
                 "behavioural value cannot be read yet";
        const double* m = netlist::find_param(src->params, "m");
        in.resistor_refs.push_back({ref.a, src->nodes[0], src->nodes[1], (m ? *m : 1.0) / r});
        continue;
      }
      if (!branch)
        return "expression reads i(" + ref.a +
               "): no such element, or one whose current cannot be read";
    }
  }
  static_cast<BehaviouralGroup*>(group)->add(std::move(in));
  return "";
}

}  // namespace

const DeviceDescriptor& behavioural_descriptor() {
  using S = ParamScope;
  static const DeviceDescriptor d{
      .name = "behavioural",
      .summary = "E VOL= / G CUR= / B V= or I=: a source given by an expression of v(), i()",
      .letters = "egb",
      .matches = two_node,
      .terminals = {"p", "n"},
      .params =
          {
              {"vol", NAN, "V", -kInf, kInf, "E: a constant output voltage", S::instance},
              {"cur", NAN, "A", -kInf, kInf, "G: a constant output current", S::instance},
              {"value", NAN, "", -kInf, kInf, "E/G: a constant output", S::instance},
              {"v", NAN, "V", -kInf, kInf, "B: a constant output voltage", S::instance},
              {"i", NAN, "A", -kInf, kInf, "B: a constant output current", S::instance},
              {"max", NAN, "", -kInf, kInf, "upper clamp of the output", S::instance},
              {"min", NAN, "", -kInf, kInf, "lower clamp of the output", S::instance},
              {"m", 1, "", 1, 1, "parallel multiplier (not simulated: 1 only)", S::instance},
          },
      .example = "v={v(t0)*v(t0) + 0.1*tanh(v(t0))}",
      .nonlinear = true,
      .has_charges = false,
      .dc_paths = {{0, 1}},
      .make_group =
          [](const netlist::Circuit&) {
            return std::unique_ptr<engine::DeviceGroup>(new BehaviouralGroup);
          },
      .add = add_behavioural,
  };
  return d;
}

}  // namespace xb::devices
