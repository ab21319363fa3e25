#include "frontends/export/verilog_a.hpp"

#include <cmath>
#include <sstream>

#include "devices/builtin.hpp"
#include "netlist/deck_writer.hpp"

namespace xb::exporter {
namespace {

// "parameter real gm = 0.025 from [0:inf);" from the built-in table.
std::string parameters(const devices::DeviceDescriptor& t) {
  std::ostringstream s;
  for (const devices::ParamSpec& p : t.params) {
    const double def = std::isnan(p.fallback) ? -1 : p.fallback;  // -1: "not given"
    auto bound = [](double v) {
      return std::isinf(v) ? std::string("inf") : netlist::format_number(v);
    };
    s << "  parameter real " << p.name << " = "
      << (std::isinf(def) ? std::string("1e300") : netlist::format_number(def));
    if (std::isnan(p.fallback))
      s << ";";
    else
      s << " from " << (std::isinf(p.lo) ? "(-inf" : "[" + bound(p.lo)) << ":"
        << (std::isinf(p.hi) ? "inf)" : bound(p.hi) + "]") << ";";
    s << "  // " << p.what << (p.unit.empty() ? "" : " (" + std::string(p.unit) + ")") << "\n";
  }
  return s.str();
}

}  // namespace

std::string verilog_a_module(std::string_view type) {
  const devices::DeviceDescriptor* t = devices::find_builtin(type);
  if (!t || t->verilog_a_body.empty()) return "";
  std::ostringstream s;
  s << "// " << type << ": built-in device of xbspice, written for HSPICE (.hdl). Equations and\n"
    << "// parameters: xbspice docs/devices.md.\n"
    << "`include \"disciplines.vams\"\n`include \"constants.vams\"\n\n"
    << "module " << type << "(";
  for (size_t i = 0; i < t->terminals.size(); ++i) s << (i ? ", " : "") << t->terminals[i];
  s << ");\n  inout ";
  for (size_t i = 0; i < t->terminals.size(); ++i) s << (i ? ", " : "") << t->terminals[i];
  s << ";\n  electrical ";
  for (size_t i = 0; i < t->terminals.size(); ++i) s << (i ? ", " : "") << t->terminals[i];
  s << ";\n" << parameters(*t) << t->verilog_a_body << "endmodule\n";
  return s.str();
}

}  // namespace xb::exporter
