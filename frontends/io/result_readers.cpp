#include "frontends/io/result_readers.hpp"

#include "frontends/io/hspice_listing_reader.hpp"
#include "frontends/io/hspice_measure_reader.hpp"
#include "frontends/io/hspice_post_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace xb::io {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool parse_double(const std::string& text, double& out) {
  if (text.empty()) return false;
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);  // strtod: denormals (1e-315) are values, not errors
  return end && *end == '\0';
}

// Relative resolution of a number written with the digits of `text` ("2.5e-11": 2 digits):
// half a unit of its last significant digit.
double text_resolution(const std::string& text) {
  int digits = 0;
  bool leading = true;
  for (char c : text) {
    if (c == 'e' || c == 'E') break;
    if (!std::isdigit(static_cast<unsigned char>(c))) continue;
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  return digits == 0 ? 1.0 : 0.5 * std::pow(10.0, 1 - digits);  // "0" tells nothing
}

// A text time axis is as fine as its most precise value: simulator time points fill every digit
// the writer keeps ("0.5" beside "0.123456" was written to 6 digits as well). Sweep axes are
// exact decimals however few their digits, and full-precision text is exact.
void set_axis_resolution(engine::Results& t, double finest) {
  const bool time = t.analysis == "tran" || (!t.signals.empty() && t.signals[0] == "time");
  t.axis_resolution = !time || finest < 1e-14 ? 0.0 : finest;
}

// One CSV line into fields (RFC 4180): quoted fields may hold commas and doubled quotes.
std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      cells.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  if (cells.size() > 1 && cells.back().empty() && line.back() == ',') cells.pop_back();
  return cells;  // (a trailing comma, as some spreadsheets write, adds no column)
}

ReadResults read_csv(const std::string& path, const std::string& content) {
  ReadResults r;
  engine::Results t;
  std::istringstream in(content);
  std::string line;
  size_t number = 0;
  double finest = 1;  // the axis resolution of the most precise value
  auto fail = [&](const std::string& why) {
    r.error = path + ":" + std::to_string(number) + ": " + why;
    return r;
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> cells = split_csv_line(line);
    if (t.signals.empty()) {
      for (std::string& c : cells) t.signals.push_back(lower(c));
      continue;
    }
    if (cells.size() != t.signals.size())
      return fail(std::to_string(cells.size()) + " values, the header names " +
                  std::to_string(t.signals.size()));
    std::vector<double> row(cells.size());
    for (size_t i = 0; i < cells.size(); ++i)
      if (!parse_double(cells[i], row[i])) return fail("'" + cells[i] + "' is not a number");
    finest = std::min(finest, text_resolution(cells[0]));
    t.rows.push_back(std::move(row));
  }
  if (t.signals.empty()) return fail("no header");
  set_axis_resolution(t, finest);
  r.tables.push_back(std::move(t));
  return r;
}

// The values of a complex plot (AC): every value, the scale too, a (real, imaginary) pair;
// binary as two doubles, ASCII as "re,im".
template <class NextLine>
bool read_complex_values(bool binary, const std::string& content, size_t& pos, size_t npoints,
                         size_t nvars, engine::Results& t, NextLine& next_line, std::string& line) {
  t.imag.assign(npoints, std::vector<double>(nvars));
  if (binary) {
    const size_t bytes = npoints * nvars * 2 * sizeof(double);
    if (content.size() - pos < bytes) return false;
    for (size_t p = 0; p < npoints; ++p)
      for (size_t v = 0; v < nvars; ++v) {
        double pair[2];
        std::memcpy(pair, content.data() + pos + (p * nvars + v) * 2 * sizeof(double), sizeof pair);
        t.rows[p][v] = pair[0];
        t.imag[p][v] = pair[1];
      }
    pos += bytes;
    return true;
  }
  for (size_t p = 0; p < npoints; ++p)
    for (size_t v = 0; v < nvars; ++v) {
      if (!next_line(line)) return false;
      std::istringstream ss(line);
      std::string a, b;
      ss >> a;
      if (v == 0) ss >> b;  // the point index comes first
      const std::string& pair = v == 0 ? b : a;
      const size_t comma = pair.find(',');
      if (comma == std::string::npos || !parse_double(pair.substr(0, comma), t.rows[p][v]) ||
          !parse_double(pair.substr(comma + 1), t.imag[p][v]))
        return false;
    }
  return true;
}

