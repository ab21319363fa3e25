#include "frontends/control/vector_expression.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <numeric>

#include "netlist/lexer.hpp"
#include "netlist/number.hpp"

namespace xb::control {
namespace {

struct Node {
  enum class Kind { number, name, call, unary, binary, index, ternary } kind;
  double number = 0;
  std::string text;  // name, function or operator
  size_t column = 0;
  std::vector<std::unique_ptr<Node>> args;
};
using NodePtr = std::unique_ptr<Node>;

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '#' || c == '.' ||
         c == ':' || c == '@' || c == '$';
}

// Binary operators by precedence, loosest first; words are written with blanks around.
const std::vector<std::vector<std::string>> kLevels = {
    {"|", "or"},
    {"&", "and"},
    {"<=", ">=", "<>", "><", "!=", "==", "<", ">", "=", "le", "ge", "ne", "eq", "lt", "gt"},
    {"+", "-"},
    {"*", "/", "%"},
};

class Parser {
 public:
  explicit Parser(std::string_view text) : t_(text) {}

  // c ? a : b, the loosest of all (right-associative).
  NodePtr expression() {
    NodePtr condition = binary(0);
    skip_blanks();
    if (p_ >= t_.size() || t_[p_] != '?') return condition;
    const size_t column = p_++;
    auto n = std::make_unique<Node>(Node{Node::Kind::ternary, 0, "?", column, {}});
    n->args.push_back(std::move(condition));
    n->args.push_back(expression());
    skip_blanks();
    if (p_ >= t_.size() || t_[p_] != ':') fail("expected ':' of 'c ? a : b'");
    ++p_;
    n->args.push_back(expression());
    return n;
  }
  void skip_blanks() {
    while (p_ < t_.size() && std::isspace(static_cast<unsigned char>(t_[p_]))) ++p_;
  }
  bool at_end() {
    skip_blanks();
    return p_ >= t_.size();
  }
  size_t position() const { return p_; }
  [[noreturn]] void fail(const std::string& message) const { throw ExpressionError(message, p_); }

 private:
  // The operator of `level` at the cursor (a word operator must end there), or "".
  std::string operator_at(size_t level) {
    skip_blanks();
    for (const std::string& op : kLevels[level]) {
      if (t_.compare(p_, op.size(), op) != 0 && !netlist::iequals(t_.substr(p_, op.size()), op))
        continue;
      const bool word = std::isalpha(static_cast<unsigned char>(op[0]));
      if (word && p_ + op.size() < t_.size() && is_name_char(t_[p_ + op.size()])) continue;
      return op;
    }
    return "";
  }

  NodePtr binary(size_t level) {
    if (level == kLevels.size()) return unary();
    NodePtr left = binary(level + 1);
    for (;;) {
      const std::string op = operator_at(level);
      if (op.empty()) return left;
      const size_t column = p_;
      p_ += op.size();
      auto n = std::make_unique<Node>(Node{Node::Kind::binary, 0, op, column, {}});
      n->args.push_back(std::move(left));
      n->args.push_back(binary(level + 1));
      left = std::move(n);
    }
  }

  // ^ binds tighter than a sign: -2^2 is -4, as in ngspice; 2^-1 is 0.5.
  NodePtr power() {
    NodePtr base = postfix(primary());
    skip_blanks();
    if (p_ < t_.size() && t_[p_] == '^') {
      const size_t column = p_++;
      auto n = std::make_unique<Node>(Node{Node::Kind::binary, 0, "^", column, {}});
      n->args.push_back(std::move(base));
      n->args.push_back(unary());  // right-associative
      return n;
    }
    return base;
  }

  NodePtr unary() {
    skip_blanks();
    const size_t column = p_;
    if (p_ < t_.size() && (t_[p_] == '-' || t_[p_] == '+' || t_[p_] == '!' || t_[p_] == '~')) {
      const std::string op(1, t_[p_] == '~' ? '!' : t_[p_]);
      ++p_;
      auto n = std::make_unique<Node>(Node{Node::Kind::unary, 0, op, column, {}});
      n->args.push_back(unary());
      return n;
    }
    if (netlist::iequals(t_.substr(p_, 3), "not") &&
        (p_ + 3 >= t_.size() || !is_name_char(t_[p_ + 3]))) {
      p_ += 3;
      auto n = std::make_unique<Node>(Node{Node::Kind::unary, 0, "!", column, {}});
      n->args.push_back(unary());
      return n;
    }
    return power();
  }

