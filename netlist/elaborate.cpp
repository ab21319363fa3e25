#include "netlist/elaborate.hpp"

#include "netlist/deck_writer.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <unordered_set>

#include "netlist/lexer.hpp"
#include "netlist/number.hpp"
#include "netlist/poly_source.hpp"
#include "netlist/random_draws.hpp"

namespace xb::netlist {

double param_or(const NumericParams& params, std::string_view name, double fallback) {
  const double* p = find_param(params, name);
  return p ? *p : fallback;
}

const double* find_param(const NumericParams& params, std::string_view name) {
  for (auto it = params.rbegin(); it != params.rend(); ++it)
    if (it->first == name) return &it->second;
  return nullptr;
}

std::optional<NodeId> Circuit::find_node(std::string_view name) const {
  std::string key = to_lower(name);
  if (is_ground_name(key)) return NodeId{0};
  const uint32_t id = node_index.find(
      key, [&](uint32_t k) -> auto& { return node_names[k]; });
  if (id == NameIndex::npos) return std::nullopt;
  return NodeId{id};
}

const FlatElement* Circuit::find_element(std::string_view name) const {
  const uint32_t id = element_index.find(
      to_lower(name), [&](uint32_t k) -> auto& { return elements[k].name; });
  return id == NameIndex::npos ? nullptr : &elements[id];
}

bool is_ground_name(std::string_view n) {
  return n == "0" || n == "gnd" || n == "gnd!" || n == "ground";
}

std::vector<double> sweep_points(Sweep::Kind kind, double start, double stop, double step,
                                 std::string& error, bool decade_ends_at_stop) {
  std::vector<double> out;
  constexpr size_t kMaxPoints = 10'000'000;  // 80 MB of points
  switch (kind) {
    case Sweep::Kind::linear_step: {
      if (step == 0 || !std::isfinite(step)) {
        if (start == stop) return {start};
        error = "sweep step is zero";
        return {};
      }
      if ((stop - start) * step < 0) step = -step;  // SPICE runs toward stop whatever the sign
      double n = std::floor((stop - start) / step * (1 + 1e-9) + 1e-9);
      if (!(n >= 0) || n > kMaxPoints) {
        error = "sweep has too many points";
        return {};
      }
      for (size_t i = 0; i <= static_cast<size_t>(n); ++i) out.push_back(start + step * i);
      return out;
    }
    case Sweep::Kind::lin: {
      if (!(step >= 1) || step > kMaxPoints) {
        error = "LIN sweep needs at least 1 point";
        return {};
      }
      size_t n = static_cast<size_t>(step);
      for (size_t i = 0; i < n; ++i)
        out.push_back(n == 1 ? start : start + (stop - start) * i / (n - 1));
      return out;
    }
    case Sweep::Kind::dec:
    case Sweep::Kind::oct: {
      if (start <= 0 || stop <= 0 || !(step >= 1)) {
        error = "DEC/OCT sweeps need positive start, stop and points";
        return {};
      }
      // Descending sweeps (stop < start) step by the inverse ratio.
      double base = kind == Sweep::Kind::dec ? 10.0 : 2.0;
      double ratio = std::pow(base, 1.0 / step);
      double count = std::floor(std::fabs(std::log(stop / start)) / std::log(ratio) + 1e-9);
      if (!(count >= 0) || count > kMaxPoints) {
        error = "sweep has too many points";
        return {};
      }
      double direction = stop >= start ? 1.0 : -1.0;
      if (decade_ends_at_stop && kind == Sweep::Kind::dec && count > 0) {
        // ngspice 39's .ac dec: as many whole steps as fit, stretched to end at stop.
        ratio = std::pow(std::fabs(stop / start), 1 / count);
        direction = 1;
        if (stop < start) ratio = 1 / ratio;
      }
      for (size_t i = 0; i <= static_cast<size_t>(count); ++i)
        out.push_back(start * std::pow(ratio, direction * static_cast<double>(i)));
      return out;
    }
    default:
      error = "not a numeric sweep";
      return {};
  }
}

namespace {

class Scope;

// Shared by all scopes of one elaboration: the chain of parameters being evaluated.
struct EvalState {
  Diagnostics* diag;
  std::vector<std::string> stack;
  double temperature = 27.0;  // what `temper` reads, °C
  bool read_temper = false;   // some value depends on it: another temperature elaborates again
  std::optional<RandomDraws> draws;  // of the Monte Carlo sample being elaborated
  bool read_random = false;          // some value called agauss() or a sibling
};

class Scope : public EvalContext {
 public:
  Scope(const Scope* parent, EvalState& state, std::string path)
      : parent_(parent), state_(state), path_(std::move(path)) {}

  void define(const std::string& name, const Value* value, const Scope* eval_in) {
    entries_[name] = Entry{value, eval_in ? eval_in : this, 0, State::pending};
  }
  void set(const std::string& name, double v) {
    entries_[name] = Entry{nullptr, this, v, State::done};
  }
  // .func definitions of this scope's body; a subcircuit's hide the global ones of its name.
  void define_functions(const std::vector<FunctionDef>& defs) {
    for (const FunctionDef& d : defs) functions_[d.name] = &d.function;
  }
  const UserFunction* function(std::string_view name) const override {
    auto it = functions_.find(std::string(name));
    if (it != functions_.end()) return it->second;
    return parent_ ? parent_->function(name) : nullptr;
  }

  std::optional<double> param(std::string_view name) const override {
    auto it = entries_.find(std::string(name));
    if (it == entries_.end()) return parent_ ? parent_->param(name) : std::nullopt;
    Entry& e = it->second;
    switch (e.state) {
      case State::done:
        return e.result;
      case State::failed:
        return 0.0;  // already reported
      case State::busy: {
        std::string cycle;
        size_t from = 0;
        for (size_t i = 0; i < state_.stack.size(); ++i)
          if (state_.stack[i] == name) from = i;
        for (size_t i = from; i < state_.stack.size(); ++i) cycle += state_.stack[i] + " -> ";
        cycle += std::string(name);
        Diagnostic& d = state_.diag->error("param-cycle", e.value ? e.value->loc : SourceLoc{},
                                           "circular parameter definition: " + cycle);
        d.instance_path = path_;
        e.state = State::failed;
        return 0.0;
      }
      case State::pending:
        break;
    }
    e.state = State::busy;
    state_.stack.push_back(std::string(name));
    std::optional<double> v = e.eval_in->evaluate(*e.value);
    state_.stack.pop_back();
    if (e.state == State::failed) return 0.0;
    e.state = v ? State::done : State::failed;
    e.result = v.value_or(0.0);
    return e.result;
  }

  std::optional<double> random(Deviate d) const override {
    state_.read_random = true;
    if (!state_.draws) return std::nullopt;
    return d == Deviate::gaussian ? state_.draws->gaussian() : state_.draws->uniform();
  }

