// TaOx memristor: J. P. Strachan, A. C. Torrezan, F. Miao, M. D. Pickett, J. J. Yang, W. Yi,
// G. Medeiros-Ribeiro, R. S. Williams, "State dynamics and modeling of tantalum oxide
// memristors", IEEE Trans. Electron Devices 60(7), 2194–2202, 2013.
//
//   i = v·G(x, v),  G = Gm·x + a·exp(b·√|v|)·(1 − x)
//   dx/dt = A·sinh(v/σoff)·exp(−(xoff/x)²)·exp(1/(1 + β·p))   v ≤ 0 (RESET)
//   dx/dt = B·sinh(v/σon)·exp(−(x/xon)²)·exp(p/σp)            v > 0 (SET),   p = i·v
// Parameters aoff=A bon=B sigp sigon sigoff xoff xon beta gm a b; the state x is an unknown on
// node <instance>.x with charge q = x and residual −dx/dt (DESIGN.md), held at x0 in DC.
//
// Numerics (none of it changes the published equations inside x ∈ [xmin, 1], v in range):
// - the exponentials are combined before one exp: sinh(u)·e^E = ±½(1 − e^(−2|u|))·e^(|u|+E),
//   with |u| + E capped at 200 (a rate of 7e86/s), so exp(p/σp) cannot overflow;
// - p = max(i·v, 0): a passive device's power, also while Newton passes through x outside [0, 1];
// - bounds: SET rates are multiplied by 1 − S((x − 1)/ε), RESET rates by 1 − S((xmin − x)/ε),
//   S the C¹ smoothstep (0 below 0, 3t² − 2t³ on [0, 1], 1 above), ε = 1e-3: the state cannot
//   leave [xmin − ε, 1 + ε] and the dynamics inside [xmin, 1] are untouched;
// - at v = 0, di/dv = Gm·x + a·e^(b√|v|)·(1 − x)·(1 + (b/2)·√|v|) is finite (√|v| only ever
//   appears multiplied, never divided);
// - Newton may not take x below 0: such an iterate is evaluated at half the last state (a
//   limited step, as SPICE limits junctions).
// g0 = G(x, vread) is linear in x, so x0 = (g0 − a·e^(b√vread))/(Gm − a·e^(b√vread)) exactly.
// x0 (given or from g0) is held as is in DC, anywhere in [0, 1]: xmin bounds only the dynamics.

#include "devices/taox.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <sstream>

namespace xb::devices {
namespace {

constexpr double kMaxExponent = 200;
constexpr double kBoundWidth = 1e-3;

// C¹ smoothstep and its derivative.
double smoothstep(double t) {
  return t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t);
}
double smoothstep_slope(double t) {
  return t <= 0 || t >= 1 ? 0 : 6 * t * (1 - t);
}

}  // namespace

TaoxParams TaoxParams::from(const ResolvedParams& r, std::string& error) {
  enum {
    kA,
    kB,
    kSigp,
    kSigon,
    kSigoff,
    kXoff,
    kXon,
    kBeta,
    kGm,
    kAa,
    kBb,
    kXmin,
    kX0,
    kG0,
    kVr,
    kM
  };
  TaoxParams p;
  p.aoff = r[kA], p.bon = r[kB], p.sigp = r[kSigp], p.sigon = r[kSigon], p.sigoff = r[kSigoff];
  p.xoff = r[kXoff], p.xon = r[kXon], p.beta = r[kBeta], p.gm = r[kGm], p.a = r[kAa];
  p.b = r[kBb], p.xmin = r[kXmin], p.m = r[kM];
  if (r.given[kX0] && r.given[kG0]) {
    error = "taox takes x0= or g0=, not both";
    return p;
  }
  if (r.given[kX0]) {
    p.x0 = r[kX0];
  } else if (r.given[kG0]) {
    const double vread = r[kVr];
    const double semi = p.a * std::exp(p.b * std::sqrt(vread));
    const double lo = TaoxGroup::read_conductance(p, vread, 0.0);
    const double hi = TaoxGroup::read_conductance(p, vread, 1.0);
    const double g0 = r[kG0];
    if (!(g0 >= std::min(lo, hi) && g0 <= std::max(lo, hi)) || p.gm == semi) {
      char text[200];
      std::snprintf(text, sizeof text,
                    "taox g0 = %g S is not reachable: at vread = %g V the read conductance spans "
                    "%g S (x = 0) to %g S (x = 1)",
                    g0, vread, lo, hi);
      error = text;
      return p;
    }
    p.x0 = (g0 - semi) / (p.gm - semi);
  }
  return p;
}

