#pragma once
// The listing of a .four table, laid out as ngspice prints it (so that output read by scripts
// written for ngspice reads the same): a heading with the harmonic count, THD, grid size and
// interpolation degree, then one line per harmonic of frequency, magnitude, phase (degrees) and
// both normalised to the fundamental, numbers with 6 significant digits.

#include <ostream>

#include "engine/fourier.hpp"

namespace xb::io {

void write_fourier(const engine::FourierTable& table, std::ostream& out);

}  // namespace xb::io
