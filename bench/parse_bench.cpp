// Times parsing and elaboration of a deck file, and reports peak resident memory.
// Usage: parse_bench DECK [REPEATS]

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "netlist/elaborate.hpp"
#include "netlist/parser.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_bench DECK [REPEATS]\n");
    return 1;
  }
  int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  double best_parse = 1e30, best_total = 1e30;
  size_t elements = 0, nodes = 0;
  for (int r = 0; r < repeats; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    xb::netlist::ParseResult parsed = xb::netlist::parse_deck_file(argv[1]);
    auto t1 = std::chrono::steady_clock::now();
    if (!parsed.ok()) {
      std::fprintf(stderr, "%s", parsed.diagnostics.format(*parsed.deck.sources).c_str());
      return 1;
    }
    xb::netlist::Diagnostics diag;
    xb::netlist::Circuit c = xb::netlist::elaborate(parsed.deck, {}, diag);
    auto t2 = std::chrono::steady_clock::now();
    if (diag.has_errors()) return 1;
    elements = c.elements.size();
    nodes = c.node_names.size() - 1;
    best_parse = std::min(best_parse, std::chrono::duration<double>(t1 - t0).count());
    best_total = std::min(best_total, std::chrono::duration<double>(t2 - t0).count());
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("elements=%zu nodes=%zu parse_s=%.3f parse_elaborate_s=%.3f peak_rss_mb=%.0f\n",
              elements, nodes, best_parse, best_total, ru.ru_maxrss / 1024.0);
  return 0;
}
