#pragma once
// Expressions of ngspice's control language over vectors (`let`, `print`, `if`, `while`):
// numbers with SPICE suffixes, vector names (`v(out)`, `out`, `i(v1)`, `v1#branch`,
// `v(a,b)` = v(a) - v(b)), + - * / ^ and % elementwise (a length-1 operand broadcasts, else
// the shorter length wins, as ngspice does), comparisons (< > <= >= = <> >< and the words
// lt gt le ge eq ne) and & | ~ (and or not) giving 1 or 0, `c ? a : b`,
// indexing `x[2]` and functions: elementwise abs sqrt exp ln log log10 sin cos tan asin acos
// atan sinh cosh tanh floor ceil nint sgn db mag ph cph real imag j pos (log is natural, as in
// ngspice 39; ph in radians), and over a whole vector mean avg length vecmax vecmin sum vector
// unitvec deriv integ. Complex vectors (AC) take complex arithmetic; comparisons, logic and
// conditions read real parts; vecmax and vecmin the magnitude.

#include <complex>
#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace xb::control {

using Complex = std::complex<double>;

// A vector of the control language: real, or complex (an .ac's results and what is computed
// from them). Indexing reads the real part; at() the complex value.
class Vector {
 public:
  Vector() = default;
  Vector(std::initializer_list<double> values) : re_(values) {}
  explicit Vector(std::vector<double> re, std::vector<double> im = {})
      : re_(std::move(re)), im_(std::move(im)) {}
  static Vector of(const std::vector<Complex>& z);  // complex
  size_t size() const { return re_.size(); }
  bool empty() const { return re_.empty(); }
  bool is_complex() const { return !im_.empty(); }
  double operator[](size_t k) const { return re_[k]; }
  Complex at(size_t k) const { return {re_[k], im_.empty() ? 0.0 : im_[k]}; }
  const std::vector<double>& real() const { return re_; }
  const std::vector<double>& imag() const { return im_; }  // empty for a real vector
  // Element k set to z (the vector grows with zeros; a complex z makes it complex).
  void set(size_t k, Complex z);
  Vector as_complex() const;  // the same values, complex (imaginary parts 0 if it was real)
  std::vector<double>::const_iterator begin() const { return re_.begin(); }
  std::vector<double>::const_iterator end() const { return re_.end(); }
  bool operator==(const Vector& o) const { return re_ == o.re_ && im_ == o.im_; }

 private:
  std::vector<double> re_, im_;
};

// A bad expression: what is wrong and the column (0-based, in the text given) where.
class ExpressionError : public std::runtime_error {
 public:
  ExpressionError(const std::string& message, size_t column)
      : std::runtime_error(message), column(column) {}
  size_t column;
};

// Finds a vector by any of ngspice's names for it, lower case: "v(out)" or "out", "i(v1)" or
// "v1#branch", "op1.v(out)" in another plot, "@r1[r]" a device parameter; nullopt when there
// is none. The evaluator asks with "v(node)" and "i(element)" for v() and i().
using VectorLookup = std::function<std::optional<Vector>(std::string_view name)>;
// The scale (sweep or time vector) of the current plot, for deriv and integ; empty if none.
using ScaleLookup = std::function<Vector()>;

// A function made by `define name(a, b) body`: called, its parameters name the arguments'
// values inside the body.
struct UserFunction {
  std::vector<std::string> params;
  std::string body;
};
using FunctionLookup = std::function<const UserFunction*(std::string_view name)>;

// Evaluates one expression: the whole of `text`.
Vector evaluate(std::string_view text, const VectorLookup& lookup, const ScaleLookup& scale = {},
                const FunctionLookup& functions = {});

// The expressions of a `print` or `wrdata` list, split as ngspice does: an expression goes on
// across blanks while an operator joins it to the next term ("v(a) - v(b)" is one).
struct ListedExpression {
  std::string text;  // as written, blanks trimmed: the column's name
  size_t column = 0;
};
std::vector<ListedExpression> split_expressions(std::string_view text);

}  // namespace xb::control
