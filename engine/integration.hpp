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

// The truncation-error estimate of one step for many charges, SPICE3's CKTterr rearranged so
// that the divided differences are weights computed once per step and the root is taken once:
// the step a charge allows is (trtol·tol / max(abstol, C·|dd|))^(1/order), with
//   tol = max(abstol + reltol·max|q̇|, reltol·max(|q|, chgtol)/h) over the new and last point,
// dd the (order+1)-th divided difference of q over the last order+2 points and C the method's
// error constant.
class TruncationEstimate {
 public:
  // steps[0..order]: the step just taken, then the ones before it.
  TruncationEstimate(Method m, int order, const double* steps, const TruncationTolerances& t)
      : order_(order), constant_(error_constant(m, order)), h_(steps[0]), t_(t) {
    // dd = Σ weight[k]·q[k]: the recursion of divided differences applied to unit vectors.
    for (int unit = 0; unit <= order + 1; ++unit) {
      std::array<double, 4> diff{}, span{};
      diff[unit] = 1;
      for (int i = 0; i <= order; ++i) span[i] = steps[i];
      for (int j = order;; --j) {
        for (int i = 0; i <= j; ++i) diff[i] = (diff[i] - diff[i + 1]) / span[i];
        if (j == 0) break;
        for (int i = 0; i < j; ++i) span[i] = span[i + 1] + steps[i];
      }
      weight_[unit] = diff[0];
    }
  }
  // Folds in one charge: q[0..order+1] from the new point back, qdot[0..1] new and last.
  // Returns true when it is the most limiting so far.
  bool add(const double* q, const double* qdot) {
    const double current_tol =
        t_.abstol + t_.reltol * std::max(std::fabs(qdot[0]), std::fabs(qdot[1]));
    const double charge_tol =
        t_.reltol * std::max(std::max(std::fabs(q[0]), std::fabs(q[1])), t_.chgtol) / h_;
    double dd = 0;
    for (int k = 0; k <= order_ + 1; ++k) dd += weight_[k] * q[k];
    const double ratio =
        std::max(t_.abstol, constant_ * std::fabs(dd)) / std::max(current_tol, charge_tol);
    if (ratio <= worst_) return false;
    worst_ = ratio;
    return true;
  }
  // The largest step every charge allows (huge when none limits).
  double step() const {
    if (worst_ <= 0) return 1e300;
    const double del = t_.trtol / worst_;
    return order_ == 2 ? std::sqrt(del) : del;
  }

 private:
  int order_;
  double constant_, h_;
  TruncationTolerances t_;
  std::array<double, 4> weight_{};
  double worst_ = 0;
};

}  // namespace xb::engine
