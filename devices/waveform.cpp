#include "devices/waveform.hpp"

#include <algorithm>
#include <cmath>

namespace xb::devices {
namespace {

constexpr double kNever = 1e300;

// A breakpoint closer than this (relative) to t counts as t itself.
bool after(double corner, double t) {
  return corner > t + 1e-12 * std::max(1e-9, std::fabs(t));
}

}  // namespace

Waveform::Waveform(const netlist::FlatSource& s) : kind_(s.function), given_(s.args) {
  repeat_ = netlist::param_or(s.options, "r", -1);
  delay_ = netlist::param_or(s.options, "td", 0);
  a_ = given_;
}

void Waveform::resolve(double tstep, double tstop) {
  using F = netlist::SourceFunction;
  a_ = given_;
  auto arg = [&](size_t i, double fallback) {
    if (a_.size() <= i)
      a_.resize(i + 1, 0.0), a_[i] = fallback;
    else if (a_[i] == 0 && fallback != 0 && kind_ != F::sin)
      a_[i] = fallback;
  };
  switch (kind_) {
    case F::pulse:
      arg(0, 0), arg(1, 0), arg(2, 0);
      arg(3, tstep), arg(4, tstep), arg(5, tstop), arg(6, tstop);
      break;
    case F::sin:
      a_.resize(std::max<size_t>(a_.size(), 6), 0.0);
      if (given_.size() < 3 || given_[2] == 0) a_[2] = tstop > 0 ? 1 / tstop : 0;
      break;
    case F::exp:
      arg(0, 0), arg(1, 0), arg(2, 0), arg(3, tstep);
      if (a_.size() < 5 || a_[4] == 0)
        a_.resize(std::max<size_t>(a_.size(), 5)), a_[4] = a_[2] + tstep;
      arg(5, tstep);
      break;
    case F::sffm:
      a_.resize(std::max<size_t>(a_.size(), 5), 0.0);
      if (a_[2] == 0) a_[2] = tstop > 0 ? 1 / tstop : 0;
      if (a_[4] == 0) a_[4] = tstop > 0 ? 1 / tstop : 0;
      break;
    case F::am:
      a_.resize(std::max<size_t>(a_.size(), 5), 0.0);
      if (a_[2] == 0) a_[2] = tstop > 0 ? 1 / tstop : 0;
      if (a_[3] == 0) a_[3] = tstop > 0 ? 1 / tstop : 0;
      break;
    default:
      break;
  }
}

double Waveform::value(double t) const {
  using F = netlist::SourceFunction;
  switch (kind_) {
    case F::pulse: {
      const double v1 = a_[0], v2 = a_[1], td = a_[2], tr = a_[3], tf = a_[4], pw = a_[5],
                   per = a_[6];
      double u = t - td;
      if (u <= 0) return v1;
      if (a_.size() > 7 && a_[7] > 0 && per > 0 && u >= a_[7] * per) return v1;
      // SPICE3 (vsrcload.c) wraps only past a whole period: at t = td + per the pulse is still
      // in its first period, which decides the last point when per defaults to tstop.
      if (per > 0 && u > per) u -= per * std::floor(u / per);
      if (u <= 0 || u >= tr + pw + tf) return v1;
      if (u >= tr + pw) return v2 + (v1 - v2) * (u - tr - pw) / tf;
      if (u >= tr) return v2;
      return v1 + (v2 - v1) * u / tr;
    }
    case F::sin: {
      const double vo = a_[0], va = a_[1], freq = a_[2], td = a_[3], theta = a_[4];
      const double phase = a_[5] * M_PI / 180;
      if (t <= td) return vo + va * std::sin(phase);
      const double u = t - td;
      return vo + va * std::exp(-u * theta) * std::sin(2 * M_PI * freq * u + phase);
    }
    case F::exp: {
      const double v1 = a_[0], v2 = a_[1], td1 = a_[2], tau1 = a_[3], td2 = a_[4], tau2 = a_[5];
      if (t <= td1) return v1;
      double v = v1 + (v2 - v1) * (1 - std::exp(-(t - td1) / tau1));
      if (t > td2) v += (v1 - v2) * (1 - std::exp(-(t - td2) / tau2));
      return v;
    }
    case F::pwl:
      return pwl_value(t);
    case F::sffm: {
      const double vo = a_[0], va = a_[1], fc = a_[2], mdi = a_[3], fs = a_[4];
      return vo + va * std::sin(2 * M_PI * fc * t + mdi * std::sin(2 * M_PI * fs * t));
    }
    case F::am: {
      const double va = a_[0], vo = a_[1], fm = a_[2], fc = a_[3], td = a_[4];
      if (t <= td) return 0;
      const double u = t - td;
      return va * (vo + std::sin(2 * M_PI * fm * u)) * std::sin(2 * M_PI * fc * u);
    }
    default:
      return 0;
  }
}

double Waveform::pwl_value(double t) const {
  const size_t n = a_.size() / 2;
  if (n == 0) return 0;
  t -= delay_;
  const double first = a_[0], last = a_[2 * (n - 1)];
  if (repeat_ >= 0 && t > last && last > repeat_) t = repeat_ + std::fmod(t - last, last - repeat_);
  if (t <= first) return a_[1];
  if (t >= last) return a_[2 * n - 1];
  // Corners are sorted (checked at elaboration); binary search over the times.
  size_t lo = 0, hi = n - 1;
  while (hi - lo > 1) {
    const size_t mid = (lo + hi) / 2;
    (a_[2 * mid] <= t ? lo : hi) = mid;
  }
  const double t0 = a_[2 * lo], t1 = a_[2 * hi], v0 = a_[2 * lo + 1], v1 = a_[2 * hi + 1];
  return t1 > t0 ? v0 + (v1 - v0) * (t - t0) / (t1 - t0) : v1;
}

double Waveform::pwl_next(double t) const {
  const size_t n = a_.size() / 2;
  if (n == 0) return kNever;
  const double last = a_[2 * (n - 1)];
  for (size_t i = 0; i < n; ++i)
    if (after(a_[2 * i] + delay_, t)) return a_[2 * i] + delay_;
  if (repeat_ < 0 || last <= repeat_) return kNever;
  // Repetition m starts at last + m·period and has a corner at each written corner after r.
  const double period = last - repeat_;
  const double m = std::max(0.0, std::floor((t - delay_ - last) / period));
  for (double k = m; k <= m + 1; ++k)
    for (size_t i = 0; i < n; ++i) {
      if (a_[2 * i] <= repeat_) continue;
      const double c = last + k * period + (a_[2 * i] - repeat_) + delay_;
      if (after(c, t)) return c;
    }
  return kNever;
}

double Waveform::next_breakpoint(double t) const {
  using F = netlist::SourceFunction;
  if (kind_ == F::pwl) return pwl_next(t);
  if (kind_ != F::pulse) return kNever;
  const double td = a_[2], tr = a_[3], tf = a_[4], pw = a_[5], per = a_[6];
  const double corners[] = {0, tr, tr + pw, tr + pw + tf};
  double base = 0;
  if (t >= td && per > 0) base = per * std::floor((t - td) / per);
  for (int rep = 0; rep < 2; ++rep, base += per) {
    if (a_.size() > 7 && a_[7] > 0 && per > 0 && base >= a_[7] * per) return kNever;
    for (double c : corners)
      if (after(td + base + c, t)) return td + base + c;
    if (per <= 0) break;
  }
  return kNever;
}

}  // namespace xb::devices
