#include "frontends/session/load_deck.hpp"

#include "devices/builtin.hpp"
#include "netlist/elaborate.hpp"
#include "netlist/parser.hpp"

namespace xb::session {
namespace {

LoadedDeck elaborate_runs(netlist::Deck deck, netlist::Diagnostics diag) {
  LoadedDeck out;
  netlist::ElaborateOptions options = devices::builtin_elaborate_options();
  // ngspice draws agauss() and its siblings when it loads a deck (its .control block then
  // loops with mc_source); HSPICE only in a Monte Carlo analysis.
  if (!deck.control.empty()) options.monte_carlo_sample = 1;
  out.runs.push_back(netlist::elaborate(deck, options, diag));
  for (size_t i = 0; i < deck.alters.size() && !diag.has_errors(); ++i)
    out.runs.push_back(netlist::elaborate(netlist::apply_alter(deck, i), options, diag));
  if (diag.has_errors()) out.runs.clear();
  out.deck = std::move(deck);
  out.diagnostics = std::move(diag);
  return out;
}

}  // namespace

LoadedDeck load_deck(const std::string& path) {
  netlist::ParseResult parsed = netlist::parse_deck_file(path);
  if (!parsed.ok()) {
    LoadedDeck out;
    out.deck = std::move(parsed.deck);
    out.diagnostics = std::move(parsed.diagnostics);
    return out;
  }
  return elaborate_runs(std::move(parsed.deck), std::move(parsed.diagnostics));
}

LoadedDeck elaborate_deck(netlist::Deck deck) {
  return elaborate_runs(std::move(deck), netlist::Diagnostics{});
}

}  // namespace xb::session
