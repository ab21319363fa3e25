// Lossless transmission line (SPICE3's TRA, Thomas Quarles 1985; HSPICE's T element), by the
// method of characteristics (F. H. Branin, "Transient analysis of lossless transmission
// lines", Proc. IEEE 55, 1967). With v1, i1 the voltage and current into port 1, v2, i2 those of
// port 2, and τ the delay,
//   v1(t) − Z0·i1(t) = v2(t − τ) + Z0·i2(t − τ)
//   v2(t) − Z0·i2(t) = v1(t − τ) + Z0·i1(t − τ)
// two branch equations for the unknowns i1, i2 (each port a resistance Z0 in series with the
// wave arriving from the other end). DC (the waves equal their own past): v1 = v2, i1 = −i2.
// AC: the arriving wave is e^(−jωτ)·(V + Z0·I) of the other port.
// Transient: the waves w1 = v2 + Z0·i2 and w2 = v1 + Z0·i1 are recorded at every accepted time
// point and read at t − τ by quadratic interpolation through three records, as SPICE3 does
// (before t = 0 they hold the operating point's, or the IC= values with UIC). When a wave's
// slope changes between the last two intervals by more than REL·max(|slope|) + ABS (SPICE3's
// defaults 1 and 1), a breakpoint one delay after the corner makes the transient land on it
// when it arrives. τ = TD (HSPICE: TD·L), or NL/F (NL defaults to 0.25, a quarter wave at F).

#include "devices/tline.hpp"

#include <algorithm>
#include <cmath>

namespace xb::devices {

void TlineGroup::add_unknowns(engine::MnaSystem& sys, const engine::BindContext&) {
  for (const Instance& in : inst_)
    branch_.push_back({sys.add_unknown("i(" + in.name + ")", engine::UnknownKind::current),
                       sys.add_unknown("i(" + in.name + ".2)", engine::UnknownKind::current)});
  history_.assign(inst_.size(), {});
}

// Slots: 0-3 the port currents in KCL (n1,b1) (n2,b1) (n3,b2) (n4,b2); 4-6 row b1's own
// (b1,n1) (b1,n2) (b1,b1); 7-9 row b2's own (b2,n3) (b2,n4) (b2,b2); 10-12 row b1's wave from
// port 2 (b1,n3) (b1,n4) (b1,b2); 13-15 row b2's from port 1 (b2,n1) (b2,n2) (b2,b1).
void TlineGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  for (size_t k = 0; k < inst_.size(); ++k) {
    std::array<engine::Unknown, 4> n;
    for (int i = 0; i < 4; ++i) n[i] = ctx.node(inst_[k].nodes[i]);
    const engine::Unknown b1 = branch_[k][0], b2 = branch_[k][1];
    rows_.push_back({n[0].value, n[1].value, n[2].value, n[3].value, b1.value, b2.value});
    slots_.push_back(
        {sys.request(n[0], b1), sys.request(n[1], b1), sys.request(n[2], b2), sys.request(n[3], b2),
         sys.request(b1, n[0]), sys.request(b1, n[1]), sys.request(b1, b1), sys.request(b2, n[2]),
         sys.request(b2, n[3]), sys.request(b2, b2), sys.request(b1, n[2]), sys.request(b1, n[3]),
         sys.request(b1, b2), sys.request(b2, n[0]), sys.request(b2, n[1]), sys.request(b2, b1)});
  }
}

void TlineGroup::resolve(const engine::MnaSystem& sys) {
  engine::resolve_rows_and_slots(sys, rows_, slots_);
}

