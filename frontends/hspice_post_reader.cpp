#include "frontends/hspice_post_reader.hpp"

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <sstream>

namespace xb::cli {
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

ReadResults build_tables(const std::string& path, const Header& h, const std::vector<double>& v,
                         bool truncated, const std::string& truncation_note) {
  ReadResults r;
  const bool ac = !h.types.empty() && h.types[0] == 2;
  engine::Results proto;
  proto.analysis = kind_of(h.types.empty() ? 0 : h.types[0]);
  proto.title = h.title;
  size_t columns = 0;
  for (int i = 0; i < h.nauto + h.nprobe; ++i) {
    const std::string name = normalise(h.names[i], h.types[i], i == 0);
    if (ac && i > 0 && i < h.nauto) {
      // Real and imaginary parts: vr(x)/vi(x), ir(x)/ii(x) as HSPICE's own output names them.
      const auto paren = name.find('(');
      const std::string stem = name.substr(0, paren), rest = name.substr(paren);
      proto.signals.push_back(stem + "r" + rest);
      proto.signals.push_back(stem + "i" + rest);
      columns += 2;
    } else {
      proto.signals.push_back(name);
      columns += 1;
    }
  }
  size_t pos = 0;
  for (int t = 0; t < h.tables; ++t) {
    engine::Results table = proto;
    if (h.nsweep > 0) {
      if (pos >= v.size()) break;
      std::string label;
      for (int s = 0; s < h.nsweep && pos < v.size(); ++s) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s%s = %g", s ? ", " : "", lower(h.sweeps[s]).c_str(),
                      v[pos++]);
        label += buf;
      }
      table.title += " (" + label + ")";
    }
    bool ended = false;
    while (pos < v.size()) {
      if (v[pos] >= 9e29) {  // end of table
        ++pos;
        ended = true;
        break;
      }
      if (pos + columns > v.size()) break;
      table.rows.emplace_back(v.begin() + static_cast<long>(pos),
                              v.begin() + static_cast<long>(pos + columns));
      pos += columns;
    }
    if (!ended) {
      r.error = path + ": " +
                (truncated ? truncation_note
                           : std::string("the data end inside table ") + std::to_string(t + 1)) +
                " after " + std::to_string(table.rows.size()) + " complete rows of table " +
                std::to_string(t + 1);
      if (!table.rows.empty()) r.tables.push_back(std::move(table));
      return r;
    }
    r.tables.push_back(std::move(table));
  }
  if (static_cast<int>(r.tables.size()) < h.tables)
    r.error = path + ": the header announces " + std::to_string(h.tables) +
              " tables, the data hold " + std::to_string(r.tables.size());
  return r;
}

ReadResults read_ascii(const std::string& path, const std::string& content) {
  ReadResults r;
  // Header: 80-column lines up to the one holding $&%#, line ends removed.
  std::string header;
  size_t pos = 0;
  bool found = false;
  while (pos < content.size() && pos < kHeaderEndSearch) {
    size_t end = content.find('\n', pos);
    if (end == std::string::npos) end = content.size();
    std::string text = content.substr(pos, end - pos);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    header += text;
    pos = end + 1;
    if (text.find("$&%#") != std::string::npos) {
      found = true;
      break;
    }
  }
  if (!found) return {{}, path + ": no end-of-header mark $&%# (not an HSPICE post file?)"};
  Header h;
  std::string error;
  if (!parse_header(header, h, error)) return {{}, path + ": header: " + error};
  // Data: fixed-width fields (11 characters for 9007/9601, 13 for 2001) without separators.
  const size_t width = h.version == 2001 ? 13 : 11;
  std::vector<double> values;
  std::string data;
  data.reserve(content.size() - std::min(pos, content.size()));
  for (size_t i = pos; i < content.size(); ++i)
    if (content[i] != '\n' && content[i] != '\r') data += content[i];
  while (!data.empty() && data.back() == ' ') data.pop_back();
  values.reserve(data.size() / width + 1);
  for (size_t at = 0; at < data.size(); at += width) {
    const std::string field = data.substr(at, width);
    char* end = nullptr;
    const double x = std::strtod(field.c_str(), &end);
    if (end == field.c_str())
      return {{},
              path + ": data field " + std::to_string(at / width + 1) + " ('" + field +
                  "') is not a number"};
    values.push_back(x);
  }
  return build_tables(path, h, values, false, "");
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
  std::vector<double> values;
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
  const bool ac = !h.types.empty() && h.types[0] == 2;
  size_t per_row = 0;
  for (int i = 1; i < h.nauto + h.nprobe; ++i) per_row += ac && i < h.nauto ? 2 : 1;
  if (h.version != 2013) {
    double x;
    while (h.version == 2001 ? f64(x) : f32(x)) values.push_back(x);
  } else {
    for (int t = 0; t < h.tables && at < payload.size(); ++t) {
      double x;
      for (int s = 0; s < h.nsweep && f64(x); ++s) values.push_back(x);
      while (f64(x)) {
        values.push_back(x);
        if (x >= 9e29) break;
        for (size_t k = 0; k < per_row && f32(x); ++k) values.push_back(x);
      }
    }
  }
  return build_tables(path, h, values, truncated, note);
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
  return read_ascii(path, content);
}

}  // namespace xb::cli
