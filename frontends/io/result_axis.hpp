#pragma once
// Reading one result table at another's axis values: time points, sweep values.

#include "engine/results.hpp"

namespace xb::io {

// Column `col` of `t` at axis value `a` (first column), linearly interpolated on a monotonic
// (rising or falling) axis; false when `a` lies outside the axis by more than `slack` (default:
// 1e-9 of its span).
bool value_at_axis(const engine::Results& t, size_t col, double a, double& out, double slack = -1);

// The smallest and largest value column `col` of `t` takes for axis values in [lo, hi] (t read as
// piecewise linear, the window clipped to its axis); false when the window misses the axis.
bool range_in_window(const engine::Results& t, size_t col, double lo, double hi, double& min,
                     double& max);

// True when both tables have the same axis values, point for point (relative `rel`, at least
// 1e-9), so that rows can be compared directly (sweeps whose axis repeats, identical grids).
bool same_axis(const engine::Results& a, const engine::Results& b, double rel = 1e-9);

}  // namespace xb::io
