#include "frontends/io/hspice_post_writer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>

namespace xb::io {
namespace {

// "0.6558104E+00": a leading 0 (or the sign) then seven digits, a two-digit exponent.
std::string field(double v) {
  if (!std::isfinite(v) || std::fabs(v) >= 1e99) v = v < 0 ? -9.999999e98 : 9.999999e98;
  if (std::fabs(v) < 1e-99) v = 0;
  char buf[32];
  if (v == 0) return "0.0000000E+00";
  int exponent = static_cast<int>(std::floor(std::log10(std::fabs(v)))) + 1;
  double mantissa = std::fabs(v) / std::pow(10.0, exponent);
  long digits = std::lround(mantissa * 1e7);
  if (digits >= 10000000) digits /= 10, ++exponent;  // rounding carried into a new digit
  if (digits < 1000000) digits *= 10, --exponent;
  std::snprintf(buf, sizeof buf, "%s.%07ldE%c%02d", v < 0 ? "-" : "0", digits,
                exponent < 0 ? '-' : '+', std::abs(exponent));
  return buf;
}

std::string padded(std::string s, size_t width) {
  if (s.size() > width) s.resize(width);
  return s + std::string(width - s.size(), ' ');
}

// HSPICE writes vector names without their closing parenthesis.
std::string post_name(std::string name) {
  if (!name.empty() && name.back() == ')' && name.find('(') != std::string::npos) name.pop_back();
  for (char& c : name)
    if (c == ' ') c = '_';
  return name;
}

}  // namespace

bool is_hspice_post_name(const std::string& path) {
  const auto dot = path.rfind('.');
  if (dot == std::string::npos || path.size() - dot < 4) return false;
  const std::string ext = path.substr(dot + 1);
  if (ext.substr(0, 2) != "tr" && ext.substr(0, 2) != "sw" && ext.substr(0, 2) != "ac")
    return false;
  return std::all_of(ext.begin() + 2, ext.end(), [](char c) { return std::isdigit(c); });
}

void write_hspice_post(const engine::Results& r, std::ostream& out) {
  write_hspice_post_sweep({r}, "", {}, out);
}

void write_hspice_post_sweep(const std::vector<engine::Results>& tables,
                             const std::string& sweep_name, const std::vector<double>& sweep_values,
                             std::ostream& out) {
  const engine::Results& r = tables.front();
  const bool tran = r.analysis == "tran";
  // AC: scale HERTZ, then every vector as two columns (real, imaginary), as HSPICE's .ac# has it.
  const bool ac = r.is_complex();
  const bool swept = !sweep_name.empty();
  const size_t n = r.signals.size();
  char counts[32];
  std::snprintf(counts, sizeof counts, "%04zu%04d%04d%04d", std::min<size_t>(n, 9999), 0,
                swept ? 1 : 0, 0);
  std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%m/%d/%Y      %H:%M:%S", std::localtime(&now));
  // The table count, right-aligned to offset 187: 0 without a sweep.
  char table_count[16];
  std::snprintf(table_count, sizeof table_count, "%12zu", swept ? tables.size() : 0);
  std::string header = std::string(counts) + "00002001" + padded(r.title, 64) + padded(date, 24) +
                       padded("written by xbspice", 64) + table_count + padded("", 68);
  // Type codes from offset 256: a blank field, then one %3d in 8 columns per vector.
  header += padded("", 8);
  for (size_t i = 0; i < n; ++i) {
    const int code = i == 0 ? (tran ? 1 : ac ? 2 : 3) : r.signals[i].rfind("i(", 0) == 0 ? 8 : 1;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%3d     ", code);
    header += buf;
  }
  for (size_t i = 0; i < n; ++i) {
    const std::string name = i == 0 && tran ? "TIME"
                             : i == 0 && ac ? "HERTZ"
                                            : post_name(r.signals[i]);
    header += padded(name, (name.size() / 16 + 1) * 16);
  }
  if (swept) header += padded(sweep_name, (sweep_name.size() / 16 + 1) * 16);
  header += padded("$&%#", 16);
  for (size_t at = 0; at < header.size(); at += 80)
    out << padded(header.substr(at, 80), 80) << "\n";
  size_t in_line = 0;
  auto put = [&](double v) {
    out << field(v);
    if (++in_line == 6) out << "\n", in_line = 0;
  };
  // Each table: its sweep value first (with a sweep), the rows, then the 1e30 marker.
  for (size_t t = 0; t < tables.size(); ++t) {
    if (swept) put(sweep_values[t]);
    const engine::Results& table = tables[t];
    for (size_t p = 0; p < table.rows.size(); ++p)
      for (size_t i = 0; i < table.rows[p].size(); ++i) {
        put(table.rows[p][i]);
        if (ac && i > 0) put(table.imag[p][i]);
      }
    put(1e30);
  }
  if (in_line) out << "\n";
}

}  // namespace xb::io
