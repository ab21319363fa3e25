#pragma once
// Helpers of the device tests that run a deck through a Session and read its result table.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "frontends/session/session.hpp"
#include "netlist/parser.hpp"

namespace xb::test {

inline session::Session open_deck(const std::string& deck) {
  return session::Session::from_deck(netlist::parse_deck_text(deck, "t.sp").deck);
}

// The column of signal `name` (a test failure when there is none).
inline size_t column(const engine::Results& r, const std::string& name) {
  const auto it = std::find(r.signals.begin(), r.signals.end(), name);
  EXPECT_NE(it, r.signals.end()) << name;
  return static_cast<size_t>(it - r.signals.begin());
}

}  // namespace xb::test
