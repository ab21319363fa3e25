#include "engine/small_signal.hpp"

namespace xb::engine {

std::optional<SolverCounters> solve_operating_point(AnalysisOutcome& out, Prepared& p,
                                                    const std::string& analysis) {
  out.results.analysis = analysis;
  out.results.title = p.circuit.title;
  const SolverCounters before = p.solver->counters();
  if (out.status = p.solver->solve(); !out.status.ok) return std::nullopt;
  return before;
}

BoundSignal bind_signal(const std::string& function, std::vector<std::string> args,
                        const netlist::Circuit& c, const DcSolver& s) {
  netlist::OutputVar v;
  v.function = function;
  v.args = std::move(args);
  return bind_signals({Signal::of(function, std::move(v))}, c, s).front();
}

BoundSignal bind_small_signal_output(const netlist::FlatAnalysis& a, const netlist::Circuit& c,
                                     const DcSolver& s) {
  if (!a.tf_output_source.empty()) return bind_signal("i", {a.tf_output_source}, c, s);
  return bind_signal("v", {c.node_names[a.tf_node->value], c.node_names[a.tf_ref->value]}, c, s);
}

ResponseReader::ResponseReader(const netlist::Circuit& c, DcSolver& s) : c_(c), s_(s) {
  const auto n = static_cast<long>(s.system().size());
  at_.assign(s.solution().begin(), s.solution().begin() + n);
  moved_.resize(at_.size());
}

double ResponseReader::change(const BoundSignal& signal, const double* dx) {
  const double base = read_signal(signal, c_, s_);
  for (size_t i = 0; i < at_.size(); ++i) moved_[i] = at_[i] + dx[i];
  s_.set_solution(moved_.data());
  const double value = read_signal(signal, c_, s_);
  s_.set_solution(at_.data());
  return value - base;
}

void record_work(AnalysisOutcome& out, const DcSolver& s, const SolverCounters& before) {
  out.counters = s.counters() - before;
  out.unknowns = s.system().size();
  out.nonzeros = s.system().nnz();
  out.linear = s.all_linear();
  out.linear_solver = std::string(s.linear_solver());
}

}  // namespace xb::engine