  NodePtr postfix(NodePtr n) {
    while (p_ < t_.size() && t_[p_] == '[') {
      const size_t column = p_++;
      auto idx = std::make_unique<Node>(Node{Node::Kind::index, 0, "[", column, {}});
      idx->args.push_back(std::move(n));
      idx->args.push_back(expression());
      skip_blanks();
      if (p_ >= t_.size() || t_[p_] != ']') fail("expected ']'");
      ++p_;
      n = std::move(idx);
    }
    return n;
  }

  NodePtr primary() {
    skip_blanks();
    if (p_ >= t_.size()) fail("expected a value");
    const size_t column = p_;
    const char c = t_[p_];
    if (c == '(') {
      ++p_;
      NodePtr inner = expression();
      skip_blanks();
      if (p_ >= t_.size() || t_[p_] != ')') fail("expected ')'");
      ++p_;
      return inner;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && p_ + 1 < t_.size() && std::isdigit(static_cast<unsigned char>(t_[p_ + 1])))) {
      const size_t len = netlist::number_length(t_.substr(p_));
      const std::optional<double> v = netlist::parse_number(t_.substr(p_, len));
      if (len == 0 || !v) fail("bad number");
      p_ += len;
      return std::make_unique<Node>(Node{Node::Kind::number, *v, "", column, {}});
    }
    if (c == '"') {  // a quoted vector name: "zero(1)"
      const size_t close = t_.find('"', p_ + 1);
      if (close == std::string_view::npos) fail("unterminated '\"'");
      std::string name = netlist::to_lower(t_.substr(p_ + 1, close - p_ - 1));
      p_ = close + 1;
      return std::make_unique<Node>(Node{Node::Kind::name, 0, std::move(name), column, {}});
    }
    if (!is_name_char(c)) fail(std::string("unexpected '") + c + "'");
    size_t end = p_;
    while (end < t_.size() && is_name_char(t_[end])) ++end;
    if (c == '@' && end < t_.size() && t_[end] == '[') {  // @device[param], one name
      const size_t close = t_.find(']', end);
      if (close == std::string_view::npos) fail("expected ']' of @device[param]");
      end = close + 1;
    }
    std::string name = netlist::to_lower(t_.substr(p_, end - p_));
    p_ = end;
    if (p_ < t_.size() && t_[p_] == '(') return call(std::move(name), column);
    return std::make_unique<Node>(Node{Node::Kind::name, 0, std::move(name), column, {}});
  }

  // v(a), v(a,b), i(x): node and element names as written; any other name(...) a function.
  NodePtr call(std::string name, size_t column) {
    ++p_;  // '('
    auto n = std::make_unique<Node>(Node{Node::Kind::call, 0, name, column, {}});
    // "op1.v(out)": v() or i() of another plot; the prefix goes with each name looked up.
    std::string_view base = name;
    if (const size_t dot = name.rfind('.'); dot != std::string::npos)
      base = std::string_view(name).substr(dot + 1);
    if (base == "v" || base == "i") {
      const size_t close = t_.find(')', p_);
      if (close == std::string_view::npos) fail("expected ')'");
      std::string_view inside = t_.substr(p_, close - p_);
      for (size_t start = 0; start <= inside.size();) {
        size_t comma = inside.find(',', start);
        if (comma == std::string_view::npos) comma = inside.size();
        std::string_view part = inside.substr(start, comma - start);
        while (!part.empty() && std::isspace(static_cast<unsigned char>(part.front())))
          part.remove_prefix(1);
        while (!part.empty() && std::isspace(static_cast<unsigned char>(part.back())))
          part.remove_suffix(1);
        if (part.empty()) fail("empty name in " + name + "()");
        n->args.push_back(std::make_unique<Node>(
            Node{Node::Kind::name, 0, netlist::to_lower(part), p_ + start, {}}));
        start = comma + 1;
      }
      p_ = close + 1;
      return n;
    }
    skip_blanks();
    if (p_ < t_.size() && t_[p_] == ')') {
      ++p_;
      return n;
    }
    for (;;) {
      n->args.push_back(expression());
      skip_blanks();
      if (p_ < t_.size() && t_[p_] == ',') {
        ++p_;
        continue;
      }
      if (p_ >= t_.size() || t_[p_] != ')') fail("expected ')' after the arguments of " + name);
      ++p_;
      return n;
    }
  }

