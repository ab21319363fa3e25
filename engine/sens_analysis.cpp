#include "engine/sens_analysis.hpp"

#include "engine/small_signal.hpp"

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
  const std::optional<SolverCounters> before = solve_operating_point(out, p, "sens");
  if (!before) return out;
  DcSolver& s = *p.solver;
  const netlist::Circuit& c = p.circuit;
  const BoundSignal output = bind_small_signal_output(a, c, s);
  const std::vector<Parameter> params = parameters(c, s);
  std::vector<double> values;
  for (const Parameter& q : params) values.push_back(q.get());
  std::vector<double> dx;
  out.status = s.parameter_responses(
      values, [&](size_t k, double value) { params[k].set(value); }, dx);
  if (!out.status.ok) return out;
  ResponseReader reader(c, s);
  const size_t n = static_cast<size_t>(s.system().size());
  std::vector<double> row;
  for (size_t k = 0; k < params.size(); ++k) {
    row.push_back(reader.change(output, dx.data() + k * n));
    out.results.signals.push_back(params[k].name);
  }
  out.results.rows = {row};
  record_work(out, s, *before);
  return out;
}

}  // namespace xb::engine
