// SPICE junction diode (Nagel, SPICE2, UCB/ERL M520, 1975; Quarles, SPICE3 dio*.c, 1989):
//   vt = k·T/q, nvt = N·vt, Is = IS·area, gmin across the junction (.option gmin)
//   vd ≥ −3·nvt:               Id = Is·(exp(vd/nvt) − 1) + gmin·vd
//   −BV < vd < −3·nvt:         Id = −Is·(1 + (3·nvt/(e·vd))³) + gmin·vd
//   vd ≤ −BV (BV given):       Id = −Is·exp(−(BV' + vd)/nvt) + gmin·vd
//   BV' is BV moved so that the current at the knee is IBV (SPICE3's iteration, up to 25 steps).
//   RS/area in series on the anode side through an internal node.
// Charge across the junction (transient): the depletion charge of junction.hpp with CJO·area,
// VJ, M, FC, plus the diffusion charge TT·Id.
// Newton steps of vd are limited with SPICE's pnjlim (vcrit = nvt·ln(nvt/(√2·Is))); the load
// is linearised at the limited voltage: i(x) = Id(vl) + gd(vl)·(vd(x) − vl).
// Temperature (SPICE3 diotemp.c, TLEV=0; devices/temperature.hpp), T = circuit T + DTEMP:
//   IS(T) = IS·exp((T/TNOM − 1)·EG/(N·vt) + XTI/N·ln(T/TNOM)),
//   VJ(T), CJO(T) as scale_junction with grading M; BV' is matched again at T.

#include "devices/diode.hpp"

#include "devices/junction.hpp"
#include "devices/temperature.hpp"

#include <cmath>

namespace xb::devices {

void DiodeGroup::add(const netlist::FlatElement& e, const DiodeParams& p) {
  inst_.push_back({e.name, e.nodes[0], e.nodes[1], p});
  scale_to(inst_.back(), 27.0);  // until the circuit's temperature is set
  vd_last_.push_back(0.0);
}

void DiodeGroup::set_temperature(double celsius) {
  for (Instance& d : inst_) scale_to(d, celsius);
}

void DiodeGroup::scale_to(Instance& d, double celsius) {
  const double t = celsius + kKelvinOffset + d.p.dtemp, ratio = t / d.p.tnom;
  d.vt = kelvin_thermal_voltage(t);
  const double nvt = d.p.n * d.vt;
  d.is =
      d.p.is * d.p.area * std::exp((ratio - 1) * d.p.eg / nvt + d.p.xti / d.p.n * std::log(ratio));
  const ScaledJunction j = scale_junction(d.p.vj, d.p.m, d.p.tnom, t);
  d.vj = j.potential, d.cjo = d.p.cjo * d.p.area * j.cap_factor;
  d.vcrit = nvt * std::log(nvt / (std::sqrt(2.0) * d.is));
  d.breakdown = d.p.bv;
  // Move the knee so that I(−BV') = IBV, as diotemp.c does (its tests use vt and n·vt as here).
  const double cbv = d.p.ibv;
  if (d.p.bv > 0 && cbv >= d.is * d.p.bv / d.vt) {
    double xbv = d.p.bv - nvt * std::log(1 + cbv / d.is);
    for (int iter = 0; iter < 25; ++iter) {
      xbv = d.p.bv - nvt * std::log(cbv / d.is + 1 - xbv / d.vt);
      const double xcbv = d.is * (std::exp((d.p.bv - xbv) / nvt) - 1 + xbv / d.vt);
      if (std::fabs(xcbv - cbv) <= 1e-3 * cbv) break;
    }
    d.breakdown = xbv;
  }
}

DiodeGroup::Operating DiodeGroup::evaluate(size_t k, double vd) const {
  const Instance& d = inst_[k];
  const double nvt = d.p.n * d.vt, is = d.is;
  if (vd >= -3 * nvt) {
    const double e = std::exp(vd / nvt);
    return {is * (e - 1) + gmin_ * vd, is * e / nvt + gmin_};
  }
  if (d.p.bv <= 0 || vd >= -d.breakdown) {
    const double a = 3 * nvt / (vd * M_E);
    const double a3 = a * a * a;
    return {-is * (1 + a3) + gmin_ * vd, is * 3 * a3 / vd + gmin_};
  }
  const double e = std::exp(-(d.breakdown + vd) / nvt);
  return {-is * e + gmin_ * vd, is * e / nvt + gmin_};
}

void DiodeGroup::add_unknowns(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  state_ = sys.add_charge_states(static_cast<int>(inst_.size()));
  for (const Instance& d : inst_)
    internal_.push_back(
        d.p.rs > 0 ? sys.add_unknown("v(" + d.name + "#internal)", engine::UnknownKind::voltage)
                   : ctx.node(d.anode));
}

void DiodeGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  for (size_t k = 0; k < inst_.size(); ++k) {
    engine::Unknown a = ctx.node(inst_[k].anode), i = internal_[k], c = ctx.node(inst_[k].cathode);
    rows_.push_back({a.value, i.value, c.value});
    slots_.push_back({sys.request(i, i), sys.request(i, c), sys.request(c, i), sys.request(c, c),
                      sys.request(a, a), sys.request(a, i), sys.request(i, a), sys.request(i, i)});
  }
}

