#include "frontends/io/result_writers.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace xb::io {
namespace {

std::string number(double v, const char* format) {
  char buf[40];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

}  // namespace

void write_csv(const engine::Results& r, std::ostream& out) {
  // RFC 4180: a name with a comma (v(a,b)) or a quote is quoted, quotes doubled.
  auto field = [](const std::string& name) {
    if (name.find_first_of(",\"") == std::string::npos) return name;
    std::string quoted = "\"";
    for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
  };
  // Complex results (AC): the axis, then re(x) and im(x) columns for every signal.
  const bool complex = r.is_complex();
  for (size_t i = 0; i < r.signals.size(); ++i) {
    if (!complex || i == 0)
      out << (i ? "," : "") << field(r.signals[i]);
    else
      out << "," << field("re(" + r.signals[i] + ")") << "," << field("im(" + r.signals[i] + ")");
  }
  out << "\n";
  for (size_t p = 0; p < r.rows.size(); ++p) {
    const std::vector<double>& row = r.rows[p];
    for (size_t i = 0; i < row.size(); ++i) {
      out << (i ? "," : "") << number(row[i], "%.15g");
      if (complex && i > 0) out << "," << number(r.imag[p][i], "%.15g");
    }
    out << "\n";
  }
}

void write_listing(const engine::Results& r, std::ostream& out, const PrintGrid& grid) {
  // A listing is for reading: a 128×128 crossbar's 33,000 node voltages belong in a file.
  constexpr size_t kMaxListed = 64;
  if (r.signals.size() > kMaxListed) {
    out << "**** " << r.analysis << ": " << r.signals.size() << " signals at " << r.rows.size()
        << " point(s), not listed (select some with .print, or write all with -o FILE)\n";
    return;
  }
  if (r.analysis == "tf") {  // ngspice's form
    out << "Transfer function information:\n";
    if (!r.rows.empty())
      for (size_t i = 0; i < r.signals.size(); ++i)
        out << r.signals[i] << " = " << number(r.rows[0][i], "%.6e") << "\n";
    return;
  }
  if (r.analysis == "sens") {  // HSPICE's table: element and d output / d its value
    out << "**** dc sensitivities\n  element            sensitivity (output units per unit)\n";
    if (!r.rows.empty())
      for (size_t i = 0; i < r.signals.size(); ++i)
        out << "  " << r.signals[i]
            << std::string(r.signals[i].size() < 19 ? 19 - r.signals[i].size() : 1, ' ')
            << number(r.rows[0][i], "% .6e") << "\n";
    return;
  }
  if (r.analysis == "op") {
    out << "**** operating point\n";
    if (!r.rows.empty())
      for (size_t i = 0; i < r.signals.size(); ++i)
        out << "  " << r.signals[i]
            << std::string(r.signals[i].size() < 24 ? 24 - r.signals[i].size() : 1, ' ')
            << number(r.rows[0][i], "% .6e") << "\n";
    return;
  }
  if (grid.tstep > 0)
    return write_listing(on_print_grid(r, grid.tstep, grid.tstart, grid.tstop), out);
  out << "**** " << r.analysis << " analysis\n";
  for (const std::string& s : r.signals)
    out << ' ' << s << std::string(s.size() < 14 ? 14 - s.size() : 1, ' ');
  out << "\n";
  for (const auto& row : r.rows) {
    for (double v : row) out << number(v, "% .6e") << "  ";
    out << "\n";
  }
}

engine::Results on_print_grid(const engine::Results& r, double tstep, double tstart, double tstop) {
  engine::Results grid = r;
  grid.rows.clear();
  if (r.rows.empty() || !(tstep > 0)) return grid;
  const size_t width = r.signals.size();
  size_t k = 0;
  const double tlast = r.rows.back()[0];
  for (size_t step = 0;; ++step) {
    double t = tstart + static_cast<double>(step) * tstep;
    if (t > tstop * (1 + 1e-9) || t > tlast * (1 + 1e-12)) break;
    t = std::min(t, tlast);
    while (k + 1 < r.rows.size() && r.rows[k + 1][0] < t) ++k;
    const auto& a = r.rows[k];
    const auto& b = r.rows[std::min(k + 1, r.rows.size() - 1)];
    const double span = b[0] - a[0];
    const double w = span > 0 ? std::clamp((t - a[0]) / span, 0.0, 1.0) : 0.0;
    std::vector<double> row(width);
    row[0] = t;
    for (size_t i = 1; i < width; ++i) row[i] = a[i] + w * (b[i] - a[i]);
    grid.rows.push_back(std::move(row));
  }
  return grid;
}

void write_measures(const std::vector<engine::MeasureResult>& m, std::ostream& out) {
  for (const engine::MeasureResult& r : m) {
    out << r.name << std::string(r.name.size() < 20 ? 20 - r.name.size() : 1, ' ') << "= ";
    if (r.failed)
      out << "failed (" << r.why << ")\n";
    else
      out << number(r.value, "% .6e") << "\n";
  }
}

namespace {

// HSPICE's measure-file slots: four to a line, 17 columns each (a longer item pushes on).
void write_slots(const std::vector<std::string>& items, std::ostream& out) {
  for (size_t i = 0; i < items.size(); ++i) {
    std::string slot = " " + items[i];
    if (slot.size() < 17) slot.resize(17, ' ');
    out << slot;
    if (i % 4 == 3 || i + 1 == items.size()) out << "\n";
  }
}

std::string measure_value(const engine::MeasureResult& r) {
  return r.failed ? "failed" : number(r.value, "%.6e");
}

}  // namespace

void write_measure_file(const std::vector<engine::MeasureResult>& m, const std::string& title,
                        std::ostream& out, double temper, int alter) {
  out << "$DATA1 SOURCE='xbspice' VERSION='xbspice'\n.TITLE '" << title << "'\n";
  std::vector<std::string> names, values;
  for (const engine::MeasureResult& r : m) {
    names.push_back(r.name);
    values.push_back(measure_value(r));
  }
  names.push_back("temper");
  values.push_back(number(temper, "%.4f"));
  names.push_back("alter#");
  values.push_back(std::to_string(alter));
  write_slots(names, out);
  write_slots(values, out);
}

void write_monte_carlo_measure_file(const std::vector<size_t>& samples,
                                    const std::vector<std::vector<engine::MeasureResult>>& records,
                                    const std::string& title, std::ostream& out, double temper,
                                    int alter) {
  out << "$DATA1 SOURCE='xbspice' VERSION='xbspice'\n.TITLE '" << title << "'\n";
  std::vector<std::string> names{"index"};
  if (!records.empty())
    for (const engine::MeasureResult& r : records.front()) names.push_back(r.name);
  names.push_back("temper");
  names.push_back("alter#");
  write_slots(names, out);
  for (size_t k = 0; k < records.size(); ++k) {
    std::vector<std::string> values{std::to_string(samples[k])};
    for (const engine::MeasureResult& r : records[k]) values.push_back(measure_value(r));
    values.push_back(number(temper, "%.4f"));
    values.push_back(std::to_string(alter));
    write_slots(values, out);
  }
}

std::string measure_path(const std::string& output, const std::string& kind, size_t run) {
  std::filesystem::path p(output);
  return (p.parent_path() / (p.stem().string() + "." + kind + std::to_string(run))).string();
}

std::string numbered_path(const std::string& path, size_t index) {
  if (index == 0) return path;
  std::filesystem::path p(path);
  std::string name = p.stem().string() + "_" + std::to_string(index + 1) + p.extension().string();
  return (p.parent_path() / name).string();
}

}  // namespace xb::io
