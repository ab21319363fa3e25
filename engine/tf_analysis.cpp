#include "engine/tf_analysis.hpp"

#include <cmath>

#include "engine/small_signal.hpp"

namespace xb::engine {
namespace {

constexpr double kOpen = 1e20;  // SPICE3's impedance of a port whose current does not move

}  // namespace

AnalysisOutcome run_transfer_function(const netlist::FlatAnalysis& a, Prepared& p) {
  AnalysisOutcome out;
  const std::optional<SolverCounters> before = solve_operating_point(out, p, "tf");
  if (!before) return out;
  DcSolver& s = *p.solver;
  const netlist::Circuit& c = p.circuit;
  const std::optional<DcSolver::ElementRef> in = s.find_element(a.tf_input);
  const netlist::FlatElement* in_element = c.find_element(a.tf_input);
  if (!in || !in_element) {
    out.status = {false, ".tf input " + a.tf_input + " is not in the circuit", a.loc, 0, true};
    return out;
  }
  const bool voltage_out = a.tf_output_source.empty();
  const BoundSignal output = bind_small_signal_output(a, c, s);
  ResponseReader reader(c, s);
  const size_t n = static_cast<size_t>(s.system().size());

  // A unit step of the input source.
  std::vector<double> dx;
  if (out.status = s.sensitivities({*in}, dx); !out.status.ok) return out;
  const double gain = reader.change(output, dx.data());
  double zin = 0;
  if (in_element->kind == 'v') {
    const double di = reader.change(bind_signal("i", {a.tf_input}, c, s), dx.data());
    zin = std::fabs(di) < 1e-20 ? kOpen : -1 / di;
  } else {  // the voltage across the I source, from its n- terminal to its n+ terminal
    zin = reader.change(bind_signal("v",
                                    {c.node_names[in_element->nodes[1].value],
                                     c.node_names[in_element->nodes[0].value]},
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
  record_work(out, s, *before);
  return out;
}

}  // namespace xb::engine
