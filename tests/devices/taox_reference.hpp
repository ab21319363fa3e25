#pragma once
// An independent statement of the TaOx model of Strachan et al. (IEEE TED 60(7), 2013) and an
// integrator for its state equation, for the tests and the golden-file generator: written from
// the paper, not from devices/taox.

#include <algorithm>
#include <cmath>
#include <functional>

namespace xb::reference {

// Strachan et al., IEEE TED 60(7), 2013, default parameters.
struct Paper {
  double A = 1e-10, B = 1e-4, sigp = 4e-5, sigon = 0.45, sigoff = 0.013, xoff = 0.4, xon = 0.06,
         beta = 500, gm = 0.025, a = 7.2e-6, b = 4.7;
  double current(double v, double x) const {
    return v * (gm * x + a * std::exp(b * std::sqrt(std::fabs(v))) * (1 - x));
  }
  double dxdt(double v, double x) const {
    const double p = v * current(v, x);
    if (v > 0)
      return B * std::sinh(v / sigon) * std::exp(-(x / xon) * (x / xon)) * std::exp(p / sigp);
    return A * std::sinh(v / sigoff) * std::exp(-(xoff / x) * (xoff / x)) *
           std::exp(1 / (1 + beta * p));
  }
  // Voltage across the device when `vs` drives it through `r` (vs = v + r·i, i rising in v).
  double device_voltage(double vs, double r, double x) const {
    if (r == 0) return vs;
    double lo = std::min(0.0, vs), hi = std::max(0.0, vs);
    for (int k = 0; k < 200; ++k) {
      const double mid = 0.5 * (lo + hi);
      (mid + r * current(mid, x) < vs ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
  }
};

// SPICE PULSE(v1 v2 td tr tf pw per), written out again.
inline double pulse(double t, double v1, double v2, double td, double tr, double tf, double pw,
                    double per) {
  double u = t - td;
  if (u <= 0) return v1;
  u -= per * std::floor(u / per);
  if (u < tr) return v1 + (v2 - v1) * u / tr;
  if (u < tr + pw) return v2;
  if (u < tr + pw + tf) return v2 + (v1 - v2) * (u - tr - pw) / tf;
  return v1;
}

// x' = F(t, x) from t0 to t1, implicit trapezoidal steps with step doubling.
inline double integrate(const std::function<double(double, double)>& f, double t0, double t1,
                        double x) {
  auto trap = [&](double t, double x0, double h) {
    const double f0 = f(t, x0);
    double y = x0 + h * f0;  // explicit start, then Newton on y − x0 − h/2·(f0 + f(t+h, y))
    y = std::clamp(y, 0.0, 1.0);
    for (int it = 0; it < 60; ++it) {
      const double g = y - x0 - 0.5 * h * (f0 + f(t + h, y));
      const double d = 1e-9 * std::max(1e-3, std::fabs(y));
      const double dg = 1 - 0.5 * h * (f(t + h, y + d) - f(t + h, y - d)) / (2 * d);
      const double next = std::clamp(y - g / dg, 0.0, 1.0);
      if (std::fabs(next - y) < 1e-15) return next;
      y = next;
    }
    return y;
  };
  double t = t0, h = (t1 - t0) / 16;
  while (t < t1) {
    h = std::min(h, t1 - t);
    const double big = trap(t, x, h);
    const double half = trap(t + h / 2, trap(t, x, h / 2), h / 2);
    const double err = std::fabs(big - half);
    if (err > 1e-10 && h > 1e-18) {
      h /= 2;
      continue;
    }
    x = half + (half - big) / 3;  // Richardson: the trapezoidal rule is second order
    t += h;
    h *= err > 0 ? std::clamp(0.9 * std::sqrt(1e-10 / err), 0.5, 2.0) : 2.0;
  }
  return x;
}

}  // namespace xb::reference
