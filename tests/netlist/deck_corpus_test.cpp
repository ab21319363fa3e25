// Runs every deck under tests/decks/valid (must parse and elaborate without error) and
// tests/decks/malformed (must fail with the error its header names). Header directives:
//   * expect: nodes=N elements=M          (valid decks, optional)
//   * expect-error: line=N code=CODE [file=NAME]   (malformed decks, required)
// Included files live in sub-folders and are not run on their own.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "netlist/elaborate.hpp"
#include "netlist/parser.hpp"

namespace fs = std::filesystem;
using namespace xb::netlist;

namespace {

std::vector<std::string> decks_in(const std::string& sub) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(XB_DECKS_DIR) / sub))
    if (e.is_regular_file()) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string header_value(const std::string& path, const std::string& directive,
                         const std::string& key) {
  std::ifstream in(path);
  std::string line;
  std::regex re("\\b" + key + "=(\\S+)");
  while (std::getline(in, line)) {
    if (line.find(directive) == std::string::npos) continue;
    std::smatch m;
    if (std::regex_search(line, m, re)) return m[1];
  }
  return "";
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = info.param;
  for (char& c : n)
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

// Parses and elaborates the main deck and every .alter run.
Diagnostics check(const std::string& path, Circuit* main_circuit, ParseResult& parsed) {
  parsed = parse_deck_file(path);
  Diagnostics d = parsed.diagnostics;
  if (d.has_errors()) return d;
  ElaborateOptions opt;
  opt.x_device_types = {"taox", "conductor", "opamp_tanh", "opamp"};
  Circuit c = elaborate(parsed.deck, opt, d);
  for (size_t i = 0; i < parsed.deck.alters.size(); ++i)
    elaborate(apply_alter(parsed.deck, i), opt, d);
  if (main_circuit) *main_circuit = std::move(c);
  return d;
}

class ValidDeck : public ::testing::TestWithParam<std::string> {};
class MalformedDeck : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(ValidDeck, ParsesAndElaborates) {
  std::string path = std::string(XB_DECKS_DIR) + "/valid/" + GetParam();
  ParseResult parsed;
  Circuit c;
  Diagnostics d = check(path, &c, parsed);
  ASSERT_FALSE(d.has_errors()) << d.format(*parsed.deck.sources);
  std::string nodes = header_value(path, "expect:", "nodes");
  std::string elements = header_value(path, "expect:", "elements");
  if (!nodes.empty()) {
    EXPECT_EQ(c.node_names.size() - 1, std::stoul(nodes));
  }
  if (!elements.empty()) {
    EXPECT_EQ(c.elements.size(), std::stoul(elements));
  }
  EXPECT_FALSE(c.elements.empty());
}

TEST_P(MalformedDeck, ReportsTheError) {
  std::string path = std::string(XB_DECKS_DIR) + "/malformed/" + GetParam();
  std::string line = header_value(path, "expect-error:", "line");
  std::string code = header_value(path, "expect-error:", "code");
  std::string file = header_value(path, "expect-error:", "file");
  ASSERT_FALSE(line.empty() || code.empty()) << "deck lacks an expect-error header";
  ParseResult parsed;
  Diagnostics d = check(path, nullptr, parsed);
  ASSERT_TRUE(d.has_errors()) << GetParam() << " was accepted";
  bool found = false;
  for (const Diagnostic& diag : d.items()) {
    if (diag.severity != Severity::error || diag.code != code) continue;
    if (diag.loc.line != std::stoul(line)) continue;
    std::string where = parsed.deck.sources->location_string(diag.loc);
    if (!file.empty() && where.find(file + ":") == std::string::npos) continue;
    found = true;
  }
  EXPECT_TRUE(found) << "expected [" << code << "] at line " << line << "; got:\n"
                     << d.format(*parsed.deck.sources);
}

INSTANTIATE_TEST_SUITE_P(Corpus, ValidDeck, ::testing::ValuesIn(decks_in("valid")), test_name);
INSTANTIATE_TEST_SUITE_P(Corpus, MalformedDeck, ::testing::ValuesIn(decks_in("malformed")),
                         test_name);
