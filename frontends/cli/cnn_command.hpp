#pragma once
// `xbspice cnn train`: the small CNN for the 12×12 4-bit MNIST set whose layers become crossbars
// (frontends/crossbar/cnn_model). Training for now; the circuits of its layers are the next
// part of issue 16.

#include <string>
#include <vector>

namespace xb::cli {

int run_cnn(const std::vector<std::string>& args);

}  // namespace xb::cli
