#include "engine/ac_analysis.hpp"

#include <cmath>
#include <complex>
#include <unordered_set>

#include "engine/complex_klu_solver.hpp"
#include "engine/measure.hpp"
#include "engine/signals.hpp"

namespace xb::engine {
namespace {

using Complex = std::complex<double>;

const std::unordered_set<std::string> kVoltageForms = {"v", "vm", "vdb", "vp", "vr", "vi"};
const std::unordered_set<std::string> kCurrentForms = {"i", "im", "idb", "ip", "ir", "ii"};

// How one recorded signal is read off a complex solution.
struct AcSignal {
  std::string name;
  int a = -1, b = -1;  // v(a) − v(b) or a branch unknown (a), solution rows; size() = ground
  std::optional<DcSolver::CurrentProbe> resistor;  // i(r): G·(v(p) − v(n)), linear in x
};

// "vdb(out)", "v(a,b)" as an output request.
netlist::OutputVar output_of(const std::string& name) {
  netlist::OutputVar v;
  const size_t open = name.find('(');
  if (open == std::string::npos || name.back() != ')') return v;
  v.function = name.substr(0, open);
  const std::string inner = name.substr(open + 1, name.size() - open - 2);
  const size_t comma = inner.find(',');
  v.args.push_back(inner.substr(0, comma));
  if (comma != std::string::npos) v.args.push_back(inner.substr(comma + 1));
  return v;
}

std::vector<std::string> recorded_names(const netlist::Circuit& c) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (const netlist::Print& p : c.prints) {
    if (p.analysis != "ac") continue;
    for (const netlist::OutputVar& v : p.outputs) {
      if (v.function == "v" && !v.args.empty() && v.args[0] == "*") {
        for (size_t i = 1; i < c.node_names.size(); ++i)
          if (seen.insert("v(" + c.node_names[i] + ")").second)
            out.push_back("v(" + c.node_names[i] + ")");
        continue;
      }
      const std::string name = ac_underlying_signal(v);
      if (!name.empty() && seen.insert(name).second) out.push_back(name);
    }
  }
  for (const std::string& m : measured_signals(c.measures, "ac")) {
    const std::string name = ac_underlying_signal(output_of(m));
    if (!name.empty() && seen.insert(name).second) out.push_back(name);
  }
  if (out.empty())
    for (const Signal& s : select_signals(c, "ac")) out.push_back(s.name);
  return out;
}

// Binds "v(a)", "v(a,b)" and "i(x)"; an error message for what cannot be read in AC.
std::string bind_signal(const std::string& name, const netlist::Circuit& c, const DcSolver& solver,
                        AcSignal& out) {
  out.name = name;
  const std::string inner = name.substr(2, name.size() - 3);
  const int ground = solver.system().size();
  auto row = [&](const std::string& node, int& r) {
    const std::optional<netlist::NodeId> id = c.find_node(node);
    if (!id) return false;
    r = solver.system().row(solver.node_unknown(*id));
    return true;
  };
  if (name[0] == 'v') {
    const size_t comma = inner.find(',');
    if (!row(inner.substr(0, comma), out.a)) return "no node '" + inner.substr(0, comma) + "'";
    out.b = ground;
    if (comma != std::string::npos && !row(inner.substr(comma + 1), out.b))
      return "no node '" + inner.substr(comma + 1) + "'";
    return "";
  }
  if (const std::optional<Unknown> branch = solver.branch_of(inner)) {
    out.a = solver.system().row(*branch);
    out.b = ground;
    return "";
  }
  const netlist::FlatElement* e = c.find_element(inner);
  if (e && e->kind == 'r') {
    out.resistor = solver.find_current(inner);
    if (out.resistor) return "";
  }
  return "the AC current of '" + inner +
         "' cannot be recorded (currents of V, E, H, L elements and resistors can)";
}

Complex read(const AcSignal& s, const std::vector<double>& re, const std::vector<double>& im) {
  if (s.resistor)
    return {s.resistor->group->current(s.resistor->index, re.data()),
            s.resistor->group->current(s.resistor->index, im.data())};
  return {re[s.a] - re[s.b], im[s.a] - im[s.b]};
}

// b = −∂f/∂u · phasor for every source with an AC value; sources enter f linearly, so one unit
// step of each gives its column exactly.
std::vector<Complex> excitation(const netlist::Circuit& c, DcSolver& solver,
                                const std::vector<double>& x, bool& any) {
  const auto n = static_cast<size_t>(solver.system().size());
  std::vector<Complex> b(n + 1, 0.0);
  std::vector<double> f0, f1, jac;
  solver.evaluate_at(x, f0, jac);
  any = false;
  for (const netlist::FlatElement& e : c.elements) {
    if ((e.kind != 'v' && e.kind != 'i') || !e.source || e.source->ac_magnitude == 0) continue;
    const std::optional<DcSolver::ElementRef> ref = solver.find_element(e.name);
    if (!ref) continue;
    const double dc = ref->group->source_value(ref->index);
    ref->group->set_source_value(ref->index, dc + 1);
    solver.evaluate_at(x, f1, jac);
    ref->group->set_source_value(ref->index, dc);
    const Complex phasor = std::polar(e.source->ac_magnitude, e.source->ac_phase * M_PI / 180);
    for (size_t i = 0; i < n; ++i) b[i] -= (f1[i] - f0[i]) * phasor;
    any = true;
  }
  b.resize(n);
  return b;
}

}  // namespace

