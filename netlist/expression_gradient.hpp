#pragma once
// Value and exact partial derivatives of a bound expression (parameters already replaced by
// numbers) with respect to the circuit quantities it reads: v(a), v(a,b) and i(x). Forward-mode
// differentiation in one pass over the expression's node array, whose children always precede
// their parents.

#include <string>
#include <vector>

#include "netlist/expression.hpp"

namespace xb::netlist {

struct CircuitRef {
  enum class Kind { voltage, current } kind = Kind::voltage;
  std::string a, b;  // nodes of v(a,b) (b = "0" for v(a)); element name of i(a)
  bool operator==(const CircuitRef&) const = default;
};

class ExpressionGradient {
 public:
  explicit ExpressionGradient(ExprPtr expression);

  // Distinct circuit quantities read, in the order the gradient uses.
  const std::vector<CircuitRef>& refs() const { return refs_; }

  // `ref_values` holds one value per ref; `gradient` receives one derivative per ref. Uses
  // `context` for time/temper/hertz only. Returns false with `error` set when the expression
  // cannot be evaluated (a simulator variable without a value).
  bool evaluate(const double* ref_values, const EvalContext& context, double& value,
                double* gradient, std::string& error) const;

 private:
  ExprPtr expr_;
  std::vector<CircuitRef> refs_;
  std::vector<int> ref_of_node_;       // per expression node: index into refs_, or −1
  mutable std::vector<double> value_;  // per node (scratch)
  mutable std::vector<double> grad_;   // per node × refs (scratch)
};

}  // namespace xb::netlist