  std::optional<double> sim_var(SimVar var) const override {
    if (var != SimVar::temper) return std::nullopt;
    state_.read_temper = true;
    return state_.temperature;
  }

  // Value in this scope; reports and returns nullopt on error.
  std::optional<double> evaluate(const Value& v) const {
    if (!v.expr) return v.number;
    EvalResult r = v.expr->evaluate(*this);
    if (!r.ok()) {
      Diagnostic& d =
          state_.diag->error(r.error.rfind("undefined", 0) == 0          ? "undefined-param"
                             : r.error.rfind("unknown function", 0) == 0 ? "unknown-function"
                                                                         : "expression",
                             v.loc, r.error + " in '" + v.expr->text() + "'");
      d.instance_path = path_;
      return std::nullopt;
    }
    return r.value;
  }

  const std::string& path() const { return path_; }

 private:
  enum class State { pending, busy, done, failed };
  struct Entry {
    const Value* value;
    const Scope* eval_in;
    double result;
    State state;
  };
  const Scope* parent_;
  EvalState& state_;
  std::string path_;
  mutable std::unordered_map<std::string, Entry> entries_;
  std::unordered_map<std::string, const UserFunction*> functions_;
};

// One level of the instance hierarchy.
struct Frame {
  std::string prefix;  // "x1." ("" at top level)
  std::string path;    // "x1"
  const Scope* scope;
  std::unordered_map<std::string, std::string> ports;  // local port name -> outer node name
  std::vector<const Body*> lexical;  // enclosing definitions, innermost last (for lookups)
  std::unordered_map<std::string, int32_t> local_models;  // model name -> Circuit index
  double multiplier = 1;  // product of the m= of the enclosing subcircuit instances (HSPICE M)
};

class Elaborator {
 public:
  Elaborator(const Deck& deck, const ElaborateOptions& opt, Diagnostics& diag)
      : deck_(deck), opt_(opt), diag_(diag), state_{&diag, {}, 27.0, false, std::nullopt, false} {}

  Circuit run() {
    c_.title = deck_.title;
    c_.node_names.push_back("0");
    size_t top_elements = deck_.elements.size();  // a lower bound, enough for flat decks
    c_.elements.reserve(top_elements);
    c_.element_index.reserve(top_elements);
    c_.node_index.reserve(top_elements);
    c_.node_names.reserve(top_elements + 1);
    for (const NamedLoc& g : deck_.globals) globals_.insert(g.name);
    Scope top(nullptr, state_, "");
    top.define_functions(deck_.functions);
    for (const Param& p : deck_.params) top.define(p.name, &p.value, nullptr);
    for (const auto& [name, v] : opt_.param_overrides) top.set(name, v);
    state_.temperature = opt_.temperature ? *opt_.temperature : first_temperature(top);
    if (opt_.monte_carlo_sample) state_.draws.emplace(seed(top), *opt_.monte_carlo_sample);
    for (const Param& p : deck_.params) {
      if (auto v = top.param(p.name)) c_.params[p.name] = *v;
    }
    for (const Param& p : deck_.control_params)
      if (auto v = top.evaluate(p.value)) c_.control_params.emplace_back(p.name, *v);
    // The parser chose .if branches with these values; a run that changes one (an .alter, a
    // parameter sweep, the temperature) would need another branch.
    for (const ConditionParam& cp : deck_.condition_params) {
      const std::optional<double> now = top.param(cp.name);
      if (now && std::fabs(*now - cp.value) > 1e-12 * std::fabs(cp.value))
        diag_.error("unsupported", cp.loc,
                    "this .if was decided with " + cp.name + " = " + format_number(cp.value) +
                        "; this run has " + format_number(*now) +
                        ": conditions on parameters a run changes are not supported");
    }
    Frame frame{"", "", &top, {}, {&deck_}, {}};
    define_models(deck_, frame);
    std::vector<const Subckt*> stack;
    elaborate_body(deck_, frame, stack);
    // HSPICE and ngspice refuse a deck without elements: there is nothing to simulate. A
    // .control block is a script of its own, which may need no circuit.
    if (c_.elements.empty() && deck_.control.empty() && !diag_.has_errors())
      diag_.error("no-circuit", SourceLoc{FileId{0}, 1, 1},
                  "the deck has no circuit elements: nothing to simulate (is this an include "
                  "file or a library?)");
    insert_current_senses();
    check_references();
    analyses(top);
    misc(top);
    c_.reads_temper = state_.read_temper;
    c_.draws_random = state_.read_random;
    warn_nominal_draws();
    return std::move(c_);
  }

 private:
  // The circuit temperatures: .temp values, else `.option temp=` (ngspice, HSPICE), else none.
  std::vector<Value> temperature_values() const {
    if (!deck_.temperatures.empty()) return deck_.temperatures;
    for (const NamedValue& o : deck_.options)
      if (o.name == "temp") return {o.value};
    return {};
  }

  // HSPICE gives agauss() and its siblings their nominal values outside a Monte Carlo analysis;
  // a deck that reads them and has none gets told.
  void warn_nominal_draws() {
    if (!state_.read_random || opt_.monte_carlo_sample || !deck_.control.empty()) return;
    for (const FlatAnalysis& a : c_.analyses)
      if (a.monte_samples > 0) return;
    const SourceLoc loc =
        deck_.analyses.empty() ? SourceLoc{FileId{0}, 1, 1} : deck_.analyses[0].loc;
    diag_.warning("nominal-values", loc,
                  "agauss/gauss/aunif/unif/limit give their nominal values: no analysis has "
                  "'sweep monte=N' (HSPICE's Monte Carlo)");
  }

  // HSPICE's `.option seed=` (a whole number; 1 without one, as in HSPICE).
  uint64_t seed(const Scope& top) {
    for (const NamedValue& o : deck_.options)
      if (o.name == "seed") {
        const std::optional<double> v = top.evaluate(o.value);
        if (v && *v >= 0 && *v < 9e15 && *v == std::floor(*v)) return static_cast<uint64_t>(*v);
        if (v) diag_.error("option", o.value.loc, "seed must be a whole number >= 0");
      }
    return 1;
  }

  // The first of them (27 °C without one); misc() reports their errors.
  double first_temperature(const Scope& top) {
    const std::vector<Value> values = temperature_values();
    if (values.empty()) return 27.0;
    Diagnostics quiet;
    Diagnostics* reporting = state_.diag;
    state_.diag = &quiet;
    const std::optional<double> t = top.evaluate(values.front());
    state_.diag = reporting;
    return t.value_or(27.0);
  }

  // ---- nodes and names ----------------------------------------------------------------------

  std::string node_name(const std::string& local, const Frame& f) {
    if (is_ground_name(local)) return "0";
    if (auto it = f.ports.find(local); it != f.ports.end()) return it->second;
    if (globals_.count(local)) return local;
    return f.prefix + local;
  }

