#pragma once
// Expressions as HSPICE ('...') and ngspice ({...}) write them.
//   precedence, low to high: ?:  ||  &&  == != (also =)  < <= > >=  + -  * / %  unary + - !  ** ^
//   ** and ^ are right-associative; comparisons and logic yield 1 or 0.
//   functions: sqrt exp log(=ln) log10 ln pow pwr abs sgn sign sin cos tan asin acos atan atan2
//   sinh cosh tanh asinh acosh atanh (arctan = atan) min max floor ceil int nint limit if sqr
//   u u2 uramp pwl; any other name(...) is a user function (.func), found through the context
//   Monte Carlo (HSPICE, also ngspice): agauss(nom, avar, sigma[, mult]) = nom + avar/sigma·g,
//   gauss(nom, rvar, sigma[, mult]) = nom·(1 + rvar/sigma·g), aunif(nom, avar[, mult]) =
//   nom + avar·u, unif(nom, rvar[, mult]) = nom·(1 + rvar·u), limit(nom, avar) = nom ± avar
//   (g standard normal, u uniform on [-1, 1)); with mult, the largest of mult deviations.
//   They draw from the context (EvalContext::random) and return nom outside a Monte Carlo run.
//   pow(x,y) = x^y, using only the integer part of y when x < 0 (HSPICE); pwr(x,y) = sgn(x)|x|^y;
//   sign(x,y) = |x|·sgn(y); limit(x,lo,hi) clamps; int truncates toward zero.
//   v(a), v(a,b) and i(vname) refer to the circuit (behavioural sources); time, temper, hertz are
//   the simulator's variables; pi is 3.14159... unless a parameter of that name exists.
// An expression is stored once as a small tree in an arena and evaluated against a context.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "netlist/diagnostics.hpp"

namespace xb::netlist {

enum class ExprOp : uint8_t {
  constant,
  param,
  voltage,
  current,
  sim_var,
  neg,
  logical_not,
  add,
  sub,
  mul,
  div,
  mod,
  pow,
  lt,
  le,
  gt,
  ge,
  eq,
  ne,
  logical_and,
  logical_or,
  ternary,
  call,
  user_call,  // a .func: name and arguments (a, b as for call), resolved through the context
};

enum class ExprFunc : uint8_t {
  sqrt,
  exp,
  log,
  log10,
  ln,
  pow,
  pwr,
  abs,
  sgn,
  sign,
  sin,
  cos,
  tan,
  asin,
  acos,
  atan,
  atan2,
  sinh,
  cosh,
  tanh,
  min,
  max,
  floor,
  ceil,
  int_,
  limit,
  if_,
  pwl,  // pwl(x, x1, y1, x2, y2, ...): ngspice's B-source table, linear beyond the ends
  asinh,
  acosh,
  atanh,
  nint,   // nearest integer, halves to even (ngspice)
  sqr,    // x²
  u,      // unit step: 0 below 0, 1 above, 0.5 at 0 (ngspice)
  u2,     // 0 below 0, x between, 1 above 1
  uramp,  // max(x, 0)
  agauss,
  gauss,
  aunif,
  unif,
  random_limit,  // limit(nom, avar): two arguments
};

// Whether f draws random numbers (the Monte Carlo functions).
bool is_random(ExprFunc f);

enum class Deviate : uint8_t { gaussian, uniform };

enum class SimVar : uint8_t { time, temper, hertz };

struct ExprNode {
  ExprOp op = ExprOp::constant;
  ExprFunc func = ExprFunc::sqrt;  // for call
  SimVar var = SimVar::time;       // for sim_var
  uint32_t a = 0, b = 0, c = 0;    // operands (node indices), or first arg / arg count for call
  double value = 0;                // for constant
  uint32_t name = 0, name2 = 0;    // indices into names: param, voltage node(s), current source
  bool has_second_node = false;
};

class Expression;

// A function defined by `.func name(a, b) expression`: its parameters name the arguments'
// values in the body.
struct UserFunction {
  std::vector<std::string> params;
  std::shared_ptr<const Expression> body;
};

// Answers what an expression refers to. Unknown names return nullopt and evaluation fails with a
// message naming them.
class EvalContext {
 public:
  virtual ~EvalContext() = default;
  virtual const UserFunction* function(std::string_view) const { return nullptr; }
  virtual std::optional<double> param(std::string_view name) const = 0;
  virtual std::optional<double> voltage(std::string_view, std::string_view) const { return {}; }
  virtual std::optional<double> current(std::string_view) const { return {}; }
  virtual std::optional<double> sim_var(SimVar) const { return {}; }
  // A standard deviate (normal, or uniform on [-1, 1)) for the Monte Carlo functions; nullopt
  // outside a Monte Carlo sample, where they return their nominal value (HSPICE).
  virtual std::optional<double> random(Deviate) const { return {}; }
};

struct EvalResult {
  double value = 0;
  std::string error;  // empty on success
  bool ok() const { return error.empty(); }
};

// The segment of pwl(x, x1, y1, ...) (n values in `x`, x[0] the argument) that ngspice uses:
// the last one starting at or below the argument, the first one below the table, so values
// beyond the ends follow the end segments. value = (1 - weight)·y_i + weight·y_(i+1).
struct PwlSegment {
  size_t i = 0;  // segment from point i to point i + 1
  double weight = 0, slope = 0;
};
PwlSegment pwl_segment(const double* x, size_t n);

class Expression;
using ExprPtr = std::shared_ptr<const Expression>;

class Expression {
 public:
  // Deepest nesting accepted; deeper input is reported, not recursed into (stack safety).
  static constexpr int kMaxDepth = 500;

