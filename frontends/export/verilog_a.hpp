#pragma once
// Verilog-A modules of the built-in devices, for HSPICE (`.hdl "taox.va"`): the module name is
// the device type and every parameter of devices/builtin keeps its name, default and bounds, so
// the exported deck's .model cards and X lines stay exactly as written.

#include <string>
#include <string_view>

namespace xb::exporter {

// The module text of built-in type `type` (conductor, taox, opamp_tanh, opamp), or "".
std::string verilog_a_module(std::string_view type);

}  // namespace xb::exporter
