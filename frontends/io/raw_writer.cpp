#include "frontends/io/raw_writer.hpp"

#include <cstdio>
#include <ctime>

namespace xb::io {
namespace {

// SPICE3 vector types: ngspice plots and scales by them.
const char* vector_type(const std::string& name, bool is_scale, const std::string& analysis) {
  if (name.rfind("v(", 0) == 0) return "voltage";
  if (name.rfind("i(", 0) == 0) return "current";
  if (is_scale && analysis == "tran") return "time";
  if (is_scale && analysis == "dc" && !name.empty()) {
    if (name[0] == 'v') return "voltage";
    if (name[0] == 'i') return "current";
  }
  return "notype";
}

}  // namespace

void write_raw(const engine::Results& r, std::ostream& out, bool ascii) {
  const bool op = r.analysis == "op";
  std::time_t now = std::time(nullptr);
  char date[64];
  std::strftime(date, sizeof date, "%a %b %d %H:%M:%S  %Y", std::localtime(&now));
  out << "Title: " << r.title << "\n";
  out << "Date: " << date << "\n";
  // Any other analysis name (a .control block's scratch plot, "unknown") is the plot name.
  const std::string plot = op                     ? "Operating Point"
                           : r.analysis == "tran" ? "Transient Analysis"
                           : r.analysis == "dc"   ? "DC transfer characteristic"
                                                  : r.analysis;
  out << "Plotname: " << plot << "\n";
  out << "Flags: real\n";
  out << "No. Variables: " << r.signals.size() << "\n";
  out << "No. Points: " << r.rows.size() << "\n";
  out << "Variables:\n";
  for (size_t i = 0; i < r.signals.size(); ++i)
    out << "\t" << i << "\t" << r.signals[i] << "\t"
        << vector_type(r.signals[i], i == 0 && !op, r.analysis) << "\n";
  if (ascii) {
    out << "Values:\n";
    char buf[40];
    for (size_t p = 0; p < r.rows.size(); ++p)
      for (size_t i = 0; i < r.rows[p].size(); ++i) {
        std::snprintf(buf, sizeof buf, "%.15e", r.rows[p][i]);
        out << (i == 0 ? std::to_string(p) : std::string()) << "\t" << buf << "\n";
      }
    return;
  }
  out << "Binary:\n";
  for (const auto& row : r.rows)
    out.write(reinterpret_cast<const char*>(row.data()),
              static_cast<std::streamsize>(row.size() * sizeof(double)));
}

}  // namespace xb::io
