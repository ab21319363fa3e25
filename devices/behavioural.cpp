#include "devices/behavioural.hpp"

#include <algorithm>
#include <limits>

namespace xb::devices {
namespace {

class DcContext : public netlist::EvalContext {
 public:
  explicit DcContext(double temperature) : temperature_(temperature) {}
  std::optional<double> param(std::string_view) const override { return std::nullopt; }
  std::optional<double> sim_var(netlist::SimVar v) const override {
    return v == netlist::SimVar::temper ? temperature_ : 0.0;  // time = hertz = 0 in DC
  }

 private:
  double temperature_;
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

double BehaviouralGroup::output(size_t k, const double* x, double* gradient) const {
  const auto& cols = columns_[k];
  for (size_t r = 0; r < cols.size(); ++r) refs_scratch_[r] = x[cols[r].row_a] - x[cols[r].row_b];
  double v = 0;
  std::string error;
  if (!gradients_[k]->evaluate(refs_scratch_.data(), DcContext(temperature_), v, gradient, error))
    return std::numeric_limits<double>::quiet_NaN();  // Newton reports the non-finite result
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
    const double e = output(k, r.x, grad_scratch_.data());
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
  return output(k, x, grad_scratch_.data());
}

}  // namespace xb::devices
