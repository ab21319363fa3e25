// libFuzzer target for the result-file readers (CSV, ngspice raw, HSPICE post files, ASCII and
// binary): any bytes must give tables or an error, never a crash, a hang or a huge allocation.
// Seeds: tests/interop/hspice and tests/regress (CSV and raw goldens).

#include <cstddef>
#include <cstdint>
#include <string>

#include "frontends/io/result_readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  xb::io::ReadResults r = xb::io::read_results_content("fuzz", content);
  size_t cells = 0;
  for (const auto& t : r.tables)
    for (const auto& row : t.rows) cells += row.size();
  (void)cells;
  return 0;
}
