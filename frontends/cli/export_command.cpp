// `xbspice export`: a deck rewritten for ngspice (each built-in device as the subcircuit its
// descriptor writes, devices/<type>.cpp; memristor states as .ic lines) or for HSPICE (each
// built-in device as its descriptor's Verilog-A module beside the deck, loaded with .hdl).

#include "frontends/cli/export_command.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <unordered_map>

#include "devices/builtin.hpp"
#include "frontends/cli/exit_codes.hpp"
#include "frontends/cli/report.hpp"
#include "frontends/export/ngspice_control.hpp"
#include "frontends/export/verilog_a.hpp"
#include "netlist/deck_writer.hpp"

namespace xb::cli {
namespace {

using netlist::format_number;

// The exported deck to `path`: kOk, or kUserError after saying why.
int write_text(const std::string& path, const std::string& text) {
  std::ofstream file(path);
  file << text;
  if (!file) {
    std::cerr << "xbspice export: error: cannot write " << path << "\n";
    return kUserError;
  }
  return kOk;
}

// ngspice 39 sets no breakpoints at the repeats of a PWL with R=, so its steps straddle their
// corners (2.5e-3 of range off on tran_pwl_repeat). A top-level source whose repeat joins up
// (the value at R equals the last one) is written out as explicit points up to the last tstop,
// every corner a breakpoint; one that jumps at each repeat is left as written.
void expand_pwl_repeats(netlist::Deck& deck, const netlist::Circuit& c) {
  double tstop = 0;
  for (const netlist::FlatAnalysis& a : c.analyses)
    if (a.kind == netlist::AnalysisKind::tran) tstop = std::max(tstop, a.tstop);
  if (tstop <= 0) return;
  constexpr size_t kMaxPoints = 1'000'000;
  for (netlist::Element& e : deck.elements) {
    if ((e.kind != 'v' && e.kind != 'i') || !e.source ||
        e.source->function != netlist::SourceFunction::pwl)
      continue;
    const netlist::FlatElement* fe = c.find_element(e.name);
    if (!fe || !fe->source || fe->source->args.size() < 4) continue;
    const netlist::FlatSource& fs = *fe->source;
    const double r = netlist::param_or(fs.options, "r", -1),
                 td = netlist::param_or(fs.options, "td", 0);
    const size_t n = fs.args.size() / 2;
    const double last = fs.args[2 * (n - 1)];
    if (r < 0 || last <= r) continue;
    auto value_at = [&](double t) {  // the written table, linear between its points
      for (size_t i = 1; i < n; ++i)
        if (t <= fs.args[2 * i]) {
          const double t0 = fs.args[2 * i - 2], t1 = fs.args[2 * i];
          const double v0 = fs.args[2 * i - 1], v1 = fs.args[2 * i + 1];
          return t1 > t0 ? v0 + (v1 - v0) * (t - t0) / (t1 - t0) : v1;
        }
      return fs.args[2 * n - 1];
    };
    if (value_at(r) != fs.args[2 * n - 1]) continue;
    std::vector<std::pair<double, double>> points;
    for (size_t i = 0; i < n; ++i) points.emplace_back(fs.args[2 * i], fs.args[2 * i + 1]);
    const double period = last - r;
    for (double base = last; base < tstop - td && points.size() < kMaxPoints; base += period)
      for (size_t i = 0; i < n; ++i)
        if (fs.args[2 * i] > r) points.emplace_back(base + fs.args[2 * i] - r, fs.args[2 * i + 1]);
    if (points.size() >= kMaxPoints) continue;
    auto spec = std::make_shared<netlist::SourceSpec>(*e.source);
    spec->args.clear();
    for (auto [t, v] : points) {
      spec->args.push_back(netlist::Value::of(t + td));
      spec->args.push_back(netlist::Value::of(v));
    }
    std::erase_if(spec->options,
                  [](const netlist::NamedValue& o) { return o.name == "r" || o.name == "td"; });
    e.source = std::move(spec);
  }
}

// .data columns naming neither a source nor temp set parameters; alterparam needs them declared.
void declare_data_columns(const netlist::Circuit& c, netlist::Deck& deck) {
  for (const netlist::FlatAnalysis& a : c.analyses)
    for (const netlist::FlatSweep& s : a.sweeps) {
      if (s.target != netlist::FlatSweep::Target::data) continue;
      for (size_t col = 0; col < s.data_columns.size(); ++col) {
        const std::string& name = s.data_columns[col];
        const netlist::FlatElement* e = c.find_element(name);
        const bool declared = std::any_of(deck.params.begin(), deck.params.end(),
                                          [&](const netlist::Param& p) { return p.name == name; });
        if (name == "temp" || (e && (e->kind == 'v' || e->kind == 'i')) || declared) continue;
        netlist::Param p;
        p.name = name;
        p.value = netlist::Value::of(s.data_rows.empty() ? 0.0 : s.data_rows[0][col]);
        deck.params.push_back(std::move(p));
      }
    }
}

// The parameters of built-in model `m` as the elaborated circuit resolved them. A model local to
// a subcircuit has a copy per instance ("x1.m", "x2.m"); the copies must agree, since one
// ngspice subcircuit stands for them all. An unused local model resolves its plain numbers.
bool resolve_model(const netlist::Circuit& c, const netlist::Model& m, bool local,
                   devices::ResolvedParams& out, std::string& error) {
  const devices::DeviceDescriptor& t = *devices::find_builtin(m.type);
  bool found = false;
  for (const netlist::FlatModel& f : c.models) {
    const bool match =
        local ? f.name.size() > m.name.size() && f.name.ends_with("." + m.name) && f.type == m.type
              : f.name == m.name;
    if (!match) continue;
    devices::ResolvedParams p = devices::resolve_params(t, f.params, {});
    // Unset parameters hold NaN, which equals nothing: compare bit patterns' meaning by hand.
    const bool same =
        std::equal(p.values.begin(), p.values.end(), out.values.begin(), out.values.end(),
                   [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); });
    if (found && !same) {
      error = ".model " + m.name + " (" + m.type +
              ") takes different values in different subcircuit instances; the ngspice export "
              "needs one set (make its parameters X-line parameters)";
      return false;
    }
    out = std::move(p);
    found = true;
  }
  if (!found) {
    netlist::NumericParams literal;
    for (const netlist::NamedValue& v : m.params)
      if (!v.value.is_expression()) literal.emplace_back(v.name, v.value.number);
    out = devices::resolve_params(t, literal, {});
  }
  if (!out.error.empty()) error = ".model " + m.name + ": " + out.error;
  return out.error.empty();
}

// Built-in .model cards of `body` become ngspice subcircuits appended to `subckts`. Those local to
// a subcircuit are hoisted to the top level as "<subckt>_<model>" and the X lines of that body
// renamed, since ngspice's nested subcircuit definitions cannot see their parent's parameters.
// `renamed` carries the enclosing subcircuits' hoisted names, which nested bodies also see.
bool replace_builtin_models(const netlist::Circuit& c, netlist::Body& body,
                            const std::string& scope, bool dynamic, std::string& subckts,
                            std::string& error,
                            std::unordered_map<std::string, std::string> renamed = {}) {
  std::vector<netlist::Model> kept;
  for (const netlist::Model& m : body.models) {
    if (!devices::find_builtin(m.type)) {
      kept.push_back(m);
      continue;
    }
    devices::ResolvedParams p;
    if (!resolve_model(c, m, !scope.empty(), p, error)) return false;
    netlist::Model hoisted = m;
    if (!scope.empty()) hoisted.name = renamed[m.name] = scope + "_" + m.name;
    subckts += devices::find_builtin(m.type)->ngspice_subckt(hoisted.name, p, dynamic);
  }
  body.models = std::move(kept);
  for (netlist::Element& e : body.elements)
    if (e.kind == 'x' && renamed.count(e.model)) e.model = renamed[e.model];
  for (netlist::Subckt& s : body.subckts)
    if (!replace_builtin_models(c, s.body, scope.empty() ? s.name : scope + "_" + s.name, dynamic,
                                subckts, error, renamed))
      return false;
  return true;
}

// HSPICE's .DATA columns name parameters ("used for source value, element value, ..."); a column
// naming an independent source is xbspice's shorthand. For HSPICE such a column becomes parameter
// xb_<source>, declared with the first row's value, and the source's DC value reads it.
netlist::Deck with_data_parameters(netlist::Deck deck) {
  for (netlist::DataTable& t : deck.data)
    for (std::string& column : t.columns) {
      auto e = std::find_if(deck.elements.begin(), deck.elements.end(), [&](const auto& el) {
        return el.name == column && (el.kind == 'v' || el.kind == 'i') && el.source;
      });
      if (e == deck.elements.end()) continue;
      const std::string param = "xb_" + column;
      netlist::Diagnostics diag;
      auto spec = std::make_shared<netlist::SourceSpec>(*e->source);
      spec->dc = netlist::Value{0, netlist::Expression::parse(param, {}, diag), {}};
      e->source = std::move(spec);
      const size_t col = static_cast<size_t>(&column - t.columns.data());
      netlist::Param p;
      p.name = param;
      p.value = t.rows.empty() ? netlist::Value::of(0) : t.rows[0][col];
      deck.params.push_back(std::move(p));
      column = param;
    }
  return deck;
}

// HSPICE has no B element (its B is an IBIS buffer): a B source with v= becomes an E element with
// VOL=, one with i= a G element with CUR=, named e<name> / g<name>.
void behavioural_as_controlled(netlist::Body& body) {
  for (netlist::Element& e : body.elements) {
    if (e.kind != 'b' || e.params.empty()) continue;
    netlist::NamedValue& p = e.params.front();
    if (p.name != "v" && p.name != "i") continue;
    e.kind = p.name == "v" ? 'e' : 'g';
    e.name = std::string(1, e.kind) + e.name;
    p.name = p.name == "v" ? "vol" : "cur";
  }
  for (netlist::Subckt& s : body.subckts) behavioural_as_controlled(s.body);
}

// HSPICE constructs ngspice lacks, rewritten or dropped with a note in the deck:
//   .hdl            ngspice loads no Verilog-A this way (built-ins are subcircuits already)
//   .alter          ngspice has none; the main deck is exported, each block run separately
//   E/G VOL=/CUR= with MAX=/MIN=   the clamp folded into the expression
//   binned models   (nch -> nch.2 by L and W): top-level elements name the bin xbspice chose
std::string hspice_only_for_ngspice(const netlist::Circuit& c, netlist::Deck& deck) {
  std::string notes;
  for (const netlist::NamedLoc& h : deck.hdl_files)
    notes += "* .hdl \"" + h.name + "\" dropped: ngspice does not read Verilog-A through .hdl\n";
  deck.hdl_files.clear();
  if (!deck.alters.empty()) {
    notes += "* " + std::to_string(deck.alters.size()) +
             " .alter block(s) not exported: ngspice has no .alter\n";
    std::cerr << "xbspice export: warning: ngspice has no .alter; the " << deck.alters.size()
              << " .alter block(s) are not exported\n";
    deck.alters.clear();
  }
  netlist::Diagnostics diag;
  for (netlist::Element& e : deck.elements) {
    if ((e.kind == 'e' || e.kind == 'g') && !e.params.empty()) {
      auto find = [&](const char* name) {
        return std::find_if(e.params.begin(), e.params.end(),
                            [&](const netlist::NamedValue& p) { return p.name == name; });
      };
      auto out = find(e.kind == 'e' ? "vol" : "cur"), hi = find("max"), lo = find("min");
      if (out == e.params.end() || (hi == e.params.end() && lo == e.params.end())) continue;
      auto text = [](const netlist::Value& v) {
        return v.expr ? v.expr->text() : netlist::format_number(v.number);
      };
      std::string clamped = "(" + text(out->value) + ")";
      if (hi != e.params.end()) clamped = "min(" + clamped + ", " + text(hi->value) + ")";
      if (lo != e.params.end()) clamped = "max(" + clamped + ", " + text(lo->value) + ")";
      if (netlist::ExprPtr x = netlist::Expression::parse(clamped, {}, diag)) {
        out->value = netlist::Value{0, x, out->value.loc};
        std::erase_if(e.params, [](const netlist::NamedValue& p) {
          return p.name == "max" || p.name == "min";
        });
      }
    }
    const netlist::FlatElement* flat = c.find_element(e.name);
    if (e.kind == 'm' && flat && flat->model >= 0 && c.models[flat->model].name != e.model)
      e.model = c.models[flat->model].name;  // the bin
  }
  return notes;
}

}  // namespace

