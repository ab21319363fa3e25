#pragma once
// One descriptor per built-in device type: everything the simulator, the checks and the
// exporters know about the type, next to its equations in its own file (conductor.cpp,
// taox.cpp, opamp.cpp). devices/builtin.cpp lists them, one line each; docs/adding_a_device.md
// walks through adding one.

#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/device_group.hpp"
#include "netlist/circuit.hpp"

namespace xb::devices {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct ParamSpec {
  std::string_view name;
  double fallback;  // NaN: no default (the device decides, e.g. conductor g or r)
  std::string_view unit;
  double lo, hi;  // inclusive bounds
  std::string_view what;
};

// Parameter values of one instance, in the order of the type's table: instance values override
// model values override defaults. `given[i]` says whether either set it.
struct ResolvedParams {
  std::vector<double> values;
  std::vector<bool> given;
  std::string error;  // a value out of bounds
  double operator[](size_t i) const { return values[i]; }
};

struct DeviceDescriptor {
  std::string_view name;                         // the .model type an X line instantiates
  std::string_view summary;                      // one line, with the source of the equations
  std::vector<std::string_view> terminals;       // in X-line order
  std::vector<std::string_view> internal_nodes;  // node <instance>.<name> (taox: its state x)
  std::vector<ParamSpec> params;
  std::string_view example;  // X-line parameters of a typical instance (tests, docs)
  bool nonlinear = false;
  bool has_charges = false;  // adds charges or states, integrated in a transient
  // Node pairs joined at DC, for the floating-node check: indices into terminals, then internal
  // nodes; -1 is ground (an output driven against ground, a state held in DC).
  std::vector<std::pair<int, int>> dc_paths;

  // A group for the instances of this type, and one instance added to it with its resolved
  // parameters ("" or why it cannot be built).
  std::unique_ptr<engine::DeviceGroup> (*make_group)() = nullptr;
  std::string (*add)(engine::DeviceGroup& group, const netlist::FlatElement& e,
                     const ResolvedParams& p) = nullptr;

  // ngspice has no such device: a subcircuit named `model` standing in for it, the resolved
  // model parameters as its defaults. `dynamic`: the deck has a transient (states integrate).
  std::string (*ngspice_subckt)(std::string_view model, const ResolvedParams& p,
                                bool dynamic) = nullptr;
  // HSPICE runs it as Verilog-A: the module's body after its ports and parameters.
  std::string_view verilog_a_body;
};

// Unknown names are reported in `unknown` (with the valid ones listed), values out of bounds in
// the result's error.
ResolvedParams resolve_params(const DeviceDescriptor& type, const netlist::NumericParams& model,
                              const netlist::NumericParams& instance,
                              std::vector<std::string>* unknown = nullptr);

// The DC paths of one instance as node pairs (ground = node 0), for DeviceGroup::dc_paths.
void add_dc_paths(const DeviceDescriptor& type, const std::vector<netlist::NodeId>& nodes,
                  std::vector<std::pair<netlist::NodeId, netlist::NodeId>>& out);

// A number as ngspice and HSPICE read it back exactly ("1e300" for infinity).
std::string deck_number(double v);

}  // namespace xb::devices
