#include "devices/builtin.hpp"

#include "devices/conductor.hpp"
#include "devices/linear_drift.hpp"
#include "devices/opamp.hpp"
#include "devices/opamp_ideal.hpp"
#include "devices/pulse_table.hpp"
#include "devices/taox.hpp"

namespace xb::devices {

// The registry of built-in device types: one line per type.
const std::vector<const DeviceDescriptor*>& builtin_types() {
  static const std::vector<const DeviceDescriptor*> types = {
      &conductor_descriptor(), &taox_descriptor(),         &opamp_tanh_descriptor(),
      &opamp_descriptor(),     &linear_drift_descriptor(), &opamp_ideal_descriptor(),
      &pulse_table_descriptor(),
  };
  return types;
}

const DeviceDescriptor* find_builtin(std::string_view name) {
  for (const DeviceDescriptor* t : builtin_types())
    if (t->name == name) return t;
  return nullptr;
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