void TlineGroup::load(const engine::EvalRequest& r) const {
  const bool delayed = r.charge != nullptr && !r.small_signal;  // a transient step
  for (size_t k = 0; k < inst_.size(); ++k) {
    const auto& row = rows_[k];
    const auto& s = slots_[k];
    const double z0 = inst_[k].z0;
    const double v1 = r.x[row[0]] - r.x[row[1]], v2 = r.x[row[2]] - r.x[row[3]];
    const double i1 = r.x[row[4]], i2 = r.x[row[5]];
    r.residual[row[0]] += i1;
    r.residual[row[1]] -= i1;
    r.residual[row[2]] += i2;
    r.residual[row[3]] -= i2;
    r.jacobian[s[0]] += 1, r.jacobian[s[1]] -= 1, r.jacobian[s[2]] += 1, r.jacobian[s[3]] -= 1;
    r.jacobian[s[4]] += 1, r.jacobian[s[5]] -= 1, r.jacobian[s[6]] -= z0;
    r.jacobian[s[7]] += 1, r.jacobian[s[8]] -= 1, r.jacobian[s[9]] -= z0;
    double e1 = 0, e2 = 0;  // the arriving waves
    if (delayed) {
      const auto w = arriving(k, r.time);
      e1 = w[0], e2 = w[1];
    } else if (!r.small_signal) {  // DC: the other port's wave now
      e1 = v2 + z0 * i2, e2 = v1 + z0 * i1;
      r.jacobian[s[10]] -= 1, r.jacobian[s[11]] += 1, r.jacobian[s[12]] -= z0;
      r.jacobian[s[13]] -= 1, r.jacobian[s[14]] += 1, r.jacobian[s[15]] -= z0;
    }
    r.residual[row[4]] += v1 - z0 * i1 - e1;
    r.residual[row[5]] += v2 - z0 * i2 - e2;
  }
}

void TlineGroup::load_ac(double omega, std::complex<double>* values, size_t count) const {
  for (size_t k = 0; k < inst_.size(); ++k) {
    const std::complex<double> delay = std::polar(1.0, -omega * inst_[k].td);
    const auto& s = slots_[k];
    const std::complex<double> terms[6] = {-delay, delay, -inst_[k].z0 * delay,
                                           -delay, delay, -inst_[k].z0 * delay};
    for (int i = 0; i < 6; ++i)
      if (static_cast<size_t>(s[10 + i]) < count) values[s[10 + i]] += terms[i];
  }
}

void TlineGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(inst_, out);
}

double TlineGroup::current(size_t k, const double* x) const {
  return x[rows_[k][4]];
}

void TlineGroup::seed(size_t k, double w1, double w2) {
  const double td = inst_[k].td;
  history_[k] = {{-2 * td, w1, w2}, {-td, w1, w2}, {0.0, w1, w2}};
}

void TlineGroup::begin_transient(double, double) {
  breakpoints_.clear();
  for (size_t k = 0; k < inst_.size(); ++k) {  // UIC: the IC= values (an operating point redoes it)
    const Instance& in = inst_[k];
    seed(k, in.v2 + in.z0 * in.i2, in.v1 + in.z0 * in.i1);
  }
}

std::array<double, 2> TlineGroup::arriving(size_t k, double t) const {
  const std::vector<Record>& h = history_[k];
  const double at = t - inst_[k].td;
  // The first record at or after `at` (the last when `at` is beyond them: extrapolation, when
  // a step is longer than the delay), and the two before it.
  size_t i = 2;
  while (i + 1 < h.size() && h[i].t < at) ++i;
  const Record &a = h[i - 2], &b = h[i - 1], &c = h[i];
  if (b.t == a.t || c.t == b.t || c.t == a.t) return {c.w1, c.w2};
  const double fa = (at - b.t) * (at - c.t) / ((a.t - b.t) * (a.t - c.t));
  const double fb = (at - a.t) * (at - c.t) / ((b.t - a.t) * (b.t - c.t));
  const double fc = (at - a.t) * (at - b.t) / ((c.t - a.t) * (c.t - b.t));
  return {fa * a.w1 + fb * b.w1 + fc * c.w1, fa * a.w2 + fb * b.w2 + fc * c.w2};
}