// HSPICE: the deck as written, `.option post`, and each built-in type as a Verilog-A module beside
// it, loaded with .hdl; .model cards and X lines are unchanged.
int export_hspice(const ExportOptions& o, const netlist::Deck& deck) {
  if (o.output.empty()) {
    std::cerr << "xbspice export: error: --to hspice needs -o FILE (the Verilog-A modules are "
                 "written beside it)\n";
    return kUserError;
  }
  // SPICE3's switches have no HSPICE element: HSPICE's S and W are S-parameter and transmission
  // line elements, and its VCR switch has no hysteresis.
  std::string switches;
  auto find_switches = [&](const netlist::Body& b, auto& self) -> void {
    for (const netlist::Element& e : b.elements)
      if (e.kind == 's' || e.kind == 'w') switches += " " + e.name;
    for (const netlist::Subckt& s : b.subckts) self(s.body, self);
  };
  find_switches(deck, find_switches);
  if (!switches.empty()) {
    std::cerr << "xbspice export: error: the SPICE3 switches" << switches
              << " have no HSPICE form (HSPICE's S and W elements are S-parameter and "
                 "transmission-line models; a G element with VCR switches without hysteresis)\n";
    return kUserError;
  }
  std::set<std::string> types;
  auto collect = [&](const std::vector<netlist::Model>& models) {
    for (const netlist::Model& m : models)
      if (devices::find_builtin(m.type)) types.insert(m.type);
  };
  collect(deck.models);
  for (const netlist::Subckt& s : deck.subckts) collect(s.body.models);
  const std::filesystem::path dir = std::filesystem::path(o.output).parent_path();
  std::string header = "* exported by xbspice for HSPICE\n.option post\n";
  for (const std::string& t : types) {
    const std::filesystem::path va = dir / (t + ".va");
    std::ofstream file(va);
    file << exporter::verilog_a_module(t);
    if (!file) {
      std::cerr << "xbspice export: error: cannot write " << va.string() << "\n";
      return kUserError;
    }
    header += ".hdl \"" + t + ".va\"\n";
  }
  std::ostringstream text;
  netlist::Deck hspice_deck = with_data_parameters(deck);
  behavioural_as_controlled(hspice_deck);
  netlist::write_deck(hspice_deck, netlist::DeckDialect::hspice, text);
  std::string out = text.str();
  out.insert(out.find('\n') + 1, header);
  return write_text(o.output, out);
}

