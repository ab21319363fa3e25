#pragma once
// The random numbers of one Monte Carlo sample. HSPICE's distribution functions
// (agauss, gauss, aunif, unif, limit) draw from here while a sample is elaborated.
//
// Sample k of a run with seed s always draws the same sequence, whatever samples ran before
// it: the generator is seeded from (s, k) alone, so `firstrun=k` reproduces sample k and a
// parameter sweep inside a sample, which elaborates the deck again at each point, sees the
// same draws at every point.
//
// Gaussian deviates come from the Box–Muller transform of two uniform deviates of a 64-bit
// Mersenne Twister (std::mt19937_64, whose sequence the C++ standard fixes), so a seed gives
// the same numbers with every compiler and library.

#include <cstdint>
#include <random>

namespace xb::netlist {

class RandomDraws {
 public:
  RandomDraws(uint64_t seed, uint64_t sample);
  double gaussian();  // mean 0, standard deviation 1
  double uniform();   // uniform on [-1, 1)

 private:
  double unit();  // uniform on [0, 1)
  std::mt19937_64 engine_;
  double spare_ = 0;  // Box–Muller makes deviates in pairs
  bool has_spare_ = false;
};

}  // namespace xb::netlist
