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
#include "netlist/deck.hpp"

namespace xb::exporter {

// A .dc over a .data table whose columns are all plain DC sources at the top level (a crossbar's
// input vectors) runs in ngspice as a native sweep instead, one Newton solve per row without the
// .control block's per-point bookkeeping: an index source vxb_table<k> (0 V) is swept 1..rows,
// and each column source reads its row value from pwl(v(index)) with the deck's own value at
// index 0, so other analyses are unchanged. A V source keeps its name and branch (a 0 V source
// in series with a B source); an I source becomes B source bxb_<name>. Rewrites `deck` and
// analysis `k` of `c` (then an ordinary source sweep); false, touching nothing, when not eligible.
bool table_sweep_as_index_sweep(netlist::Deck& deck, netlist::Circuit& c, size_t k);

// True when some analysis of `c` needs the .control form, or when two analyses are of one kind
// (ngspice's batch run would keep only the last).
bool needs_control_block(const netlist::Circuit& c);

// The block, from `.control` to `.endc`; it writes `raw_file` (relative to ngspice's directory).
std::string ngspice_control_block(const netlist::Circuit& c, const std::string& raw_file);

}  // namespace xb::exporter
