#include "frontends/crossbar/mnist_mapping.hpp"

#include <chrono>

#include "frontends/crossbar/mapping.hpp"

namespace xb::crossbar {

std::string map_mnist_cells(MnistCircuitSpec& spec, MnistMappingReport& report,
                            const std::function<void(int, int)>& progress) {
  const auto t0 = std::chrono::steady_clock::now();
  if (!(spec.wire_r > 0)) return "the cells are mapped for wires: wire_r must be > 0";
  MappingSetup s;
  s.wire_r = spec.wire_r, s.r_in = 0, s.r_out = 0;  // ideal drivers, virtual-ground senses
  s.g_min = kMnistMappedGMin, s.g_max = kMnistMappedGMax;
  s.levels = 0;             // the cells take any conductance
  s.alpha = 1;              // the designed currents: the subtractors and inverters stay
  s.zero_at_g_min = false;  // the target is conductances already
  s.fixed_point_iterations = 12;
  s.verify_inputs = 0, s.baseline = false;
  report = {};
  spec.conductances.clear();
  for (int a = 0; a < 4; ++a) {
    if (progress) progress(a, 4);
    const Eigen::MatrixXd& w = a < 2 ? spec.weights.w1 : spec.weights.w2;
    const double sign = a % 2 == 0 ? 1 : -1;  // the positive, then the negative array
    const Eigen::MatrixXd target =
        w.unaryExpr([&](double x) { return 1 / weight_resistance(std::max(sign * x, 0.0)); });
    MappingResult r;
    if (std::string e = map_matrix(target, s, r); !e.empty())
      return "array " + std::to_string(a + 1) + ": " + e;
    spec.conductances.push_back(r.g);
    report.plain_error.push_back(r.plain_error);
    report.mapped_error.push_back(r.mapped_error);
  }
  if (progress) progress(4, 4);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return "";
}

}  // namespace xb::crossbar
