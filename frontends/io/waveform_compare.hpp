#pragma once
// Comparing two sets of result tables signal by signal, the way SPICE regression tools do: B is
// the reference, A is read at B's axis values. A point passes when the values agree within
// abstol + reltol·|B| (or range_tol of B's range); on a time axis it also passes when A takes
// B's value somewhere within a time window around the point, so that edges which the two files
// place a rounding apart (a float32 axis beside a float64 one) are not read as full-swing errors.
// Axis ends closer than the files' resolution are the same point.

#include <optional>
#include <string>
#include <vector>

#include "engine/results.hpp"
#include "frontends/io/svg_plot.hpp"

namespace xb::io {

struct CompareTolerances {
  double reltol = 1e-3, abstol = 1e-9;
  double range_tol = 0;  // > 0: also |d| <= range_tol·(max − min of B's signal)
  // Half-width of the time window, in the axis's unit; unset: from the axes' resolution,
  // 2·(resolution of A + resolution of B)·max|t|. 0 turns the window off.
  std::optional<double> time_window;
};

struct SignalComparison {
  std::string name;  // as B names it
  double worst_abs = 0, worst_rel = 0, where = 0;
  bool pass = true;
  size_t window_passes = 0;  // points that passed only by the time window
  std::string note;          // why the comparison stopped early
  Series a, b, diff;         // both signals and A − B at B's axis values
};

struct TableComparison {
  size_t a_table = 0, b_table = 0;
  std::string analysis, title, axis;  // of B
  bool single_point = false;          // two operating points: no axis
  double time_window = 0;             // used for this table (0: none)
  double axis_slack = 0;              // axis ends this close count as equal
  // The axes differ in name and values but not in length: rows compared in order.
  bool axes_named_apart = false;
  std::vector<SignalComparison> signals;
  std::vector<std::string> only_a, only_b;  // signals in one file only
};

struct Comparison {
  std::vector<TableComparison> tables;
  std::vector<size_t> unmatched_b, unmatched_a;  // tables with no counterpart (B's is a failure)
  bool pass = true;
};

// Matching key of a signal name: lower case, ':' as '.', voltages without v( ).
std::string signal_key(std::string name);

// `signals`: keys to compare (empty: every signal both have). `a_name`, `b_name` label the
// plotted series.
Comparison compare_results(const std::vector<engine::Results>& a,
                           const std::vector<engine::Results>& b, const CompareTolerances& tol,
                           const std::vector<std::string>& signals, const std::string& a_name,
                           const std::string& b_name);

}  // namespace xb::io
