#include "frontends/io/fourier_listing.hpp"

#include <cstdio>
#include <string>

namespace xb::io {
namespace {

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", v);
  return buffer;
}

// Left-aligned in 11 columns, as ngspice's fields are.
std::string field(const std::string& text) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%-11s", text.c_str());
  return buffer;
}

}  // namespace

void write_fourier(const engine::FourierTable& t, std::ostream& out) {
  out << "Fourier analysis for " << t.signal << ":\n";
  out << "  No. Harmonics: " << t.frequency.size() << ", THD: " << number(t.thd_percent)
      << " %, Gridsize: " << t.grid << ", Interpolation Degree: 1\n\n";
  out << "Harmonic " << field("Frequency") << ' ' << field("Magnitude") << ' ' << field("Phase")
      << ' ' << field("Norm. Mag") << ' ' << field("Norm. Phase") << '\n';
  out << "-------- " << field("---------") << ' ' << field("---------") << ' ' << field("-----")
      << ' ' << field("---------") << ' ' << field("-----------") << '\n';
  for (size_t k = 0; k < t.frequency.size(); ++k) {
    char index[32];
    std::snprintf(index, sizeof index, " %-4zu    ", k);
    out << index << field(number(t.frequency[k])) << ' ' << field(number(t.magnitude[k])) << ' '
        << field(number(t.phase_deg[k])) << ' ' << field(number(t.norm_magnitude[k])) << ' '
        << field(number(t.norm_phase_deg[k])) << '\n';
  }
  out << '\n';
}

}  // namespace xb::io
