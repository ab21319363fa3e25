// Writes the 1T1M TaOx crossbar benchmark decks of issue 6, for xbspice (built-in devices) or
// for ngspice (the same circuit with the memristor as behavioural sources: the current as a B
// source, the state on a 1 F capacitor charged by a B source with the same combined, capped
// exponent as devices/taox; in reads the state is a fixed voltage).
//   gen_1t1m read N [--ngspice]       N×N array, states random in [0.1, 0.9] (seed 1), word
//                                     lines at 1.8 V, bit lines at 0.2 V through 1 Ω wire
//                                     segments, source lines to ground through 1 Ω segments; .op
//   gen_1t1m program N [--ngspice]    N×N array with 1 Ω / 1 fF wires; cell (0,0) gets 100 SET
//                                     pulses (1.5 V, 50 ns, every 200 ns) on its bit line with its
//                                     word line on and the others off; .tran 20 µs

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

namespace {

const char* kNmos =
    ".model nacc nmos level=1 vto=0.45 uo=350 tox=4.1n gamma=0.4 phi=0.8 lambda=0.1\n"
    "+ cgso=3.5e-10 cgdo=3.5e-10 cgbo=1e-10 cj=1e-3 cjsw=2.5e-10 mj=0.5 mjsw=0.33 pb=0.8\n";

// ngspice: the TaOx equations with the paper's defaults (see devices/taox.cpp).
void ngspice_memristor(bool dynamic) {
  const char* current = "v(p,n)*(0.025*v(x) + 7.2e-6*exp(4.7*sqrt(abs(v(p,n))))*(1-v(x)))";
  if (!dynamic) {
    std::printf(".subckt taox_read p n x0=0.5\nvx x 0 {x0}\nbi p n i=%s\n.ends\n", current);
    return;
  }
  std::printf(".subckt taox_ng p n x0=0.5\ncx x 0 1 ic={x0}\nbi p n i=%s\n", current);
  // p = max(v·i, 0); SET (v > 0): B·sinh(v/σon)·exp(−(x/xon)² + p/σp), RESET: A·sinh(v/σoff)·
  // exp(−(xoff/x)² + 1/(1 + β·p)); sinh·exp combined as ±½(1 − e^(−2|u|))·e^(min(|u| + E, 200)).
  std::printf(
      ".param sigon=0.45 sigoff=0.013\n"
      "bpw pw 0 v=max(v(p,n)*v(p,n)*(0.025*v(x) + 7.2e-6*exp(4.7*sqrt(abs(v(p,n))))*(1-v(x))), 0)\n"
      "bx 0 x i=v(p,n) > 0 ? 1e-4*0.5*(1-exp(-2*v(p,n)/0.45))*exp(min(v(p,n)/0.45 - "
      "(v(x)/0.06)*(v(x)/0.06) + v(pw)/4e-5, 200)) : -1e-10*0.5*(1-exp(2*v(p,n)/0.013))*"
      "exp(min(-v(p,n)/0.013 - (0.4/max(v(x),1e-3))*(0.4/max(v(x),1e-3)) + 1/(1+500*v(pw)), 200))\n"
      ".ends\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: gen_1t1m read|program N [--ngspice]\n");
    return 1;
  }
  const std::string mode = argv[1];
  const int n = std::atoi(argv[2]);
  const bool ng = argc > 3 && std::strcmp(argv[3], "--ngspice") == 0;
  if (n < 1 || (mode != "read" && mode != "program")) return 1;
  const bool program = mode == "program";
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> state(0.1, 0.9);
  std::printf("%dx%d 1T1M TaOx crossbar, %s\n%s", n, n, mode.c_str(), kNmos);
  if (ng)
    ngspice_memristor(program);
  else
    std::printf(".model tx taox\n");
  for (int j = 0; j < n; ++j) {  // bit lines (columns), driven at the top
    if (program)
      std::printf("vbl%d bl%d 0 %s\n", j, j, j == 0 ? "pulse(0 1.5 100n 5n 5n 50n 200n)" : "0");
    else
      std::printf("vbl%d bl%d 0 0.2\n", j, j);
    std::printf("rbl%d bl%d b0_%d 1\n", j, j, j);
  }
  for (int i = 0; i < n; ++i) {  // word lines (rows) and source lines to ground at the right
    std::printf("vwl%d wl%d 0 %s\n", i, i, !program || i == 0 ? "1.8" : "0");
    std::printf("rsl%d s%d_%d 0 1\n", i, i, n - 1);
  }
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const double x0 = program ? 0.1 : state(rng);
      if (ng)
        std::printf("xm%d_%d b%d_%d m%d_%d %s x0=%.6f\n", i, j, i, j, i, j,
                    program ? "taox_ng" : "taox_read", x0);
      else
        std::printf("xm%d_%d b%d_%d m%d_%d tx x0=%.6f\n", i, j, i, j, i, j, x0);
      std::printf("mn%d_%d m%d_%d wl%d s%d_%d 0 nacc w=1u l=0.18u\n", i, j, i, j, i, i, j);
      if (i + 1 < n) std::printf("rb%d_%d b%d_%d b%d_%d 1\n", i, j, i, j, i + 1, j);
      if (j + 1 < n) std::printf("rs%d_%d s%d_%d s%d_%d 1\n", i, j, i, j, i, j + 1);
      if (program)
        std::printf("cb%d_%d b%d_%d 0 1f\ncs%d_%d s%d_%d 0 1f\n", i, j, i, j, i, j, i, j);
    }
  if (program)
    std::printf(".print tran v(xm0_0.x) i(vbl0)\n.tran 10n 20u%s\n", ng ? " uic" : "");
  else
    std::printf(".op\n");
  std::printf(".end\n");
  return 0;
}
