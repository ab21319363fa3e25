// libFuzzer target: any bytes as a deck. Parsing, elaboration and diagnostic formatting must
// finish without crashing, leaking or tripping a sanitizer. Includes resolve against the current
// directory, so run the fuzzer from an empty folder.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "netlist/deck_writer.hpp"
#include "netlist/elaborate.hpp"
#include "netlist/parser.hpp"

#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  xb::netlist::ParseResult r = xb::netlist::parse_deck_text(text, "fuzz.sp");
  xb::netlist::Diagnostics diag = r.diagnostics;
  if (r.ok()) {
    xb::netlist::ElaborateOptions opt;
    opt.x_device_types = {"taox"};
    xb::netlist::elaborate(r.deck, opt, diag);
    std::ostringstream out;
    xb::netlist::write_deck(r.deck, xb::netlist::DeckDialect::hspice, out);
  }
  (void)diag.format(*r.deck.sources);
  return 0;
}
