#include "engine/signals.hpp"

#include "engine/measure.hpp"

#include <unordered_set>

namespace xb::engine {
namespace {

netlist::OutputVar voltage_of(const std::string& node) {
  netlist::OutputVar v;
  v.function = "v";
  v.args = {node};
  return v;
}

std::string signal_name(const netlist::OutputVar& v) {
  if (v.expr) return "par(" + v.expr->text() + ")";
  std::string s = v.function + "(";
  for (size_t i = 0; i < v.args.size(); ++i) s += (i ? "," : "") + v.args[i];
  return s + ")";
}

// Reads v() and i() of the circuit inside par('...') expressions.
class SolutionContext : public netlist::EvalContext {
 public:
  SolutionContext(const netlist::Circuit& c, const DcSolver& s) : c_(c), s_(s) {}
  std::optional<double> param(std::string_view name) const override {
    auto it = c_.params.find(std::string(name));
    if (it == c_.params.end()) return std::nullopt;
    return it->second;
  }
  std::optional<double> voltage(std::string_view a, std::string_view b) const override {
    auto na = c_.find_node(a), nb = c_.find_node(b);
    if (!na || !nb) return std::nullopt;
    return s_.voltage(*na) - s_.voltage(*nb);
  }
  std::optional<double> current(std::string_view e) const override { return s_.current(e); }
  std::optional<double> sim_var(netlist::SimVar v) const override {
    if (v == netlist::SimVar::temper) return s_.temperature();
    if (v == netlist::SimVar::time) return s_.time().value_or(0.0);
    return 0.0;
  }

 private:
  const netlist::Circuit& c_;
  const DcSolver& s_;
};

}  // namespace

std::vector<Signal> select_signals(const netlist::Circuit& c, const std::string& analysis) {
  std::vector<Signal> out;
  std::unordered_set<std::string> seen;
  auto add = [&](const netlist::OutputVar& v) {
    std::string name = signal_name(v);
    if (seen.insert(name).second) out.push_back(Signal::of(name, v));
  };
  for (const netlist::Print& p : c.prints) {
    if (!p.analysis.empty() && p.analysis != analysis) continue;
    for (const netlist::OutputVar& v : p.outputs) {
      if (v.function == "v" && !v.args.empty() && v.args[0] == "*") {
        for (size_t i = 1; i < c.node_names.size(); ++i) add(voltage_of(c.node_names[i]));
        continue;
      }
      if (v.function == "v" || v.function == "i" || v.function == "par") add(v);
    }
  }
  // .measure and .four read their signals from what the analysis records.
  std::vector<std::string> read = measured_signals(c.measures, analysis);
  if (analysis == "tran")
    for (const netlist::FlatFourier& f : c.fouriers)
      read.insert(read.end(), f.signals.begin(), f.signals.end());
  auto add_read = [&](const std::string& name) {
    netlist::OutputVar v;
    if (name.starts_with("par(")) {  // par('expression'), named by its expression's text
      netlist::Diagnostics scratch;
      v.function = "par";
      v.expr = netlist::Expression::parse(name.substr(4, name.size() - 5), {}, scratch);
      if (v.expr) add(v);
      return;
    }
    v.function = name.substr(0, 1);
    const std::string inner = name.substr(2, name.size() - 3);
    const auto comma = inner.find(',');
    v.args = {inner.substr(0, comma)};
    if (comma != std::string::npos) v.args.push_back(inner.substr(comma + 1));
    add(v);
  };
  if (!out.empty() && analysis != "op") {
    for (const std::string& name : read) add_read(name);
    return out;
  }
  out.clear();
  seen.clear();
  // Node names are unique: no duplicate check, and each signal knows its node.
  out.reserve(c.node_names.size() + 64);
  for (size_t i = 1; i < c.node_names.size(); ++i) {
    out.push_back(Signal{"v(" + c.node_names[i] + ")", nullptr, static_cast<int>(i)});
  }
  // Like ngspice's default vectors: every node voltage and every branch current (V, E, H, B V=).
  for (const netlist::FlatElement& e : c.elements)
    if (e.kind == 'v' || e.kind == 'e' || e.kind == 'h' || (e.kind == 'l' && analysis == "tran") ||
        (e.kind == 'b' && !e.expressions.empty() && e.expressions[0].first == "v")) {
      netlist::OutputVar v;
      v.function = "i";
      v.args = {e.name};
      add(v);
    }
  // And what the measures read beyond those: differences, other currents, expressions.
  if (analysis != "op")
    for (const std::string& name : read)
      if (!(name.starts_with("v(") && name.find(',') == std::string::npos)) add_read(name);
  return out;
}

std::vector<BoundSignal> bind_signals(const std::vector<Signal>& signals, const netlist::Circuit& c,
                                      const DcSolver& solver) {
  std::vector<BoundSignal> out;
  out.reserve(signals.size());
  const int ground = solver.system().size();
  auto index = [&](const std::string& node) {
    auto id = c.find_node(node);
    if (!id) return ground;
    Unknown u = solver.node_unknown(*id);
    return u.is_ground() ? ground : u.value;
  };
  for (const Signal& s : signals) {
    BoundSignal b;
    if (s.node > 0) {
      const Unknown u = solver.node_unknown(netlist::NodeId{static_cast<uint32_t>(s.node)});
      b.a = u.is_ground() ? ground : u.value;
      b.b = ground;
      out.push_back(std::move(b));
      continue;
    }
    const netlist::OutputVar& v = *s.output;
    if (v.expr) {
      b.expr = v.expr;
    } else if (v.function == "v") {
      b.a = index(v.args.at(0));
      b.b = v.args.size() > 1 ? index(v.args[1]) : ground;
    } else {
      b.probe = solver.find_current(v.args.at(0));
    }
    out.push_back(std::move(b));
  }
  return out;
}

double read_signal(const BoundSignal& s, const netlist::Circuit& c, const DcSolver& solver) {
  if (s.expr) {
    netlist::EvalResult r = s.expr->evaluate(SolutionContext(c, solver));
    return r.ok() ? r.value : 0.0;
  }
  if (s.probe) return solver.current(*s.probe);
  if (s.a < 0) return 0.0;
  const std::vector<double>& x = solver.solution();
  return x[s.a] - x[s.b];
}

}  // namespace xb::engine
