#pragma once
// `xbspice run` of a Monte Carlo analysis (HSPICE's SWEEP MONTE=N): every sample's results and
// measures, then a summary of each measure over the samples.
//   - An operating point per sample (.dc sweep monte=N, .op sweep monte=N) is one table whose
//     axis is the sample number, `index`, as HSPICE writes it.
//   - Other analyses list each sample's table after "**** monte carlo index = k". Written to
//     an ngspice raw file, each sample is a plot of its own; to an HSPICE post file (.tr0 ...),
//     a table of its own swept by MONTE_CARLO (the index); to CSV, one table whose first
//     column is `index`.
//   - Measures go to the listing as one line per sample and to HSPICE's .mt#/.ms#/.ma# file
//     with its `index` column, followed by mean, sigma, min, max and median per measure.

#include <functional>

#include "frontends/cli/run_command.hpp"
#include "frontends/io/hspice_listing_writer.hpp"
#include "frontends/session/session.hpp"

namespace xb::cli {

struct MonteCarloContext {
  const RunOptions& options;
  size_t run = 0;   // of the session (its .alter number names the measure file)
  size_t& written;  // result files written so far (numbered_path)
  io::HspiceListing* lis = nullptr;
  std::function<void(size_t, size_t)> progress;
  std::function<void()> show_diagnostics;  // those not shown yet
};

// Returns the exit code of this analysis.
int run_monte_carlo(session::Session& s, const netlist::FlatAnalysis& analysis,
                    MonteCarloContext& context);

}  // namespace xb::cli
