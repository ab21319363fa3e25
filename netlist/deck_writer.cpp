#include "netlist/deck_writer.hpp"

#include <charconv>
#include <numbers>

#include "netlist/elaborate.hpp"

namespace xb::netlist {

std::string format_number(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

namespace {

// An expression as ngspice reads it: every operation parenthesised, and the functions ngspice
// lacks or reads differently rewritten: if(c,a,b), sign(a,b) (Fortran's), atan2(y,x) (absent
// from ngspice's .param functions), limit(x,a,b) (ngspice's limit is not a clamp) and pwr(x,y)
// (HSPICE keeps the sign of x; ngspice 39 gives pwr(-2, 2) = 4).
std::string ngspice_text(const Expression& e, uint32_t index) {
  const ExprNode& n = e.nodes()[index];
  auto sub = [&](uint32_t k) { return ngspice_text(e, k); };
  auto bin = [&](const char* op) { return "(" + sub(n.a) + " " + op + " " + sub(n.b) + ")"; };
  switch (n.op) {
    case ExprOp::constant:
      return n.value < 0 ? "(" + format_number(n.value) + ")" : format_number(n.value);
    case ExprOp::param:
      return e.names()[n.name];
    case ExprOp::user_call: {  // a .func, written with its definition
      std::string out = e.names()[n.name] + "(";
      for (uint32_t k = 0; k < n.b; ++k) out += (k ? ", " : "") + sub(e.args()[n.a + k]);
      return out + ")";
    }
    case ExprOp::voltage:
      return "v(" + e.names()[n.name] + (n.has_second_node ? "," + e.names()[n.name2] : "") + ")";
    case ExprOp::current:
      return "i(" + e.names()[n.name] + ")";
    case ExprOp::sim_var:
      return n.var == SimVar::time ? "time" : n.var == SimVar::temper ? "temper" : "hertz";
    case ExprOp::neg:
      return "(-" + sub(n.a) + ")";
    case ExprOp::logical_not:
      return "(!" + sub(n.a) + ")";
    case ExprOp::add:
      return bin("+");
    case ExprOp::sub:
      return bin("-");
    case ExprOp::mul:
      return bin("*");
    case ExprOp::div:
      return bin("/");
    case ExprOp::mod:
      return bin("%");
    case ExprOp::pow:
      return bin("^");
    case ExprOp::lt:
      return bin("<");
    case ExprOp::le:
      return bin("<=");
    case ExprOp::gt:
      return bin(">");
    case ExprOp::ge:
      return bin(">=");
    case ExprOp::eq:
      return bin("==");
    case ExprOp::ne:
      return bin("!=");
    case ExprOp::logical_and:
      return bin("&&");
    case ExprOp::logical_or:
      return bin("||");
    case ExprOp::ternary:
      return "(" + sub(n.a) + " ? " + sub(n.b) + " : " + sub(n.c) + ")";
    case ExprOp::call: {
      std::vector<std::string> a;
      for (uint32_t k : e.call_args(n)) a.push_back(sub(k));
      auto ternary = [](const std::string& c, const std::string& x, const std::string& y) {
        return "(" + c + " ? " + x + " : " + y + ")";
      };
      switch (n.func) {
        case ExprFunc::if_:
          return ternary(a[0] + " != 0", a[1], a[2]);
        case ExprFunc::sign:
          if (a.size() == 1) return "sgn(" + a[0] + ")";
          return ternary(a[1] + " >= 0", "abs(" + a[0] + ")", "(-abs(" + a[0] + "))");
        case ExprFunc::pwr:  // HSPICE's sign-keeping power; ngspice's pwr(-2, 2) is 4
          return "(sgn(" + a[0] + ") * pow(abs(" + a[0] + "), " + a[1] + "))";
        case ExprFunc::limit:
          return "min(max(" + a[0] + ", min(" + a[1] + ", " + a[2] + ")), max(" + a[1] + ", " +
                 a[2] + "))";
        case ExprFunc::atan2: {  // atan2(y, x), quadrant by quadrant (ngspice's .param has no pi)
          const std::string y = a[0], x = a[1], t = "atan(" + y + " / " + x + ")";
          const std::string pi = format_number(std::numbers::pi);
          const std::string half = format_number(std::numbers::pi / 2);
          return ternary(
              x + " > 0", t,
              ternary(x + " < 0", ternary(y + " >= 0", t + " + " + pi, t + " - " + pi),
                      ternary(y + " > 0", half, ternary(y + " < 0", "(-" + half + ")", "0"))));
        }
        default: {
          std::string out = std::string(function_name(n.func)) + "(";
          for (size_t k = 0; k < a.size(); ++k) out += (k ? ", " : "") + a[k];
          return out + ")";
        }
      }
    }
  }
  return e.text();
}

class Writer {
 public:
  Writer(DeckDialect d, std::ostream& out) : d_(d), out_(out) {}

  std::string value(const Value& v) const {
    if (!v.expr) return format_number(v.number);
    return d_ == DeckDialect::hspice ? "'" + v.expr->text() + "'"
                                     : "{" + ngspice_text(*v.expr, v.expr->root()) + "}";
  }

  void named(const std::vector<NamedValue>& params) {
    for (const NamedValue& p : params) out_ << ' ' << p.name << '=' << value(p.value);
  }

  // ngspice knows 0 and gnd as ground; HSPICE's gnd! and ground become 0.
  std::string node(const std::string& n) const {
    return d_ == DeckDialect::ngspice && is_ground_name(n) ? "0" : n;
  }

  void element(const Element& e) {
    out_ << e.name;
    if (e.kind == 'k') {
      for (const std::string& r : e.refs) out_ << ' ' << r;
    } else if ((e.kind == 'e' || e.kind == 'g' || e.kind == 'f' || e.kind == 'h') &&
               e.model == "poly") {
      out_ << ' ' << node(e.nodes[0]) << ' ' << node(e.nodes[1]) << " poly("
           << value(e.values.at(0)) << ")";
      for (size_t i = 2; i < e.nodes.size(); ++i) out_ << ' ' << node(e.nodes[i]);
      for (const std::string& r : e.refs) out_ << ' ' << r;
      for (size_t i = 1; i < e.values.size(); ++i) out_ << ' ' << value(e.values[i]);
      named(e.params);
      out_ << '\n';
      return;
    } else if (e.kind == 'e' && e.model == "opamp") {
      out_ << ' ' << node(e.nodes.at(0)) << ' ' << node(e.nodes.at(1)) << " opamp";
      for (size_t i = 2; i < e.nodes.size(); ++i) out_ << ' ' << node(e.nodes[i]);
    } else {
      for (const std::string& n : e.nodes) out_ << ' ' << node(n);
      for (const std::string& r : e.refs) out_ << ' ' << r;
      if (!e.model.empty()) out_ << ' ' << e.model;
    }
    for (const Value& v : e.values) out_ << ' ' << value(v);
    if ((e.kind == 'v' || e.kind == 'i') && e.source) source(*e.source);
    if (e.kind == 'x' && !e.params.empty() && d_ == DeckDialect::ngspice) out_ << " params:";
    if (e.kind == 's' || e.kind == 'w') {  // a switch's ON and OFF are flags, not name=value
      std::vector<NamedValue> rest;
      for (const NamedValue& p : e.params)
        if (p.name == "on" || p.name == "off")
          out_ << ' ' << p.name;
        else
          rest.push_back(p);
      named(rest);
    } else {
      named(e.params);
    }
    out_ << '\n';
  }

  void source(const SourceSpec& s) {
    if (s.dc) out_ << " dc " << value(*s.dc);
    if (s.ac_magnitude) {
      out_ << " ac " << value(*s.ac_magnitude);
      if (s.ac_phase) out_ << ' ' << value(*s.ac_phase);
    }
    static const char* names[] = {"", "pulse", "pwl", "sin", "exp", "sffm", "am"};
    if (s.function == SourceFunction::none) return;
    out_ << ' ' << names[static_cast<int>(s.function)] << '(';
    for (size_t i = 0; i < s.args.size(); ++i) out_ << (i ? " " : "") << value(s.args[i]);
    out_ << ')';
    for (const NamedValue& o : s.options) {
      if (o.name == "r" && !o.value.expr && o.value.number == 0)
        out_ << " r";
      else
        out_ << ' ' << o.name << '=' << value(o.value);
    }
  }

  void model(const Model& m) {
    out_ << ".model " << m.name << ' ' << m.type;
    if (!m.params.empty() || !m.words.empty()) {
      out_ << " (";
      for (size_t i = 0; i < m.params.size(); ++i)
        out_ << (i ? " " : "") << m.params[i].name << '=' << value(m.params[i].value);
      for (size_t i = 0; i < m.words.size(); ++i)
        out_ << (i || !m.params.empty() ? " " : "") << m.words[i].first << '=' << m.words[i].second;
      out_ << ')';
    }
    out_ << '\n';
  }

  void params(const std::vector<Param>& ps) {
    for (const Param& p : ps) out_ << ".param " << p.name << '=' << value(p.value) << '\n';
  }

  // .func name(a, b) 'body' (HSPICE) or {body} (ngspice); both read .func.
  void functions(const std::vector<FunctionDef>& fs) {
    for (const FunctionDef& f : fs) {
      out_ << ".func " << f.name << '(';
      for (size_t i = 0; i < f.function.params.size(); ++i)
        out_ << (i ? ", " : "") << f.function.params[i];
      out_ << ") " << value(Value{0, f.function.body, f.loc}) << '\n';
    }
  }

  void body(const Body& b) {
    functions(b.functions);
    params(b.params);
    for (const Model& m : b.models) model(m);
    for (const Subckt& s : b.subckts) {
      out_ << ".subckt " << s.name;
      for (const std::string& p : s.ports) out_ << ' ' << p;
      if (!s.defaults.empty()) out_ << " params:";
      for (const Param& p : s.defaults) out_ << ' ' << p.name << '=' << value(p.value);
      out_ << '\n';
      body(s.body);
      out_ << ".ends " << s.name << '\n';
    }
    for (const Element& e : b.elements) element(e);
  }

  std::string sweep(const Sweep& s) const {
    switch (s.kind) {
      case Sweep::Kind::data:
        return "data=" + s.data_name;
      case Sweep::Kind::linear_step:
        return s.variable + ' ' + value(s.start) + ' ' + value(s.stop) + ' ' + value(s.step);
      case Sweep::Kind::lin:
      case Sweep::Kind::dec:
      case Sweep::Kind::oct: {
        const char* k = s.kind == Sweep::Kind::lin   ? "lin"
                        : s.kind == Sweep::Kind::dec ? "dec"
                                                     : "oct";
        return s.variable + ' ' + k + ' ' + value(s.step) + ' ' + value(s.start) + ' ' +
               value(s.stop);
      }
      case Sweep::Kind::list: {
        std::string out = s.variable + " poi " + std::to_string(s.values.size());
        for (const Value& v : s.values) out += ' ' + value(v);
        return out;
      }
    }
    return "";
  }

  void statements(const Statements& st) {
    body(st);
    for (const DataTable& t : st.data) {
      out_ << ".data " << t.name;
      for (const std::string& c : t.columns) out_ << ' ' << c;
      out_ << '\n';
      for (const auto& row : t.rows) {
        out_ << '+';
        for (const Value& v : row) out_ << ' ' << value(v);
        out_ << '\n';
      }
      out_ << ".enddata\n";
    }
    if (!st.globals.empty()) {
      out_ << ".global";
      for (const NamedLoc& g : st.globals) out_ << ' ' << g.name;
      out_ << '\n';
    }
    // One line: HSPICE runs the deck at every temperature it lists.
    if (!st.temperatures.empty()) {
      out_ << ".temp";
      for (const Value& t : st.temperatures) out_ << ' ' << value(t);
      out_ << '\n';
    }
    if (!st.options.empty()) {
      out_ << ".option";
      for (const NamedValue& o : st.options)
        out_ << ' ' << o.name << '='
             << (o.value.expr ? o.value.expr->text() : format_number(o.value.number));
      out_ << '\n';
    }
    auto initial = [&](const char* kw, const std::vector<InitialValue>& ivs) {
      if (ivs.empty()) return;
      out_ << kw;
      for (const InitialValue& iv : ivs) out_ << " v(" << iv.node << ")=" << value(iv.value);
      out_ << '\n';
    };
    initial(".ic", st.initial_conditions);
    initial(".nodeset", st.nodesets);
    for (const NamedLoc& h : st.hdl_files) out_ << ".hdl \"" << h.name << "\"\n";
    for (const Analysis& a : st.analyses) analysis(a);
    for (const Print& p : st.prints) {
      out_ << (p.probe ? ".probe" : ".print");
      if (!p.analysis.empty()) out_ << ' ' << p.analysis;
      for (const OutputVar& v : p.outputs) {
        out_ << ' ' << v.function << '(';
        if (v.expr) out_ << "'" << v.expr->text() << "'";
        for (size_t i = 0; i < v.args.size() && !v.expr; ++i) out_ << (i ? "," : "") << v.args[i];
        out_ << ')';
      }
      out_ << '\n';
    }
    for (const Measure& m : st.measures)
      out_ << ".measure " << (m.analysis.empty() ? "" : m.analysis + " ") << m.name << ' ' << m.text
           << '\n';
    for (const Fourier& f : st.fouriers) {
      out_ << ".four " << value(f.frequency);
      for (const std::string& signal : f.signals) out_ << ' ' << signal;
      out_ << '\n';
    }
  }

  // HSPICE's Monte Carlo clause. ngspice has none (its decks loop in a .control block, which
  // the exporter writes): callers export such analyses to ngspice in that form.
  std::string monte(const Analysis& a) const {
    if (!a.monte || d_ == DeckDialect::ngspice) return "";
    std::string out = " sweep monte=" + value(a.monte->samples);
    const Value& first = a.monte->first_run;
    if (first.expr || first.number != 1) out += " firstrun=" + value(first);
    return out;
  }

  void analysis(const Analysis& a) {
    switch (a.kind) {
      case AnalysisKind::op:
        out_ << ".op\n";
        return;
      case AnalysisKind::dc:
        out_ << ".dc";
        // ngspice's .dc takes the second sweep without HSPICE's SWEEP keyword.
        for (size_t i = 0; i < a.sweeps.size(); ++i)
          out_ << (i && d_ == DeckDialect::hspice ? " sweep " : " ") << sweep(a.sweeps[i]);
        out_ << monte(a) << '\n';
        return;
      case AnalysisKind::tran:
        out_ << ".tran " << value(a.tstep) << ' ' << value(a.tstop);
        if (a.has_tmax || a.tstart.expr || a.tstart.number != 0) out_ << ' ' << value(a.tstart);
        if (a.has_tmax) out_ << ' ' << value(a.tmax);
        if (a.uic) out_ << " uic";
        for (const Sweep& s : a.sweeps) out_ << " sweep " << sweep(s);
        out_ << monte(a) << '\n';
        return;
      case AnalysisKind::ac: {
        Sweep f = a.ac_frequencies;
        f.variable.clear();
        out_ << ".ac" << sweep(f);
        for (const Sweep& s : a.sweeps) out_ << " sweep " << sweep(s);
        out_ << monte(a) << '\n';
        return;
      }
      case AnalysisKind::tf:
      case AnalysisKind::sens:
      case AnalysisKind::other:
        out_ << '.' << a.name << ' ' << a.text << '\n';
        return;
    }
  }

 private:
  DeckDialect d_;
  std::ostream& out_;
};

}  // namespace

void write_deck(const Deck& deck, DeckDialect dialect, std::ostream& out) {
  out << (deck.title.empty() ? "* xbspice deck" : deck.title) << '\n';
  Writer w(dialect, out);
  w.statements(deck);
  for (const AlterBlock& a : deck.alters) {
    out << ".alter " << a.title << '\n';
    w.statements(a);
  }
  out << ".end\n";
}

}  // namespace xb::netlist