  NodeId node_id(const std::string& name) {
    if (name == "0") return NodeId{0};
    const auto next = static_cast<uint32_t>(c_.node_names.size());
    const uint32_t id = c_.node_index.insert(
        name, next, [&](uint32_t k) -> auto& { return c_.node_names[k]; });
    if (id == next) c_.node_names.push_back(name);
    return NodeId{id};
  }

  // ---- models -------------------------------------------------------------------------------

  // SPICE's model types (HSPICE and ngspice spellings), simulated or not: a model of any other
  // type names nothing, and an element using it would be silently wrong.
  bool known_model_type(const std::string& type) const {
    static const std::unordered_set<std::string> kTypes = {
        "d",     "nmos", "pmos", "npn",   "pnp",  "njf",  "pjf",  "nmf", "pmf", "nhfet",
        "phfet", "r",    "res",  "c",     "cap",  "l",    "ind",  "sw",  "csw", "ltra",
        "urc",   "txl",  "cpl",  "vdmos", "lpnp", "core", "plot", "opt", "amp"};
    return kTypes.count(type) || opt_.x_device_types.count(type);
  }

  void define_models(const Body& body, Frame& f) {
    for (const Model& m : body.models) {
      if (m.type == "numd" || m.type == "nbjt" || m.type == "numos") {
        Diagnostic& d = diag_.error("unsupported", m.loc,
                                    "model '" + m.name + "' is a CIDER numerical device (" +
                                        m.type + "), which xbspice does not simulate");
        d.instance_path = f.path;
        continue;
      }
      if (!known_model_type(m.type)) {
        std::string builtins;
        for (const std::string& t :
             std::set<std::string>(opt_.x_device_types.begin(), opt_.x_device_types.end()))
          builtins += " " + t;
        Diagnostic& d = diag_.error(
            "unknown-model-type", m.loc,
            "model '" + m.name + "' has unknown type '" + m.type +
                "' (SPICE types: d nmos pmos npn pnp njf pjf r c l sw csw ...; built-in devices:" +
                builtins + ")");
        d.instance_path = f.path;
        continue;
      }
      FlatModel fm;
      fm.name = f.prefix + m.name;
      fm.type = m.type;
      fm.loc = m.loc;
      fm.words = m.words;
      for (const NamedValue& p : m.params) {
        if (p.value.expr && p.value.expr->nodes().size() == 1 &&
            p.value.expr->nodes()[0].op == ExprOp::param &&
            !f.scope->param(p.value.expr->names()[0])) {
          fm.words.emplace_back(p.name, p.value.expr->text());  // version=4.5.0-like words
          continue;
        }
        if (auto v = f.scope->evaluate(p.value)) fm.params.emplace_back(p.name, *v);
      }
      if (f.local_models.count(m.name) || (f.prefix.empty() && model_index_.count(m.name))) {
        Diagnostic& d =
            diag_.error("duplicate-model", m.loc, "model '" + m.name + "' defined twice");
        d.instance_path = f.path;
        continue;
      }
      c_.models.push_back(std::move(fm));
      int32_t index = static_cast<int32_t>(c_.models.size() - 1);
      if (f.prefix.empty()) {
        model_index_[m.name] = index;
        if (size_t dot = m.name.rfind('.');
            dot != std::string::npos && dot + 1 < m.name.size() &&
            m.name.find_first_not_of("0123456789", dot + 1) == std::string::npos)
          bins_[m.name.substr(0, dot)].push_back(index);
      } else
        f.local_models[m.name] = index;
    }
  }

  int32_t find_model(const std::string& name, const std::vector<const Frame*>& frames) {
    for (auto it = frames.rbegin(); it != frames.rend(); ++it)
      if (auto m = (*it)->local_models.find(name); m != (*it)->local_models.end()) return m->second;
    if (auto m = model_index_.find(name); m != model_index_.end()) return m->second;
    return -1;
  }

  // HSPICE model binning: "nch" names the model "nch.N" whose lmin <= l < lmax and
  // wmin <= w < wmax (bounds absent: unbounded).
  int32_t find_binned_model(const std::string& name, const NumericParams& params) {
    auto it = bins_.find(name);
    if (it == bins_.end()) return -1;
    const double* l = find_param(params, "l");
    const double* w = find_param(params, "w");
    for (int32_t index : it->second) {
      const NumericParams& mp = c_.models[index].params;
      auto inside = [&](const double* v, const char* lo, const char* hi) {
        if (!v) return !find_param(mp, lo) && !find_param(mp, hi);
        return *v >= param_or(mp, lo, -HUGE_VAL) && *v < param_or(mp, hi, HUGE_VAL);
      };
      if (inside(l, "lmin", "lmax") && inside(w, "wmin", "wmax")) return index;
    }
    return -1;
  }

  const Subckt* find_subckt(const std::string& name, const Frame& f) {
    for (auto it = f.lexical.rbegin(); it != f.lexical.rend(); ++it)
      for (const Subckt& s : (*it)->subckts)
        if (s.name == name) return &s;
    return nullptr;
  }

  // ---- bodies -------------------------------------------------------------------------------

  void elaborate_body(const Body& body, Frame& f, std::vector<const Subckt*>& stack) {
    frames_.push_back(&f);
    // At the top level an element's name and nodes are the names the indexes hold: ask for
    // their slots a few elements ahead, so that the cache misses of a million-element deck
    // overlap instead of following each other.
    constexpr size_t kAhead = 8;
    const bool top = f.prefix.empty();
    for (size_t k = 0; k < body.elements.size(); ++k) {
      const Element& el = body.elements[k];
      if (top && k + kAhead < body.elements.size()) {
        const Element& next = body.elements[k + kAhead];
        c_.element_index.prefetch(next.name);
        for (const std::string& n : next.nodes) c_.node_index.prefetch(n);
      }
      if (el.kind == 'x')
        instantiate(el, f, stack);
      else
        add_element(el, f);
    }
    frames_.pop_back();
  }

  Diagnostic& error(const char* code, SourceLoc loc, std::string msg, const Frame& f) {
    Diagnostic& d = diag_.error(code, loc, std::move(msg));
    d.instance_path = f.path;
    return d;
  }

  // Elements and subcircuit instances share one namespace. The circuit indexes its elements;
  // the instances, which are no element, keep their own index here.
  enum class NameKind { element, instance };
  bool register_name(const std::string& name, SourceLoc loc, const Frame& f, NameKind kind) {
    const auto element_name = [&](uint32_t k) -> auto& {
      return c_.elements[k].name;
    };
    const auto instance_name = [&](uint32_t k) -> auto& {
      return instances_[k].first;
    };
    // One probe of the index the name goes into (insert finds it if it is there already): at a
    // million elements each probe is a cache miss.
    uint32_t element = NameIndex::npos, instance = NameIndex::npos;
    if (kind == NameKind::element) {
      instance = instance_index_.find(name, instance_name);
      if (instance == NameIndex::npos) {
        const auto id = static_cast<uint32_t>(c_.elements.size());
        element = c_.element_index.insert(name, id, element_name);
        if (element == id) return true;
      }
    } else {
      element = c_.element_index.find(name, element_name);
      if (element == NameIndex::npos) {
        const auto id = static_cast<uint32_t>(instances_.size());
        instance = instance_index_.insert(name, id, instance_name);
        if (instance == id) {
          instances_.emplace_back(name, loc);
          return true;
        }
      }
    }
    const SourceLoc first =
        element != NameIndex::npos ? c_.elements[element].loc : instances_[instance].second;
    Diagnostic& d = error("duplicate-element", loc, "duplicate element name '" + name + "'", f);
    d.notes.emplace_back(first, "'" + name + "' first defined here");
    return false;
  }

