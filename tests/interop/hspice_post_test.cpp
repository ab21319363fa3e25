// HSPICE post files written by real HSPICE releases (tests/interop/hspice, provenance in
// SOURCES.md): signal names, counts and values spot-checked against the files' own listings.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "frontends/io/hspice_post_writer.hpp"
#include "frontends/io/result_readers.hpp"
#include "frontends/io/result_writers.hpp"
#include "frontends/io/waveform_compare.hpp"

using namespace xb;

namespace {

const std::string kDir = XB_HSPICE_DIR;

io::ReadResults read(const std::string& name) {
  return io::read_results_file(kDir + "/" + name);
}

size_t col(const engine::Results& t, const std::string& name) {
  auto it = std::find(t.signals.begin(), t.signals.end(), name);
  EXPECT_NE(it, t.signals.end()) << name;
  return it - t.signals.begin();
}

}  // namespace

TEST(HspicePost, Ascii9601TransientWithBareNodeNames) {
  io::ReadResults r = read("ia_rccircuit.tr0");
  ASSERT_TRUE(r.error.empty()) << r.error;
  ASSERT_EQ(r.tables.size(), 1u);
  const engine::Results& t = r.tables[0];
  EXPECT_EQ(t.analysis, "tran");
  EXPECT_EQ(t.signals, (std::vector<std::string>{"time", "v(0)", "v(vo)", "v(vs)", "i(vs)"}));
  ASSERT_EQ(t.rows.size(), 40u);
  EXPECT_DOUBLE_EQ(t.rows[1][0], 2.5e-6);
}

TEST(HspicePost, Binary2001TransientInDoublePrecision) {
  io::ReadResults r = read("hmc_test_2001.tr0");
  ASSERT_TRUE(r.error.empty()) << r.error;
  const engine::Results& t = r.tables.at(0);
  ASSERT_EQ(t.rows.size(), 2605u);
  EXPECT_DOUBLE_EQ(t.rows.back()[0], 0.01);
  EXPECT_NEAR(t.rows.back()[col(t, "v(vo)")], 1.66313225760321e-05, 1e-19);  // float64 data
}

TEST(HspicePost, Binary2013SweepMatchesItsListing) {
  // unn_lab1.lis prints v(2) = 500.0000m at 1 V and 5.0000 at 10 V.
  io::ReadResults r = read("unn_lab1.sw0");
  ASSERT_TRUE(r.error.empty()) << r.error;
  const engine::Results& t = r.tables.at(0);
  EXPECT_EQ(t.analysis, "dc");
  ASSERT_EQ(t.rows.size(), 11u);
  EXPECT_DOUBLE_EQ(t.rows[1][0], 1.0);
  EXPECT_NEAR(t.rows[1][col(t, "v(2)")], 0.5, 1e-7);
  EXPECT_NEAR(t.rows[10][col(t, "v(2)")], 5.0, 1e-6);
  EXPECT_NEAR(t.rows[1][col(t, "i(vi)")], -5e-4, 1e-10);
}

TEST(HspicePost, SweepTablesStayApart) {
  io::ReadResults r = read("bee_cf.tr0");
  ASSERT_TRUE(r.error.empty()) << r.error;
  ASSERT_EQ(r.tables.size(), 3u);
  EXPECT_NE(r.tables[0].title.find("0:vbody = 0)"), std::string::npos) << r.tables[0].title;
  EXPECT_NE(r.tables[1].title.find("0:vbody = 0.5)"), std::string::npos) << r.tables[1].title;
  EXPECT_NE(r.tables[2].title.find("0:vbody = 1)"), std::string::npos) << r.tables[2].title;
  for (const auto& t : r.tables) EXPECT_EQ(t.rows.size(), 49u);
}

