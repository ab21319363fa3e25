// MOSFET level 1, DC (Shichman & Hodges, IEEE JSSC 3(3), 1968; SPICE2/SPICE3 MOS1, Nagel 1975,
// Quarles 1989). Voltages are polarity-normalised (×−1 for PMOS); when vds < 0 drain and source
// swap roles.
//   β = KP·W/(L − 2·LD)·M,  √-term s = √(PHI − vbs) for vbs ≤ 0, else max(0, √PHI − vbs/(2√PHI))
//   von = VTO + GAMMA·(s − √PHI)·polarity-normalised,  vgst = vgs − von
//   cutoff  vgst ≤ 0:          Ids = 0
//   saturation 0 < vgst ≤ vds: Ids = β/2·vgst²·(1 + LAMBDA·vds)
//   linear  vds < vgst:        Ids = β·vds·(vgst − vds/2)·(1 + LAMBDA·vds)
//   gmbs = gm·GAMMA/(2s)
// Bulk junctions B–S and B–D: I = IS·(exp(v/vt) − 1) + gmin·v for v > −3vt, else
// −IS + gmin·v (SPICE3's mos1load, as ngspice 39).
// Charges (transient), as SPICE3's mos1load:
//   bulk junctions: the depletion charge of junction.hpp, bottom (CBD or CJ·AD, MJ) plus sidewall
//   (CJSW·PD, MJSW), likewise for the source, with PB and FC;
//   gate: Meyer's capacitances (Meyer, RCA Review 32, 1971) in SPICE3's DEVqmeyer form, with
//   vgst = vgs − von, vdsat = max(vgst, 0), cox = oxide capacitance:
//     vgst ≤ −phi:       Cgb = cox/2 (halves, as DEVqmeyer returns them)
//     −phi < vgst ≤ −phi/2:  Cgb = −vgst·cox/(2·phi)
//     −phi/2 < vgst ≤ 0:  Cgb as above, Cgs = vgst·cox/(1.5·phi) + cox/3
//     saturation:         Cgs = cox/3
//     linear:             Cgd = cox·(1 − vdsat²/(2vdsat − vds)²)/3,
//                         Cgs = cox·(1 − (vdsat − vds)²/(2vdsat − vds)²)/3
//   Meyer's capacitances are not derivatives of a charge, so the gate adds charge increments
//   ΔQ = (C½(now) + C½(previous point) + overlap)·(v − v_previous), as SPICE3 integrates them; the
//   engine accumulates them. The Jacobian uses that C̄, dropping dC/dv as SPICE3 does.
// Temperature (SPICE3 mos1temp.c; devices/temperature.hpp), T = circuit T + DTEMP, r = T/TNOM:
//   KP(T) = KP/r^1.5,  PHI(T) = (T/Tref)·(PHI − shift(TNOM))/(TNOM/Tref) + shift(T),
//   VTO(T) = VTO − type·GAMMA·√PHI + (Eg(TNOM) − Eg(T))/2 + type·(PHI(T) − PHI)/2
//            + type·GAMMA·√PHI(T),
//   IS(T) = IS·exp(Eg(TNOM)/vt(TNOM) − Eg(T)/vt(T)),  PB(T) and the junction capacitances as
//   scale_junction (MJ bottom, MJSW sidewall, both from PB).
// Newton steps are limited as SPICE3 does: fetlim on vgs (or vgd), limvds on vds, pnjlim on
// the forward-biased junction; the load is linearised at the limited voltages.

#include "devices/mosfet1.hpp"

