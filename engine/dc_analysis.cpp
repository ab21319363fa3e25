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
  // HSPICE labels a data sweep with the table's first column.
  if (s.target == netlist::FlatSweep::Target::data) return s.data_columns.front();
  if (s.target == netlist::FlatSweep::Target::temperature) return "temp";
  // ngspice names a source sweep after the source, in lower case; HSPICE likewise.
  return s.variable;
}

double sweep_column_value(const netlist::FlatSweep& s, size_t point) {
  return s.target == netlist::FlatSweep::Target::data ? s.data_rows[point].front()
                                                      : s.points[point];
}

size_t sweep_size(const netlist::FlatSweep& s) {
  return s.target == netlist::FlatSweep::Target::data ? s.data_rows.size() : s.points.size();
}

namespace {

// What one sweep column sets, decided once on the deck's circuit; a source is bound to the
// circuit in use (a parameter change builds another).
struct SweepColumn {
  enum class Kind { source, temperature, param } kind;
  std::string name;
  DcSolver::ElementRef source;
};

std::vector<SweepColumn> classify_columns(const netlist::FlatSweep& s, const netlist::Circuit& c) {
  std::vector<SweepColumn> out;
  auto add = [&](const std::string& var) {
    const netlist::FlatElement* e = c.find_element(var);
    if (var == "temp")
      out.push_back({SweepColumn::Kind::temperature, var, {}});
    else if (e && (e->kind == 'v' || e->kind == 'i'))
      out.push_back({SweepColumn::Kind::source, var, {}});
    else
      out.push_back({SweepColumn::Kind::param, var, {}});
  };
  if (s.target == netlist::FlatSweep::Target::data)
    for (const std::string& col : s.data_columns) add(col);
  else
    add(s.variable);
  return out;
}

// Value of column `col` of sweep `s` at `point`.
double column_value(const netlist::FlatSweep& s, size_t point, size_t col) {
  return s.target == netlist::FlatSweep::Target::data ? s.data_rows[point][col] : s.points[point];
}

void add_work(AnalysisOutcome& out, const SolverCounters& c, int iterations, const Prepared& p) {
  out.counters += c;
  out.newton_iterations += iterations;
  out.unknowns = p.solver->system().size();
  out.nonzeros = p.solver->system().nnz();
  out.linear = p.solver->all_linear();
  out.linear_solver = std::string(p.solver->linear_solver());
}

class DcRun {
 public:
  DcRun(const netlist::FlatAnalysis& a, Prepared& base, const PrepareFn& rebuild,
        const std::function<void(size_t, size_t)>& progress)
      : a_(a), base_(base), rebuild_(rebuild), progress_(progress), p_(&base) {}

  AnalysisOutcome run();

 private:
  using Params = std::unordered_map<std::string, double>;
  bool use_circuit(const Params& params);
  void bind();
  Params params_at(size_t i, size_t o) const;
  std::optional<double> temperature_at(size_t i, size_t o) const;
  void set_sources(size_t i, size_t o);
  std::vector<double> sweep_values(size_t i, size_t o) const;
  void record(size_t i, size_t o);
  bool solve_batch(size_t o);
  bool solve_points(size_t o);
  void retire_owned();
  size_t point_of(size_t s, size_t i, size_t o) const { return s == 0 ? i : o; }

