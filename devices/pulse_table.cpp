// A table-driven memristor: the measured conductance of a device after 0, 1, 2, … programming
// pulses (g0 … g<points−1>, e.g. the 51 reads of an LSMO/Gaq3/AlOx/Co device in
// ../shared/data/lsmo_potentiation_conductance.csv), and a state n, the pulse count, that a pulse
// above the threshold advances by one per width tw (after the in-situ training scheme of
// Prezioso et al., Nature 521, 2015, as cateru/Memristor_Crossbar_Training_Class drives it):
//
//   i = G(n)·v,   G(n) = k·(T(n) − T(0)·relative + shift)
//   T(n)  = the table read linearly between whole counts, clamped to its ends
//   dn/dt = (σ((v − vth)/vs) − σ((−v − vth)/vs)) / tw,   σ(u) = 1/(1 + e^(−u))
//
// so a pulse of vth + a few vs held for tw adds one count (a negative one takes one away), reads
// well below vth leave n alone, and n stops at 0 and at points − 1. The smooth step keeps Newton's
// Jacobian finite at the threshold. n is an unknown on node <instance>.x, held at x0 in DC.

#include "devices/pulse_table.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace xb::devices {

namespace {

struct TableRead {
  double t, dt_dn;
};

TableRead read_table(const std::vector<double>& g, double n) {
  const double last = static_cast<double>(g.size() - 1);
  if (n <= 0) return {g.front(), 0};
  if (n >= last) return {g.back(), 0};
  const size_t i = static_cast<size_t>(n);
  const double slope = g[i + 1] - g[i];
  return {g[i] + slope * (n - static_cast<double>(i)), slope};
}

double sigmoid(double u) {
  return 1 / (1 + std::exp(-u));
}

}  // namespace

double PulseTableGroup::conductance(const PulseTableParams& p, double n) {
  return p.k * (read_table(p.table, n).t - (p.relative ? p.table.front() : 0) + p.shift);
}

PulseTableGroup::Eval PulseTableGroup::evaluate(const PulseTableParams& p, double v, double n) {
  const TableRead t = read_table(p.table, n);
  const double g = conductance(p, n);
  const double up = sigmoid((v - p.vth) / p.vsmooth), down = sigmoid((-v - p.vth) / p.vsmooth);
  double rate = (up - down) / p.tw;
  double drate_dv = (up * (1 - up) + down * (1 - down)) / (p.vsmooth * p.tw);
  // The count stops at the table's ends.
  const double last = static_cast<double>(p.table.size() - 1);
  if ((n >= last && rate > 0) || (n <= 0 && rate < 0)) rate = 0, drate_dv = 0;
  return {g * v, g, p.k * t.dt_dn * v, rate, drate_dv, 0};
}

void PulseTableGroup::load(const engine::EvalRequest& r) const {
  load_current_and_rate(r, evaluate);
}

double PulseTableGroup::current(size_t k, const double* x) const {
  return evaluate(inst_[k].p, x[rows_[k][0]] - x[rows_[k][1]], x[rows_[k][2]]).i;
}

