#pragma once
// Helpers for tests that parse and elaborate decks held in strings.

#include <gtest/gtest.h>

#include "netlist/elaborate.hpp"
#include "netlist/parser.hpp"

namespace xb::netlist::testing {

inline ParseResult parse_ok(const std::string& text) {
  ParseResult r = parse_deck_text(text, "t.sp");
  EXPECT_TRUE(r.ok()) << r.diagnostics.format(*r.deck.sources);
  return r;
}

inline Circuit elaborate_ok(const std::string& text, ElaborateOptions options = {}) {
  ParseResult r = parse_ok(text);
  Diagnostics d;
  Circuit c = elaborate(r.deck, options, d);
  EXPECT_FALSE(d.has_errors()) << d.format(*r.deck.sources);
  return c;
}

// The first error's code after parsing and (if parsing passed) elaborating.
inline const Diagnostic* first_error(const std::string& text, Diagnostics& keep,
                                     ElaborateOptions options = {}) {
  ParseResult r = parse_deck_text(text, "t.sp");
  keep = r.diagnostics;
  if (!keep.has_errors()) elaborate(r.deck, options, keep);
  for (const Diagnostic& d : keep.items())
    if (d.severity == Severity::error) return &d;
  return nullptr;
}

}  // namespace xb::netlist::testing
