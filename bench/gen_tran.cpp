// Writes the transient benchmark decks of issue 5.
//   gen_tran ladder N        N-stage RC ladder (1 kΩ, 1 pF: τ = 1 ns per stage) driven by a
//                            1 V step, simulated for 10,000 τ (10 µs), printed every 10 ns.
//   gen_tran crossbar N      N×N resistive crossbar (cells random in [1/3 MΩ, 1/2 kΩ], seed 1)
//                            with 1 Ω wire segments and 1 fF to ground at every wire node,
//                            100 Ω source and sense resistors, every column driven by its own
//                            PWL (ramps of 5 ns between levels in [0, 0.3] V every 50 ns),
//                            simulated for 1 µs.
// Options after the size: --reltol R --tmax T (tighter references for accuracy checks),
// --print "v(a) v(b)" (a .print tran line, which limits what xbspice saves).

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

namespace {

void ladder(int n, const char* options) {
  std::printf("%d-stage RC ladder, step input\n%s", n, options);
  std::printf("v1 n0 0 pwl(0 0 10p 1)\n");
  for (int i = 0; i < n; ++i) {
    std::printf("r%d n%d n%d 1k\n", i + 1, i, i + 1);
    std::printf("c%d n%d 0 1p\n", i + 1, i + 1);
  }
}

void crossbar(int n, const char* options) {
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> g(1.0 / 3e5, 1.0 / 500), level(0, 0.3);
  std::printf("%dx%d crossbar with wire resistance and capacitance, PWL inputs\n%s", n, n, options);
  for (int j = 0; j < n; ++j) {
    std::printf("vin%d in%d 0 pwl(0 0", j, j);
    double v = 0;
    for (int k = 1; k < 20; ++k) {  // a new level every 50 ns, reached in 5 ns
      const double next = level(rng);
      std::printf(" %gn %g %gn %g", 50.0 * k, v, 50.0 * k + 5, next);
      v = next;
    }
    std::printf(")\nrsrc%d in%d c0_%d 100\n", j, j, j);
  }
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      std::printf("rx%d_%d c%d_%d r%d_%d %.9g\n", i, j, i, j, i, j, 1.0 / g(rng));
      if (i + 1 < n) std::printf("rwc%d_%d c%d_%d c%d_%d 1\n", i, j, i, j, i + 1, j);
      if (j + 1 < n) std::printf("rwr%d_%d r%d_%d r%d_%d 1\n", i, j, i, j, i, j + 1);
      std::printf("cc%d_%d c%d_%d 0 1f\ncr%d_%d r%d_%d 0 1f\n", i, j, i, j, i, j, i, j);
    }
  for (int i = 0; i < n; ++i) std::printf("rsense%d r%d_%d 0 100\n", i, i, n - 1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: gen_tran ladder|crossbar N [--reltol R] [--tmax T]\n");
    return 1;
  }
  const std::string kind = argv[1];
  const int n = std::atoi(argv[2]);
  std::string reltol, tmax, print;
  for (int i = 3; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--reltol") == 0) reltol = argv[i + 1];
    if (std::strcmp(argv[i], "--tmax") == 0) tmax = argv[i + 1];
    if (std::strcmp(argv[i], "--print") == 0) print = argv[i + 1];
  }
  const std::string options = reltol.empty() ? "" : ".options reltol=" + reltol + "\n";
  if (n < 1) return 1;
  const std::string print_line = print.empty() ? "" : ".print tran " + print + "\n";
  if (kind == "ladder") {
    ladder(n, options.c_str());
    std::printf("%s", print_line.c_str());
    std::printf(".tran 10n 10u%s\n.end\n", tmax.empty() ? "" : (" 0 " + tmax).c_str());
  } else if (kind == "crossbar") {
    crossbar(n, options.c_str());
    std::printf("%s", print_line.c_str());
    std::printf(".tran 1n 1u%s\n.end\n", tmax.empty() ? "" : (" 0 " + tmax).c_str());
  } else {
    return 1;
  }
  return 0;
}
