// Bipolar junction transistor: the SPICE Gummel–Poon model (Gummel & Poon, BSTJ 49, 1970;
// Nagel, SPICE2, UCB/ERL M520, 1975; Quarles, SPICE3 bjtload.c/bjttemp.c, 1989; ngspice 39's
// level 1 with TLEV = TLEVC = 0). Voltages are polarity-normalised (×−1 for PNP):
//   vbe = v(b') − v(e'), vbc = v(b') − v(c'); b' c' e' are the nodes inside RB, RC, RE.
//   Ibe = IS·(exp(vbe/(NF·vt)) − 1),  Ibc = IS·(exp(vbc/(NR·vt)) − 1)   (below −3·N·vt the
//   SPICE cubic tail −IS·(1 + (3·N·vt/(e·v))³), as the diode)
//   leakage Ile = ISE·(exp(vbe/(NE·vt)) − 1) + gmin·vbe,  Ilc = ISC·(… NC …) + gmin·vbc
//   base charge qb = q1·(1 + (1 + 4·q2)^NKF)/2,  q1 = 1/(1 − vbc/VAF − vbe/VAR),
//                   q2 = Ibe/IKF + Ibc/IKR
//   Ic = (Ibe − Ibc)/qb − Ibc/BR − Ilc,   Ib = Ibe/BF + Ile + Ibc/BR + Ilc
//   RB: rbm + (rb − rbm)/qb, or with IRB the tan form; taken as a conductance at each point,
//   as SPICE3 loads it (the residual is exact, its Jacobian leaves out d(gx)/dv).
//   substrate junction: Iss·(exp(vsub/(NS·vt)) − 1) + gmin·vsub, vsub = ±(v(s) − v(c' or b')).
// Charges (transient and AC): the depletion charges of junction.hpp (CJE/VJE/MJE over b'e';
// XCJC·CJC over b'c' and (1 − XCJC)·CJC over b c'; CJS over the substrate, FC = 0 there) plus
//   qde = TF·(1 + XTF·exp(vbc/(1.44·VTF))·(Ibe/(Ibe + ITF))²)·Ibe/qb  (vbe > 0; TF·Ibe below),
//   qdc = TR·Ibc.
// Temperature, T = circuit T + DTEMP (kelvin): IS·exp((T/TNOM − 1)·EG/vt + XTI·ln(T/TNOM)),
//   BF and BR × (T/TNOM)^XTB, ISE and ISC by the same factor to the 1/NE (1/NC), divided by
//   it; junction potentials and capacitances as temperature.hpp's scale_junction.
// Newton steps of vbe, vbc (and vsub) are limited with pnjlim (vcrit = vt·ln(vt/(√2·IS))),
// the first from SPICE3's starting point vbe = vcrit, vbc = 0 (0, 0 for an instance marked OFF:
// which of a flip-flop's states the operating point finds).

#include "devices/bjt.hpp"

#include <cmath>

#include "devices/junction.hpp"
#include "devices/temperature.hpp"

