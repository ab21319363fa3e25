#pragma once
// Writes results as an HSPICE ASCII post file, version 2001 (`.option post=2`): the header of
// ../shared/HSPICE-FORMATS.md §1.1 in 80-column lines, then 13-character fields, six per line,
// each table closed by 1e30. HSPICE users' tools (and xbspice's reader) open it.

#include <ostream>
#include <string>
#include <vector>

#include "engine/results.hpp"

namespace xb::io {

void write_hspice_post(const engine::Results& r, std::ostream& out);
// Several tables of one analysis with the same signals, one per value of an outer sweep named
// `sweep_name` (HSPICE's nsweep = 1: each table starts with its sweep value; the header counts
// the tables), as HSPICE writes `.tran ... sweep monte=N` (sweep MONTE_CARLO) or a swept
// parameter.
void write_hspice_post_sweep(const std::vector<engine::Results>& tables,
                             const std::string& sweep_name, const std::vector<double>& sweep_values,
                             std::ostream& out);

// True for names HSPICE gives post files: .tr0, .sw3, .ac12 ...
bool is_hspice_post_name(const std::string& path);

}  // namespace xb::io
