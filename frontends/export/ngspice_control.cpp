#include "frontends/export/ngspice_control.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <sstream>

#include "engine/dc_analysis.hpp"
#include "engine/signals.hpp"
#include "netlist/deck_writer.hpp"

namespace xb::exporter {
namespace {

using netlist::ExprPtr;
using netlist::FlatAnalysis;
using netlist::FlatSweep;
using netlist::format_number;

bool evenly_spaced(const std::vector<double>& p) {
  if (p.size() < 2) return false;
  const double step = (p.back() - p.front()) / static_cast<double>(p.size() - 1);
  if (step == 0) return false;
  for (size_t k = 0; k < p.size(); ++k)
    if (std::fabs(p[k] - (p.front() + static_cast<double>(k) * step)) > 1e-9 * std::fabs(step))
      return false;
  return true;
}

// ngspice's .dc sweeps sources and temperature over evenly spaced points, nothing else.
bool native_dc(const FlatAnalysis& a) {
  return std::all_of(a.sweeps.begin(), a.sweeps.end(), [](const FlatSweep& s) {
    return (s.target == FlatSweep::Target::source || s.target == FlatSweep::Target::temperature) &&
           evenly_spaced(s.points);
  });
}

// Parameters in name order, so that the block reads the same on every run.
std::map<std::string, double> sorted(const std::unordered_map<std::string, double>& params) {
  return {params.begin(), params.end()};
}

// How ngspice names the branch current of element `name` in an operating-point plot: subcircuit
// elements are "<letter>.<path>.<local>" ("v.x1.vsense"), all followed by "#branch".
std::optional<std::string> branch_vector(const netlist::Circuit& c, const std::string& name) {
  const netlist::FlatElement* e = c.find_element(name);
  if (!e) return std::nullopt;
  const bool has_branch =
      e->kind == 'v' || e->kind == 'e' || e->kind == 'h' || e->kind == 'l' ||
      (e->kind == 'b' && !e->expressions.empty() && e->expressions[0].first == "v");
  if (!has_branch) return std::nullopt;
  const size_t dot = name.rfind('.');
  const std::string full = dot == std::string::npos ? name : name.substr(dot + 1, 1) + "." + name;
  return full + "#branch";
}

// The vector of signal `s` in an ngspice operating-point plot, or nothing when ngspice keeps
// none (differential voltages, par(), device currents other than branch currents).
std::optional<std::string> ngspice_vector(const netlist::Circuit& c, const engine::Signal& s) {
  if (s.node > 0) return "v(" + c.node_names[s.node] + ")";
  const netlist::OutputVar& o = *s.output;
  if (o.expr || o.args.size() != 1) return std::nullopt;
  if (o.function == "v") return "v(" + o.args[0] + ")";
  if (o.function == "i") return branch_vector(c, o.args[0]);
  return std::nullopt;
}

class ControlWriter {
 public:
  ControlWriter(const netlist::Circuit& c, std::string raw) : c_(c), raw_(std::move(raw)) {}

  std::string block() {
    // Results go where `ngspice -b -r FILE` points (ngspice sets `rawfile` from -r), else to
    // the file named in the header: both invocations leave a raw file.
    out_ << ".control\nif $?rawfile eq 0\n  set rawfile=" << raw_ << "\nend\n";
    for (size_t k = 0; k < c_.analyses.size(); ++k) {
      const FlatAnalysis& a = c_.analyses[k];
      if (a.monte_samples > 0)
        monte_carlo(a);
      else if (a.kind == netlist::AnalysisKind::dc && !native_dc(a))
        point_by_point(a, k + 1 < c_.analyses.size());
      else
        native(a);
    }
    // ngspice -b exits with 1 when no dot analysis ran; the block ran them, so exit 0. An
    // interactive session stays open for plotting.
    out_ << "if $?batchmode\n  quit 0\nend\n.endc\n";
    return out_.str();
  }

