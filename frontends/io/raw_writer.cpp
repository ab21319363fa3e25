#include "frontends/io/raw_writer.hpp"

#include <cstdio>
#include <ctime>
#include <vector>

namespace xb::io {
namespace {

// SPICE3 vector types: ngspice plots and scales by them.
const char* vector_type(const std::string& name, bool is_scale, const std::string& analysis) {
  if (name.rfind("v(", 0) == 0) return "voltage";
  if (name.rfind("i(", 0) == 0) return "current";
  if (is_scale && analysis == "tran") return "time";
  if (is_scale && analysis == "ac") return "frequency";
  if (is_scale && analysis == "dc" && !name.empty()) {
    if (name[0] == 'v') return "voltage";
    if (name[0] == 'i') return "current";
  }
  return "notype";
}

}  // namespace

void write_raw(const engine::Results& r, std::ostream& out, bool ascii) {
  const bool op = r.analysis == "op" || r.analysis == "tf" || r.analysis == "sens";  // no scale
  std::time_t now = std::time(nullptr);
  char date[64];
  std::strftime(date, sizeof date, "%a %b %d %H:%M:%S  %Y", std::localtime(&now));
  out << "Title: " << r.title << "\n";
  out << "Date: " << date << "\n";
  // Any other analysis name (a .control block's scratch plot, "unknown") is the plot name.
  const std::string plot = r.analysis == "op"     ? "Operating Point"
                           : r.analysis == "tf"   ? "Transfer Function"
                           : r.analysis == "sens" ? "Sensitivity Analysis"
                           : r.analysis == "tran" ? "Transient Analysis"
                           : r.analysis == "dc"   ? "DC transfer characteristic"
                           : r.analysis == "ac"   ? "AC Analysis"
                                                  : r.analysis;
  out << "Plotname: " << plot << "\n";
  // Complex results (AC) store every value, the frequency too, as a (real, imaginary) pair.
  const bool complex = r.is_complex();
  out << "Flags: " << (complex ? "complex" : "real") << "\n";
  out << "No. Variables: " << r.signals.size() << "\n";
  out << "No. Points: " << r.rows.size() << "\n";
  out << "Variables:\n";
  for (size_t i = 0; i < r.signals.size(); ++i)
    out << "\t" << i << "\t" << r.signals[i] << "\t"
        << vector_type(r.signals[i], i == 0 && !op, r.analysis) << "\n";
  if (ascii) {
    out << "Values:\n";
    char buf[80];
    for (size_t p = 0; p < r.rows.size(); ++p)
      for (size_t i = 0; i < r.rows[p].size(); ++i) {
        if (complex)
          std::snprintf(buf, sizeof buf, "%.15e,%.15e", r.rows[p][i], r.imag[p][i]);
        else
          std::snprintf(buf, sizeof buf, "%.15e", r.rows[p][i]);
        out << (i == 0 ? std::to_string(p) : std::string()) << "\t" << buf << "\n";
      }
    return;
  }
  out << "Binary:\n";
  for (size_t p = 0; p < r.rows.size(); ++p) {
    if (!complex) {
      out.write(reinterpret_cast<const char*>(r.rows[p].data()),
                static_cast<std::streamsize>(r.rows[p].size() * sizeof(double)));
      continue;
    }
    std::vector<double> pairs;
    for (size_t i = 0; i < r.rows[p].size(); ++i)
      pairs.insert(pairs.end(), {r.rows[p][i], r.imag[p][i]});
    out.write(reinterpret_cast<const char*>(pairs.data()),
              static_cast<std::streamsize>(pairs.size() * sizeof(double)));
  }
}

}  // namespace xb::io
