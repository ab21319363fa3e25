// The ideal op-amp of circuit theory, a nullor (Carlin, "Singular network elements", IEEE Trans.
// Circuit Theory 11(1), 1964): the input draws no current and is held at zero difference, the
// output supplies whatever current the circuit around it needs:
//   v(inp) − v(inn) = 0,   i(inp) = i(inn) = 0,   j = the current into `out` (an unknown)
// It is linear, so a crossbar whose peripheral amplifiers are ideal stays a linear network (one
// factorization serves every input vector); with negative feedback it gives the textbook
// results exactly (virtual grounds at 0 V, transimpedance −R·I). Other simulators have no
// nullor: the exported forms are a voltage-controlled source of gain 1e8. Its finite-gain error
// is ~1e-8 of the output; a larger gain does not help in double precision, where the input
// difference (output/gain) drowns in the rounding of the input voltages (1e12 left 1e-4).

#include "devices/opamp_ideal.hpp"

namespace xb::devices {

using engine::Unknown;

void OpampIdealGroup::add(const netlist::FlatElement& e) {
  inst_.push_back({e.name, {e.nodes[0], e.nodes[1], e.nodes[2]}});
}

void OpampIdealGroup::add_unknowns(engine::MnaSystem& sys, const engine::BindContext&) {
  for (const Instance& in : inst_)
    branch_.push_back(sys.add_unknown("i(" + in.name + ")", engine::UnknownKind::current));
}

void OpampIdealGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  for (size_t k = 0; k < inst_.size(); ++k) {
    Unknown p = ctx.node(inst_[k].nodes[0]), n = ctx.node(inst_[k].nodes[1]),
            out = ctx.node(inst_[k].nodes[2]), j = branch_[k];
    rows_.push_back({p.value, n.value, out.value, j.value});
    slots_.push_back({sys.request(out, j), sys.request(j, p), sys.request(j, n)});
  }
}

void OpampIdealGroup::resolve(const engine::MnaSystem& sys) {
  for (size_t k = 0; k < rows_.size(); ++k) {
    for (int& r : rows_[k]) r = r < 0 ? sys.size() : r;
    for (int& s : slots_[k]) s = sys.value_index(s);
  }
}

void OpampIdealGroup::load(const engine::EvalRequest& r) const {
  for (size_t k = 0; k < inst_.size(); ++k) {
    const auto& row = rows_[k];
    const auto& s = slots_[k];
    r.residual[row[2]] += r.x[row[3]];
    r.residual[row[3]] += r.x[row[0]] - r.x[row[1]];
    r.jacobian[s[0]] += 1;
    r.jacobian[s[1]] += 1;
    r.jacobian[s[2]] -= 1;
  }
}

void OpampIdealGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(inst_, out);
}

namespace {

std::string add_opamp_ideal(engine::DeviceGroup* group, const netlist::FlatElement& e,
                            const ResolvedParams&, const BuildContext&) {
  static_cast<OpampIdealGroup&>(*group).add(e);
  return "";
}

std::string ngspice_opamp_ideal(std::string_view model, const ResolvedParams&, bool) {
  return ".subckt " + std::string(model) + " inp inn out\neo out 0 inp inn 1e8\n.ends " +
         std::string(model) + "\n";
}

}  // namespace

const DeviceDescriptor& opamp_ideal_descriptor() {
  static const DeviceDescriptor d{
      .name = "opamp_ideal",
      .summary = "ideal op-amp, a nullor (Carlin 1964): v(inp) = v(inn), no input current",
      .letters = "x",
      .terminals = {"inp", "inn", "out"},
      .internal_nodes = {},
      .params = {},
      .example = "",
      .nonlinear = false,
      .has_charges = false,
      .dc_paths = {{2, -1}},  // the output is driven against ground; the inputs draw nothing
      .make_group =
          [](const netlist::Circuit&) {
            return std::unique_ptr<engine::DeviceGroup>(new OpampIdealGroup);
          },
      .add = add_opamp_ideal,
      .ngspice_subckt = ngspice_opamp_ideal,
      .verilog_a_body =
          "  analog begin\n"
          "    V(out) <+ 1e8 * V(inp, inn);\n"
          "  end\n",
  };
  return d;
}

}  // namespace xb::devices
