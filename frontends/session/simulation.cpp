#include "frontends/session/simulation.hpp"

#include "devices/builtin.hpp"
#include "devices/linear_devices.hpp"
#include "netlist/elaborate.hpp"

namespace xb::session {

std::unique_ptr<engine::Prepared> prepare_circuit(
    const netlist::Deck& deck, const std::unordered_map<std::string, double>& overrides,
    std::optional<netlist::Circuit> elaborated) {
  auto p = std::make_unique<engine::Prepared>();
  auto input_error = [&] {
    for (const netlist::Diagnostic& d : p->diagnostics.items())
      if (d.severity == netlist::Severity::error) {
        p->status = {false, d.message, d.loc, 0, true};
        break;
      }
    return std::move(p);
  };
  if (elaborated && overrides.empty()) {
    p->circuit = std::move(*elaborated);
  } else {
    netlist::ElaborateOptions options = devices::builtin_elaborate_options();
    options.param_overrides = overrides;
    if (auto t = options.param_overrides.find(engine::kTemperatureOverride);
        t != options.param_overrides.end()) {
      options.temperature = t->second;
      options.param_overrides.erase(t);
    }
    if (auto k = options.param_overrides.find(engine::kMonteCarloSampleOverride);
        k != options.param_overrides.end()) {
      options.monte_carlo_sample = static_cast<uint64_t>(k->second);
      options.param_overrides.erase(k);
    }
    p->circuit = netlist::elaborate(deck, options, p->diagnostics);
    if (p->diagnostics.has_errors()) return input_error();
  }
  devices::BuildResult built = devices::build_device_groups(p->circuit);
  for (size_t i = 0; i < built.warnings.size(); ++i)
    p->diagnostics.warning("unknown-parameter", built.warning_locs[i], built.warnings[i]);
  for (size_t i = 0; i < built.errors.size(); ++i)
    p->diagnostics.error("device", built.error_locs[i], built.errors[i]);
  if (p->diagnostics.has_errors()) return input_error();
  p->solver = std::make_unique<engine::DcSolver>(p->circuit, std::move(built.groups),
                                                 engine::NewtonOptions::from(p->circuit));
  p->solver->set_dc_paths(std::move(built.dc_paths));
  p->solver->set_element_refs(std::move(built.element_refs));
  // A transient with UIC needs no DC path to ground (capacitor-only nodes are fine).
  bool need_dc_path = true;
  for (const netlist::FlatAnalysis& a : p->circuit.analyses)
    if (a.kind == netlist::AnalysisKind::tran && a.uic) need_dc_path = false;
  p->status = p->solver->setup(need_dc_path);
  return p;
}

}  // namespace xb::session
