#include "netlist/random_draws.hpp"

#include <cmath>

namespace xb::netlist {

RandomDraws::RandomDraws(uint64_t seed, uint64_t sample) {
  std::seed_seq seq{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32),
                    static_cast<uint32_t>(sample), static_cast<uint32_t>(sample >> 32)};
  engine_.seed(seq);
}

double RandomDraws::unit() {
  return static_cast<double>(engine_() >> 11) * 0x1.0p-53;  // the top 53 bits
}

double RandomDraws::uniform() {
  return 2 * unit() - 1;
}

double RandomDraws::gaussian() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  const double u1 = 1 - unit();  // in (0, 1]: log is finite
  const double u2 = unit();
  const double r = std::sqrt(-2 * std::log(u1));
  spare_ = r * std::sin(2 * M_PI * u2);
  has_spare_ = true;
  return r * std::cos(2 * M_PI * u2);
}

}  // namespace xb::netlist
