#include "engine/fourier.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace xb::engine {
namespace {

// y at time t by linear interpolation on (time, values), time increasing; `hint` walks forward.
double interpolate(const std::vector<double>& time, const std::vector<double>& values, double t,
                   size_t& hint) {
  while (hint + 2 < time.size() && time[hint + 1] < t) ++hint;
  const double t0 = time[hint], t1 = time[hint + 1];
  if (t1 <= t0) return values[hint + 1];
  const double f = std::clamp((t - t0) / (t1 - t0), 0.0, 1.0);
  return values[hint] + f * (values[hint + 1] - values[hint]);
}

}  // namespace

FourierTable fourier_of(const std::vector<double>& time, const std::vector<double>& values,
                        double fundamental, int harmonics, int grid) {
  FourierTable t;
  t.fundamental = fundamental;
  t.grid = grid;
  const double period = 1.0 / fundamental;
  const double start = time.back() - period, dt = period / grid;
  std::vector<double> sine(harmonics, 0.0), cosine(harmonics, 0.0);
  size_t hint = 0;
  for (int j = 0; j < grid; ++j) {
    const double y = interpolate(time, values, start + j * dt, hint);
    for (int k = 0; k < harmonics; ++k) {
      const double angle = 2 * std::numbers::pi * k * j / grid;
      sine[k] += y * std::sin(angle);
      cosine[k] += y * std::cos(angle);
    }
  }
  t.frequency.assign(harmonics, 0.0);
  t.magnitude.assign(harmonics, 0.0);
  t.phase_deg.assign(harmonics, 0.0);
  t.norm_magnitude.assign(harmonics, 0.0);
  t.norm_phase_deg.assign(harmonics, 0.0);
  t.magnitude[0] = cosine[0] / grid;
  double distortion = 0;
  for (int k = 1; k < harmonics; ++k) {
    const double a = 2 * sine[k] / grid, b = 2 * cosine[k] / grid;
    t.frequency[k] = k * fundamental;
    t.magnitude[k] = std::hypot(a, b);
    t.phase_deg[k] = std::atan2(b, a) * 180 / std::numbers::pi;
    t.norm_magnitude[k] = t.magnitude[k] / t.magnitude[1];
    t.norm_phase_deg[k] = t.phase_deg[k] - t.phase_deg[1];
    if (k > 1) distortion += t.norm_magnitude[k] * t.norm_magnitude[k];
  }
  t.thd_percent = 100 * std::sqrt(distortion);
  return t;
}

FourierOutcome fourier_analysis(const Results& tran, const netlist::FlatFourier& request,
                                int harmonics, int grid) {
  FourierOutcome out;
  std::vector<double> time;
  time.reserve(tran.rows.size());
  for (const auto& row : tran.rows) time.push_back(row[0]);
  for (const std::string& signal : request.signals) {
    const auto column = std::find(tran.signals.begin(), tran.signals.end(), signal);
    if (column == tran.signals.end()) {
      out.errors.push_back(".four: the transient did not record " + signal);
      continue;
    }
    if (time.size() < 2 || time.back() - time.front() < 1 / request.frequency) {
      char period[32];
      std::snprintf(period, sizeof period, "%g", 1 / request.frequency);
      out.errors.push_back(".four " + signal + ": the transient is shorter than one period (" +
                           period + " s) of the fundamental");
      continue;
    }
    const size_t c = static_cast<size_t>(column - tran.signals.begin());
    std::vector<double> values;
    values.reserve(tran.rows.size());
    for (const auto& row : tran.rows) values.push_back(row[c]);
    FourierTable t = fourier_of(time, values, request.frequency, harmonics, grid);
    t.signal = signal;
    out.tables.push_back(std::move(t));
  }
  return out;
}

}  // namespace xb::engine