  const char* expected_model_types(char kind) {
    switch (kind) {
      case 'd':
        return "d";
      case 'm':
        return "nmos pmos";
      case 'q':
        return "npn pnp";
      case 'j':
        return "njf pjf";
      case 'r':
        return "r res";
      case 'c':
        return "c";
      case 'l':
        return "l";
      case 's':
        return "sw";
      case 'w':
        return "csw";
      default:
        return "";
    }
  }

  void add_element(const Element& el, const Frame& f) {
    FlatElement fe;
    fe.name = f.prefix + el.name;
    fe.kind = el.kind;
    fe.loc = el.loc;
    fe.nodes.reserve(el.nodes.size());
    for (const std::string& n : el.nodes) fe.nodes.push_back(node_id(node_name(n, f)));
    for (const std::string& r : el.refs) fe.refs.push_back(f.prefix + r);
    bool needs_model = el.kind == 'd' || el.kind == 'm' || el.kind == 'q' || el.kind == 'j';
    if (needs_model && el.model.empty()) {
      error("missing-model", el.loc, "element " + fe.name + " needs a model name", f);
      return;
    }
    size_t want_nodes = 0;
    switch (el.kind) {
      case 'r':
      case 'c':
      case 'l':
      case 'v':
      case 'i':
      case 'f':
      case 'h':
      case 'b':
      case 'd':
      case 'w':
        want_nodes = 2;
        break;
      case 's':
      case 't':
        want_nodes = 4;
        break;
      case 'e':
      case 'g':
        if (el.model == "poly")
          want_nodes = 2 + 2 * (el.nodes.size() / 2 - 1);  // an even count (parser: the pairs)
        else if (el.values.empty() && el.model != "opamp")
          want_nodes = 2;  // behavioural
        else
          want_nodes = 4;
        break;
      default:
        want_nodes = el.nodes.size();
    }
    if (el.kind == 'm' && el.nodes.size() != 4 && el.nodes.size() != 3) want_nodes = 4;
    if (el.kind == 'q' && el.nodes.size() != 4 && el.nodes.size() != 3) want_nodes = 3;
    if (el.kind == 'j') want_nodes = 3;
    if (el.nodes.size() != want_nodes) {
      error("port-count", el.loc,
            "element " + fe.name + " has " + std::to_string(el.nodes.size()) + " nodes, needs " +
                std::to_string(want_nodes),
            f);
      return;
    }
    if (el.model == "poly" &&
        (el.kind == 'e' || el.kind == 'g' || el.kind == 'f' || el.kind == 'h')) {
      if (!poly_source(el, fe, f)) return;
      apply_multiplier(fe, f);
      if (register_name(fe.name, el.loc, f, NameKind::element))
        c_.elements.push_back(std::move(fe));
      return;
    }
    if (el.kind == 'r' && behavioural_resistor(el, fe, f)) {
      apply_multiplier(fe, f);
      if (register_name(fe.name, el.loc, f, NameKind::element))
        c_.elements.push_back(std::move(fe));
      return;
    }
    fe.values.reserve(el.values.size());
    for (const Value& v : el.values) {
      if (auto x = f.scope->evaluate(v))
        fe.values.push_back(*x);
      else
        return;
    }
    for (const NamedValue& p : el.params) {
      // A B source's v= or i= is behavioural even when it reads the circuit only through a
      // .func (v = 'f(17)' with .func f(p) 'v(p)+p'): bound, never evaluated to a number here.
      const bool b_value = el.kind == 'b' && (p.name == "v" || p.name == "i");
      bool behavioural = p.value.expr && (b_value || p.value.expr->refers_to_circuit());
      if (behavioural) {
        bind_expression(fe, p, f);
        continue;
      }
      if (auto x = f.scope->evaluate(p.value)) fe.params.emplace_back(p.name, *x);
    }
    // E/G/F/H keep their "opamp" and "poly" forms in `model`; for them it names no .model card.
    const bool controlled = el.kind == 'e' || el.kind == 'g' || el.kind == 'f' || el.kind == 'h';
    if (!el.model.empty() && !(controlled && (el.model == "opamp" || el.model == "poly"))) {
      fe.model = find_model(el.model, frames_);
      if (fe.model < 0) fe.model = find_binned_model(el.model, fe.params);
      if (fe.model < 0) {
        error("unknown-model", el.loc, "unknown model '" + el.model + "' for element " + fe.name,
              f);
        return;
      }
      std::string types = expected_model_types(el.kind);
      const std::string& type = c_.models[fe.model].type;
      if (!types.empty() && (" " + types + " ").find(" " + type + " ") == std::string::npos) {
        error("model-type", el.loc,
              "model '" + el.model + "' has type '" + type + "', element " + fe.name + " needs " +
                  types,
              f);
        return;
      }
    }
    if ((el.kind == 'r' || el.kind == 'c' || el.kind == 'l') && fe.values.empty() &&
        !find_param(fe.params, std::string(1, el.kind)) &&
        !(el.kind == 'r' && find_param(fe.params, "resistance")) &&
        !(el.kind == 'c' && find_param(fe.params, "capacitance")) && fe.expressions.empty()) {
      if (fe.model >= 0 && el.kind == 'r') {
        // "r1 a b rmod": the value comes from the model (R, or RSH with L and W), which the
        // resistor device resolves.
      } else if (fe.model >= 0)
        error("unsupported", el.loc,
              "element " + fe.name + " takes its value from model '" + el.model +
                  "': models of C and L (.model " + el.model + " " + c_.models[fe.model].type +
                  ") are not simulated yet; give the value",
              f);
      else
        error("missing-value", el.loc, "element " + fe.name + " has no value", f);
      if (!(fe.model >= 0 && el.kind == 'r')) return;
    }
    if ((el.kind == 'v' || el.kind == 'i') && el.source) source(*el.source, fe, f);
    if (el.kind == 'b' && fe.expressions.empty()) {
      // b sources with a constant expression are still behavioural: keep them bound.
      for (const NamedValue& p : el.params) bind_expression(fe, p, f);
    }
    apply_multiplier(fe, f);
    if (!register_name(fe.name, el.loc, f, NameKind::element)) return;
    c_.elements.push_back(std::move(fe));
  }