double TaoxGroup::read_conductance(const TaoxParams& p, double v, double x) {
  return p.gm * x + p.a * std::exp(p.b * std::sqrt(std::fabs(v))) * (1 - x);
}

TaoxGroup::Current TaoxGroup::current_at(const TaoxParams& p, double v, double x) {
  const double root = std::sqrt(std::fabs(v));
  const double semi = p.a * std::exp(p.b * root);
  const double g = p.gm * x + semi * (1 - x);
  return {v * g, p.gm * x + semi * (1 - x) * (1 + 0.5 * p.b * root), v * (p.gm - semi)};
}

TaoxGroup::Rate TaoxGroup::rate_at(const TaoxParams& p, double v, double x) {
  const Current c = current_at(p, v, x);
  // Power and its derivatives (zero where clamped).
  double pw = c.i * v, dp_dv = c.i + v * c.di_dv, dp_dx = v * c.di_dx;
  if (pw < 0) pw = 0, dp_dv = 0, dp_dx = 0;
  const bool set = v > 0;
  const double k = set ? p.bon : p.aoff;
  const double sigma = set ? p.sigon : p.sigoff;
  const double u = v / sigma;
  // Exponent E(x, p) and its derivatives.
  double e, de_dx, de_dp;
  if (set) {
    e = -(x / p.xon) * (x / p.xon) + pw / p.sigp;
    de_dx = -2 * x / (p.xon * p.xon);
    de_dp = 1 / p.sigp;
  } else {
    if (x <= 1e-9) return {0, 0, 0};  // exp(−(xoff/x)²) underflows long before
    const double r = p.xoff / x;
    const double d = 1 + p.beta * pw;
    e = -r * r + 1 / d;
    de_dx = 2 * r * r / x;
    de_dp = -p.beta / (d * d);
  }
  const double m = std::fabs(u), em = std::exp(-2 * m);
  const double total = m + e;
  const bool capped = total > kMaxExponent;
  const double big = std::exp(std::min(total, kMaxExponent));
  const double sinh_e = (u < 0 ? -0.5 : 0.5) * (1 - em) * big;  // sinh(u)·e^E
  const double cosh_e = 0.5 * (1 + em) * big;                   // cosh(u)·e^E
  double rate = k * sinh_e;
  // d/du of sinh(u)·e^E with E fixed is cosh(u)·e^E, unless the cap holds e^(|u|+E) constant.
  const double dsinh_du = capped ? k * em * big : k * cosh_e;
  const double dE_scale = capped ? 0 : rate;  // d rate / dE
  double d_dv = dsinh_du / sigma + dE_scale * de_dp * dp_dv;
  double d_dx = dE_scale * (de_dx + de_dp * dp_dx);
  // State bounds, outside [xmin, 1] only.
  const double t = set ? (x - 1) / kBoundWidth : (p.xmin - x) / kBoundWidth;
  const double w = 1 - smoothstep(t);
  const double dw_dx = -smoothstep_slope(t) * (set ? 1 : -1) / kBoundWidth;
  d_dx = d_dx * w + rate * dw_dx;
  d_dv *= w;
  rate *= w;
  return {rate, d_dv, d_dx};
}