#include "devices/junction.hpp"
#include "devices/temperature.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace xb::devices {
namespace {

double fetlim(double vnew, double vold, double vto) {
  const double vtsthi = std::fabs(2 * (vold - vto)) + 2;
  const double vtstlo = std::fabs(vold - vto) + 1;
  const double vtox = vto + 3.5;
  const double delv = vnew - vold;
  if (vold >= vto) {
    if (vold >= vtox) {
      if (delv <= 0) {
        if (vnew >= vtox) {
          if (-delv > vtstlo) vnew = vold - vtstlo;
        } else {
          vnew = std::max(vnew, vto + 2);
        }
      } else if (delv >= vtsthi) {
        vnew = vold + vtsthi;
      }
    } else {
      vnew = delv <= 0 ? std::max(vnew, vto - 0.5) : std::min(vnew, vto + 4);
    }
  } else if (delv <= 0) {
    if (-delv > vtsthi) vnew = vold - vtsthi;
  } else {
    const double vtemp = vto + 0.5;
    if (vnew <= vtemp) {
      if (delv > vtstlo) vnew = vold + vtstlo;
    } else {
      vnew = vtemp;
    }
  }
  return vnew;
}

double limvds(double vnew, double vold) {
  if (vold >= 3.5) {
    if (vnew > vold) return std::min(vnew, 3 * vold + 2);
    if (vnew < 3.5) return std::max(vnew, 2.0);
    return vnew;
  }
  return vnew > vold ? std::min(vnew, 4.0) : std::max(vnew, -0.5);
}

struct Junction {
  double i, g;
};

Junction junction(double is, double v, double vt, double gmin) {
  // Reverse: the saturation current alone, as ngspice 39's mos1load (not the diode's cubic
  // tail; at 125 °C the two differ by 2e-4 of a reverse junction's current).
  if (v <= -3 * vt) return {-is + gmin * v, gmin};
  const double e = std::exp(std::min(v / vt, 700.0));
  return {is * (e - 1) + gmin * v, is * e / vt + gmin};
}

}  // namespace

void Mos1Group::add(const netlist::FlatElement& e, const Mos1Params& p) {
  Instance in{e.name, {e.nodes[0], e.nodes[1], e.nodes[2], e.nodes[3]}, p, {}};
  scale_to(in, 27.0);  // until the circuit's temperature is set
  inst_.push_back(in);
  last_.push_back({});
}

bool Mos1Group::incremental_charge() const {
  for (const Instance& in : inst_)
    if (in.p.oxide_cap > 0 || in.p.cgso > 0 || in.p.cgdo > 0 || in.p.cgbo > 0) return true;
  return false;
}

Mos1Group::GateCaps Mos1Group::meyer_half(size_t k, double vgs, double vds, double vbs) const {
  const Mos1Params& p = inst_[k].p;
  const double cox = p.oxide_cap, phi = inst_[k].at.phi;
  if (cox == 0) return {0, 0, 0};
  // Reverse mode: drain and source swap roles (and so do Cgs and Cgd).
  const bool forward = vds >= 0;
  const double vgs_m = forward ? vgs : vgs - vds;
  const double vds_m = forward ? vds : -vds;
  const double vbs_m = forward ? vbs : vbs - vds;
  const double von = channel(k, vgs_m, vds_m, vbs_m).von;
  const double vgst = vgs_m - von;
  const double vdsat = std::max(vgst, 1e-12);
  GateCaps c{0, 0, 0};
  if (vgst <= -phi) {
    c.gb = cox / 2;
  } else if (vgst <= -phi / 2) {
    c.gb = -vgst * cox / (2 * phi);
  } else if (vgst <= 0) {
    c.gb = -vgst * cox / (2 * phi);
    c.gs = vgst * cox / (1.5 * phi) + cox / 3;
  } else if (vdsat <= vds_m) {
    c.gs = cox / 3;
  } else {
    const double vddif = 2 * vdsat - vds_m, vddif1 = vdsat - vds_m;
    const double vddif2 = vddif * vddif;
    c.gd = cox * (1 - vdsat * vdsat / vddif2) / 3;
    c.gs = cox * (1 - vddif1 * vddif1 / vddif2) / 3;
  }
  if (!forward) std::swap(c.gs, c.gd);
  return c;
}