  std::string_view t_;
  size_t p_ = 0;
};

// ---- evaluation ---------------------------------------------------------------------------

// The length of an elementwise result: a length-1 operand broadcasts, else the shorter wins.
size_t common_length(const Vector& a, const Vector& b) {
  if (a.empty() || b.empty()) return 0;
  return a.size() == 1 ? b.size() : b.size() == 1 ? a.size() : std::min(a.size(), b.size());
}

// f applied to each element: complex when `complex` is set, else on the real parts.
template <class F>
Vector each(const Vector& v, bool complex, F f) {
  Vector out;
  for (size_t k = 0; k < v.size(); ++k) {
    const Complex z = f(v.at(k));
    out.set(k, complex ? z : Complex(z.real(), 0.0));
  }
  if (!complex || !v.is_complex()) return Vector(out.real());
  return out.as_complex();
}

double real_op(const std::string& op, double a, double b) {
  if (op == "%") return std::fmod(a, b);
  if (op == "|" || op == "or") return (a != 0 || b != 0) ? 1 : 0;
  if (op == "&" || op == "and") return (a != 0 && b != 0) ? 1 : 0;
  if (op == "<" || op == "lt") return a < b;
  if (op == ">" || op == "gt") return a > b;
  if (op == "<=" || op == "le") return a <= b;
  if (op == ">=" || op == "ge") return a >= b;
  if (op == "<>" || op == "><" || op == "!=" || op == "ne") return a != b;
  return a == b;  // = == eq
}

// + - * / ^ on complex values (real ones have zero imaginary parts); the rest on real parts.
bool arithmetic(const std::string& op) {
  return op == "+" || op == "-" || op == "*" || op == "/" || op == "^";
}

Complex complex_op(const std::string& op, Complex a, Complex b) {
  if (op == "+") return a + b;
  if (op == "-") return a - b;
  if (op == "*") return a * b;
  if (op == "/") return a / b;
  if (b.imag() == 0 && a.imag() == 0) return std::pow(a.real(), b.real());
  return std::pow(a, b);
}

class Evaluator {
 public:
  Evaluator(const VectorLookup& lookup, const ScaleLookup& scale, const FunctionLookup& functions)
      : lookup_(lookup), scale_(scale), functions_(functions) {}

  Vector eval(const Node& n) {
    switch (n.kind) {
      case Node::Kind::number:
        return {n.number};
      case Node::Kind::name:
        return named(n);
      case Node::Kind::unary: {
        const Vector v = eval(*n.args[0]);
        if (n.text == "-") return each(v, true, [](Complex z) { return -z; });
        if (n.text == "!") return each(v, false, [](Complex z) { return Complex(z.real() == 0); });
        return v;
      }
      case Node::Kind::binary:
        return binary(n);
      case Node::Kind::index: {
        const Vector v = eval(*n.args[0]), i = eval(*n.args[1]);
        if (i.size() != 1) throw ExpressionError("an index must be one number", n.column);
        const double k = std::round(i[0]);
        if (k < 0 || k >= static_cast<double>(v.size()))
          throw ExpressionError("index " + std::to_string(static_cast<long>(k)) +
                                    " out of range (the vector has " + std::to_string(v.size()) +
                                    " values)",
                                n.column);
        Vector out;
        out.set(0, v.at(static_cast<size_t>(k)));
        return v.is_complex() ? out.as_complex() : Vector{v[static_cast<size_t>(k)]};
      }
      case Node::Kind::call:
        return call(n);
      case Node::Kind::ternary: {
        const Vector c = eval(*n.args[0]);
        const bool yes = std::any_of(c.begin(), c.end(), [](double x) { return x != 0; });
        return eval(*n.args[yes ? 1 : 2]);
      }
    }
    return {};
  }

