#include "netlist/poly_source.hpp"

#include <functional>

namespace xb::netlist {

std::string spice_polynomial(const std::vector<std::string>& inputs,
                             const std::vector<std::string>& coefficients) {
  if (inputs.size() == 1 && coefficients.size() == 1)
    return "(" + coefficients[0] + ")*(" + inputs[0] + ")";
  std::string text;
  size_t next = 0;  // the coefficient the next term takes
  std::vector<size_t> tuple;
  // Every index tuple i1 <= i2 <= ... <= id of degree d, in lexicographic order.
  std::function<void(size_t, size_t)> terms = [&](size_t degree, size_t from) {
    if (next == coefficients.size()) return;
    if (tuple.size() == degree) {
      std::string term = "(" + coefficients[next++] + ")";
      for (size_t i : tuple) term += "*(" + inputs[i] + ")";
      text += (text.empty() ? "" : " + ") + term;
      return;
    }
    for (size_t i = from; i < inputs.size(); ++i) {
      tuple.push_back(i);
      terms(degree, i);
      tuple.pop_back();
    }
  };
  for (size_t degree = 0; next < coefficients.size(); ++degree) terms(degree, 0);
  return text;
}

}  // namespace xb::netlist