void Mos1Group::load_charges(size_t k, const engine::EvalRequest& r, double vgs, double vds,
                             double vbs, double vbs_x, double vds_x) const {
  const Mos1Params& p = inst_[k].p;
  const double t = p.polarity;
  const auto& row = rows_[k];
  const auto& s = slots_[k];
  // Slot of (a, b) over d g s b = 0 1 2 3.
  auto stamp_pair = [&](int a, int b, double c) {
    const double g = r.reactive_scale() * c;
    double* jq = r.reactive_jacobian();
    jq[s[a * 4 + a]] += g;
    jq[s[a * 4 + b]] -= g;
    jq[s[b * 4 + a]] -= g;
    jq[s[b * 4 + b]] += g;
  };
  // Bulk junctions: absolute charges, linearised at the limited voltages.
  const double vbd = vbs - vds, vbd_x = vbs_x - vds_x;
  const AtTemperature& at = inst_[k].at;
  const double bottom = at.cap_bottom * p.m, side = at.cap_side * p.m;
  const double czbd = (p.cbd > 0 ? p.cbd : p.cj * p.ad) * bottom, czbdsw = p.cjsw * p.pd * side;
  const double czbs = (p.cbs > 0 ? p.cbs : p.cj * p.as) * bottom, czbssw = p.cjsw * p.ps * side;
  double* states = r.state_charge + state_ + kStates * k;
  // The junction charges are integrated but, as in SPICE3's MOS1trunc, only the gate charges
  // steer the step (checking the junctions too costs time points ngspice does not take).
  auto junction_charge = [&](double v, double v_x, double bottom, double side, int other) {
    if (bottom == 0 && side == 0) return;
    const JunctionCharge a = depletion_charge(v, bottom, at.pb, p.mj, p.fc);
    const JunctionCharge b = depletion_charge(v, side, at.pb, p.mjsw, p.fc);
    const double c = a.c + b.c;
    const double q = t * (a.q + b.q + c * (v_x - v));
    r.charge[row[3]] += q;
    r.charge[row[other]] -= q;
    stamp_pair(3, other, c);
  };
  junction_charge(vbd, vbd_x, czbd, czbdsw, 0);
  junction_charge(vbs, vbs_x, czbs, czbssw, 2);
  // Gate: Meyer increments against the previous accepted point.
  const double leff = p.l - 2 * p.ld;
  const double ovs = p.cgso * p.w * p.m, ovd = p.cgdo * p.w * p.m, ovb = p.cgbo * leff * p.m;
  if (p.oxide_cap == 0 && ovs == 0 && ovd == 0 && ovb == 0) return;
  const double* xp = r.x_prev;
  const GateCaps now = meyer_half(k, vgs, vds, vbs);
  const GateCaps before = meyer_half(k, t * (xp[row[1]] - xp[row[2]]),
                                     t * (xp[row[0]] - xp[row[2]]), t * (xp[row[3]] - xp[row[2]]));
  const double cgs = now.gs + before.gs + ovs, cgd = now.gd + before.gd + ovd,
               cgb = now.gb + before.gb + ovb;
  // Initial point: the whole charge C·v (xp = x, so `before` equals `now`).
  auto delta = [&](int a, int b) {
    const double v = r.x[row[a]] - r.x[row[b]];
    return r.initial_charges ? v : v - (xp[row[a]] - xp[row[b]]);
  };
  const double qgs = cgs * delta(1, 2), qgd = cgd * delta(1, 0), qgb = cgb * delta(1, 3);
  r.charge[row[1]] += qgs + qgd + qgb;
  r.charge[row[2]] -= qgs;
  r.charge[row[0]] -= qgd;
  r.charge[row[3]] -= qgb;
  states[0] = qgs, states[1] = qgd, states[2] = qgb;
  stamp_pair(1, 2, cgs);
  stamp_pair(1, 0, cgd);
  stamp_pair(1, 3, cgb);
}

void Mos1Group::set_temperature(double celsius) {
  for (Instance& in : inst_) scale_to(in, celsius);
}

void Mos1Group::scale_to(Instance& in, double celsius) {
  const Mos1Params& p = in.p;
  AtTemperature& at = in.at;
  const double t = celsius + kKelvinOffset + p.dtemp, ratio = t / p.tnom;
  const double type = p.polarity, gap = silicon_gap(t), gap_nom = silicon_gap(p.tnom);
  at.vt = kelvin_thermal_voltage(t);
  at.beta = p.kp / (ratio * std::sqrt(ratio)) * p.w / (p.l - 2 * p.ld) * p.m;
  const double phio = (p.phi - junction_potential_shift(p.tnom)) / (p.tnom / kRefTemp);
  at.phi = t / kRefTemp * phio + junction_potential_shift(t);
  at.vto = p.vto - type * p.gamma * std::sqrt(p.phi) + 0.5 * (gap_nom - gap) +
           type * 0.5 * (at.phi - p.phi) + type * p.gamma * std::sqrt(at.phi);
  at.isat = p.is * p.m * std::exp(gap_nom / kelvin_thermal_voltage(p.tnom) - gap / at.vt);
  const ScaledJunction bottom = scale_junction(p.pb, p.mj, p.tnom, t);
  at.pb = bottom.potential, at.cap_bottom = bottom.cap_factor;
  at.cap_side = scale_junction(p.pb, p.mjsw, p.tnom, t).cap_factor;
}