int run_export(const ExportOptions& o) {
  if (o.to != "ngspice" && o.to != "hspice") {
    std::cerr << "xbspice export: error: --to " << o.to << ": hspice or ngspice\n";
    return kUserError;
  }
  const session::LoadedDeck loaded = session::load_deck(o.deck);
  if (!report_diagnostics(loaded)) return kUserError;
  return export_loaded(loaded, o);
}

int export_loaded(const LoadedDeck& loaded, const ExportOptions& o) {
  if (o.to != "ngspice" && o.to != "hspice") {
    std::cerr << "xbspice export: error: --to " << o.to << ": hspice or ngspice\n";
    return kUserError;
  }
  if (o.to == "hspice") return export_hspice(o, loaded.deck);
  netlist::Deck deck = loaded.deck;
  const bool dynamic = std::any_of(deck.analyses.begin(), deck.analyses.end(), [](const auto& a) {
    return a.kind == netlist::AnalysisKind::tran;
  });
  // Replace the built-in models by subcircuits of the same names (local ones hoisted).
  netlist::Circuit circuit = loaded.runs.front();
  if (circuit.temperatures.size() > 1) {
    // ngspice keeps one circuit temperature (its .temp takes one value); HSPICE runs each.
    std::cerr << "xbspice export: error: " << o.deck << ": .temp lists "
              << circuit.temperatures.size()
              << " temperatures; ngspice simulates one: export one .temp value at a time\n";
    return kUserError;
  }
  for (size_t k = 0; k < circuit.analyses.size(); ++k)
    exporter::table_sweep_as_index_sweep(deck, circuit, k);
  std::string subckts, error;
  if (!replace_builtin_models(circuit, deck, "", dynamic, subckts, error)) {
    std::cerr << "xbspice export: error: " << error << "\n";
    return kUserError;
  }
  // The memristors' initial states as .ic lines (x0, or g0 solved), from the elaborated circuit.
  std::string ics;
  if (dynamic)
    for (const netlist::FlatElement& e : circuit.elements) {
      const devices::DeviceDescriptor* t = devices::find_builtin(circuit.device_type(e));
      if (!t || !t->initial_state) continue;
      devices::ResolvedParams p =
          devices::resolve_params(*t, circuit.models[e.model].params, e.params);
      std::string error;
      const double x0 = t->initial_state(p, error);
      if (!error.empty()) {
        std::cerr << "xbspice export: error: " << e.name << ": " << error << "\n";
        return kUserError;
      }
      bool user_ic = false;
      for (const netlist::FlatInitial& ic : circuit.initial_conditions)
        user_ic = user_ic || circuit.node_names[ic.node.value] == e.name + ".x";
      if (!user_ic) ics += ".ic v(" + e.name + ".x)=" + devices::deck_number(x0) + "\n";
    }
  // Sweeps ngspice's .dc cannot run: every analysis moves into a .control block.
  const bool control = exporter::needs_control_block(circuit);
  std::string header =
      "* exported by xbspice for ngspice: built-in devices as behavioural subcircuits\n";
  // xbspice's DC points are converged past SPICE's criterion (to ~1e-9); ngspice at its default
  // reltol stops up to ~1e-5 away. Tighter tolerances make the two agree to 1e-6. A deck's own
  // .options come later and still win; transients keep ngspice's defaults, whose time steps
  // xbspice's follow.
  if (!dynamic)
    header +=
        "* tolerances tightened so that ngspice's DC solution agrees with xbspice's to 1e-6\n"
        ".options reltol=1e-8 abstol=1e-15 vntol=1e-12\n";
  std::string block;
  if (control) {
    const std::string raw = (o.output.empty() ? std::string("xbspice")
                                              : std::filesystem::path(o.output).stem().string()) +
                            ".raw";
    const std::string name = o.output.empty() ? std::string("DECK") : o.output;
    header += "* run: ngspice -b " + name + "  (the .control block writes " + raw +
              "), or ngspice -b -r FILE " + name + "\n";
    block = exporter::ngspice_control_block(circuit, raw);
    declare_data_columns(circuit, deck);
    deck.analyses.clear();
  }
  deck.data.clear();  // ngspice reads no .data cards; the block above runs the sweeps over them
  expand_pwl_repeats(deck, circuit);
  header += hspice_only_for_ngspice(circuit, deck);
  std::ostringstream text;
  netlist::write_deck(deck, netlist::DeckDialect::ngspice, text);
  std::string out = text.str();
  out.insert(out.find('\n') + 1, header + subckts + ics);
  if (control) out.insert(out.rfind(".end"), block);
  if (o.output.empty()) {
    std::cout << out;
    return kOk;
  }
  return write_text(o.output, out);
}

int write_built_deck(netlist::Deck deck, const std::string& path, const std::string& to,
                     const std::string& command) {
  if (!to.empty() && to != "hspice" && to != "ngspice") {
    std::cerr << "xbspice " << command << ": error: --to " << to << ": hspice or ngspice\n";
    return kUserError;
  }
  if (const auto parent = std::filesystem::path(path).parent_path(); !parent.empty())
    std::filesystem::create_directories(parent);
  if (to.empty()) {
    std::ofstream file(path);
    netlist::write_deck(deck, netlist::DeckDialect::hspice, file);
    if (file) return kOk;
    std::cerr << "xbspice " << command << ": error: cannot write " << path << "\n";
    return kUserError;
  }
  session::LoadedDeck loaded = session::elaborate_deck(std::move(deck));
  if (!report_diagnostics(loaded)) return kUserError;
  ExportOptions e;
  e.to = to;
  e.output = path;
  return export_loaded(loaded, e);
}

}  // namespace xb::cli
