#include "frontends/crossbar/mnist_circuit.hpp"

#include "frontends/crossbar/subtractor.hpp"
#include "netlist/deck_assembly.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace xb::crossbar {
namespace {

using netlist::Value;

std::string idx(Eigen::Index i) {
  return std::to_string(i);
}

class DeckBuilder {
 public:
  // `ports`: each inverter replaced by its ports, a 0 V source sensing its input current
  // (vsi<L>_<k>) and a source for its output voltage (vho<L>_<k>): the linear rest of the circuit.
  DeckBuilder(const MnistCircuitSpec& s, bool ports) : s_(s), ports_(ports), a_(d_) {}

  netlist::Deck build(const std::vector<MnistImage>& images) {
    d_.title = "MNIST 144-" + idx(s_.weights.w1.rows()) + "-10 crossbar network built by xbspice";
    for (const auto& [name, value] : s_.options) d_.options.push_back({name, Value::of(value)});
    models();
    const Eigen::VectorXd u = input_voltages(images.empty() ? MnistImage{} : images[0], s_.gains);
    std::vector<std::string> drivers;
    for (int j = 0; j < kMnistInputs; ++j) {
      source("vin" + idx(j), "in" + idx(j), u[j]);
      if (s_.pwm && !ports_) pwm_waveform(j, images);
      drivers.push_back("in" + idx(j));
    }
    if (s_.cell == MnistCircuitSpec::Cell::one_t_one_r) source("vwl", "wl", s_.vgate);
    const std::vector<std::string> hidden = layer(1, s_.weights.w1, drivers, "h");
    layer(2, s_.weights.w2, hidden, "out");
    analysis(images);
    return std::move(d_);
  }

 private:
  bool wired() const { return s_.wire_r > 0; }

  void model(const std::string& name, const std::string& type, std::vector<netlist::NamedValue> p) {
    a_.model(name, type, std::move(p));
  }

  void models() {
    using C = MnistCircuitSpec::Cell;
    if (s_.cell != C::taox) model("xb_g", "conductor", {});
    // A TaOx device of half the paper's area (Gm and the semiconducting prefactor halved): at
    // 0.2 V its read conductance spans 29 µS to 12.5 mS, which holds the weights' 37–200 µS
    // (the paper's device bottoms out at 59 µS, above a zero weight's 1/27.2 kΩ).
    if (s_.cell == C::taox)
      model("xb_taox", "taox",
            {{"vread", Value::of(s_.gains.vread)},
             {"a", Value::of(3.6e-6)},
             {"gm", Value::of(0.0125)}});
    if (s_.cell == C::one_t_one_r) d_.models.push_back(netlist::access_nmos_model("xb_nacc"));
    model("xb_amp", "opamp_ideal", {});
    if (ports_) return;
    model("xb_inv1", "opamp_tanh",
          {{"rinv", Value::of(s_.gains.rinv1)}, {"vinv", Value::of(s_.gains.vinv)}});
    model("xb_inv2", "opamp_tanh",
          {{"rinv", Value::of(s_.gains.rinv2)}, {"vinv", Value::of(s_.gains.vinv)}});
  }

  void element(char kind, std::string name, std::vector<std::string> nodes, std::string model,
               std::vector<Value> values, std::vector<netlist::NamedValue> params = {}) {
    a_.element(kind, std::move(name), std::move(nodes), std::move(model), std::move(values),
               std::move(params));
  }

  void source(const std::string& name, const std::string& plus, double dc) {
    a_.source(name, plus, dc);
  }

