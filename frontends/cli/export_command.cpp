// The ngspice forms of the built-in devices (equations: devices/*.cpp, docs/devices.md):
//   conductor   G element of conductance geff: g or 1/r, clamped to [gmin, gmax], snapped to levels
//   opamp_tanh  a 0 V source from in to ref senses I; B source v(out,ref) = −vinv·tanh(rinv·I/vinv)
//   opamp       B source v(o) = vsat·tanh(gain·(v(inp) − v(inn))/vsat), rout from o to out
//   taox        B source for i(v, x) across p n; the state on node x: in decks with .tran a 1 F
//               capacitor charged by a B source with dx/dt (exponents combined and capped at 200
//               as in devices/taox.cpp; the [xmin, 1] bounds are not written), started by .ic
//               lines from xbspice's own initial states; in decks without .tran a source holding
//               x0. Model parameters become the subcircuit's defaults; X-line parameters
//               override them as ngspice subcircuit parameters.

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
#include "devices/taox.hpp"
#include "frontends/cli/exit_codes.hpp"
#include "frontends/cli/report.hpp"
#include "frontends/export/ngspice_control.hpp"
#include "frontends/export/verilog_a.hpp"
#include "netlist/deck_writer.hpp"

namespace xb::cli {
namespace {

using netlist::format_number;

std::string num(double v) {
  return std::isfinite(v) ? format_number(v) : "1e300";
}

// The subcircuit standing in for .model `m` of a built-in type.
std::string ngspice_subckt(const netlist::Model& m, const devices::ResolvedParams& p,
                           bool dynamic) {
  std::ostringstream s;
  if (m.type == "conductor") {
    s << ".subckt " << m.name << " p n g=" << (p.given[0] ? num(p[0]) : "-1")
      << " r=" << (p.given[1] ? num(p[1]) : "-1") << " gmin=" << num(p[2]) << " gmax=" << num(p[3])
      << " levels=" << num(p[4]) << "\n"
      << ".param graw={g >= 0 ? g : 1/r}\n.param gcl={min(max(graw, gmin), gmax)}\n"
      << ".param gstep={levels >= 2 ? (gmax - gmin)/(levels - 1) : 1}\n"
      << ".param geff={levels >= 2 ? gmin + floor((gcl - gmin)/gstep + 0.5)*gstep : gcl}\n"
      << "gcond p n p n {geff}\n.ends " << m.name << "\n";
  } else if (m.type == "opamp_tanh") {
    s << ".subckt " << m.name << " in out ref rinv=" << num(p[0]) << " vinv=" << num(p[1]) << "\n"
      << "vsense in ref 0\nbout out ref v=-{vinv}*tanh({rinv}*i(vsense)/{vinv})\n.ends " << m.name
      << "\n";
  } else if (m.type == "opamp") {
    const bool rout = p[2] > 0;
    s << ".subckt " << m.name << " inp inn out gain=" << num(p[0]) << " vsat=" << num(p[1])
      << " rout=" << num(p[2]) << "\n"
      << "bo " << (rout ? "o" : "out") << " 0 v={vsat}*tanh({gain}*(v(inp)-v(inn))/{vsat})\n";
    if (rout) s << "ro o out {rout}\n";
    s << ".ends " << m.name << "\n";
  } else if (m.type == "taox") {
    enum {
      kA,
      kB,
      kSigp,
      kSigon,
      kSigoff,
      kXoff,
      kXon,
      kBeta,
      kGm,
      kAa,
      kBb,
      kXmin,
      kX0,
      kG0,
      kVr
    };
    s << ".subckt " << m.name << " p n x0=" << num(p.given[kX0] ? p[kX0] : 0.5)
      << " g0=" << (p.given[kG0] ? num(p[kG0]) : "-1") << " vread=" << num(p[kVr]) << "\n";
    const char* names[] = {"aoff", "bon",  "sigp", "sigon", "sigoff", "xoff",
                           "xon",  "beta", "gm",   "a",     "b"};
    for (int i = 0; i <= kBb; ++i) s << ".param " << names[i] << "=" << num(p[i]) << "\n";
    const std::string g = "({gm}*v(x) + {a}*exp({b}*sqrt(abs(v(p,n))))*(1-v(x)))";
    s << "bi p n i=v(p,n)*" << g << "\n";
    if (!dynamic) {
      s << ".param semi={a*exp(b*sqrt(vread))}\n"
        << ".param xhold={g0 >= 0 ? (g0 - semi)/(gm - semi) : x0}\n"
        << "vx x 0 {xhold}\n";
    } else {
      s << "cx x 0 1\n"
        << "bpw pw 0 v=max(v(p,n)*v(p,n)*" << g << ", 0)\n"
        << "bx 0 x i=v(p,n) > 0 ? {bon}*0.5*(1-exp(-2*v(p,n)/{sigon}))*exp(min(v(p,n)/{sigon} - "
           "(v(x)/{xon})*(v(x)/{xon}) + v(pw)/{sigp}, 200)) : -{aoff}*0.5*(1-exp(2*v(p,n)/"
           "{sigoff}))*exp(min(-v(p,n)/{sigoff} - ({xoff}/max(v(x),1e-9))*({xoff}/max(v(x),1e-9))"
           " + 1/(1+{beta}*v(pw)), 200))\n";
    }
    s << ".ends " << m.name << "\n";
  }
  return s.str();
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
  const devices::BuiltinType& t = *devices::find_builtin(m.type);
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
    subckts += ngspice_subckt(hoisted, p, dynamic);
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
  std::ofstream file(o.output);
  file << out;
  if (!file) {
    std::cerr << "xbspice export: error: cannot write " << o.output << "\n";
    return kUserError;
  }
  return kOk;
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
      if (circuit.device_type(e) != "taox") continue;
      const devices::BuiltinType* t = devices::find_builtin("taox");
      devices::ResolvedParams p =
          devices::resolve_params(*t, circuit.models[e.model].params, e.params);
      std::string error;
      const devices::TaoxParams tp = devices::TaoxParams::from(p, error);
      if (!error.empty()) {
        std::cerr << "xbspice export: error: " << e.name << ": " << error << "\n";
        return kUserError;
      }
      bool user_ic = false;
      for (const netlist::FlatInitial& ic : circuit.initial_conditions)
        user_ic = user_ic || circuit.node_names[ic.node.value] == e.name + ".x";
      if (!user_ic) ics += ".ic v(" + e.name + ".x)=" + num(tp.x0) + "\n";
    }
  // Sweeps ngspice's .dc cannot run: every analysis moves into a .control block.
  const bool control = exporter::needs_control_block(circuit);
  std::string header =
      "* exported by xbspice for ngspice: built-in devices as behavioural subcircuits\n";
  std::string block;
  if (control) {
    const std::string raw = (o.output.empty() ? std::string("xbspice")
                                              : std::filesystem::path(o.output).stem().string()) +
                            ".raw";
    header += "* run: ngspice -b " + (o.output.empty() ? std::string("DECK") : o.output) +
              "  (the .control block writes " + raw + ")\n";
    block = exporter::ngspice_control_block(circuit, raw);
    declare_data_columns(circuit, deck);
    deck.analyses.clear();
  }
  deck.data.clear();  // ngspice reads no .data cards; the block above runs the sweeps over them
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
  std::ofstream file(o.output);
  file << out;
  if (!file) {
    std::cerr << "xbspice export: error: cannot write " << o.output << "\n";
    return kUserError;
  }
  return kOk;
}

}  // namespace xb::cli
