#pragma once
// The finite-difference check of an assembled Jacobian, shared by the engine and device tests.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/dc_solver.hpp"

namespace xb::test_support {

// The assembled Jacobian of `s` at x against central differences of its residual, every entry.
// Truncation ~1e-5 relative, plus the rounding of f itself (bulk junctions forward-biased by 2 V
// carry ~1e19 A; a row sums several such terms) divided by the step.
inline void expect_jacobian_matches_differences(engine::DcSolver& s, const std::vector<double>& x,
                                                int trial) {
  const int n = s.system().size();
  const auto& Ap = s.system().Ap();
  const auto& Ai = s.system().Ai();
  std::vector<double> f, jac, fp, fm, unused;
  s.evaluate_at(x, f, jac);
  for (int col = 0; col < n; ++col) {
    const double h = 1e-7 * std::max(1.0, std::fabs(x[col]));
    std::vector<double> xp = x, xm = x;
    xp[col] += h;
    xm[col] -= h;
    s.evaluate_at(xp, fp, unused);
    s.evaluate_at(xm, fm, unused);
    std::vector<double> analytic(n, 0.0);
    for (int k = Ap[col]; k < Ap[col + 1]; ++k) analytic[Ai[k]] = jac[k];
    for (int row = 0; row < n; ++row) {
      const double fd = (fp[row] - fm[row]) / (2 * h);
      const double rounding = 1e-15 * std::max(std::fabs(fp[row]), std::fabs(fm[row])) / h;
      EXPECT_NEAR(analytic[row], fd, 1e-5 * std::fabs(fd) + 100 * rounding + 1e-9)
          << "d f[" << s.system().name(row) << "] / d " << s.system().name(col) << " trial "
          << trial;
    }
  }
}

}  // namespace xb::test_support
