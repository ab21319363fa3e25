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
};

// .print/.probe outputs of `analysis` (v(*) expands to every node); when there are none, every
// node voltage and every branch current (V, E and H elements), as ngspice saves them.
std::vector<Signal> select_signals(const netlist::Circuit& c, const std::string& analysis);

// The value of a signal at the solver's solution; nullopt with `error` set when it names nothing.
std::optional<double> read_signal(const Signal& s, const netlist::Circuit& c,
                                  const DcSolver& solver, std::string& error);

}  // namespace xb::engine
