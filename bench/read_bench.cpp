// Reading speed and memory of result files (issue 7: a 100 MB ASCII post file in under 2 s with
// memory under twice the data). `read_bench write FILE MB` writes a synthetic HSPICE 9601 ASCII
// .tr0 of about MB megabytes (10 vectors); `read_bench read FILE` reads it and prints the time,
// the table size and the peak RSS.

#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "frontends/io/result_readers.hpp"

int main(int argc, char** argv) {
  if (argc >= 4 && std::strcmp(argv[1], "write") == 0) {
    FILE* f = std::fopen(argv[2], "w");
    if (!f) return 1;
    const double mb = std::atof(argv[3]);
    const int vectors = 10;
    std::string header = "00100000000000009601    synthetic read benchmark";
    header.resize(88, ' ');
    header += "11/23/2026      10:00:00";
    header.resize(176, ' ');
    header += "           0";
    header.resize(256, ' ');
    header += "          1";
    for (int i = 1; i < vectors; ++i) header += "       1";
    header += "     TIME            ";
    for (int i = 1; i < vectors; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "v(n%d", i);
      std::string n = name;
      n.resize(16, ' ');
      header += n;
    }
    header += "$&%#            ";
    for (size_t at = 0; at < header.size(); at += 80) {
      std::string line = header.substr(at, 80);
      line.resize(80, ' ');
      std::fprintf(f, "%s\n", line.c_str());
    }
    const long fields = static_cast<long>(mb * 1e6 / 11.14);
    const long rows = fields / vectors;
    int in_line = 0;
    auto put = [&](double v) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.4E", v);  // 1.2345E-05 -> HSPICE style 0.12345E-04
      const double m = v == 0 ? 0 : v / std::pow(10, std::floor(std::log10(std::fabs(v))) + 1);
      const int e = v == 0 ? 0 : static_cast<int>(std::floor(std::log10(std::fabs(v)))) + 1;
      std::snprintf(buf, sizeof buf, "%s.%05ldE%c%02d", v < 0 ? "-" : "0",
                    std::lround(std::fabs(m) * 1e5) % 100000, e < 0 ? '-' : '+', std::abs(e));
      std::fputs(buf, f);
      if (++in_line == 7) std::fputc('\n', f), in_line = 0;
    };
    for (long r = 0; r < rows; ++r) {
      put(1e-9 * (r + 1));
      for (int v = 1; v < vectors; ++v) put(std::sin(1e-3 * r * v) + 0.5);
    }
    put(1e30);
    std::fputc('\n', f);
    return std::fclose(f) == 0 ? 0 : 1;
  }
  if (argc >= 3 && std::strcmp(argv[1], "read") == 0) {
    const auto start = std::chrono::steady_clock::now();
    xb::io::ReadResults r = xb::io::read_results_file(argv[2]);
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!r.error.empty()) return std::fprintf(stderr, "%s\n", r.error.c_str()), 1;
    size_t rows = 0;
    for (const auto& t : r.tables) rows += t.rows.size();
    rusage u;
    getrusage(RUSAGE_SELF, &u);
    std::printf("read %s: %.2f s, %zu rows, peak RSS %.0f MB\n", argv[2], s, rows,
                u.ru_maxrss / 1024.0);
    return 0;
  }
  std::fprintf(stderr, "usage: read_bench write FILE MB | read FILE\n");
  return 1;
}
