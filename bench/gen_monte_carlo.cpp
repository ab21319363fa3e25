// Writes the Monte Carlo benchmark deck: the N×N crossbar of gen_crossbar (1 Ω wires, 100 Ω
// source and sense resistors, 0.1 V inputs, nominal conductances random in [1/3 MΩ, 1/2 kΩ])
// with each cell a subcircuit instance whose conductance is drawn per sample from
// agauss(g0, 0.1·g0, 1): 10 % device-to-device variation. Four sense voltages (rows 0, N/3,
// 2N/3, N-1) are the outputs.
//   gen_monte_carlo N SAMPLES hspice    .dc sweep monte=SAMPLES and a .meas per output
//   gen_monte_carlo N SAMPLES ngspice   the same circuit with a .control loop of op and
//                                       mc_source that prints each output's mean and sigma

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 4 || (std::strcmp(argv[3], "hspice") != 0 && std::strcmp(argv[3], "ngspice") != 0)) {
    std::fprintf(stderr, "usage: gen_monte_carlo N SAMPLES hspice|ngspice\n");
    return 1;
  }
  const int n = std::atoi(argv[1]), samples = std::atoi(argv[2]);
  const bool ngspice = std::strcmp(argv[3], "ngspice") == 0;
  if (n < 2 || samples < 2) return 1;
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> g(1.0 / 3e5, 1.0 / 500);
  std::printf("%dx%d crossbar, 10 %% agauss cell variation, %d Monte Carlo samples\n", n, n,
              samples);
  std::printf(".subckt cell a b g0=1m\n.param g=agauss(g0, '0.1*g0', 1)\n");
  std::printf(ngspice ? "rcell a b {1/g}\n.ends\n" : "rcell a b '1/g'\n.ends\n");
  for (int j = 0; j < n; ++j)
    std::printf("vin%d in%d 0 dc 0.1\nrsrc%d in%d c0_%d 100\n", j, j, j, j, j);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      std::printf("xc%d_%d c%d_%d r%d_%d cell g0=%.9g\n", i, j, i, j, i, j, g(rng));
      if (i + 1 < n) std::printf("rwc%d_%d c%d_%d c%d_%d 1\n", i, j, i, j, i + 1, j);
      if (j + 1 < n) std::printf("rwr%d_%d r%d_%d r%d_%d 1\n", i, j, i, j, i, j + 1);
    }
  for (int i = 0; i < n; ++i) std::printf("rsense%d r%d_%d 0 100\n", i, i, n - 1);
  const std::vector<int> rows = {0, n / 3, 2 * n / 3, n - 1};
  if (!ngspice) {
    std::printf(".dc sweep monte=%d\n", samples);
    for (size_t k = 0; k < rows.size(); ++k)
      std::printf(".meas dc out%zu max v(r%d_%d)\n", k, rows[k], n - 1);
    std::printf(".end\n");
    return 0;
  }
  std::printf(".control\nlet n = %d\nlet k = 0\n", samples);
  for (size_t k = 0; k < rows.size(); ++k) std::printf("let s%zu = 0\nlet q%zu = 0\n", k, k);
  std::printf("dowhile k < n\n  op\n");
  for (size_t k = 0; k < rows.size(); ++k)
    std::printf(
        "  let const.s%zu = const.s%zu + v(r%d_%d)\n"
        "  let const.q%zu = const.q%zu + v(r%d_%d)*v(r%d_%d)\n",
        k, k, rows[k], n - 1, k, k, rows[k], n - 1, rows[k], n - 1);
  std::printf("  destroy all\n  mc_source\n  let const.k = const.k + 1\nend\nsetplot const\n");
  for (size_t k = 0; k < rows.size(); ++k)
    std::printf(
        "let mean%zu = s%zu/n\nlet sigma%zu = sqrt((q%zu - n*mean%zu*mean%zu)/(n-1))\n"
        "print mean%zu sigma%zu\n",
        k, k, k, k, k, k, k, k);
  std::printf(".endc\n.end\n");
  return 0;
}