 private:
  void write_plot() {
    out_ << "write $rawfile\n";
    if (!appending_) out_ << "set appendwrite\n";
    appending_ = true;
  }

  void native(const FlatAnalysis& a) {
    using netlist::AnalysisKind;
    switch (a.kind) {
      case AnalysisKind::op:
        out_ << "op\n";
        ++op_plots_;
        break;
      case AnalysisKind::dc:
        out_ << "dc";
        for (const FlatSweep& s : a.sweeps) {
          const double step =
              (s.points.back() - s.points.front()) / static_cast<double>(s.points.size() - 1);
          out_ << ' ' << engine::sweep_column(s) << ' ' << format_number(s.points.front()) << ' '
               << format_number(s.points.back()) << ' ' << format_number(step);
        }
        out_ << '\n';
        break;
      case AnalysisKind::tran:
        out_ << "tran " << format_number(a.tstep) << ' ' << format_number(a.tstop);
        if (a.tstart != 0 || a.tmax > 0) out_ << ' ' << format_number(a.tstart);
        if (a.tmax > 0) out_ << ' ' << format_number(a.tmax);
        if (a.uic) out_ << " uic";
        out_ << '\n';
        if (!a.sweeps.empty()) out_ << "* the sweep of this .tran is not exported\n";
        break;
      default:
        out_ << "* ." << a.name << " is not run by this block\n";
        return;
    }
    write_plot();
  }

  // HSPICE's SWEEP MONTE=N as ngspice runs it: the analysis, then mc_source, which loads the
  // deck again with agauss() and its siblings drawn anew (remcirc first frees the last sample's
  // circuit). Each sample's plot is written to the raw file.
  void monte_carlo(const FlatAnalysis& a) {
    FlatAnalysis one = a;
    one.monte_samples = 0;
    const bool op_form = a.kind == netlist::AnalysisKind::dc && a.sweeps.empty();
    out_ << "* ." << a.name << " sweep monte=" << a.monte_samples
         << ": ngspice draws with its own generator and seed (the same statistics as xbspice, "
            "not the same samples)\nlet xb_mc = 0\ndowhile xb_mc < "
         << a.monte_samples << "\n";
    if (op_form) {
      out_ << "op\n";
      write_plot();
      op_plots_ += a.monte_samples;
    } else {
      native(one);
    }
    out_ << "remcirc\nmc_source\nlet const.xb_mc = const.xb_mc + 1\nend\n";
  }

