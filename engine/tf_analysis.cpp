#include "engine/tf_analysis.hpp"

#include <cmath>

#include "engine/signals.hpp"

namespace xb::engine {
namespace {

constexpr double kOpen = 1e20;  // SPICE3's impedance of a port whose current does not move

// A signal of the circuit read off the solver (x* + dx when dx is given).
class Reader {
 public:
  Reader(const netlist::Circuit& c, DcSolver& s) : c_(c), s_(s) {
    const size_t n = static_cast<size_t>(s.system().size());
    at_.assign(s.solution().begin(), s.solution().begin() + static_cast<long>(n));
  }
  double change(const BoundSignal& b, const double* dx) {
    const double base = read_signal(b, c_, s_);
    std::vector<double> moved = at_;
    for (size_t i = 0; i < moved.size(); ++i) moved[i] += dx[i];
    s_.set_solution(moved.data());
    const double value = read_signal(b, c_, s_);
    s_.set_solution(at_.data());
    return value - base;
  }

 private:
  const netlist::Circuit& c_;
  DcSolver& s_;
  std::vector<double> at_;
};

BoundSignal bind(const std::string& function, std::vector<std::string> args,
                 const netlist::Circuit& c, const DcSolver& s) {
  netlist::OutputVar v;
  v.function = function;
  v.args = std::move(args);
  return bind_signals({Signal::of(function, std::move(v))}, c, s).front();
}

}  // namespace

AnalysisOutcome run_transfer_function(const netlist::FlatAnalysis& a, Prepared& p) {
  AnalysisOutcome out;
  DcSolver& s = *p.solver;
  const netlist::Circuit& c = p.circuit;
  out.results.analysis = "tf";
  out.results.title = c.title;
  const SolverCounters before = s.counters();
  if (out.status = s.solve(); !out.status.ok) return out;
  const std::optional<DcSolver::ElementRef> in = s.find_element(a.tf_input);
  const netlist::FlatElement* in_element = c.find_element(a.tf_input);
  if (!in || !in_element) {
    out.status = {false, ".tf input " + a.tf_input + " is not in the circuit", a.loc, 0, true};
    return out;
  }
  const bool voltage_out = a.tf_output_source.empty();
  const BoundSignal output =
      voltage_out ? bind("v", {c.node_names[a.tf_node->value], c.node_names[a.tf_ref->value]}, c, s)
                  : bind("i", {a.tf_output_source}, c, s);
  Reader reader(c, s);
  const size_t n = static_cast<size_t>(s.system().size());

  // A unit step of the input source.
  std::vector<double> dx;
  if (out.status = s.sensitivities({*in}, dx); !out.status.ok) return out;
  const double gain = reader.change(output, dx.data());
  double zin = 0;
  if (in_element->kind == 'v') {
    const double di = reader.change(bind("i", {a.tf_input}, c, s), dx.data());
    zin = std::fabs(di) < 1e-20 ? kOpen : -1 / di;
  } else {  // the voltage across the I source, from its n- terminal to its n+ terminal
    zin = reader.change(
        bind("v",
             {c.node_names[in_element->nodes[1].value], c.node_names[in_element->nodes[0].value]},
             c, s),
        dx.data());
  }

  double zout = 0;
  if (voltage_out) {  // 1 A into the output node, out of its reference
    std::vector<double> column(n, 0.0);
    const int pos = s.system().row(s.node_unknown(*a.tf_node));
    const int neg = s.system().row(s.node_unknown(*a.tf_ref));
    if (pos < static_cast<int>(n)) column[static_cast<size_t>(pos)] += 1;
    if (neg < static_cast<int>(n)) column[static_cast<size_t>(neg)] -= 1;
    if (out.status = s.linear_responses(column, 1); !out.status.ok) return out;
    zout = reader.change(output, column.data());
  } else if (a.tf_output_source == a.tf_input) {
    zout = zin;
  } else {  // a unit step of the output's V source
    std::vector<double> step;
    if (out.status = s.sensitivities({*s.find_element(a.tf_output_source)}, step); !out.status.ok)
      return out;
    zout = 1 / std::max(1e-20, reader.change(output, step.data()));
  }

  // ngspice prints the impedances in the order of their names.
  std::pair<std::string, double> zo{
      voltage_out ? "output_impedance_at_" + a.tf_output : a.tf_output_source + "#output_impedance",
      zout};
  std::pair<std::string, double> zi{a.tf_input + "#input_impedance", zin};
  if (zi.first < zo.first) std::swap(zi, zo);
  out.results.signals = {"transfer_function", zo.first, zi.first};
  out.results.rows = {{gain, zo.second, zi.second}};
  out.counters = s.counters() - before;
  out.unknowns = s.system().size();
  out.nonzeros = s.system().nnz();
  out.linear = s.all_linear();
  out.linear_solver = std::string(s.linear_solver());
  return out;
}

}  // namespace xb::engine
