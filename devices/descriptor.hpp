#pragma once
// One descriptor per device type: everything the simulator, the checks and the exporters know
// about the type, next to its equations in its own file (resistor.cpp, diode.cpp, taox.cpp,
// ...). devices/registry.cpp lists the SPICE primitives and devices/builtin.cpp the built-in
// X-line devices, one line each; docs/adding_a_device.md walks through adding one.

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/device_group.hpp"
#include "netlist/circuit.hpp"

namespace xb::devices {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Where a parameter may be written: on the .model card, on the element line, or either (the
// built-in devices: instance values override the model's, as for Verilog-A modules).
enum class ParamScope { model, instance, both };

struct ParamSpec {
  std::string_view name;
  double fallback;  // NaN: no default (the device decides, e.g. conductor g or r)
  std::string_view unit;
  double lo, hi;  // inclusive bounds
  std::string_view what;
  ParamScope scope = ParamScope::both;
  std::vector<std::string_view> aliases = {};  // other spellings SPICE dialects use (cj0, vt0)
  // false: SPICE knows the name and xbspice does not model it yet; a value other than the
  // default is warned about (or refused under .option strict), never silently dropped.
  bool modelled = true;
};

// Parameter values of one instance, in the order of the type's table: instance values override
// model values override defaults. `given[i]` says whether either set it.
struct ResolvedParams {
  std::vector<double> values;
  std::vector<bool> given;
  std::string error;  // a value out of bounds
  double operator[](size_t i) const { return values[i]; }
};

// What a descriptor's add() may look at besides its element.
struct BuildContext {
  const netlist::Circuit& circuit;
  // The group of another device type (K couples two of the inductor group's instances).
  std::function<engine::DeviceGroup*(std::string_view type)> group_of;
};

struct DeviceDescriptor {
  std::string_view name = {};     // built-in devices: the .model type an X line instantiates
  std::string_view summary = {};  // one line, with the source of the equations
  std::string_view letters = {};  // element letters it takes ("r"; "egb"; "x" for built-in devices)
  // Among descriptors sharing a letter (E and G: linear or behavioural), whether this one takes
  // the element. Null: every element of its letters.
  bool (*matches)(const netlist::FlatElement& e) = nullptr;
  std::vector<std::string_view> terminals = {};       // in element-line order
  std::vector<std::string_view> internal_nodes = {};  // node <instance>.<name> (taox: its state x)
  std::vector<ParamSpec> params = {};
  // A typical instance (tests, docs): what follows the nodes on its element line, and the
  // .model card it names (after ".model "), if any.
  std::string_view example = {};
  std::string_view example_model = {};
  bool nonlinear = false;
  bool has_charges = false;  // adds charges or states, integrated in a transient
  // Node pairs joined at DC, for the floating-node check: indices into terminals, then internal
  // nodes; -1 is ground (an output driven against ground, a state held in DC).
  std::vector<std::pair<int, int>> dc_paths = {};

  // 1: added after every other element (K needs every inductor first).
  int pass = 0;

  // A group for the instances of this type (null: the type adds to another's group), and one
  // instance added with its resolved parameters ("" or why it cannot be built).
  std::unique_ptr<engine::DeviceGroup> (*make_group)(const netlist::Circuit& c) = nullptr;
  std::string (*add)(engine::DeviceGroup* group, const netlist::FlatElement& e,
                     const ResolvedParams& p, const BuildContext& ctx) = nullptr;

  // Devices with a state on internal node "x": its initial value from the resolved parameters
  // (an exported ngspice deck starts it there with .ic). Null: no state.
  double (*initial_state)(const ResolvedParams& p, std::string& error) = nullptr;
  // ngspice has no such device: a subcircuit named `model` standing in for it, the resolved
  // model parameters as its defaults. `dynamic`: the deck has a transient (states integrate).
  std::string (*ngspice_subckt)(std::string_view model, const ResolvedParams& p,
                                bool dynamic) = nullptr;
  // HSPICE runs it as Verilog-A: the module's body after its ports and parameters.
  std::string_view verilog_a_body = {};
};

// Unknown names, names in the wrong place (a model parameter on the element line) and values of
// parameters xbspice does not model are reported in `unknown` (with the valid names); values
// out of bounds in the result's error. Aliases resolve to their parameter.
struct ParamProblem {
  ParamScope where;  // model: about the .model card, reported once per model
  std::string message;
};
ResolvedParams resolve_params(const DeviceDescriptor& type, const netlist::NumericParams& model,
                              const netlist::NumericParams& instance,
                              std::vector<ParamProblem>* unknown = nullptr);
// Index of parameter `name` (or an alias) in the type's table, written where `scope` says (a
// diode's model M is its grading coefficient, its instance M the multiplier).
std::optional<size_t> param_index(const DeviceDescriptor& type, std::string_view name,
                                  ParamScope scope = ParamScope::both);

// The DC paths of one instance as node pairs (ground = node 0), for DeviceGroup::dc_paths.
void add_dc_paths(const DeviceDescriptor& type, const std::vector<netlist::NodeId>& nodes,
                  std::vector<std::pair<netlist::NodeId, netlist::NodeId>>& out);

// A number as ngspice and HSPICE read it back exactly ("1e300" for infinity).
std::string deck_number(double v);

}  // namespace xb::devices