 private:
  Vector binary(const Node& n) {
    const Vector a = eval(*n.args[0]), b = eval(*n.args[1]);
    const size_t len = common_length(a, b);
    const bool complex = arithmetic(n.text) && (a.is_complex() || b.is_complex());
    Vector out;
    for (size_t k = 0; k < len; ++k) {
      const Complex x = a.at(a.size() == 1 ? 0 : k), y = b.at(b.size() == 1 ? 0 : k);
      if ((n.text == "/" || n.text == "%") && y == Complex(0))  // ngspice refuses it too
        throw ExpressionError("division by zero (at index " + std::to_string(k) + ")", n.column);
      out.set(k, arithmetic(n.text) ? complex_op(n.text, x, y)
                                    : Complex(real_op(n.text, x.real(), y.real())));
    }
    return complex ? out.as_complex() : Vector(out.real());
  }

  Vector find(const std::string& name, size_t column) {
    if (std::optional<Vector> v = lookup_(name)) return *v;
    throw ExpressionError("no vector '" + name + "'", column);
  }

  Vector named(const Node& n) {
    const std::string& name = n.text;
    if (std::optional<Vector> v = lookup_(name)) return *v;
    if (name == "pi") return {M_PI};
    if (name == "e") return {M_E};
    if (name == "boltz") return {1.380649e-23};
    if (name == "echarge") return {1.602176634e-19};
    if (name == "yes" || name == "true") return {1};
    if (name == "no" || name == "false") return {0};
    throw ExpressionError("no vector '" + name + "'", n.column);
  }

  Vector call(const Node& n) {
    const std::string& f = n.text;
    const size_t dot = f.rfind('.');
    const std::string base = dot == std::string::npos ? f : f.substr(dot + 1);
    const std::string plot = dot == std::string::npos ? "" : f.substr(0, dot + 1);
    if (base == "v" || base == "i") {
      if (base == "i" && n.args.size() != 1)
        throw ExpressionError("i() takes one element name", n.column);
      if (n.args.size() > 2) throw ExpressionError("v() takes one or two nodes", n.column);
      auto node = [&](const Node& a) -> Vector {
        if (a.text == "0" || a.text == "gnd") return {0.0};
        return find(plot + base + "(" + a.text + ")", a.column);
      };
      const Vector a = node(*n.args[0]);
      if (n.args.size() == 1) return a;
      return difference(a, node(*n.args[1]));
    }
    if (f == "vector" || f == "unitvec") {
      const Vector len = one_arg(n);
      if (len.empty() || len[0] < 0 || len[0] > 1e8)
        throw ExpressionError(f + "() needs a length", n.column);
      std::vector<double> out(static_cast<size_t>(len[0]));
      if (f == "vector")
        std::iota(out.begin(), out.end(), 0.0);
      else
        std::fill(out.begin(), out.end(), 1.0);
      return Vector(out);
    }
    if (const UserFunction* user = functions_ ? functions_(f) : nullptr) return defined(*user, n);
    const Vector v = one_arg(n);
    if (f == "length") return {static_cast<double>(v.size())};
    if (f == "mean" || f == "avg" || f == "sum") {
      if (v.empty()) throw ExpressionError(f + "() of an empty vector", n.column);
      Complex s = 0;
      for (size_t k = 0; k < v.size(); ++k) s += v.at(k);
      if (f != "sum") s /= static_cast<double>(v.size());
      Vector out;
      out.set(0, s);
      return v.is_complex() ? out.as_complex() : Vector{s.real()};
    }
    if (f == "vecmax" || f == "vecmin") {
      if (v.empty()) throw ExpressionError(f + "() of an empty vector", n.column);
      std::vector<double> m;
      for (size_t k = 0; k < v.size(); ++k) m.push_back(v.is_complex() ? std::abs(v.at(k)) : v[k]);
      return {f == "vecmax" ? *std::max_element(m.begin(), m.end())
                            : *std::min_element(m.begin(), m.end())};
    }
    if (f == "deriv" || f == "integ") return calculus(f, v, n.column);
    if (f == "cph") return continuous_phase(v);
    return elementwise(f, v, n.column);
  }

  static Vector difference(const Vector& a, const Vector& b) {
    Vector out;
    const size_t len = common_length(a, b);
    for (size_t k = 0; k < len; ++k)
      out.set(k, a.at(a.size() == 1 ? 0 : k) - b.at(b.size() == 1 ? 0 : k));
    return a.is_complex() || b.is_complex() ? out.as_complex() : Vector(out.real());
  }