TEST(HspicePost, AcColumnsArePairs) {
  io::ReadResults r = read("hmc_test_9601.ac0");
  ASSERT_TRUE(r.error.empty()) << r.error;
  const engine::Results& t = r.tables.at(0);
  EXPECT_EQ(t.analysis, "ac");
  EXPECT_EQ(t.signals, (std::vector<std::string>{"hertz", "vr(0)", "vi(0)", "vr(vo)", "vi(vo)",
                                                 "vr(vs)", "vi(vs)", "ir(vs)", "ii(vs)"}));
  EXPECT_EQ(t.rows.size(), 41u);
}

TEST(HspicePost, NamesWrappedAcrossHeaderLines) {
  io::ReadResults r = read("vg_programmable_output_driver.sw0");
  ASSERT_TRUE(r.error.empty()) << r.error;
  const engine::Results& t = r.tables.at(0);
  EXPECT_EQ(t.signals.size(), 44u);
  EXPECT_EQ(t.rows.size(), 37u);
  EXPECT_NE(std::find(t.signals.begin(), t.signals.end(), "v(x1.x1.s_1)"), t.signals.end());
}

TEST(HspicePost, TruncatedBinaryKeepsCompleteRowsAndNamesTheByte) {
  std::ifstream in(kDir + "/hmc_test_2001.tr0", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  const std::string cut = ::testing::TempDir() + "/cut.tr0";
  std::ofstream(cut, std::ios::binary).write(bytes.data(), 6000);
  io::ReadResults r = io::read_results_file(cut);
  EXPECT_NE(r.error.find("truncated at byte 6000"), std::string::npos) << r.error;
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_GT(r.tables[0].rows.size(), 100u);
  // Random garbage after a valid start, and an empty file: errors, no crash.
  std::string garbage = bytes.substr(0, 600);
  for (size_t i = 40; i < garbage.size(); ++i) garbage[i] = static_cast<char>(i * 37);
  std::ofstream(cut, std::ios::binary).write(garbage.data(), garbage.size());
  EXPECT_FALSE(io::read_results_file(cut).error.empty());
  std::ofstream(cut, std::ios::binary).close();
  EXPECT_NE(io::read_results_file(cut).error.find("empty"), std::string::npos);
}

TEST(HspicePost, WrittenFileReadsBack) {
  engine::Results r;
  r.analysis = "tran";
  r.title = "round trip with a title longer than it needs to be for one line";
  r.signals = {"time", "v(out)", "v(x1.a_very_long_node_name)", "i(v1)"};
  for (int k = 0; k <= 20; ++k) {
    const double t = 1e-9 * k;
    r.rows.push_back({t, std::sin(1e8 * t), -1e-20 * k, 1e-3 * std::exp(-1e8 * t)});
  }
  std::ostringstream text;
  io::write_hspice_post(r, text);
  io::ReadResults back = io::read_results_content("round.tr0", text.str());
  ASSERT_TRUE(back.error.empty()) << back.error;
  ASSERT_EQ(back.tables.size(), 1u);
  const engine::Results& t = back.tables[0];
  EXPECT_EQ(t.analysis, "tran");
  EXPECT_EQ(t.signals, r.signals);
  ASSERT_EQ(t.rows.size(), r.rows.size());
  for (size_t k = 0; k < r.rows.size(); ++k)
    for (size_t c = 0; c < r.signals.size(); ++c)
      EXPECT_NEAR(t.rows[k][c], r.rows[k][c], 5e-7 * std::fabs(r.rows[k][c]) + 1e-300)  // 7 digits
          << r.signals[c] << " row " << k;
  EXPECT_TRUE(io::is_hspice_post_name("a/b/out.tr0"));
  EXPECT_TRUE(io::is_hspice_post_name("out.sw12"));
  EXPECT_FALSE(io::is_hspice_post_name("out.csv"));
  EXPECT_FALSE(io::is_hspice_post_name("out.tr"));
}

// An .ac0 as xbspice writes it: HERTZ, then each vector as (real, imaginary) columns, read back
// as HSPICE's vr()/vi() and ir()/ii() pairs, and compared with the complex original.
TEST(HspicePost, AcFileWrittenAsPairsReadsBack) {
  engine::Results r;
  r.analysis = "ac";
  r.title = "ac round trip";
  r.signals = {"frequency", "v(out)", "i(v1)"};
  for (int k = 0; k <= 10; ++k) {
    const double f = std::pow(10.0, k * 0.5), w = 2 * M_PI * f * 1e-3, d = 1 + w * w;
    r.rows.push_back({f, 1 / d, -1e-3 * w * w / d});
    r.imag.push_back({0, -w / d, -1e-3 * w / d});
  }
  std::ostringstream text;
  io::write_hspice_post(r, text);
  io::ReadResults back = io::read_results_content("round.ac0", text.str());
  ASSERT_TRUE(back.error.empty()) << back.error;
  const engine::Results& t = back.tables.at(0);
  EXPECT_EQ(t.analysis, "ac");
  EXPECT_EQ(t.signals,
            (std::vector<std::string>{"hertz", "vr(out)", "vi(out)", "ir(v1)", "ii(v1)"}));
  ASSERT_EQ(t.rows.size(), r.rows.size());
  for (size_t k = 0; k < r.rows.size(); ++k) {
    EXPECT_NEAR(t.rows[k][1], r.rows[k][1], 5e-7 * std::fabs(r.rows[k][1]));
    EXPECT_NEAR(t.rows[k][2], r.imag[k][1], 5e-7 * std::fabs(r.imag[k][1]) + 1e-300);
    EXPECT_NEAR(t.rows[k][4], r.imag[k][2], 5e-7 * std::fabs(r.imag[k][2]) + 1e-300);
  }
  io::CompareTolerances tol;
  tol.reltol = 1e-6, tol.abstol = 1e-15;
  const io::Comparison c = io::compare_results(back.tables, {r}, tol, {}, "a", "b");
  EXPECT_TRUE(c.pass);
  ASSERT_EQ(c.tables.size(), 1u);
  EXPECT_EQ(c.tables[0].signals.size(), 4u);  // vr, vi of v(out); ir, ii of i(v1)
}

TEST(HspiceMeasure, ClassicFileWrapsNamesAndValuesFourToALine) {
  io::ReadResults r = read("ia_ptm10hp.mt0");
  ASSERT_TRUE(r.error.empty()) << r.error;
  const engine::Results& t = r.tables.at(0);
  EXPECT_EQ(t.title, "$ netlist of inverter");
  ASSERT_EQ(t.signals.size(), 15u);  // index, 12 measures, temper, alter#
  EXPECT_EQ(t.signals[0], "index");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_DOUBLE_EQ(t.rows[0][col(t, "trf_delay_001")], 2.515e-12);
  EXPECT_DOUBLE_EQ(t.rows[0][col(t, "temper")], 25);
  EXPECT_DOUBLE_EQ(t.rows[0][col(t, "alter#")], 1);
}

TEST(HspiceMeasure, DcAndAcMeasureFiles) {
  io::ReadResults ms = read("tg_logtry.ms0"), ma = read("tg_resamp.ma0");
  ASSERT_TRUE(ms.error.empty() && ma.error.empty()) << ms.error << ma.error;
  EXPECT_DOUBLE_EQ(ms.tables[0].rows[0][col(ms.tables[0], "vo_1u")], 1.1470);
  EXPECT_DOUBLE_EQ(ma.tables[0].rows[0][col(ma.tables[0], "phaseatdb")], -101.9459);
  EXPECT_DOUBLE_EQ(ma.tables[0].rows[0][col(ma.tables[0], "bandwidth")], 4.905e4);
}

TEST(HspiceMeasure, Measform3CsvKeepsItsIndex) {
  io::ReadResults r = read("lc_monte_err_0_vdd_500mV.mt0.csv");
  ASSERT_TRUE(r.error.empty()) << r.error;
  const engine::Results& t = r.tables.at(0);
  EXPECT_EQ(t.signals, (std::vector<std::string>{"index", "delay_read", "temper", "alter#"}));
  ASSERT_EQ(t.rows.size(), 1000u);
  EXPECT_DOUBLE_EQ(t.rows[0][0], 1);
  EXPECT_DOUBLE_EQ(t.rows[0][1], 1.456442e-10);
}

TEST(HspiceMeasure, FailedIsNotANumberAndTruncationIsAnError) {
  const std::string ok =
      "$DATA1 SOURCE='HSPICE'\n.TITLE 't'\n a b temper alter#\n 1.0 failed 25 1\n";
  io::ReadResults r = io::read_results_content("m.mt0", ok);
  ASSERT_TRUE(r.error.empty()) << r.error;
  EXPECT_TRUE(std::isnan(r.tables[0].rows[0][2]));
  io::ReadResults bad = io::read_results_content("m.mt0", ok.substr(0, ok.size() - 3));
  EXPECT_NE(bad.error.find("a record is incomplete"), std::string::npos) << bad.error;
}

TEST(HspiceListing, PrintTableMatchesThePostFile) {
  // unn_lab1.lis prints v(1), v(2) of the sweep whose post file is unn_lab1.sw0.
  io::ReadResults lis = read("unn_lab1.lis"), sw = read("unn_lab1.sw0");
  ASSERT_TRUE(lis.error.empty()) << lis.error;
  const engine::Results* table = nullptr;
  for (const auto& t : lis.tables)
    if (t.analysis == "dc") table = &t;
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows.size(), 11u);
  EXPECT_DOUBLE_EQ(table->rows[1][col(*table, "v(2)")], 0.5);  // printed "500.0000m"
  for (size_t k = 0; k < 11; ++k)
    EXPECT_NEAR(table->rows[k][col(*table, "v(2)")],
                sw.tables[0].rows[k][col(sw.tables[0], "v(2)")], 1e-6);
}