  // One layer: both arrays of `w` (outputs × inputs), the subtractors and the inverters, whose
  // output nodes (`out_prefix`<k>) it returns.
  std::vector<std::string> layer(int l, const Eigen::MatrixXd& w,
                                 const std::vector<std::string>& drivers,
                                 const std::string& out_prefix) {
    const Eigen::Index rows = w.cols(), cols = w.rows();
    const std::string L = idx(l);
    for (const char sign : {'p', 'n'}) {
      const std::string a = "l" + L + sign;
      auto row = [&](Eigen::Index i, Eigen::Index k) {
        return !wired() || k == 0 ? drivers[i] : a + "r" + idx(i) + "_" + idx(k);
      };
      auto col = [&](Eigen::Index i, Eigen::Index k) {
        return !wired() ? a + "c" + idx(k) : a + "c" + idx(i) + "_" + idx(k);
      };
      const Eigen::MatrixXd* given =
          s_.conductances.empty() ? nullptr : &s_.conductances[2 * (l - 1) + (sign == 'n')];
      for (Eigen::Index i = 0; i < rows; ++i)
        for (Eigen::Index k = 0; k < cols; ++k) {
          const double magnitude = std::max(sign == 'p' ? w(k, i) : -w(k, i), 0.0);
          const double g = given ? (*given)(i, k) : 1 / weight_resistance(magnitude);
          cell(a + "_" + idx(i) + "_" + idx(k), row(i, k), col(i, k), g);
        }
      if (wired()) {
        const Value r = Value::of(s_.wire_r);
        for (Eigen::Index i = 0; i < rows; ++i)
          for (Eigen::Index k = 0; k < cols; ++k) {
            const std::string at = a + "_" + idx(i) + "_" + idx(k);
            if (k + 1 < cols) element('r', "rr" + at, {row(i, k), row(i, k + 1)}, "", {r});
            if (i + 1 < rows) element('r', "rc" + at, {col(i, k), col(i + 1, k)}, "", {r});
          }
      }
      for (Eigen::Index k = 0; k < cols; ++k)
        bottom_[sign == 'p' ? 0 : 1].push_back(col(rows - 1, k));
    }
    std::vector<std::string> outputs;
    for (Eigen::Index k = 0; k < cols; ++k) {
      const std::string id = L + "_" + idx(k);
      const std::string s = "s" + id, out = out_prefix + idx(k);
      const std::string d =
          append_subtractor(a_, id, bottom_[0][k], bottom_[1][k], s_.rsub, "xb_amp");
      element('r', "rs" + id, {d, s}, "", {Value::of(s_.rsub)});
      if (ports_) {
        source("vsi" + id, s, 0);
        source("vho" + id, out, 0);
      } else {
        element('x', "xinv" + id, {s, out, "0"}, "xb_inv" + L, {});
      }
      outputs.push_back(out);
    }
    bottom_[0].clear(), bottom_[1].clear();
    return outputs;
  }

  void cell(const std::string& id, const std::string& row, const std::string& col,
            double conductance) {
    const Value g = Value::of(conductance);
    switch (s_.cell) {
      case MnistCircuitSpec::Cell::conductor:
        element('x', "xg" + id, {row, col}, "xb_g", {}, {{"g", g}});
        return;
      case MnistCircuitSpec::Cell::taox:
        element('x', "xm" + id, {row, col}, "xb_taox", {}, {{"g0", g}});
        return;
      case MnistCircuitSpec::Cell::one_t_one_r:
        element('x', "xg" + id, {row, "t" + id}, "xb_g", {}, {{"g", g}});
        element(
            'm', "mn" + id, {"t" + id, "wl", col, "0"}, "xb_nacc", {},
            {{"w", Value::of(netlist::kAccessWidth)}, {"l", Value::of(netlist::kAccessLength)}});
        return;
    }
  }