Mos1Group::Channel Mos1Group::channel(size_t k, double vgs, double vds, double vbs) const {
  const Mos1Params& p = inst_[k].p;
  const AtTemperature& at = inst_[k].at;
  const double beta = at.beta;
  const double sqrt_phi = std::sqrt(at.phi);
  double sarg;
  if (vbs <= 0) {
    sarg = std::sqrt(at.phi - vbs);
  } else {
    sarg = std::max(0.0, sqrt_phi - vbs / (2 * sqrt_phi));
  }
  // VTO is given in real polarity; normalised it is polarity·VTO.
  const double von = p.polarity * at.vto + p.gamma * (sarg - sqrt_phi);
  const double vgst = vgs - von;
  // d(von)/d(vbs) exactly: SPICE3 uses GAMMA/(2s) on both sides, which for vbs > 0 is not the
  // derivative of its own linearised s (the finite-difference test catches it).
  const double arg = sarg <= 0 ? 0.0 : vbs <= 0 ? p.gamma / (2 * sarg) : p.gamma / (2 * sqrt_phi);
  if (vgst <= 0) return {0, 0, 0, 0, von};
  const double betap = beta * (1 + p.lambda * vds);
  if (vgst <= vds) {
    const double ids = betap * vgst * vgst / 2;
    const double gm = betap * vgst;
    return {ids, gm, p.lambda * beta * vgst * vgst / 2, gm * arg, von};
  }
  const double ids = betap * vds * (vgst - vds / 2);
  const double gm = betap * vds;
  const double gds = betap * (vgst - vds) + p.lambda * beta * vds * (vgst - vds / 2);
  return {ids, gm, gds, gm * arg, von};
}

void Mos1Group::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  for (const Instance& in : inst_) {
    std::array<engine::Unknown, 4> u;
    for (int t = 0; t < 4; ++t) u[t] = ctx.node(in.nodes[t]);
    std::array<int, 16> s;
    for (int r = 0; r < 4; ++r)
      for (int c = 0; c < 4; ++c) s[r * 4 + c] = sys.request(u[r], u[c]);
    slots_.push_back(s);
    rows_.push_back({u[0].value, u[1].value, u[2].value, u[3].value});
  }
}

void Mos1Group::resolve(const engine::MnaSystem& sys) {
  engine::resolve_rows_and_slots(sys, rows_, slots_);
}

