#include "engine/dc_analysis.hpp"

#include <algorithm>

#include "engine/signals.hpp"

namespace xb::engine {
void apply_sweep_point(const netlist::FlatSweep& s, size_t point, const netlist::Circuit& c,
                       SweepPointSettings& out) {
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

std::string sweep_column(const netlist::FlatSweep& s) {
  if (s.target == netlist::FlatSweep::Target::data) return "index";
  if (s.target == netlist::FlatSweep::Target::temperature) return "temp";
  // ngspice names a source sweep after the source, in lower case; HSPICE likewise.
  return s.variable;
}

double sweep_column_value(const netlist::FlatSweep& s, size_t point) {
  return s.target == netlist::FlatSweep::Target::data ? static_cast<double>(point + 1)
                                                      : s.points[point];
}

size_t sweep_size(const netlist::FlatSweep& s) {
  return s.target == netlist::FlatSweep::Target::data ? s.data_rows.size() : s.points.size();
}

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
  for (const netlist::FlatSweep* s : sweeps) out.results.signals.push_back(sweep_column(*s));
  for (const Signal& s : signals) out.results.signals.push_back(s.name);

  const size_t inner = sweeps.empty() ? 1 : sweep_size(*sweeps[0]);
  const size_t outer = sweeps.size() < 2 ? 1 : sweep_size(*sweeps[1]);
  std::vector<BoundSignal> bound = bind_signals(signals, p->circuit, *p->solver);
  auto rebuild = [&](const std::unordered_map<std::string, double>& params) {
    current_params = params;
    add_work(out, *p);
    p = prepare(current_params);
    if (!p->status.ok) return false;
    p->solver->set_temperature(temperature);
    bound = bind_signals(signals, p->circuit, *p->solver);
    return true;
  };
  auto sweep_values = [&](size_t i, size_t o) {
    std::vector<double> row;
    for (const netlist::FlatSweep* s : sweeps) {
      row.push_back(sweep_column_value(*s, s == sweeps[0] ? i : o));
    }
    return row;
  };
  auto record = [&](std::vector<double> row) {
    for (const BoundSignal& s : bound) row.push_back(read_signal(s, p->circuit, *p->solver));
    out.results.rows.push_back(std::move(row));
  };
  constexpr size_t kBatch = 64;  // right-hand sides per KLU call, bounding the block's memory
  for (size_t o = 0; o < outer; ++o) {
    std::vector<SweepPointSettings> points(inner);
    for (size_t i = 0; i < inner; ++i) {
      if (sweeps.size() > 1) apply_sweep_point(*sweeps[1], o, p->circuit, points[i]);
      if (!sweeps.empty()) apply_sweep_point(*sweeps[0], i, p->circuit, points[i]);
    }
    // Linear circuit, inner points differing only in source values: one factorization, all
    // right-hand sides solved together.
    bool batch =
        inner > 1 && std::all_of(points.begin(), points.end(), [&](const SweepPointSettings& s) {
          return s.params == points[0].params && !s.temperature;
        });
    if (batch && points[0].params != current_params && !rebuild(points[0].params))
      return out.status = p->status, out;
    batch = batch && p->solver->all_linear();
    for (size_t i0 = 0; batch && i0 < inner; i0 += kBatch) {
      const size_t count = std::min(kBatch, inner - i0);
      const size_t n = p->solver->system().size();
      std::vector<double> block;
      block.reserve(n * count);
      for (size_t i = i0; i < i0 + count; ++i) {
        for (const auto& [name, value] : points[i].sources)
          p->solver->set_source_value(name, value);
        std::vector<double> rhs = p->solver->rhs_at_zero();
        block.insert(block.end(), rhs.begin(), rhs.end());
      }
      SolveStatus st = p->solver->solve_many(block, static_cast<int>(count));
      if (!st.ok) return out.status = st, out;
      for (size_t i = i0; i < i0 + count; ++i) {
        p->solver->set_solution(block.data() + (i - i0) * n);
        record(sweep_values(i, o));
        if (progress) progress(o * inner + i + 1, outer * inner);
      }
    }
    for (size_t i = 0; !batch && i < inner; ++i) {
      const SweepPointSettings& settings = points[i];
      if (settings.params != current_params && !rebuild(settings.params))
        return out.status = p->status, out;
      for (const auto& [name, value] : settings.sources) p->solver->set_source_value(name, value);
      if (settings.temperature) p->solver->set_temperature(*settings.temperature);
      SolveStatus st = p->solver->solve();
      if (!st.ok) {
        std::vector<double> row = sweep_values(i, o);
        if (!sweeps.empty())
          st.message += " at " + out.results.signals[0] + " = " + std::to_string(row[0]);
        return out.status = st, out;
      }
      record(sweep_values(i, o));
      if (progress) progress(o * inner + i + 1, outer * inner);
    }
  }
  return out;
}

}  // namespace
}  // namespace xb::engine
