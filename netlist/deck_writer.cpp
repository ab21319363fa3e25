#include "netlist/deck_writer.hpp"

#include <charconv>

namespace xb::netlist {

std::string format_number(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

namespace {

class Writer {
 public:
  Writer(DeckDialect d, std::ostream& out) : d_(d), out_(out) {}

  std::string value(const Value& v) const {
    if (!v.expr) return format_number(v.number);
    return d_ == DeckDialect::hspice ? "'" + v.expr->text() + "'" : "{" + v.expr->text() + "}";
  }

  void named(const std::vector<NamedValue>& params) {
    for (const NamedValue& p : params) out_ << ' ' << p.name << '=' << value(p.value);
  }

  void element(const Element& e) {
    out_ << e.name;
    if (e.kind == 'k') {
      for (const std::string& r : e.refs) out_ << ' ' << r;
    } else if ((e.kind == 'e' || e.kind == 'g' || e.kind == 'f' || e.kind == 'h') &&
               e.model == "poly") {
      out_ << ' ' << e.nodes[0] << ' ' << e.nodes[1] << " poly(" << value(e.values.at(0)) << ")";
      for (size_t i = 2; i < e.nodes.size(); ++i) out_ << ' ' << e.nodes[i];
      for (const std::string& r : e.refs) out_ << ' ' << r;
      for (size_t i = 1; i < e.values.size(); ++i) out_ << ' ' << value(e.values[i]);
      named(e.params);
      out_ << '\n';
      return;
    } else if (e.kind == 'e' && e.model == "opamp") {
      out_ << ' ' << e.nodes.at(0) << ' ' << e.nodes.at(1) << " opamp";
      for (size_t i = 2; i < e.nodes.size(); ++i) out_ << ' ' << e.nodes[i];
    } else {
      for (const std::string& n : e.nodes) out_ << ' ' << n;
      for (const std::string& r : e.refs) out_ << ' ' << r;
      if (!e.model.empty()) out_ << ' ' << e.model;
    }
    for (const Value& v : e.values) out_ << ' ' << value(v);
    if ((e.kind == 'v' || e.kind == 'i') && e.source) source(*e.source);
    if (e.kind == 'x' && !e.params.empty() && d_ == DeckDialect::ngspice) out_ << " params:";
    named(e.params);
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
    if (!m.params.empty()) {
      out_ << " (";
      for (size_t i = 0; i < m.params.size(); ++i)
        out_ << (i ? " " : "") << m.params[i].name << '=' << value(m.params[i].value);
      out_ << ')';
    }
    out_ << '\n';
  }

  void params(const std::vector<Param>& ps) {
    for (const Param& p : ps) out_ << ".param " << p.name << '=' << value(p.value) << '\n';
  }

  void body(const Body& b) {
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
    for (const Value& t : st.temperatures) out_ << ".temp " << value(t) << '\n';
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
  }

  void analysis(const Analysis& a) {
    switch (a.kind) {
      case AnalysisKind::op:
        out_ << ".op\n";
        return;
      case AnalysisKind::dc:
        out_ << ".dc";
        for (size_t i = 0; i < a.sweeps.size(); ++i)
          out_ << (i ? " sweep " : " ") << sweep(a.sweeps[i]);
        out_ << '\n';
        return;
      case AnalysisKind::tran:
        out_ << ".tran " << value(a.tstep) << ' ' << value(a.tstop);
        if (a.has_tmax || a.tstart.expr || a.tstart.number != 0) out_ << ' ' << value(a.tstart);
        if (a.has_tmax) out_ << ' ' << value(a.tmax);
        if (a.uic) out_ << " uic";
        for (const Sweep& s : a.sweeps) out_ << " sweep " << sweep(s);
        out_ << '\n';
        return;
      case AnalysisKind::ac: {
        Sweep f = a.ac_frequencies;
        f.variable.clear();
        out_ << ".ac" << sweep(f);
        for (const Sweep& s : a.sweeps) out_ << " sweep " << sweep(s);
        out_ << '\n';
        return;
      }
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