namespace xb::devices {
namespace {

struct Junction {
  double i, g;
};

// IS·(exp(v/nvt) − 1) with SPICE's cubic reverse tail.
Junction exp_junction(double is, double v, double nvt) {
  if (is == 0) return {0, 0};
  if (v >= -3 * nvt) {
    const double e = std::exp(v / nvt);
    return {is * (e - 1), is * e / nvt};
  }
  double a = 3 * nvt / (v * M_E);
  a = a * a * a;
  return {-is * (1 + a), is * 3 * a / v};
}

}  // namespace

void BjtGroup::add(const netlist::FlatElement& e, const BjtParams& p) {
  Instance q;
  q.name = e.name;
  q.nodes = {e.nodes[0], e.nodes[1], e.nodes[2],
             e.nodes.size() > 3 ? e.nodes[3] : netlist::NodeId{0}};
  q.p = p;
  scale_to(q, 27.0);  // until the circuit's temperature is set
  inst_.push_back(std::move(q));
  last_.push_back({NAN, NAN, NAN});
  excess_.emplace_back();
  ac_gm_.push_back(0);
}

double BjtGroup::excess_delay(size_t k) const {
  return inst_[k].p.ptf * (M_PI / 180) * inst_[k].p.tf;
}

// Weil's approximation of the excess phase, as SPICE2 and SPICE3 integrate it (backward Euler):
// the forward current's delayed value x0 over a step h from x1 (and x2 a step h1 before),
//   x0 = (x1·(1 + h/h1 + 3h/τ) − x2·h/h1 + 3(h/τ)²·If/qb) / (1 + 3h/τ + 3(h/τ)²),  τ = PTF·TF.
BjtGroup::Delayed BjtGroup::delayed(size_t k, double h) const {
  const ExcessHistory& e = excess_[k];
  const double td = excess_delay(k);
  const double a = h / td, denom = 1 + 3 * a + 3 * a * a;
  return {3 * a * a / denom, (e.x1 * (1 + h / e.h1 + 3 * a) - e.x2 * h / e.h1) / denom};
}

void BjtGroup::begin_transient(double, double) {
  for (ExcessHistory& e : excess_) e = ExcessHistory{};
}

void BjtGroup::accept(const double* x) {
  if (!transient_) return;
  for (size_t k = 0; k < inst_.size(); ++k) {
    if (excess_delay(k) == 0) continue;
    ExcessHistory& e = excess_[k];
    const auto& row = rows_[k];
    const double tp = inst_[k].p.type;
    const double vbe = tp * (x[row[kBi]] - x[row[kEi]]), vbc = tp * (x[row[kBi]] - x[row[kCi]]);
    const Transport plain = transport(k, vbe, vbc);
    const double forward = plain.cbe / plain.qb;
    if (!e.ready || time_ <= e.t1) {  // the operating point (or the first point with UIC)
      e = {true, forward, forward, 1, time_};
      continue;
    }
    const double h = time_ - e.t1;
    const Delayed d = delayed(k, h);
    const double x0 = d.held + d.scale * forward;
    e = {true, x0, e.x1, h, time_};
  }
}

bool BjtGroup::frequency_dependent() const {
  for (size_t k = 0; k < inst_.size(); ++k)
    if (excess_delay(k) != 0) return true;
  return false;
}

// AC: the transconductance of the forward current, ∂Ic/∂vbe, times e^(−jωτ) (SPICE3's
// bjtacld: gm + go → (gm + go)·(cos ωτ − j·sin ωτ)); the small-signal load stamped it plain.
void BjtGroup::load_ac(double omega, std::complex<double>* values, size_t count) const {
  for (size_t k = 0; k < inst_.size(); ++k) {
    const double td = excess_delay(k);
    if (td == 0) continue;
    const std::complex<double> delta = ac_gm_[k] * (std::polar(1.0, -omega * td) - 1.0);
    const auto& slot = slots_[k];
    const std::pair<int, double> entries[] = {{kCi * kNodes + kBi, 1},
                                              {kCi * kNodes + kEi, -1},
                                              {kEi * kNodes + kBi, -1},
                                              {kEi * kNodes + kEi, 1}};
    for (const auto& [index, sign] : entries)
      if (static_cast<size_t>(slot[index]) < count) values[slot[index]] += sign * delta;
  }
}

void BjtGroup::set_temperature(double celsius) {
  for (Instance& q : inst_) scale_to(q, celsius);
}

void BjtGroup::scale_to(Instance& q, double celsius) {
  const BjtParams& p = q.p;
  const double t = celsius + kKelvinOffset + p.dtemp, ratlog = std::log(t / p.tnom);
  q.vt = kelvin_thermal_voltage(t);
  const double factlog = (t / p.tnom - 1) * p.eg / q.vt + p.xti * ratlog;
  const double factor = std::exp(factlog), bfactor = std::exp(ratlog * p.xtb);
  q.is = p.is * factor * p.area;
  q.iss = p.iss * factor * p.area;
  q.bf = p.bf * bfactor;
  q.br = p.br * bfactor;
  // The B-C leakage and capacitance scale with the base area of a vertical transistor and the
  // collector area of a lateral one (ngspice's AREAB, AREAC).
  const double bc_area = p.subs > 0 ? p.areab : p.areac, sub_area = p.subs > 0 ? p.areac : p.areab;
  q.ise = p.ise * std::exp(factlog / p.ne) / bfactor * p.area;
  q.isc = p.isc * std::exp(factlog / p.nc) / bfactor * bc_area;
  const ScaledJunction be = scale_junction(p.vje, p.mje, p.tnom, t);
  const ScaledJunction bc = scale_junction(p.vjc, p.mjc, p.tnom, t);
  const ScaledJunction sub = scale_junction(p.vjs, p.mjs, p.tnom, t);
  q.vje = be.potential, q.cje = p.cje * be.cap_factor * p.area;
  q.vjc = bc.potential, q.cjc = p.cjc * bc.cap_factor * bc_area;
  q.vjs = sub.potential, q.cjs = p.cjs * sub.cap_factor * sub_area;
  q.vcrit = q.vt * std::log(q.vt / (std::sqrt(2.0) * q.is));
  q.vcrit_sub = q.iss > 0 ? q.vt * std::log(q.vt / (std::sqrt(2.0) * q.iss)) : INFINITY;
}

BjtGroup::Transport BjtGroup::transport(size_t k, double vbe, double vbc, Delayed d) const {
  const Instance& q = inst_[k];
  const BjtParams& p = q.p;
  const Junction be = exp_junction(q.is, vbe, p.nf * q.vt);
  const Junction bc = exp_junction(q.is, vbc, p.nr * q.vt);
  Junction le = exp_junction(q.ise, vbe, p.ne * q.vt);
  Junction lc = exp_junction(q.isc, vbc, p.nc * q.vt);
  le.i += gmin_ * vbe, le.g += gmin_;
  lc.i += gmin_ * vbc, lc.g += gmin_;
  // Base charge: Early effect and high injection.
  const double inv_vaf = p.vaf != 0 ? 1 / p.vaf : 0, inv_var = p.var != 0 ? 1 / p.var : 0;
  const double oik = p.ikf != 0 ? 1 / (p.ikf * p.area) : 0;
  const double oikr = p.ikr != 0 ? 1 / (p.ikr * p.area) : 0;
  const double q1 = 1 / (1 - inv_vaf * vbc - inv_var * vbe);
  double qb = q1, dqbdve = q1 * qb * inv_var, dqbdvc = q1 * qb * inv_vaf;
  if (oik != 0 || oikr != 0) {
    const double arg = std::max(0.0, 1 + 4 * (oik * be.i + oikr * bc.i));
    const double sq = arg != 0 ? std::pow(arg, p.nkf) : 1;
    qb = q1 * (1 + sq) / 2;
    const double dsq = arg != 0 ? 2 * p.nkf * sq / arg : 0;  // d((1 + sq)/2)/d(q2)
    dqbdve = q1 * (qb * inv_var + oik * be.g * dsq);
    dqbdvc = q1 * (qb * inv_vaf + oikr * bc.g * dsq);
  }
  Transport t{};
  const double cex = d.scale * be.i, gex = d.scale * be.g;  // the forward current as delayed
  t.ic = d.held + (cex - bc.i) / qb - bc.i / q.br - lc.i;
  t.ib = be.i / q.bf + le.i + bc.i / q.br + lc.i;
  const double go = (bc.g + (cex - bc.i) * dqbdvc / qb) / qb;
  const double gm = (gex - (cex - bc.i) * dqbdve / qb) / qb - go;
  const double gpi = be.g / q.bf + le.g, gmu = bc.g / q.br + lc.g;
  t.dic_dvbe = gm + go;
  t.dic_dvbc = -go - gmu;
  t.dib_dvbe = gpi;
  t.dib_dvbc = gmu;
  // Base resistance, modulated by qb (or by the base current with IRB).
  const double rbpr = p.rbm / p.area, rbpi = p.rb / p.area - rbpr;
  double rx = rbpr + rbpi / qb;
  if (p.irb != 0) {
    const double a1 = std::max(t.ib / (p.irb * p.area), 1e-9);
    const double z = (-1 + std::sqrt(1 + 14.59025 * a1)) / 2.4317 / std::sqrt(a1);
    const double tz = std::tan(z);
    rx = rbpr + 3 * rbpi * (tz - z) / z / tz / tz;
  }
  t.gx = rx != 0 ? 1 / rx : 0;
  t.cbe = be.i, t.gbe = be.g, t.cbc = bc.i, t.gbc = bc.g;
  t.qb = qb, t.dqb_dvbe = dqbdve, t.dqb_dvbc = dqbdvc;
  return t;
}

void BjtGroup::add_unknowns(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  state_ = sys.add_charge_states(4 * static_cast<int>(inst_.size()));
  for (const Instance& q : inst_) {
    std::array<engine::Unknown, kNodes> u;
    for (int n = 0; n < 4; ++n) u[n] = ctx.node(q.nodes[n]);
    auto inner = [&](double r, int outer, const char* suffix) {
      return r > 0
                 ? sys.add_unknown("v(" + q.name + "#" + suffix + ")", engine::UnknownKind::voltage)
                 : u[outer];
    };
    u[kCi] = inner(q.p.rc, kC, "collector");
    u[kBi] = inner(q.p.rb, kB, "base");
    u[kEi] = inner(q.p.re, kE, "emitter");
    unknowns_.push_back(u);
  }
}

void BjtGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext&) {
  for (const auto& u : unknowns_) {
    std::array<int, kNodes> rows;
    std::array<int, kNodes * kNodes> slots;
    for (int a = 0; a < kNodes; ++a) {
      rows[a] = u[a].value;
      for (int b = 0; b < kNodes; ++b) slots[a * kNodes + b] = sys.request(u[a], u[b]);
    }
    rows_.push_back(rows);
    slots_.push_back(slots);
  }
}

