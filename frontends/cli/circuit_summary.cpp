#include "frontends/cli/circuit_summary.hpp"

#include <cstdio>
#include <map>

namespace xb::cli {

namespace {

size_t count_subckts(const netlist::Body& body) {
  size_t n = body.subckts.size();
  for (const netlist::Subckt& s : body.subckts) n += count_subckts(s.body);
  return n;
}

// "4e-08 s": std::to_string's fixed six decimals print nanoseconds as 0.000000.
std::string seconds(double t) {
  char text[32];
  std::snprintf(text, sizeof text, "%g s", t);
  return text;
}

std::string analysis_text(const netlist::FlatAnalysis& a) {
  std::string s = a.name;
  if (a.kind == netlist::AnalysisKind::tran)
    s += " to " + seconds(a.tstop) + ", step " + seconds(a.tstep);
  if (a.kind == netlist::AnalysisKind::ac)
    s += " (" + std::to_string(a.frequencies.size()) + " frequencies)";
  for (const netlist::FlatSweep& sw : a.sweeps)
    s += " " + (sw.variable.empty() ? std::string("data") : sw.variable) + " (" +
         std::to_string(sw.points.size()) + " points)";
  if (a.kind == netlist::AnalysisKind::tf || a.kind == netlist::AnalysisKind::sens)
    s += " of " + a.tf_output + (a.tf_input.empty() ? "" : " from " + a.tf_input);
  if (a.monte_samples > 0)
    s += " monte carlo (" + std::to_string(a.monte_samples) + " samples from " +
         std::to_string(a.monte_first) + ")";
  return s;
}

}  // namespace

void print_summary(const netlist::Deck& deck, const netlist::Circuit& c, std::ostream& out) {
  out << "title     " << deck.title << "\n";
  out << "nodes     " << c.node_names.size() - 1 << " (ground not counted)\n";
  std::map<std::string, size_t> kinds;
  for (const netlist::FlatElement& e : c.elements)
    ++kinds[e.kind == 'x' ? "x:" + std::string(c.device_type(e)) : std::string(1, e.kind)];
  out << "elements  " << c.elements.size();
  const char* sep = ": ";
  for (const auto& [k, n] : kinds) out << sep << k << ' ' << n, sep = ", ";
  out << "\n";
  std::map<std::string, size_t> types;
  for (const netlist::FlatModel& m : c.models) ++types[m.type];
  out << "models    " << c.models.size();
  sep = ": ";
  for (const auto& [t, n] : types) out << sep << t << ' ' << n, sep = ", ";
  out << "\n";
  out << "subckts   " << count_subckts(deck) << " definitions, " << c.subckt_instances
      << " instances\n";
  out << "analyses  " << c.analyses.size();
  sep = ": ";
  for (const netlist::FlatAnalysis& a : c.analyses) out << sep << analysis_text(a), sep = "; ";
  out << "\n";
  if (!deck.alters.empty()) out << "alters    " << deck.alters.size() << "\n";
}

}  // namespace xb::cli
