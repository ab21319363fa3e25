// Programmable conductor (the ideal crossbar cell): i = m·g·(v(p) − v(n)), m parallel cells.
//   g = g=, or 1/r=; clamped to [gmin, gmax] (a device cannot be programmed past its range);
//   levels = N ≥ 2 snaps g to the nearest of gmin + k·(gmax − gmin)/(N − 1), k = 0…N−1
//   (N-level programming precision; needs a finite gmax).

#include "devices/conductor.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace xb::devices {

ConductorGroup::Range ConductorGroup::Range::from(const ResolvedParams& p) {
  enum { kGmin = 2, kGmax, kLevels };
  return {p[kGmin], p[kGmax], p[kLevels]};
}

ConductorGroup::Programmed ConductorGroup::program(const ResolvedParams& p) {
  enum { kG, kR };
  if (p.given[kG] == p.given[kR]) return {0, "conductor needs exactly one of g= and r="};
  if (p.given[kR] && p[kR] == 0) return {0, "conductor r= must be positive"};
  return program(p.given[kG] ? p[kG] : 1 / p[kR], Range::from(p));
}

ConductorGroup::Programmed ConductorGroup::program(double g, const Range& range) {
  if (range.gmin > range.gmax) return {0, "conductor gmin is above gmax"};
  if (!(g >= 0)) return {0, "conductor g must be a non-negative number"};
  g = std::clamp(g, range.gmin, range.gmax);
  const double levels = range.levels;
  if (levels != 0) {
    if (levels < 2 || levels != std::floor(levels))
      return {0, "conductor levels= must be 0 (continuous) or an integer >= 2"};
    if (!std::isfinite(range.gmax) || range.gmax <= range.gmin)
      return {0, "conductor levels= needs a finite gmax above gmin"};
    const double step = (range.gmax - range.gmin) / (levels - 1);
    g = range.gmin + std::round((g - range.gmin) / step) * step;
  }
  return {g, ""};
}

void ConductorGroup::add(const netlist::FlatElement& e, double g, const Range& range, double m) {
  range_.push_back(range);
  m_.push_back(m);
  names_.push_back(e.name);
  nodes_.push_back({e.nodes[0], e.nodes[1]});
  g_.push_back(g);
}

void ConductorGroup::request_slots(engine::MnaSystem& sys, const engine::BindContext& ctx) {
  for (auto [np, nn] : nodes_) {
    engine::Unknown p = ctx.node(np), n = ctx.node(nn);
    rows_.push_back({p.value, n.value});
    slots_.push_back({sys.request(p, p), sys.request(p, n), sys.request(n, p), sys.request(n, n)});
  }
}

void ConductorGroup::resolve(const engine::MnaSystem& sys) {
  engine::resolve_rows_and_slots(sys, rows_, slots_);
}

void ConductorGroup::load(const engine::EvalRequest& r) const {
  for (size_t k = 0; k < g_.size(); ++k) {
    const int p = rows_[k][0], n = rows_[k][1];
    const double g = m_[k] * g_[k], i = g * (r.x[p] - r.x[n]);
    r.residual[p] += i;
    r.residual[n] -= i;
    r.jacobian[slots_[k][0]] += g;
    r.jacobian[slots_[k][1]] -= g;
    r.jacobian[slots_[k][2]] -= g;
    r.jacobian[slots_[k][3]] += g;
  }
}

void ConductorGroup::instance_names(std::vector<std::string_view>& out) const {
  engine::append_names(names_, out);
}

double ConductorGroup::current(size_t k, const double* x) const {
  return m_[k] * g_[k] * (x[rows_[k][0]] - x[rows_[k][1]]);
}

std::optional<int> ConductorGroup::parameter_id(std::string_view name) const {
  if (name == "g") return 0;
  if (name == "r") return 1;
  return std::nullopt;
}

double ConductorGroup::parameter(size_t k, int id) const {
  return id == 0 ? g_[k] : 1 / g_[k];
}

std::string ConductorGroup::set_parameter(size_t k, int id, double value) {
  if (id == 1 && !(value > 0)) return "conductor r must be positive";
  Programmed p = program(id == 0 ? value : 1 / value, range_[k]);
  if (p.error.empty()) g_[k] = p.g;
  return p.error;
}

namespace {

std::string add_conductor(engine::DeviceGroup* group, const netlist::FlatElement& e,
                          const ResolvedParams& p, const BuildContext&) {
  ConductorGroup::Programmed g = ConductorGroup::program(p);
  if (!g.error.empty()) return g.error;
  static_cast<ConductorGroup&>(*group).add(e, g.g, ConductorGroup::Range::from(p), p[5]);
  return "";
}

// ngspice: a G element of the programmed conductance, the programming as .param arithmetic.
std::string ngspice_conductor(std::string_view model, const ResolvedParams& p, bool) {
  std::ostringstream s;
  s << ".subckt " << model << " p n g=" << (p.given[0] ? deck_number(p[0]) : "-1")
    << " r=" << (p.given[1] ? deck_number(p[1]) : "-1") << " gmin=" << deck_number(p[2])
    << " gmax=" << deck_number(p[3]) << " levels=" << deck_number(p[4]) << "\n"
    << ".param graw={g >= 0 ? g : 1/r}\n.param gcl={min(max(graw, gmin), gmax)}\n"
    << ".param gstep={levels >= 2 ? (gmax - gmin)/(levels - 1) : 1}\n"
    << ".param geff={levels >= 2 ? gmin + floor((gcl - gmin)/gstep + 0.5)*gstep : gcl}\n"
    << "gcond p n p n {geff}\n.ends " << model << "\n";
  return s.str();
}

constexpr const char* kVerilogA =
    "  real graw, geff, step;\n"
    "  analog begin\n"
    "    @(initial_step) begin\n"
    "      graw = g >= 0 ? g : 1 / r;\n"
    "      geff = min(max(graw, gmin), gmax);\n"
    "      if (levels >= 2) begin\n"
    "        step = (gmax - gmin) / (levels - 1);\n"
    "        geff = gmin + floor((geff - gmin) / step + 0.5) * step;\n"
    "      end\n"
    "    end\n"
    "    I(p, n) <+ geff * V(p, n);\n"
    "  end\n";

}  // namespace

const DeviceDescriptor& conductor_descriptor() {
  static const DeviceDescriptor d{
      .name = "conductor",
      .summary = "programmable conductor, the ideal crossbar cell: i = g·v(p, n)",
      .letters = "x",
      .terminals = {"p", "n"},
      .internal_nodes = {},
      .params =
          {
              {"g", NAN, "S", 0, kInf, "conductance (give g or r)"},
              {"r", NAN, "Ohm", 0, kInf, "resistance, 1/g"},
              {"gmin", 0, "S", 0, kInf, "smallest programmable conductance"},
              {"gmax", kInf, "S", 0, kInf, "largest programmable conductance"},
              {"levels", 0, "", 0, 1e9, "programming levels in [gmin, gmax] (0: continuous)"},
              {"m", 1, "", 1e-30, kInf, "parallel cells (each programmed to g)",
               ParamScope::instance},
          },
      .example = "g=1m",
      .nonlinear = false,
      .has_charges = false,
      .dc_paths = {{0, 1}},
      .make_group =
          [](const netlist::Circuit&) {
            return std::unique_ptr<engine::DeviceGroup>(new ConductorGroup);
          },
      .add = add_conductor,
      .ngspice_subckt = ngspice_conductor,
      .verilog_a_body = kVerilogA,
  };
  return d;
}

}  // namespace xb::devices
