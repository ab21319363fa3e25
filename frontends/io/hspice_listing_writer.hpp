#pragma once
// An HSPICE-style listing (`run --lis FILE`): the banner, the title, operating points as
// `+0:node = value` cells three to a line, each .dc/.tran result as `x` … `y` print tables (at
// most 32 columns each, .tran on the tstep grid) and `.measure` results as `name= value`, in the
// layout HSPICE users' listing parsers read (../shared/HSPICE-FORMATS.md §7).

#include <ostream>
#include <string>
#include <vector>

#include "engine/measure.hpp"
#include "engine/results.hpp"
#include "engine/sample_statistics.hpp"

namespace xb::io {

class HspiceListing {
 public:
  HspiceListing(std::ostream& out, const std::string& title, double temperature);
  // One analysis' results (a transient already on its print grid) and its measures.
  void add(const engine::Results& r, const std::vector<engine::MeasureResult>& measures);
  // Monte Carlo: the header of sample `index`'s results, and the statistics of one measure
  // over the samples (HSPICE's mean, varian, sigma, avgdev, max, min; median added).
  void monte_carlo_index(size_t index);
  void monte_carlo_statistics(const std::string& measure, const engine::SampleStatistics& st);
  void finish(bool ok);

 private:
  std::ostream& out_;
  double temperature_;
};

}  // namespace xb::io
