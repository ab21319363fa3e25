#pragma once
// The MNIST network's cells mapped for its wires (the representable-matrices mapping of
// mapping.hpp applied to each of its four arrays). The arrays' rows are driven by ideal
// sources (the inputs, the hidden inverters' outputs) and their columns end at the
// subtractors' virtual grounds, so each is the mapping's crossbar with no port resistance; its
// target is the conductances the weights ask for, 1/R(w) (mnist_model.hpp), at α = 1: the wired
// array must compute the currents the ideal one would, so the subtractors and inverters see
// what the software model computes. (Scaling every cell down by α < 1 with the inverters'
// gains up by 1/α would shrink the IR drop itself; that changes the cells' range, which a
// mapping for a given device may not.)

#include <Eigen/Dense>
#include <functional>
#include <string>
#include <vector>

#include "frontends/crossbar/mnist_circuit.hpp"

namespace xb::crossbar {

struct MnistMappingReport {
  // Per array (layer 1 +, −, layer 2 +, −): ‖W^r − G‖_F/‖G‖_F of the plain and the mapped cells.
  std::vector<double> plain_error, mapped_error;
  double seconds = 0;
};

// Programs spec.conductances for the wires of spec (wire_r > 0) from its weights, at α = 1 (the
// designed currents) within [kMnistMappedGMin, kMnistMappedGMax]. Error text or "".
std::string map_mnist_cells(MnistCircuitSpec& spec, MnistMappingReport& report,
                            const std::function<void(int array, int arrays)>& progress = {});

// The cells' range the mapping may use, the representable-matrices paper's 3 MΩ to 2 kΩ: the
// weights ask for 5–27.2 kΩ, and the cells far from the drivers and senses are raised above
// 1/5 kΩ to make up for the wires.
constexpr double kMnistMappedGMin = 1 / 3e6, kMnistMappedGMax = 1 / 2e3;

}  // namespace xb::crossbar