Mos1Group::Currents Mos1Group::evaluate(size_t k, const double* x,
                                        const engine::EvalRequest* r) const {
  const Instance& in = inst_[k];
  const double t = in.p.polarity;
  const auto& row = rows_[k];
  const double vd = x[row[0]], vg = x[row[1]], vs = x[row[2]], vb = x[row[3]];
  // Present (unlimited) controlling voltages, polarity-normalised.
  const double vgs_x = t * (vg - vs), vds_x = t * (vd - vs), vbs_x = t * (vb - vs);
  double vgs = vgs_x, vds = vds_x, vbs = vbs_x;
  if (r && r->limited) {  // limit against the previous iterate, as SPICE3's mos1load
    Terminal& old = last_[k];
    const double von = channel(k, old.vgs, std::max(old.vds, 0.0), old.vbs).von;
    const double vgd_old = old.vgs - old.vds;
    const double vt = in.at.vt, vcrit = vt * std::log(vt / (std::sqrt(2.0) * in.at.isat));
    // Each limiter's own verdict decides "limited"; recombining voltages that no limiter touched
    // would differ from the originals by rounding and hold Newton back forever.
    bool limited = false;
    auto apply = [&limited](double before, double after) {
      limited = limited || after != before;
      return after;
    };
    if (old.vds >= 0) {
      vgs = apply(vgs_x, fetlim(vgs_x, old.vgs, von));
      const double vds_pre = vgs == vgs_x ? vds_x : vgs - (vgs_x - vds_x);
      vds = apply(vds_pre, limvds(vds_pre, old.vds));
      if (vds == vds_pre && vgs == vgs_x) vds = vds_x;
    } else {
      const double vgd_x = vgs_x - vds_x;
      const double vgd = apply(vgd_x, fetlim(vgd_x, vgd_old, von));
      const double vds_pre = vgd == vgd_x ? vds_x : vgs_x - vgd;
      vds = -apply(-vds_pre, limvds(-vds_pre, -old.vds));
      vgs = (vgd == vgd_x && vds == vds_x) ? vgs_x : vgd + vds;
    }
    if (vds >= 0) {
      bool unused = false;
      vbs = apply(vbs_x, pnjlim(vbs_x, old.vbs, vt, vcrit, unused));
    } else {
      const double vbd_x = vbs_x - vds;
      bool unused = false;
      const double vbd = apply(vbd_x, pnjlim(vbd_x, old.vbs - old.vds, vt, vcrit, unused));
      vbs = vbd == vbd_x && vds == vds_x ? vbs_x : vbd + vds;
    }
    if (limited) ++*r->limited;
    old = {vgs, vds, vbs};
  }
  const double vbd = vbs - vds;
  // Channel current drain→source and its derivatives with respect to (vg, vd, vs, vb).
  double ids, dg, dd, ds, db;
  if (vds >= 0) {
    Channel c = channel(k, vgs, vds, vbs);
    ids = c.ids;
    dg = c.gm, dd = c.gds, db = c.gmbs, ds = -(c.gm + c.gds + c.gmbs);
    ids += c.gm * (vgs_x - vgs) + c.gds * (vds_x - vds) + c.gmbs * (vbs_x - vbs);
  } else {
    Channel c = channel(k, vgs - vds, -vds, vbd);  // source and drain swapped
    ids = -c.ids;
    dg = -c.gm, ds = -c.gds, db = -c.gmbs, dd = c.gm + c.gds + c.gmbs;
    ids -= c.gm * ((vgs_x - vds_x) - (vgs - vds)) + c.gds * (-vds_x + vds) +
           c.gmbs * ((vbs_x - vds_x) - vbd);
  }
  const double isat = in.at.isat, vt = in.at.vt;
  Junction bs = junction(isat, vbs, vt, gmin_), bd = junction(isat, vbd, vt, gmin_);
  bs.i += bs.g * (vbs_x - vbs);
  bd.i += bd.g * ((vbs_x - vds_x) - vbd);
  // Currents into the device (normalised), then real polarity.
  const double into_d = ids - bd.i, into_s = -ids - bs.i, into_b = bs.i + bd.i;
  if (r) {
    r->residual[row[0]] += t * into_d;
    r->residual[row[2]] += t * into_s;
    r->residual[row[3]] += t * into_b;
    // d(into)/d(node voltages) in the order d g s b; polarity cancels in the Jacobian.
    const double jd[4] = {dd + bd.g, dg, ds, db - bd.g};
    const double js[4] = {-dd, -dg, -ds + bs.g, -db - bs.g};
    const double jb[4] = {-bd.g, 0, -bs.g, bs.g + bd.g};
    const auto& s = slots_[k];
    for (int c = 0; c < 4; ++c) {
      r->jacobian[s[0 * 4 + c]] += jd[c];
      r->jacobian[s[2 * 4 + c]] += js[c];
      r->jacobian[s[3 * 4 + c]] += jb[c];
    }
    if (r->charge) load_charges(k, *r, vgs, vds, vbs, vbs_x, vds_x);
  }
  return {t * into_d, t * into_s, t * into_b};
}

void Mos1Group::load(const engine::EvalRequest& r) const {
  for (size_t k = 0; k < inst_.size(); ++k) evaluate(k, r.x, &r);
}

void Mos1Group::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(inst_, out);
}

double Mos1Group::current(size_t k, const double* x) const {
  return evaluate(k, x, nullptr).id;
}

