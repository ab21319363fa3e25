#pragma once
// ngspice/SPICE3 "raw" result files, as ngspice's `load` command and waveform viewers read them:
// a text header (Title, Date, Plotname, Flags, No. Variables, No. Points, Variables: index,
// name, type), then "Binary:" and the points as native little-endian doubles, point after point,
// or "Values:" and one number per line in the ASCII form.

#include <ostream>

#include "engine/results.hpp"

namespace xb::io {

void write_raw(const engine::Results& r, std::ostream& out, bool ascii);

}  // namespace xb::io
