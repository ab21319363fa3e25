#pragma once
// Results of one analysis: named signals (ngspice naming, lower case) sampled at each point of
// the independent variable, which is the first signal.

#include <string>
#include <vector>

namespace xb::engine {

struct Results {
  std::string analysis;  // "op", "dc"
  std::string title;
  std::vector<std::string> signals;
  std::vector<std::vector<double>> rows;
};

}  // namespace xb::engine
