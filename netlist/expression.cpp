#include "netlist/expression.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>

#include "netlist/lexer.hpp"
#include "netlist/number.hpp"

namespace xb::netlist {
namespace {

struct FuncInfo {
  const char* name;
  ExprFunc func;
  uint8_t min_args, max_args;
};

constexpr FuncInfo kFunctions[] = {
    {"sqrt", ExprFunc::sqrt, 1, 1},   {"exp", ExprFunc::exp, 1, 1},
    {"log", ExprFunc::log, 1, 1},     {"log10", ExprFunc::log10, 1, 1},
    {"ln", ExprFunc::ln, 1, 1},       {"pow", ExprFunc::pow, 2, 2},
    {"pwr", ExprFunc::pwr, 2, 2},     {"abs", ExprFunc::abs, 1, 1},
    {"sgn", ExprFunc::sgn, 1, 1},     {"sign", ExprFunc::sign, 1, 2},
    {"sin", ExprFunc::sin, 1, 1},     {"cos", ExprFunc::cos, 1, 1},
    {"tan", ExprFunc::tan, 1, 1},     {"asin", ExprFunc::asin, 1, 1},
    {"acos", ExprFunc::acos, 1, 1},   {"atan", ExprFunc::atan, 1, 1},
    {"atan2", ExprFunc::atan2, 2, 2}, {"sinh", ExprFunc::sinh, 1, 1},
    {"cosh", ExprFunc::cosh, 1, 1},   {"tanh", ExprFunc::tanh, 1, 1},
    {"min", ExprFunc::min, 2, 255},   {"max", ExprFunc::max, 2, 255},
    {"floor", ExprFunc::floor, 1, 1}, {"ceil", ExprFunc::ceil, 1, 1},
    {"int", ExprFunc::int_, 1, 1},    {"limit", ExprFunc::limit, 2, 3},
    {"if", ExprFunc::if_, 3, 3},      {"pwl", ExprFunc::pwl, 3, 255},
    {"asinh", ExprFunc::asinh, 1, 1}, {"acosh", ExprFunc::acosh, 1, 1},
    {"atanh", ExprFunc::atanh, 1, 1}, {"arctan", ExprFunc::atan, 1, 1},
    {"nint", ExprFunc::nint, 1, 1},   {"sqr", ExprFunc::sqr, 1, 1},
    {"u", ExprFunc::u, 1, 1},         {"u2", ExprFunc::u2, 1, 1},
    {"uramp", ExprFunc::uramp, 1, 1}, {"agauss", ExprFunc::agauss, 3, 4},
    {"gauss", ExprFunc::gauss, 3, 4}, {"aunif", ExprFunc::aunif, 2, 3},
    {"unif", ExprFunc::unif, 2, 3},   {"limit", ExprFunc::random_limit, 2, 2},
};

const FuncInfo* find_function(std::string_view name) {
  for (const FuncInfo& f : kFunctions)
    if (name == f.name) return &f;
  return nullptr;
}

bool is_ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool is_ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '$';
}

}  // namespace

const char* function_name(ExprFunc f) {
  for (const FuncInfo& info : kFunctions)
    if (info.func == f) return info.name;
  return "?";
}

// Recursive-descent parser over the raw expression text.
class ExprParser {
 public:
  ExprParser(std::string_view text, SourceLoc loc, Diagnostics& diag, Expression& out)
      : t_(text), loc_(loc), diag_(diag), out_(out) {}

  bool run() {
    skip();
    if (pos_ >= t_.size()) return fail(pos_, "empty expression");
    uint32_t root = 0;
    if (!ternary(root)) return false;
    skip();
    if (pos_ < t_.size()) {
      if (t_[pos_] == ')') return fail(pos_, "unbalanced ')' in expression");
      return fail(pos_, "unexpected '" + std::string(1, t_[pos_]) + "' in expression");
    }
    out_.root_ = root;
    return true;
  }

 private:
  bool fail(size_t at, std::string message, const char* code = "expression") {
    if (!failed_) {
      SourceLoc l = loc_;
      if (l.col > 0) l.col += static_cast<uint32_t>(at);
      diag_.error(code, l, std::move(message));
    }
    failed_ = true;
    return false;
  }

  void skip() {
    while (pos_ < t_.size() && std::isspace(static_cast<unsigned char>(t_[pos_]))) ++pos_;
  }
  bool accept(std::string_view s) {
    skip();
    if (t_.substr(pos_, s.size()) == s) {
      pos_ += s.size();
      return true;
    }
    return false;
  }

