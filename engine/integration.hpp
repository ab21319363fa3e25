#pragma once
// Integration formulas for dq/dt in the transient analysis, written as
//   dq/dt(t_{n+1}) ≈ a0·q_{n+1} + history,
// and their local truncation error estimate. All of it lives here, none in devices.
//   backward Euler (order 1):  a0 = 1/h,  history = −q_n/h
//   trapezoidal (order 2):     a0 = 2/h,  history = −2·q_n/h − q̇_n
//   Gear-2 / BDF2, variable step (ρ = h/h_prev):
//     a0 = (1 + 2ρ)/(h·(1 + ρ)),  a1 = −(1 + ρ)/h,  a2 = ρ²/(h·(1 + ρ)),
//     history = a1·q_n + a2·q_{n−1}
// The error estimate follows SPICE3's CKTterr (Quarles 1989): the (order+1)-th divided
// difference of q over the last order+2 points, times the method's error constant (trap 1/2,
// 1/12; Gear 1/2, 2/9), must stay within trtol·max(current tolerance, charge tolerance/h).

#include <array>
#include <cmath>

namespace xb::engine {

enum class Method { trapezoidal, gear };

struct Coefficients {
  double a0 = 0, a1 = 0, a2 = 0;  // on q_{n+1}, q_n, q_{n−1}
  double b1 = 0;                  // on q̇_n (trapezoidal)
};

inline Coefficients coefficients(Method m, int order, double h, double h_prev) {
  if (order == 1) return {1 / h, -1 / h, 0, 0};
  if (m == Method::trapezoidal) return {2 / h, -2 / h, 0, -1};
  const double rho = h / h_prev;
  return {(1 + 2 * rho) / (h * (1 + rho)), -(1 + rho) / h, rho * rho / (h * (1 + rho)), 0};
}

inline double error_constant(Method m, int order) {
  if (order == 1) return 0.5;
  return m == Method::trapezoidal ? 1.0 / 12 : 2.0 / 9;
}

struct TruncationTolerances {
  double reltol = 1e-3, abstol = 1e-12, chgtol = 1e-14, trtol = 7;
};

// Largest step the error of one charge allows. q[0..order+1]: the charge at the new point and
// the points before it; qdot[0..1] its derivative at the new and the previous point;
// steps[0..order]: the step sizes between them (steps[0] = the step just taken).
inline double truncation_step(const double* q, const double* qdot, const double* steps, int order,
                              Method method, const TruncationTolerances& t) {
  const double h = steps[0];
  const double current_tol =
      t.abstol + t.reltol * std::max(std::fabs(qdot[0]), std::fabs(qdot[1]));
  const double charge_tol =
      t.reltol * std::max(std::max(std::fabs(q[0]), std::fabs(q[1])), t.chgtol) / h;
  const double tol = std::max(current_tol, charge_tol);
  // Divided differences over non-uniform points.
  std::array<double, 4> diff{}, span{};
  for (int i = 0; i <= order + 1; ++i) diff[i] = q[i];
  for (int i = 0; i <= order; ++i) span[i] = steps[i];
  for (int j = order;; --j) {
    for (int i = 0; i <= j; ++i) diff[i] = (diff[i] - diff[i + 1]) / span[i];
    if (j == 0) break;
    for (int i = 0; i < j; ++i) span[i] = span[i + 1] + steps[i];
  }
  double del = t.trtol * tol / std::max(t.abstol, error_constant(method, order) * std::fabs(diff[0]));
  return order == 2 ? std::sqrt(del) : del;
}

}  // namespace xb::engine
