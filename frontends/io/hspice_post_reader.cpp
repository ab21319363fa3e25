#include "frontends/io/hspice_post_reader.hpp"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <istream>
#include <sstream>

namespace xb::io {
namespace {

constexpr size_t kHeaderEndSearch = 1 << 20;  // the header mark must appear within 1 MiB

uint32_t word(const std::string& s, size_t at, bool big) {
  uint32_t v;
  std::memcpy(&v, s.data() + at, 4);
  if (big) v = __builtin_bswap32(v);
  return v;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// HSPICE writes "v(out", "i(vs", bare node names ("vo", up to 2011) and "I(vs": give every name
// the form xbspice and ngspice use, "v(out)".
std::string normalise(const std::string& raw, int type_code, bool scale) {
  std::string name = lower(raw);
  if (scale) return name;
  const auto paren = name.find('(');
  if (paren != std::string::npos) {
    int depth = 0;
    for (char c : name) depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    name.append(static_cast<size_t>(std::max(depth, 0)), ')');
    return name;
  }
  return (type_code == 8 ? "i(" : "v(") + name + ")";
}

struct Header {
  int nauto = 0, nprobe = 0, nsweep = 0, tables = 1;
  int version = 0;  // 9007 9601 2001 2013
  std::string title;
  std::vector<int> types;
  std::vector<std::string> names, sweeps;
};

bool parse_header(const std::string& h, Header& out, std::string& error) {
  auto field = [&](size_t at, size_t n) { return h.size() >= at + n ? h.substr(at, n) : ""; };
  auto integer = [&](const std::string& s, int& v) {
    char* end = nullptr;
    const long x = std::strtol(s.c_str(), &end, 10);
    if (s.empty() || end == s.c_str()) return false;
    v = static_cast<int>(x);
    return x >= 0 && x < 10000000;
  };
  if (h.size() < 264) return error = "header shorter than 264 characters", false;
  if (!integer(field(0, 4), out.nauto) || !integer(field(4, 4), out.nprobe) ||
      !integer(field(8, 4), out.nsweep))
    return error = "header counts are not numbers", false;
  const std::string v4 = field(16, 4), v8 = field(16, 8);
  if (v4 == "9007" || v4 == "9601")
    out.version = std::stoi(v4);
  else if (v8 == "00002001" || v8 == "00002013")
    out.version = std::stoi(v8.substr(4));
  else
    return error = "unknown post-file version '" + v8 + "' (9007, 9601, 2001, 2013 are read)",
           false;
  out.title = field(24, 64);
  while (!out.title.empty() && out.title.back() == ' ') out.title.pop_back();
  // Table count: the trailing integer of 176–187 (the copyright may run into the field).
  const std::string count = field(176, 12);
  size_t end = count.find_last_not_of(' ');
  if (end != std::string::npos) {
    size_t begin = end;
    while (begin > 0 && std::isdigit(static_cast<unsigned char>(count[begin - 1]))) --begin;
    int t = 0;
    if (std::isdigit(static_cast<unsigned char>(count[end])) &&
        integer(count.substr(begin, end - begin + 1), t))
      out.tables = std::max(t, 1);
  }
  std::istringstream ss(h.substr(256));
  const int vectors = out.nauto + out.nprobe;
  if (vectors < 1) return error = "header lists no vectors", false;
  std::string token;
  for (int i = 0; i < vectors; ++i) {
    int code = 0;
    if (!(ss >> token) || !integer(token, code))
      return error = "header lists " + std::to_string(i) + " type codes, " +
                     std::to_string(vectors) + " expected",
             false;
    out.types.push_back(code);
  }
  if (out.version == 9007) {
    // 9007 cuts names to fields of exactly 16 characters, so a 16-character name touches the
    // next one: read fixed fields, not blank-separated words.
    size_t at = 256 + static_cast<size_t>(ss.tellg());
    while (at < h.size() && h[at] == ' ') ++at;
    auto field = [&](std::string& name) {
      if (at >= h.size()) return false;
      name = h.substr(at, 16);
      at += 16;
      while (!name.empty() && name.back() == ' ') name.pop_back();
      return !name.empty() && name != "$&%#";
    };
    for (int i = 0; i < vectors; ++i) {
      if (!field(token))
        return error = "header lists " + std::to_string(vectors) + " types but " +
                       std::to_string(i) + " names",
               false;
      out.names.push_back(token);
    }
    for (int i = 0; i < out.nsweep; ++i) {
      if (!field(token)) return error = "sweep names missing", false;
      out.sweeps.push_back(token);
    }
    if (h.find("$&%#", at) == std::string::npos)
      return error = "no end-of-header mark after the names", false;
    return true;
  }
  for (int i = 0; i < vectors; ++i) {
    if (!(ss >> token) || token == "$&%#")
      return error = "header lists " + std::to_string(vectors) + " types but " + std::to_string(i) +
                     " names",
             false;
    out.names.push_back(token);
  }
  for (int i = 0; i < out.nsweep; ++i) {
    if (!(ss >> token) || token == "$&%#") return error = "sweep names missing", false;
    out.sweeps.push_back(token);
  }
  if (!(ss >> token) || token != "$&%#")
    return error = "no end-of-header mark after the names", false;
  return true;
}

std::string kind_of(int scale_code) {
  return scale_code == 1 ? "tran" : scale_code == 2 ? "ac" : "dc";
}

// Turns the value stream into tables as it arrives: per table the sweep values (if any), then rows
// until a value >= 9e29 stands where a row would start.
class TableBuilder {
 public:
  // `axis_resolution`: the relative resolution of the scale values as the file stores them.
  TableBuilder(const std::string& path, const Header& h, double axis_resolution)
      : path_(path), h_(h) {
    proto_.axis_resolution = axis_resolution;
    const bool ac = !h.types.empty() && h.types[0] == 2;
    proto_.analysis = kind_of(h.types.empty() ? 0 : h.types[0]);
    proto_.title = h.title;
    for (int i = 0; i < h.nauto + h.nprobe; ++i) {
      const std::string name = normalise(h.names[i], h.types[i], i == 0);
      if (ac && i > 0 && i < h.nauto) {
        // Real and imaginary parts: vr(x)/vi(x), ir(x)/ii(x) as HSPICE's own output names them.
        const auto paren = name.find('(');
        const std::string stem = name.substr(0, paren), rest = name.substr(paren);
        proto_.signals.push_back(stem + "r" + rest);
        proto_.signals.push_back(stem + "i" + rest);
        columns_ += 2;
      } else {
        proto_.signals.push_back(name);
        columns_ += 1;
      }
    }
  }
  size_t columns() const { return columns_; }

  void push(double v) {
    if (static_cast<int>(r_.tables.size()) >= h_.tables) return;  // values past the last table
    if (!open_) {
      table_ = proto_;
      sweep_left_ = h_.nsweep;
      label_.clear();
      row_.clear();
      open_ = true;
    }
    if (sweep_left_ > 0) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%s%s = %g", label_.empty() ? "" : ", ",
                    lower(h_.sweeps[h_.nsweep - sweep_left_]).c_str(), v);
      label_ += buf;
      if (--sweep_left_ == 0) table_.title += " (" + label_ + ")";
      return;
    }
    if (row_.empty() && v >= 9e29) {  // end of table
      r_.tables.push_back(std::move(table_));
      open_ = false;
      return;
    }
    row_.push_back(v);
    if (row_.size() == columns_) {
      table_.rows.push_back(std::move(row_));
      row_ = {};
      row_.reserve(columns_);
    }
  }

