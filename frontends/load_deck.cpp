#include "frontends/load_deck.hpp"

#include <ostream>

#include "devices/builtin.hpp"
#include "netlist/elaborate.hpp"
#include "netlist/parser.hpp"

namespace xb::cli {

std::optional<LoadedDeck> load_deck(const std::string& path, std::ostream& err) {
  netlist::ParseResult parsed = netlist::parse_deck_file(path);
  if (!parsed.ok()) {
    err << parsed.diagnostics.format(*parsed.deck.sources);
    return std::nullopt;
  }
  LoadedDeck out;
  netlist::Diagnostics diag = std::move(parsed.diagnostics);
  const netlist::ElaborateOptions options = devices::builtin_elaborate_options();
  out.runs.push_back(netlist::elaborate(parsed.deck, options, diag));
  for (size_t i = 0; i < parsed.deck.alters.size() && !diag.has_errors(); ++i)
    out.runs.push_back(netlist::elaborate(netlist::apply_alter(parsed.deck, i), options, diag));
  err << diag.format(*parsed.deck.sources);
  if (diag.has_errors()) return std::nullopt;
  out.deck = std::move(parsed.deck);
  return out;
}

}  // namespace xb::cli
