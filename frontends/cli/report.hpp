#pragma once
// The one place loaded decks' diagnostics reach the terminal.

#include <iostream>

#include "frontends/session/load_deck.hpp"

namespace xb::cli {

// Prints the deck's warnings and errors to stderr; true when it has no error.
inline bool report_diagnostics(const session::LoadedDeck& loaded) {
  std::cerr << loaded.format_diagnostics();
  return loaded.ok();
}

}  // namespace xb::cli
