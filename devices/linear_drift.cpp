// Linear ion-drift memristor: D. B. Strukov, G. S. Snider, D. R. Stewart, R. S. Williams, "The
// missing memristor found", Nature 453, 80–83, 2008, with the window of Y. N. Joglekar and
// S. J. Wolf, "The elusive memristor", Eur. J. Phys. 30, 661–675, 2009:
//
//   i = v / R(x),        R(x) = Ron·x + Roff·(1 − x)
//   dx/dt = k·i·f(x),    k = µv·Ron/D²,   f(x) = 1 − (2x − 1)^(2p)
//
// x is the doped fraction of the film, an unknown on node <instance>.x (charge q = x, residual
// −dx/dt), held at x0 in DC like the TaOx state. Numerics: R uses x clamped to [0, 1] so that a
// Newton iterate outside cannot make it vanish; the window is the paper's polynomial, which
// turns the drift back outside [0, 1].

#include "devices/linear_drift.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace xb::devices {

LinearDriftGroup::Eval LinearDriftGroup::evaluate(const LinearDriftParams& p, double v, double x) {
  const double xc = std::clamp(x, 0.0, 1.0);
  const double r = p.ron * xc + p.roff * (1 - xc);
  const double dr_dx = (x > 0 && x < 1) ? p.ron - p.roff : 0.0;
  const double i = v / r, di_dv = 1 / r, di_dx = -v * dr_dx / (r * r);
  const double u = 2 * x - 1, n = 2 * p.p;
  const double f = 1 - std::pow(u, n), df_dx = -2 * n * std::pow(u, n - 1);
  const double k = p.mobility_rate();
  return {i, di_dv, di_dx, k * i * f, k * di_dv * f, k * (di_dx * f + i * df_dx)};
}

void LinearDriftGroup::load(const engine::EvalRequest& r) const {
  load_current_and_rate(r, evaluate);
}

double LinearDriftGroup::current(size_t k, const double* x) const {
  return evaluate(inst_[k].p, x[rows_[k][0]] - x[rows_[k][1]], x[rows_[k][2]]).i;
}

namespace {

enum { kRon, kRoff, kD, kUv, kP, kX0 };

std::string add_linear_drift(engine::DeviceGroup* group, const netlist::FlatElement& e,
                             const ResolvedParams& r, const BuildContext&) {
  if (r[kP] != std::floor(r[kP]))
    return "linear_drift p= (the window exponent) must be a whole number";
  static_cast<LinearDriftGroup*>(group)->add(e, {r[kRon], r[kRoff], r[kD], r[kUv], r[kP], r[kX0]});
  return "";
}

// ngspice: the current as a B source; the state on a 1 F capacitor charged by k·i·f(x) in a
// transient, else a source holding x0.
std::string ngspice_linear_drift(std::string_view model, const ResolvedParams& r, bool dynamic) {
  std::ostringstream s;
  s << ".subckt " << model << " p n ron=" << deck_number(r[kRon])
    << " roff=" << deck_number(r[kRoff]) << " d=" << deck_number(r[kD])
    << " uv=" << deck_number(r[kUv]) << " pwin=" << deck_number(r[kP])
    << " x0=" << deck_number(r[kX0]) << "\n";
  const std::string xc = "min(max(v(x), 0), 1)";
  const std::string i = "v(p,n)/({ron}*" + xc + " + {roff}*(1 - " + xc + "))";
  s << "bi p n i=" << i << "\n";
  // (2x − 1)^(2p) with 2p even: pwr(|u|, 2p) is the same and defined for every u.
  if (dynamic)
    s << "cx x 0 1\nbx 0 x i={uv*ron/(d*d)}*" << i << "*(1 - pwr(abs(2*v(x) - 1), {2*pwin}))\n";
  else
    s << "vx x 0 {x0}\n";
  s << ".ends " << model << "\n";
  return s.str();
}

}  // namespace

const DeviceDescriptor& linear_drift_descriptor() {
  static const DeviceDescriptor d{
      .name = "linear_drift",
      .summary = "linear ion-drift memristor, Strukov et al., Nature 453, 2008; Joglekar window",
      .letters = "x",
      .terminals = {"p", "n"},
      .internal_nodes = {"x"},
      .params =
          {
              {"ron", 100, "Ohm", 1e-30, kInf, "resistance of the fully doped film R_on"},
              {"roff", 16e3, "Ohm", 1e-30, kInf, "resistance of the undoped film R_off"},
              {"d", 10e-9, "m", 1e-30, kInf, "film thickness D"},
              {"uv", 1e-14, "m^2/(V s)", 0, kInf, "dopant mobility mu_v"},
              {"p", 1, "", 1, 100, "Joglekar window exponent (a whole number)"},
              {"x0", 0.5, "", 0, 1, "initial state (doped fraction)"},
          },
      .example = "x0=0.3",
      .nonlinear = true,
      .has_charges = true,
      .dc_paths = {{0, 1}, {2, -1}},  // the state is held in DC like a source
      .make_group =
          [](const netlist::Circuit&) {
            return std::unique_ptr<engine::DeviceGroup>(new LinearDriftGroup);
          },
      .add = add_linear_drift,
      .initial_state = [](const ResolvedParams& p, std::string&) { return p[kX0]; },
      .ngspice_subckt = ngspice_linear_drift,
      .verilog_a_body =
          "  electrical x;\n"
          "  real xc, r, i, k;\n"
          "  analog begin\n"
          "    xc = min(max(V(x), 0), 1);\n"
          "    r = ron * xc + roff * (1 - xc);\n"
          "    i = V(p, n) / r;\n"
          "    I(p, n) <+ i;\n"
          "    k = uv * ron / (d * d);\n"
          "    V(x) <+ idt(k * i * (1 - pow(2 * V(x) - 1, 2 * p)), x0);\n"
          "  end\n",
  };
  return d;
}

}  // namespace xb::devices
