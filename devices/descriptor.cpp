#include "devices/descriptor.hpp"

#include <cmath>
#include <cstdio>

#include "netlist/deck_writer.hpp"

namespace xb::devices {

std::optional<size_t> param_index(const DeviceDescriptor& type, std::string_view name,
                                  ParamScope scope) {
  for (size_t i = 0; i < type.params.size(); ++i) {
    const ParamSpec& p = type.params[i];
    if (scope != ParamScope::both && p.scope != ParamScope::both && p.scope != scope) continue;
    if (p.name == name) return i;
    for (std::string_view alias : p.aliases)
      if (alias == name) return i;
  }
  return std::nullopt;
}

namespace {

std::string valid_names(const DeviceDescriptor& type, ParamScope where) {
  std::string valid;
  for (const ParamSpec& p : type.params)
    if (p.scope == ParamScope::both || p.scope == where)
      valid += (valid.empty() ? "" : " ") + std::string(p.name);
  return valid;
}

}  // namespace

ResolvedParams resolve_params(const DeviceDescriptor& type, const netlist::NumericParams& model,
                              const netlist::NumericParams& instance,
                              std::vector<ParamProblem>* unknown) {
  ResolvedParams out;
  out.values.reserve(type.params.size());
  for (const ParamSpec& p : type.params) out.values.push_back(p.fallback);
  out.given.assign(type.params.size(), false);
  ParamScope current = ParamScope::model;
  auto report = [&](const std::string& why) {
    if (unknown) unknown->push_back({current, why});
  };
  auto apply = [&](const netlist::NumericParams& set, ParamScope where) {
    const char* place = where == ParamScope::model ? "model" : "instance";
    for (const auto& [name, value] : set) {
      const std::optional<size_t> i = param_index(type, name, where);
      if (!i) {
        report("unknown " + std::string(place) + " parameter '" + name + "' for " +
               std::string(type.name) + " (valid: " + valid_names(type, where) + ")");
        continue;
      }
      const ParamSpec& p = type.params[*i];
      if (!p.modelled) {
        if (!(value == p.fallback))
          report(std::string(place) + " parameter '" + name + "' of " + std::string(type.name) +
                 " is not modelled by xbspice");
        continue;
      }
      if (!(value >= p.lo && value <= p.hi)) {
        char text[200];
        std::snprintf(text, sizeof text, "%s = %g is out of range [%g, %g]%s%s", name.c_str(),
                      value, p.lo, p.hi, p.unit.empty() ? "" : " ", std::string(p.unit).c_str());
        out.error = text;
        return false;
      }
      out.values[*i] = value;
      out.given[*i] = true;
    }
    return true;
  };
  if (apply(model, ParamScope::model)) {
    current = ParamScope::instance;
    apply(instance, ParamScope::instance);
  }
  return out;
}

void add_dc_paths(const DeviceDescriptor& type, const std::vector<netlist::NodeId>& nodes,
                  std::vector<std::pair<netlist::NodeId, netlist::NodeId>>& out) {
  auto present = [&](int k) { return k < 0 || static_cast<size_t>(k) < nodes.size(); };
  auto node = [&](int k) { return k < 0 ? netlist::NodeId{0} : nodes[k]; };
  for (auto [a, b] : type.dc_paths)
    if (present(a) && present(b)) out.emplace_back(node(a), node(b));
}

std::string deck_number(double v) {
  return std::isfinite(v) ? netlist::format_number(v) : "1e300";
}

}  // namespace xb::devices