void BjtGroup::resolve(const engine::MnaSystem& sys) {
  engine::resolve_rows_and_slots(sys, rows_, slots_);
}

void BjtGroup::load(const engine::EvalRequest& r) const {
  for (size_t k = 0; k < inst_.size(); ++k) {
    const Instance& q = inst_[k];
    const BjtParams& p = q.p;
    const auto& row = rows_[k];
    const auto& slot = slots_[k];
    auto v = [&](int n) { return r.x[row[n]]; };
    const double tp = p.type;
    const int sub_con = p.subs > 0 ? kCi : kBi;
    const double vbe_x = tp * (v(kBi) - v(kEi)), vbc_x = tp * (v(kBi) - v(kCi));
    const double vbx = tp * (v(kB) - v(kCi)), vsub_x = tp * p.subs * (v(kS) - v(sub_con));
    double vbe = vbe_x, vbc = vbc_x, vsub = vsub_x;
    if (r.limited) {
      std::array<double, 3>& last = last_[k];
      bool limited = false;
      if (std::isnan(last[0])) {  // SPICE3's starting point (MODEINITJCT); OFF: all 0
        vbe = p.off ? 0 : q.vcrit, vbc = 0, vsub = 0, limited = true;
      } else {
        vbe = pnjlim(vbe, last[0], q.vt, q.vcrit, limited);
        vbc = pnjlim(vbc, last[1], q.vt, q.vcrit, limited);
        vsub = pnjlim(vsub, last[2], q.vt, q.vcrit_sub, limited);
      }
      if (limited) ++*r.limited;
      last = {vbe, vbc, vsub};
    }
    // Stamps a polarity-normalised quantity of (vbe, vbc) into row n with sign ±1: value
    // linearised at the limited point, derivatives onto b', e', c'.
    auto stamp = [&](double* f, double* jac, double scale, int n, double sign, double value,
                     double d_vbe, double d_vbc) {
      f[row[n]] += sign * tp * (value + d_vbe * (vbe_x - vbe) + d_vbc * (vbc_x - vbc));
      jac[slot[n * kNodes + kBi]] += scale * sign * (d_vbe + d_vbc);
      jac[slot[n * kNodes + kEi]] -= scale * sign * d_vbe;
      jac[slot[n * kNodes + kCi]] -= scale * sign * d_vbc;
    };
    // A two-terminal quantity of v = ±(v(a) − v(b)) (polarity `sign2`), linearised at vl.
    auto stamp2 = [&](double* f, double* jac, double scale, int a, int b, double sign2,
                      double value, double d, double vx, double vl) {
      const double i = sign2 * (value + d * (vx - vl));
      f[row[a]] += i;
      f[row[b]] -= i;
      jac[slot[a * kNodes + a]] += scale * d;
      jac[slot[a * kNodes + b]] -= scale * d;
      jac[slot[b * kNodes + a]] -= scale * d;
      jac[slot[b * kNodes + b]] += scale * d;
    };
    // Excess phase in a transient step: the forward current as Weil's filter delays it.
    Delayed d;
    if (r.charge && !r.small_signal && excess_delay(k) != 0 && excess_[k].ready &&
        r.time > excess_[k].t1)
      d = delayed(k, r.time - excess_[k].t1);
    const Transport t = transport(k, vbe, vbc, d);
    if (r.small_signal) ac_gm_[k] = t.dic_dvbe;
    stamp(r.residual, r.jacobian, 1, kCi, 1, t.ic, t.dic_dvbe, t.dic_dvbc);
    stamp(r.residual, r.jacobian, 1, kBi, 1, t.ib, t.dib_dvbe, t.dib_dvbc);
    stamp(r.residual, r.jacobian, 1, kEi, -1, t.ic + t.ib, t.dic_dvbe + t.dib_dvbe,
          t.dic_dvbc + t.dib_dvbc);
    // Substrate junction (a diode from s to its contact, gmin across it).
    const Junction ds = exp_junction(q.iss, vsub, p.ns * q.vt);
    stamp2(r.residual, r.jacobian, 1, kS, sub_con, tp * p.subs, ds.i + gmin_ * vsub, ds.g + gmin_,
           vsub_x, vsub);
    // Series resistances: RC and RE fixed, RB at this point's conductance.
    auto resistor = [&](int a, int b, double g) {
      if (g == 0) return;
      stamp2(r.residual, r.jacobian, 1, a, b, 1, 0, g, v(a) - v(b), 0);
    };
    resistor(kC, kCi, p.rc > 0 ? p.area / p.rc : 0);
    resistor(kE, kEi, p.re > 0 ? p.area / p.re : 0);
    resistor(kB, kBi, p.rb > 0 ? t.gx : 0);
    if (!r.charge || !has_charges()) continue;
    // Charges: b'e' (depletion + forward diffusion), b'c' (its XCJC part + reverse diffusion),
    // b c' (the rest of CJC) and the substrate.
    const JunctionCharge dbe = depletion_charge(vbe, q.cje, q.vje, p.mje, p.fc);
    double qde = p.tf * t.cbe, dqde_dvbe = p.tf * t.gbe, dqde_dvbc = 0;
    if (p.tf != 0 && vbe > 0) {
      double argtf = 0, arg2 = 0, arg3 = 0;
      const double ovtf = p.vtf != 0 ? 1 / (1.44 * p.vtf) : 0;
      if (p.xtf != 0) {
        argtf = p.xtf * (ovtf != 0 ? std::exp(vbc * ovtf) : 1);
        arg2 = argtf;
        if (p.itf != 0) {
          const double frac = t.cbe / (t.cbe + p.itf * p.area);
          argtf *= frac * frac;
          arg2 = argtf * (3 - 2 * frac);
        }
        arg3 = t.cbe * argtf * ovtf;
      }
      const double cbe = t.cbe * (1 + argtf) / t.qb;
      qde = p.tf * cbe;
      dqde_dvbe = p.tf * (t.gbe * (1 + arg2) - cbe * t.dqb_dvbe) / t.qb;
      dqde_dvbc = p.tf * (arg3 - cbe * t.dqb_dvbc) / t.qb;
    }
    const JunctionCharge dbc = depletion_charge(vbc, p.xcjc * q.cjc, q.vjc, p.mjc, p.fc);
    const JunctionCharge dbx = depletion_charge(vbx, (1 - p.xcjc) * q.cjc, q.vjc, p.mjc, p.fc);
    const JunctionCharge dcs = depletion_charge(vsub, q.cjs, q.vjs, p.mjs, 0);
    const double qbe = dbe.q + qde, qbc = dbc.q + p.tr * t.cbc;
    double* jq = r.reactive_jacobian();
    const double s = r.reactive_scale();
    stamp(r.charge, jq, s, kBi, 1, qbe, dbe.c + dqde_dvbe, dqde_dvbc);
    stamp(r.charge, jq, s, kEi, -1, qbe, dbe.c + dqde_dvbe, dqde_dvbc);
    stamp(r.charge, jq, s, kBi, 1, qbc, 0, dbc.c + p.tr * t.gbc);
    stamp(r.charge, jq, s, kCi, -1, qbc, 0, dbc.c + p.tr * t.gbc);
    stamp2(r.charge, jq, s, kB, kCi, tp, dbx.q, dbx.c, vbx, vbx);
    stamp2(r.charge, jq, s, kS, sub_con, tp * p.subs, dcs.q, dcs.c, vsub_x, vsub);
    const int first = state_ + 4 * static_cast<int>(k);
    r.state_charge[first] = qbe + (dbe.c + dqde_dvbe) * (vbe_x - vbe) + dqde_dvbc * (vbc_x - vbc);
    r.state_charge[first + 1] = qbc + (dbc.c + p.tr * t.gbc) * (vbc_x - vbc);
    r.state_charge[first + 2] = dbx.q;
    r.state_charge[first + 3] = dcs.q + dcs.c * (vsub_x - vsub);
  }
}

