// match_output OURS THEIRS [RELTOL [ABSTOL]]: checks that every line xbspice printed appears,
// in order, in what ngspice printed for the same deck. Lines are compared as words: a word
// that is a number in both must agree within the tolerances, any other word exactly; our line
// may be a prefix of theirs (ngspice adds dates to headers). Between matches, ngspice may only
// have printed its own chatter (banners, "Doing analysis at ...", page headers repeated), so
// a line of results xbspice left out fails too. Exit 1 naming the first line not found.
// Nothing printed by xbspice fails, unless the fifth argument is "silent-ok": for decks that
// check themselves and print only what is wrong, silence from both is the pass.

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

// Words split at blanks and commas (ngspice prints a complex value as "re,im").
std::vector<std::string> words(std::string line) {
  for (char& c : line)
    if (c == ',') c = ' ';
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

bool number(const std::string& w, double& v) {
  char* end = nullptr;
  v = std::strtod(w.c_str(), &end);
  return end != w.c_str() && *end == '\0';
}

bool same_word(const std::string& a, const std::string& b, double reltol, double abstol) {
  double x = 0, y = 0;
  if (number(a, x) && number(b, y))
    return std::fabs(x - y) <= abstol + reltol * std::max(std::fabs(x), std::fabs(y));
  return a == b;
}

bool line_matches(const std::vector<std::string>& ours, const std::vector<std::string>& theirs,
                  double reltol, double abstol) {
  if (ours.size() > theirs.size()) return false;
  for (size_t k = 0; k < ours.size(); ++k)
    if (!same_word(ours[k], theirs[k], reltol, abstol)) return false;
  return true;
}

// What ngspice prints about itself rather than about the results.
bool chatter(const std::string& line, const std::vector<std::string>& seen) {
  static const char* kPrefixes[] = {"Note:",
                                    "Circuit:",
                                    "Doing analysis at",
                                    "No. of Data Rows",
                                    "ngspice-",
                                    "Warning:",
                                    "warning:",
                                    "binary raw file",
                                    "ASCII raw file",
                                    "Reference value",
                                    "Using SPARSE",
                                    "Total ",
                                    "Initial Transient Solution",
                                    "----",
                                    "Index",
                                    "Simulation",
                                    "\f"};
  const std::vector<std::string> w = words(line);
  if (w.empty()) return true;
  const std::string trimmed = line.substr(line.find_first_not_of(" \t"));
  for (const char* p : kPrefixes)
    if (trimmed.rfind(p, 0) == 0) return true;
  if (line.find(" = ") != std::string::npos) return false;  // a value, even if printed before
  for (const std::string& earlier : seen)                   // a page header again
    if (earlier == line) return true;
  return false;
}

std::vector<std::string> lines_of(const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "match_output: cannot read " << path << "\n";
    std::exit(2);
  }
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The first of their lines [from, to) that is not chatter, or -1. The node table ngspice
// prints before a transient ("Initial Transient Solution" up to "No. of Data Rows") is too.
int first_result_skipped(const std::vector<std::string>& theirs, size_t from, size_t to) {
  const std::vector<std::string> seen(theirs.begin(), theirs.begin() + static_cast<long>(from));
  bool in_node_table = false;
  for (size_t k = 0; k < to; ++k) {
    if (theirs[k].find("Initial Transient Solution") != std::string::npos) in_node_table = true;
    if (theirs[k].rfind("No. of Data Rows", 0) == 0) in_node_table = false;
    if (k >= from && !in_node_table && !chatter(theirs[k], seen)) return static_cast<int>(k);
  }
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: match_output OURS THEIRS [RELTOL [ABSTOL [silent-ok]]]\n";
    return 2;
  }
  const double reltol = argc > 3 ? std::atof(argv[3]) : 1e-5;
  const double abstol = argc > 4 ? std::atof(argv[4]) : 1e-12;
  const bool silent_ok = argc > 5 && std::string(argv[5]) == "silent-ok";
  const std::vector<std::string> ours = lines_of(argv[1]), theirs = lines_of(argv[2]);
  size_t next = 0, matched = 0;
  for (size_t i = 0; i < ours.size(); ++i) {
    const std::vector<std::string> w = words(ours[i]);
    if (w.empty()) continue;
    size_t k = next;
    while (k < theirs.size() && !line_matches(w, words(theirs[k]), reltol, abstol)) ++k;
    if (k == theirs.size()) {
      std::cerr << "match_output: line " << i + 1 << " of " << argv[1] << " not found in "
                << argv[2] << " after its line " << next << ":\n  " << ours[i] << "\n";
      return 1;
    }
    if (const int missed = first_result_skipped(theirs, next, k); missed >= 0) {
      std::cerr << "match_output: " << argv[2] << " line " << missed + 1
                << " has no counterpart in " << argv[1] << ":\n  " << theirs[missed] << "\n";
      return 1;
    }
    next = k + 1;
    ++matched;
  }
  if (const int missed = first_result_skipped(theirs, next, theirs.size()); missed >= 0) {
    std::cerr << "match_output: " << argv[2] << " line " << missed + 1 << " has no counterpart in "
              << argv[1] << ":\n  " << theirs[missed] << "\n";
    return 1;
  }
  if (matched == 0 && silent_ok) {
    std::printf("match_output: neither printed a result line (the deck checks itself)\n");
    return 0;
  }
  if (matched == 0) {
    std::cerr << "match_output: " << argv[1] << " has no output to check\n";
    return 1;
  }
  std::printf("match_output: %zu lines agree (reltol %g, abstol %g)\n", matched, reltol, abstol);
  return 0;
}
