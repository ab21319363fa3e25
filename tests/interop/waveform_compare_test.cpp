// `xbspice compare`'s comparison (frontends/io/waveform_compare): files of one run at two
// precisions, time windows at edges, axis ends within the files' resolution (issue 13 item 8).

#include "frontends/io/waveform_compare.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "frontends/io/hspice_post_writer.hpp"
#include "frontends/io/raw_writer.hpp"
#include "frontends/io/result_readers.hpp"
#include "frontends/io/result_writers.hpp"
#include "frontends/session/session.hpp"
#include "netlist/parser.hpp"

using namespace xb;

namespace {

const std::string kDir = XB_HSPICE_DIR;

bool all_pass(const io::Comparison& c) {
  bool pass = c.pass && !c.tables.empty();
  for (const io::TableComparison& t : c.tables)
    for (const io::SignalComparison& s : t.signals) pass = pass && s.pass;
  return pass;
}

io::Comparison compare(const engine::Results& a, const engine::Results& b,
                       io::CompareTolerances tol = {}) {
  return io::compare_results({a}, {b}, tol, {}, "a", "b");
}

// A 5 V square wave with 1 ps edges every 1 ms, sampled at `step`, its edges after the first
// `shift` late.
engine::Results square_wave(double step, double shift) {
  engine::Results r;
  r.analysis = "tran";
  r.signals = {"time", "v(vs)"};
  for (int period = 0; period < 4; ++period) {
    const double t0 = period * 1e-3 + (period > 0 ? shift : 0), high = period % 2 ? 0.0 : 5.0;
    r.rows.push_back({t0, 5.0 - high});
    r.rows.push_back({t0 + 1e-12, high});
    for (double t = t0 + step; t < t0 + 1e-3 - step / 2; t += step) r.rows.push_back({t, high});
  }
  return r;
}

}  // namespace

TEST(WaveformCompare, SameHspiceRunInFloat32AndFloat64Agrees) {
  const io::ReadResults f32 = io::read_results_file(kDir + "/hmc_test_9601.tr0");
  const io::ReadResults f64 = io::read_results_file(kDir + "/hmc_test_2001.tr0");
  ASSERT_TRUE(f32.error.empty() && f64.error.empty()) << f32.error << f64.error;
  EXPECT_DOUBLE_EQ(f32.tables[0].axis_resolution, 0x1p-24);
  EXPECT_EQ(f64.tables[0].axis_resolution, 0);
  // The float32 axis ends at 0.0099999998, the float64 one at 0.01: the same point.
  EXPECT_NE(f32.tables[0].rows.back()[0], f64.tables[0].rows.back()[0]);
  io::CompareTolerances tight;
  tight.reltol = 1e-6, tight.abstol = 1e-9;
  for (const io::Comparison& c : {compare(f32.tables[0], f64.tables[0], tight),
                                  compare(f64.tables[0], f32.tables[0], tight)}) {
    EXPECT_TRUE(all_pass(c));
    ASSERT_EQ(c.tables.size(), 1u);
    EXPECT_NEAR(c.tables[0].time_window, 2 * 0x1p-24 * 0.01, 1e-12);
    for (const io::SignalComparison& s : c.tables[0].signals)
      EXPECT_LT(s.worst_rel, 1e-7) << s.name;  // float32's precision, nothing more
  }
}

TEST(WaveformCompare, EdgesPlacedARoundingApartPassByTheTimeWindow) {
  // Two grids (10 µs and 7 µs steps) whose edges differ by 2e-10 s.
  const engine::Results b = square_wave(1e-5, 0), a = square_wave(7e-6, 2e-10);
  io::CompareTolerances off;
  off.time_window = 0;
  const io::Comparison strict = compare(a, b, off);
  ASSERT_EQ(strict.tables[0].signals.size(), 1u);
  EXPECT_FALSE(strict.tables[0].signals[0].pass);
  EXPECT_NEAR(strict.tables[0].signals[0].worst_abs, 5.0, 1e-9);  // the full swing at an edge
  io::CompareTolerances window;
  window.time_window = 1e-9;
  const io::Comparison windowed = compare(a, b, window);
  EXPECT_TRUE(all_pass(windowed));
  EXPECT_GT(windowed.tables[0].signals[0].window_passes, 0u);
  // A real difference is not hidden by the window: one level off by 10 mV fails.
  engine::Results wrong = a;
  wrong.rows[wrong.rows.size() / 2][1] += 0.01;
  EXPECT_FALSE(all_pass(compare(wrong, b, window)));
}