void TaoxGroup::load(const engine::EvalRequest& r) const {
  for (size_t k = 0; k < inst_.size(); ++k) {
    const TaoxParams& p = inst_[k].p;
    const auto& row = rows_[k];
    const auto& s = slots_[k];
    const double v = r.x[row[0]] - r.x[row[1]];
    const double x_unknown = r.x[row[2]];
    if (r.charge) {
      load_state_charge(r, k);
      if (r.charges_only) continue;
    }
    // Newton must not take the state below zero: evaluate at half the last state instead.
    double x = x_unknown;
    if (r.limited) {
      if (x < 0) x = 0.5 * std::max(x_last_[k], 0.0), ++*r.limited;
      x_last_[k] = x;
    }
    // m parallel devices share one state: m times the current, the state of one.
    const Current c = current_at(p, v, x);
    const double i = p.m * (c.i + c.di_dx * (x_unknown - x));
    const double di_dv = p.m * c.di_dv, di_dx = p.m * c.di_dx;
    r.residual[row[0]] += i;
    r.residual[row[1]] -= i;
    r.jacobian[s[0]] += di_dv;
    r.jacobian[s[1]] -= di_dv;
    r.jacobian[s[2]] -= di_dv;
    r.jacobian[s[3]] += di_dv;
    r.jacobian[s[4]] += di_dx;
    r.jacobian[s[5]] -= di_dx;
    if (!r.charge) {
      load_held_state(r, k);
      continue;
    }
    const Rate rate = rate_at(p, v, x);
    r.residual[row[2]] -= rate.dxdt + rate.d_dx * (x_unknown - x);
    r.jacobian[s[6]] -= rate.d_dv;
    r.jacobian[s[7]] += rate.d_dv;
    r.jacobian[s[8]] -= rate.d_dx;
  }
}

double TaoxGroup::current(size_t k, const double* x) const {
  const TaoxParams& p = inst_[k].p;
  return p.m * current_at(p, x[rows_[k][0]] - x[rows_[k][1]], x[rows_[k][2]]).i;
}

namespace {

struct SettableParam {
  std::string_view name;
  double TaoxParams::*member;
  double lo, hi;  // the .model table's bounds
};
constexpr double kHuge = std::numeric_limits<double>::infinity();
constexpr SettableParam kSettable[] = {
    {"aoff", &TaoxParams::aoff, 0, kHuge},
    {"bon", &TaoxParams::bon, 0, kHuge},
    {"sigp", &TaoxParams::sigp, 1e-30, kHuge},
    {"sigon", &TaoxParams::sigon, 1e-30, kHuge},
    {"sigoff", &TaoxParams::sigoff, 1e-30, kHuge},
    {"xoff", &TaoxParams::xoff, 1e-30, kHuge},
    {"xon", &TaoxParams::xon, 1e-30, kHuge},
    {"beta", &TaoxParams::beta, 0, kHuge},
    {"gm", &TaoxParams::gm, 0, kHuge},
    {"a", &TaoxParams::a, 0, kHuge},
    {"b", &TaoxParams::b, 0, 1e3},
    {"xmin", &TaoxParams::xmin, 1e-12, 0.5},
    {"x0", &TaoxParams::x0, 0, 1},
};

}  // namespace

std::optional<int> TaoxGroup::parameter_id(std::string_view name) const {
  for (size_t i = 0; i < std::size(kSettable); ++i)
    if (kSettable[i].name == name) return static_cast<int>(i);
  return std::nullopt;
}

std::vector<std::string_view> TaoxGroup::parameter_names() const {
  std::vector<std::string_view> names;
  for (const SettableParam& p : kSettable) names.push_back(p.name);
  return names;
}

double TaoxGroup::parameter(size_t k, int id) const {
  return inst_[k].p.*kSettable[id].member;
}

std::string TaoxGroup::set_parameter(size_t k, int id, double value) {
  const SettableParam& p = kSettable[id];
  if (!(value >= p.lo && value <= p.hi)) {
    char text[160];
    std::snprintf(text, sizeof text, "taox %s = %g is out of range [%g, %g]",
                  std::string(p.name).c_str(), value, p.lo, p.hi);
    return text;
  }
  inst_[k].p.*p.member = value;
  return "";
}