// ngspice raw: header lines, then "Values:" (ASCII) or "Binary:" (little-endian doubles).
ReadResults read_raw(const std::string& path, const std::string& content) {
  ReadResults r;
  size_t pos = 0, line_number = 0;
  auto next_line = [&](std::string& line) {
    if (pos >= content.size()) return false;
    size_t end = content.find('\n', pos);
    if (end == std::string::npos) end = content.size();
    line = content.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    pos = end + 1;
    ++line_number;
    return true;
  };
  // ngspice's `write` (set filetype=ascii) puts a blank line after each point.
  auto next_value_line = [&](std::string& line) {
    do {
      if (!next_line(line)) return false;
    } while (line.find_first_not_of(" \t") == std::string::npos);
    return true;
  };
  auto fail = [&](const std::string& why) {
    r.error = path + ":" + std::to_string(line_number) + ": " + why;
    r.tables.clear();
    return r;
  };
  std::string line;
  engine::Results t;
  size_t nvars = 0, npoints = 0;
  bool complex = false;
  while (next_line(line)) {
    const auto colon = line.find(':');
    const std::string key = lower(line.substr(0, colon));
    const std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
    if (key == "title") {
      t = {};
      t.title = value.empty() ? "" : value.substr(1);
    } else if (key == "plotname") {
      const std::string name = lower(value.empty() ? value : value.substr(1));
      t.analysis = name.find("transient") != std::string::npos     ? "tran"
                   : name.find("operating") != std::string::npos   ? "op"
                   : name.find("dc") != std::string::npos          ? "dc"
                   : name.find("ac analysis") != std::string::npos ? "ac"
                                                                   : name;
    } else if (key == "flags") {
      complex = lower(value).find("complex") != std::string::npos;
    } else if (key == "no. variables") {
      nvars = std::strtoul(value.c_str(), nullptr, 10);
    } else if (key == "no. points") {
      npoints = std::strtoul(value.c_str(), nullptr, 10);
    } else if (key == "variables") {
      if (nvars == 0 || nvars > 10000000) return fail("bad variable count");
      for (size_t i = 0; i < nvars; ++i) {
        if (!next_line(line)) return fail("file ends inside the variable list");
        std::istringstream ss(line);
        std::string index, name;
        if (!(ss >> index >> name)) return fail("malformed variable line");
        t.signals.push_back(lower(name));
      }
    } else if (key == "values" || key == "binary") {
      if (t.signals.size() != nvars) return fail("values before the variable list");
      if (npoints > (content.size() - pos) / std::max<size_t>(1, nvars) + 1)
        return fail("declares " + std::to_string(npoints) + " points, more than the file holds");
      t.rows.assign(npoints, std::vector<double>(nvars));
      if (complex) {
        if (!read_complex_values(key == "binary", content, pos, npoints, nvars, t, next_value_line,
                                 line))
          return fail("complex values truncated or malformed");
      } else if (key == "binary") {
        const size_t bytes = npoints * nvars * sizeof(double);
        if (content.size() - pos < bytes)
          return fail("binary data truncated at byte " + std::to_string(content.size()) + " of " +
                      std::to_string(pos + bytes));
        for (size_t p = 0; p < npoints; ++p)
          std::memcpy(t.rows[p].data(), content.data() + pos + p * nvars * sizeof(double),
                      nvars * sizeof(double));
        pos += bytes;
      } else {
        double finest = 1;
        for (size_t p = 0; p < npoints; ++p)
          for (size_t v = 0; v < nvars; ++v) {
            if (!next_value_line(line)) return fail("file ends at point " + std::to_string(p));
            std::istringstream ss(line);
            std::string a, b;
            ss >> a;
            if (v == 0) ss >> b;  // the point index comes first
            if (!parse_double(v == 0 ? b : a, t.rows[p][v]))
              return fail("'" + line + "' is not a value");
            if (v == 0) finest = std::min(finest, text_resolution(b));
          }
        set_axis_resolution(t, finest);
      }
      r.tables.push_back(std::move(t));
      t = {};
      nvars = npoints = 0;
    }
  }
  if (r.tables.empty()) return fail("no plot found");
  return r;
}

}  // namespace

ReadResults read_results_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {{}, "cannot open " + path};
  // Look at the start first: an ASCII post file is then read as a stream, not held whole.
  std::string content(2 << 20, '\0');
  in.read(content.data(), static_cast<std::streamsize>(content.size()));
  content.resize(static_cast<size_t>(in.gcount()));
  if (!content.empty() && static_cast<unsigned char>(content[0]) >= 0x20 &&
      looks_like_hspice_post(content)) {
    in.clear();
    in.seekg(0);
    return read_hspice_post_ascii(path, in);
  }
  content.append(std::istreambuf_iterator<char>(in), {});
  return read_results_content(path, content);
}

ReadResults read_results_content(const std::string& path, const std::string& content) {
  if (content.empty()) return {{}, path + ": empty file"};
  if (looks_like_hspice_post(content)) return read_hspice_post(path, content);
  if (looks_like_hspice_measure(content)) return read_hspice_measure(path, content);
  if (looks_like_hspice_listing(content)) return read_hspice_listing(path, content);
  if (content.rfind("Title:", 0) == 0 || content.find("\nPlotname:") != std::string::npos)
    return read_raw(path, content);
  return read_csv(path, content);
}

}  // namespace xb::io
