#pragma once
// Reads result files back: xbspice's CSV and ngspice raw files (ASCII or binary, every plot),
// recognised by content, not by extension. A truncated or malformed file is an error naming the
// line or byte. (Issue 7 adds HSPICE's formats here.)

#include <string>
#include <vector>

#include "engine/results.hpp"

namespace xb::cli {

struct ReadResults {
  std::vector<engine::Results> tables;  // one per plot; the first signal is the axis
  std::string error;                    // "file:line: ..." or "file: byte N: ..."
};

ReadResults read_results_file(const std::string& path);

}  // namespace xb::cli
