#include "devices/builtin.hpp"

#include <cmath>
#include <cstdio>

namespace xb::devices {

const std::vector<BuiltinType>& builtin_types() {
  static const std::vector<BuiltinType> types = {
      {"conductor",
       {"p", "n"},
       {},
       {
           {"g", NAN, "S", 0, kInf, "conductance (give g or r)"},
           {"r", NAN, "Ohm", 0, kInf, "resistance, 1/g"},
           {"gmin", 0, "S", 0, kInf, "smallest programmable conductance"},
           {"gmax", kInf, "S", 0, kInf, "largest programmable conductance"},
           {"levels", 0, "", 0, 1e9, "programming levels in [gmin, gmax] (0: continuous)"},
       }},
      {"taox",
       {"p", "n"},
       {"x"},
       {
           {"aoff", 1e-10, "1/s", 0, kInf, "RESET rate prefactor A"},
           {"bon", 1e-4, "1/s", 0, kInf, "SET rate prefactor B"},
           {"sigp", 4e-5, "W", 1e-30, kInf, "SET power scale sigma_p"},
           {"sigon", 0.45, "V", 1e-30, kInf, "SET voltage scale sigma_on"},
           {"sigoff", 0.013, "V", 1e-30, kInf, "RESET voltage scale sigma_off"},
           {"xoff", 0.4, "", 1e-30, kInf, "RESET state scale x_off"},
           {"xon", 0.06, "", 1e-30, kInf, "SET state scale x_on"},
           {"beta", 500, "1/W", 0, kInf, "RESET power factor beta"},
           {"gm", 0.025, "S", 0, kInf, "metallic-channel conductance G_m"},
           {"a", 7.2e-6, "S", 0, kInf, "semiconducting prefactor a"},
           {"b", 4.7, "1/sqrt(V)", 0, 1e3, "semiconducting exponent b"},
           {"xmin", 1e-3, "", 1e-12, 0.5, "lower bound of the state"},
           {"x0", NAN, "", 0, 1, "initial state (give x0 or g0; default 0.5)"},
           {"g0", NAN, "S", 0, kInf, "initial read conductance at vread"},
           {"vread", 0.1, "V", 1e-6, 10, "read voltage for g0"},
       }},
      {"opamp_tanh",
       {"in", "out", "ref"},
       {},
       {
           {"rinv", 1e3, "Ohm", 1e-30, kInf, "transresistance"},
           {"vinv", 1, "V", 1e-30, kInf, "output saturation voltage"},
       }},
      {"opamp",
       {"inp", "inn", "out"},
       {},
       {
           {"gain", 1e5, "", 1e-30, kInf, "open-loop gain"},
           {"vsat", 10, "V", 1e-30, kInf, "output saturation voltage"},
           {"rout", 0, "Ohm", 0, kInf, "output resistance"},
       }},
  };
  return types;
}

const BuiltinType* find_builtin(std::string_view name) {
  for (const BuiltinType& t : builtin_types())
    if (t.name == name) return &t;
  return nullptr;
}

ResolvedParams resolve_params(const BuiltinType& type, const netlist::NumericParams& model,
                              const netlist::NumericParams& instance) {
  ResolvedParams out;
  out.values.reserve(type.params.size());
  for (const ParamSpec& p : type.params) out.values.push_back(p.fallback);
  out.given.assign(type.params.size(), false);
  auto apply = [&](const netlist::NumericParams& set) {
    for (const auto& [name, value] : set) {
      if (name == "level" || name == "m") continue;  // generic model and instance words
      size_t i = 0;
      while (i < type.params.size() && type.params[i].name != name) ++i;
      if (i == type.params.size()) {
        std::string valid;
        for (const ParamSpec& p : type.params)
          valid += (valid.empty() ? "" : " ") + std::string(p.name);
        out.error = "unknown parameter '" + name + "' for " + std::string(type.name) +
                    " (valid: " + valid + ")";
        return false;
      }
      const ParamSpec& p = type.params[i];
      if (!(value >= p.lo && value <= p.hi)) {
        char text[160];
        std::snprintf(text, sizeof text, "%s = %g is out of range [%g, %g]%s%s", name.c_str(),
                      value, p.lo, p.hi, p.unit.empty() ? "" : " ", std::string(p.unit).c_str());
        out.error = text;
        return false;
      }
      out.values[i] = value;
      out.given[i] = true;
    }
    return true;
  };
  if (apply(model)) apply(instance);
  return out;
}

netlist::ElaborateOptions builtin_elaborate_options() {
  netlist::ElaborateOptions o;
  for (const BuiltinType& t : builtin_types()) {
    const std::string name(t.name);
    o.x_device_types.insert(name);
    o.x_device_terminals[name] = t.terminals.size();
    if (!t.internal_nodes.empty())
      o.x_device_internal_nodes[name].assign(t.internal_nodes.begin(), t.internal_nodes.end());
  }
  return o;
}

}  // namespace xb::devices
