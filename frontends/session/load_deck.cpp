#include "frontends/session/load_deck.hpp"

#include <ostream>

#include "devices/builtin.hpp"
#include "netlist/elaborate.hpp"
#include "netlist/parser.hpp"

namespace xb::session {

namespace {

std::optional<LoadedDeck> elaborate_runs(netlist::Deck deck, netlist::Diagnostics diag,
                                         std::ostream& err) {
  LoadedDeck out;
  const netlist::ElaborateOptions options = devices::builtin_elaborate_options();
  out.runs.push_back(netlist::elaborate(deck, options, diag));
  for (size_t i = 0; i < deck.alters.size() && !diag.has_errors(); ++i)
    out.runs.push_back(netlist::elaborate(netlist::apply_alter(deck, i), options, diag));
  err << diag.format(*deck.sources);
  if (diag.has_errors()) return std::nullopt;
  out.deck = std::move(deck);
  return out;
}

}  // namespace

std::optional<LoadedDeck> load_deck(const std::string& path, std::ostream& err) {
  netlist::ParseResult parsed = netlist::parse_deck_file(path);
  if (!parsed.ok()) {
    err << parsed.diagnostics.format(*parsed.deck.sources);
    return std::nullopt;
  }
  return elaborate_runs(std::move(parsed.deck), std::move(parsed.diagnostics), err);
}

std::optional<LoadedDeck> elaborate_deck(netlist::Deck deck, std::ostream& err) {
  return elaborate_runs(std::move(deck), netlist::Diagnostics{}, err);
}

}  // namespace xb::session
