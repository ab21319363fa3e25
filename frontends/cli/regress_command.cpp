#include "frontends/cli/regress_command.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "engine/dc_analysis.hpp"
#include "engine/transient.hpp"
#include "frontends/cli/exit_codes.hpp"
#include "frontends/io/raw_writer.hpp"
#include "frontends/io/result_axis.hpp"
#include "frontends/io/result_readers.hpp"
#include "frontends/io/result_writers.hpp"
#include "frontends/session/session.hpp"
#include "netlist/parser.hpp"

namespace fs = std::filesystem;

namespace xb::cli {
namespace {

struct Check {
  std::string signal;
  double rel = 0, abs = 0, range = 0;
  bool use_range = false;
  std::string tolerance_text() const {
    char buf[80];
    if (use_range)
      std::snprintf(buf, sizeof buf, "range=%g", range);
    else
      std::snprintf(buf, sizeof buf, "rel=%g abs=%g", rel, abs);
    return buf;
  }
};

struct Case {
  std::string deck;
  std::vector<Check> checks;
  std::string golden;  // explicit golden=, else found next to the deck
  size_t analysis = 0;
  std::string error;  // a directive that cannot be read
};

struct Outcome {
  std::string signal, where, tolerance, message;
  double worst = 0;
  bool pass = false;
};

struct CaseResult {
  std::vector<Outcome> checks;
  std::string error;  // the case could not run or compare at all
  std::string blessed;
  double seconds = 0;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

// Directives of one deck; an empty result means the deck is not a regression case.
Case read_case(const std::string& path) {
  Case c;
  c.deck = path;
  std::ifstream in(path);
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (lower(line.substr(0, 8)) != "*regress") continue;
    std::istringstream ss(line.substr(8));
    std::string word;
    Check check;
    while (ss >> word) {
      const auto eq = word.find('=');
      if (eq == std::string::npos) {
        check.signal = lower(word);
        continue;
      }
      const std::string key = lower(word.substr(0, eq)), value = word.substr(eq + 1);
      char* end = nullptr;
      const double v = std::strtod(value.c_str(), &end);
      const bool numeric = end && *end == '\0' && !value.empty();
      if (key == "golden") {
        c.golden = (fs::path(path).parent_path() / value).string();
      } else if (key == "analysis" && numeric && v >= 1) {
        c.analysis = static_cast<size_t>(v) - 1;
      } else if ((key == "rel" || key == "abs" || key == "range") && numeric && v >= 0) {
        (key == "rel" ? check.rel : key == "abs" ? check.abs : check.range) = v;
        check.use_range = check.use_range || key == "range";
      } else {
        c.error = path + ":" + std::to_string(number) + ": *REGRESS: cannot read '" + word + "'";
      }
    }
    if (!check.signal.empty()) c.checks.push_back(check);
  }
  if (c.golden.empty()) {
    fs::path p(path);
    fs::path csv = p.parent_path() / (p.stem().string() + ".csv");
    fs::path raw = p.parent_path() / (p.stem().string() + ".raw");
    c.golden = fs::exists(csv) || !fs::exists(raw) ? csv.string() : raw.string();
  }
  return c;
}

std::optional<size_t> column(const engine::Results& t, const std::string& name) {
  for (size_t i = 0; i < t.signals.size(); ++i)
    if (lower(t.signals[i]) == name) return i;
  return std::nullopt;
}

Outcome compare(const Check& check, const engine::Results& run, const engine::Results& golden) {
  Outcome o{check.signal, "", check.tolerance_text(), "", 0, false};
  auto rc = column(run, check.signal), gc = column(golden, check.signal);
  if (!rc) return o.message = "not in the simulation's results", o;
  if (!gc) return o.message = "not in the golden file", o;
  double lo = 1e300, hi = -1e300;
  for (const auto& r : golden.rows) lo = std::min(lo, r[*gc]), hi = std::max(hi, r[*gc]);
  // Same points (a sweep with repeated axis values, or the same grid): compare row by row.
  const bool pointwise = io::same_axis(run, golden);
  bool pass = true;
  for (size_t k = 0; k < golden.rows.size(); ++k) {
    const double a = golden.rows[k][0], want = golden.rows[k][*gc];
    double got;
    if (pointwise) {
      got = run.rows[k][*rc];
    } else if (!io::value_at_axis(run, *rc, a, got)) {
      o.message = "the simulation does not reach " + golden.signals[0] + " = " + number(a);
      return o;
    }
    const double d = std::fabs(got - want);
    const double tol =
        check.use_range ? check.range * (hi - lo) : check.abs + check.rel * std::fabs(want);
    if (d > tol) pass = false;
    if (d >= o.worst) o.worst = d, o.where = golden.signals[0] + "=" + number(a);
  }
  o.pass = pass;
  return o;
}

CaseResult run_case(const Case& c, bool bless) {
  CaseResult out;
  const auto start = std::chrono::steady_clock::now();
  auto finish = [&] {
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
  };
  if (!c.error.empty()) return out.error = c.error, finish();
  session::Session s = session::Session::open(c.deck);
  if (!s.loaded_ok()) return out.error = s.format_diagnostics(), finish();
  if (c.analysis >= s.analysis_count())
    return out.error = "the deck has no analysis " + std::to_string(c.analysis + 1), finish();
  const session::Outcome result = s.run(c.analysis);
  if (!result.status.ok) return out.error = s.format_diagnostics(0), finish();
  if (bless) {
    io::ReadResults old = io::read_results_file(c.golden);
    std::ofstream file(c.golden, std::ios::binary);
    if (fs::path(c.golden).extension() == ".raw")
      io::write_raw(result.results, file, true);
    else
      io::write_csv(result.results, file);
    if (!file) return out.error = "cannot write " + c.golden, finish();
    if (!old.error.empty()) {
      out.blessed = "new golden " + c.golden;
    } else {
      for (const Check& check : c.checks) {
        Check exact = check;
        exact.use_range = false, exact.rel = 0, exact.abs = 0;
        Outcome o = compare(exact, result.results, old.tables.front());
        out.blessed += "  " + check.signal + ": " +
                       (o.message.empty() ? "largest change " + number(o.worst) + " at " + o.where
                                          : o.message) +
                       "\n";
      }
    }
    return finish();
  }
  io::ReadResults golden = io::read_results_file(c.golden);
  if (!golden.error.empty()) return out.error = golden.error, finish();
  const engine::Results* table = &golden.tables.front();
  for (const auto& t : golden.tables)  // a raw file with several plots: the analysis' kind
    if (t.analysis == result.results.analysis) {
      table = &t;
      break;
    }
  for (const Check& check : c.checks) out.checks.push_back(compare(check, result.results, *table));
  return finish();
}

std::vector<std::string> find_decks(const std::string& path, std::string& error) {
  std::vector<std::string> decks;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(path, ec))
      if (e.is_regular_file() && e.path().extension() == ".sp") decks.push_back(e.path().string());
    std::sort(decks.begin(), decks.end());
  } else if (fs::is_regular_file(path, ec)) {
    decks.push_back(path);
  } else {
    error = "cannot open " + path;
  }
  return decks;
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

}  // namespace