  // Parses `text`; `loc` is where the text starts in the deck (for error columns). Returns null
  // and reports to `diag` on error.
  static ExprPtr parse(std::string_view text, SourceLoc loc, Diagnostics& diag);
  static ExprPtr constant(double v);

  const std::string& text() const { return text_; }
  EvalResult evaluate(const EvalContext& context) const;
  bool is_constant() const { return nodes_[root_].op == ExprOp::constant; }
  // Names of parameters the expression reads (lower case), for dependency analysis.
  std::vector<std::string> parameter_names() const;
  bool refers_to_circuit() const;  // uses v(), i() or a simulator variable

  // Copy in which each parameter is replaced by its value from `context` and node / source
  // names are renamed (subcircuit flattening). Monte Carlo functions are drawn once here, from
  // `context`, and stand as constants (a behavioural source does not redraw at each step); their
  // arguments must not read the circuit. On an error (an unknown parameter) returns null and
  // sets `error`.
  struct Renamer {
    virtual ~Renamer() = default;
    virtual std::string node(std::string_view local) const = 0;
    virtual std::string element(std::string_view local) const = 0;
  };
  ExprPtr bind(const EvalContext& params, const Renamer& renamer, std::string& error) const;

  const std::vector<ExprNode>& nodes() const { return nodes_; }
  // Argument node indices of a call node.
  std::vector<uint32_t> call_args(const ExprNode& call) const {
    return {args_.begin() + call.a, args_.begin() + call.a + call.b};
  }
  const std::vector<std::string>& names() const { return names_; }
  const std::vector<uint32_t>& args() const { return args_; }
  uint32_t root() const { return root_; }

 private:
  friend class ExprParser;
  EvalResult eval_node(uint32_t index, const EvalContext& context) const;
  EvalResult call_user(const ExprNode& call, const EvalContext& context) const;
  EvalResult draw(const ExprNode& call, const double* x, const EvalContext& context) const;
  bool fold_random_calls(const EvalContext& context, std::string& error);
  bool inline_call(uint32_t at, const UserFunction& f, std::string& error);
  void reorder();
  std::string text_;
  std::vector<ExprNode> nodes_;
  std::vector<uint32_t>
      args_;  // call arguments: node indices, referenced by (a = first, b = count)
  std::vector<std::string> names_;
  uint32_t root_ = 0;
};

const char* function_name(ExprFunc f);

}  // namespace xb::netlist