  static Vector elementwise(const std::string& f, const Vector& v, size_t column) {
    using Fn = Complex (*)(Complex);
    // Complex-valued: the result keeps the argument's kind.
    static const std::vector<std::pair<std::string, Fn>> kComplex = {
        {"sqrt",
         [](Complex z) {
           return z.imag() == 0 && z.real() >= 0 ? Complex(std::sqrt(z.real())) : std::sqrt(z);
         }},
        {"exp", [](Complex z) { return std::exp(z); }},
        {"ln",
         [](Complex z) {
           return z.imag() == 0 && z.real() > 0 ? Complex(std::log(z.real())) : std::log(z);
         }},
        {"log",
         [](Complex z) {
           return z.imag() == 0 && z.real() > 0 ? Complex(std::log(z.real())) : std::log(z);
         }},
        {"log10",
         [](Complex z) {
           return z.imag() == 0 && z.real() > 0 ? Complex(std::log10(z.real())) : std::log10(z);
         }},
        {"sin", [](Complex z) { return std::sin(z); }},
        {"cos", [](Complex z) { return std::cos(z); }},
        {"tan", [](Complex z) { return std::tan(z); }},
        {"asin",
         [](Complex z) { return z.imag() == 0 ? Complex(std::asin(z.real())) : std::asin(z); }},
        {"acos",
         [](Complex z) { return z.imag() == 0 ? Complex(std::acos(z.real())) : std::acos(z); }},
        {"atan",
         [](Complex z) { return z.imag() == 0 ? Complex(std::atan(z.real())) : std::atan(z); }},
        {"sinh", [](Complex z) { return std::sinh(z); }},
        {"cosh", [](Complex z) { return std::cosh(z); }},
        {"tanh", [](Complex z) { return std::tanh(z); }},
    };
    for (const auto& [name, fn] : kComplex)
      if (name == f) return each(v, true, fn);
    if (f == "j") {  // times the imaginary unit: always complex
      Vector out;
      for (size_t k = 0; k < v.size(); ++k) out.set(k, v.at(k) * Complex(0, 1));
      return out.as_complex();
    }
    // Real-valued.
    static const std::vector<std::pair<std::string, Fn>> kReal = {
        {"abs", [](Complex z) { return Complex(std::abs(z)); }},
        {"mag", [](Complex z) { return Complex(std::abs(z)); }},
        {"magnitude", [](Complex z) { return Complex(std::abs(z)); }},
        {"db", [](Complex z) { return Complex(20 * std::log10(std::abs(z))); }},
        {"ph", [](Complex z) { return Complex(std::arg(z)); }},
        {"phase", [](Complex z) { return Complex(std::arg(z)); }},
        {"real", [](Complex z) { return Complex(z.real()); }},
        {"re", [](Complex z) { return Complex(z.real()); }},
        {"imag", [](Complex z) { return Complex(z.imag()); }},
        {"im", [](Complex z) { return Complex(z.imag()); }},
        {"floor", [](Complex z) { return Complex(std::floor(z.real())); }},
        {"ceil", [](Complex z) { return Complex(std::ceil(z.real())); }},
        {"nint", [](Complex z) { return Complex(std::nearbyint(z.real())); }},
        {"sgn", [](Complex z) { return Complex(z.real() > 0   ? 1.0
                                               : z.real() < 0 ? -1.0
                                                              : 0.0); }},
        {"pos", [](Complex z) { return Complex(z.real() > 0 ? 1.0 : 0.0); }},
    };
    for (const auto& [name, fn] : kReal)
      if (name == f) return each(v, false, fn);
    throw ExpressionError("unknown function '" + f + "'", column);
  }

  // The phase, unwrapped: no jump of more than π between neighbours.
  static Vector continuous_phase(const Vector& v) {
    std::vector<double> out;
    double offset = 0;
    for (size_t k = 0; k < v.size(); ++k) {
      const double p = std::arg(v.at(k));
      if (k > 0) {
        const double prev = out.back() - offset;
        if (p - prev > M_PI) offset -= 2 * M_PI;
        if (prev - p > M_PI) offset += 2 * M_PI;
      }
      out.push_back(p + offset);
    }
    return Vector(out);
  }

