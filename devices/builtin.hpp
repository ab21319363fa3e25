#pragma once
// The built-in crossbar devices an X line instantiates through a .model of their type (as
// HSPICE instantiates Verilog-A modules), each described once (devices/descriptor.hpp).
// docs/devices.md lists the same tables; names and terminal orders are stable because exported
// HSPICE decks use them unchanged.

#include <string_view>
#include <vector>

#include "devices/descriptor.hpp"
#include "netlist/elaborate.hpp"

namespace xb::devices {

const std::vector<const DeviceDescriptor*>& builtin_types();
const DeviceDescriptor* find_builtin(std::string_view name);

// Elaboration options that let X lines instantiate every built-in type.
netlist::ElaborateOptions builtin_elaborate_options();

}  // namespace xb::devices