  // R='expression' reading node voltages or currents (ngspice, HSPICE): the element becomes the
  // behavioural current source I = v(a,b)/(expression), as ngspice turns it into a B source.
  // A resistance below 1 nΩ is read as ±1 nΩ: a memristor model whose state starts at 0 (the
  // node of its state before the first Newton step) would otherwise put a conductance of 1e32
  // (ngspice's 1e-32 guard on division) into the matrix, which KLU rightly calls singular.
  // Returns false for a resistor of fixed value.
  bool behavioural_resistor(const Element& el, FlatElement& fe, const Frame& f) {
    const Value* value = nullptr;
    if (!el.values.empty()) value = &el.values[0];
    for (const NamedValue& p : el.params)
      if (p.name == "r" || p.name == "resistance") value = &p.value;
    if (!value || !value->expr || !value->expr->refers_to_circuit()) return false;
    for (const NamedValue& p : el.params)
      if (p.name != "r" && p.name != "resistance" && p.name != "m")
        diag_.warning("ignored-parameter", p.value.loc,
                      "parameter '" + p.name + "' of the behavioural resistor " + fe.name +
                          " is ignored (its value is the expression)");
    const std::string r = "(" + value->expr->text() + ")";
    const std::string text = "v(" + el.nodes[0] + "," + el.nodes[1] + ")/(abs" + r + " < 1e-9 ? (" +
                             r + " < 0 ? -1e-9 : 1e-9) : " + r + ")";
    ExprPtr current = Expression::parse(text, value->loc, diag_);
    if (!current) return true;  // reported
    fe.kind = 'b';
    bind_expression(fe, NamedValue{"i", Value{0, current, value->loc}}, f);
    return true;
  }

  // POLY(n) E/G/F/H become the B source ngspice makes of them: v= for E and H, i= for G and F,
  // the polynomial (poly_source.hpp) of the controlling voltages or V-source currents.
  bool poly_source(const Element& el, FlatElement& fe, const Frame& f) {
    std::vector<std::string> inputs, coefficients;
    if (el.kind == 'e' || el.kind == 'g') {
      for (size_t k = 2; k + 1 < el.nodes.size(); k += 2)
        inputs.push_back("v(" + el.nodes[k] + "," + el.nodes[k + 1] + ")");
      fe.nodes.resize(2);
    } else {
      for (const std::string& r : el.refs) inputs.push_back("i(" + r + ")");
      fe.refs.clear();
    }
    for (size_t k = 1; k < el.values.size(); ++k) {
      const Value& v = el.values[k];
      coefficients.push_back(v.expr ? "(" + v.expr->text() + ")" : format_number(v.number));
    }
    if (coefficients.empty()) {
      error("syntax", el.loc, "POLY source " + fe.name + " needs coefficients", f);
      return false;
    }
    for (const NamedValue& p : el.params)
      if (p.name != "m")
        diag_.warning("ignored-parameter", p.value.loc,
                      "parameter '" + p.name + "' of POLY source " + fe.name + " is ignored");
    ExprPtr value = Expression::parse(spice_polynomial(inputs, coefficients), el.loc, diag_);
    if (!value) return false;
    const bool voltage = el.kind == 'e' || el.kind == 'h';
    fe.kind = 'b';
    bind_expression(fe, NamedValue{voltage ? "v" : "i", Value{0, value, el.loc}}, f);
    for (const NamedValue& p : el.params)
      if (p.name == "m")
        if (auto x = f.scope->evaluate(p.value)) fe.params.emplace_back("m", *x);
    return !fe.expressions.empty();
  }

  // Inside a subcircuit instance with m=, every element is that many parallel copies: its own
  // m= is multiplied (the device types that take m honour it; the others refuse it by name).
  static void apply_multiplier(FlatElement& fe, const Frame& f) {
    if (f.multiplier == 1) return;
    for (auto& [name, value] : fe.params)
      if (name == "m") {
        value *= f.multiplier;
        return;
      }
    fe.params.emplace_back("m", f.multiplier);
  }

  struct FrameRenamer : Expression::Renamer {
    Elaborator& e;
    const Frame& f;
    FrameRenamer(Elaborator& el, const Frame& fr) : e(el), f(fr) {}
    std::string node(std::string_view local) const override {
      return e.node_name(std::string(local), f);
    }
    std::string element(std::string_view local) const override {
      return f.prefix + std::string(local);
    }
  };

  void bind_expression(FlatElement& fe, const NamedValue& p, const Frame& f) {
    if (!p.value.expr) {
      fe.expressions.emplace_back(p.name, Expression::constant(p.value.number));
      return;
    }
    std::string err;
    ExprPtr bound = p.value.expr->bind(*f.scope, FrameRenamer(*this, f), err);
    if (!bound) {
      error("undefined-param", p.value.loc, err + " in '" + p.value.expr->text() + "'", f);
      return;
    }
    for (const ExprNode& n : bound->nodes())  // nodes read only by the expression still exist
      if (n.op == ExprOp::voltage) {
        node_id(bound->names()[n.name]);
        if (n.has_second_node) node_id(bound->names()[n.name2]);
      }
    fe.expressions.emplace_back(p.name, bound);
  }

  void source(const SourceSpec& s, FlatElement& fe, const Frame& f) {
    auto eval = [&](const Value& v) { return f.scope->evaluate(v).value_or(0.0); };
    auto out = std::make_shared<FlatSource>();
    if (s.dc) out->dc = eval(*s.dc);
    if (s.ac_magnitude) out->ac_magnitude = eval(*s.ac_magnitude);
    if (s.ac_phase) out->ac_phase = eval(*s.ac_phase);
    out->function = s.function;
    for (const Value& v : s.args) out->args.push_back(eval(v));
    for (const NamedValue& o : s.options) out->options.emplace_back(o.name, eval(o.value));
    fe.source = out;
    if (s.function == SourceFunction::pwl && out->args.size() % 2 != 0)
      error("syntax", s.function_loc, "PWL of " + fe.name + " needs time-value pairs", f);
    // Corner times never decrease (equal times make a vertical step), as SPICE requires.
    if (s.function == SourceFunction::pwl)
      for (size_t i = 2; i + 1 < out->args.size(); i += 2)
        if (!(out->args[i] >= out->args[i - 2])) {
          char times[80];
          std::snprintf(times, sizeof times, ": time %g comes after the later time %g",
                        out->args[i], out->args[i - 2]);
          error("pwl-time-order", s.function_loc, "PWL of " + fe.name + times, f);
          break;
        }
  }

