#pragma once
// The analyses of an exported ngspice deck as a .control block, for decks whose DC sweeps ngspice
// cannot run from a .dc card: rows of a .data table, parameters, and sweeps whose points are not
// evenly spaced (POI lists, DEC/OCT). Each such sweep point becomes an operating point (params by
// `alterparam` + `reset`, sources by `alter`, temperature by `option temp`), and the points are
// gathered into one plot with xbspice's column names, so the raw file it writes reads like
// xbspice's own output. Other analyses run as control commands in deck order; every plot is
// written to one raw file.

#include <string>

#include "netlist/circuit.hpp"

namespace xb::cli {

// True when some analysis of `c` needs the .control form.
bool needs_control_block(const netlist::Circuit& c);

// The block, from `.control` to `.endc`; it writes `raw_file` (relative to ngspice's directory).
std::string ngspice_control_block(const netlist::Circuit& c, const std::string& raw_file);

}  // namespace xb::cli
