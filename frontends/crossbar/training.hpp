#pragma once
// What the crossbar networks' trainings share: Adam on a shadow matrix kept within the level
// range, and the forward pass's weights put on their level sets (the straight-through
// estimator: gradients computed with the quantized weights update the shadow ones).

#include <Eigen/Dense>
#include <cmath>
#include <vector>

#include "frontends/crossbar/mnist_model.hpp"

namespace xb::crossbar {

// Adam (Kingma & Ba, ICLR 2015) on one shadow matrix, kept within [lo, hi].
struct Adam {
  Eigen::MatrixXd m, v;
  int t = 0;
  void step(Eigen::MatrixXd& w, const Eigen::MatrixXd& grad, double rate, double lo, double hi) {
    if (m.size() == 0) m = v = Eigen::MatrixXd::Zero(w.rows(), w.cols());
    ++t;
    constexpr double b1 = 0.9, b2 = 0.999, eps = 1e-8;
    m = b1 * m + (1 - b1) * grad;
    v = b2 * v + (1 - b2) * grad.cwiseProduct(grad);
    const double c1 = 1 - std::pow(b1, t), c2 = 1 - std::pow(b2, t);
    w.array() -= rate * (m.array() / c1) / ((v.array() / c2).sqrt() + eps);
    w = w.cwiseMax(lo).cwiseMin(hi);
  }
};

inline Eigen::MatrixXd quantized(const Eigen::MatrixXd& w, const std::vector<double>& levels) {
  return w.unaryExpr([&](double x) { return nearest_level(levels, x); });
}

}  // namespace xb::crossbar