  void instantiate(const Element& el, Frame& f, std::vector<const Subckt*>& stack) {
    const Subckt* def = find_subckt(el.model, f);
    std::string name = f.prefix + el.name;
    if (!def) {
      int32_t m = find_model(el.model, frames_);
      if (m >= 0) return instantiate_device(el, f, m);
      error("unknown-subckt", el.loc, "unknown subcircuit '" + el.model + "' in " + name, f);
      return;
    }
    for (const Subckt* s : stack)
      if (s == def) {
        std::string chain;
        for (const Subckt* t : stack) chain += t->name + " -> ";
        error("recursive-subckt", el.loc,
              "subcircuit '" + def->name + "' instantiates itself: " + chain + def->name, f);
        return;
      }
    if (stack.size() >= 256) {
      error("recursive-subckt", el.loc, "subcircuits nested deeper than 256 levels", f);
      return;
    }
    if (el.nodes.size() != def->ports.size()) {
      Diagnostic& d =
          error("port-count", el.loc,
                name + " connects " + std::to_string(el.nodes.size()) + " nodes, subcircuit '" +
                    def->name + "' has " + std::to_string(def->ports.size()) + " ports",
                f);
      d.notes.emplace_back(def->loc, "'" + def->name + "' defined here");
      return;
    }
    if (!register_name(name, el.loc, f, NameKind::instance)) return;
    ++c_.subckt_instances;
    // Instance values are evaluated where the instance stands; defaults and local .params in
    // the subcircuit's own scope, whose parent is the global scope.
    Scope scope(frames_.front()->scope, state_, f.path.empty() ? name : name);
    scope.define_functions(def->body.functions);
    std::unordered_set<std::string> given;
    double multiplier = 1;
    for (const NamedValue& p : el.params) {
      bool known = p.name == "m";
      for (const Param& d : def->defaults) known = known || d.name == p.name;
      for (const Param& d : def->body.params) known = known || d.name == p.name;
      if (!known) {
        error("unknown-param", p.value.loc,
              "subcircuit '" + def->name + "' has no parameter '" + p.name + "'", f);
        continue;
      }
      if (auto v = f.scope->evaluate(p.value)) {
        scope.set(p.name, *v);
        if (p.name == "m") multiplier = *v;
      }
      given.insert(p.name);
    }
    if (!(multiplier > 0)) {
      error("bad-value", el.loc, name + ": m= must be positive (parallel copies)", f);
      return;
    }
    for (const Param& d : def->defaults)
      if (!given.count(d.name)) scope.define(d.name, &d.value, nullptr);
    for (const Param& d : def->body.params)
      if (!given.count(d.name)) scope.define(d.name, &d.value, nullptr);
    Frame inner{name + ".", name, &scope, {}, f.lexical, {}, f.multiplier * multiplier};
    inner.lexical.push_back(&def->body);
    for (size_t i = 0; i < def->ports.size(); ++i)
      inner.ports[def->ports[i]] = node_name(el.nodes[i], f);
    define_models(def->body, inner);
    stack.push_back(def);
    elaborate_body(def->body, inner, stack);
    stack.pop_back();
  }

  void instantiate_device(const Element& el, const Frame& f, int32_t model) {
    const FlatModel& m = c_.models[model];
    std::string name = f.prefix + el.name;
    if (!opt_.x_device_types.count(m.type)) {
      std::string known;
      for (const std::string& t : opt_.x_device_types) known += (known.empty() ? "" : ", ") + t;
      error("unknown-device", el.loc,
            name + " names model '" + el.model + "' of type '" + m.type +
                "', which is not a built-in device type" +
                (known.empty() ? "" : " (built-in: " + known + ")"),
            f);
      return;
    }
    if (auto t = opt_.x_device_terminals.find(m.type);
        t != opt_.x_device_terminals.end() && t->second != el.nodes.size()) {
      error("port-count", el.loc,
            name + " connects " + std::to_string(el.nodes.size()) + " nodes, a " + m.type +
                " has " + std::to_string(t->second) + " terminals",
            f);
      return;
    }
    FlatElement fe;
    fe.name = name;
    fe.kind = 'x';
    fe.model = model;
    fe.loc = el.loc;
    for (const std::string& n : el.nodes) fe.nodes.push_back(node_id(node_name(n, f)));
    if (auto in = opt_.x_device_internal_nodes.find(m.type);
        in != opt_.x_device_internal_nodes.end())
      for (const std::string& suffix : in->second) fe.nodes.push_back(node_id(name + "." + suffix));
    for (const NamedValue& p : el.params)
      if (auto x = f.scope->evaluate(p.value)) fe.params.emplace_back(p.name, *x);
    apply_multiplier(fe, f);
    if (!register_name(fe.name, el.loc, f, NameKind::element)) return;
    c_.elements.push_back(std::move(fe));
  }

  // i(X) in a behavioural expression, X an element with no branch current of its own: a 0 V
  // source from X's first node to a new node `X#sense`, where X's first terminal moves, carries
  // X's current (positive into X). Resistors of fixed value are read as g·v(a,b) instead, and
  // V, E, H, B V= sources and inductors have a branch current (devices/behavioural).
  void insert_current_senses() {
    std::map<std::string, size_t> read;  // the name read, and the first element reading it
    for (size_t k = 0; k < c_.elements.size(); ++k)
      for (const auto& expression : c_.elements[k].expressions)
        for (const ExprNode& n : expression.second->nodes())
          if (n.op == ExprOp::current) read.emplace(expression.second->names()[n.name], k);
    for (const auto& [name, reader] : read) {
      const FlatElement* target = c_.find_element(name);
      if (!target) {
        const FlatElement& r = c_.elements[reader];
        Diagnostic& d = diag_.error("unknown-reference", r.loc,
                                    "element " + r.name + " reads i(" + name +
                                        "), the current of an element that does not exist");
        d.instance_path = std::string(r.instance_path());
        continue;
      }
      // A resistor of fixed value is read as g·v(a,b) (devices/behavioural); one whose
      // resistance a model, temperature coefficients or an expression give is sensed.
      const bool plain_resistor =
          target->kind == 'r' && target->model < 0 && target->expressions.empty() &&
          !find_param(target->params, "tc1") && !find_param(target->params, "tc2") &&
          !find_param(target->params, "tce") && !find_param(target->params, "scale");
      if (std::string_view("bcdqmjgfiswtxr").find(target->kind) == std::string_view::npos ||
          plain_resistor)
        continue;
      if (target->kind == 'b' && !target->expressions.empty() &&
          target->expressions[0].first == "v")
        continue;
      const size_t index = static_cast<size_t>(target - c_.elements.data());
      const std::string sense = current_sense_name(name);
      const NodeId inner = node_id(sense);
      FlatElement v;
      v.name = sense;
      v.kind = 'v';
      v.loc = c_.elements[index].loc;
      v.nodes = {c_.elements[index].nodes.at(0), inner};
      auto source = std::make_shared<FlatSource>();
      source->dc = 0.0;
      v.source = source;
      c_.elements[index].nodes[0] = inner;
      c_.element_index.insert(
          v.name, static_cast<uint32_t>(c_.elements.size()), [&](uint32_t k) -> auto& {
            return c_.elements[k].name;
          });
      c_.elements.push_back(std::move(v));
    }
  }