  // One operating point per sweep point, gathered into a new plot.
  void point_by_point(const FlatAnalysis& a, bool more_follow) {
    const size_t inner = a.sweeps.empty() ? 1 : engine::sweep_size(a.sweeps[0]);
    const size_t outer = a.sweeps.size() < 2 ? 1 : engine::sweep_size(a.sweeps[1]);
    const size_t n = inner * outer;
    out_ << "* .dc with " << n << " points, one operating point each\n";
    std::vector<size_t> plots;
    engine::SweepPointSettings previous;
    for (size_t o = 0; o < outer; ++o)
      for (size_t i = 0; i < inner; ++i) {
        engine::SweepPointSettings p;
        if (a.sweeps.size() > 1) engine::apply_sweep_point(a.sweeps[1], o, c_, p);
        if (!a.sweeps.empty()) engine::apply_sweep_point(a.sweeps[0], i, c_, p);
        if (!p.params.empty() && (plots.empty() || p.params != previous.params)) {
          for (const auto& [name, value] : sorted(p.params))
            out_ << "alterparam " << name << '=' << format_number(value) << '\n';
          out_ << "reset\n";  // makes the new parameter values take effect; sources return too
        }
        for (const auto& [name, value] : p.sources)
          out_ << "alter " << name << " dc=" << format_number(value) << '\n';
        if (p.temperature) out_ << "option temp=" << format_number(*p.temperature) << '\n';
        out_ << "op\n";
        plots.push_back(++op_plots_);
        previous = std::move(p);
      }
    // The gathered plot: sweep columns first (the first is the scale), then every signal.
    out_ << "setplot new\n";
    for (size_t s = 0; s < a.sweeps.size(); ++s) {
      const std::string label = scale_label(a.sweeps[s]);
      out_ << "let " << label << " = vector(" << n << ")\n";
      for (size_t k = 0; k < n; ++k)
        out_ << "let " << label << '[' << k << "] = "
             << format_number(
                    engine::sweep_column_value(a.sweeps[s], s == 0 ? k % inner : k / inner))
             << '\n';
    }
    for (const engine::Signal& s : engine::select_signals(c_, "dc")) {
      const std::optional<std::string> vec = ngspice_vector(c_, s);
      if (!vec) {
        out_ << "* " << s.name << " has no ngspice vector\n";
        continue;
      }
      // Vectors named "v(...)" cannot be indexed on the left of let: fill a temporary, copy it.
      out_ << "let xb_signal = vector(" << n << ")\n";
      for (size_t k = 0; k < n; ++k)
        out_ << "let xb_signal[" << k << "] = op" << plots[k] << '.' << *vec << '\n';
      out_ << "let " << s.name << " = xb_signal\nunlet xb_signal\n";
    }
    if (!a.sweeps.empty()) out_ << "setscale " << scale_label(a.sweeps[0]) << '\n';
    write_plot();
    if (!more_follow) return;
    // Later analyses see the deck's own values again.
    if (!previous.params.empty()) {
      for (const auto& [name, value] : sorted(previous.params)) {
        auto it = c_.params.find(name);
        if (it != c_.params.end())
          out_ << "alterparam " << name << '=' << format_number(it->second) << '\n';
      }
    }
    out_ << "reset\n";
    if (previous.temperature)
      out_ << "option temp="
           << format_number(c_.temperatures.empty() ? 27.0 : c_.temperatures.front()) << '\n';
  }

  // ngspice keeps a node's voltage as a vector named after the node, so `let v(a) = ...` would
  // overwrite a sweep column named a: such a column takes a prefix.
  std::string scale_label(const FlatSweep& s) const {
    const std::string name = engine::sweep_column(s);
    return c_.find_node(name) ? "xb_" + name : name;
  }