namespace {

enum Mos1Param {
  kLevel,
  kVto,
  kKp,
  kGamma,
  kPhi,
  kLambda,
  kIs,
  kLd,
  kTox,
  kUo,
  kCgso,
  kCgdo,
  kCgbo,
  kCbd,
  kCbs,
  kCj,
  kCjsw,
  kMj,
  kMjsw,
  kPb,
  kFc,
  kW,
  kL,
  kM,
  kAd,
  kAs,
  kPd,
  kPs,
  kNrd,
  kNrs,
  kKf,
  kAf,
  kLmin,
  kLmax,
  kWmin,
  kWmax,
  kRd,
  kRs,
  kRsh,
  kJs,
  kNsub,
  kNss,
  kTpg,
  kTnom,
  kOff,
  kDtemp,
  kDelvto
};

std::string add_mos1(engine::DeviceGroup* group, const netlist::FlatElement& e,
                     const ResolvedParams& r, const BuildContext& ctx) {
  const netlist::Circuit& c = ctx.circuit;
  const netlist::FlatModel& model = c.models[e.model];
  if (r[kLevel] != 1) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", r[kLevel]);  // any number the deck wrote
    return std::string("MOSFET level ") + text + " is not simulated yet (level 1 is)";
  }
  Mos1Params p;
  p.polarity = model.type == "pmos" ? -1 : 1;
  p.vto = r[kVto], p.kp = r[kKp], p.gamma = r[kGamma], p.phi = r[kPhi], p.lambda = r[kLambda];
  p.is = r[kIs], p.ld = r[kLd];
  p.w = r.given[kW] ? r[kW] : netlist::param_or(c.options, "defw", p.w);
  p.l = r.given[kL] ? r[kL] : netlist::param_or(c.options, "defl", p.l);
  p.m = r[kM];
  // TOX gives the oxide capacitance per area (SiO2, εr = 3.9) and, without KP, KP = UO·cox.
  const double tox = r[kTox];
  const double cox = tox > 0 ? 3.9 * 8.854214871e-12 / tox : 0;
  if (tox > 0 && !r.given[kKp]) p.kp = r[kUo] * 1e-4 * cox;
  p.oxide_cap = cox * p.w * (p.l - 2 * p.ld) * p.m;
  p.cgso = r[kCgso], p.cgdo = r[kCgdo], p.cgbo = r[kCgbo];
  p.cbd = r[kCbd], p.cbs = r[kCbs], p.cj = r[kCj], p.cjsw = r[kCjsw];
  p.mj = r[kMj], p.mjsw = r[kMjsw], p.pb = r[kPb], p.fc = r[kFc];
  p.ad = r.given[kAd] ? r[kAd] : netlist::param_or(c.options, "defad", 0);
  p.as = r.given[kAs] ? r[kAs] : netlist::param_or(c.options, "defas", 0);
  p.pd = r[kPd], p.ps = r[kPs];
  p.tnom = (r.given[kTnom] ? r[kTnom] : nominal_temperature(c)) + kKelvinOffset;
  p.dtemp = r[kDtemp];
  if (p.l - 2 * p.ld <= 0 || p.w <= 0 || p.phi <= 0 || p.m <= 0 || p.pb <= 0 || p.fc < 0 ||
      p.fc >= 1 || p.mj <= 0 || p.mj > 0.9 || p.mjsw <= 0 || p.mjsw > 0.9)
    return "MOSFET needs w > 0, l > 2·ld, phi > 0, m > 0, pb > 0, 0 <= fc < 1 and "
           "0 < mj, mjsw <= 0.9";
  netlist::FlatElement four = e;
  if (four.nodes.size() == 3) four.nodes.push_back(four.nodes[2]);  // bulk tied to source
  static_cast<Mos1Group*>(group)->add(four, p);
  return "";
}

}  // namespace