  // F/H name voltage sources, K names inductors: check they exist after flattening.
  void check_references() {
    for (const FlatElement& e : c_.elements) {
      char want = e.kind == 'k' ? 'l' : (e.kind == 'f' || e.kind == 'h' || e.kind == 'w') ? 'v' : 0;
      if (!want) continue;
      for (const std::string& r : e.refs) {
        const FlatElement* target = c_.find_element(r);
        if (!target || target->kind != want) {
          Diagnostic& d = diag_.error("unknown-reference", e.loc,
                                      "element " + e.name + " refers to " +
                                          (want == 'l' ? "inductor '" : "voltage source '") + r +
                                          "', which does not exist");
          d.instance_path = std::string(e.instance_path());
        }
      }
    }
  }

  // ---- analyses and the rest ----------------------------------------------------------------

  void analyses(const Scope& top) {
    for (const Analysis& a : deck_.analyses) {
      FlatAnalysis fa;
      fa.kind = a.kind;
      fa.name = a.name;
      fa.loc = a.loc;
      auto eval = [&](const Value& v) { return top.evaluate(v).value_or(0.0); };
      if (a.kind == AnalysisKind::tran) {
        fa.tstep = eval(a.tstep);
        fa.tstop = eval(a.tstop);
        fa.tstart = eval(a.tstart);
        fa.tmax = a.has_tmax ? eval(a.tmax) : 0;
        fa.uic = a.uic;
        if (fa.tstop <= 0 || fa.tstep <= 0 || fa.tstart < 0 || fa.tstart >= fa.tstop)
          diag_.error("bad-analysis", a.loc, ".tran needs 0 < tstep, 0 <= tstart < tstop");
      }
      if (a.kind == AnalysisKind::ac) {
        std::string err;
        fa.frequencies =
            sweep_points(a.ac_frequencies.kind, eval(a.ac_frequencies.start),
                         eval(a.ac_frequencies.stop), eval(a.ac_frequencies.step), err, true);
        if (!err.empty()) diag_.error("bad-analysis", a.loc, ".ac: " + err);
      }
      for (const Sweep& s : a.sweeps) {
        FlatSweep fs;
        if (!flat_sweep(s, fs, top)) continue;
        fa.sweeps.push_back(std::move(fs));
      }
      if (a.kind == AnalysisKind::tf) transfer_function(a, fa);
      if (a.kind == AnalysisKind::sens) small_signal_output(a, fa);
      if (a.monte) monte_carlo(*a.monte, fa, top);
      c_.analyses.push_back(std::move(fa));
    }
  }

  // .tf: the output's nodes or source and the input source, found now (top-level names).
  void transfer_function(const Analysis& a, FlatAnalysis& fa) {
    const FlatElement* in = c_.find_element(a.tf_input);
    if (!in || (in->kind != 'v' && in->kind != 'i'))
      return (void)diag_.error(
          "bad-analysis", a.loc,
          ".tf input '" + a.tf_input + "' is not an independent V or I source");
    fa.tf_input = a.tf_input;
    small_signal_output(a, fa);
  }

  // The output of .tf or .sens: v(a[,b]) or i(vsource).
  void small_signal_output(const Analysis& a, FlatAnalysis& fa) {
    if (!a.tf_output_source.empty()) {
      const FlatElement* out = c_.find_element(a.tf_output_source);
      if (!out || out->kind != 'v')
        return (void)diag_.error(
            "bad-analysis", a.loc,
            "." + a.name + " output i(" + a.tf_output_source + "): no such V source");
      fa.tf_output_source = a.tf_output_source;
      fa.tf_output = "i(" + a.tf_output_source + ")";
      return;
    }
    auto node = [&](const std::string& name) -> std::optional<NodeId> {
      if (is_ground_name(name)) return NodeId{0};
      std::optional<NodeId> id = c_.find_node(name);
      if (!id) diag_.error("bad-analysis", a.loc, "." + a.name + " output: no node '" + name + "'");
      return id;
    };
    fa.tf_node = node(a.tf_output_node);
    fa.tf_ref = a.tf_output_ref.empty() ? std::optional<NodeId>(NodeId{0}) : node(a.tf_output_ref);
    fa.tf_output =
        "v(" + a.tf_output_node + (a.tf_output_ref.empty() ? "" : "," + a.tf_output_ref) + ")";
  }

  void monte_carlo(const MonteCarloSpec& m, FlatAnalysis& fa, const Scope& top) {
    const std::optional<double> n = top.evaluate(m.samples);
    const std::optional<double> first = top.evaluate(m.first_run);
    const std::optional<size_t> count = n ? count_value(*n, 1, 10'000'000) : std::nullopt;
    const std::optional<size_t> from = first ? count_value(*first, 1, 10'000'000) : std::nullopt;
    if (n && !count)
      diag_.error("bad-analysis", m.loc, "monte= needs a whole number of samples >= 1");
    if (first && !from) diag_.error("bad-analysis", m.loc, "firstrun= needs a whole number >= 1");
    if (!count || !from) return;
    fa.monte_samples = *count;
    fa.monte_first = *from;
  }

  bool flat_sweep(const Sweep& s, FlatSweep& fs, const Scope& top) {
    fs.variable = s.variable;
    if (s.kind == Sweep::Kind::data) {
      const DataTable* table = nullptr;
      for (const DataTable& t : deck_.data)
        if (t.name == s.data_name) table = &t;
      if (!table) {
        diag_.error("unknown-data", s.loc, "no .data table named '" + s.data_name + "'");
        return false;
      }
      fs.target = FlatSweep::Target::data;
      fs.data_columns = table->columns;
      for (const auto& row : table->rows) {
        std::vector<double> r;
        for (const Value& v : row) r.push_back(top.evaluate(v).value_or(0.0));
        fs.data_rows.push_back(std::move(r));
        fs.points.push_back(static_cast<double>(fs.points.size() + 1));
      }
      return true;
    }
    const FlatElement* e = c_.find_element(s.variable);
    if (s.variable == "temp")
      fs.target = FlatSweep::Target::temperature;
    else if (e && (e->kind == 'v' || e->kind == 'i'))
      fs.target = FlatSweep::Target::source;
    else if (c_.params.count(s.variable) || opt_.param_overrides.count(s.variable))
      fs.target = FlatSweep::Target::param;
    else {
      diag_.error(
          "unknown-sweep", s.loc,
          "sweep variable '" + s.variable + "' is not an independent source, a parameter or temp");
      return false;
    }
    if (s.kind == Sweep::Kind::list) {
      for (const Value& v : s.values) fs.points.push_back(top.evaluate(v).value_or(0.0));
      return true;
    }
    std::string err;
    fs.points =
        sweep_points(s.kind, top.evaluate(s.start).value_or(0.0),
                     top.evaluate(s.stop).value_or(0.0), top.evaluate(s.step).value_or(0.0), err);
    if (!err.empty()) {
      diag_.error("bad-analysis", s.loc, "sweep of '" + s.variable + "': " + err);
      return false;
    }
    return true;
  }