std::string ac_underlying_signal(const netlist::OutputVar& v) {
  if (v.expr || v.args.empty()) return "";
  if (kVoltageForms.count(v.function) && v.args.size() <= 2)
    return "v(" + v.args[0] + (v.args.size() == 2 ? "," + v.args[1] : "") + ")";
  if (kCurrentForms.count(v.function) && v.args.size() == 1) return "i(" + v.args[0] + ")";
  return "";
}

AnalysisOutcome run_ac_analysis(const netlist::FlatAnalysis& a, Prepared& base,
                                const std::function<void(size_t, size_t)>& progress) {
  AnalysisOutcome out;
  const netlist::Circuit& c = base.circuit;
  DcSolver& solver = *base.solver;
  out.results.analysis = "ac";
  out.results.title = c.title;
  out.linear_solver = "KLU (complex)";
  if (!a.sweeps.empty()) {
    out.status = {false, ".ac with a parameter sweep is not simulated yet", a.loc, 0, true};
    return out;
  }
  for (const netlist::Print& p : c.prints)
    for (const netlist::OutputVar& v : p.outputs)
      if (p.analysis == "ac" && ac_underlying_signal(v).empty() &&
          !(v.function == "v" && !v.args.empty() && v.args[0] == "*")) {
        out.status = {false, ".print ac output " + v.function + "(...) is not available in .ac",
                      v.loc, 0, true};
        return out;
      }
  // The operating point the circuit is linearised at.
  out.status = solver.solve();
  out.newton_iterations = solver.newton_iterations();
  if (!out.status.ok) {
    out.status.message = "operating point of the .ac: " + out.status.message;
    return out;
  }
  std::vector<AcSignal> signals;
  for (const std::string& name : recorded_names(c)) {
    AcSignal s;
    if (const std::string error = bind_signal(name, c, solver, s); !error.empty()) {
      out.status = {false, ".ac: " + error, a.loc, 0, true};
      return out;
    }
    signals.push_back(std::move(s));
  }
  const std::vector<double> x0(solver.solution().begin(),
                               solver.solution().begin() + solver.system().size());
  std::vector<double> f, g, cap;
  solver.evaluate_split(x0, f, g, cap);
  bool any_source = false;
  const std::vector<Complex> b = excitation(c, solver, x0, any_source);
  if (!any_source) {
    out.status = {false, ".ac: no source has an AC value (write 'ac 1' on one)", a.loc, 0, true};
    return out;
  }
  const MnaSystem& sys = solver.system();
  const int n = sys.size();
  ComplexKluSolver lu;
  if (!lu.analyze(n, sys.Ap(), sys.Ai())) {
    out.status = {false, ".ac: symbolic analysis failed", a.loc, 0, false};
    return out;
  }
  out.results.signals.push_back("frequency");
  for (const AcSignal& s : signals) out.results.signals.push_back(s.name);
  out.unknowns = n;
  out.nonzeros = sys.nnz();
  out.linear = solver.all_linear();
  std::vector<Complex> values(static_cast<size_t>(sys.nnz()));
  std::vector<double> re(n + 1, 0.0), im(n + 1, 0.0);
  for (size_t k = 0; k < a.frequencies.size(); ++k) {
    const double omega = 2 * M_PI * a.frequencies[k];
    for (size_t v = 0; v < values.size(); ++v) values[v] = {g[v], omega * cap[v]};
    for (const auto& grp : solver.groups())
      if (grp->frequency_dependent()) grp->load_ac(omega, values.data(), values.size());
    if (lu.factor(values.data()) != FactorStatus::ok) {
      out.status = {false,
                    "singular matrix at " + solver.describe(lu.singular_column()) + " at " +
                        std::to_string(a.frequencies[k]) + " Hz",
                    a.loc, 0, false};
      break;
    }
    std::vector<Complex> x = b;
    if (!lu.solve(x.data())) {
      out.status = {false, ".ac: linear solve failed", a.loc, 0, false};
      break;
    }
    for (int i = 0; i < n; ++i) re[i] = x[i].real(), im[i] = x[i].imag();
    std::vector<double> row_re{a.frequencies[k]}, row_im{0.0};
    for (const AcSignal& s : signals) {
      const Complex v = read(s, re, im);
      row_re.push_back(v.real());
      row_im.push_back(v.imag());
    }
    out.results.rows.push_back(std::move(row_re));
    out.results.imag.push_back(std::move(row_im));
    if (progress) progress(k + 1, a.frequencies.size());
  }
  out.counters = lu.counters();
  return out;
}