TEST(HspiceListing, OperatingPointWithSubcircuitNodes) {
  io::ReadResults r = read("tg_resamp.lis");
  ASSERT_TRUE(r.error.empty()) << r.error;
  const engine::Results& op = r.tables.at(0);
  EXPECT_EQ(op.analysis, "op");
  EXPECT_DOUBLE_EQ(op.rows[0][col(op, "v(c1)")], 0.5284);
  EXPECT_DOUBLE_EQ(op.rows[0][col(op, "v(1:b)")], 1.6908);
  EXPECT_DOUBLE_EQ(op.rows[0][col(op, "v(2:eo)")], 1.039e-08);
  // Cells written without a blank before '=' (F-2011), and a transient .print table.
  io::ReadResults ia = read("ia_ptm10hp.lis");
  ASSERT_TRUE(ia.error.empty()) << ia.error;
  ASSERT_GE(ia.tables.size(), 2u);
  EXPECT_DOUBLE_EQ(ia.tables[0].rows[0][col(ia.tables[0], "v(inb_0)")], 0.75);
  EXPECT_EQ(ia.tables[1].analysis, "tran");
  EXPECT_DOUBLE_EQ(ia.tables[1].rows[1][col(ia.tables[1], "v(outin_00)")], 0.2977);
}

TEST(HspiceListing, AbortedJobIsAnErrorQuotingHspice) {
  io::ReadResults r = read("bee_researchtry.lis");
  EXPECT_NE(r.error.find("the HSPICE job aborted: **error** model name nch.1"), std::string::npos)
      << r.error;
}