  // Input j as a PWL source: per image k its pulse in period k, edges of pwm_edge centred on the
  // nominal switching times, so the pulse's area is exactly vread·duty·period.
  void pwm_waveform(int j, const std::vector<MnistImage>& images) {
    auto spec = std::make_shared<netlist::SourceSpec>(*d_.elements.back().source);
    spec->dc = Value::of(0);
    spec->function = netlist::SourceFunction::pwl;
    std::vector<std::pair<double, double>> points{{0, 0}};
    const double half = s_.pwm_edge / 2, t_end = s_.pwm_period * std::max<size_t>(images.size(), 1);
    auto level = [&](double t, double v) {
      t = std::clamp(t, 0.0, t_end);
      if (t <= points.back().first)
        points.back().second = v;  // a switch at the very start
      else
        points.emplace_back(t, v);
    };
    for (size_t k = 0; k < images.size(); ++k) {
      const double t0 = k * s_.pwm_period, on = s_.pwm_period * images[k].pixels[j] / 15.0;
      if (on <= 0) continue;
      const double a = t0 + (j % 2 == 0 ? 0 : s_.pwm_period - on), b = a + on;
      const double v = s_.gains.vread;
      if (points.back().second != v || points.back().first < a - half) {
        level(a - half, 0), level(a + half, v);
      }
      level(b - half, v), level(b + half, 0);
    }
    if (points.back().first < t_end) points.emplace_back(t_end, points.back().second);
    for (const auto& [t, v] : points)
      spec->args.push_back(Value::of(t)), spec->args.push_back(Value::of(v));
    d_.elements.back().source = std::move(spec);
  }

  void analysis(const std::vector<MnistImage>& images) {
    netlist::Analysis a;
    if (s_.pwm && !ports_) {
      const size_t n = std::max<size_t>(images.size(), 1);
      a.kind = netlist::AnalysisKind::tran;
      a.name = "tran";
      a.tstep = Value::of(s_.pwm_period / 200);
      a.tstop = Value::of(s_.pwm_period * n);
      d_.analyses.push_back(std::move(a));
      for (size_t k = 0; k < n; ++k)
        for (int m = 0; m < kMnistClasses; ++m) {
          netlist::Measure me;
          me.analysis = "tran";
          me.name = "out" + idx(m) + "_" + idx(k);
          me.kind = netlist::MeasureKind::avg;
          me.signal = "v(out" + idx(m) + ")";
          me.from = Value::of(k * s_.pwm_period);
          me.to = Value::of((k + 1) * s_.pwm_period);
          char text[96];
          std::snprintf(text, sizeof text, "avg v(out%d) from=%.17g to=%.17g", m, k * s_.pwm_period,
                        (k + 1) * s_.pwm_period);
          me.text = text;
          d_.measures.push_back(std::move(me));
        }
      return;
    }
    std::vector<std::string> columns;
    for (int j = 0; j < kMnistInputs; ++j) columns.push_back("vin" + idx(j));
    std::vector<std::vector<double>> rows;
    for (const MnistImage& image : images) {
      const Eigen::VectorXd u = input_voltages(image, s_.gains);
      rows.emplace_back(u.data(), u.data() + u.size());
    }
    a_.op_or_data_sweep("images", std::move(columns), rows);
  }

  const MnistCircuitSpec& s_;
  bool ports_;
  netlist::Deck d_;
  netlist::DeckAssembly a_;
  std::vector<std::string> bottom_[2];  // column bottoms of the positive and negative array
};

std::string deck_errors(const session::Session& s) {
  return s.ok() ? "" : s.format_diagnostics();
}

}  // namespace

std::optional<MnistCircuitSpec::Cell> parse_cell(const std::string& name) {
  if (name == "conductor") return MnistCircuitSpec::Cell::conductor;
  if (name == "1t1r") return MnistCircuitSpec::Cell::one_t_one_r;
  if (name == "taox") return MnistCircuitSpec::Cell::taox;
  return std::nullopt;
}

netlist::Deck build_mnist_deck(const MnistCircuitSpec& spec,
                               const std::vector<MnistImage>& images) {
  return DeckBuilder(spec, false).build(images);
}

Eigen::VectorXd input_voltages(const MnistImage& image, const MnistGains& gains) {
  Eigen::VectorXd u(kMnistInputs);
  for (int j = 0; j < kMnistInputs; ++j) u[j] = gains.vread * image.pixels[j] / 15.0;
  return u;
}

