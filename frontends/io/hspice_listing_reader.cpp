#include "frontends/io/hspice_listing_reader.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <vector>

namespace xb::io {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "500.0000m", "1.0000", "0.", "1.039e-08", "4.905x": HSPICE's engineering notation.
bool value_of(const std::string& text, double& out) {
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  if (end == text.c_str()) return false;
  const std::string rest = lower(end);
  if (rest.empty()) return true;
  static const std::pair<const char*, double> kSuffix[] = {
      {"t", 1e12}, {"g", 1e9},  {"x", 1e6},   {"meg", 1e6}, {"k", 1e3},  {"m", 1e-3},
      {"u", 1e-6}, {"n", 1e-9}, {"p", 1e-12}, {"f", 1e-15}, {"a", 1e-18}};
  for (const auto& [s, scale] : kSuffix)
    if (rest == s) return out *= scale, true;
  return false;
}

std::string voltage_name(const std::string& node) {
  const std::string n = lower(node);
  return "v(" + (n.rfind("0:", 0) == 0 ? n.substr(2) : n) + ")";
}

}  // namespace

bool looks_like_hspice_listing(const std::string& content) {
  const std::string head = content.substr(0, 4096);
  // A listing has HSPICE's banner; a .print* file only the analysis line (`tnom=`).
  return head.find("******") != std::string::npos &&
         (head.find("HSPICE") != std::string::npos || head.find("tnom=") != std::string::npos);
}

ReadResults read_hspice_listing(const std::string& path, const std::string& content) {
  ReadResults r;
  std::vector<std::string> lines;
  {
    std::istringstream in(content);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
    }
  }
  std::string title;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.find("***** job aborted") != std::string::npos) {
      std::string message;
      for (size_t k = 0; k < i; ++k)
        if (lines[k].find("**error**") != std::string::npos) message = lines[k];
      r.error = path + ":" + std::to_string(i + 1) + ": the HSPICE job aborted" +
                (message.empty() ? "" : ": " + message.substr(message.find("**error**")));
      return r;
    }
    if (line.find("operating point information") != std::string::npos) {
      engine::Results op;
      op.analysis = "op";
      op.title = title;
      std::vector<double> row;
      for (size_t k = i + 1; k < lines.size(); ++k) {
        const std::string& l = lines[k];
        const auto first = l.find_first_not_of(' ');
        if (first == std::string::npos) {
          if (!row.empty()) break;
          continue;
        }
        if (l[first] != '+') {
          if (!row.empty()) break;
          continue;  // status and caption lines
        }
        // "+0:c1      =   0.5284  0:c2      =   2.5517 ...", also "0:outb_000= 7.500e-01"
        std::string cells;
        for (char ch : l.substr(first + 1))
          cells += ch == '=' ? std::string(" = ") : std::string(1, ch);
        std::istringstream ss(cells);
        std::string name, eq, value;
        while (ss >> name >> eq >> value) {
          double v;
          if (eq != "=" || !value_of(value, v)) {
            r.error = path + ":" + std::to_string(k + 1) + ": unreadable operating point cell";
            return r;
          }
          op.signals.push_back(voltage_name(name));
          row.push_back(v);
        }
      }
      op.signals.insert(op.signals.begin(), "index");
      row.insert(row.begin(), 1.0);
      op.rows.push_back(row);
      r.tables.push_back(std::move(op));
      continue;
    }
    if (line.find("******") != std::string::npos && i + 1 < lines.size() && title.empty() &&
        line.find("HSPICE") == std::string::npos)
      title =
          lines[i + 1].substr(std::min(lines[i + 1].size(), lines[i + 1].find_first_not_of(' ')));
    // A .print table: "x", a blank line, kinds, names, rows, "y".
    const auto first = line.find_first_not_of(' ');
    if (first == std::string::npos || line.substr(first) != "x" || i + 3 >= lines.size()) continue;
    std::istringstream kinds(lines[i + 2]), names(lines[i + 3]);
    std::vector<std::string> kind_list, name_list;
    for (std::string s; kinds >> s;) kind_list.push_back(lower(s));
    for (std::string s; names >> s;) name_list.push_back(lower(s));
    if (kind_list.empty() || name_list.size() + 1 != kind_list.size()) continue;
    engine::Results t;
    t.analysis = kind_list[0] == "time" ? "tran" : kind_list[0] == "freq" ? "ac" : "dc";
    t.title = title;
    t.signals.push_back(kind_list[0]);
    for (size_t c = 0; c < name_list.size(); ++c)
      t.signals.push_back(kind_list[c + 1] == "current" ? "i(" + name_list[c] + ")"
                                                        : "v(" + name_list[c] + ")");
    size_t k = i + 4;
    for (; k < lines.size(); ++k) {
      const std::string& l = lines[k];
      const auto f = l.find_first_not_of(' ');
      if (f != std::string::npos && l.substr(f) == "y") break;
      if (f == std::string::npos) continue;
      std::istringstream ss(l);
      std::vector<double> row;
      for (std::string v; ss >> v;) {
        double x;
        if (!value_of(v, x)) {
          r.error = path + ":" + std::to_string(k + 1) + ": '" + v + "' is not a value";
          return r;
        }
        row.push_back(x);
      }
      if (row.size() != t.signals.size()) {
        r.error = path + ":" + std::to_string(k + 1) + ": " + std::to_string(row.size()) +
                  " values in a table of " + std::to_string(t.signals.size()) + " columns";
        return r;
      }
      t.rows.push_back(std::move(row));
    }
    if (k >= lines.size()) {
      r.error = path + ": a .print table starting at line " + std::to_string(i + 1) +
                " has no closing 'y'";
      return r;
    }
    r.tables.push_back(std::move(t));
    i = k;
  }
  if (r.tables.empty()) r.error = path + ": no operating point or .print table in the listing";
  return r;
}

}  // namespace xb::io
