#include "frontends/io/hspice_listing_writer.hpp"

#include <algorithm>
#include <cstdio>

namespace xb::io {
namespace {

std::string fmt(const char* format, double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

// v(a) -> a, i(v1) -> v1: the listing names nodes and elements without the function.
std::string bare(const std::string& name) {
  const auto open = name.find('(');
  if (open == std::string::npos || name.back() != ')') return name;
  return name.substr(open + 1, name.size() - open - 2);
}

}  // namespace

HspiceListing::HspiceListing(std::ostream& out, const std::string& title, double temperature)
    : out_(out), temperature_(temperature) {
  out_ << " ****** HSPICE-style listing written by xbspice ******\n ******\n " << title << "\n\n";
}

void HspiceListing::add(const engine::Results& r,
                        const std::vector<engine::MeasureResult>& measures) {
  const std::string temps =
      " tnom=" + fmt("%8.3f", 27.0) + " temp=" + fmt("%8.3f", temperature_) + " *****\n";
  if (r.analysis == "op" && !r.rows.empty()) {
    out_ << "  ******  operating point information" << temps
         << " ***** operating point status is all       simulation time is     0.\n"
         << "    node    =voltage      node    =voltage      node    =voltage\n\n";
    int cell = 0;
    for (size_t i = 0; i < r.signals.size(); ++i) {
      if (r.signals[i].rfind("v(", 0) != 0) continue;
      std::string name = "0:" + bare(r.signals[i]);
      if (name.size() < 10) name.resize(10, ' ');
      out_ << (cell % 3 == 0 ? " +" : "  ") << name << "= " << fmt("%10.4e", r.rows[0][i]);
      if (++cell % 3 == 0) out_ << "\n";
    }
    if (cell % 3) out_ << "\n";
    out_ << "\n";
  } else if (!r.rows.empty()) {
    const bool tran = r.analysis == "tran";
    out_ << "  ******  " << (tran ? "transient analysis" : "dc transfer curves") << temps;
    // HSPICE prints at most 32 columns per table.
    for (size_t first = 1; first < r.signals.size(); first += 32) {
      const size_t last = std::min(r.signals.size(), first + 32);
      out_ << "x\n\n" << (tran ? "        time" : "        volt");
      for (size_t i = first; i < last; ++i)
        out_ << "    " << (r.signals[i].rfind("i(", 0) == 0 ? "current  " : "voltage  ");
      out_ << "\n            ";
      for (size_t i = first; i < last; ++i) {
        std::string name = bare(r.signals[i]);
        out_ << " " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ');
      }
      out_ << "\n";
      for (const auto& row : r.rows) {
        out_ << fmt("%12.4e", row[0]);
        for (size_t i = first; i < last; ++i) out_ << fmt("%13.4e", row[i]);
        out_ << "\n";
      }
      out_ << "y\n";
    }
    out_ << "\n";
  }
  for (const engine::MeasureResult& m : measures)
    out_ << "   " << m.name << "= " << (m.failed ? std::string("failed") : fmt("%.4e", m.value))
         << "\n";
  if (!measures.empty()) out_ << "\n";
}

void HspiceListing::monte_carlo_index(size_t index) {
  out_ << "\n  *** monte carlo  index = " << index << " ***\n\n";
}

void HspiceListing::monte_carlo_statistics(const std::string& measure,
                                           const engine::SampleStatistics& st) {
  out_ << "\n  meas_variable = " << measure << "\n";
  if (st.count == 0) {
    out_ << "  failed in all " << st.failed << " samples\n";
    return;
  }
  out_ << "  samples = " << st.count << "  failed = " << st.failed << "\n"
       << "  mean   = " << fmt("% .4e", st.mean)
       << "  varian = " << fmt("% .4e", st.sigma * st.sigma)
       << "\n  sigma  = " << fmt("% .4e", st.sigma) << "  avgdev = " << fmt("% .4e", st.avgdev)
       << "\n  max    = " << fmt("% .4e", st.max) << "  min    = " << fmt("% .4e", st.min)
       << "\n  median = " << fmt("% .4e", st.median) << "\n";
}

void HspiceListing::finish(bool ok) {
  out_ << (ok ? "          ***** job concluded\n" : "          ***** job aborted\n");
}

}  // namespace xb::io
