#include "frontends/io/hspice_measure_reader.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace xb::io {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool number(const std::string& token, double& out) {
  if (lower(token) == "failed") return out = NAN, true;
  char* end = nullptr;
  out = std::strtod(token.c_str(), &end);
  return end != token.c_str() && *end == '\0';
}

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\r"), b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

}  // namespace

bool looks_like_hspice_measure(const std::string& content) {
  return content.rfind("$DATA1", 0) == 0;
}

ReadResults read_hspice_measure(const std::string& path, const std::string& content) {
  ReadResults r;
  engine::Results t;
  t.analysis = "measure";
  std::istringstream in(content);
  std::string line;
  size_t number_of_line = 0;
  bool csv = false, in_values = false;
  std::vector<std::string> names;
  std::vector<double> values;
  auto fail = [&](const std::string& why) {
    r.error = path + ":" + std::to_string(number_of_line) + ": " + why;
    return r;
  };
  while (std::getline(in, line)) {
    ++number_of_line;
    const std::string text = trim(line);
    if (text.empty()) continue;
    if (text[0] == '$') {
      csv = csv || lower(text).find("measform=3") != std::string::npos;
      continue;
    }
    if (lower(text).rfind(".title", 0) == 0) {
      const auto q = text.find('\'');
      t.title =
          q == std::string::npos ? text.substr(6) : text.substr(q + 1, text.rfind('\'') - q - 1);
      continue;
    }
    std::vector<std::string> tokens;
    if (csv) {
      std::stringstream ss(text);
      std::string cell;
      while (std::getline(ss, cell, ',')) tokens.push_back(trim(cell));
    } else {
      std::istringstream ss(text);
      for (std::string tok; ss >> tok;) tokens.push_back(tok);
    }
    if (tokens.empty()) continue;  // only other whitespace (\v, \f)
    double first;
    if (!in_values && !number(tokens[0], first)) {  // still names
      for (const std::string& tok : tokens) names.push_back(lower(tok));
      continue;
    }
    in_values = true;
    for (const std::string& tok : tokens) {
      double v;
      if (!number(tok, v)) return fail("'" + tok + "' is not a value");
      values.push_back(v);
    }
  }
  if (names.empty()) return fail("no measure names");
  if (values.size() % names.size() != 0)
    return fail(std::to_string(values.size()) + " values for " + std::to_string(names.size()) +
                " names: a record is incomplete");
  const bool indexed = names[0] == "index";
  t.signals = indexed ? names : std::vector<std::string>{"index"};
  if (!indexed) t.signals.insert(t.signals.end(), names.begin(), names.end());
  for (size_t k = 0; k < values.size(); k += names.size()) {
    std::vector<double> row;
    if (!indexed) row.push_back(static_cast<double>(k / names.size() + 1));
    row.insert(row.end(), values.begin() + static_cast<long>(k),
               values.begin() + static_cast<long>(k + names.size()));
    t.rows.push_back(std::move(row));
  }
  r.tables.push_back(std::move(t));
  return r;
}

}  // namespace xb::io
