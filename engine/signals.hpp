#pragma once
// Which signals an analysis records and how each is read off a solution.

#include <memory>
#include <string>
#include <vector>

#include "engine/dc_solver.hpp"
#include "netlist/circuit.hpp"

namespace xb::engine {

// A recorded signal. The voltage of a circuit node is its node number alone (a 512² crossbar
// records half a million of them); anything else keeps its output request.
struct Signal {
  std::string name;                                  // "v(out)", "v(a,b)", "i(v1)", "par(...)"
  std::shared_ptr<const netlist::OutputVar> output;  // null for a node voltage
  int node = -1;                                     // v(node): bound without a look-up by name

  static Signal of(std::string name, netlist::OutputVar v) {
    return {std::move(name), std::make_shared<const netlist::OutputVar>(std::move(v)), -1};
  }
};

// .print/.probe outputs of `analysis` (v(*) expands to every node); when there are none, every
// node voltage and every branch current (V, E and H elements), as ngspice saves them.
std::vector<Signal> select_signals(const netlist::Circuit& c, const std::string& analysis);

// A signal resolved against one solver: solution indices or a device current probe, so that
// reading it at each sweep point costs no name look-up.
struct BoundSignal {
  int a = -1, b = -1;  // v(a) − v(b): indices into the solution (size() = ground)
  std::optional<DcSolver::CurrentProbe> probe;
  netlist::ExprPtr expr;  // par('...')
};

// Signals naming nothing in the circuit read as 0 (elaboration has warned about them).
std::vector<BoundSignal> bind_signals(const std::vector<Signal>& signals, const netlist::Circuit& c,
                                      const DcSolver& solver);
double read_signal(const BoundSignal& s, const netlist::Circuit& c, const DcSolver& solver);

}  // namespace xb::engine
