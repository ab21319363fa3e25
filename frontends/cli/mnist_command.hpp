#pragma once
// `xbspice mnist data|train|infer|deck`: the MNIST crossbar classifier (frontends/crossbar):
// the 12×12 4-bit data set, quantization-aware training, SPICE-level inference with a report,
// and the network as a deck for xbspice, HSPICE or ngspice.

#include <string>
#include <vector>

namespace xb::cli {

int run_mnist(const std::vector<std::string>& args);

}  // namespace xb::cli
