#pragma once
// Results to files and to the terminal.
//   CSV: a header of signal names (first the independent variable), one row per point, numbers
//   with 15 significant digits (enough for relative 1e-12 comparisons).
//   Listing: an operating-point table or a .print-style table per analysis, like HSPICE's .lis.

#include <ostream>
#include <string>

#include "engine/measure.hpp"
#include "engine/results.hpp"

namespace xb::io {

void write_csv(const engine::Results& r, std::ostream& out);
// `print_step` > 0: a transient's table on its print grid (on_print_grid with tstart, tstop).
struct PrintGrid {
  double tstep = 0, tstart = 0, tstop = 0;
};
void write_listing(const engine::Results& r, std::ostream& out, const PrintGrid& grid = {});

// A transient's results resampled on the print grid tstart, tstart + tstep, ..., tstop by
// linear interpolation between accepted time points, as SPICE prints .print tran tables.
engine::Results on_print_grid(const engine::Results& r, double tstep, double tstart, double tstop);

// .measure results: "name = value" lines (or "failed", with the reason).
void write_measures(const std::vector<engine::MeasureResult>& m, std::ostream& out);
// HSPICE's measure file layout (.mt#/.ms#): $DATA1, .TITLE, names then values four to a line in
// 17-column slots, ending with temper and alter#.
void write_measure_file(const std::vector<engine::MeasureResult>& m, const std::string& title,
                        std::ostream& out, double temper = 27, int alter = 1);
// The same for a Monte Carlo analysis: `index` (the sample) first, one record per sample
// (records[k] of samples[k], every record with the same measures in the same order).
void write_monte_carlo_measure_file(const std::vector<size_t>& samples,
                                    const std::vector<std::vector<engine::MeasureResult>>& records,
                                    const std::string& title, std::ostream& out, double temper = 27,
                                    int alter = 1);
// out.csv -> out.mt0 (run 0), out.mt1 (first .alter), ...
std::string measure_path(const std::string& output, const std::string& kind, size_t run);

// File name for result `index` (0-based) of a run writing to `path`: path itself for the first,
// then "name_2.ext", "name_3.ext", ...
std::string numbered_path(const std::string& path, size_t index);

}  // namespace xb::io