  void misc(const Scope& top) {
    for (const NamedValue& o : deck_.options) {
      const Value& v = o.value;
      if (v.expr && v.expr->nodes().size() == 1 && v.expr->nodes()[0].op == ExprOp::param &&
          !top.param(v.expr->names()[0])) {
        c_.option_words.emplace_back(o.name, v.expr->names()[0]);
        continue;
      }
      if (auto x = top.evaluate(v)) c_.options.emplace_back(o.name, *x);
    }
    for (const Value& t : temperature_values())
      if (auto x = top.evaluate(t)) c_.temperatures.push_back(*x);
    if (opt_.temperature) c_.temperatures = {*opt_.temperature};  // one run of a .temp list
    auto initial = [&](const std::vector<InitialValue>& in, std::vector<FlatInitial>& out) {
      for (const InitialValue& iv : in) {
        auto node = c_.find_node(iv.node);
        if (!node) {
          diag_.warning("unknown-node", iv.loc,
                        "initial value for unknown node '" + iv.node + "' ignored");
          continue;
        }
        if (auto x = top.evaluate(iv.value)) out.push_back({*node, *x});
      }
    };
    initial(deck_.initial_conditions, c_.initial_conditions);
    initial(deck_.nodesets, c_.nodesets);
    for (const Print& p : deck_.prints) {
      for (const OutputVar& v : p.outputs) {
        if (v.function.empty() || v.args.empty() || v.args[0] == "*" || v.expr) continue;
        // A column of zeros for a name that is not there would be silently wrong.
        std::string output = v.function + "(" + v.args[0];
        for (size_t k = 1; k < v.args.size(); ++k) output += "," + v.args[k];
        output += ")";
        if (v.function[0] == 'v') {
          for (size_t k = 0; k < v.args.size() && k < 2; ++k)
            if (!c_.find_node(v.args[k]))
              diag_.error("unknown-output", v.loc,
                          "output " + output + ": no node '" + v.args[k] + "' in the circuit");
        } else if (!c_.find_element(v.args[0])) {
          diag_.error("unknown-output", v.loc,
                      "output " + output + ": no element '" + v.args[0] + "' in the circuit");
        }
      }
      c_.prints.push_back(p);
    }
    measures(top);
    fouriers(top);
    for (const NamedLoc& hdl : deck_.hdl_files) {
      // An .hdl of <type>.va names a built-in device's module (what `export --to hspice`
      // writes); any other Verilog-A would be a device xbspice does not have.
      const std::string stem = std::filesystem::path(hdl.name).stem().string();
      if (!opt_.x_device_types.count(to_lower(stem)))
        diag_.error("unsupported", hdl.loc,
                    "Verilog-A (.hdl " + hdl.name +
                        ") is not simulated: xbspice knows only the modules of its built-in "
                        "devices, named <type>.va");
    }
  }

  // .measure values evaluated; every signal a measure reads must exist.
  // "v(a)", "v(a,b)", "i(v1)": whether the circuit has those nodes or that element.
  bool signal_exists(const std::string& signal) const {
    const size_t open = signal.find('(');
    const std::string inner = signal.substr(open + 1, signal.size() - open - 2);
    const size_t comma = inner.find(',');
    if (signal.starts_with("par(")) return true;  // an expression: its names bind when it is read
    if (signal[0] == 'i') return c_.find_element(inner) != nullptr;
    return c_.find_node(inner.substr(0, comma)).has_value() &&
           (comma == std::string::npos || c_.find_node(inner.substr(comma + 1)).has_value());
  }

  void fouriers(const Scope& top) {
    for (const Fourier& f : deck_.fouriers) {
      FlatFourier flat;
      flat.loc = f.loc;
      const std::optional<double> frequency = top.evaluate(f.frequency);
      if (!frequency) continue;  // reported by the evaluation
      if (!(*frequency > 0)) {
        diag_.error("syntax", f.loc, ".four needs a fundamental frequency above 0");
        continue;
      }
      flat.frequency = *frequency;
      for (size_t k = 0; k < f.signals.size(); ++k) {
        if (!signal_exists(f.signals[k]))
          diag_.error("unknown-output", f.signal_locs[k],
                      ".four output " + f.signals[k] + " names nothing in the circuit");
        flat.signals.push_back(f.signals[k]);
      }
      c_.fouriers.push_back(std::move(flat));
    }
  }

  void measures(const Scope& top) {
    auto eval = [&](const Value& v) { return top.evaluate(v).value_or(0.0); };
    auto check = [&](const Measure& m, const std::string& signal, SourceLoc loc) {
      if (signal.empty() || signal_exists(signal)) return;
      diag_.error(
          "unknown-output", loc,
          "measure " + m.name + " reads " + signal + ", which names nothing in the circuit");
    };
    auto flat_point = [&](const MeasurePoint& p) {
      FlatPoint f;
      if (p.at) f.at = eval(*p.at);
      f.when.signal = p.when.signal;
      f.when.value_signal = p.when.value_signal;
      if (p.when.value_signal.empty()) f.when.value = eval(p.when.value);
      f.when.edge = p.when.edge;
      f.when.count = p.when.count;
      if (p.when.td) f.when.td = eval(*p.when.td);
      return f;
    };
    for (const Measure& m : deck_.measures) {
      check(m, m.signal, m.signal_loc);
      check(m, m.trig.when.signal, m.trig.when.signal_loc);
      check(m, m.trig.when.value_signal, m.trig.when.value_signal_loc);
      check(m, m.targ.when.value_signal, m.targ.when.value_signal_loc);
      check(m, m.targ.when.signal, m.targ.when.signal_loc);
      FlatMeasure f;
      f.analysis = m.analysis;
      f.name = m.name;
      f.kind = m.kind;
      f.signal = m.signal;
      f.trig = flat_point(m.trig);
      f.targ = flat_point(m.targ);
      if (m.from) f.from = eval(*m.from);
      if (m.to) f.to = eval(*m.to);
      f.expr = m.expr;
      f.loc = m.loc;
      c_.measures.push_back(std::move(f));
    }
  }

  const Deck& deck_;
  const ElaborateOptions& opt_;
  Diagnostics& diag_;
  EvalState state_;
  Circuit c_;
  std::unordered_set<std::string> globals_;
  std::unordered_map<std::string, int32_t> model_index_;
  NameIndex instance_index_;                                    // subcircuit instance names
  std::vector<std::pair<std::string, SourceLoc>> instances_;    // name, where it stands
  std::unordered_map<std::string, std::vector<int32_t>> bins_;  // "nch" -> models "nch.1", ...
  std::vector<const Frame*> frames_;
};

}  // namespace

Circuit elaborate(const Deck& deck, const ElaborateOptions& options, Diagnostics& diag) {
  return Elaborator(deck, options, diag).run();
}

}  // namespace xb::netlist
