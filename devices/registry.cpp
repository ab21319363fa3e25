#include <algorithm>
#include <cmath>
#include <cstdio>

#include "devices/behavioural.hpp"
#include "devices/builtin.hpp"
#include "devices/diode.hpp"
#include "devices/linear_devices.hpp"
#include "devices/mosfet1.hpp"
#include "devices/reactive.hpp"
#include "devices/resistor.hpp"
#include "devices/sources.hpp"

namespace xb::devices {
namespace {

// The value an independent source holds in DC analyses: its DC value, else the time-zero value
// of its transient function (as SPICE does for .op without DC).
double dc_value(const netlist::FlatSource* s) {
  if (!s) return 0;
  if (s->dc) return *s->dc;
  if (s->args.empty()) return 0;
  if (s->function == netlist::SourceFunction::pwl) return s->args.size() > 1 ? s->args[1] : 0;
  return s->args[0];
}

}  // namespace

BuildResult build_device_groups(const netlist::Circuit& circuit) {
  BuildResult out;
  auto resistors = std::make_unique<ResistorGroup>();
  auto vsources = std::make_unique<BranchSourceGroup>("vsource");
  auto vcvs = std::make_unique<BranchSourceGroup>("vcvs");
  auto ccvs = std::make_unique<BranchSourceGroup>("ccvs");
  auto isources = std::make_unique<CurrentSourceGroup>("isource");
  auto vccs = std::make_unique<CurrentSourceGroup>("vccs");
  auto cccs = std::make_unique<CurrentSourceGroup>("cccs");
  const double gmin = netlist::param_or(circuit.options, "gmin", 1e-12);
  auto diodes = std::make_unique<DiodeGroup>(gmin);
  auto mos1 = std::make_unique<Mos1Group>(gmin);
  auto fail = [&](const netlist::FlatElement& e, const std::string& why) {
    out.errors.push_back("element " + e.name + ": " + why);
    out.error_locs.push_back(e.loc);
  };
  auto behavioural = std::make_unique<BehaviouralGroup>();
  auto capacitors = std::make_unique<CapacitorGroup>();
  // X lines of built-in device types: one group per descriptor, made when first needed,
  // parameters resolved from the descriptor's table.
  std::vector<std::pair<const DeviceDescriptor*, std::unique_ptr<engine::DeviceGroup>>> builtins;
  const bool strict = netlist::param_or(circuit.options, "strict", 0) != 0;
  auto add_builtin = [&](const netlist::FlatElement& e) {
    const std::string_view type = circuit.device_type(e);
    const DeviceDescriptor* t = find_builtin(type);
    if (!t) return fail(e, "no built-in device type '" + std::string(type) + "'");
    std::vector<std::string> unknown;
    ResolvedParams p = resolve_params(*t, circuit.models[e.model].params, e.params, &unknown);
    for (const std::string& why : unknown) {
      if (strict) {
        fail(e, why);
      } else {
        out.warnings.push_back("element " + e.name + ": " + why + ": ignored");
        out.warning_locs.push_back(e.loc);
      }
    }
    if (!p.error.empty()) return fail(e, p.error);
    auto it =
        std::find_if(builtins.begin(), builtins.end(), [&](const auto& b) { return b.first == t; });
    if (it == builtins.end()) it = builtins.emplace(builtins.end(), t, t->make_group());
    if (std::string error = t->add(*it->second, e, p); !error.empty()) fail(e, error);
  };
  auto inductors = std::make_unique<InductorGroup>();
  // The element's value: first positional value, else the named one (c=1p, l=1u).
  auto value_of = [](const netlist::FlatElement& e, const char* name) {
    return !e.values.empty() ? e.values[0] : netlist::param_or(e.params, name, NAN);
  };
  auto source_of = [](const netlist::FlatElement& e) {
    return e.source ? Waveform(*e.source) : Waveform();
  };
  // E/G/B whose value is an expression (or a constant given as vol=/cur=/value=/v=/i=).
  auto add_behavioural = [&](const netlist::FlatElement& e) {
    static const char* kVoltage[] = {"vol", "value", "v"};
    static const char* kCurrent[] = {"cur", "value", "i"};
    BehaviouralGroup::Instance in;
    in.name = e.name;
    in.p = e.nodes[0];
    in.n = e.nodes[1];
    in.voltage_defined =
        e.kind == 'e' || (e.kind == 'b' && !e.expressions.empty() && e.expressions[0].first == "v");
    const auto& names = in.voltage_defined ? kVoltage : kCurrent;
    for (const auto& [name, expr] : e.expressions)
      for (const char* n : names)
        if (name == n && !in.expression) in.expression = expr;
    for (const char* n : names)
      if (!in.expression)
        if (const double* v = netlist::find_param(e.params, n))
          in.expression = netlist::Expression::constant(*v);
    if (!in.expression) return fail(e, "behavioural source needs an expression");
    if (const double* v = netlist::find_param(e.params, "max")) in.max = *v;
    if (const double* v = netlist::find_param(e.params, "min")) in.min = *v;
    netlist::ExpressionGradient probe(in.expression);
    for (const netlist::CircuitRef& ref : probe.refs()) {
      if (ref.kind == netlist::CircuitRef::Kind::voltage) {
        auto a = circuit.find_node(ref.a), b = circuit.find_node(ref.b);
        if (!a || !b)
          return fail(e, "expression reads v(" + (a ? ref.b : ref.a) + "), no such node");
        in.ref_nodes.push_back(*a);
        in.ref_nodes.push_back(*b);
      } else {
        const netlist::FlatElement* src = circuit.find_element(ref.a);
        bool branch =
            src &&
            (src->kind == 'v' || src->kind == 'e' || src->kind == 'h' ||
             (src->kind == 'b' && !src->expressions.empty() && src->expressions[0].first == "v"));
        if (!branch)
          return fail(e, "expression reads i(" + ref.a +
                             "): only currents of V, E, H and B V= sources can be read");
      }
    }
    behavioural->add(std::move(in));
  };
  for (const netlist::FlatElement& e : circuit.elements) {
    const bool linear_controlled = e.expressions.empty() && e.model < 0 && e.params.empty();
    switch (e.kind) {
      case 'r': {
        double r =
            !e.values.empty()
                ? e.values[0]
                : netlist::param_or(e.params, "r", netlist::param_or(e.params, "resistance", 0));
        if (r == 0 || !std::isfinite(r)) {
          fail(e, "resistance must be finite and non-zero");
          continue;
        }
        resistors->add(e, r, netlist::param_or(e.params, "tc1", 0),
                       netlist::param_or(e.params, "tc2", 0));
        break;
      }
      case 'v': {
        BranchSourceGroup::Instance v;
        v.name = e.name, v.p = e.nodes[0], v.n = e.nodes[1];
        v.value = dc_value(e.source.get());
        v.independent = true;
        v.wave = source_of(e);
        vsources->add(std::move(v));
        break;
      }
      case 'i': {
        CurrentSourceGroup::Instance i;
        i.name = e.name, i.p = e.nodes[0], i.n = e.nodes[1];
        i.value = dc_value(e.source.get());
        i.independent = true;
        i.wave = source_of(e);
        isources->add(std::move(i));
        break;
      }
      case 'c': {
        const double c = value_of(e, "c");
        if (!std::isfinite(c) || c < 0) {
          fail(e, "capacitance must be given, finite and non-negative");
          continue;
        }
        capacitors->add(e, c * netlist::param_or(e.params, "m", 1),
                        netlist::param_or(e.params, "ic", NAN));
        break;
      }
      case 'l': {
        const double l = value_of(e, "l");
        if (!std::isfinite(l) || l <= 0) {
          fail(e, "inductance must be given, finite and positive");
          continue;
        }
        inductors->add(e, l, netlist::param_or(e.params, "ic", NAN));
        break;
      }
      case 'k':
        break;  // after every inductor is known
      case 'x':
        add_builtin(e);
        break;
      case 'b':
        add_behavioural(e);
        break;
      case 'e':
      case 'g': {
        // Two nodes: a behavioural source (vol=/cur=/value=); four nodes and a gain: linear.
        if (e.nodes.size() == 2) {
          add_behavioural(e);
          break;
        }
        if (e.nodes.size() != 4 || e.values.size() != 1 || !e.expressions.empty()) {
          fail(e, "POLY and OPAMP controlled sources are not simulated yet");
          continue;
        }
        if (e.kind == 'e')
          vcvs->add({e.name,
                     e.nodes[0],
                     e.nodes[1],
                     e.nodes[2],
                     e.nodes[3],
                     0,
                     e.values[0],
                     0,
                     "",
                     false,
                     {}});
        else
          vccs->add({e.name,
                     e.nodes[0],
                     e.nodes[1],
                     e.nodes[2],
                     e.nodes[3],
                     0,
                     e.values[0],
                     0,
                     "",
                     false,
                     {}});
        break;
      }
      case 'f':
      case 'h':
        if (e.values.size() != 1 || e.refs.size() != 1 || !linear_controlled) {
          fail(e, "POLY current-controlled sources are not simulated yet");
          continue;
        }
        if (e.kind == 'f')
          cccs->add(
              {e.name, e.nodes[0], e.nodes[1], {}, {}, 0, 0, e.values[0], e.refs[0], false, {}});
        else
          ccvs->add(
              {e.name, e.nodes[0], e.nodes[1], {}, {}, 0, 0, e.values[0], e.refs[0], false, {}});
        break;
      case 'd': {
        const netlist::NumericParams& m = circuit.models[e.model].params;
        DiodeParams p;
        p.is = netlist::param_or(m, "is", p.is);
        p.n = netlist::param_or(m, "n", p.n);
        p.rs = netlist::param_or(m, "rs", p.rs);
        p.bv = netlist::param_or(m, "bv", p.bv);
        p.ibv = netlist::param_or(m, "ibv", p.ibv);
        p.area = !e.values.empty() ? e.values[0] : netlist::param_or(e.params, "area", 1.0);
        p.cjo =
            netlist::param_or(m, "cjo", netlist::param_or(m, "cj0", netlist::param_or(m, "cj", 0)));
        p.vj = netlist::param_or(m, "vj", netlist::param_or(m, "pb", p.vj));
        p.m = netlist::param_or(m, "m", netlist::param_or(m, "mj", p.m));
        p.fc = netlist::param_or(m, "fc", p.fc);
        p.tt = netlist::param_or(m, "tt", p.tt);
        if (p.is <= 0 || p.n <= 0 || p.area <= 0 || p.rs < 0 || p.cjo < 0 || p.vj <= 0 ||
            p.m <= 0 || p.m > 0.9 || p.fc < 0 || p.fc >= 1 || p.tt < 0) {
          fail(e,
               "diode needs is > 0, n > 0, area > 0, rs >= 0, cjo >= 0, vj > 0, 0 < m <= 0.9, "
               "0 <= fc < 1 and tt >= 0");
          continue;
        }
        diodes->add(e, p);
        break;
      }
      case 'm': {
        const netlist::FlatModel& model = circuit.models[e.model];
        const netlist::NumericParams& m = model.params;
        const double level = netlist::param_or(m, "level", 1);
        if (level != 1) {
          char text[32];
          std::snprintf(text, sizeof text, "%g", level);  // any number the deck wrote
          fail(e, std::string("MOSFET level ") + text + " is not simulated yet (level 1 is)");
          continue;
        }
        Mos1Params p;
        p.polarity = model.type == "pmos" ? -1 : 1;
        p.vto = netlist::param_or(m, "vto", netlist::param_or(m, "vt0", p.vto));
        p.kp = netlist::param_or(m, "kp", p.kp);
        p.gamma = netlist::param_or(m, "gamma", p.gamma);
        p.phi = netlist::param_or(m, "phi", p.phi);
        p.lambda = netlist::param_or(m, "lambda", p.lambda);
        p.is = netlist::param_or(m, "is", p.is);
        p.ld = netlist::param_or(m, "ld", p.ld);
        p.w = netlist::param_or(e.params, "w", netlist::param_or(circuit.options, "defw", p.w));
        p.l = netlist::param_or(e.params, "l", netlist::param_or(circuit.options, "defl", p.l));
        p.m = netlist::param_or(e.params, "m", 1);
        // TOX gives the oxide capacitance per area (SiO2, εr = 3.9) and, without KP, KP = UO·cox.
        const double tox = netlist::param_or(m, "tox", 0);
        const double cox = tox > 0 ? 3.9 * 8.854214871e-12 / tox : 0;
        if (tox > 0 && !netlist::find_param(m, "kp"))
          p.kp = netlist::param_or(m, "uo", netlist::param_or(m, "u0", 600)) * 1e-4 * cox;
        p.oxide_cap = cox * p.w * (p.l - 2 * p.ld) * p.m;
        p.cgso = netlist::param_or(m, "cgso", 0);
        p.cgdo = netlist::param_or(m, "cgdo", 0);
        p.cgbo = netlist::param_or(m, "cgbo", 0);
        p.cbd = netlist::param_or(m, "cbd", 0);
        p.cbs = netlist::param_or(m, "cbs", 0);
        p.cj = netlist::param_or(m, "cj", 0);
        p.cjsw = netlist::param_or(m, "cjsw", 0);
        p.mj = netlist::param_or(m, "mj", p.mj);
        p.mjsw = netlist::param_or(m, "mjsw", p.mjsw);
        p.pb = netlist::param_or(m, "pb", p.pb);
        p.fc = netlist::param_or(m, "fc", p.fc);
        p.ad = netlist::param_or(e.params, "ad", netlist::param_or(circuit.options, "defad", 0));
        p.as = netlist::param_or(e.params, "as", netlist::param_or(circuit.options, "defas", 0));
        p.pd = netlist::param_or(e.params, "pd", 0);
        p.ps = netlist::param_or(e.params, "ps", 0);
        if (p.l - 2 * p.ld <= 0 || p.w <= 0 || p.phi <= 0 || p.m <= 0 || p.pb <= 0 || p.fc < 0 ||
            p.fc >= 1 || p.mj <= 0 || p.mj > 0.9 || p.mjsw <= 0 || p.mjsw > 0.9) {
          fail(e,
               "MOSFET needs w > 0, l > 2·ld, phi > 0, m > 0, pb > 0, 0 <= fc < 1 and "
               "0 < mj, mjsw <= 0.9");
          continue;
        }
        netlist::FlatElement four = e;
        if (four.nodes.size() == 3) four.nodes.push_back(four.nodes[2]);  // bulk tied to source
        mos1->add(four, p);
        break;
      }
      default:
        fail(e, std::string("elements of type '") + e.kind + "' are not simulated yet");
    }
  }
  for (const netlist::FlatElement& e : circuit.elements) {
    if (e.kind != 'k') continue;
    const double k = value_of(e, "k");
    if (e.refs.size() != 2 || !std::isfinite(k) || std::fabs(k) > 1)
      fail(e, "mutual inductance needs two inductors and a coupling |k| <= 1");
    else if (!inductors->couple(e.refs[0], e.refs[1], k))
      fail(e, "couples " + e.refs[0] + " and " + e.refs[1] + ", which must both be inductors");
  }
  out.groups.push_back(std::move(resistors));
  out.groups.push_back(std::move(capacitors));
  out.groups.push_back(std::move(inductors));
  out.groups.push_back(std::move(vsources));
  out.groups.push_back(std::move(vcvs));
  out.groups.push_back(std::move(ccvs));
  out.groups.push_back(std::move(isources));
  out.groups.push_back(std::move(vccs));
  out.groups.push_back(std::move(cccs));
  out.groups.push_back(std::move(diodes));
  out.groups.push_back(std::move(mos1));
  out.groups.push_back(std::move(behavioural));
  for (auto& [type, group] : builtins) out.groups.push_back(std::move(group));
  return out;
}

}  // namespace xb::devices