Results ac_measure_table(const Results& complex,
                         const std::vector<netlist::FlatMeasure>& measures) {
  std::vector<netlist::OutputVar> outputs;
  std::unordered_set<std::string> seen;
  for (const std::string& name : measured_signals(measures, "ac"))
    if (seen.insert(name).second) outputs.push_back(output_of(name));
  return ac_print_columns(complex, outputs);
}

Results ac_print_columns(const Results& complex, const std::vector<netlist::OutputVar>& outputs) {
  Results out;
  out.analysis = complex.analysis;
  out.title = complex.title;
  out.signals.push_back("frequency");
  std::vector<std::pair<size_t, std::string>> columns;  // recorded index, form
  if (outputs.empty())  // no .print ac: every recorded signal's magnitude, under its name
    for (size_t k = 1; k < complex.signals.size(); ++k) {
      out.signals.push_back(complex.signals[k]);
      columns.emplace_back(k, "m");
    }
  for (const netlist::OutputVar& v : outputs) {
    const std::string name = ac_underlying_signal(v);
    for (size_t k = 1; k < complex.signals.size(); ++k)
      if (complex.signals[k] == name) {
        std::string label =
            v.function + "(" + v.args[0] + (v.args.size() > 1 ? "," + v.args[1] : "") + ")";
        out.signals.push_back(label);
        columns.emplace_back(k, v.function.substr(1));
      }
  }
  for (size_t r = 0; r < complex.rows.size(); ++r) {
    std::vector<double> row{complex.rows[r][0]};
    for (const auto& [k, form] : columns) {
      const Complex z(complex.rows[r][k], complex.imag[r][k]);
      row.push_back(form == "db"  ? 20 * std::log10(std::abs(z))
                    : form == "p" ? std::arg(z) * 180 / M_PI
                    : form == "r" ? z.real()
                    : form == "i" ? z.imag()
                                  : std::abs(z));  // m, and v() / i() alone
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace xb::engine
