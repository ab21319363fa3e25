#pragma once
// Building the device groups of a circuit from the device descriptors (registry.cpp).

#include <memory>
#include <vector>

#include "engine/device_group.hpp"
#include "netlist/circuit.hpp"
#include "netlist/diagnostics.hpp"

namespace xb::devices {

struct BuildResult {
  std::vector<std::unique_ptr<engine::DeviceGroup>> groups;
  std::vector<std::string> errors;  // "name: message", for elements no group can simulate
  std::vector<netlist::SourceLoc> error_locs;
  std::vector<std::string> warnings;  // unknown parameters (ignored, as ngspice does)
  std::vector<netlist::SourceLoc> warning_locs;
  // Node pairs each element joins at DC (its descriptor's dc_paths): the floating-node check.
  std::vector<std::pair<netlist::NodeId, netlist::NodeId>> dc_paths;
  // Per circuit element: the index of its group in `groups` and its instance there (-1, -1
  // for elements that are no instance of their own, such as K).
  std::vector<std::pair<int, int>> element_refs;
};

struct DeviceDescriptor;
// Every device type, SPICE primitives then built-in X-line devices; and the one an element is.
const std::vector<const DeviceDescriptor*>& device_types();
const DeviceDescriptor* descriptor_of(const netlist::Circuit& c, const netlist::FlatElement& e);

// Groups every element of the circuit by type. Elements of kinds not yet simulated are reported.
BuildResult build_device_groups(const netlist::Circuit& circuit);

}  // namespace xb::devices
