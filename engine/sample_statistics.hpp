#pragma once
// Statistics of one .measure over the samples of a Monte Carlo analysis, as HSPICE's listing
// summarises them: mean, sigma (the sample standard deviation, n - 1 in the denominator, so that
// it estimates the population's without bias in the variance), min, max and median, and
// HSPICE's avgdev, the mean absolute deviation from the mean. Failed samples (NaN) are counted
// and left out.

#include <cstddef>
#include <vector>

namespace xb::engine {

struct SampleStatistics {
  size_t count = 0;   // samples with a value
  size_t failed = 0;  // samples without one
  double mean = 0, sigma = 0, min = 0, max = 0, median = 0, avgdev = 0;
};

SampleStatistics sample_statistics(const std::vector<double>& values);

}  // namespace xb::engine
