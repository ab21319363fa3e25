#include "frontends/session/session.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "engine/ac_analysis.hpp"
#include "engine/sens_analysis.hpp"
#include "engine/tf_analysis.hpp"
#include "frontends/session/simulation.hpp"
#include "netlist/elaborate.hpp"

namespace xb::session {

// A run is the main deck or an .alter variant (HSPICE reruns the whole deck for each), at one
// of its .temp values when it lists several (HSPICE runs every analysis at each).
struct Run {
  size_t variant = 0;                 // 0: the main deck, k: .alter block k
  std::optional<double> temperature;  // set: elaborate at it (not the variant's first .temp)
  std::string label;                  // "" for a lone main run
};

struct Session::State {
  LoadedDeck loaded;
  std::vector<netlist::Deck> alter_decks;  // variant k > 0: the main deck with .alter k applied
  const netlist::Deck& variant_deck(size_t k) const {
    return k == 0 ? loaded.deck : alter_decks[k - 1];
  }
  const netlist::Deck& deck_of(size_t r) const { return variant_deck(list[r].variant); }
  std::vector<Run> list;
  size_t runs() const { return list.size(); }
  size_t run = 0;
  // Overrides every circuit of run `r` is elaborated with (its temperature, if not the first).
  std::unordered_map<std::string, double> overrides_of(size_t r) const {
    std::unordered_map<std::string, double> all = param_overrides;
    if (list[r].temperature) all[engine::kTemperatureOverride] = *list[r].temperature;
    return all;
  }
  std::unordered_map<std::string, double> param_overrides;  // override_param, at each reset
  // Each variant's load-time circuit, kept until its first run is prepared, so that the first
  // preparation costs no second elaboration.
  std::vector<std::optional<netlist::Circuit>> elaborated;
  std::unique_ptr<engine::Prepared> prepared;
  netlist::Diagnostics diagnostics;  // everything so far (load, build, analyses)
  uint64_t generation = 0;           // of `prepared`: handles made on an older one are stale
  bool deck_released = false;
  void require_deck(const std::string& what) const {
    if (deck_released) throw SessionError(what + " elaborates the deck again, which was released");
  }
};

namespace {

// `context` starts each message ("Monte Carlo sample 3: ").
void append(netlist::Diagnostics& to, const netlist::Diagnostics& from,
            const std::string& context = "") {
  for (const netlist::Diagnostic& d : from.items()) {
    // A warning of the deck comes again with every elaboration (each reset): say it once.
    const bool repeated =
        d.severity == netlist::Severity::warning && context.empty() &&
        std::any_of(to.items().begin(), to.items().end(), [&](const netlist::Diagnostic& seen) {
          return seen.severity == d.severity && seen.code == d.code && seen.message == d.message &&
                 seen.loc.file == d.loc.file && seen.loc.line == d.loc.line &&
                 seen.loc.col == d.loc.col && seen.instance_path == d.instance_path;
        });
    if (repeated) continue;
    netlist::Diagnostic& copy = d.severity == netlist::Severity::error
                                    ? to.error(d.code, d.loc, context + d.message)
                                    : to.warning(d.code, d.loc, context + d.message);
    copy.instance_path = d.instance_path;
    copy.notes = d.notes;
  }
}

std::string lower(std::string_view text) {
  std::string out;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Session::Session(std::unique_ptr<State> state) : s_(std::move(state)) {}
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;
Session::~Session() = default;

Session Session::open(const std::string& path) {
  return from_loaded(load_deck(path));
}

Session Session::from_deck(netlist::Deck deck) {
  return from_loaded(elaborate_deck(std::move(deck)));
}

Session Session::from_loaded(LoadedDeck loaded) {
  auto state = std::make_unique<State>();
  State& s = *state;
  s.loaded = std::move(loaded);
  append(s.diagnostics, s.loaded.diagnostics);
  if (s.loaded.ok()) {
    for (size_t i = 0; i < s.loaded.deck.alters.size(); ++i)
      s.alter_decks.push_back(netlist::apply_alter(s.loaded.deck, i));
    for (size_t k = 0; k < s.loaded.runs.size(); ++k) {
      const std::vector<double>& temps = s.loaded.runs[k].temperatures;
      const std::string alter = k == 0 ? "" : ".alter " + std::to_string(k);
      if (temps.size() <= 1) s.list.push_back({k, std::nullopt, alter});
      for (size_t t = 0; temps.size() > 1 && t < temps.size(); ++t) {
        char label[64];
        std::snprintf(label, sizeof label, "%s%stemperature %g", alter.c_str(),
                      alter.empty() ? "" : ", ", temps[t]);
        s.list.push_back({k, t == 0 ? std::nullopt : std::optional<double>(temps[t]), label});
      }
      s.elaborated.emplace_back(std::move(s.loaded.runs[k]));
    }
    // The load drew sample 1 for a .control deck that reads agauss(): so does every reset.
    if (!s.loaded.deck.control.empty() && s.elaborated.front() &&
        s.elaborated.front()->draws_random)
      s.param_overrides[engine::kMonteCarloSampleOverride] = 1;
    s.loaded.runs.clear();  // moved: each is prepared once, on first use
  }
  Session session(std::move(state));
  session.select_run(0);
  return session;
}

bool Session::loaded_ok() const {
  return s_->loaded.ok();
}
bool Session::ok() const {
  return !s_->diagnostics.has_errors();
}
const netlist::Diagnostics& Session::diagnostics() const {
  return s_->diagnostics;
}
std::string Session::format_diagnostics() const {
  return s_->diagnostics.format(*s_->loaded.deck.sources);
}
std::string Session::format_diagnostics(size_t first) const {
  return s_->diagnostics.format(*s_->loaded.deck.sources, first, false);
}
const netlist::Deck& Session::deck() const {
  return s_->loaded.deck;
}

size_t Session::run_count() const {
  return s_->runs();
}
size_t Session::selected_run() const {
  return s_->run;
}
std::string Session::run_label(size_t run) const {
  return run < s_->list.size() ? s_->list[run].label : "";
}

void Session::select_run(size_t run) {
  State& s = *s_;
  if (!s.loaded.ok()) return;
  if (run >= s.runs())
    throw SessionError("run " + std::to_string(run) + " does not exist: the deck has " +
                       std::to_string(s.runs()) + " run(s)");
  s.run = run;
  reset();
}

void Session::reset() {
  State& s = *s_;
  if (!s.loaded.ok()) return;
  s.require_deck("reset()");
  std::optional<netlist::Circuit> elaborated;
  if (!s.list[s.run].temperature) elaborated.swap(s.elaborated[s.list[s.run].variant]);
  s.prepared = prepare_circuit(s.deck_of(s.run), s.overrides_of(s.run), std::move(elaborated));
  ++s.generation;
  append(s.diagnostics, s.prepared->diagnostics);
  if (!s.prepared->status.ok && s.prepared->diagnostics.items().empty()) {
    s.diagnostics.error("topology", s.prepared->status.loc, s.prepared->status.message);
  }
}

void Session::override_param(std::string_view name, double value) {
  s_->require_deck("override_param()");
  s_->param_overrides[lower(name)] = value;
}

void Session::set_monte_carlo_sample(std::optional<uint64_t> sample) {
  s_->require_deck("set_monte_carlo_sample()");
  if (sample)
    s_->param_overrides[engine::kMonteCarloSampleOverride] = static_cast<double>(*sample);
  else
    s_->param_overrides.erase(engine::kMonteCarloSampleOverride);
}

std::optional<uint64_t> Session::monte_carlo_sample() const {
  const auto it = s_->param_overrides.find(engine::kMonteCarloSampleOverride);
  if (it == s_->param_overrides.end()) return std::nullopt;
  return static_cast<uint64_t>(it->second);
}

void Session::release_deck() {
  State& s = *s_;
  netlist::Deck kept;
  kept.title = std::move(s.loaded.deck.title);
  kept.sources = std::move(s.loaded.deck.sources);
  s.loaded.deck = std::move(kept);
  s.alter_decks.clear();
  s.elaborated.clear();
  s.deck_released = true;
}

bool Session::elaborates_again(const netlist::FlatAnalysis& a) {
  using Target = netlist::FlatSweep::Target;
  return a.monte_samples > 0 ||
         std::any_of(a.sweeps.begin(), a.sweeps.end(),
                     [](const netlist::FlatSweep& w) { return w.target != Target::source; });
}

engine::Prepared& Session::prepared() const {
  if (!s_->prepared)
    throw SessionError("the deck has errors; no circuit to simulate:\n" + format_diagnostics());
  if (!s_->prepared->status.ok)
    throw SessionError("the circuit cannot be simulated: " + s_->prepared->status.message);
  return *s_->prepared;
}

const netlist::Circuit& Session::circuit() const {
  if (!s_->prepared) throw SessionError("the deck has errors; no circuit");
  return s_->prepared->circuit;
}

size_t Session::analysis_count() const {
  return s_->prepared ? s_->prepared->circuit.analyses.size() : 0;
}

const netlist::FlatAnalysis& Session::analysis(size_t index) const {
  const netlist::Circuit& c = circuit();
  if (index >= c.analyses.size())
    throw SessionError("analysis " + std::to_string(index) + " does not exist: the deck has " +
                       std::to_string(c.analyses.size()));
  return c.analyses[index];
}

// ---- analyses ----

Outcome Session::run(size_t index, const Progress& progress) {
  const netlist::FlatAnalysis a = analysis(index);
  return run(a, progress);
}

Outcome Session::run(const netlist::FlatAnalysis& a, const Progress& progress) {
  Outcome out;
  if (!s_->prepared || !s_->prepared->status.ok) {
    out.status = s_->prepared ? s_->prepared->status
                              : engine::SolveStatus{false, "the deck has errors", {}, 0, true};
    return out;
  }
  if (a.monte_samples > 0)
    throw SessionError("." + a.name + " is a Monte Carlo analysis: run it with monte_carlo()");
  if (elaborates_again(a))
    s_->require_deck("." + a.name + " (it sweeps a parameter, the temperature or a .data table)");
  out = run_on(*s_->prepared, a, s_->overrides_of(s_->run), progress, "");
  if (a.kind == netlist::AnalysisKind::tran) hold_device_states();
  return out;
}

Outcome Session::run_on(engine::Prepared& p, const netlist::FlatAnalysis& a,
                        const std::unordered_map<std::string, double>& run_overrides,
                        const Progress& progress, const std::string& context) {
  Outcome out;
  const netlist::Deck& deck = s_->deck_of(s_->run);
  if (a.kind == netlist::AnalysisKind::tran) {
    out = engine::run_transient_analysis(a, p, progress);
  } else if (a.kind == netlist::AnalysisKind::op || a.kind == netlist::AnalysisKind::dc) {
    auto rebuild = [&](const std::unordered_map<std::string, double>& overrides) {
      std::unordered_map<std::string, double> all = run_overrides;
      for (const auto& [name, value] : overrides) all[name] = value;  // the sweep's win
      return prepare_circuit(deck, all);
    };
    static_cast<engine::AnalysisOutcome&>(out) = engine::run_dc_analysis(a, p, rebuild, progress);
  } else if (a.kind == netlist::AnalysisKind::ac) {
    static_cast<engine::AnalysisOutcome&>(out) = engine::run_ac_analysis(a, p, progress);
  } else if (a.kind == netlist::AnalysisKind::tf) {
    static_cast<engine::AnalysisOutcome&>(out) = engine::run_transfer_function(a, p);
  } else if (a.kind == netlist::AnalysisKind::sens) {
    static_cast<engine::AnalysisOutcome&>(out) = engine::run_sensitivity(a, p);
  } else {
    out.status = {false,
                  "." + a.name + " is not simulated yet (only .op, .dc, .ac, .tf, .sens and .tran)",
                  a.loc, 0, false};
    record_failure(out, a, "unsupported", context);
    return out;
  }
  if (!out.status.ok)
    record_failure(out, a, out.status.input_error ? "device" : "simulation", context);
  else if (a.kind == netlist::AnalysisKind::tran)
    fourier_tables(out, p.circuit, context);
  return out;
}

size_t Session::monte_carlo(const netlist::FlatAnalysis& a, const SampleSink& sink,
                            const Progress& progress) {
  if (a.monte_samples == 0) throw SessionError("." + a.name + " is not a Monte Carlo analysis");
  if (!s_->prepared || !s_->prepared->status.ok)
    throw SessionError("the deck has errors; no circuit to simulate:\n" + format_diagnostics());
  s_->require_deck("a Monte Carlo analysis");
  netlist::FlatAnalysis one = a;  // each sample runs the analysis once
  one.monte_samples = 0;
  size_t failed = 0;
  for (size_t k = 0; k < a.monte_samples; ++k) {
    const size_t sample = a.monte_first + k;
    std::unordered_map<std::string, double> overrides = s_->overrides_of(s_->run);
    overrides[engine::kMonteCarloSampleOverride] = static_cast<double>(sample);
    std::unique_ptr<engine::Prepared> p = prepare_circuit(s_->deck_of(s_->run), overrides);
    Outcome out;
    const std::string where = "Monte Carlo sample " + std::to_string(sample) + ": ";
    if (!p->status.ok) {
      out.status = p->status;
      append(s_->diagnostics, p->diagnostics, where);
      if (p->diagnostics.items().empty())
        s_->diagnostics.error("topology", p->status.loc, where + p->status.message);
    } else {
      out = run_on(*p, one, overrides, {}, where);
    }
    failed += out.status.ok ? 0 : 1;
    if (sink) sink(sample, out, p->circuit);
    if (progress) progress(k + 1, a.monte_samples);
  }
  return failed;
}

void Session::fourier_tables(Outcome& out, const netlist::Circuit& c, const std::string& context) {
  for (const netlist::FlatFourier& f : c.fouriers) {
    engine::FourierOutcome four = engine::fourier_analysis(out.results, f);
    for (engine::FourierTable& t : four.tables) out.fourier.push_back(std::move(t));
    for (const std::string& error : four.errors) {
      s_->diagnostics.error("fourier", f.loc, context + error);
      out.status = {false, error, f.loc, 0, true};
    }
  }
}

void Session::record_failure(const Outcome& out, const netlist::FlatAnalysis& a, const char* code,
                             const std::string& context) {
  if (!out.diagnostics.items().empty()) {
    append(s_->diagnostics, out.diagnostics, context);
    return;
  }
  const netlist::SourceLoc loc = out.status.loc.valid() ? out.status.loc : a.loc;
  const bool unsupported = std::string_view(code) == "unsupported";
  s_->diagnostics.error(
      code, loc, context + out.status.message + (unsupported ? "" : " (in ." + a.name + ")"));
}

Outcome Session::op() {
  netlist::FlatAnalysis a;
  a.kind = netlist::AnalysisKind::op;
  a.name = "op";
  return run(a);
}

Outcome Session::dc(std::string_view source_name, double start, double stop, double step) {
  const SourceHandle src = source(source_name);
  netlist::FlatAnalysis a;
  a.kind = netlist::AnalysisKind::dc;
  a.name = "dc";
  netlist::FlatSweep sweep;
  sweep.target = netlist::FlatSweep::Target::source;
  sweep.variable = src.name;
  std::string error;
  sweep.points = netlist::sweep_points(netlist::Sweep::Kind::linear_step, start, stop, step, error);
  if (!error.empty()) throw SessionError("dc sweep of " + src.name + ": " + error);
  a.sweeps.push_back(std::move(sweep));
  return run(a);
}

Outcome Session::tran(double tstep, double tstop, bool uic) {
  if (!(tstep > 0) || !(tstop > 0)) throw SessionError("tran needs a positive tstep and tstop");
  netlist::FlatAnalysis a;
  a.kind = netlist::AnalysisKind::tran;
  a.name = "tran";
  a.tstep = tstep;
  a.tstop = tstop;
  a.uic = uic;
  return run(a);
}

engine::SolveStatus Session::solve() {
  return prepared().solver->solve();
}

void Session::set_chord_steps(bool on) {
  prepared().solver->set_reuse_factorization(on);
}

// What a transient leaves on the state nodes is what DC analyses hold from now on.
void Session::hold_device_states() {
  engine::DcSolver& solver = *s_->prepared->solver;
  for (const auto& g : solver.groups()) g->hold_states(solver.solution().data());
}

void Session::check(const Handle& h) const {
  if (h.generation != s_->generation)
    throw SessionError("handle " + h.name +
                       " was made before reset() or select_run(); make it again");
}

// ---- handles ----

SourceHandle Session::source(std::string_view name) const {
  const std::string key = lower(name);
  std::optional<engine::DcSolver::ElementRef> ref = prepared().solver->find_element(key);
  if (!ref) throw SessionError("no element " + key + " in the circuit");
  if (!ref->group->is_source(ref->index))
    throw SessionError(key + " is not an independent V or I source");
  return {{key, s_->generation}, *ref};
}

DeviceHandle Session::device(std::string_view name) const {
  const std::string key = lower(name);
  std::optional<engine::DcSolver::ElementRef> ref = prepared().solver->find_element(key);
  if (!ref) throw SessionError("no element " + key + " in the circuit");
  return {{key, s_->generation}, *ref};
}

ParamHandle Session::param(const DeviceHandle& device, std::string_view name) const {
  check(device);
  const std::string key = lower(name);
  std::optional<int> id = device.ref.group->parameter_id(key);
  if (!id) {
    std::string valid;
    for (std::string_view n : device.ref.group->parameter_names())
      valid += (valid.empty() ? "" : " ") + std::string(n);
    throw SessionError("element " + device.name + " (" +
                       std::string(device.ref.group->type_name()) +
                       ") has no settable parameter '" + key + "'" +
                       (valid.empty() ? "" : " (settable: " + valid + ")"));
  }
  return {{device.name + "." + key, s_->generation}, device, *id};
}

ProbeHandle Session::probe(std::string_view text) const {
  const std::string t = lower(text);
  const size_t open = t.find('(');
  if (open == std::string::npos || t.back() != ')' || open == 0)
    throw SessionError("probe '" + std::string(text) + "': expected v(node), v(a,b) or i(element)");
  netlist::OutputVar v;
  v.function = t.substr(0, open);
  const std::string inner = t.substr(open + 1, t.size() - open - 2);
  const size_t comma = inner.find(',');
  v.args.push_back(inner.substr(0, comma));
  if (comma != std::string::npos) v.args.push_back(inner.substr(comma + 1));
  const engine::Prepared& p = prepared();
  if (v.function == "v") {
    for (const std::string& node : v.args)
      if (node.empty() || !p.circuit.find_node(node))
        throw SessionError("probe " + t + ": no node '" + node + "' in the circuit");
  } else if (v.function == "i" && v.args.size() == 1) {
    if (!p.solver->find_current(v.args[0]))
      throw SessionError("probe " + t + ": no element '" + v.args[0] + "' in the circuit");
  } else {
    throw SessionError("probe '" + std::string(text) + "': expected v(node), v(a,b) or i(element)");
  }
  const engine::Signal signal = engine::Signal::of(t, v);
  return {{t, s_->generation}, engine::bind_signals({signal}, p.circuit, *p.solver).front()};
}

void Session::set(const SourceHandle& source, double value) {
  check(source);
  prepared().solver->set_source(source.ref, value);
}

void Session::set_waveform(const SourceHandle& source, netlist::SourceFunction function,
                           const std::vector<double>& args) {
  check(source);
  const netlist::FlatElement* e = prepared().circuit.find_element(source.name);
  netlist::FlatSource changed = e && e->source ? *e->source : netlist::FlatSource{};
  changed.function = function;
  changed.args = args;
  if (std::string why = source.ref.group->set_waveform(source.ref.index, changed); !why.empty())
    throw SessionError(source.name + " " + why);
}

double Session::value(const SourceHandle& source) const {
  check(source);
  return source.ref.group->source_value(source.ref.index);
}

void Session::set(const ParamHandle& param, double value) {
  check(param);
  const std::string error = prepared().solver->set_parameter(param.device.ref, param.id, value);
  if (!error.empty()) throw SessionError("element " + param.device.name + ": " + error);
}

double Session::get(const ParamHandle& param) const {
  check(param);
  return param.device.ref.group->parameter(param.device.ref.index, param.id);
}

void Session::set_param(const DeviceHandle& device, std::string_view name, double value) {
  set(param(device, name), value);
}

double Session::get_param(const DeviceHandle& device, std::string_view name) const {
  return get(param(device, name));
}

bool Session::has_state(const DeviceHandle& device) const {
  check(device);
  return device.ref.group->state_unknown(device.ref.index).has_value();
}

double Session::state(const DeviceHandle& device) const {
  check(device);
  std::optional<int> row = device.ref.group->state_unknown(device.ref.index);
  if (!row) throw SessionError("element " + device.name + " has no state");
  return prepared().solver->solution()[*row];
}

void Session::set_state(const DeviceHandle& device, double x) {
  check(device);
  std::optional<int> row = device.ref.group->state_unknown(device.ref.index);
  if (!row) throw SessionError("element " + device.name + " has no state");
  if (!(x >= 0 && x <= 1))
    throw SessionError("element " + device.name + ": state " + std::to_string(x) +
                       " is outside [0, 1]");
  engine::DcSolver& solver = *prepared().solver;
  device.ref.group->hold_state(device.ref.index, x);
  solver.mutable_solution()[*row] = x;
}

double Session::read(const ProbeHandle& probe) const {
  check(probe);
  const engine::Prepared& p = prepared();
  return engine::read_signal(probe.bound, p.circuit, *p.solver);
}

// ---- batched solves ----

Eigen::MatrixXd Session::solve_batch(const std::vector<SourceHandle>& sources,
                                     const Eigen::MatrixXd& inputs,
                                     const std::vector<ProbeHandle>& outputs) {
  if (static_cast<size_t>(inputs.cols()) != sources.size())
    throw SessionError("solve_batch: " + std::to_string(inputs.cols()) + " input columns for " +
                       std::to_string(sources.size()) + " sources");
  engine::Prepared& p = prepared();
  engine::DcSolver& solver = *p.solver;
  std::vector<double> saved;
  for (const SourceHandle& src : sources) saved.push_back(value(src));
  for (const ProbeHandle& out : outputs) check(out);
  auto restore = [&] {
    for (size_t j = 0; j < sources.size(); ++j) solver.set_source(sources[j].ref, saved[j]);
  };
  const Eigen::Index count = inputs.rows();
  Eigen::MatrixXd result(count, static_cast<Eigen::Index>(outputs.size()));
  auto set_row = [&](Eigen::Index k) {
    for (size_t j = 0; j < sources.size(); ++j)
      solver.set_source(sources[j].ref, inputs(k, static_cast<Eigen::Index>(j)));
  };
  auto read_row = [&](Eigen::Index k) {
    for (size_t o = 0; o < outputs.size(); ++o)
      result(k, static_cast<Eigen::Index>(o)) =
          engine::read_signal(outputs[o].bound, p.circuit, solver);
  };
  if (!solver.all_linear()) {
    // Point after point: chord steps on the last factorization while they converge fast.
    struct Chord {
      engine::DcSolver& s;
      bool was;
      explicit Chord(engine::DcSolver& solver) : s(solver), was(solver.reuses_factorization()) {
        s.set_reuse_factorization(true);
      }
      ~Chord() { s.set_reuse_factorization(was); }
    } chord(solver);
    for (Eigen::Index k = 0; k < count; ++k) {
      set_row(k);
      engine::SolveStatus st = solver.solve();
      if (!st.ok) {
        restore();
        throw SessionError("solve_batch: vector " + std::to_string(k + 1) + ": " + st.message);
      }
      read_row(k);
    }
    restore();
    return result;
  }
  constexpr Eigen::Index kBlock = 64;  // right-hand sides per solve, bounding the memory
  const size_t n = solver.system().size();
  std::vector<double> block;
  for (Eigen::Index k0 = 0; k0 < count; k0 += kBlock) {
    const Eigen::Index m = std::min(kBlock, count - k0);
    block.clear();
    block.reserve(n * m);
    for (Eigen::Index k = k0; k < k0 + m; ++k) {
      set_row(k);
      const std::vector<double> rhs = solver.rhs_at_zero();
      block.insert(block.end(), rhs.begin(), rhs.end());
    }
    engine::SolveStatus st = solver.solve_many(block, static_cast<int>(m));
    if (!st.ok) {
      restore();
      throw SessionError("solve_batch: " + st.message);
    }
    for (Eigen::Index k = k0; k < k0 + m; ++k) {
      solver.set_solution(block.data() + (k - k0) * n);
      read_row(k);
    }
  }
  restore();
  return result;
}

Eigen::MatrixXd Session::transfer_matrix(const std::vector<SourceHandle>& sources,
                                         const std::vector<ProbeHandle>& outputs) {
  if (!prepared().solver->all_linear())
    throw SessionError("transfer_matrix: the circuit is nonlinear; use solve_batch");
  // Row 0: every port at 0; row j + 1: port j at 1. The matrix is the difference, so the other
  // sources of the circuit (biases) drop out exactly.
  const Eigen::Index n_in = static_cast<Eigen::Index>(sources.size());
  Eigen::MatrixXd unit = Eigen::MatrixXd::Zero(n_in + 1, n_in);
  for (Eigen::Index j = 0; j < n_in; ++j) unit(j + 1, j) = 1.0;
  const Eigen::MatrixXd y = solve_batch(sources, unit, outputs);
  Eigen::MatrixXd m(static_cast<Eigen::Index>(outputs.size()), n_in);
  for (Eigen::Index j = 0; j < n_in; ++j) m.col(j) = (y.row(j + 1) - y.row(0)).transpose();
  return m;
}

Eigen::MatrixXd Session::linearised_transfer(const std::vector<SourceHandle>& sources,
                                             const std::vector<ProbeHandle>& outputs) {
  engine::Prepared& p = prepared();
  engine::DcSolver& solver = *p.solver;
  std::vector<engine::DcSolver::ElementRef> refs;
  for (const SourceHandle& src : sources) check(src), refs.push_back(src.ref);
  for (const ProbeHandle& out : outputs) check(out);
  if (engine::SolveStatus st = solver.solve(); !st.ok)
    throw SessionError("linearised_transfer: operating point: " + st.message);
  std::vector<double> dx;
  if (engine::SolveStatus st = solver.sensitivities(refs, dx); !st.ok)
    throw SessionError("linearised_transfer: " + st.message);
  // Outputs are linear in the solution: read at x* + dx_k less x*.
  const size_t n = static_cast<size_t>(solver.system().size());
  const std::vector<double> at(solver.solution().begin(), solver.solution().begin() + n);
  Eigen::VectorXd base(static_cast<Eigen::Index>(outputs.size()));
  for (size_t o = 0; o < outputs.size(); ++o)
    base(static_cast<Eigen::Index>(o)) = engine::read_signal(outputs[o].bound, p.circuit, solver);
  Eigen::MatrixXd m(static_cast<Eigen::Index>(outputs.size()),
                    static_cast<Eigen::Index>(sources.size()));
  std::vector<double> moved(n);
  for (size_t k = 0; k < sources.size(); ++k) {
    for (size_t i = 0; i < n; ++i) moved[i] = at[i] + dx[k * n + i];
    solver.set_solution(moved.data());
    for (size_t o = 0; o < outputs.size(); ++o)
      m(static_cast<Eigen::Index>(o), static_cast<Eigen::Index>(k)) =
          engine::read_signal(outputs[o].bound, p.circuit, solver) -
          base(static_cast<Eigen::Index>(o));
  }
  solver.set_solution(at.data());
  return m;
}

std::vector<double> Session::driving_point_resistances(
    const std::vector<std::pair<std::string, std::string>>& ports) {
  engine::Prepared& p = prepared();
  engine::DcSolver& solver = *p.solver;
  if (!solver.all_linear())
    throw SessionError("driving_point_resistances: the circuit is nonlinear");
  // The rows of each port's nodes (-1: ground).
  auto row_of = [&](const std::string& name) {
    const std::optional<netlist::NodeId> id = p.circuit.find_node(lower(name));
    if (!id) throw SessionError("driving_point_resistances: no node " + name);
    return id->is_ground() ? -1 : solver.system().row(solver.node_unknown(*id));
  };
  std::vector<std::pair<int, int>> rows;
  for (const auto& [a, b] : ports) rows.emplace_back(row_of(a), row_of(b));
  const auto n = static_cast<size_t>(solver.system().size());
  const std::vector<double> base = solver.rhs_at_zero();  // the sources alone
  std::vector<double> result;
  constexpr size_t kBlock = 64;
  std::vector<double> block;
  for (size_t k0 = 0; k0 < rows.size(); k0 += kBlock) {
    const size_t m = std::min(kBlock, rows.size() - k0);
    block.assign(n * (m + 1), 0.0);
    std::copy(base.begin(), base.end(), block.begin());  // column 0: no injection
    for (size_t k = 0; k < m; ++k) {
      std::copy(base.begin(), base.end(), block.begin() + (k + 1) * n);
      const auto [a, b] = rows[k0 + k];
      if (a >= 0) block[(k + 1) * n + a] += 1;  // 1 A into a
      if (b >= 0) block[(k + 1) * n + b] -= 1;  // out of b
    }
    if (engine::SolveStatus st = solver.solve_many(block, static_cast<int>(m + 1)); !st.ok)
      throw SessionError("driving_point_resistances: " + st.message);
    auto at = [&](size_t column, int row) { return row < 0 ? 0.0 : block[column * n + row]; };
    for (size_t k = 0; k < m; ++k) {
      const auto [a, b] = rows[k0 + k];
      result.push_back(at(k + 1, a) - at(0, a) - (at(k + 1, b) - at(0, b)));
    }
  }
  return result;
}

engine::SolverCounters Session::counters() const {
  return prepared().solver->counters();
}

}  // namespace xb::session