void TlineGroup::accept(const double* x) {
  if (!transient_) return;
  for (size_t k = 0; k < inst_.size(); ++k) {
    const Instance& in = inst_[k];
    const auto& row = rows_[k];
    const double v1 = x[row[0]] - x[row[1]], v2 = x[row[2]] - x[row[3]];
    const double w1 = v2 + in.z0 * x[row[5]], w2 = v1 + in.z0 * x[row[4]];
    std::vector<Record>& h = history_[k];
    if (time_ <= h.back().t) {  // the operating point at t = 0
      seed(k, w1, w2);
      continue;
    }
    h.push_back({time_, w1, w2});
    // A corner in either wave: arriving at the other port one delay after the previous point.
    const size_t n = h.size();
    auto corner = [&](double Record::*w) {
      const double d1 = (h[n - 1].*w - h[n - 2].*w) / (h[n - 1].t - h[n - 2].t);
      const double d2 = (h[n - 2].*w - h[n - 3].*w) / (h[n - 2].t - h[n - 3].t);
      return std::fabs(d1 - d2) >= in.rel * std::max(std::fabs(d1), std::fabs(d2)) + in.abs;
    };
    if (corner(&Record::w1) || corner(&Record::w2)) breakpoints_.insert(h[n - 2].t + in.td);
    // Records older than the two before t − td are never read again.
    size_t drop = 0;
    while (drop + 3 < h.size() && h[drop + 2].t < time_ - in.td) ++drop;
    if (drop > 64) h.erase(h.begin(), h.begin() + static_cast<long>(drop));
  }
  breakpoints_.erase(breakpoints_.begin(), breakpoints_.upper_bound(time_));
}

double TlineGroup::next_breakpoint(double t) const {
  const auto it = breakpoints_.upper_bound(t);
  return it == breakpoints_.end() ? kNoBreakpoint : *it;
}

namespace {

enum TlineParam { kZ0, kTd, kF, kNl, kL, kV1, kI1, kV2, kI2, kRel, kAbs };

std::string add_tline(engine::DeviceGroup* group, const netlist::FlatElement& e,
                      const ResolvedParams& p, const BuildContext&) {
  if (!p.given[kZ0]) return "a transmission line needs Z0";
  if (!p.given[kTd] && !p.given[kF]) return "a transmission line needs TD, or F (and NL)";
  TlineGroup::Instance in;
  in.name = e.name;
  for (int i = 0; i < 4; ++i) in.nodes[i] = e.nodes[i];
  in.z0 = p[kZ0];
  in.td = p.given[kTd] ? p[kTd] * p[kL] : p[kNl] / p[kF];
  if (!(in.td > 0)) return "a transmission line's delay must be above 0";
  in.v1 = p[kV1], in.i1 = p[kI1], in.v2 = p[kV2], in.i2 = p[kI2];
  in.rel = p[kRel], in.abs = p[kAbs];
  static_cast<TlineGroup*>(group)->add(std::move(in));
  return "";
}

}  // namespace

const DeviceDescriptor& tline_descriptor() {
  using S = ParamScope;
  static const DeviceDescriptor d{
      .name = "tline",
      .summary = "T: lossless transmission line (SPICE3 TRA; Branin 1967)",
      .letters = "t",
      .terminals = {"p1", "n1", "p2", "n2"},
      .params =
          {
              {"z0", NAN, "Ohm", 1e-30, kInf, "characteristic impedance", S::instance, {"zo"}},
              {"td", NAN, "s", 0, kInf, "delay (HSPICE: per unit length, times L)", S::instance},
              {"f", NAN, "Hz", 1e-30, kInf, "frequency at which the line is NL wavelengths long",
               S::instance},
              {"nl", 0.25, "", 1e-30, kInf, "length in wavelengths at F", S::instance},
              {"l", 1, "", 1e-30, kInf, "length, multiplying TD (HSPICE)", S::instance},
              {"v1", 0, "V", -kInf, kInf, "UIC: port 1 voltage (IC=v1,i1,v2,i2)", S::instance},
              {"i1", 0, "A", -kInf, kInf, "UIC: port 1 current", S::instance},
              {"v2", 0, "V", -kInf, kInf, "UIC: port 2 voltage", S::instance},
              {"i2", 0, "A", -kInf, kInf, "UIC: port 2 current", S::instance},
              {"rel", 1, "", 0, kInf, "relative slope change that schedules a breakpoint",
               S::instance},
              {"abs", 1, "V/s", 0, kInf, "absolute slope change added to REL's", S::instance},
          },
      .example = "z0=50 td=1n",
      .nonlinear = false,
      .has_charges = false,
      .dc_paths = {{0, 2}, {1, 3}},
      .make_group =
          [](const netlist::Circuit&) {
            return std::unique_ptr<engine::DeviceGroup>(new TlineGroup);
          },
      .add = add_tline,
  };
  return d;
}

}  // namespace xb::devices
