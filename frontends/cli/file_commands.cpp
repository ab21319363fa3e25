#include "frontends/cli/file_commands.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>

#include "frontends/cli/exit_codes.hpp"
#include "frontends/io/hspice_post_writer.hpp"
#include "frontends/io/raw_writer.hpp"
#include "frontends/io/result_readers.hpp"
#include "frontends/io/result_writers.hpp"
#include "frontends/io/svg_plot.hpp"

namespace xb::cli {

bool write_results_file(const engine::Results& r, const std::string& path, bool ascii_raw) {
  std::ofstream file(path, std::ios::binary);
  if (path.size() >= 4 && path.compare(path.size() - 4, 4, ".raw") == 0)
    io::write_raw(r, file, ascii_raw);
  else if (io::is_hspice_post_name(path))
    io::write_hspice_post(r, file);
  else
    io::write_csv(r, file);
  return static_cast<bool>(file);
}

int run_plot(const PlotRequest& q) {
  io::ReadResults read = io::read_results_file(q.results);
  if (!read.error.empty()) {
    std::cerr << "xbspice plot: error: " << read.error << "\n";
    return kUserError;
  }
  if (q.plot < 1 || q.plot > static_cast<int>(read.tables.size())) {
    std::cerr << "xbspice plot: error: the file has " << read.tables.size() << " plot(s)\n";
    return kUserError;
  }
  const engine::Results& t = read.tables[q.plot - 1];
  std::vector<std::string> names = q.signals;
  if (names.empty()) names.assign(t.signals.begin() + 1, t.signals.end());
  std::vector<io::Series> series;
  for (std::string name : names) {
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto it = std::find(t.signals.begin(), t.signals.end(), name);
    if (it == t.signals.end()) {
      std::cerr << "xbspice plot: error: no signal '" << name << "' in the file\n";
      return kUserError;
    }
    io::Series s{name, {}, {}};
    const size_t col = it - t.signals.begin();
    for (const auto& row : t.rows) s.x.push_back(row[0]), s.y.push_back(row[col]);
    series.push_back(std::move(s));
  }
  std::ofstream out(q.output);
  io::write_svg_plot(series, {q.title, t.signals.empty() ? "" : t.signals[0], q.ylabel}, out);
  if (!out) {
    std::cerr << "xbspice plot: error: cannot write " << q.output << "\n";
    return kUserError;
  }
  return kOk;
}

int run_convert(const std::string& in, const std::string& out, bool ascii) {
  io::ReadResults read = io::read_results_file(in);
  if (read.tables.empty()) {
    std::cerr << "xbspice convert: error: " << read.error << "\n";
    return kUserError;
  }
  for (size_t k = 0; k < read.tables.size(); ++k) {
    const std::string path = io::numbered_path(out, k);
    if (!write_results_file(read.tables[k], path, ascii)) {
      std::cerr << "xbspice convert: error: cannot write " << path << "\n";
      return kUserError;
    }
  }
  if (!read.error.empty()) {  // a truncated file: what was complete is written
    std::cerr << "xbspice convert: error: " << read.error << "\n";
    return kUserError;
  }
  return kOk;
}

}  // namespace xb::cli
