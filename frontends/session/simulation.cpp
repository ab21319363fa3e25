#include "frontends/session/simulation.hpp"

#include "devices/builtin.hpp"
#include "devices/linear_devices.hpp"
#include "netlist/elaborate.hpp"

namespace xb::session {

// Elaborates `deck` with parameter overrides and sets up a solver; errors land in the status.
std::unique_ptr<engine::Prepared> prepare_circuit(
    const netlist::Deck& deck, const std::unordered_map<std::string, double>& overrides,
    std::optional<netlist::Circuit> elaborated) {
  auto p = std::make_unique<engine::Prepared>();
  if (elaborated && overrides.empty()) {
    p->circuit = std::move(*elaborated);
  } else {
    netlist::Diagnostics diag;
    netlist::ElaborateOptions options = devices::builtin_elaborate_options();
    options.param_overrides = overrides;
    p->circuit = netlist::elaborate(deck, options, diag);
    if (diag.has_errors()) {
      p->status = {false, diag.format(*deck.sources), {}, 0, true};
      return p;
    }
  }
  devices::BuildResult built = devices::build_device_groups(p->circuit);
  if (!built.errors.empty()) {
    std::string message;
    for (size_t i = 0; i < built.errors.size(); ++i)
      message += deck.sources->location_string(built.error_locs[i]) +
                 ": error: " + built.errors[i] + (i + 1 < built.errors.size() ? "\n" : "");
    p->status = {false, message, {}, 0, true};
    return p;
  }
  p->solver = std::make_unique<engine::DcSolver>(p->circuit, std::move(built.groups),
                                                 engine::NewtonOptions::from(p->circuit));
  // A transient with UIC needs no DC path to ground (capacitor-only nodes are fine).
  bool need_dc_path = true;
  for (const netlist::FlatAnalysis& a : p->circuit.analyses)
    if (a.kind == netlist::AnalysisKind::tran && a.uic) need_dc_path = false;
  p->status = p->solver->setup(need_dc_path);
  return p;
}

}  // namespace xb::session