std::vector<PwmStretch> pwm_stretches(const MnistImage& image, const MnistGains& gains,
                                      double period) {
  // Switching times: even rows go low at their duty, odd rows go high at period − duty.
  std::vector<double> times{0, period};
  for (int j = 0; j < kMnistInputs; ++j) {
    const double on = period * image.pixels[j] / 15.0;
    if (on > 0 && on < period) times.push_back(j % 2 == 0 ? on : period - on);
  }
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  std::vector<PwmStretch> out;
  for (size_t s = 0; s + 1 < times.size(); ++s) {
    const double mid = 0.5 * (times[s] + times[s + 1]);
    Eigen::VectorXd u(kMnistInputs);
    for (int j = 0; j < kMnistInputs; ++j) {
      const double on = period * image.pixels[j] / 15.0;
      const bool high = j % 2 == 0 ? mid < on : mid >= period - on;
      u[j] = high ? gains.vread : 0.0;
    }
    out.push_back({times[s], times[s + 1], std::move(u)});
  }
  return out;
}

std::string check_conductances(const MnistCircuitSpec& spec) {
  const MnistWeights& w = spec.weights;
  const std::vector<Eigen::MatrixXd>& g = spec.conductances;
  if (g.size() != 4) return "the cell conductances are not four arrays";
  for (size_t a = 0; a < 4; ++a) {
    const Eigen::MatrixXd& layer = a < 2 ? w.w1 : w.w2;
    if (g[a].rows() != layer.cols() || g[a].cols() != layer.rows())
      return "cell conductances of array " + std::to_string(a + 1) + " are " +
             std::to_string(g[a].rows()) + " x " + std::to_string(g[a].cols()) + ", expected " +
             std::to_string(layer.cols()) + " x " + std::to_string(layer.rows());
    if (!(g[a].array() > 0).all() || !g[a].allFinite())
      return "cell conductances of array " + std::to_string(a + 1) + " must be finite and > 0";
  }
  return "";
}

MnistCircuit::MnistCircuit(const MnistCircuitSpec& spec) : spec_(spec) {}
MnistCircuit::~MnistCircuit() = default;

std::unique_ptr<MnistCircuit> MnistCircuit::create(const MnistCircuitSpec& spec,
                                                   std::string& error) {
  error = check_weights(spec.weights);
  if (error.empty() && !spec.conductances.empty()) error = check_conductances(spec);
  if (!error.empty()) return nullptr;
  std::unique_ptr<MnistCircuit> c(new MnistCircuit(spec));
  error = c->prepare_full();
  if (error.empty() && spec.cell == MnistCircuitSpec::Cell::conductor)
    error = c->prepare_reduction();
  if (!error.empty()) return nullptr;
  return c;
}

std::string MnistCircuit::prepare_full() {
  full_.emplace(session::Session::from_deck(build_mnist_deck(spec_, {})));
  if (std::string e = deck_errors(*full_); !e.empty()) return e;
  full_->set_chord_steps(true);  // image after image on the last factorization while it serves
  for (int j = 0; j < kMnistInputs; ++j) inputs_.push_back(full_->source("vin" + idx(j)));
  for (int m = 0; m < kMnistClasses; ++m) outputs_.push_back(full_->probe("v(out" + idx(m) + ")"));
  // Every cell's voltage: from its row node to its column node (1T1R: across both devices).
  const netlist::Circuit& c = full_->circuit();
  for (const netlist::FlatElement& e : c.elements)
    if (e.kind == 'x' && (e.name.rfind("xg", 0) == 0 || e.name.rfind("xm", 0) == 0)) {
      std::string a = c.node_names[e.nodes[0].value], b = c.node_names[e.nodes[1].value];
      if (spec_.cell == MnistCircuitSpec::Cell::one_t_one_r) {
        const netlist::FlatElement* m = c.find_element("mn" + e.name.substr(2));
        if (m) b = c.node_names[m->nodes[2].value];
      }
      cell_voltages_.push_back(full_->probe("v(" + a + "," + b + ")"));
    }
  return "";
}

