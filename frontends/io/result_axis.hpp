#pragma once
// Reading one result table at another's axis values: time points, sweep values.

#include "engine/results.hpp"

namespace xb::io {

// Column `col` of `t` at axis value `a` (first column), linearly interpolated on a monotonic
// (rising or falling) axis; false when `a` lies outside the axis by more than 1e-9 of its span.
bool value_at_axis(const engine::Results& t, size_t col, double a, double& out);

// True when both tables have the same axis values, point for point (relative 1e-9), so that
// rows can be compared directly (sweeps whose axis repeats, identical grids).
bool same_axis(const engine::Results& a, const engine::Results& b);

}  // namespace xb::io
