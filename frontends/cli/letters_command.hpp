#pragma once
// `xbspice letters train|infer|deck`: the binary 16-8-4 letters network
// (frontends/crossbar/letters.hpp), in software and at SPICE level side by side.

#include <string>
#include <vector>

namespace xb::cli {

int run_letters(const std::vector<std::string>& args);

}  // namespace xb::cli
