#pragma once
// `xbspice perceptron train|deck`: the 4×4 TaOx perceptron trained in situ with programming
// pulses (frontends/crossbar/perceptron.hpp).

#include <string>
#include <vector>

namespace xb::cli {

int run_perceptron(const std::vector<std::string>& args);

}  // namespace xb::cli