bool BjtGroup::has_charges() const {
  for (const Instance& q : inst_)
    if (q.p.cje > 0 || q.p.cjc > 0 || q.p.cjs > 0 || q.p.tf > 0 || q.p.tr > 0) return true;
  return false;
}

void BjtGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(inst_, out);
}

double BjtGroup::current(size_t k, const double* x) const {
  const auto& row = rows_[k];
  const double tp = inst_[k].p.type;
  const Transport t =
      transport(k, tp * (x[row[kBi]] - x[row[kEi]]), tp * (x[row[kBi]] - x[row[kCi]]));
  return tp * t.ic;
}

std::optional<std::string> BjtGroup::state_name(int state) const {
  const int k = state - state_;
  if (k < 0 || k >= 4 * static_cast<int>(inst_.size())) return std::nullopt;
  static const char* kWhich[] = {"base-emitter", "base-collector", "external base-collector",
                                 "substrate"};
  return std::string(kWhich[k % 4]) + " charge of " + inst_[k / 4].name;
}

namespace {

enum BjtParam {
  kIs,
  kBf,
  kNf,
  kVaf,
  kIkf,
  kIse,
  kNe,
  kBr,
  kNr,
  kVar,
  kIkr,
  kIsc,
  kNc,
  kNkf,
  kRb,
  kIrb,
  kRbm,
  kRe,
  kRc,
  kCje,
  kVje,
  kMje,
  kTf,
  kXtf,
  kVtf,
  kItf,
  kCjc,
  kVjc,
  kMjc,
  kXcjc,
  kTr,
  kCjs,
  kVjs,
  kMjs,
  kIss,
  kNs,
  kXtb,
  kEg,
  kXti,
  kFc,
  kTnom,
  kSubs,
  kLevel,
  kC2,
  kC4,
  kPtf,
  kKf,
  kAf,
  kQco,
  kRco,
  kVo,
  kGamma,
  kTlev,
  kTlevc,
  kArea,
  kAreab,
  kAreac,
  kMult,
  kDtemp,
  kOff,
  kIcVbe,
};

std::string add_bjt(engine::DeviceGroup* group, const netlist::FlatElement& e,
                    const ResolvedParams& r, const BuildContext& ctx) {
  const netlist::FlatModel& model = ctx.circuit.models[e.model];
  if (r[kLevel] != 1) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", r[kLevel]);
    const char* name = r[kLevel] == 4 ? " (VBIC)" : r[kLevel] == 8 ? " (HICUM)" : "";
    return std::string("BJT level ") + text + name +
           " is not simulated yet (level 1, Gummel-Poon, is)";
  }
  if (r[kTlev] != 0 || r[kTlevc] != 0)
    return "BJT temperature levels TLEV/TLEVC other than 0 are not simulated yet";
  BjtParams p;
  p.type = model.type == "pnp" ? -1 : 1;
  p.subs = r.given[kSubs] ? (r[kSubs] < 0 ? -1 : 1) : p.type;  // ngspice: NPN vertical, PNP lateral
  p.is = r[kIs], p.bf = r[kBf], p.nf = r[kNf], p.vaf = r[kVaf], p.ikf = r[kIkf];
  p.ise = r.given[kIse] || !r.given[kC2] ? r[kIse] : r[kC2] * p.is;  // SPICE2's C2·IS
  p.ne = r[kNe], p.br = r[kBr], p.nr = r[kNr], p.var = r[kVar], p.ikr = r[kIkr];
  p.isc = r.given[kIsc] || !r.given[kC4] ? r[kIsc] : r[kC4] * p.is;
  p.nc = r[kNc], p.nkf = r[kNkf];
  p.rb = r[kRb], p.irb = r[kIrb], p.rbm = r.given[kRbm] ? r[kRbm] : p.rb, p.re = r[kRe],
  p.rc = r[kRc];
  p.cje = r[kCje], p.vje = r[kVje], p.mje = r[kMje], p.tf = r[kTf], p.xtf = r[kXtf];
  p.vtf = r[kVtf], p.itf = r[kItf], p.cjc = r[kCjc], p.vjc = r[kVjc], p.mjc = r[kMjc];
  p.xcjc = r[kXcjc], p.tr = r[kTr], p.cjs = r[kCjs], p.vjs = r[kVjs], p.mjs = r[kMjs];
  p.iss = r[kIss], p.ns = r[kNs], p.xtb = r[kXtb], p.eg = r[kEg], p.xti = r[kXti];
  p.fc = std::min(r[kFc], 0.9999);  // as ngspice limits it
  p.tnom = (r.given[kTnom] ? r[kTnom] : nominal_temperature(ctx.circuit)) + kKelvinOffset;
  p.dtemp = r[kDtemp];
  p.ptf = r[kPtf];
  p.off = r[kOff] != 0;
  // m parallel transistors are one of m times the area.
  const double area = !e.values.empty() ? e.values[0] : r[kArea];
  p.area = area * r[kMult];
  p.areab = (r.given[kAreab] ? r[kAreab] : area) * r[kMult];
  p.areac = (r.given[kAreac] ? r[kAreac] : area) * r[kMult];
  if (p.is <= 0 || p.bf <= 0 || p.br <= 0 || p.nf <= 0 || p.nr <= 0 || p.ne <= 0 || p.nc <= 0 ||
      p.ns <= 0 || p.area <= 0 || p.areab <= 0 || p.areac <= 0 || p.rb < 0 || p.rbm < 0 ||
      p.rbm > p.rb || p.re < 0 || p.rc < 0 || p.vje <= 0 || p.vjc <= 0 || p.vjs <= 0 || p.mje < 0 ||
      p.mje >= 1 || p.mjc < 0 || p.mjc >= 1 || p.mjs < 0 || p.mjs >= 1 || p.xcjc < 0 ||
      p.xcjc > 1 || p.fc < 0 || p.tf < 0 || p.tr < 0 || p.eg <= 0 || p.tnom <= 0)
    return "BJT needs is, bf, br, nf, nr, ne, nc, ns and the areas > 0, 0 <= rbm <= rb, re and "
           "rc >= 0, junction potentials > 0, gradings in [0, 1), 0 <= xcjc <= 1, fc >= 0, tf "
           "and tr >= 0, eg > 0";
  static_cast<BjtGroup*>(group)->add(e, p);
  return "";
}

}  // namespace

