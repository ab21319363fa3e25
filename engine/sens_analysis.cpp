#include "engine/sens_analysis.hpp"

#include "engine/signals.hpp"

namespace xb::engine {
namespace {

// One parameter of the operating point: a resistance or a source value.
struct Parameter {
  std::string name;
  DcSolver::ElementRef ref;
  int id = -1;  // the group's parameter id; -1: the source value
  double get() const {
    return id < 0 ? ref.group->source_value(ref.index) : ref.group->parameter(ref.index, id);
  }
  void set(double v) const {
    if (id < 0)
      ref.group->set_source_value(ref.index, v);
    else
      ref.group->set_parameter(ref.index, id, v);
  }
};

std::vector<Parameter> parameters(const netlist::Circuit& c, const DcSolver& s) {
  std::vector<Parameter> out;
  for (const netlist::FlatElement& e : c.elements) {
    if (e.kind != 'r' && e.kind != 'v' && e.kind != 'i') continue;
    const std::optional<DcSolver::ElementRef> ref = s.find_element(e.name);
    if (!ref) continue;
    if (e.kind == 'r') {
      const std::optional<int> id = ref->group->parameter_id("r");
      if (id) out.push_back({e.name, *ref, *id});
    } else if (ref->group->is_source(ref->index)) {
      out.push_back({e.name, *ref, -1});
    }
  }
  return out;
}

}  // namespace

AnalysisOutcome run_sensitivity(const netlist::FlatAnalysis& a, Prepared& p) {
  AnalysisOutcome out;
  DcSolver& s = *p.solver;
  const netlist::Circuit& c = p.circuit;
  out.results.analysis = "sens";
  out.results.title = c.title;
  const SolverCounters before = s.counters();
  if (out.status = s.solve(); !out.status.ok) return out;
  netlist::OutputVar v;
  if (a.tf_output_source.empty()) {
    v.function = "v";
    v.args = {c.node_names[a.tf_node->value], c.node_names[a.tf_ref->value]};
  } else {
    v.function = "i";
    v.args = {a.tf_output_source};
  }
  const BoundSignal output = bind_signals({Signal::of(a.tf_output, std::move(v))}, c, s).front();
  const std::vector<Parameter> params = parameters(c, s);
  std::vector<double> values;
  for (const Parameter& q : params) values.push_back(q.get());
  std::vector<double> dx;
  out.status = s.parameter_responses(
      values, [&](size_t k, double value) { params[k].set(value); }, dx);
  if (!out.status.ok) return out;
  // The output is linear in the solution: its change at x* + dx_k, less its value at x*.
  const size_t n = static_cast<size_t>(s.system().size());
  const std::vector<double> at(s.solution().begin(), s.solution().begin() + static_cast<long>(n));
  const double base = read_signal(output, c, s);
  std::vector<double> row, moved(n);
  for (size_t k = 0; k < params.size(); ++k) {
    for (size_t i = 0; i < n; ++i) moved[i] = at[i] + dx[k * n + i];
    s.set_solution(moved.data());
    row.push_back(read_signal(output, c, s) - base);
    out.results.signals.push_back(params[k].name);
  }
  s.set_solution(at.data());
  out.results.rows = {row};
  out.counters = s.counters() - before;
  out.unknowns = s.system().size();
  out.nonzeros = s.system().nnz();
  out.linear = s.all_linear();
  out.linear_solver = std::string(s.linear_solver());
  return out;
}

}  // namespace xb::engine