  const netlist::FlatAnalysis& a_;
  Prepared& base_;
  const PrepareFn& rebuild_;
  const std::function<void(size_t, size_t)>& progress_;
  AnalysisOutcome out_;
  Prepared* p_;
  std::unique_ptr<Prepared> owned_;  // the circuit of a parameter override
  Params params_;                    // the overrides p_ was made with ({} = base)
  double temperature_ = 27.0;
  std::vector<const netlist::FlatSweep*> sweeps_;
  std::vector<std::vector<SweepColumn>> columns_;  // per sweep
  std::vector<Signal> signals_;
  std::vector<BoundSignal> bound_;
  size_t inner_ = 1, outer_ = 1;
};

constexpr size_t kBatch = 64;  // right-hand sides per solve call, bounding the block's memory

AnalysisOutcome DcRun::run() {
  const SolverCounters counters_at_start = base_.solver->counters();
  const int iterations_at_start = base_.solver->newton_iterations();
  const netlist::Circuit& c = base_.circuit;
  out_.results.analysis = a_.name;
  out_.results.title = c.title;
  signals_ = select_signals(c, a_.name);
  temperature_ = c.temperatures.empty() ? 27.0 : c.temperatures[0];
  if (a_.kind == netlist::AnalysisKind::dc)
    for (const netlist::FlatSweep& s : a_.sweeps) sweeps_.push_back(&s);
  for (const netlist::FlatSweep* s : sweeps_) {
    out_.results.signals.push_back(sweep_column(*s));
    columns_.push_back(classify_columns(*s, c));
  }
  for (const Signal& s : signals_) out_.results.signals.push_back(s.name);
  inner_ = sweeps_.empty() ? 1 : sweep_size(*sweeps_[0]);
  outer_ = sweeps_.size() < 2 ? 1 : sweep_size(*sweeps_[1]);

  base_.solver->set_temperature(temperature_);
  bind();
  // The base's own source values, restored when the sweep is done.
  std::vector<std::pair<DcSolver::ElementRef, double>> saved;
  for (const auto& cols : columns_)
    for (const SweepColumn& col : cols)
      if (col.kind == SweepColumn::Kind::source)
        saved.emplace_back(col.source, col.source.group->source_value(col.source.index));

  const bool inner_sources_only =
      inner_ > 1 && !columns_.empty() &&
      std::all_of(columns_[0].begin(), columns_[0].end(),
                  [](const SweepColumn& col) { return col.kind == SweepColumn::Kind::source; });
  for (size_t o = 0; o < outer_ && out_.status.ok; ++o) {
    if (!use_circuit(params_at(0, o))) break;
    if (inner_sources_only && p_->solver->all_linear())
      solve_batch(o);
    else
      solve_points(o);
  }
  retire_owned();
  for (const auto& [ref, value] : saved) base_.solver->set_source(ref, value);
  base_.solver->set_temperature(temperature_);
  add_work(out_, base_.solver->counters() - counters_at_start,
           base_.solver->newton_iterations() - iterations_at_start, base_);
  return std::move(out_);
}

void DcRun::retire_owned() {
  if (owned_ && owned_->solver)
    add_work(out_, owned_->solver->counters(), owned_->solver->newton_iterations(), *owned_);
  owned_.reset();
}

bool DcRun::use_circuit(const Params& params) {
  if (params == params_) return true;
  retire_owned();
  params_ = params;
  if (params.empty()) {
    p_ = &base_;
  } else {
    owned_ = rebuild_(params);
    p_ = owned_.get();
    if (!p_->status.ok) {
      out_.status = p_->status;
      out_.diagnostics = p_->diagnostics;
      return false;
    }
  }
  p_->solver->set_temperature(temperature_);
  bind();
  return true;
}

void DcRun::bind() {
  bound_ = bind_signals(signals_, p_->circuit, *p_->solver);
  for (auto& cols : columns_)
    for (SweepColumn& col : cols)
      if (col.kind == SweepColumn::Kind::source) col.source = *p_->solver->find_element(col.name);
}

DcRun::Params DcRun::params_at(size_t i, size_t o) const {
  Params params;
  for (size_t s = sweeps_.size(); s-- > 0;)  // the inner sweep wins, as it is applied last
    for (size_t k = 0; k < columns_[s].size(); ++k)
      if (columns_[s][k].kind == SweepColumn::Kind::param)
        params[columns_[s][k].name] = column_value(*sweeps_[s], point_of(s, i, o), k);
  if (base_.circuit.reads_temper)
    if (std::optional<double> t = temperature_at(i, o)) params[kTemperatureOverride] = *t;
  return params;
}

std::optional<double> DcRun::temperature_at(size_t i, size_t o) const {
  std::optional<double> t;
  for (size_t s = sweeps_.size(); s-- > 0;)
    for (size_t k = 0; k < columns_[s].size(); ++k)
      if (columns_[s][k].kind == SweepColumn::Kind::temperature)
        t = column_value(*sweeps_[s], point_of(s, i, o), k);
  return t;
}

void DcRun::set_sources(size_t i, size_t o) {
  for (size_t s = sweeps_.size(); s-- > 0;)
    for (size_t k = 0; k < columns_[s].size(); ++k)
      if (columns_[s][k].kind == SweepColumn::Kind::source)
        p_->solver->set_source(columns_[s][k].source,
                               column_value(*sweeps_[s], point_of(s, i, o), k));
}

std::vector<double> DcRun::sweep_values(size_t i, size_t o) const {
  std::vector<double> row;
  for (size_t s = 0; s < sweeps_.size(); ++s)
    row.push_back(sweep_column_value(*sweeps_[s], point_of(s, i, o)));
  return row;
}

void DcRun::record(size_t i, size_t o) {
  std::vector<double> row = sweep_values(i, o);
  for (const BoundSignal& s : bound_) row.push_back(read_signal(s, p_->circuit, *p_->solver));
  out_.results.rows.push_back(std::move(row));
  if (progress_) progress_(o * inner_ + i + 1, outer_ * inner_);
}

// A linear circuit whose inner points differ only in source values: one factorization, the
// right-hand sides solved in blocks.
bool DcRun::solve_batch(size_t o) {
  if (std::optional<double> t = temperature_at(0, o)) p_->solver->set_temperature(*t);
  const size_t n = p_->solver->system().size();
  std::vector<double> block;
  for (size_t i0 = 0; i0 < inner_; i0 += kBatch) {
    const size_t count = std::min(kBatch, inner_ - i0);
    block.clear();
    block.reserve(n * count);
    for (size_t i = i0; i < i0 + count; ++i) {
      set_sources(i, o);
      std::vector<double> rhs = p_->solver->rhs_at_zero();
      block.insert(block.end(), rhs.begin(), rhs.end());
    }
    SolveStatus st = p_->solver->solve_many(block, static_cast<int>(count));
    if (!st.ok) return out_.status = st, false;
    for (size_t i = i0; i < i0 + count; ++i) {
      p_->solver->set_solution(block.data() + (i - i0) * n);
      record(i, o);
    }
  }
  return true;
}

bool DcRun::solve_points(size_t o) {
  for (size_t i = 0; i < inner_; ++i) {
    if (!use_circuit(params_at(i, o))) return false;
    set_sources(i, o);
    if (std::optional<double> t = temperature_at(i, o)) p_->solver->set_temperature(*t);
    SolveStatus st = p_->solver->solve();
    if (!st.ok) {
      if (!sweeps_.empty())
        st.message +=
            " at " + out_.results.signals[0] + " = " + std::to_string(sweep_values(i, o)[0]);
      return out_.status = st, false;
    }
    record(i, o);
  }
  return true;
}

}  // namespace

AnalysisOutcome run_dc_analysis(const netlist::FlatAnalysis& a, Prepared& base,
                                const PrepareFn& rebuild,
                                const std::function<void(size_t, size_t)>& progress) {
  return DcRun(a, base, rebuild, progress).run();
}

AnalysisOutcome run_dc_analysis(size_t index, const PrepareFn& prepare,
                                const std::function<void(size_t, size_t)>& progress) {
  return on_fresh_circuit<AnalysisOutcome>(index, prepare,
                                           [&](const netlist::FlatAnalysis& a, Prepared& base) {
                                             return run_dc_analysis(a, base, prepare, progress);
                                           });
}

}  // namespace xb::engine
