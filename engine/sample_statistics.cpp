#include "engine/sample_statistics.hpp"

#include <algorithm>
#include <cmath>

namespace xb::engine {

SampleStatistics sample_statistics(const std::vector<double>& values) {
  SampleStatistics s;
  std::vector<double> ok;
  for (double v : values) {
    if (std::isnan(v))
      ++s.failed;
    else
      ok.push_back(v);
  }
  s.count = ok.size();
  if (ok.empty()) return s;
  double sum = 0;
  for (double v : ok) sum += v;
  s.mean = sum / static_cast<double>(ok.size());
  double squares = 0, deviations = 0;  // about the mean: no cancellation far from 0
  for (double v : ok) squares += (v - s.mean) * (v - s.mean), deviations += std::fabs(v - s.mean);
  s.avgdev = deviations / static_cast<double>(ok.size());
  s.sigma = ok.size() > 1 ? std::sqrt(squares / static_cast<double>(ok.size() - 1)) : 0.0;
  std::sort(ok.begin(), ok.end());
  s.min = ok.front();
  s.max = ok.back();
  const size_t mid = ok.size() / 2;
  s.median = ok.size() % 2 ? ok[mid] : 0.5 * (ok[mid - 1] + ok[mid]);
  return s;
}

}  // namespace xb::engine