int run_regress(const RegressOptions& opt) {
  std::vector<Case> cases;
  for (const std::string& p : opt.paths) {
    std::string error;
    for (const std::string& deck : find_decks(p, error)) {
      Case c = read_case(deck);
      if (!c.checks.empty() || !c.error.empty()) cases.push_back(std::move(c));
    }
    if (!error.empty()) {
      std::cerr << "xbspice regress: error: " << error << "\n";
      return kUserError;
    }
  }
  if (cases.empty()) {
    std::cerr << "xbspice regress: error: no deck with *REGRESS directives found\n";
    return kUserError;
  }
  std::vector<CaseResult> results(cases.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t k; (k = next++) < cases.size();) results[k] = run_case(cases[k], opt.bless);
  };
  std::vector<std::thread> threads;
  const int jobs = std::clamp(opt.jobs, 1, 256);
  for (int j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();

  size_t failed = 0, checks = 0;
  if (opt.bless) {
    for (size_t k = 0; k < cases.size(); ++k) {
      if (!results[k].error.empty()) {
        ++failed;
        std::cout << cases[k].deck << ": not blessed: " << results[k].error << "\n";
        continue;
      }
      std::cout << cases[k].deck << ": blessed\n" << results[k].blessed;
    }
    return failed ? kSimulationFailure : kOk;
  }
  std::printf("%-32s %-16s %-11s %-18s %-22s %-6s %s\n", "case", "signal", "worst", "at",
              "tolerance", "result", "time");
  for (size_t k = 0; k < cases.size(); ++k) {
    const std::string name = fs::path(cases[k].deck).filename().string();
    const CaseResult& r = results[k];
    if (!r.error.empty()) {
      ++failed;
      std::printf("%-32s %-16s %-11s %-18s %-22s %-6s %.2f s\n", name.c_str(), "-", "-", "-", "-",
                  "ERROR", r.seconds);
      std::printf("    %s\n", r.error.c_str());
      continue;
    }
    for (const Outcome& o : r.checks) {
      ++checks;
      if (!o.pass) ++failed;
      std::printf("%-32s %-16s %-11s %-18s %-22s %-6s %.2f s\n", name.c_str(), o.signal.c_str(),
                  number(o.worst).c_str(), o.where.c_str(), o.tolerance.c_str(),
                  o.pass ? "pass" : "FAIL", r.seconds);
      if (!o.message.empty()) std::printf("    %s\n", o.message.c_str());
    }
  }
  std::printf("%zu case(s), %zu signal(s), %zu failed\n", cases.size(), checks, failed);
  if (!opt.junit.empty()) {
    std::ofstream x(opt.junit);
    x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"xbspice regress\" tests=\""
      << std::max(checks, failed) << "\" failures=\"" << failed << "\">\n";
    for (size_t k = 0; k < cases.size(); ++k) {
      const CaseResult& r = results[k];
      const std::string cls = xml_escape(cases[k].deck);
      if (!r.error.empty()) {
        x << "  <testcase classname=\"" << cls << "\" name=\"(case)\" time=\"" << r.seconds
          << "\"><failure message=\"" << xml_escape(r.error) << "\"/></testcase>\n";
        continue;
      }
      for (const Outcome& o : r.checks) {
        x << "  <testcase classname=\"" << cls << "\" name=\"" << xml_escape(o.signal)
          << "\" time=\"" << r.seconds << "\">";
        if (!o.pass)
          x << "<failure message=\""
            << xml_escape("worst " + number(o.worst) + " at " + o.where + ", tolerance " +
                          o.tolerance + (o.message.empty() ? "" : ": " + o.message))
            << "\"/>";
        x << "</testcase>\n";
      }
    }
    x << "</testsuite>\n";
    if (!x) {
      std::cerr << "xbspice regress: error: cannot write " << opt.junit << "\n";
      return kUserError;
    }
  }
  return failed ? kUserError : kOk;
}

}  // namespace xb::cli