  ReadResults finish(bool truncated, const std::string& note) {
    const int t = static_cast<int>(r_.tables.size()) + 1;
    if (open_) {
      r_.error = path_ + ": " +
                 (truncated ? note : "the data end inside table " + std::to_string(t)) + " after " +
                 std::to_string(table_.rows.size()) + " complete rows of table " +
                 std::to_string(t);
      if (!table_.rows.empty()) r_.tables.push_back(std::move(table_));
      return std::move(r_);
    }
    if (static_cast<int>(r_.tables.size()) < h_.tables)
      r_.error = path_ + ": " + (truncated ? note + ": " : "") + "the header announces " +
                 std::to_string(h_.tables) + " tables, the data hold " +
                 std::to_string(r_.tables.size());
    return std::move(r_);
  }

 private:
  const std::string& path_;
  const Header& h_;
  engine::Results proto_, table_;
  size_t columns_ = 0;
  bool open_ = false;
  int sweep_left_ = 0;
  std::string label_;
  std::vector<double> row_;
  ReadResults r_;
};

ReadResults read_ascii(const std::string& path, std::istream& in) {
  // Header: 80-column lines up to the one holding $&%#, line ends removed.
  std::string header, line;
  bool found = false;
  while (header.size() < kHeaderEndSearch && std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    header += line;
    if (line.find("$&%#") != std::string::npos) {
      found = true;
      break;
    }
  }
  if (!found) return {{}, path + ": no end-of-header mark $&%# (not an HSPICE post file?)"};
  Header h;
  std::string error;
  if (!parse_header(header, h, error)) return {{}, path + ": header: " + error};
  // Data: fixed-width fields (11 characters for 9007/9601, 13 for 2001) without separators,
  // read line by line so that a 100 MB file is never held whole.
  // Their mantissas hold 5 (11 characters) or 7 (13) digits: "0.12345E+01".
  const size_t width = h.version == 2001 ? 13 : 11;
  TableBuilder tables(path, h, width == 13 ? 5e-7 : 5e-5);
  std::string carry;
  size_t field_number = 0, line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    carry += line;
    size_t at = 0;
    for (; carry.size() - at >= width; at += width) {
      char buf[32];
      std::memcpy(buf, carry.data() + at, width);
      buf[width] = '\0';
      char* end = nullptr;
      const double x = std::strtod(buf, &end);
      ++field_number;
      if (end == buf)
        return {{},
                path + ": data line " + std::to_string(line_number) + ", field " +
                    std::to_string(field_number) + " ('" + buf + "') is not a number"};
      tables.push(x);
    }
    carry.erase(0, at);
  }
  if (!carry.empty()) {
    char* end = nullptr;
    const double x = std::strtod(carry.c_str(), &end);
    if (end != carry.c_str()) tables.push(x);
  }
  return tables.finish(false, "");
}

