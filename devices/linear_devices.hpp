#pragma once
// Linear elements: R, independent V and I (DC), and the linear controlled sources E G F H.

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
};

// Groups every element of the circuit by type. Elements of kinds not yet simulated are reported.
BuildResult build_device_groups(const netlist::Circuit& circuit);

}  // namespace xb::devices
