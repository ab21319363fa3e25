#include "frontends/cli/monte_carlo_run.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "engine/ac_analysis.hpp"
#include "engine/measure.hpp"
#include "engine/sample_statistics.hpp"
#include "frontends/cli/exit_codes.hpp"
#include "frontends/cli/file_commands.hpp"
#include "frontends/io/hspice_post_writer.hpp"
#include "frontends/io/raw_writer.hpp"
#include "frontends/io/result_writers.hpp"

namespace xb::cli {
namespace {

bool ends_with(const std::string& s, const char* tail) {
  const std::string t(tail);
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

// HSPICE's measure file of the analysis kind: .mt# (tran), .ma# (ac), .ms# (dc).
const char* measure_kind(const netlist::FlatAnalysis& a) {
  return a.kind == netlist::AnalysisKind::tran ? "mt"
         : a.kind == netlist::AnalysisKind::ac ? "ma"
                                               : "ms";
}

// `r` with the sample number as a first column, `index`.
engine::Results with_index(const engine::Results& r, size_t sample) {
  engine::Results out;
  out.analysis = r.analysis;
  out.title = r.title;
  out.signals.push_back("index");
  out.signals.insert(out.signals.end(), r.signals.begin(), r.signals.end());
  auto prefixed = [&](const std::vector<std::vector<double>>& rows, double first) {
    std::vector<std::vector<double>> to;
    for (const std::vector<double>& row : rows) {
      to.push_back({first});
      to.back().insert(to.back().end(), row.begin(), row.end());
    }
    return to;
  };
  out.rows = prefixed(r.rows, static_cast<double>(sample));
  if (r.is_complex()) out.imag = prefixed(r.imag, 0.0);
  return out;
}

void append_rows(engine::Results& to, const engine::Results& from) {
  if (to.signals.empty()) {
    to.analysis = from.analysis, to.title = from.title, to.signals = from.signals;
  }
  to.rows.insert(to.rows.end(), from.rows.begin(), from.rows.end());
  to.imag.insert(to.imag.end(), from.imag.begin(), from.imag.end());
}

std::string format_value(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "% .6e", v);
  return buf;
}

// A sample whose circuit could not be elaborated has no measures: it gets the others' names,
// each failed, so that every record has the same columns.
void align_records(std::vector<std::vector<engine::MeasureResult>>& records) {
  const auto widest =
      std::max_element(records.begin(), records.end(),
                       [](const auto& a, const auto& b) { return a.size() < b.size(); });
  if (widest == records.end()) return;
  const std::vector<engine::MeasureResult> names = *widest;
  for (auto& record : records)
    if (record.size() != names.size()) {
      record.clear();
      for (const engine::MeasureResult& m : names)
        record.push_back({m.name, 0, true, "the sample could not be simulated"});
    }
}

// Each measure's statistics over the samples, in the measures' order.
std::vector<std::pair<std::string, engine::SampleStatistics>> measure_statistics(
    const std::vector<std::vector<engine::MeasureResult>>& records) {
  std::vector<std::pair<std::string, engine::SampleStatistics>> out;
  if (records.empty()) return out;
  for (size_t j = 0; j < records.front().size(); ++j) {
    std::vector<double> values;
    for (const auto& record : records)
      values.push_back(record[j].failed ? std::nan("") : record[j].value);
    out.emplace_back(records.front()[j].name, engine::sample_statistics(values));
  }
  return out;
}

// One line per sample, then the statistics of each measure.
void write_measure_summary(const std::vector<size_t>& samples,
                           const std::vector<std::vector<engine::MeasureResult>>& records,
                           std::ostream& out) {
  if (records.empty() || records.front().empty()) return;
  const std::vector<engine::MeasureResult>& first = records.front();
  out << "monte carlo measure results\n";
  char cell[64];
  std::snprintf(cell, sizeof cell, "%8s", "index");
  out << cell;
  for (const engine::MeasureResult& m : first) {
    std::snprintf(cell, sizeof cell, " %15s", m.name.c_str());
    out << cell;
  }
  out << "\n";
  for (size_t k = 0; k < records.size(); ++k) {
    std::snprintf(cell, sizeof cell, "%8zu", samples[k]);
    out << cell;
    for (const engine::MeasureResult& m : records[k]) {
      if (m.failed)
        std::snprintf(cell, sizeof cell, " %15s", "failed");
      else
        std::snprintf(cell, sizeof cell, " % 15.6e", m.value);
      out << cell;
    }
    out << "\n";
  }
  out << "monte carlo statistics over " << records.size() << " samples\n";
  for (const auto& [name, st] : measure_statistics(records)) {
    if (st.count == 0) {
      out << name << ": failed in every sample\n";
      continue;
    }
    out << name << ": mean =" << format_value(st.mean) << "  sigma =" << format_value(st.sigma)
        << "  min =" << format_value(st.min) << "  max =" << format_value(st.max)
        << "  median =" << format_value(st.median);
    if (st.failed) out << "  failed = " << st.failed;
    out << "\n";
  }
}

}  // namespace

int run_monte_carlo(session::Session& s, const netlist::FlatAnalysis& fa, MonteCarloContext& ctx) {
  const RunOptions& opt = ctx.options;
  // One operating point per sample: a single table over the sample number.
  const bool op_form = fa.kind == netlist::AnalysisKind::dc && fa.sweeps.empty();
  const bool raw = ends_with(opt.output, ".raw");
  // HSPICE post files take a table per sample, swept by MONTE_CARLO (the index).
  const bool post = !op_form && io::is_hspice_post_name(opt.output);
  std::vector<engine::Results> post_tables;
  std::vector<double> post_samples;
  const std::string path = opt.output.empty() ? "" : io::numbered_path(opt.output, ctx.written);
  std::ofstream raw_file;
  if (raw && !op_form) {
    raw_file.open(path, std::ios::binary);
    if (!raw_file) return std::cerr << "xbspice: error: cannot write " << path << "\n", kUserError;
  }
  engine::Results table;  // op form: all samples; else the CSV's long table
  std::vector<size_t> samples;
  std::vector<std::vector<engine::MeasureResult>> records;
  const size_t failed = s.monte_carlo(
      fa,
      [&](size_t sample, const session::Outcome& out, const netlist::Circuit& c) {
        const engine::Results indexed = with_index(out.results, sample);
        // Measures read the sample's own results (and circuit: its parameters were drawn).
        const engine::Results& base = op_form ? indexed : out.results;
        const engine::Results& measured_table =
            base.is_complex() ? engine::ac_measure_table(base, c.measures) : base;
        samples.push_back(sample);
        records.push_back(engine::evaluate_measures(c.measures, fa.name, measured_table, c.params));
        const bool tran = fa.kind == netlist::AnalysisKind::tran;
        if (ctx.lis) {  // HSPICE's listing: each sample's tables and measures under its index
          ctx.lis->monte_carlo_index(sample);
          ctx.lis->add(op_form || out.results.rows.empty() ? engine::Results{}
                       : tran ? io::on_print_grid(out.results, fa.tstep, fa.tstart, fa.tstop)
                              : out.results,
                       records.back());
        }
        if (op_form) {
          append_rows(table, indexed);
          return;
        }
        if (out.results.rows.empty()) return;
        std::cout << "**** monte carlo index = " << sample << "\n";
        const engine::Results& listed =
            out.results.is_complex() ? engine::ac_print_columns(out.results, print_outputs(c, "ac"))
                                     : out.results;
        io::write_listing(listed, std::cout,
                          tran ? io::PrintGrid{fa.tstep, fa.tstart, fa.tstop} : io::PrintGrid{});
        if (raw_file.is_open()) {
          engine::Results plot = out.results;
          plot.title += " (monte carlo index " + std::to_string(sample) + ")";
          io::write_raw(plot, raw_file, opt.ascii);
        } else if (post) {
          post_tables.push_back(out.results);
          post_samples.push_back(static_cast<double>(sample));
        } else if (!path.empty()) {
          append_rows(table, indexed);
        }
      },
      ctx.progress);
  if (ctx.show_diagnostics) ctx.show_diagnostics();
  if (op_form && !table.rows.empty()) io::write_listing(table, std::cout);
  align_records(records);
  write_measure_summary(samples, records, std::cout);
  if (ctx.lis && op_form && !table.rows.empty()) ctx.lis->add(table, {});
  if (ctx.lis)
    for (const auto& [name, st] : measure_statistics(records))
      ctx.lis->monte_carlo_statistics(name, st);
  int code = failed ? kSimulationFailure : kOk;
  if (!path.empty()) {
    ++ctx.written;
    bool ok = false;
    if (raw_file.is_open()) {
      ok = static_cast<bool>(raw_file.flush());
    } else if (post) {
      std::ofstream file(path, std::ios::binary);
      if (!post_tables.empty())
        io::write_hspice_post_sweep(post_tables, "MONTE_CARLO", post_samples, file);
      ok = static_cast<bool>(file);
    } else {
      ok = write_results_file(table, path, opt.ascii);
    }
    if (!ok) std::cerr << "xbspice: error: cannot write " << path << "\n", code = kUserError;
  }
  if (!opt.output.empty() && !records.empty() && !records.front().empty()) {
    const std::string mpath = io::measure_path(opt.output, measure_kind(fa), ctx.run);
    std::ofstream file(mpath);
    io::write_monte_carlo_measure_file(samples, records, s.deck().title, file);
    if (!file) std::cerr << "xbspice: error: cannot write " << mpath << "\n", code = kUserError;
  }
  if (failed)
    std::cerr << "xbspice: " << failed << " of " << fa.monte_samples
              << " Monte Carlo samples failed; the others' results were kept\n";
  return code;
}

}  // namespace xb::cli