  // The body of a `define`d function, its parameters bound to the arguments' values (which
  // hide vectors of the same name).
  Vector defined(const UserFunction& user, const Node& n) {
    if (user.params.size() != n.args.size())
      throw ExpressionError(
          n.text + "() takes " + std::to_string(user.params.size()) + " argument(s)", n.column);
    static thread_local int depth = 0;  // of nested calls, over every Evaluator
    if (depth >= 100) throw ExpressionError(n.text + "() calls itself without end", n.column);
    ++depth;
    struct Leave {
      ~Leave() { --depth; }
    } leave;
    std::vector<std::pair<std::string, Vector>> bound;
    for (size_t k = 0; k < n.args.size(); ++k) bound.emplace_back(user.params[k], eval(*n.args[k]));
    const VectorLookup inner = [&](std::string_view name) -> std::optional<Vector> {
      for (const auto& [param, value] : bound)
        if (param == name) return value;
      return lookup_(name);
    };
    Parser p(user.body);
    NodePtr body = p.expression();
    if (!p.at_end()) throw ExpressionError("bad body of " + n.text + "()", n.column);
    return Evaluator(inner, scale_, functions_).eval(*body);
  }

  Vector one_arg(const Node& n) {
    if (n.args.size() != 1) throw ExpressionError(n.text + "() takes one argument", n.column);
    return eval(*n.args[0]);
  }

  // d v / d scale (central differences, one-sided at the ends) and the trapezoidal integral
  // from the first point, both against the current plot's (real) scale, complex values part by
  // part.
  Vector calculus(const std::string& f, const Vector& v, size_t column) {
    const Vector x = scale_ ? scale_() : Vector{};
    if (x.size() != v.size() || v.size() < 2)
      throw ExpressionError(f + "() needs a vector of the plot's scale length", column);
    Vector out;
    if (f == "integ") {
      Complex sum = 0;
      out.set(0, 0);
      for (size_t k = 1; k < v.size(); ++k) {
        sum += 0.5 * (v.at(k) + v.at(k - 1)) * (x[k] - x[k - 1]);
        out.set(k, sum);
      }
    } else {
      for (size_t k = 0; k < v.size(); ++k) {
        const size_t a = k == 0 ? 0 : k - 1, b = k + 1 == v.size() ? k : k + 1;
        out.set(k, (v.at(b) - v.at(a)) / (x[b] - x[a]));
      }
    }
    return v.is_complex() ? out.as_complex() : Vector(out.real());
  }

  const VectorLookup& lookup_;
  const ScaleLookup& scale_;
  const FunctionLookup& functions_;
};

}  // namespace

Vector Vector::of(const std::vector<Complex>& z) {
  Vector v;
  v.re_.reserve(z.size());
  v.im_.reserve(z.size());
  for (const Complex& x : z) v.re_.push_back(x.real()), v.im_.push_back(x.imag());
  return v;
}

void Vector::set(size_t k, Complex z) {
  const bool complex = z.imag() != 0 || is_complex();
  if (k >= re_.size()) re_.resize(k + 1, 0.0);
  if (complex && im_.size() < re_.size()) im_.resize(re_.size(), 0.0);
  re_[k] = z.real();
  if (complex) im_[k] = z.imag();
}

Vector Vector::as_complex() const {
  return Vector(re_, im_.empty() ? std::vector<double>(re_.size(), 0.0) : im_);
}

Vector evaluate(std::string_view text, const VectorLookup& lookup, const ScaleLookup& scale,
                const FunctionLookup& functions) {
  Parser p(text);
  NodePtr root = p.expression();
  if (!p.at_end()) p.fail("unexpected text after the expression");
  return Evaluator(lookup, scale, functions).eval(*root);
}

std::vector<ListedExpression> split_expressions(std::string_view text) {
  std::vector<ListedExpression> out;
  Parser p(text);
  while (!p.at_end()) {
    const size_t start = p.position();
    p.expression();
    std::string_view piece = text.substr(start, p.position() - start);
    while (!piece.empty() && std::isspace(static_cast<unsigned char>(piece.back())))
      piece.remove_suffix(1);
    out.push_back({std::string(piece), start});
  }
  return out;
}

}  // namespace xb::control
