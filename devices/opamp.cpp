// Behavioural op-amp models for crossbar networks. Neither is taken from a particular paper:
// they are the idealised neuron (a transimpedance inverter that saturates like tanh) and the
// finite-gain amplifier with which crossbar network papers describe their peripheral circuits.
//
// opamp_tanh (in out ref): `in` is a virtual ground and the output a saturating inverter of the
// current flowing into it:
//   v(in) − v(ref) = 0                                 (branch current j_in: into `in`, out at ref)
//   v(out) − v(ref) = −vinv·tanh(rinv·j_in/vinv)       (branch current j_out: the output source)
// For |rinv·j_in| ≪ vinv this is the ideal transimpedance inverter v(out) = −rinv·j_in.
//
// opamp (inp inn out): a voltage-controlled source to ground with smooth saturation, behind an
// optional output resistance:
//   v(o) = vsat·tanh(gain·(v(inp) − v(inn))/vsat),  o = out when rout = 0, else an internal node
//   with rout between o and out. The inputs draw no current.

#include "devices/opamp.hpp"

#include <cmath>
#include <sstream>

namespace xb::devices {

using engine::Unknown;

void OpampTanhGroup::add(const netlist::FlatElement& e, double rinv, double vinv) {
  inst_.push_back({e.name, {e.nodes[0], e.nodes[1], e.nodes[2]}, rinv, vinv});
}

void OpampTanhGroup::add_unknowns(engine::MnaSystem& sys, const engine::BindContext&) {
  for (const Instance& in : inst_) {
    const int j_in = sys.add_unknown("i(" + in.name + ")", engine::UnknownKind::current).value;
    const int j_out = sys.add_unknown("i(" + in.name + "#out)", engine::UnknownKind::current).value;
    rows_.push_back({-1, -1, -1, j_in, j_out});
  }
}

void OpampTanhGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  for (size_t k = 0; k < inst_.size(); ++k) {
    Unknown in = ctx.node(inst_[k].nodes[0]), out = ctx.node(inst_[k].nodes[1]),
            ref = ctx.node(inst_[k].nodes[2]);
    Unknown ji{rows_[k][3]}, jo{rows_[k][4]};
    rows_[k][0] = in.value, rows_[k][1] = out.value, rows_[k][2] = ref.value;
    slots_.push_back({sys.request(in, ji), sys.request(ref, ji), sys.request(ji, in),
                      sys.request(ji, ref), sys.request(out, jo), sys.request(ref, jo),
                      sys.request(jo, out), sys.request(jo, ref), sys.request(jo, ji), 0});
  }
}

void OpampTanhGroup::resolve(const engine::MnaSystem& sys) {
  for (size_t k = 0; k < rows_.size(); ++k) {
    for (int& r : rows_[k]) r = r < 0 ? sys.size() : r;
    for (int s = 0; s < 9; ++s) slots_[k][s] = sys.value_index(slots_[k][s]);
  }
}

void OpampTanhGroup::load(const engine::EvalRequest& r) const {
  for (size_t k = 0; k < inst_.size(); ++k) {
    const auto& row = rows_[k];
    const auto& s = slots_[k];
    const double* x = r.x;
    const double ji = x[row[3]], jo = x[row[4]];
    const double rinv = inst_[k].rinv, vinv = inst_[k].vinv;
    // Virtual ground at `in`: j_in leaves `in` and returns at `ref`.
    r.residual[row[0]] += ji;
    r.residual[row[2]] -= ji;
    r.residual[row[3]] += x[row[0]] - x[row[2]];
    // Output source between out and ref.
    const double t = std::tanh(rinv * ji / vinv);
    r.residual[row[1]] += jo;
    r.residual[row[2]] -= jo;
    r.residual[row[4]] += x[row[1]] - x[row[2]] + vinv * t;
    r.jacobian[s[0]] += 1;
    r.jacobian[s[1]] -= 1;
    r.jacobian[s[2]] += 1;
    r.jacobian[s[3]] -= 1;
    r.jacobian[s[4]] += 1;
    r.jacobian[s[5]] -= 1;
    r.jacobian[s[6]] += 1;
    r.jacobian[s[7]] -= 1;
    r.jacobian[s[8]] += rinv * (1 - t * t);
  }
}

void OpampTanhGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(inst_, out);
}

// ---- opamp -----------------------------------------------------------------------------------

void OpampGroup::add(const netlist::FlatElement& e, double gain, double vsat, double rout) {
  inst_.push_back({e.name, {e.nodes[0], e.nodes[1], e.nodes[2]}, gain, vsat, rout});
}

void OpampGroup::add_unknowns(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  for (const Instance& in : inst_) {
    internal_.push_back(in.rout > 0
                            ? sys.add_unknown("v(" + in.name + "#o)", engine::UnknownKind::voltage)
                            : ctx.node(in.nodes[2]));
    branch_.push_back(sys.add_unknown("i(" + in.name + ")", engine::UnknownKind::current));
  }
}

void OpampGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  for (size_t k = 0; k < inst_.size(); ++k) {
    Unknown p = ctx.node(inst_[k].nodes[0]), n = ctx.node(inst_[k].nodes[1]),
            out = ctx.node(inst_[k].nodes[2]), o = internal_[k], j = branch_[k];
    rows_.push_back({p.value, n.value, out.value, o.value, j.value});
    // (o,j) (j,o) (j,p) (j,n)  rout: (out,out) (out,o) (o,out) (o,o)
    slots_.push_back({sys.request(o, j), sys.request(j, o), sys.request(j, p), sys.request(j, n),
                      sys.request(out, out), sys.request(out, o), sys.request(o, out),
                      sys.request(o, o), 0});
  }
}

void OpampGroup::resolve(const engine::MnaSystem& sys) {
  for (size_t k = 0; k < rows_.size(); ++k) {
    for (int& r : rows_[k]) r = r < 0 ? sys.size() : r;
    for (int s = 0; s < 8; ++s) slots_[k][s] = sys.value_index(slots_[k][s]);
  }
}

void OpampGroup::load(const engine::EvalRequest& r) const {
  for (size_t k = 0; k < inst_.size(); ++k) {
    const Instance& in = inst_[k];
    const auto& row = rows_[k];
    const auto& s = slots_[k];
    const double* x = r.x;
    const double j = x[row[4]];
    const double t = std::tanh(in.gain * (x[row[0]] - x[row[1]]) / in.vsat);
    r.residual[row[3]] += j;
    r.residual[row[4]] += x[row[3]] - in.vsat * t;
    const double slope = in.gain * (1 - t * t);
    r.jacobian[s[0]] += 1;
    r.jacobian[s[1]] += 1;
    r.jacobian[s[2]] -= slope;
    r.jacobian[s[3]] += slope;
    if (in.rout > 0) {
      const double g = 1 / in.rout, i = g * (x[row[2]] - x[row[3]]);
      r.residual[row[2]] += i;
      r.residual[row[3]] -= i;
      r.jacobian[s[4]] += g;
      r.jacobian[s[5]] -= g;
      r.jacobian[s[6]] -= g;
      r.jacobian[s[7]] += g;
    }
  }
}

void OpampGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(inst_, out);
}

double OpampGroup::current(size_t k, const double* x) const {
  const Instance& in = inst_[k];
  if (in.rout > 0) return (x[rows_[k][2]] - x[rows_[k][3]]) / in.rout;
  return x[rows_[k][4]];
}

