#pragma once
// Reads result files back, recognised by content, not by extension: xbspice's CSV, ngspice raw
// files (ASCII or binary, every plot) and HSPICE post files (.tr#/.sw#/.ac#, ASCII or binary,
// one table per sweep point). A truncated or malformed file is an error naming the line or byte;
// the complete rows before a truncation are still returned.

#include <string>
#include <vector>

#include "engine/results.hpp"

namespace xb::io {

struct ReadResults {
  std::vector<engine::Results> tables;  // one per plot; the first signal is the axis
  std::string error;                    // "file:line: ..." or "file: byte N: ..."
};

ReadResults read_results_file(const std::string& path);
// The same on bytes already read; `path` only names them in messages.
ReadResults read_results_content(const std::string& path, const std::string& content);

}  // namespace xb::io
