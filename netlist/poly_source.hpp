#pragma once
// SPICE's POLY(n) controlled sources (E, G: n node pairs; F, H: n V sources). The value is
//   p0 + Σ pi·xi + Σ(i≤j) pij·xi·xj + Σ(i≤j≤k) pijk·xi·xj·xk + ...
// with the coefficients in SPICE2's order: by degree, and within a degree the index tuples
// i ≤ j ≤ ... in lexicographic order (two inputs: p0 p1·a p2·b p3·a² p4·a·b p5·b² p6·a³ ...).
// A one-dimensional POLY with a single coefficient is the gain p1 (p0 = 0), as SPICE reads it.

#include <string>
#include <vector>

namespace xb::netlist {

// The polynomial as expression text over `inputs` (each an expression: "v(a,b)", "i(v1)"),
// each coefficient written as given ("2", "(gain*2)").
std::string spice_polynomial(const std::vector<std::string>& inputs,
                             const std::vector<std::string>& coefficients);

}  // namespace xb::netlist
