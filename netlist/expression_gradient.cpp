#include "netlist/expression_gradient.hpp"

#include <algorithm>
#include <cmath>

namespace xb::netlist {

ExpressionGradient::ExpressionGradient(ExprPtr expression) : expr_(std::move(expression)) {
  const auto& nodes = expr_->nodes();
  const auto& names = expr_->names();
  ref_of_node_.assign(nodes.size(), -1);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const ExprNode& n = nodes[i];
    if (n.op != ExprOp::voltage && n.op != ExprOp::current) continue;
    CircuitRef r;
    r.kind = n.op == ExprOp::voltage ? CircuitRef::Kind::voltage : CircuitRef::Kind::current;
    r.a = names[n.name];
    r.b = n.op == ExprOp::voltage && n.has_second_node ? names[n.name2] : "0";
    auto it = std::find(refs_.begin(), refs_.end(), r);
    if (it == refs_.end()) it = refs_.insert(refs_.end(), r);
    ref_of_node_[i] = static_cast<int>(it - refs_.begin());
  }
  value_.resize(nodes.size());
  grad_.resize(nodes.size() * refs_.size());
}

bool ExpressionGradient::evaluate(const double* ref_values, const EvalContext& context,
                                  double& value, double* gradient, std::string& error) const {
  const auto& nodes = expr_->nodes();
  const size_t k = refs_.size();
  std::vector<uint32_t> args;  // call arguments, gathered per call node
  for (size_t i = 0; i < nodes.size(); ++i) {
    const ExprNode& n = nodes[i];
    double& v = value_[i];
    double* g = grad_.data() + i * k;
    std::fill(g, g + k, 0.0);
    // Operands of unary and binary operators (children precede parents, so a, b < i). Other
    // node kinds use a and b differently; clamping keeps these generic reads in range.
    const size_t ia = std::min<size_t>(n.a, i), ib = std::min<size_t>(n.b, i);
    const double* ga = grad_.data() + ia * k;
    const double* gb = grad_.data() + ib * k;
    const double a = value_[ia], b = value_[ib];
    // g = ca·ga + cb·gb
    auto chain = [&](double ca, double cb) {
      for (size_t r = 0; r < k; ++r) g[r] = ca * ga[r] + cb * gb[r];
    };
    switch (n.op) {
      case ExprOp::constant:
        v = n.value;
        break;
      case ExprOp::param:
        error = "unbound parameter in a behavioural expression";
        return false;
      case ExprOp::user_call:  // bind() inlines every .func
        error = "unbound function call in a behavioural expression";
        return false;
      case ExprOp::voltage:
      case ExprOp::current:
        v = ref_values[ref_of_node_[i]];
        g[ref_of_node_[i]] = 1.0;
        break;
      case ExprOp::sim_var: {
        auto s = context.sim_var(n.var);
        if (!s && n.var == SimVar::temper) s = 27.0;
        if (!s) {
          error = "time and hertz have no value in a DC analysis";
          return false;
        }
        v = *s;
        break;
      }
      case ExprOp::neg:
        v = -a, chain(-1, 0);
        break;
      case ExprOp::logical_not:
        v = a == 0 ? 1.0 : 0.0;
        break;
      case ExprOp::add:
        v = a + b, chain(1, 1);
        break;
      case ExprOp::sub:
        v = a - b, chain(1, -1);
        break;
      case ExprOp::mul:
        v = a * b, chain(b, a);
        break;
      case ExprOp::div: {
        // As ngspice's B sources: the divisor moves 1e-32 away from zero, so that a Newton
        // start at 0 V (R='100*v(q)' with v(q) = 0 yet) gives a huge finite value, not inf.
        const double d = b >= 0 ? b + 1e-32 : b - 1e-32;
        v = a / d, chain(1 / d, -a / (d * d));
        break;
      }
      case ExprOp::mod:
        v = std::fmod(a, b), chain(1, -std::trunc(a / b));
        break;
      case ExprOp::pow:
        if (a < 0) {
          const double e = std::trunc(b);
          v = std::pow(a, e);
          chain(e * std::pow(a, e - 1), 0);
        } else {
          v = std::pow(a, b);
          chain(a == 0 ? (b == 1 ? 1.0 : 0.0) : b * std::pow(a, b - 1),
                a > 0 ? v * std::log(a) : 0.0);
        }
        break;
      case ExprOp::lt:
        v = a < b;
        break;
      case ExprOp::le:
        v = a <= b;
        break;
      case ExprOp::gt:
        v = a > b;
        break;
      case ExprOp::ge:
        v = a >= b;
        break;
      case ExprOp::eq:
        v = a == b;
        break;
      case ExprOp::ne:
        v = a != b;
        break;
      case ExprOp::logical_and:
        v = a != 0 && b != 0;
        break;
      case ExprOp::logical_or:
        v = a != 0 || b != 0;
        break;
      case ExprOp::ternary: {
        const uint32_t pick = value_[n.a] != 0 ? n.b : n.c;
        v = value_[pick];
        std::copy(grad_.data() + pick * k, grad_.data() + pick * k + k, g);
        break;
      }
      case ExprOp::call: {
        args = expr_->call_args(n);
        const double x = value_[args[0]];
        const double* gx = grad_.data() + args[0] * k;
        auto unary = [&](double val, double dval) {
          v = val;
          for (size_t r = 0; r < k; ++r) g[r] = dval * gx[r];
        };
        auto select = [&](uint32_t node) {
          v = value_[node];
          std::copy(grad_.data() + node * k, grad_.data() + node * k + k, g);
        };
        switch (n.func) {
          case ExprFunc::sqrt:
            unary(std::sqrt(x), 0.5 / std::sqrt(x));
            break;
          case ExprFunc::exp:
            unary(std::exp(x), std::exp(x));
            break;
          case ExprFunc::log:
          case ExprFunc::ln:
            unary(std::log(x), 1 / x);
            break;
          case ExprFunc::log10:
            unary(std::log10(x), 1 / (x * M_LN10));
            break;
          case ExprFunc::abs:
            unary(std::fabs(x), x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0);
            break;
          case ExprFunc::sgn:
            unary(x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0, 0);
            break;
          case ExprFunc::sin:
            unary(std::sin(x), std::cos(x));
            break;
          case ExprFunc::cos:
            unary(std::cos(x), -std::sin(x));
            break;
          case ExprFunc::tan:
            unary(std::tan(x), 1 / (std::cos(x) * std::cos(x)));
            break;
          case ExprFunc::asin:
            unary(std::asin(x), 1 / std::sqrt(1 - x * x));
            break;
          case ExprFunc::acos:
            unary(std::acos(x), -1 / std::sqrt(1 - x * x));
            break;
          case ExprFunc::atan:
            unary(std::atan(x), 1 / (1 + x * x));
            break;
          case ExprFunc::sinh:
            unary(std::sinh(x), std::cosh(x));
            break;
          case ExprFunc::cosh:
            unary(std::cosh(x), std::sinh(x));
            break;
          case ExprFunc::tanh: {
            const double t = std::tanh(x);
            unary(t, 1 - t * t);
            break;
          }
          case ExprFunc::floor:
            unary(std::floor(x), 0);
            break;
          case ExprFunc::ceil:
            unary(std::ceil(x), 0);
            break;
          case ExprFunc::int_:
            unary(std::trunc(x), 0);
            break;
          case ExprFunc::asinh:
            unary(std::asinh(x), 1 / std::sqrt(x * x + 1));
            break;
          case ExprFunc::acosh:
            unary(std::acosh(x), 1 / std::sqrt(x * x - 1));
            break;
          case ExprFunc::atanh:
            unary(std::atanh(x), 1 / (1 - x * x));
            break;
          case ExprFunc::nint:
            unary(std::nearbyint(x), 0);
            break;
          case ExprFunc::sqr:
            unary(x * x, 2 * x);
            break;
          case ExprFunc::u:
            unary(x < 0 ? 0.0 : x > 0 ? 1.0 : 0.5, 0);
            break;
          case ExprFunc::u2:
            unary(x <= 0 ? 0.0 : x <= 1 ? x : 1.0, x > 0 && x <= 1 ? 1.0 : 0.0);
            break;
          case ExprFunc::uramp:
            unary(x < 0 ? 0.0 : x, x > 0 ? 1.0 : 0.0);
            break;
          case ExprFunc::agauss:  // drawn into constants by Expression::bind
          case ExprFunc::gauss:
          case ExprFunc::aunif:
          case ExprFunc::unif:
          case ExprFunc::random_limit:
            select(args[0]);
            break;
          case ExprFunc::min:
          case ExprFunc::max: {
            uint32_t best = args[0];
            for (uint32_t j = 1; j < n.b; ++j) {
              const double c = value_[args[j]];
              if (n.func == ExprFunc::min ? c < value_[best] : c > value_[best]) best = args[j];
            }
            select(best);
            break;
          }
          case ExprFunc::limit: {
            const double lo = std::min(value_[args[1]], value_[args[2]]);
            const double hi = std::max(value_[args[1]], value_[args[2]]);
            if (x < lo)
              v = lo;
            else if (x > hi)
              v = hi;
            else
              select(args[0]);
            break;
          }
          case ExprFunc::if_:
            select(value_[args[0]] != 0 ? args[1] : args[2]);
            break;
          case ExprFunc::pwl: {  // through the argument and the two y values in use
            std::vector<double> xs(n.b);
            for (uint32_t j = 0; j < n.b; ++j) xs[j] = value_[args[j]];
            const PwlSegment s = pwl_segment(xs.data(), n.b);
            if (n.b < 5) {
              select(args[2]);
              break;
            }
            const uint32_t y0 = args[2 + 2 * s.i], y1 = args[4 + 2 * s.i];
            v = (1 - s.weight) * value_[y0] + s.weight * value_[y1];
            for (size_t r = 0; r < k; ++r)
              g[r] = s.slope * gx[r] + (1 - s.weight) * grad_[y0 * k + r] +
                     s.weight * grad_[y1 * k + r];
            break;
          }
          case ExprFunc::sign:
            if (n.b == 1) {
              unary(x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0, 0);
            } else {
              const double s = value_[args[1]] >= 0 ? 1.0 : -1.0;
              unary(s * std::fabs(x), s * (x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0));
            }
            break;
          case ExprFunc::pow:
          case ExprFunc::pwr:
          case ExprFunc::atan2: {
            const double y = value_[args[1]];
            const double* gy = grad_.data() + args[1] * k;
            double dx = 0, dy = 0;
            if (n.func == ExprFunc::atan2) {  // atan2(x, y) with x the first argument
              v = std::atan2(x, y);
              const double d = x * x + y * y;
              dx = y / d, dy = -x / d;
            } else if (n.func == ExprFunc::pwr) {
              const double s = x < 0 ? -1.0 : 1.0, m = std::fabs(x);
              v = s * std::pow(m, y);
              dx = m == 0 ? 0 : y * std::pow(m, y - 1);
              dy = m > 0 ? v * std::log(m) : 0;
            } else if (x < 0) {
              const double e = std::trunc(y);
              v = std::pow(x, e);
              dx = e * std::pow(x, e - 1);
            } else {
              v = std::pow(x, y);
              dx = x == 0 ? 0 : y * std::pow(x, y - 1);
              dy = x > 0 ? v * std::log(x) : 0;
            }
            for (size_t r = 0; r < k; ++r) g[r] = dx * gx[r] + dy * gy[r];
            break;
          }
        }
        break;
      }
    }
  }
  const uint32_t root = expr_->root();
  value = value_[root];
  std::copy(grad_.data() + root * k, grad_.data() + root * k + k, gradient);
  return true;
}

}  // namespace xb::netlist