void DiodeGroup::resolve(const engine::MnaSystem& sys) {
  engine::resolve_rows_and_slots(sys, rows_, slots_);
}

void DiodeGroup::load(const engine::EvalRequest& r) const {
  for (size_t k = 0; k < inst_.size(); ++k) {
    const Instance& d = inst_[k];
    const auto& row = rows_[k];
    const auto& s = slots_[k];
    const double vd_x = r.x[row[1]] - r.x[row[2]];
    bool limited = false;
    const double vd = r.limited ? pnjlim(vd_x, vd_last_[k], d.p.n * d.vt, d.vcrit, limited) : vd_x;
    if (limited) ++*r.limited;
    vd_last_[k] = vd;
    const Operating op = evaluate(k, vd);
    const double i = op.id + op.gd * (vd_x - vd);
    r.residual[row[1]] += i;
    r.residual[row[2]] -= i;
    r.jacobian[s[0]] += op.gd;
    r.jacobian[s[1]] -= op.gd;
    r.jacobian[s[2]] -= op.gd;
    r.jacobian[s[3]] += op.gd;
    if (d.p.rs > 0) {
      const double g = d.p.area / d.p.rs;
      const double ir = g * (r.x[row[0]] - r.x[row[1]]);
      r.residual[row[0]] += ir;
      r.residual[row[1]] -= ir;
      r.jacobian[s[4]] += g;
      r.jacobian[s[5]] -= g;
      r.jacobian[s[6]] -= g;
      r.jacobian[s[7]] += g;
    }
    if (r.charge && (d.p.cjo > 0 || d.p.tt > 0)) {
      const JunctionCharge dep = depletion_charge(vd, d.cjo, d.vj, d.p.m, d.p.fc);
      const double c = dep.c + d.p.tt * op.gd;
      const double q = dep.q + d.p.tt * op.id + c * (vd_x - vd);
      r.charge[row[1]] += q;
      r.charge[row[2]] -= q;
      r.state_charge[state_ + k] = q;
      const double g = r.reactive_scale() * c;
      double* jq = r.reactive_jacobian();
      jq[s[0]] += g;
      jq[s[1]] -= g;
      jq[s[2]] -= g;
      jq[s[3]] += g;
    }
  }
}

bool DiodeGroup::has_charges() const {
  for (const Instance& d : inst_)
    if (d.p.cjo > 0 || d.p.tt > 0) return true;
  return false;
}

void DiodeGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(inst_, out);
}

double DiodeGroup::current(size_t k, const double* x) const {
  return evaluate(k, x[rows_[k][1]] - x[rows_[k][2]]).id;
}

namespace {

enum DiodeParam {
  kIs,
  kN,
  kRs,
  kBv,
  kIbv,
  kCjo,
  kVj,
  kM,
  kFc,
  kTt,
  kLevel,
  kArea,
  kMult,
  kEg,
  kXti,
  kTnom,
  kIkf,
  kIsr,
  kCjsw,
  kKf,
  kAf,
  kOff,
  kIc,
  kDtemp
};

std::string add_diode(engine::DeviceGroup* group, const netlist::FlatElement& e,
                      const ResolvedParams& r, const BuildContext& ctx) {
  DiodeParams p;
  p.is = r[kIs], p.n = r[kN], p.rs = r[kRs], p.bv = r[kBv], p.ibv = r[kIbv];
  p.cjo = r[kCjo], p.vj = r[kVj], p.m = r[kM], p.fc = r[kFc], p.tt = r[kTt];
  p.eg = r[kEg], p.xti = r[kXti], p.dtemp = r[kDtemp];
  p.tnom = (r.given[kTnom] ? r[kTnom] : nominal_temperature(ctx.circuit)) + kKelvinOffset;
  // m parallel diodes are one diode of m times the area (SPICE3: IS, CJO scaled, RS divided).
  p.area = (!e.values.empty() ? e.values[0] : r[kArea]) * r[kMult];
  if (p.is <= 0 || p.n <= 0 || p.area <= 0 || p.rs < 0 || p.cjo < 0 || p.vj <= 0 || p.m <= 0 ||
      p.m > 0.9 || p.fc < 0 || p.fc >= 1 || p.tt < 0 || p.eg <= 0 || p.tnom <= 0)
    return "diode needs is > 0, n > 0, area > 0, rs >= 0, cjo >= 0, vj > 0, 0 < m <= 0.9, "
           "0 <= fc < 1, tt >= 0, eg > 0 and tnom above absolute zero";
  static_cast<DiodeGroup*>(group)->add(e, p);
  return "";
}

}  // namespace