namespace {

std::string add_taox(engine::DeviceGroup* group, const netlist::FlatElement& e,
                     const ResolvedParams& p, const BuildContext&) {
  std::string error;
  const TaoxParams tp = TaoxParams::from(p, error);
  if (error.empty()) static_cast<TaoxGroup&>(*group).add(e, tp);
  return error;
}

// ngspice: the current as a B source; the state on node x, a 1 F capacitor charged by a B
// source with dx/dt (exponents combined and capped at kMaxExponent, the window 1 − S(t) outside
// [xmin, 1] as in rate_at) when the deck has a transient, else a source holding x0.
std::string ngspice_taox(std::string_view model, const ResolvedParams& p, bool dynamic) {
  enum { kXmin = 11, kX0, kG0, kVr };
  std::ostringstream s;
  s << ".subckt " << model << " p n x0=" << deck_number(p.given[kX0] ? p[kX0] : 0.5)
    << " g0=" << (p.given[kG0] ? deck_number(p[kG0]) : "-1") << " vread=" << deck_number(p[kVr])
    << "\n";
  const char* names[] = {"aoff", "bon",  "sigp", "sigon", "sigoff", "xoff",
                         "xon",  "beta", "gm",   "a",     "b",      "xmin"};
  for (int i = 0; i <= kXmin; ++i) s << ".param " << names[i] << "=" << deck_number(p[i]) << "\n";
  const std::string g = "({gm}*v(x) + {a}*exp({b}*sqrt(abs(v(p,n))))*(1-v(x)))";
  s << "bi p n i=v(p,n)*" << g << "\n";
  if (!dynamic) {
    s << ".param semi={a*exp(b*sqrt(vread))}\n"
      << ".param xhold={g0 >= 0 ? (g0 - semi)/(gm - semi) : x0}\n"
      << "vx x 0 {xhold}\n";
  } else {
    const std::string cap = std::to_string(static_cast<int>(kMaxExponent));
    const std::string width = deck_number(kBoundWidth);
    // 1 − smoothstep(t) of t = (x − 1)/ε (SET) and (xmin − x)/ε (RESET), as node voltages.
    auto window = [&](const std::string& t) {
      return "(" + t + ") <= 0 ? 1 : ((" + t + ") >= 1 ? 0 : 1 - (" + t + ")*(" + t + ")*(3 - 2*(" +
             t + ")))";
    };
    s << "cx x 0 1\n"
      << "bpw pw 0 v=max(v(p,n)*v(p,n)*" << g << ", 0)\n"
      << "bwset wset 0 v=" << window("(v(x) - 1)/" + width) << "\n"
      << "bwreset wreset 0 v=" << window("({xmin} - v(x))/" + width) << "\n"
      << "bx 0 x i=v(p,n) > 0 ? {bon}*0.5*(1-exp(-2*v(p,n)/{sigon}))*exp(min(v(p,n)/{sigon} - "
         "(v(x)/{xon})*(v(x)/{xon}) + v(pw)/{sigp}, "
      << cap
      << "))*v(wset) : -{aoff}*0.5*(1-exp(2*v(p,n)/{sigoff}))*exp(min(-v(p,n)/{sigoff} - "
         "({xoff}/max(v(x),1e-9))*({xoff}/max(v(x),1e-9)) + 1/(1+{beta}*v(pw)), "
      << cap << "))*v(wreset)\n";
  }
  s << ".ends " << model << "\n";
  return s.str();
}

// Strachan et al., IEEE TED 60(7), 2013, with the numerics of rate_at.
constexpr const char* kVerilogA =
    "  electrical x;\n"
    "  real v, xs, g, i, pw, u, e, big, rate, t, w, semi, xinit;\n"
    "  analog begin\n"
    "    @(initial_step) begin\n"
    "      semi = a * exp(b * sqrt(vread));\n"
    "      xinit = g0 >= 0 ? (g0 - semi) / (gm - semi) : (x0 >= 0 ? x0 : 0.5);\n"
    "    end\n"
    "    v = V(p, n);\n"
    "    xs = V(x);\n"
    "    g = gm * xs + a * exp(b * sqrt(abs(v))) * (1 - xs);\n"
    "    i = v * g;\n"
    "    I(p, n) <+ i;\n"
    "    pw = max(i * v, 0);\n"
    "    if (v > 0) begin\n"
    "      u = v / sigon;\n"
    "      e = -(xs / xon) * (xs / xon) + pw / sigp;\n"
    "      big = exp(min(abs(u) + e, 200));\n"
    "      rate = bon * 0.5 * (1 - exp(-2 * abs(u))) * big;\n"
    "      t = (xs - 1) / 1e-3;\n"
    "    end else begin\n"
    "      u = v / sigoff;\n"
    "      e = -(xoff / max(xs, 1e-9)) * (xoff / max(xs, 1e-9)) + 1 / (1 + beta * pw);\n"
    "      big = exp(min(abs(u) + e, 200));\n"
    "      rate = -aoff * 0.5 * (1 - exp(-2 * abs(u))) * big;\n"
    "      t = (xmin - xs) / 1e-3;\n"
    "    end\n"
    "    // State bounds outside [xmin, 1] only: 1 - smoothstep.\n"
    "    w = t <= 0 ? 1 : (t >= 1 ? 0 : 1 - t * t * (3 - 2 * t));\n"
    "    V(x) <+ idt(rate * w, xinit);\n"
    "  end\n";

}  // namespace

