#pragma once
// Crossbar builder: a dot-product array (inputs on the rows, one summed current per column) as a
// Deck. xbspice simulates that Deck and the deck writer prints the same object for HSPICE or
// ngspice, so what is simulated is exactly what is exported.
//
// Topology (row i = 0..R-1, column j = 0..C-1):
//   vin<i>   drives row i at its left end with input voltage u_i (through rin<i> of r_in from
//            node in<i> when r_in > 0: a driver's output resistance)
//   cell i,j joins row i to column j: a conductor (g = G_ij), a TaOx memristor held at the state
//            whose read conductance is G_ij (g0), or a 1T1M cell (that memristor in series with
//            an access NMOS whose gate is on word line `wl`, at vgate)
//   wires    with wire_r > 0, a resistor of wire_r between neighbouring cells along each row
//            (nodes r<i>_<j>) and each column (nodes c<i>_<j>); otherwise rows are nodes r<i>
//            and columns c<j>
//   sense    at the bottom of each column (through rout<j> of r_out to node s<j> when r_out > 0:
//            a sense amplifier's input resistance): a 0 V source vs<j> (virtual ground; i(vs<j>) is
//            the column current sum_i G_ij u_i for ideal wires), or an inverting transimpedance
//            amplifier (built-in opamp and feedback resistor rf; v(out<j>) = -rf * I_j)
// One input vector gives an .op; several become a .data table swept by .dc.

#include <string>
#include <vector>

#include "netlist/deck.hpp"

namespace xb::netlist {

struct CrossbarSpec {
  enum class Cell { conductor, taox, one_t_one_m };
  enum class Sense { virtual_ground, transimpedance };
  Cell cell = Cell::conductor;
  Sense sense = Sense::virtual_ground;
  std::vector<std::vector<double>> conductance;  // [row][column], siemens
  // Optional, TaOx and 1T1M cells: the memristor states x0 [row][column] in [0, 1], given
  // instead of the read conductances (a mapping that solved for the states writes them).
  std::vector<std::vector<double>> state;
  // TaOx and 1T1M cells: parameters of the memristors' .model card (e.g. gm and a scaled for a
  // device of another area); empty: the model's defaults.
  std::vector<std::pair<std::string, double>> taox_params;
  std::vector<std::vector<double>> inputs;              // input vectors, one voltage per row each
  double wire_r = 0;                                    // ohms per segment; 0: ideal wires
  double r_in = 0, r_out = 0;                           // ohms; 0: none
  double rf = 1e3;                                      // transimpedance, ohms
  double vgate = 1.8;                                   // 1T1M word-line voltage
  std::vector<std::pair<std::string, double>> options;  // .options cards (reltol, vntol, ...)
  std::string title;
  // Optional: where each conductance was read (its file registered in `sources`), so that a
  // device error about cell i,j names that value's file:line:col.
  std::vector<std::vector<SourceLoc>> conductance_loc;
  SourceManagerPtr sources;
};

// Why `spec` cannot be built (shapes, signs), or "" when it can.
std::string check_crossbar(const CrossbarSpec& spec);

// The deck of `spec`, which must pass check_crossbar.
Deck build_crossbar(const CrossbarSpec& spec);

}  // namespace xb::netlist