std::string MnistCircuit::prepare_reduction() {
  session::Session ports = session::Session::from_deck(DeckBuilder(spec_, true).build({}));
  if (std::string e = deck_errors(ports); !e.empty()) return e;
  const Eigen::Index hidden = spec_.weights.w1.rows();
  std::vector<session::SourceHandle> sources;
  std::vector<session::ProbeHandle> currents;
  for (int j = 0; j < kMnistInputs; ++j) sources.push_back(ports.source("vin" + idx(j)));
  for (int l = 1; l <= 2; ++l)
    for (Eigen::Index k = 0; k < (l == 1 ? hidden : kMnistClasses); ++k) {
      sources.push_back(ports.source("vho" + idx(l) + "_" + idx(k)));
      currents.push_back(ports.probe("i(vsi" + idx(l) + "_" + idx(k) + ")"));
    }
  t_ = ports.transfer_matrix(sources, currents);
  // Signal order: an inverter can be evaluated once the outputs its current depends on are.
  const Eigen::Index n = t_.rows();
  std::vector<bool> done(n, false);
  while (static_cast<Eigen::Index>(order_.size()) < n) {
    bool progressed = false;
    for (Eigen::Index k = 0; k < n; ++k) {
      if (done[k]) continue;
      bool ready = true;
      for (Eigen::Index o = 0; o < n && ready; ++o) ready = t_(k, kMnistInputs + o) == 0 || done[o];
      if (!ready) continue;
      done[k] = true, progressed = true;
      order_.push_back(static_cast<int>(k));
    }
    if (!progressed) return "";  // feedback between inverters: solve the full deck instead
  }
  reduced_ = true;
  return "";
}

MnistEvaluation MnistCircuit::evaluate(const MnistImage& image) {
  return over_inputs(image, !reduced_);
}

MnistEvaluation MnistCircuit::evaluate_full(const MnistImage& image) {
  return over_inputs(image, true);
}

MnistEvaluation MnistCircuit::over_inputs(const MnistImage& image, bool full) {
  if (!spec_.pwm) return at_inputs(input_voltages(image, spec_.gains), full);
  MnistEvaluation mean;
  mean.outputs = Eigen::VectorXd::Zero(kMnistClasses);
  for (const PwmStretch& s : pwm_stretches(image, spec_.gains, spec_.pwm_period)) {
    const MnistEvaluation e = at_inputs(s.inputs, full);
    mean.outputs += (s.end - s.start) / spec_.pwm_period * e.outputs;
    mean.largest_cell_voltage = std::max(mean.largest_cell_voltage, e.largest_cell_voltage);
  }
  mean.decision = argmax(mean.outputs);
  return mean;
}

MnistEvaluation MnistCircuit::at_inputs(const Eigen::VectorXd& u, bool full) {
  if (full) return solve_full(u);
  const Eigen::Index hidden = spec_.weights.w1.rows(), n = t_.rows();
  Eigen::VectorXd h = Eigen::VectorXd::Zero(n);
  const Eigen::VectorXd from_inputs = t_.leftCols(kMnistInputs) * u;
  for (int k : order_) {
    const double current = from_inputs[k] + t_.row(k).tail(n).dot(h);
    const double rinv = k < hidden ? spec_.gains.rinv1 : spec_.gains.rinv2;
    h[k] = -spec_.gains.vinv * std::tanh(rinv * current / spec_.gains.vinv);
  }
  MnistEvaluation e;
  e.outputs = h.tail(kMnistClasses);
  e.decision = argmax(e.outputs);
  return e;
}

MnistEvaluation MnistCircuit::solve_full(const Eigen::VectorXd& u) {
  for (int j = 0; j < kMnistInputs; ++j) full_->set(inputs_[j], u[j]);
  MnistEvaluation e;
  e.outputs = Eigen::VectorXd::Zero(kMnistClasses);
  const engine::SolveStatus st = full_->solve();
  if (!st.ok) throw session::SessionError("image not solved: " + st.message);
  for (int m = 0; m < kMnistClasses; ++m) e.outputs[m] = full_->read(outputs_[m]);
  for (const session::ProbeHandle& p : cell_voltages_)
    e.largest_cell_voltage = std::max(e.largest_cell_voltage, std::fabs(full_->read(p)));
  e.decision = argmax(e.outputs);
  return e;
}

}  // namespace xb::crossbar