  uint32_t add(ExprNode n) {
    out_.nodes_.push_back(n);
    return static_cast<uint32_t>(out_.nodes_.size() - 1);
  }
  uint32_t name_index(std::string name) {
    out_.names_.push_back(std::move(name));
    return static_cast<uint32_t>(out_.names_.size() - 1);
  }
  uint32_t binary(ExprOp op, uint32_t a, uint32_t b) {
    ExprNode n;
    n.op = op;
    n.a = a;
    n.b = b;
    return add(n);
  }

  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(d) { ++depth; }
    ~DepthGuard() { --depth; }
  };

  bool ternary(uint32_t& out) {
    DepthGuard guard(depth_);
    if (depth_ > Expression::kMaxDepth)
      return fail(
          pos_,
          "expression nested deeper than " + std::to_string(Expression::kMaxDepth) + " levels",
          "expression-depth");
    uint32_t cond = 0;
    if (!binary_level(0, cond)) return false;
    if (accept("?")) {
      uint32_t a = 0, b = 0;
      if (!ternary(a)) return false;
      if (!accept(":")) return fail(pos_, "expected ':' in conditional expression");
      if (!ternary(b)) return false;
      ExprNode n;
      n.op = ExprOp::ternary;
      n.a = cond;
      n.b = a;
      n.c = b;
      out = add(n);
      return true;
    }
    out = cond;
    return true;
  }

  // Binary operators by precedence level (0 lowest). Returns the operator at pos_ for `level`.
  bool match_op(int level, ExprOp& op) {
    skip();
    auto at = [&](std::string_view s) { return t_.substr(pos_, s.size()) == s; };
    switch (level) {
      case 0:
        if (at("||")) {
          pos_ += 2;
          op = ExprOp::logical_or;
          return true;
        }
        return false;
      case 1:
        if (at("&&")) {
          pos_ += 2;
          op = ExprOp::logical_and;
          return true;
        }
        return false;
      case 2:
        if (at("==")) {
          pos_ += 2;
          op = ExprOp::eq;
          return true;
        }
        if (at("!=")) {
          pos_ += 2;
          op = ExprOp::ne;
          return true;
        }
        if (at("=")) {
          pos_ += 1;
          op = ExprOp::eq;
          return true;
        }
        return false;
      case 3:
        if (at("<=")) {
          pos_ += 2;
          op = ExprOp::le;
          return true;
        }
        if (at(">=")) {
          pos_ += 2;
          op = ExprOp::ge;
          return true;
        }
        if (at("<")) {
          pos_ += 1;
          op = ExprOp::lt;
          return true;
        }
        if (at(">")) {
          pos_ += 1;
          op = ExprOp::gt;
          return true;
        }
        return false;
      case 4:
        if (at("+")) {
          pos_ += 1;
          op = ExprOp::add;
          return true;
        }
        if (at("-")) {
          pos_ += 1;
          op = ExprOp::sub;
          return true;
        }
        return false;
      case 5:
        if (at("**")) return false;  // power, handled below unary
        if (at("*")) {
          pos_ += 1;
          op = ExprOp::mul;
          return true;
        }
        if (at("/")) {
          pos_ += 1;
          op = ExprOp::div;
          return true;
        }
        if (at("%")) {
          pos_ += 1;
          op = ExprOp::mod;
          return true;
        }
        return false;
    }
    return false;
  }

  bool binary_level(int level, uint32_t& out) {
    if (level > 5) return unary(out);
    uint32_t lhs = 0;
    if (!binary_level(level + 1, lhs)) return false;
    ExprOp op;
    while (match_op(level, op)) {
      uint32_t rhs = 0;
      if (!binary_level(level + 1, rhs)) return false;
      lhs = binary(op, lhs, rhs);
    }
    out = lhs;
    return true;
  }

  bool unary(uint32_t& out) {
    skip();
    if (pos_ < t_.size() && (t_[pos_] == '-' || t_[pos_] == '+' || t_[pos_] == '!') &&
        !(t_[pos_] == '!' && pos_ + 1 < t_.size() && t_[pos_ + 1] == '=')) {
      char c = t_[pos_++];
      DepthGuard guard(depth_);
      if (depth_ > Expression::kMaxDepth)
        return fail(
            pos_,
            "expression nested deeper than " + std::to_string(Expression::kMaxDepth) + " levels",
            "expression-depth");
      uint32_t operand = 0;
      if (!unary(operand)) return false;
      if (c == '+') {
        out = operand;
        return true;
      }
      ExprNode n;
      n.op = c == '-' ? ExprOp::neg : ExprOp::logical_not;
      n.a = operand;
      out = add(n);
      return true;
    }
    return power(out);
  }

  bool power(uint32_t& out) {
    uint32_t base = 0;
    if (!primary(base)) return false;
    skip();
    if (accept("**") || accept("^")) {
      uint32_t exponent = 0;
      if (!unary(exponent)) return false;  // right-associative, allows 2**-1
      out = binary(ExprOp::pow, base, exponent);
      return true;
    }
    out = base;
    return true;
  }

  // Node or source name inside v(...) / i(...): anything up to ',' ')' or space.
  bool raw_name(std::string& name) {
    skip();
    size_t begin = pos_;
    while (pos_ < t_.size() && t_[pos_] != ',' && t_[pos_] != ')' &&
           !std::isspace(static_cast<unsigned char>(t_[pos_])))
      ++pos_;
    if (pos_ == begin) return fail(pos_, "expected a node or element name");
    name = to_lower(t_.substr(begin, pos_ - begin));
    return true;
  }

  bool primary(uint32_t& out) {
    skip();
    if (pos_ >= t_.size()) return fail(pos_, "expression ends where an operand is expected");
    char c = t_[pos_];
    if (c == '(') {
      size_t open = pos_++;
      if (!ternary(out)) return false;
      if (!accept(")"))
        return fail(open, "unbalanced '(' in expression: no matching ')'", "unterminated-paren");
      return true;
    }
    if (c == '{') {  // ngspice: {...} inside an expression groups as (...) does
      size_t open = pos_++;
      if (!ternary(out)) return false;
      if (!accept("}"))
        return fail(open, "unbalanced '{' in expression: no matching '}'", "unterminated-paren");
      return true;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && pos_ + 1 < t_.size() &&
         std::isdigit(static_cast<unsigned char>(t_[pos_ + 1])))) {
      size_t len = number_length(t_.substr(pos_));
      auto v = len ? parse_number(t_.substr(pos_, len)) : std::nullopt;
      if (!v) return fail(pos_, "malformed number in expression", "bad-number");
      ExprNode n;
      n.value = *v;
      out = add(n);
      pos_ += len;
      return true;
    }
    if (!is_ident_start(c))
      return fail(pos_, "unexpected '" + std::string(1, c) + "' in expression");
    size_t begin = pos_;
    while (pos_ < t_.size() && is_ident_char(t_[pos_])) ++pos_;
    std::string name = to_lower(t_.substr(begin, pos_ - begin));
    skip();
    bool call = pos_ < t_.size() && t_[pos_] == '(';
    if (call && (name == "v" || name == "i")) {
      ++pos_;
      ExprNode n;
      n.op = name == "v" ? ExprOp::voltage : ExprOp::current;
      std::string first;
      if (!raw_name(first)) return false;
      n.name = name_index(first);
      if (n.op == ExprOp::voltage && accept(",")) {
        std::string second;
        if (!raw_name(second)) return false;
        n.name2 = name_index(second);
        n.has_second_node = true;
      }
      if (!accept(")")) return fail(pos_, "expected ')' after " + name + "(...");
      out = add(n);
      return true;
    }
    if (call) {
      const FuncInfo* f = find_function(name);
      size_t open = pos_++;
      std::vector<uint32_t> args;
      skip();
      if (!accept(")")) {
        do {
          uint32_t arg = 0;
          if (!ternary(arg)) return false;
          args.push_back(arg);
        } while (accept(","));
        if (!accept(")"))
          return fail(open, "unbalanced '(' in call of " + name, "unterminated-paren");
      }
      if (!f) {  // a .func, checked where the expression is evaluated or bound
        ExprNode n;
        n.op = ExprOp::user_call;
        n.name = name_index(name);
        n.a = static_cast<uint32_t>(out_.args_.size());
        n.b = static_cast<uint32_t>(args.size());
        out_.args_.insert(out_.args_.end(), args.begin(), args.end());
        out = add(n);
        return true;
      }
      if (args.size() < f->min_args || args.size() > f->max_args)
        return fail(begin, "function '" + name + "' takes " + std::to_string(f->min_args) +
                               (f->max_args != f->min_args ? " or more" : "") +
                               " argument(s), got " + std::to_string(args.size()));
      if (f->func == ExprFunc::pwl && args.size() % 2 == 0)
        return fail(begin, "pwl takes x and then (x, y) pairs, got " + std::to_string(args.size()) +
                               " argument(s)");
      ExprNode n;
      n.op = ExprOp::call;
      n.func = f->func == ExprFunc::limit && args.size() == 2 ? ExprFunc::random_limit : f->func;
      n.a = static_cast<uint32_t>(out_.args_.size());
      n.b = static_cast<uint32_t>(args.size());
      out_.args_.insert(out_.args_.end(), args.begin(), args.end());
      out = add(n);
      return true;
    }
    ExprNode n;
    if (name == "time" || name == "temper" || name == "hertz") {
      n.op = ExprOp::sim_var;
      n.var = name == "time" ? SimVar::time : name == "temper" ? SimVar::temper : SimVar::hertz;
    } else {
      n.op = ExprOp::param;
      n.name = name_index(name);
    }
    out = add(n);
    return true;
  }

  std::string_view t_;
  SourceLoc loc_;
  Diagnostics& diag_;
  Expression& out_;
  size_t pos_ = 0;
  int depth_ = 0;
  bool failed_ = false;
};