TEST(HspiceFiles, EveryRealFileIsRead) {
  // All 19 files of ../shared/data/hspice (copied here) and hmc_test_9601.tr0; only the listing of
  // an aborted job is an error, by design.
  size_t read_ok = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    const std::string name = entry.path().filename().string();
    if (name == "SOURCES.md") continue;
    io::ReadResults r = io::read_results_file(entry.path().string());
    if (name == "bee_researchtry.lis") {
      EXPECT_FALSE(r.error.empty());
      continue;
    }
    EXPECT_TRUE(r.error.empty()) << name << ": " << r.error;
    EXPECT_FALSE(r.tables.empty()) << name;
    for (const auto& t : r.tables) EXPECT_FALSE(t.rows.empty()) << name;
    ++read_ok;
  }
  EXPECT_EQ(read_ok, 19u);
  io::ReadResults p = read("lc_tran_err_0_vdd_500mV.printtr0");
  ASSERT_EQ(p.tables.size(), 2u);
  EXPECT_EQ(p.tables[0].signals, (std::vector<std::string>{"time", "v(ml)"}));
  EXPECT_EQ(p.tables[0].rows.size(), 20001u);
}

TEST(HspicePost, Version9007NamesAreFixedFields) {
  // No 9007 sample survives; built from HSPICE-FORMATS.md §1.1–§2: a 16-character name touches
  // the next one, and positive numbers leave their sign position blank.
  auto pad = [](std::string s, size_t n) { return s + std::string(n - s.size(), ' '); };
  std::string h = "0003000000000000" + pad("9007", 8) + pad("old 9007 file", 64) +
                  pad("01/02/97 10:00:00", 24) + pad("", 64) + pad("", 11) + "0" + pad("", 76);
  for (int i = 0; i < 3; ++i) h += "  1     ";
  h += pad("TIME", 16) + "v(abcdefghijklmn" + pad("v(b", 16) + pad("$&%#", 16);
  std::string text;
  for (size_t at = 0; at < h.size(); at += 80) text += pad(h.substr(at, 80), 80) + "\n";
  text += " .00000E+00 .10000E+01-.50000E+00 .10000E-08 .20000E+01-.10000E+01 .10000E+31\n";
  io::ReadResults r = io::read_results_content("old.tr0", text);
  ASSERT_TRUE(r.error.empty()) << r.error;
  const engine::Results& t = r.tables.at(0);
  EXPECT_EQ(t.signals, (std::vector<std::string>{"time", "v(abcdefghijklmn)", "v(b)"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_DOUBLE_EQ(t.rows[1][0], 1e-9);
  EXPECT_DOUBLE_EQ(t.rows[1][2], -1.0);
}

TEST(HspicePost, BigEndianBinaryReadsLikeLittleEndian) {
  // Old HP/Sun files are big-endian: byte-swap hmc_test_2001.tr0's record framing and float64
  // data (the header record is text) and read both.
  std::ifstream in(kDir + "/hmc_test_2001.tr0", std::ios::binary);
  std::string le((std::istreambuf_iterator<char>(in)), {}), be;
  auto swap4 = [](const char* p) { return std::string{p[3], p[2], p[1], p[0]}; };
  size_t pos = 0;
  bool header = true;
  while (pos + 16 <= le.size()) {
    uint32_t bytes;
    std::memcpy(&bytes, le.data() + pos + 12, 4);
    for (int w = 0; w < 4; ++w) be += swap4(le.data() + pos + 4 * w);
    const std::string payload = le.substr(pos + 16, bytes);
    if (header) {
      be += payload;
    } else {
      for (size_t k = 0; k + 8 <= payload.size(); k += 8)
        be += std::string(payload.rbegin() + static_cast<long>(payload.size() - k - 8),
                          payload.rbegin() + static_cast<long>(payload.size() - k));
    }
    be += swap4(le.data() + pos + 16 + bytes);
    header = header && payload.find("$&%#") == std::string::npos;
    pos += 20 + bytes;
  }
  io::ReadResults a = io::read_results_content("le.tr0", le),
                  b = io::read_results_content("be.tr0", be);
  ASSERT_TRUE(a.error.empty() && b.error.empty()) << a.error << b.error;
  ASSERT_EQ(a.tables[0].rows.size(), b.tables[0].rows.size());
  EXPECT_EQ(a.tables[0].rows, b.tables[0].rows);
}

TEST(HspicePost, WindowsAscii2001WithCrlfAndThreeDigitExponents) {
  // HSPICE-FORMATS.md §2: an L-2016 win64 release writes 2001 fields as 0.180000E+001 (six
  // digits, three-digit exponent, still 13 characters) with CRLF line ends. Rewrite
  // vg_0.9_inv.sw0 (Linux 2001: 0.6558104E+00) that way and read both.
  std::ifstream in(kDir + "/vg_0.9_inv.sw0");
  std::string line, windows, data;
  bool in_header = true;
  while (std::getline(in, line)) {
    if (in_header) {
      windows += line + "\r\n";
      in_header = line.find("$&%#") == std::string::npos;
      continue;
    }
    data += line;
  }
  std::string fields;
  for (size_t at = 0; at + 13 <= data.size(); at += 13) {
    const double v = std::stod(data.substr(at, 13));
    char buf[32];
    if (v == 0) {
      std::snprintf(buf, sizeof buf, "0.000000E+000");
    } else {
      const int exponent = static_cast<int>(std::floor(std::log10(std::fabs(v)))) + 1;
      const double mantissa = std::fabs(v) / std::pow(10.0, exponent);
      std::snprintf(buf, sizeof buf, "%s%.6fE%c%03d", v < 0 ? "-" : "", mantissa,
                    exponent < 0 ? '-' : '+', std::abs(exponent));
      if (v < 0) std::memmove(buf + 1, buf + 2, std::strlen(buf + 1));  // -0.18… → -.18…
    }
    ASSERT_EQ(std::strlen(buf), 13u) << buf;
    fields += buf;
  }
  for (size_t at = 0; at < fields.size(); at += 78) windows += fields.substr(at, 78) + "\r\n";
  io::ReadResults linux_file = read("vg_0.9_inv.sw0");
  io::ReadResults win = io::read_results_content("win.sw0", windows);
  ASSERT_TRUE(win.error.empty()) << win.error;
  ASSERT_EQ(win.tables.size(), linux_file.tables.size());
  const engine::Results &a = linux_file.tables[0], &b = win.tables[0];
  EXPECT_EQ(a.signals, b.signals);
  ASSERT_EQ(a.rows.size(), b.rows.size());
  for (size_t r = 0; r < a.rows.size(); ++r)
    for (size_t c = 0; c < a.rows[r].size(); ++c)
      EXPECT_NEAR(b.rows[r][c], a.rows[r][c], 1e-6 * std::fabs(a.rows[r][c]) + 1e-30);
}

TEST(Csv, NamesWithCommasAreQuotedAndReadBack) {
  // v(a,b) and a name with a quote survive a CSV round trip (RFC 4180 quoting); a trailing
  // comma adds no column.
  engine::Results r;
  r.signals = {"v1", "v(a,b)", "par('x\"y')"};
  r.rows = {{0, 0.5, 1}, {1, -0.25, 2}};
  std::ostringstream text;
  io::write_csv(r, text);
  EXPECT_EQ(text.str().substr(0, text.str().find('\n')), "v1,\"v(a,b)\",\"par('x\"\"y')\"");
  io::ReadResults back = io::read_results_content("q.csv", text.str());
  ASSERT_TRUE(back.error.empty()) << back.error;
  EXPECT_EQ(back.tables.at(0).signals, r.signals);
  EXPECT_EQ(back.tables.at(0).rows, r.rows);
  io::ReadResults trailing = io::read_results_content("t.csv", "x,y,\n1,2,\n");
  ASSERT_TRUE(trailing.error.empty()) << trailing.error;
  EXPECT_EQ(trailing.tables.at(0).signals.size(), 2u);
}
