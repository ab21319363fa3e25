#include "engine/dc_analysis.hpp"

#include "engine/signals.hpp"

namespace xb::engine {
namespace {

// What one sweep point sets.
struct PointSettings {
  std::vector<std::pair<std::string, double>> sources;
  std::optional<double> temperature;
  std::unordered_map<std::string, double> params;
};

void apply_sweep(const netlist::FlatSweep& s, size_t point, const netlist::Circuit& c,
                 PointSettings& out) {
  auto assign = [&](const std::string& var, double value) {
    const netlist::FlatElement* e = c.find_element(var);
    if (var == "temp")
      out.temperature = value;
    else if (e && (e->kind == 'v' || e->kind == 'i'))
      out.sources.emplace_back(var, value);
    else
      out.params[var] = value;
  };
  if (s.target == netlist::FlatSweep::Target::data) {
    for (size_t col = 0; col < s.data_columns.size(); ++col)
      assign(s.data_columns[col], s.data_rows[point][col]);
    return;
  }
  assign(s.variable, s.points[point]);
}

std::string sweep_label(const netlist::FlatSweep& s) {
  if (s.target == netlist::FlatSweep::Target::data) return "index";
  if (s.target == netlist::FlatSweep::Target::temperature) return "temp";
  // ngspice names a source sweep after the source, in lower case; HSPICE likewise.
  return s.variable;
}

}  // namespace

namespace {

void add_work(AnalysisOutcome& out, const Prepared& p) {
  if (!p.solver) return;
  const SolverCounters& c = p.solver->counters();
  out.counters.analyze += c.analyze, out.counters.analyze_s += c.analyze_s;
  out.counters.factor += c.factor, out.counters.factor_s += c.factor_s;
  out.counters.refactor += c.refactor, out.counters.refactor_s += c.refactor_s;
  out.counters.solve += c.solve, out.counters.solve_s += c.solve_s;
  out.newton_iterations += p.solver->newton_iterations();
  out.unknowns = p.solver->system().size();
  out.nonzeros = p.solver->system().nnz();
  out.linear = p.solver->all_linear();
}

AnalysisOutcome run(size_t index, const PrepareFn& prepare,
                    const std::function<void(size_t, size_t)>& progress,
                    std::unique_ptr<Prepared>& p);

}  // namespace

AnalysisOutcome run_dc_analysis(size_t index, const PrepareFn& prepare,
                                const std::function<void(size_t, size_t)>& progress) {
  std::unique_ptr<Prepared> p;
  AnalysisOutcome out = run(index, prepare, progress, p);
  if (p) add_work(out, *p);
  return out;
}

namespace {

AnalysisOutcome run(size_t index, const PrepareFn& prepare,
                    const std::function<void(size_t, size_t)>& progress,
                    std::unique_ptr<Prepared>& p) {
  AnalysisOutcome out;
  std::unordered_map<std::string, double> current_params;
  p = prepare(current_params);
  if (!p->status.ok) return out.status = p->status, out;
  const netlist::FlatAnalysis a = p->circuit.analyses.at(index);
  out.results.analysis = a.name;
  out.results.title = p->circuit.title;
  std::vector<Signal> signals = select_signals(p->circuit, a.name);
  const double temperature = p->circuit.temperatures.empty() ? 27.0 : p->circuit.temperatures[0];
  p->solver->set_temperature(temperature);

  std::vector<const netlist::FlatSweep*> sweeps;
  if (a.kind == netlist::AnalysisKind::dc)
    for (const netlist::FlatSweep& s : a.sweeps) sweeps.push_back(&s);
  for (const netlist::FlatSweep* s : sweeps) out.results.signals.push_back(sweep_label(*s));
  for (const Signal& s : signals) out.results.signals.push_back(s.name);

  const size_t inner = sweeps.empty() ? 1
                                      : (sweeps[0]->target == netlist::FlatSweep::Target::data
                                             ? sweeps[0]->data_rows.size()
                                             : sweeps[0]->points.size());
  const size_t outer = sweeps.size() < 2 ? 1
                                         : (sweeps[1]->target == netlist::FlatSweep::Target::data
                                                ? sweeps[1]->data_rows.size()
                                                : sweeps[1]->points.size());
  for (size_t o = 0; o < outer; ++o) {
    for (size_t i = 0; i < inner; ++i) {
      PointSettings settings;
      std::vector<double> row;
      if (sweeps.size() > 1) apply_sweep(*sweeps[1], o, p->circuit, settings);
      if (!sweeps.empty()) apply_sweep(*sweeps[0], i, p->circuit, settings);
      for (const netlist::FlatSweep* s : sweeps) {
        size_t k = s == sweeps[0] ? i : o;
        row.push_back(s->target == netlist::FlatSweep::Target::data ? static_cast<double>(k + 1)
                                                                    : s->points[k]);
      }
      if (settings.params != current_params) {
        current_params = settings.params;
        add_work(out, *p);
        p = prepare(current_params);
        if (!p->status.ok) return out.status = p->status, out;
        p->solver->set_temperature(temperature);
      }
      for (const auto& [name, value] : settings.sources) p->solver->set_source_value(name, value);
      if (settings.temperature) p->solver->set_temperature(*settings.temperature);
      SolveStatus st = p->solver->solve();
      if (!st.ok) {
        if (!sweeps.empty()) {
          st.message += " at " + out.results.signals[0] + " = " + std::to_string(row[0]);
        }
        out.status = st;
        return out;
      }
      for (const Signal& s : signals) {
        std::string error;
        row.push_back(read_signal(s, p->circuit, *p->solver, error).value_or(0.0));
      }
      out.results.rows.push_back(std::move(row));
      if (progress) progress(o * inner + i + 1, outer * inner);
    }
  }
  return out;
}

}  // namespace
}  // namespace xb::engine