TEST(WaveformCompare, Float32CopyOfAnXbspiceRunAgrees) {
  netlist::ParseResult parsed = netlist::parse_deck_text(
      "rc with a pulse\nvs in 0 pulse(0 5 0.1m 1n 1n 0.3m 1m)\nr1 in out 1k\nc1 out 0 100n\n"
      ".tran 5u 2m\n.end\n",
      "rc.sp");
  ASSERT_TRUE(parsed.ok());
  session::Session s = session::Session::from_deck(std::move(parsed.deck));
  const session::Outcome run = s.run(0);
  ASSERT_TRUE(run.status.ok);
  engine::Results copy = run.results;  // as a 9601 post file would hold it
  for (auto& row : copy.rows)
    for (double& v : row) v = static_cast<float>(v);
  copy.axis_resolution = 0x1p-24;
  io::CompareTolerances tol;
  tol.reltol = 1e-6, tol.abstol = 1e-9;
  EXPECT_TRUE(all_pass(compare(copy, run.results, tol)));
  // Without the resolution the float32 axis is another grid: the edges of v(in) then fail.
  copy.axis_resolution = 0;
  tol.time_window = 0;
  EXPECT_FALSE(all_pass(compare(copy, run.results, tol)));
}

TEST(WaveformCompare, TextAxesKnowTheirDigits) {
  const io::ReadResults t =
      io::read_results_content("t.csv", "time,v(a)\n0,0\n1.25e-06,1\n1.23456e-05,2\n");
  ASSERT_TRUE(t.error.empty()) << t.error;
  EXPECT_DOUBLE_EQ(t.tables[0].axis_resolution, 5e-6);  // six digits
  const io::ReadResults sweep =
      io::read_results_content("s.csv", "v1,v(a)\n0,0\n0.5,1\n1.23456,2\n");
  EXPECT_EQ(sweep.tables[0].axis_resolution, 0);  // sweep values are exact decimals
}

TEST(DataSweep, AxisIsTheTablesFirstColumnInEveryFormat) {
  // HSPICE labels `.dc data=NAME` with the table's first column (issue 13 item 9).
  netlist::ParseResult parsed = netlist::parse_deck_text(
      "data sweep\nv1 a 0 dc 0\nr1 a b 1k\nr2 b 0 1k\n.param rl=1k\n"
      ".data rows v1 rl\n+ 0.5 1k\n+ -0.25 3k\n+ 2 1k\n.enddata\n.dc data=rows\n.end\n",
      "data.sp");
  ASSERT_TRUE(parsed.ok());
  session::Session s = session::Session::from_deck(std::move(parsed.deck));
  const session::Outcome run = s.run(0);
  ASSERT_TRUE(run.status.ok);
  ASSERT_EQ(run.results.signals[0], "v1");
  ASSERT_EQ(run.results.rows.size(), 3u);
  const std::vector<double> axis = {0.5, -0.25, 2};
  std::ostringstream csv, raw, post;
  io::write_csv(run.results, csv);
  io::write_raw(run.results, raw, false);
  io::write_hspice_post(run.results, post);
  for (const auto& [name, text] :
       {std::pair{"d.csv", csv.str()}, {"d.raw", raw.str()}, {"d.sw0", post.str()}}) {
    const io::ReadResults back = io::read_results_content(name, text);
    ASSERT_TRUE(back.error.empty()) << name << ": " << back.error;
    const engine::Results& t = back.tables.at(0);
    EXPECT_EQ(t.signals[0], "v1") << name;
    for (size_t k = 0; k < axis.size(); ++k) {
      EXPECT_NEAR(t.rows[k][0], axis[k], 1e-6) << name;
      EXPECT_NEAR(t.rows[k][1], axis[k], 1e-6) << name;  // v(a) = v1
    }
  }
}
