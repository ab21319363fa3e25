#include "frontends/export/verilog_a.hpp"

#include <cmath>
#include <sstream>

#include "devices/builtin.hpp"
#include "netlist/deck_writer.hpp"

namespace xb::exporter {
namespace {

// "parameter real gm = 0.025 from [0:inf);" from the built-in table.
std::string parameters(const devices::BuiltinType& t) {
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
      s << " from [" << bound(p.lo) << ":" << (std::isinf(p.hi) ? "inf)" : bound(p.hi) + "]")
        << ";";
    s << "  // " << p.what << (p.unit.empty() ? "" : " (" + std::string(p.unit) + ")") << "\n";
  }
  return s.str();
}

const char* kBodies[][2] = {
    {"conductor",
     "  real graw, geff, step;\n"
     "  analog begin\n"
     "    @(initial_step) begin\n"
     "      graw = g >= 0 ? g : 1 / r;\n"
     "      geff = min(max(graw, gmin), gmax);\n"
     "      if (levels >= 2) begin\n"
     "        step = (gmax - gmin) / (levels - 1);\n"
     "        geff = gmin + floor((geff - gmin) / step + 0.5) * step;\n"
     "      end\n"
     "    end\n"
     "    I(p, n) <+ geff * V(p, n);\n"
     "  end\n"},
    {"taox",
     // Strachan et al., IEEE TED 60(7), 2013; numerics as devices/taox.cpp.
     "  electrical x;\n"
     "  real v, xs, g, i, pw, u, e, big, rate, t, w, semi, xinit;\n"
     "  analog begin\n"
     "    @(initial_step) begin\n"
     "      semi = a * exp(b * sqrt(vread));\n"
     "      xinit = g0 >= 0 ? (g0 - semi) / (gm - semi) : (x0 >= 0 ? x0 : 0.5);\n"
     "    end\n"
     "    v = V(p, n);\n"
     "    xs = V(x);\n"
     "    g = gm * xs + a * exp(b * sqrt(abs(v))) * (1 - xs);\n"
     "    i = v * g;\n"
     "    I(p, n) <+ i;\n"
     "    pw = max(i * v, 0);\n"
     "    if (v > 0) begin\n"
     "      u = v / sigon;\n"
     "      e = -(xs / xon) * (xs / xon) + pw / sigp;\n"
     "      big = exp(min(abs(u) + e, 200));\n"
     "      rate = bon * 0.5 * (1 - exp(-2 * abs(u))) * big;\n"
     "      t = (xs - 1) / 1e-3;\n"
     "    end else begin\n"
     "      u = v / sigoff;\n"
     "      e = -(xoff / max(xs, 1e-9)) * (xoff / max(xs, 1e-9)) + 1 / (1 + beta * pw);\n"
     "      big = exp(min(abs(u) + e, 200));\n"
     "      rate = -aoff * 0.5 * (1 - exp(-2 * abs(u))) * big;\n"
     "      t = (xmin - xs) / 1e-3;\n"
     "    end\n"
     "    // State bounds outside [xmin, 1] only: 1 - smoothstep.\n"
     "    w = t <= 0 ? 1 : (t >= 1 ? 0 : 1 - t * t * (3 - 2 * t));\n"
     "    V(x) <+ idt(rate * w, xinit);\n"
     "  end\n"},
    {"opamp_tanh",
     "  analog begin\n"
     "    V(in, ref) <+ 0;\n"
     "    V(out, ref) <+ -vinv * tanh(rinv * I(in, ref) / vinv);\n"
     "  end\n"},
    {"opamp",
     "  electrical o;\n"
     "  analog begin\n"
     "    V(o) <+ vsat * tanh(gain * V(inp, inn) / vsat);\n"
     "    if (rout > 0)\n"
     "      I(o, out) <+ V(o, out) / rout;\n"
     "    else\n"
     "      V(o, out) <+ 0;\n"
     "  end\n"},
};

}  // namespace

std::string verilog_a_module(std::string_view type) {
  const devices::BuiltinType* t = devices::find_builtin(type);
  if (!t) return "";
  const char* body = nullptr;
  for (const auto& b : kBodies)
    if (type == b[0]) body = b[1];
  if (!body) return "";
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
  s << ";\n" << parameters(*t) << body << "endmodule\n";
  return s.str();
}

}  // namespace xb::exporter