const DeviceDescriptor& mos1_descriptor() {
  using S = ParamScope;
  const Mos1Params def;
  auto unmodelled = [](std::string_view name, double fallback, std::string_view unit,
                       std::string_view what, S scope = S::model) {
    return ParamSpec{name, fallback, unit, -kInf, kInf, what, scope, {}, false};
  };
  static const DeviceDescriptor d{
      .name = "mos1",
      .summary = "MOSFET level 1, Shichman–Hodges (IEEE JSSC 3(3), 1968) with Meyer charges",
      .letters = "m",
      .terminals = {"d", "g", "s", "b"},
      .params =
          {
              {"level", 1, "", -kInf, kInf, "model level (1 is simulated)", S::model},
              {"vto", def.vto, "V", -kInf, kInf, "zero-bias threshold voltage", S::model, {"vt0"}},
              {"kp", def.kp, "A/V^2", -kInf, kInf, "transconductance parameter", S::model},
              {"gamma", def.gamma, "sqrt(V)", -kInf, kInf, "body-effect coefficient", S::model},
              {"phi", def.phi, "V", -kInf, kInf, "surface potential", S::model},
              {"lambda", def.lambda, "1/V", -kInf, kInf, "channel-length modulation", S::model},
              {"is", def.is, "A", -kInf, kInf, "bulk junction saturation current", S::model},
              {"ld", def.ld, "m", -kInf, kInf, "lateral diffusion", S::model},
              {"tox", 0, "m", -kInf, kInf, "oxide thickness (0: no gate charge)", S::model},
              {"uo",
               600,
               "cm^2/Vs",
               -kInf,
               kInf,
               "mobility (KP = UO·cox without KP)",
               S::model,
               {"u0"}},
              {"cgso", def.cgso, "F/m", -kInf, kInf, "gate-source overlap", S::model},
              {"cgdo", def.cgdo, "F/m", -kInf, kInf, "gate-drain overlap", S::model},
              {"cgbo", def.cgbo, "F/m", -kInf, kInf, "gate-bulk overlap", S::model},
              {"cbd", def.cbd, "F", -kInf, kInf, "bulk-drain zero-bias capacitance", S::model},
              {"cbs", def.cbs, "F", -kInf, kInf, "bulk-source zero-bias capacitance", S::model},
              {"cj", def.cj, "F/m^2", -kInf, kInf, "bulk junction bottom capacitance", S::model},
              {"cjsw", def.cjsw, "F/m", -kInf, kInf, "bulk junction sidewall capacitance",
               S::model},
              {"mj", def.mj, "", -kInf, kInf, "bottom grading coefficient", S::model},
              {"mjsw", def.mjsw, "", -kInf, kInf, "sidewall grading coefficient", S::model},
              {"pb", def.pb, "V", -kInf, kInf, "bulk junction potential", S::model},
              {"fc", def.fc, "", -kInf, kInf, "forward-bias depletion coefficient", S::model},
              {"w", def.w, "m", -kInf, kInf, "channel width (default .option defw)", S::instance},
              {"l", def.l, "m", -kInf, kInf, "channel length (default .option defl)", S::instance},
              {"m", 1, "", -kInf, kInf, "parallel multiplier", S::instance},
              {"ad", 0, "m^2", -kInf, kInf, "drain area", S::instance},
              {"as", 0, "m^2", -kInf, kInf, "source area", S::instance},
              {"pd", 0, "m", -kInf, kInf, "drain perimeter", S::instance},
              {"ps", 0, "m", -kInf, kInf, "source perimeter", S::instance},
              {"nrd", 1, "", -kInf, kInf, "drain squares (with RSH, not modelled)", S::instance},
              {"nrs", 1, "", -kInf, kInf, "source squares (with RSH, not modelled)", S::instance},
              {"kf", 0, "", -kInf, kInf, "flicker-noise coefficient (noise only)", S::model},
              {"af", 1, "", -kInf, kInf, "flicker-noise exponent (noise only)", S::model},
              {"lmin", 0, "m", -kInf, kInf, "smallest L of this bin (model binning)", S::model},
              {"lmax", kInf, "m", -kInf, kInf, "largest L of this bin", S::model},
              {"wmin", 0, "m", -kInf, kInf, "smallest W of this bin", S::model},
              {"wmax", kInf, "m", -kInf, kInf, "largest W of this bin", S::model},
              unmodelled("rd", 0, "Ohm", "drain resistance"),
              unmodelled("rs", 0, "Ohm", "source resistance"),
              unmodelled("rsh", 0, "Ohm/sq", "diffusion sheet resistance"),
              unmodelled("js", 0, "A/m^2", "bulk junction current density"),
              unmodelled("nsub", 0, "1/cm^3", "substrate doping (process parameters)"),
              unmodelled("nss", 0, "1/cm^2", "surface state density"),
              unmodelled("tpg", 1, "", "gate material type"),
              {"tnom", 27, "C", -kInf, kInf,
               "parameter measurement temperature (default .option tnom)", S::model},
              unmodelled("off", 0, "", "initial guess off", S::instance),
              {"dtemp", 0, "K", -kInf, kInf, "offset from the circuit temperature", S::instance},
              unmodelled("delvto", 0, "V", "threshold shift", S::instance),
          },
      .example = "nm w=2u l=1u ad=4p as=5p pd=6u ps=7u",
      .example_model =
          "nm nmos (vto=0.6 kp=120u gamma=0.4 phi=0.7 lambda=0.05 tox=10n "
          "cgso=0.2n cgdo=0.3n cgbo=0.1n cj=0.4m cjsw=0.3n)",
      .nonlinear = true,
      .has_charges = true,
      .dc_paths = {{0, 2}, {0, 3}, {2, 3}},  // channel and bulk junctions; the gate draws nothing
      .make_group =
          [](const netlist::Circuit& c) {
            return std::unique_ptr<engine::DeviceGroup>(
                new Mos1Group(netlist::param_or(c.options, "gmin", 1e-12)));
          },
      .add = add_mos1,
  };
  return d;
}

}  // namespace xb::devices
