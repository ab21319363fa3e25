#pragma once
// Which signals an analysis records and how each is read off a solution.

#include <string>
#include <vector>

#include "engine/dc_solver.hpp"
#include "netlist/circuit.hpp"

namespace xb::engine {

struct Signal {
  std::string name;  // "v(out)", "v(a,b)", "i(v1)", "par(...)"
  netlist::OutputVar output;
  int node = -1;  // v(node) of a known node: bound without a look-up by name
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