namespace {

std::string add_opamp_tanh(engine::DeviceGroup* group, const netlist::FlatElement& e,
                           const ResolvedParams& p, const BuildContext&) {
  static_cast<OpampTanhGroup&>(*group).add(e, p[0], p[1]);
  return "";
}

std::string add_opamp(engine::DeviceGroup* group, const netlist::FlatElement& e,
                      const ResolvedParams& p, const BuildContext&) {
  static_cast<OpampGroup&>(*group).add(e, p[0], p[1], p[2]);
  return "";
}

// ngspice: a 0 V source senses the input current; a B source makes the output.
std::string ngspice_opamp_tanh(std::string_view model, const ResolvedParams& p, bool) {
  std::ostringstream s;
  s << ".subckt " << model << " in out ref rinv=" << deck_number(p[0])
    << " vinv=" << deck_number(p[1]) << "\n"
    << "vsense in ref 0\nbout out ref v=-{vinv}*tanh({rinv}*i(vsense)/{vinv})\n.ends " << model
    << "\n";
  return s.str();
}

std::string ngspice_opamp(std::string_view model, const ResolvedParams& p, bool) {
  const bool rout = p[2] > 0;
  std::ostringstream s;
  s << ".subckt " << model << " inp inn out gain=" << deck_number(p[0])
    << " vsat=" << deck_number(p[1]) << " rout=" << deck_number(p[2]) << "\n"
    << "bo " << (rout ? "o" : "out") << " 0 v={vsat}*tanh({gain}*(v(inp)-v(inn))/{vsat})\n";
  if (rout) s << "ro o out {rout}\n";
  s << ".ends " << model << "\n";
  return s.str();
}

}  // namespace

const DeviceDescriptor& opamp_tanh_descriptor() {
  static const DeviceDescriptor d{
      .name = "opamp_tanh",
      .summary =
          "transimpedance inverter with tanh saturation: v(out, ref) = -vinv·tanh(rinv·i/vinv)",
      .letters = "x",
      .terminals = {"in", "out", "ref"},
      .internal_nodes = {},
      .params =
          {
              {"rinv", 1e3, "Ohm", 1e-30, kInf, "transresistance"},
              {"vinv", 1, "V", 1e-30, kInf, "output saturation voltage"},
          },
      .example = "rinv=2k vinv=0.8",
      .nonlinear = true,
      .has_charges = false,
      .dc_paths = {{0, 2}, {1, 2}},  // in is a virtual ground of ref, out is driven from ref
      .make_group =
          [](const netlist::Circuit&) {
            return std::unique_ptr<engine::DeviceGroup>(new OpampTanhGroup);
          },
      .add = add_opamp_tanh,
      .ngspice_subckt = ngspice_opamp_tanh,
      .verilog_a_body =
          "  analog begin\n"
          "    V(in, ref) <+ 0;\n"
          "    V(out, ref) <+ -vinv * tanh(rinv * I(in, ref) / vinv);\n"
          "  end\n",
  };
  return d;
}

const DeviceDescriptor& opamp_descriptor() {
  static const DeviceDescriptor d{
      .name = "opamp",
      .summary =
          "finite-gain amplifier with smooth saturation: v(o) = vsat·tanh(gain·v(inp, inn)/vsat)",
      .letters = "x",
      .terminals = {"inp", "inn", "out"},
      .internal_nodes = {},
      .params =
          {
              {"gain", 1e5, "", 1e-30, kInf, "open-loop gain"},
              {"vsat", 10, "V", 1e-30, kInf, "output saturation voltage"},
              {"rout", 0, "Ohm", 0, kInf, "output resistance"},
          },
      .example = "gain=1e3 vsat=2 rout=50",
      .nonlinear = true,
      .has_charges = false,
      .dc_paths = {{2, -1}},  // the output is driven against ground; the inputs draw nothing
      .make_group =
          [](const netlist::Circuit&) {
            return std::unique_ptr<engine::DeviceGroup>(new OpampGroup);
          },
      .add = add_opamp,
      .ngspice_subckt = ngspice_opamp,
      .verilog_a_body =
          "  electrical o;\n"
          "  analog begin\n"
          "    V(o) <+ vsat * tanh(gain * V(inp, inn) / vsat);\n"
          "    if (rout > 0)\n"
          "      I(o, out) <+ V(o, out) / rout;\n"
          "    else\n"
          "      V(o, out) <+ 0;\n"
          "  end\n",
  };
  return d;
}

}  // namespace xb::devices