ExprPtr Expression::parse(std::string_view text, SourceLoc loc, Diagnostics& diag) {
  auto e = std::make_shared<Expression>();
  e->text_ = std::string(text);
  ExprParser p(text, loc, diag, *e);
  if (!p.run()) return nullptr;
  return e;
}

ExprPtr Expression::constant(double v) {
  auto e = std::make_shared<Expression>();
  ExprNode n;
  n.value = v;
  e->nodes_.push_back(n);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  e->text_ = buf;
  return e;
}

PwlSegment pwl_segment(const double* x, size_t n) {
  const size_t pairs = (n - 1) / 2;  // points (x[1 + 2i], x[2 + 2i])
  PwlSegment s;
  if (pairs < 2) return s;  // one point: constant
  while (s.i + 2 < pairs && x[0] >= x[1 + 2 * (s.i + 1)]) ++s.i;
  const double x0 = x[1 + 2 * s.i], x1 = x[3 + 2 * s.i];
  s.weight = x1 != x0 ? (x[0] - x0) / (x1 - x0) : 0;
  s.slope = x1 != x0 ? (x[4 + 2 * s.i] - x[2 + 2 * s.i]) / (x1 - x0) : 0;
  return s;
}

namespace {

double apply(ExprFunc f, const double* x, size_t n) {
  switch (f) {
    case ExprFunc::sqrt:
      return std::sqrt(x[0]);
    case ExprFunc::exp:
      return std::exp(x[0]);
    case ExprFunc::log:
    case ExprFunc::ln:
      return std::log(x[0]);
    case ExprFunc::log10:
      return std::log10(x[0]);
    case ExprFunc::pow:
      return x[0] < 0 ? std::pow(x[0], std::trunc(x[1])) : std::pow(x[0], x[1]);
    case ExprFunc::pwr:
      return (x[0] < 0 ? -1.0 : 1.0) * std::pow(std::fabs(x[0]), x[1]);
    case ExprFunc::abs:
      return std::fabs(x[0]);
    case ExprFunc::sgn:
      return x[0] > 0 ? 1.0 : x[0] < 0 ? -1.0 : 0.0;
    case ExprFunc::sign:
      if (n == 1) return x[0] > 0 ? 1.0 : x[0] < 0 ? -1.0 : 0.0;
      return x[1] >= 0 ? std::fabs(x[0]) : -std::fabs(x[0]);
    case ExprFunc::sin:
      return std::sin(x[0]);
    case ExprFunc::cos:
      return std::cos(x[0]);
    case ExprFunc::tan:
      return std::tan(x[0]);
    case ExprFunc::asin:
      return std::asin(x[0]);
    case ExprFunc::acos:
      return std::acos(x[0]);
    case ExprFunc::atan:
      return std::atan(x[0]);
    case ExprFunc::atan2:
      return std::atan2(x[0], x[1]);
    case ExprFunc::sinh:
      return std::sinh(x[0]);
    case ExprFunc::cosh:
      return std::cosh(x[0]);
    case ExprFunc::tanh:
      return std::tanh(x[0]);
    case ExprFunc::min: {
      double m = x[0];
      for (size_t i = 1; i < n; ++i) m = std::min(m, x[i]);
      return m;
    }
    case ExprFunc::max: {
      double m = x[0];
      for (size_t i = 1; i < n; ++i) m = std::max(m, x[i]);
      return m;
    }
    case ExprFunc::floor:
      return std::floor(x[0]);
    case ExprFunc::ceil:
      return std::ceil(x[0]);
    case ExprFunc::int_:
      return std::trunc(x[0]);
    case ExprFunc::limit:
      return std::min(std::max(x[0], std::min(x[1], x[2])), std::max(x[1], x[2]));
    case ExprFunc::if_:
      return x[0] != 0 ? x[1] : x[2];
    case ExprFunc::pwl: {
      const PwlSegment s = pwl_segment(x, n);
      return n < 5 ? x[2] : (1 - s.weight) * x[2 + 2 * s.i] + s.weight * x[4 + 2 * s.i];
    }
    case ExprFunc::asinh:
      return std::asinh(x[0]);
    case ExprFunc::acosh:
      return std::acosh(x[0]);
    case ExprFunc::atanh:
      return std::atanh(x[0]);
    case ExprFunc::nint:
      return std::nearbyint(x[0]);
    case ExprFunc::sqr:
      return x[0] * x[0];
    case ExprFunc::u:
      return x[0] < 0 ? 0.0 : x[0] > 0 ? 1.0 : 0.5;
    case ExprFunc::u2:
      return x[0] <= 0 ? 0.0 : x[0] <= 1 ? x[0] : 1.0;
    case ExprFunc::uramp:
      return x[0] < 0 ? 0.0 : x[0];
    case ExprFunc::agauss:
    case ExprFunc::gauss:
    case ExprFunc::aunif:
    case ExprFunc::unif:
    case ExprFunc::random_limit:
      return x[0];  // nominal: Expression::draw handles these
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

EvalResult Expression::eval_node(uint32_t index, const EvalContext& ctx) const {
  const ExprNode& n = nodes_[index];
  auto two = [&](auto op) -> EvalResult {
    EvalResult a = eval_node(n.a, ctx);
    if (!a.ok()) return a;
    EvalResult b = eval_node(n.b, ctx);
    if (!b.ok()) return b;
    return EvalResult{op(a.value, b.value), {}};
  };
  switch (n.op) {
    case ExprOp::constant:
      return {n.value, {}};
    case ExprOp::param: {
      if (auto v = ctx.param(names_[n.name])) return {*v, {}};
      if (names_[n.name] == "pi") return {M_PI, {}};
      return {0, "undefined parameter '" + names_[n.name] + "'"};
    }
    case ExprOp::voltage: {
      std::string_view second = n.has_second_node ? std::string_view(names_[n.name2]) : "0";
      if (auto v = ctx.voltage(names_[n.name], second)) return {*v, {}};
      return {0, "v(" + names_[n.name] +
                     ") cannot be used here: only behavioural sources and "
                     "outputs read circuit values"};
    }
    case ExprOp::current: {
      if (auto v = ctx.current(names_[n.name])) return {*v, {}};
      return {0, "i(" + names_[n.name] +
                     ") cannot be used here: only behavioural sources and "
                     "outputs read circuit values"};
    }
    case ExprOp::sim_var: {
      if (auto v = ctx.sim_var(n.var)) return {*v, {}};
      if (n.var == SimVar::temper) return {27.0, {}};
      return {0, std::string(n.var == SimVar::time ? "time" : "hertz") +
                     " is only defined during a simulation"};
    }
    case ExprOp::neg: {
      EvalResult a = eval_node(n.a, ctx);
      a.value = -a.value;
      return a;
    }
    case ExprOp::logical_not: {
      EvalResult a = eval_node(n.a, ctx);
      a.value = a.value == 0 ? 1.0 : 0.0;
      return a;
    }
    case ExprOp::add:
      return two([](double a, double b) { return a + b; });
    case ExprOp::sub:
      return two([](double a, double b) { return a - b; });
    case ExprOp::mul:
      return two([](double a, double b) { return a * b; });
    case ExprOp::div:
      return two([](double a, double b) { return a / b; });
    case ExprOp::mod:
      return two([](double a, double b) { return std::fmod(a, b); });
    case ExprOp::pow:
      return two(
          [](double a, double b) { return a < 0 ? std::pow(a, std::trunc(b)) : std::pow(a, b); });
    case ExprOp::lt:
      return two([](double a, double b) { return a < b ? 1.0 : 0.0; });
    case ExprOp::le:
      return two([](double a, double b) { return a <= b ? 1.0 : 0.0; });
    case ExprOp::gt:
      return two([](double a, double b) { return a > b ? 1.0 : 0.0; });
    case ExprOp::ge:
      return two([](double a, double b) { return a >= b ? 1.0 : 0.0; });
    case ExprOp::eq:
      return two([](double a, double b) { return a == b ? 1.0 : 0.0; });
    case ExprOp::ne:
      return two([](double a, double b) { return a != b ? 1.0 : 0.0; });
    case ExprOp::logical_and:
      return two([](double a, double b) { return a != 0 && b != 0 ? 1.0 : 0.0; });
    case ExprOp::logical_or:
      return two([](double a, double b) { return a != 0 || b != 0 ? 1.0 : 0.0; });
    case ExprOp::ternary: {
      EvalResult c = eval_node(n.a, ctx);
      if (!c.ok()) return c;
      return eval_node(c.value != 0 ? n.b : n.c, ctx);
    }
    case ExprOp::call: {
      double x[256];
      for (uint32_t i = 0; i < n.b; ++i) {
        EvalResult r = eval_node(args_[n.a + i], ctx);
        if (!r.ok()) return r;
        x[i] = r.value;
      }
      if (is_random(n.func)) return draw(n, x, ctx);
      return {apply(n.func, x, n.b), {}};
    }
    case ExprOp::user_call:
      return call_user(n, ctx);
  }
  return {0, "internal: unknown expression node"};
}

bool is_random(ExprFunc f) {
  return f == ExprFunc::agauss || f == ExprFunc::gauss || f == ExprFunc::aunif ||
         f == ExprFunc::unif || f == ExprFunc::random_limit;
}

// x: the evaluated arguments of `call`, a Monte Carlo function.
EvalResult Expression::draw(const ExprNode& call, const double* x, const EvalContext& ctx) const {
  const ExprFunc f = call.func;
  const bool gaussian = f == ExprFunc::agauss || f == ExprFunc::gauss;
  const bool relative = f == ExprFunc::gauss || f == ExprFunc::unif;
  const double nominal = x[0];
  // The deviation per unit deviate.
  const double scale = (relative ? nominal * x[1] : x[1]) / (gaussian ? x[2] : 1.0);
  if (gaussian && x[2] == 0)
    return {0, std::string(function_name(f)) + "'s sigma (third argument) is 0"};
  const size_t mult_at = gaussian ? 3 : 2;
  const double mult = call.b > mult_at ? x[mult_at] : 1.0;
  if (!(mult >= 1) || mult > 1e6 || mult != std::floor(mult))
    return {0, std::string(function_name(f)) + "'s multiplier must be a whole number >= 1"};
  const Deviate kind = gaussian ? Deviate::gaussian : Deviate::uniform;
  double deviation = 0;  // HSPICE: of mult draws, the one farthest from the nominal
  for (double k = 0; k < mult; ++k) {
    const std::optional<double> d = ctx.random(kind);
    if (!d) return {nominal, {}};
    const double here = f == ExprFunc::random_limit ? (*d >= 0 ? 1.0 : -1.0) : *d;
    if (std::fabs(here) > std::fabs(deviation)) deviation = here;
  }
  return {nominal + scale * deviation, {}};
}

namespace {

// The context inside a .func body: its parameters are the call's arguments; everything else
// (other parameters, functions, the circuit) is the caller's.
class CallContext : public EvalContext {
 public:
  CallContext(const UserFunction& f, const std::vector<double>& args, const EvalContext& outer,
              int depth)
      : f_(f), args_(args), outer_(outer), depth_(depth) {}
  std::optional<double> param(std::string_view name) const override {
    for (size_t k = 0; k < f_.params.size(); ++k)
      if (f_.params[k] == name) return args_[k];
    return outer_.param(name);
  }
  const UserFunction* function(std::string_view name) const override {
    return outer_.function(name);
  }
  std::optional<double> voltage(std::string_view a, std::string_view b) const override {
    return outer_.voltage(a, b);
  }
  std::optional<double> current(std::string_view e) const override { return outer_.current(e); }
  std::optional<double> sim_var(SimVar v) const override { return outer_.sim_var(v); }
  std::optional<double> random(Deviate d) const override { return outer_.random(d); }
  int depth() const { return depth_; }

 private:
  const UserFunction& f_;
  const std::vector<double>& args_;
  const EvalContext& outer_;
  int depth_;
};

}  // namespace

EvalResult Expression::call_user(const ExprNode& n, const EvalContext& ctx) const {
  const std::string& name = names_[n.name];
  const UserFunction* f = ctx.function(name);
  if (!f) return {0, "unknown function '" + name + "'"};
  if (f->params.size() != n.b)
    return {0, "function '" + name + "' takes " + std::to_string(f->params.size()) +
                   " argument(s), got " + std::to_string(n.b)};
  const auto* nested = dynamic_cast<const CallContext*>(&ctx);
  const int depth = nested ? nested->depth() + 1 : 1;
  if (depth > 64) return {0, "function '" + name + "' calls itself without end"};
  std::vector<double> args;
  for (uint32_t i = 0; i < n.b; ++i) {
    EvalResult r = eval_node(args_[n.a + i], ctx);
    if (!r.ok()) return r;
    args.push_back(r.value);
  }
  return f->body->evaluate(CallContext(*f, args, ctx, depth));
}

EvalResult Expression::evaluate(const EvalContext& context) const {
  return eval_node(root_, context);
}

std::vector<std::string> Expression::parameter_names() const {
  std::vector<std::string> out;
  for (const ExprNode& n : nodes_)
    if (n.op == ExprOp::param) out.push_back(names_[n.name]);
  return out;
}

bool Expression::refers_to_circuit() const {
  for (const ExprNode& n : nodes_)
    if (n.op == ExprOp::voltage || n.op == ExprOp::current || n.op == ExprOp::sim_var) return true;
  return false;
}

namespace {

const char* op_text(ExprOp op) {
  switch (op) {
    case ExprOp::add:
      return "+";
    case ExprOp::sub:
      return "-";
    case ExprOp::mul:
      return "*";
    case ExprOp::div:
      return "/";
    case ExprOp::mod:
      return "%";
    case ExprOp::pow:
      return "**";
    case ExprOp::lt:
      return "<";
    case ExprOp::le:
      return "<=";
    case ExprOp::gt:
      return ">";
    case ExprOp::ge:
      return ">=";
    case ExprOp::eq:
      return "==";
    case ExprOp::ne:
      return "!=";
    case ExprOp::logical_and:
      return "&&";
    case ExprOp::logical_or:
      return "||";
    default:
      return "?";
  }
}

// Writes a tree back as text, fully parenthesised so the meaning never depends on precedence.
void unparse(const std::vector<ExprNode>& nodes, const std::vector<uint32_t>& args,
             const std::vector<std::string>& names, uint32_t i, std::string& out) {
  const ExprNode& n = nodes[i];
  char buf[32];
  switch (n.op) {
    case ExprOp::constant:
      std::snprintf(buf, sizeof buf, "%.17g", n.value);
      if (n.value < 0) out += "(";
      out += buf;
      if (n.value < 0) out += ")";
      return;
    case ExprOp::param:
      out += names[n.name];
      return;
    case ExprOp::voltage:
      out += "v(" + names[n.name];
      if (n.has_second_node) out += "," + names[n.name2];
      out += ")";
      return;
    case ExprOp::current:
      out += "i(" + names[n.name] + ")";
      return;
    case ExprOp::sim_var:
      out += n.var == SimVar::time ? "time" : n.var == SimVar::temper ? "temper" : "hertz";
      return;
    case ExprOp::neg:
    case ExprOp::logical_not:
      out += n.op == ExprOp::neg ? "-(" : "!(";
      unparse(nodes, args, names, n.a, out);
      out += ")";
      return;
    case ExprOp::ternary:
      out += "(";
      unparse(nodes, args, names, n.a, out);
      out += " ? ";
      unparse(nodes, args, names, n.b, out);
      out += " : ";
      unparse(nodes, args, names, n.c, out);
      out += ")";
      return;
    case ExprOp::user_call:
    case ExprOp::call:
      out += n.op == ExprOp::call ? std::string(function_name(n.func)) : names[n.name];
      out += "(";
      for (uint32_t k = 0; k < n.b; ++k) {
        if (k) out += ", ";
        unparse(nodes, args, names, args[n.a + k], out);
      }
      out += ")";
      return;
    default:
      out += "(";
      unparse(nodes, args, names, n.a, out);
      out += std::string(" ") + op_text(n.op) + " ";
      unparse(nodes, args, names, n.b, out);
      out += ")";
  }
}

}  // namespace

// Replaces node `at` (a user call) by a copy of the function's body whose parameters are the
// call's argument subtrees.
bool Expression::inline_call(uint32_t at, const UserFunction& f, std::string& error) {
  const ExprNode call = nodes_[at];
  if (f.params.size() != call.b) {
    error = "function '" + names_[call.name] + "' takes " + std::to_string(f.params.size()) +
            " argument(s), got " + std::to_string(call.b);
    return false;
  }
  const Expression& body = *f.body;
  const auto node_offset = static_cast<uint32_t>(nodes_.size());
  const auto arg_offset = static_cast<uint32_t>(args_.size());
  const auto name_offset = static_cast<uint32_t>(names_.size());
  names_.insert(names_.end(), body.names_.begin(), body.names_.end());
  for (uint32_t a : body.args_) args_.push_back(a + node_offset);
  for (ExprNode n : body.nodes_) {
    if (n.op == ExprOp::param) {
      const auto it = std::find(f.params.begin(), f.params.end(), body.names_[n.name]);
      if (it != f.params.end()) {  // the argument's subtree stands here
        nodes_.push_back(nodes_[args_[call.a + (it - f.params.begin())]]);
        continue;
      }
    }
    switch (n.op) {
      case ExprOp::constant:
      case ExprOp::sim_var:
        break;
      case ExprOp::param:
      case ExprOp::voltage:
      case ExprOp::current:
        n.name += name_offset, n.name2 += name_offset;
        break;
      case ExprOp::call:
      case ExprOp::user_call:
        n.a += arg_offset;
        n.name += name_offset;
        break;
      default:
        n.a += node_offset, n.b += node_offset, n.c += node_offset;
    }
    nodes_.push_back(n);
  }
  nodes_[at] = nodes_[node_offset + body.root_];
  return true;
}

// The arena again in post-order from the root, as the parser makes it (every node after its
// operands), which the evaluators rely on; nodes no longer reached are dropped.
void Expression::reorder() {
  std::vector<ExprNode> nodes;
  std::vector<uint32_t> args;
  std::vector<uint32_t> placed(nodes_.size(), UINT32_MAX);
  auto visit = [&](auto&& self, uint32_t k) -> uint32_t {
    if (placed[k] != UINT32_MAX) return placed[k];
    ExprNode n = nodes_[k];
    switch (n.op) {
      case ExprOp::constant:
      case ExprOp::param:
      case ExprOp::voltage:
      case ExprOp::current:
      case ExprOp::sim_var:
        break;
      case ExprOp::call:
      case ExprOp::user_call: {
        std::vector<uint32_t> mine;
        for (uint32_t i = 0; i < n.b; ++i) mine.push_back(self(self, args_[n.a + i]));
        n.a = static_cast<uint32_t>(args.size());
        args.insert(args.end(), mine.begin(), mine.end());
        break;
      }
      case ExprOp::neg:
      case ExprOp::logical_not:
        n.a = self(self, n.a);
        break;
      case ExprOp::ternary:
        n.a = self(self, n.a), n.b = self(self, n.b), n.c = self(self, n.c);
        break;
      default:
        n.a = self(self, n.a), n.b = self(self, n.b);
    }
    nodes.push_back(n);
    return placed[k] = static_cast<uint32_t>(nodes.size() - 1);
  };
  root_ = visit(visit, root_);
  nodes_ = std::move(nodes);
  args_ = std::move(args);
}

ExprPtr Expression::bind(const EvalContext& params, const Renamer& renamer,
                         std::string& error) const {
  auto e = std::make_shared<Expression>(*this);
  // User functions first, inlined until none is left (their bodies may call others).
  for (int round = 0;; ++round) {
    bool any = false;
    for (uint32_t k = 0; k < e->nodes_.size(); ++k) {
      if (e->nodes_[k].op != ExprOp::user_call) continue;
      const std::string name = e->names_[e->nodes_[k].name];
      const UserFunction* f = params.function(name);
      if (!f) return error = "unknown function '" + name + "'", nullptr;
      if (round > 64) return error = "function '" + name + "' calls itself without end", nullptr;
      if (!e->inline_call(k, *f, error)) return nullptr;
      any = true;
    }
    if (!any) break;
    e->reorder();
  }
  // Names as they stand before renaming (the inlined bodies' included): several nodes may
  // share a name, which must be renamed once.
  const std::vector<std::string> local = e->names_;
  for (ExprNode& n : e->nodes_) {
    if (n.op == ExprOp::param) {
      auto v = params.param(local[n.name]);
      if (!v && local[n.name] == "pi") v = M_PI;
      if (!v) {
        error = "undefined parameter '" + local[n.name] + "'";
        return nullptr;
      }
      n.op = ExprOp::constant;
      n.value = *v;
    } else if (n.op == ExprOp::voltage) {
      e->names_[n.name] = renamer.node(local[n.name]);
      if (n.has_second_node) e->names_[n.name2] = renamer.node(local[n.name2]);
    } else if (n.op == ExprOp::current) {
      e->names_[n.name] = renamer.element(local[n.name]);
    }
  }
  if (!e->fold_random_calls(params, error)) return nullptr;
  e->text_.clear();
  unparse(e->nodes_, e->args_, e->names_, e->root_, e->text_);
  return e;
}

// Each Monte Carlo call, its parameters already replaced by values, becomes the constant it
// draws. Nodes are in post-order: a call's arguments are folded before the call.
bool Expression::fold_random_calls(const EvalContext& context, std::string& error) {
  bool any = false;
  for (uint32_t k = 0; k < nodes_.size(); ++k) {
    const ExprNode n = nodes_[k];
    if (n.op != ExprOp::call || !is_random(n.func)) continue;
    EvalResult r = eval_node(k, context);  // the circuit is not there yet: no v(), i()
    if (!r.ok())
      return error = std::string("the arguments of ") + function_name(n.func) +
                     " must be fixed values: " + r.error,
             false;
    nodes_[k] = ExprNode{};
    nodes_[k].value = r.value;
    any = true;
  }
  if (any) reorder();
  return true;
}

}  // namespace xb::netlist
