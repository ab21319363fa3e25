#pragma once
// The built-in crossbar devices an X line instantiates through a .model of their type (as
// HSPICE instantiates Verilog-A modules): their terminals, internal nodes and parameter tables.
// docs/devices.md lists the same tables; names and terminal orders are stable because exported
// HSPICE decks use them unchanged.

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "netlist/circuit.hpp"
#include "netlist/elaborate.hpp"

namespace xb::devices {

struct ParamSpec {
  std::string_view name;
  double fallback;  // NaN: no default (the device decides, e.g. conductor g or r)
  std::string_view unit;
  double lo, hi;  // inclusive bounds
  std::string_view what;
};

struct BuiltinType {
  std::string_view name;
  std::vector<std::string_view> terminals;
  std::vector<std::string_view> internal_nodes;  // "x": node <instance>.x (taox state)
  std::vector<ParamSpec> params;
};

constexpr double kInf = std::numeric_limits<double>::infinity();

const std::vector<BuiltinType>& builtin_types();
const BuiltinType* find_builtin(std::string_view name);

// Parameter values of one instance, in the order of the type's table: instance values override
// model values override defaults. `given[i]` says whether either set it.
struct ResolvedParams {
  std::vector<double> values;
  std::vector<bool> given;
  std::string error;  // unknown name (listing the valid ones) or value out of bounds
  double operator[](size_t i) const { return values[i]; }
};
ResolvedParams resolve_params(const BuiltinType& type, const netlist::NumericParams& model,
                              const netlist::NumericParams& instance);

// Elaboration options that let X lines instantiate every built-in type.
netlist::ElaborateOptions builtin_elaborate_options();

}  // namespace xb::devices
