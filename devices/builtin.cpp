#include "devices/builtin.hpp"

#include <cmath>
#include <cstdio>

#include "devices/conductor.hpp"
#include "devices/opamp.hpp"
#include "devices/taox.hpp"
#include "netlist/deck_writer.hpp"

namespace xb::devices {

// The registry of built-in device types: one line per type.
const std::vector<const DeviceDescriptor*>& builtin_types() {
  static const std::vector<const DeviceDescriptor*> types = {
      &conductor_descriptor(),
      &taox_descriptor(),
      &opamp_tanh_descriptor(),
      &opamp_descriptor(),
  };
  return types;
}

const DeviceDescriptor* find_builtin(std::string_view name) {
  for (const DeviceDescriptor* t : builtin_types())
    if (t->name == name) return t;
  return nullptr;
}

ResolvedParams resolve_params(const DeviceDescriptor& type, const netlist::NumericParams& model,
                              const netlist::NumericParams& instance,
                              std::vector<std::string>* unknown) {
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
        if (unknown)
          unknown->push_back("unknown parameter '" + name + "' for " + std::string(type.name) +
                             " (valid: " + valid + ")");
        continue;
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

void add_dc_paths(const DeviceDescriptor& type, const std::vector<netlist::NodeId>& nodes,
                  std::vector<std::pair<netlist::NodeId, netlist::NodeId>>& out) {
  auto node = [&](int k) {
    return k < 0 || static_cast<size_t>(k) >= nodes.size() ? netlist::NodeId{0} : nodes[k];
  };
  for (auto [a, b] : type.dc_paths) out.emplace_back(node(a), node(b));
}

std::string deck_number(double v) {
  return std::isfinite(v) ? netlist::format_number(v) : "1e300";
}

netlist::ElaborateOptions builtin_elaborate_options() {
  netlist::ElaborateOptions o;
  for (const DeviceDescriptor* t : builtin_types()) {
    const std::string name(t->name);
    o.x_device_types.insert(name);
    o.x_device_terminals[name] = t->terminals.size();
    if (!t->internal_nodes.empty())
      o.x_device_internal_nodes[name].assign(t->internal_nodes.begin(), t->internal_nodes.end());
  }
  return o;
}

}  // namespace xb::devices