const DeviceDescriptor& bjt_descriptor() {
  using S = ParamScope;
  const BjtParams d;
  auto model = [](std::string_view name, double fallback, std::string_view unit,
                  std::string_view meaning, std::vector<std::string_view> aliases = {}) {
    return ParamSpec{name, fallback, unit, -kInf, kInf, meaning, S::model, std::move(aliases)};
  };
  auto unmodelled = [](std::string_view name, double fallback, std::string_view unit,
                       std::string_view meaning) {
    return ParamSpec{name, fallback, unit, -kInf, kInf, meaning, S::model, {}, false};
  };
  static const DeviceDescriptor desc{
      .name = "bjt",
      .summary =
          "bipolar transistor, SPICE Gummel-Poon (Gummel & Poon 1970; ngspice/SPICE3 "
          "level 1)",
      .letters = "q",
      .terminals = {"c", "b", "e", "s"},
      .params =
          {
              model("is", d.is, "A", "transport saturation current"),
              model("bf", d.bf, "", "ideal forward beta"),
              model("nf", d.nf, "", "forward emission coefficient"),
              model("vaf", d.vaf, "V", "forward Early voltage (0: none)", {"va"}),
              model("ikf", d.ikf, "A", "forward beta roll-off corner (0: none)", {"ik"}),
              model("ise", d.ise, "A", "B-E leakage saturation current"),
              model("ne", d.ne, "", "B-E leakage emission coefficient"),
              model("br", d.br, "", "ideal reverse beta"),
              model("nr", d.nr, "", "reverse emission coefficient"),
              model("var", d.var, "V", "reverse Early voltage (0: none)", {"vb"}),
              model("ikr", d.ikr, "A", "reverse beta roll-off corner (0: none)"),
              model("isc", d.isc, "A", "B-C leakage saturation current"),
              model("nc", d.nc, "", "B-C leakage emission coefficient"),
              model("nkf", d.nkf, "", "high-injection exponent"),
              model("rb", d.rb, "Ohm", "zero-bias base resistance"),
              model("irb", d.irb, "A", "current where RB falls halfway to RBM (0: none)"),
              model("rbm", NAN, "Ohm", "minimum base resistance (default RB)"),
              model("re", d.re, "Ohm", "emitter resistance"),
              model("rc", d.rc, "Ohm", "collector resistance"),
              model("cje", d.cje, "F", "B-E zero-bias depletion capacitance"),
              model("vje", d.vje, "V", "B-E built-in potential", {"pe"}),
              model("mje", d.mje, "", "B-E grading coefficient", {"me"}),
              model("tf", d.tf, "s", "ideal forward transit time"),
              model("xtf", d.xtf, "", "TF bias dependence coefficient"),
              model("vtf", d.vtf, "V", "TF dependence on VBC (0: none)"),
              model("itf", d.itf, "A", "TF high-current parameter"),
              model("cjc", d.cjc, "F", "B-C zero-bias depletion capacitance"),
              model("vjc", d.vjc, "V", "B-C built-in potential", {"pc"}),
              model("mjc", d.mjc, "", "B-C grading coefficient", {"mc"}),
              model("xcjc", d.xcjc, "", "fraction of CJC on the internal base", {"cdis"}),
              model("tr", d.tr, "s", "ideal reverse transit time"),
              model("cjs", d.cjs, "F", "substrate zero-bias capacitance", {"ccs", "csub"}),
              model("vjs", d.vjs, "V", "substrate built-in potential", {"ps"}),
              model("mjs", d.mjs, "", "substrate grading coefficient", {"ms"}),
              model("iss", d.iss, "A", "substrate junction saturation current"),
              model("ns", d.ns, "", "substrate emission coefficient"),
              model("xtb", d.xtb, "", "forward and reverse beta temperature exponent"),
              model("eg", d.eg, "eV", "band gap (temperature scaling)"),
              model("xti", d.xti, "", "IS temperature exponent", {"pt"}),
              model("fc", d.fc, "", "forward-bias depletion coefficient"),
              model("tnom", 27, "C", "parameter measurement temperature (default .option tnom)",
                    {"tref"}),
              model("subs", NAN, "",
                    "substrate to the collector (1) or base (-1); default by type"),
              ParamSpec{"level", 1, "", -kInf, kInf, "model level (1: Gummel-Poon)", S::model},
              model("c2", 0, "", "SPICE2: ISE as a multiple of IS"),
              model("c4", 0, "", "SPICE2: ISC as a multiple of IS"),
              {"ptf", 0, "deg", -kInf, kInf, "excess phase at 1/(2pi TF)", S::model},
              model("kf", 0, "", "flicker-noise coefficient (noise only)"),
              model("af", 1, "", "flicker-noise exponent (noise only)"),
              unmodelled("qco", 0, "C", "quasi-saturation epitaxial charge"),
              unmodelled("rco", 0, "Ohm", "quasi-saturation epitaxial resistance"),
              unmodelled("vo", 10, "V", "quasi-saturation carrier velocity voltage"),
              unmodelled("gamma", 1e-11, "", "quasi-saturation doping factor"),
              model("tlev", 0, "", "temperature equation level (0)"),
              model("tlevc", 0, "", "junction capacitance temperature level (0)"),
              ParamSpec{"area", 1, "", -kInf, kInf, "area factor (or the number after the model)",
                        S::instance},
              ParamSpec{"areab", NAN, "", -kInf, kInf, "base area (default AREA)", S::instance},
              ParamSpec{"areac", NAN, "", -kInf, kInf, "collector area (default AREA)",
                        S::instance},
              ParamSpec{"m", 1, "", 1e-30, kInf, "parallel multiplier", S::instance},
              ParamSpec{"dtemp", 0, "K", -kInf, kInf, "offset from the circuit temperature",
                        S::instance},
              ParamSpec{"off", 0, "", -kInf, kInf, "start Newton with the junctions off",
                        S::instance},
              ParamSpec{
                  "ic", NAN, "V", -kInf, kInf, "initial VBE, VCE for UIC", S::instance, {}, false},
          },
      .example = "qm",
      .example_model =
          "qm npn (is=1e-15 bf=80 vaf=60 ikf=20m ise=1e-13 br=2 rb=50 re=1 rc=10 "
          "cje=1p cjc=0.5p tf=0.2n xtf=2 vtf=3 itf=50m tr=5n cjs=0.3p)",
      .nonlinear = true,
      .has_charges = true,
      .dc_paths = {{0, 1}, {1, 2}, {3, 0}},
      .make_group =
          [](const netlist::Circuit& c) {
            return std::unique_ptr<engine::DeviceGroup>(
                new BjtGroup(netlist::param_or(c.options, "gmin", 1e-12)));
          },
      .add = add_bjt,
  };
  return desc;
}

}  // namespace xb::devices
