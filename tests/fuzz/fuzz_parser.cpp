// libFuzzer target: any bytes as a deck. Parsing, elaboration and diagnostic formatting must
// finish without crashing, leaking or tripping a sanitizer. Includes resolve against the current
// directory, so run the fuzzer from an empty folder. Decks that elaborate are also simulated.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/transient.hpp"
#include "frontends/session/simulation.hpp"
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
    if (!diag.has_errors()) {
      // Simulate what elaborates: .op and .dc analyses with the engine, on small circuits only.
      auto prepare = [&](const std::unordered_map<std::string, double>& o) {
        return xb::session::prepare_circuit(r.deck, o);
      };
      auto base = prepare({});
      if (base->status.ok && base->circuit.elements.size() < 200) {
        for (size_t a = 0; a < base->circuit.analyses.size() && a < 4; ++a) {
          const auto& fa = base->circuit.analyses[a];
          size_t points = 1;
          for (const auto& s : fa.sweeps) points *= std::max<size_t>(1, s.points.size());
          if ((fa.kind == xb::netlist::AnalysisKind::op ||
               fa.kind == xb::netlist::AnalysisKind::dc) &&
              points <= 1000)
            xb::engine::run_dc_analysis(a, prepare);
          // Transients whose tmax grid has at most 2,000 points (the step control may still
          // take more where the circuit is stiff).
          const double span = fa.tstop - fa.tstart;
          const double tmax = fa.tmax > 0 ? fa.tmax : std::min(fa.tstep, span / 50);
          if (fa.kind == xb::netlist::AnalysisKind::tran && tmax > 0 && span / tmax <= 2000)
            xb::engine::run_transient_analysis(a, prepare, {}, 20000);
        }
      }
    }
  }
  (void)diag.format(*r.deck.sources);
  return 0;
}