const DeviceDescriptor& diode_descriptor() {
  using S = ParamScope;
  const DiodeParams def;
  static const DeviceDescriptor d{
      .name = "diode",
      .summary = "SPICE junction diode (Nagel 1975; ngspice/SPICE3 diode level 1)",
      .letters = "d",
      .terminals = {"a", "k"},
      .params =
          {
              {"is", def.is, "A", -kInf, kInf, "saturation current", S::model, {"js"}},
              {"n", def.n, "", -kInf, kInf, "emission coefficient", S::model},
              {"rs", def.rs, "Ohm", -kInf, kInf, "series resistance", S::model},
              {"bv", def.bv, "V", 0, kInf, "reverse breakdown voltage (0: none)", S::model, {"vb"}},
              {"ibv", def.ibv, "A", 0, kInf, "current at breakdown", S::model, {"ib"}},
              {"cjo",
               def.cjo,
               "F",
               -kInf,
               kInf,
               "zero-bias junction capacitance",
               S::model,
               {"cj0", "cj"}},
              {"vj", def.vj, "V", -kInf, kInf, "junction potential", S::model, {"pb"}},
              {"m", def.m, "", -kInf, kInf, "grading coefficient", S::model, {"mj"}},
              {"fc", def.fc, "", -kInf, kInf, "forward-bias depletion coefficient", S::model},
              {"tt", def.tt, "s", -kInf, kInf, "transit time", S::model},
              {"level", 1, "", 1, 1, "model level (1: the junction diode)", S::model},
              {"area", 1, "", -kInf, kInf, "area factor (or the number after the model)",
               S::instance},
              {"m", 1, "", 1e-30, kInf, "parallel multiplier", S::instance},
              {"eg", def.eg, "eV", -kInf, kInf, "band gap (temperature scaling)", S::model},
              {"xti", def.xti, "", -kInf, kInf, "IS temperature exponent", S::model},
              {"tnom",
               27,
               "C",
               -kInf,
               kInf,
               "parameter measurement temperature (default .option tnom)",
               S::model,
               {"tref"}},
              {"ikf", 0, "A", -kInf, kInf, "high-injection knee current", S::model, {"ik"}, false},
              {"isr", 0, "A", -kInf, kInf, "recombination current", S::model, {}, false},
              {"cjsw", 0, "F", -kInf, kInf, "sidewall capacitance", S::model, {"cjp"}, false},
              {"kf", 0, "", -kInf, kInf, "flicker-noise coefficient (noise only)", S::model},
              {"af", 1, "", -kInf, kInf, "flicker-noise exponent (noise only)", S::model},
              {"off", 0, "", -kInf, kInf, "initial guess off", S::instance, {}, false},
              {"ic", NAN, "V", -kInf, kInf, "initial voltage for UIC", S::instance, {}, false},
              {"dtemp", 0, "K", -kInf, kInf, "offset from the circuit temperature", S::instance},
          },
      .example = "dm 2",
      .example_model = "dm d (is=1e-14 n=1.3 rs=5 cjo=2p vj=0.7 m=0.4 tt=1n)",
      .nonlinear = true,
      .has_charges = true,
      .dc_paths = {{0, 1}},
      .make_group =
          [](const netlist::Circuit& c) {
            return std::unique_ptr<engine::DeviceGroup>(
                new DiodeGroup(netlist::param_or(c.options, "gmin", 1e-12)));
          },
      .add = add_diode,
  };
  return d;
}

}  // namespace xb::devices