const DeviceDescriptor& taox_descriptor() {
  static const DeviceDescriptor d{
      .name = "taox",
      .summary = "TaOx memristor, Strachan et al., IEEE TED 60(7), 2013; state on node <x>.x",
      .letters = "x",
      .terminals = {"p", "n"},
      .internal_nodes = {"x"},
      .params =
          {
              {"aoff", 1e-10, "1/s", 0, kInf, "RESET rate prefactor A"},
              {"bon", 1e-4, "1/s", 0, kInf, "SET rate prefactor B"},
              {"sigp", 4e-5, "W", 1e-30, kInf, "SET power scale sigma_p"},
              {"sigon", 0.45, "V", 1e-30, kInf, "SET voltage scale sigma_on"},
              {"sigoff", 0.013, "V", 1e-30, kInf, "RESET voltage scale sigma_off"},
              {"xoff", 0.4, "", 1e-30, kInf, "RESET state scale x_off"},
              {"xon", 0.06, "", 1e-30, kInf, "SET state scale x_on"},
              {"beta", 500, "1/W", 0, kInf, "RESET power factor beta"},
              {"gm", 0.025, "S", 0, kInf, "metallic-channel conductance G_m"},
              {"a", 7.2e-6, "S", 0, kInf, "semiconducting prefactor a"},
              {"b", 4.7, "1/sqrt(V)", 0, 1e3, "semiconducting exponent b"},
              {"xmin", 1e-3, "", 1e-12, 0.5, "lower bound of the state"},
              {"x0", NAN, "", 0, 1, "initial state (give x0 or g0; default 0.5)"},
              {"g0", NAN, "S", 0, kInf, "initial read conductance at vread"},
              {"vread", 0.1, "V", 1e-6, 10, "read voltage for g0"},
              {"m", 1, "", 1e-30, kInf, "parallel devices (one state)", ParamScope::instance},
          },
      .example = "x0=0.4",
      .nonlinear = true,
      .has_charges = true,
      .dc_paths = {{0, 1}, {2, -1}},  // the state is held in DC like a source
      .make_group =
          [](const netlist::Circuit&) {
            return std::unique_ptr<engine::DeviceGroup>(new TaoxGroup);
          },
      .add = add_taox,
      .initial_state = [](const ResolvedParams& p,
                          std::string& error) { return TaoxParams::from(p, error).x0; },
      .ngspice_subckt = ngspice_taox,
      .verilog_a_body = kVerilogA,
  };
  return d;
}

}  // namespace xb::devices