  const netlist::Circuit& c_;
  std::string raw_;
  std::ostringstream out_;
  size_t op_plots_ = 0;  // ngspice names operating-point plots op1, op2, ...
  bool appending_ = false;
};

}  // namespace

bool table_sweep_as_index_sweep(netlist::Deck& deck, netlist::Circuit& c, size_t k) {
  FlatAnalysis& a = c.analyses.at(k);
  if (a.kind != netlist::AnalysisKind::dc || a.sweeps.size() != 1 ||
      a.sweeps[0].target != FlatSweep::Target::data || a.sweeps[0].data_rows.empty())
    return false;
  const FlatSweep& table = a.sweeps[0];
  const std::string index_source = "vxb_table" + std::to_string(k);
  const std::string index_node = "xb_table" + std::to_string(k);
  // Every column a top-level source with a plain DC value (a transient function or an AC spec
  // would see the B source's offset), and its row values as a pwl table of the index.
  // A source another analysis sweeps must keep its own DC value: not eligible.
  auto swept_elsewhere = [&](const std::string& name) {
    for (size_t j = 0; j < c.analyses.size(); ++j)
      for (const FlatSweep& s : c.analyses[j].sweeps)
        if (j != k &&
            (s.variable == name || std::count(s.data_columns.begin(), s.data_columns.end(), name)))
          return true;
    return false;
  };
  std::vector<size_t> columns;
  std::vector<ExprPtr> tables;
  netlist::Diagnostics diag;
  for (size_t col = 0; col < table.data_columns.size(); ++col) {
    const std::string& name = table.data_columns[col];
    auto e = std::find_if(deck.elements.begin(), deck.elements.end(), [&](const auto& el) {
      return el.name == name && (el.kind == 'v' || el.kind == 'i');
    });
    const netlist::FlatElement* flat = c.find_element(name);
    const bool taken = std::any_of(deck.elements.begin(), deck.elements.end(), [&](const auto& el) {
      return el.name == "bxb_" + name;  // already read by another table's sweep
    });
    if (e == deck.elements.end() || !e->source || !flat || !flat->source || taken ||
        swept_elsewhere(name) || e->source->function != netlist::SourceFunction::none ||
        e->source->ac_magnitude)
      return false;
    std::string pwl =
        "pwl(v(" + index_node + "), 0, " + format_number(flat->source->dc.value_or(0));
    for (size_t r = 0; r < table.data_rows.size(); ++r)
      pwl += ", " + std::to_string(r + 1) + ", " + format_number(table.data_rows[r][col]);
    ExprPtr expr = netlist::Expression::parse(pwl + ")", {}, diag);
    if (!expr) return false;
    columns.push_back(static_cast<size_t>(e - deck.elements.begin()));
    tables.push_back(std::move(expr));
  }
  std::vector<netlist::Element> added;
  for (size_t t = 0; t < columns.size(); ++t) {
    netlist::Element& e = deck.elements[columns[t]];
    netlist::Element b;
    b.kind = 'b';
    b.name = "bxb_" + e.name;
    b.nodes = e.nodes;
    if (e.kind == 'v') {  // p n  →  the source from p to xb_<name> at 0 V, the B source on to n
      const std::string middle = "xb_" + e.name;
      b.nodes[0] = middle;
      e.nodes[1] = middle;
      auto zero = std::make_shared<netlist::SourceSpec>(*e.source);
      zero->dc = netlist::Value::of(0);
      e.source = std::move(zero);
      b.params.push_back({"v", netlist::Value{0, tables[t], {}}});
    } else {
      b.params.push_back({"i", netlist::Value{0, tables[t], {}}});
      e.name.clear();  // the I source itself goes
    }
    added.push_back(std::move(b));
  }
  std::erase_if(deck.elements, [](const netlist::Element& e) { return e.name.empty(); });
  netlist::Element index;
  index.kind = 'v';
  index.name = index_source;
  index.nodes = {index_node, "0"};
  auto spec = std::make_shared<netlist::SourceSpec>();
  spec->dc = netlist::Value::of(0);
  index.source = std::move(spec);
  deck.elements.push_back(std::move(index));
  for (netlist::Element& b : added) deck.elements.push_back(std::move(b));
  // The analysis: a linear sweep of the index source, in the deck and in `c`.
  const size_t rows = table.data_rows.size();
  netlist::Sweep sweep;
  sweep.variable = index_source;
  sweep.start = netlist::Value::of(1);
  sweep.stop = netlist::Value::of(static_cast<double>(rows));
  sweep.step = netlist::Value::of(1);
  deck.analyses.at(k).sweeps = {sweep};
  FlatSweep flat;
  flat.target = FlatSweep::Target::source;
  flat.variable = index_source;
  for (size_t r = 0; r < rows; ++r) flat.points.push_back(static_cast<double>(r + 1));
  a.sweeps = {flat};
  return true;
}

bool needs_control_block(const netlist::Circuit& c) {
  // ngspice's batch run keeps one analysis of each kind (the last .dc card wins), so a deck with
  // two of a kind runs them from the block too.
  std::map<netlist::AnalysisKind, int> kinds;
  for (const FlatAnalysis& a : c.analyses)
    if (++kinds[a.kind] > 1) return true;
  return std::any_of(c.analyses.begin(), c.analyses.end(), [](const FlatAnalysis& a) {
    return (a.kind == netlist::AnalysisKind::dc && !native_dc(a)) || a.monte_samples > 0;
  });
}

std::string ngspice_control_block(const netlist::Circuit& c, const std::string& raw_file) {
  return ControlWriter(c, raw_file).block();
}

}  // namespace xb::exporter
