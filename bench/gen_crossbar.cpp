// Writes the benchmark deck of an N×M resistive crossbar (issue 4's definition): cell
// conductances random in [1/3 MΩ, 1/2 kΩ], 1 Ω wire segments between neighbouring cells along
// rows and columns, 0.1 V inputs through 100 Ω source resistors on the columns, 100 Ω sense
// resistors on the rows. 2·N·M nodes plus inputs. Usage: gen_crossbar N [M] [--dc POINTS] [--ac]
// [--seed S]; --ac adds 0.1 fF from every wire node to ground, AC 1 on every input and an .ac
// of 201 frequencies (1 MHz–100 GHz, 40 per decade).
//   gen_crossbar --chain K   writes a K-element resistor chain instead (parser stress deck)

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: gen_crossbar N [M] [--dc POINTS] [--ac] [--seed S] | --chain K\n");
    return 1;
  }
  if (std::strcmp(argv[1], "--chain") == 0 && argc > 2) {
    long k = std::atol(argv[2]);
    std::printf("resistor chain of %ld elements\nv1 n0 0 1\n", k);
    for (long i = 0; i + 1 < k; ++i) std::printf("r%ld n%ld n%ld 1k\n", i, i, i + 1);
    std::printf("rlast n%ld 0 1k\n.op\n.end\n", k - 1);
    return 0;
  }
  int n = std::atoi(argv[1]);
  int m = n;
  int dc_points = 0;
  bool ac = false;
  unsigned seed = 1;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--dc") == 0 && i + 1 < argc)
      dc_points = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--ac") == 0)
      ac = true;
    else if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
      seed = std::atoi(argv[++i]);
    else
      m = std::atoi(argv[i]);
  }
  if (n < 1 || m < 1) return 1;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> g(1.0 / 3e5, 1.0 / 500);
  std::printf("%dx%d resistive crossbar with 1 ohm wires\n", n, m);
  // columns j = 0..m-1 driven at the top, rows i = 0..n-1 sensed at the right end
  for (int j = 0; j < m; ++j) {
    std::printf("vin%d in%d 0 dc 0.1%s\n", j, j, ac ? " ac 1" : "");
    std::printf("rsrc%d in%d c0_%d 100\n", j, j, j);
  }
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) {
      std::printf("rx%d_%d c%d_%d r%d_%d %.9g\n", i, j, i, j, i, j, 1.0 / g(rng));
      if (i + 1 < n) std::printf("rwc%d_%d c%d_%d c%d_%d 1\n", i, j, i, j, i + 1, j);
      if (j + 1 < m) std::printf("rwr%d_%d r%d_%d r%d_%d 1\n", i, j, i, j, i, j + 1);
      if (ac)  // wire capacitance: 0.1 fF from every wire node to ground
        std::printf("cwc%d_%d c%d_%d 0 0.1f\ncwr%d_%d r%d_%d 0 0.1f\n", i, j, i, j, i, j, i, j);
    }
  for (int i = 0; i < n; ++i) std::printf("rsense%d r%d_%d 0 100\n", i, i, m - 1);
  if (ac)
    std::printf(".ac dec 40 1meg 100g\n");  // 201 frequencies
  else if (dc_points > 1)
    std::printf(".dc vin0 0 0.1 %.9g\n", 0.1 / (dc_points - 1));
  else
    std::printf(".op\n");
  std::printf(".end\n");
  return 0;
}
