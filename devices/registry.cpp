// The registry: every device type the simulator builds, one line each, and the one loop that
// turns a circuit's elements into device groups through their descriptors.

#include <algorithm>
#include <set>

#include "devices/behavioural.hpp"
#include "devices/bjt.hpp"
#include "devices/builtin.hpp"
#include "devices/diode.hpp"
#include "devices/linear_devices.hpp"
#include "devices/mosfet1.hpp"
#include "devices/reactive.hpp"
#include "devices/resistor.hpp"
#include "devices/sources.hpp"
#include "devices/switch.hpp"
#include "devices/tline.hpp"

namespace xb::devices {

// SPICE primitives, in the order their groups are assembled; the built-in X-line devices
// (builtin.cpp) follow.
const std::vector<const DeviceDescriptor*>& primitive_types() {
  static const std::vector<const DeviceDescriptor*> types = {
      &resistor_descriptor(),
      &capacitor_descriptor(),
      &inductor_descriptor(),
      &mutual_inductance_descriptor(),
      &vsource_descriptor(),
      &vcvs_descriptor(),
      &ccvs_descriptor(),
      &isource_descriptor(),
      &vccs_descriptor(),
      &cccs_descriptor(),
      &diode_descriptor(),
      &mos1_descriptor(),
      &bjt_descriptor(),
      &behavioural_descriptor(),
      &voltage_switch_descriptor(),
      &current_switch_descriptor(),
      &tline_descriptor(),
  };
  return types;
}

const std::vector<const DeviceDescriptor*>& device_types() {
  static const std::vector<const DeviceDescriptor*> all = [] {
    std::vector<const DeviceDescriptor*> v = primitive_types();
    v.insert(v.end(), builtin_types().begin(), builtin_types().end());
    return v;
  }();
  return all;
}

const DeviceDescriptor* descriptor_of(const netlist::Circuit& c, const netlist::FlatElement& e) {
  if (e.kind == 'x') return find_builtin(c.device_type(e));
  for (const DeviceDescriptor* t : primitive_types())
    if (t->letters.find(e.kind) != std::string_view::npos && (!t->matches || t->matches(e)))
      return t;
  return nullptr;
}

BuildResult build_device_groups(const netlist::Circuit& circuit) {
  BuildResult out;
  const std::vector<const DeviceDescriptor*>& types = device_types();
  std::vector<std::unique_ptr<engine::DeviceGroup>> groups(types.size());
  for (size_t i = 0; i < types.size(); ++i)
    if (types[i]->make_group) groups[i] = types[i]->make_group(circuit);
  auto index_of = [&](const DeviceDescriptor* t) {
    return static_cast<size_t>(std::find(types.begin(), types.end(), t) - types.begin());
  };
  const BuildContext ctx{circuit, [&](std::string_view name) -> engine::DeviceGroup* {
                           for (size_t i = 0; i < types.size(); ++i)
                             if (types[i]->name == name) return groups[i].get();
                           return nullptr;
                         }};
  const bool strict = netlist::param_or(circuit.options, "strict", 0) != 0;
  auto fail = [&](const netlist::FlatElement& e, const std::string& why) {
    out.errors.push_back("element " + e.name + ": " + why);
    out.error_locs.push_back(e.loc);
  };
  static const netlist::NumericParams kNone;
  std::vector<int> instances(types.size(), 0);  // added to each group so far
  out.element_refs.assign(circuit.elements.size(), {-1, -1});
  std::set<int32_t> reported_models;
  for (int pass = 0; pass < 2; ++pass)
    for (size_t element = 0; element < circuit.elements.size(); ++element) {
      const netlist::FlatElement& e = circuit.elements[element];
      const DeviceDescriptor* t = descriptor_of(circuit, e);
      if (!t) {
        if (pass > 0) continue;
        if (e.kind == 'x')
          fail(e, "no built-in device type '" + std::string(circuit.device_type(e)) + "'");
        else
          fail(e, std::string("elements of type '") + e.kind + "' are not simulated yet");
        continue;
      }
      if (t->pass != pass) continue;
      // m= (parallel copies, also from a subcircuit instance's m=) on a type that cannot take
      // it: refused, never dropped.
      if (const double* m = netlist::find_param(e.params, "m");
          m && *m != 1 && !param_index(*t, "m", ParamScope::instance)) {
        fail(e, "m= (parallel copies) is not supported for " + std::string(t->name) + " elements");
        continue;
      }
      std::vector<ParamProblem> unknown;
      const netlist::NumericParams& model = e.model >= 0 ? circuit.models[e.model].params : kNone;
      const ResolvedParams p = resolve_params(*t, model, e.params, &unknown);
      if (!p.error.empty()) {
        fail(e, p.error);
        continue;
      }
      const size_t type = index_of(t);
      if (std::string error = t->add(groups[type].get(), e, p, ctx); !error.empty()) {
        fail(e, error);  // its parameter warnings would only repeat the point
        continue;
      }
      if (groups[type]) out.element_refs[element] = {static_cast<int>(type), instances[type]++};
      for (const ParamProblem& problem : unknown) {
        // A model's problems once, at its card; an instance's at its line.
        const bool of_model = problem.where == ParamScope::model;
        if (of_model && !reported_models.insert(e.model).second) continue;
        const std::string who =
            of_model ? "model " + circuit.models[e.model].name : "element " + e.name;
        const netlist::SourceLoc loc = of_model ? circuit.models[e.model].loc : e.loc;
        if (strict) {
          out.errors.push_back(who + ": " + problem.message);
          out.error_locs.push_back(loc);
        } else {
          out.warnings.push_back(who + ": " + problem.message + ": ignored");
          out.warning_locs.push_back(loc);
        }
      }
      add_dc_paths(*t, e.nodes, out.dc_paths);
    }
  // Group indices from the type list to the kept groups.
  std::vector<int> kept(types.size(), -1);
  for (size_t i = 0; i < groups.size(); ++i)
    if (groups[i])
      kept[i] = static_cast<int>(out.groups.size()), out.groups.push_back(std::move(groups[i]));
  for (auto& [group, instance] : out.element_refs)
    if (group >= 0) group = kept[group];
  return out;
}

}  // namespace xb::devices