namespace {

enum { kVth, kTw, kVsmooth, kK, kShift, kRelative, kPoints, kX0, kG0 };

std::string add_pulse_table(engine::DeviceGroup* group, const netlist::FlatElement& e,
                            const ResolvedParams& r, const BuildContext&) {
  const int points = static_cast<int>(r[kPoints]);
  if (points != r[kPoints] || points < 2 || points > kPulseTableKnots)
    return "pulse_table needs points= (2 to 64) and its conductances g0 … g<points-1>";
  PulseTableParams p;
  for (int i = 0; i < points; ++i) {
    if (!r.given[kG0 + i])
      return "pulse_table: points=" + std::to_string(points) + " but g" + std::to_string(i) +
             " is not given";
    p.table.push_back(r[kG0 + i]);
  }
  p.vth = r[kVth], p.tw = r[kTw], p.vsmooth = r[kVsmooth], p.k = r[kK], p.shift = r[kShift];
  p.relative = r[kRelative] != 0;
  p.x0 = std::clamp(r[kX0], 0.0, static_cast<double>(points - 1));
  for (double n = 0; n < points; ++n)
    if (!(PulseTableGroup::conductance(p, n) > 0))
      return "pulse_table conductance k*(g - relative*g0 + shift) is not positive at count " +
             std::to_string(static_cast<int>(n));
  static_cast<PulseTableGroup*>(group)->add(e, p);
  return "";
}

// ngspice: the current as a B source reading the table through pwl(); the count on a 1 F
// capacitor in a transient, else a source holding x0.
std::string ngspice_pulse_table(std::string_view model, const ResolvedParams& r, bool dynamic) {
  const int points = static_cast<int>(r[kPoints]);
  std::ostringstream s;
  // The scalar parameters stay subcircuit parameters, so that an instance's shift= or x0= reaches
  // it; the table is written in.
  s << ".subckt " << model << " p n vth=" << deck_number(r[kVth]) << " tw=" << deck_number(r[kTw])
    << " vsmooth=" << deck_number(r[kVsmooth]) << " k=" << deck_number(r[kK])
    << " shift=" << deck_number(r[kShift]) << " relative=" << deck_number(r[kRelative])
    << " x0=" << deck_number(r[kX0]) << "\n";
  std::string table = "pwl(v(x)";
  for (int i = 0; i < points; ++i)
    table += ", " + std::to_string(i) + ", " + deck_number(r[kG0 + i]);
  table += ")";
  s << "bi p n i={k}*(" << table << " - {relative}*" << deck_number(r[kG0])
    << " + {shift})*v(p,n)\n";
  if (dynamic) {
    const std::string last = std::to_string(points - 1);
    s << "cx x 0 1\nbx 0 x i=(1/(1+exp(-(v(p,n)-{vth})/{vsmooth}))*(v(x) < " << last
      << " ? 1 : 0) - 1/(1+exp(-(-v(p,n)-{vth})/{vsmooth}))*(v(x) > 0 ? 1 : 0))/{tw}\n";
  } else {
    s << "vx x 0 {x0}\n";
  }
  s << ".ends " << model << "\n";
  return s.str();
}

const std::string& verilog_a_body() {
  static const std::string body = [] {
    std::ostringstream s;
    s << "  electrical x;\n  real t, up, down, rate;\n  analog begin\n"
         "    // the table, linear between whole counts, clamped to its ends\n"
         "    t = g0;\n";
    for (int i = 0; i + 1 < kPulseTableKnots; ++i)
      s << "    if (points > " << i + 1 << " && V(x) > " << i << ") t = g" << i << " + (g" << i + 1
        << " - g" << i << ") * min(V(x) - " << i << ", 1);\n";
    s << "    I(p, n) <+ k * (t - relative * g0 + shift) * V(p, n);\n"
         "    up = 1 / (1 + exp(-(V(p, n) - vth) / vsmooth));\n"
         "    down = 1 / (1 + exp(-(-V(p, n) - vth) / vsmooth));\n"
         "    rate = (up * (V(x) < points - 1) - down * (V(x) > 0)) / tw;\n"
         "    V(x) <+ idt(rate, x0);\n  end\n";
    return s.str();
  }();
  return body;
}

std::vector<ParamSpec> pulse_table_params() {
  static std::vector<std::string> names;
  std::vector<ParamSpec> p = {
      {"vth", 1.5, "V", 0, kInf, "pulse amplitude above which the count advances"},
      {"tw", 1e-6, "s", 1e-30, kInf, "time above vth that counts one pulse"},
      {"vsmooth", 0.01, "V", 1e-9, kInf, "width of the smooth step at vth"},
      {"k", 1, "", 0, kInf, "conductance scale K"},
      {"shift", 0, "S", -kInf, kInf, "conductance offset (device-to-device shift)"},
      {"relative", 0, "", 0, 1, "1: conductances counted from g0 (G = k·(T(n) − g0 + shift))"},
      {"points", 0, "", 0, kPulseTableKnots, "number of table points g0 … g<points-1>"},
      {"x0", 0, "", 0, kInf, "initial pulse count (instance)", ParamScope::instance},
  };
  if (names.empty())
    for (int i = 0; i < kPulseTableKnots; ++i) names.push_back("g" + std::to_string(i));
  for (int i = 0; i < kPulseTableKnots; ++i)
    p.push_back({names[i], 0, "S", 0, kInf, "conductance after that many pulses"});
  return p;
}

}  // namespace

const DeviceDescriptor& pulse_table_descriptor() {
  static const DeviceDescriptor d{
      .name = "pulse_table",
      .summary = "memristor from a measured conductance-versus-pulse table; state: the pulse count",
      .letters = "x",
      .terminals = {"p", "n"},
      .internal_nodes = {"x"},
      .params = pulse_table_params(),
      .example = "points=4 g0=1u g1=2u g2=2.5u g3=2.7u vth=1 tw=1u x0=1.5",
      .nonlinear = true,
      .has_charges = true,
      .dc_paths = {{0, 1}, {2, -1}},  // the state is held in DC like a source
      .make_group =
          [](const netlist::Circuit&) {
            return std::unique_ptr<engine::DeviceGroup>(new PulseTableGroup);
          },
      .add = add_pulse_table,
      .initial_state = [](const ResolvedParams& p, std::string&) { return p[kX0]; },
      .ngspice_subckt = ngspice_pulse_table,
      .verilog_a_body = verilog_a_body(),
  };
  return d;
}

}  // namespace xb::devices