ReadResults read_binary(const std::string& path, const std::string& content) {
  const bool big = word(content, 0, false) != 4;
  std::string header, payload;
  size_t pos = 0;
  bool header_done = false, truncated = false;
  std::string note;
  while (pos < content.size()) {
    if (content.size() - pos < 16) {
      truncated = true;
      note = "truncated at byte " + std::to_string(pos) + " (inside a record header)";
      break;
    }
    const uint32_t a = word(content, pos, big), c = word(content, pos + 8, big);
    const uint32_t bytes = word(content, pos + 12, big);
    if (a != 4 || c != 4)
      return {{}, path + ": byte " + std::to_string(pos) + ": not an HSPICE record header"};
    pos += 16;
    if (content.size() - pos < bytes) {
      truncated = true;
      note = "truncated at byte " + std::to_string(content.size()) + " (a record announces " +
             std::to_string(bytes) + " bytes at byte " + std::to_string(pos) + ")";
      if (header_done) payload.append(content, pos, std::string::npos);
      break;
    }
    (header_done ? payload : header).append(content, pos, bytes);
    pos += bytes;
    if (content.size() - pos < 4) {
      if (pos != content.size()) truncated = true, note = "truncated inside a record trailer";
      break;
    }
    if (word(content, pos, big) != bytes)
      return {{}, path + ": byte " + std::to_string(pos) + ": record trailer does not match"};
    pos += 4;
    if (!header_done && header.find("$&%#") != std::string::npos) header_done = true;
  }
  if (!header_done) return {{}, path + ": the file ends before the end-of-header mark"};
  Header h;
  std::string error;
  if (!parse_header(header, h, error)) return {{}, path + ": header: " + error};
  // Decode the value stream: 9007/9601 float32; 2001 float64; 2013 scale (and marker) float64,
  // the rest float32. Sweep prefixes of 2013 are taken as float64 (no sample shows one).
  size_t at = 0;
  auto f32 = [&](double& out) {
    if (payload.size() - at < 4) return false;
    uint32_t bits;
    std::memcpy(&bits, payload.data() + at, 4);
    if (big) bits = __builtin_bswap32(bits);
    float f;
    std::memcpy(&f, &bits, 4);
    out = f;
    at += 4;
    return true;
  };
  auto f64 = [&](double& out) {
    if (payload.size() - at < 8) return false;
    uint64_t bits;
    std::memcpy(&bits, payload.data() + at, 8);
    if (big) bits = __builtin_bswap64(bits);
    std::memcpy(&out, &bits, 8);
    at += 8;
    return true;
  };
  // float32 scales (9007, 9601) round to 2^-24 of their value; float64 ones are exact here.
  TableBuilder tables(path, h, h.version == 2001 || h.version == 2013 ? 0.0 : 0x1p-24);
  const size_t per_row = tables.columns() - 1;
  if (h.version != 2013) {
    double x;
    while (h.version == 2001 ? f64(x) : f32(x)) tables.push(x);
  } else {
    for (int t = 0; t < h.tables && at < payload.size(); ++t) {
      double x;
      for (int s = 0; s < h.nsweep && f64(x); ++s) tables.push(x);
      while (f64(x)) {
        tables.push(x);
        if (x >= 9e29) break;
        for (size_t k = 0; k < per_row && f32(x); ++k) tables.push(x);
      }
    }
  }
  return tables.finish(truncated, note);
}

}  // namespace

bool looks_like_hspice_post(const std::string& content) {
  if (content.size() >= 16) {
    const bool le = word(content, 0, false) == 4 && word(content, 8, false) == 4;
    const bool be = word(content, 0, true) == 4 && word(content, 8, true) == 4;
    if ((le || be) && content.find("$&%#") != std::string::npos) return true;
  }
  if (content.size() < 24) return false;
  for (size_t i = 0; i < 16; ++i)
    if (!std::isdigit(static_cast<unsigned char>(content[i]))) return false;
  return content.find("$&%#") < kHeaderEndSearch;
}

ReadResults read_hspice_post(const std::string& path, const std::string& content) {
  if (content.empty()) return {{}, path + ": empty file"};
  if (content.find("PSFversion") != std::string::npos)
    return {{}, path + ": a PSF file, not an HSPICE post file (.option psf)"};
  if (static_cast<unsigned char>(content[0]) < 0x20) return read_binary(path, content);
  std::istringstream in(content);
  return read_ascii(path, in);
}

ReadResults read_hspice_post_ascii(const std::string& path, std::istream& in) {
  return read_ascii(path, in);
}

}  // namespace xb::io
