#include "frontends/crossbar/perceptron.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <random>

#include "devices/pulse_table.hpp"
#include "devices/taox.hpp"
#include "frontends/session/session.hpp"
#include "netlist/deck_assembly.hpp"

namespace xb::crossbar {

const std::vector<PerceptronPattern>& perceptron_training_set() {
  static const std::vector<PerceptronPattern> set = {
      {{0, 0, 0, 1}, {0, 1}}, {{0, 0, 1, 0}, {1, 0}}, {{0, 1, 1, 0}, {1, 0}},
      {{1, 0, 0, 1}, {0, 1}}, {{1, 1, 0, 1}, {0, 1}}, {{1, 1, 1, 0}, {1, 0}},
  };
  return set;
}

const std::vector<PerceptronPattern>& perceptron_test_set() {
  static const std::vector<PerceptronPattern> set = {
      {{0, 1, 0, 0}, {1, 0}}, {{0, 1, 1, 1}, {1, 0}}, {{1, 0, 0, 0}, {0, 1}},
      {{1, 0, 1, 1}, {0, 1}}, {{0, 0, 0, 0}, {0, 0}}, {{0, 0, 1, 1}, {0, 0}},
      {{0, 1, 0, 1}, {0, 0}}, {{1, 0, 1, 0}, {0, 0}}, {{1, 1, 0, 0}, {0, 0}},
      {{1, 1, 1, 1}, {0, 0}},
  };
  return set;
}

namespace {

std::string idx(int i) {
  return std::to_string(i);
}

std::string row_node(const PerceptronSpec& s, int i, int j) {
  return s.wire_r > 0 && j > 0 ? "r" + idx(i) + "_" + idx(j) : "r" + idx(i);
}
std::string col_node(const PerceptronSpec& s, int i, int j) {
  return s.wire_r > 0 ? "c" + idx(i) + "_" + idx(j) : "c" + idx(j);
}

// The reference's device-to-device shifts: lognormal (µ = ln of the range's middle, σ =
// |ln(max/min)|/5), rescaled so that the smallest is shift_min and the largest shift_max.
std::array<double, 16> cell_shifts(const PerceptronSpec& s) {
  std::mt19937 rng(s.seed);
  std::lognormal_distribution<double> d(std::log(0.5 * (s.shift_min + s.shift_max)),
                                        std::fabs(std::log(s.shift_max / s.shift_min)) / 5);
  std::array<double, 16> r{};
  for (double& v : r) v = d(rng);
  const auto [lo, hi] = std::minmax_element(r.begin(), r.end());
  const double a = *lo, b = *hi;
  for (double& v : r) v = s.shift_min + (s.shift_max - s.shift_min) * (v - a) / (b - a);
  return r;
}

devices::PulseTableParams table_params(const PerceptronSpec& s, double shift) {
  devices::PulseTableParams p;
  p.table = s.table, p.vth = s.vth, p.tw = s.pulse_width, p.k = s.table_k, p.shift = shift;
  p.relative = true;
  return p;
}

}  // namespace

PerceptronSpec table_perceptron(std::vector<double> table) {
  PerceptronSpec s;
  s.device = PerceptronSpec::Device::table;
  s.table = std::move(table);
  s.beta = 6e6, s.vpulse = 2, s.pulse_width = 100e-9, s.x0 = 0, s.x0_spread = 0;
  return s;
}

std::string read_pulse_table(const std::string& path, std::vector<double>& out) {
  std::ifstream in(path);
  if (!in) return "cannot open " + path;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    char* end = nullptr;
    const double g = std::strtod(line.c_str(), &end);
    if (end == line.c_str()) {
      if (out.empty() && number == 1) continue;  // a header
      return path + ":" + std::to_string(number) + ": '" + line + "' is not a conductance";
    }
    if (!(g > 0) || !std::isfinite(g))
      return path + ":" + std::to_string(number) + ": a conductance must be > 0";
    out.push_back(g);
  }
  if (out.size() < 2 || out.size() > static_cast<size_t>(devices::kPulseTableKnots))
    return path + ": " + std::to_string(out.size()) + " conductances; the table takes 2 to " +
           std::to_string(devices::kPulseTableKnots);
  return "";
}

netlist::Deck perceptron_deck(const PerceptronSpec& s, const std::array<double, 16>& states,
                              const std::vector<PerceptronPattern>& patterns) {
  const PerceptronPattern& pattern = patterns.front();
  netlist::Deck d;
  d.title = "4x4 TaOx perceptron crossbar built by xbspice";
  netlist::DeckAssembly a(d);
  const bool table = s.device == PerceptronSpec::Device::table;
  if (table) {
    std::vector<netlist::NamedValue> m = {
        {"points", netlist::Value::of(static_cast<double>(s.table.size()))},
        {"vth", netlist::Value::of(s.vth)},
        {"tw", netlist::Value::of(s.pulse_width)},
        {"k", netlist::Value::of(s.table_k)},
        {"relative", netlist::Value::of(1)}};
    for (size_t i = 0; i < s.table.size(); ++i)
      m.push_back({"g" + std::to_string(i), netlist::Value::of(s.table[i])});
    a.model("xb_cell", "pulse_table", std::move(m));
  } else {
    a.model("xb_cell", "taox", {});
  }
  const std::array<double, 16> shifts = table ? cell_shifts(s) : std::array<double, 16>{};
  for (int i = 0; i < kPerceptronInputs; ++i)
    a.source("vr" + idx(i), row_node(s, i, 0), pattern.bits[i] ? s.vread : -s.vread);
  for (int i = 0; i < kPerceptronInputs; ++i)
    for (int j = 0; j < 2 * kPerceptronNeurons; ++j) {
      std::vector<netlist::NamedValue> p;
      p.reserve(2);
      p.push_back({"x0", netlist::Value::of(states[i * 4 + j])});
      if (table) p.push_back({"shift", netlist::Value::of(shifts[i * 4 + j])});
      a.element('x', "xm" + idx(i) + "_" + idx(j), {row_node(s, i, j), col_node(s, i, j)},
                "xb_cell", {}, std::move(p));
    }
  if (s.wire_r > 0)
    for (int i = 0; i < kPerceptronInputs; ++i)
      for (int j = 0; j < 2 * kPerceptronNeurons; ++j) {
        const netlist::Value r = netlist::Value::of(s.wire_r);
        const std::string at = idx(i) + "_" + idx(j);
        if (j + 1 < 4)
          a.element('r', "rr" + at, {row_node(s, i, j), row_node(s, i, j + 1)}, "", {r});
        if (i + 1 < 4)
          a.element('r', "rc" + at, {col_node(s, i, j), col_node(s, i + 1, j)}, "", {r});
      }
  for (int j = 0; j < 2 * kPerceptronNeurons; ++j) a.source("vc" + idx(j), col_node(s, 3, j), 0);
  std::vector<std::string> columns;
  for (int i = 0; i < kPerceptronInputs; ++i) columns.push_back("vr" + idx(i));
  std::vector<std::vector<double>> rows;
  for (const PerceptronPattern& pat : patterns) {
    rows.emplace_back();
    for (int i = 0; i < kPerceptronInputs; ++i)
      rows.back().push_back(pat.bits[i] ? s.vread : -s.vread);
  }
  a.op_or_data_sweep("patterns", std::move(columns), rows);
  return d;
}

std::vector<double> taox_pulse_curve(const PerceptronSpec& spec, int count, std::string& error) {
  netlist::Deck d;
  d.title = "one TaOx cell under programming pulses";
  netlist::DeckAssembly a(d);
  a.model("xb_taox", "taox", {});
  a.source("vp", "p", 0);
  a.element('x', "xm", {"p", "0"}, "xb_taox", {}, {{"x0", netlist::Value::of(spec.x0)}});
  session::Session s = session::Session::from_deck(std::move(d));
  std::vector<double> g;
  if (!s.ok()) return error = s.format_diagnostics(), g;
  const session::SourceHandle vp = s.source("vp");
  const session::DeviceHandle cell = s.device("xm");
  const devices::TaoxParams taox;
  if (!s.solve().ok) return error = "the cell's operating point failed", g;
  g.push_back(devices::TaoxGroup::read_conductance(taox, spec.vread, s.state(cell)));
  s.set(vp, spec.vpulse);
  for (int n = 0; n < count; ++n) {
    const session::Outcome o = s.tran(spec.pulse_width / 50, spec.pulse_width);
    if (!o.status.ok) return error = o.status.message, g;
    g.push_back(devices::TaoxGroup::read_conductance(taox, spec.vread, s.state(cell)));
  }
  return g;
}

// One live crossbar: reads are operating points, pulses transients, on the same circuit.
class PerceptronCrossbar {
 public:
  PerceptronCrossbar(const PerceptronSpec& spec, const std::array<double, 16>& x0)
      : spec_(spec),
        s_(session::Session::from_deck(perceptron_deck(spec, x0, {perceptron_training_set()[0]}))) {
  }

  std::string prepare() {
    if (!s_.ok()) return s_.format_diagnostics();
    for (int i = 0; i < 4; ++i) rows_[i] = s_.source("vr" + idx(i));
    for (int j = 0; j < 4; ++j) {
      cols_[j] = s_.source("vc" + idx(j));
      currents_[j] = s_.probe("i(vc" + idx(j) + ")");
    }
    for (int c = 0; c < 16; ++c) cells_[c] = s_.device("xm" + idx(c / 4) + "_" + idx(c % 4));
    return "";
  }

  // The neurons' activations on `p`, from the crossbar's operating point.
  std::array<double, kPerceptronNeurons> read(const PerceptronPattern& p,
                                              std::array<double, kPerceptronNeurons>& current) {
    for (int i = 0; i < 4; ++i) s_.set(rows_[i], p.bits[i] ? spec_.vread : -spec_.vread);
    for (int j = 0; j < 4; ++j) s_.set(cols_[j], 0);
    const engine::SolveStatus st = s_.solve();
    if (!st.ok) throw session::SessionError("read: " + st.message);
    std::array<double, kPerceptronNeurons> f{};
    for (int k = 0; k < kPerceptronNeurons; ++k) {
      // i(vc) is the current into the column source's + terminal: the column's current.
      current[k] = s_.read(currents_[2 * k]) - s_.read(currents_[2 * k + 1]);
      f[k] = std::tanh(spec_.beta * current[k]);
    }
    return f;
  }

  // A V/2 programming pulse on cell (row, column): a transient of the whole crossbar.
  void pulse(int row, int column) {
    for (int i = 0; i < 4; ++i) s_.set(rows_[i], i == row ? spec_.vpulse / 2 : 0);
    for (int j = 0; j < 4; ++j) s_.set(cols_[j], j == column ? -spec_.vpulse / 2 : 0);
    const session::Outcome o = s_.tran(spec_.pulse_width / 50, spec_.pulse_width);
    if (!o.status.ok) throw session::SessionError("pulse: " + o.status.message);
  }

  std::array<double, 16> states() const {
    std::array<double, 16> x{};
    for (int c = 0; c < 16; ++c) x[c] = s_.state(cells_[c]);
    return x;
  }

 private:
  PerceptronSpec spec_;
  session::Session s_;
  std::array<session::SourceHandle, 4> rows_, cols_;
  std::array<session::ProbeHandle, 4> currents_;
  std::array<session::DeviceHandle, 16> cells_;
};

std::unique_ptr<PerceptronCrossbar> make_perceptron(const PerceptronSpec& spec,
                                                    std::string& error) {
  std::mt19937 rng(spec.seed);
  std::uniform_real_distribution<double> spread(-spec.x0_spread, spec.x0_spread);
  std::array<double, 16> x0{};
  for (double& x : x0)
    x = spec.device == PerceptronSpec::Device::table ? 0.0
                                                     : std::clamp(spec.x0 + spread(rng), 0.0, 1.0);
  auto c = std::make_unique<PerceptronCrossbar>(spec, x0);
  error = c->prepare();
  return error.empty() ? std::move(c) : nullptr;
}

namespace {

// How far the activations miss their targets, summed (0 when trained).
double miss(const std::vector<std::array<double, kPerceptronNeurons>>& f, double target) {
  double e = 0;
  for (size_t n = 0; n < f.size(); ++n)
    for (int k = 0; k < kPerceptronNeurons; ++k)
      e += perceptron_training_set()[n].target[k] ? std::max(0.0, target - f[n][k])
                                                  : std::max(0.0, f[n][k] + target);
  return e;
}

}  // namespace

PerceptronRun train_perceptron(const PerceptronSpec& spec, std::string& error,
                               const std::function<void(const PerceptronEpoch&)>& progress) {
  PerceptronRun run;
  std::unique_ptr<PerceptronCrossbar> xbar = make_perceptron(spec, error);
  if (!xbar) return run;
  const devices::TaoxParams taox;
  const bool table = spec.device == PerceptronSpec::Device::table;
  const std::array<double, 16> shifts = table ? cell_shifts(spec) : std::array<double, 16>{};
  auto read_conductance = [&](int c, double state) {
    return table ? devices::PulseTableGroup::conductance(table_params(spec, shifts[c]), state)
                 : devices::TaoxGroup::read_conductance(taox, spec.vread, state);
  };
  const auto& train = perceptron_training_set();
  for (int epoch = 0;; ++epoch) {
    PerceptronEpoch e;
    e.epoch = epoch;
    // Reads, and the batch Manhattan sums of the pulses to come.
    std::array<std::array<double, kPerceptronInputs>, kPerceptronNeurons> delta{};
    for (const PerceptronPattern& p : train) {
      std::array<double, kPerceptronNeurons> current{};
      const auto f = xbar->read(p, current);
      e.activations.push_back(f);
      for (int k = 0; k < kPerceptronNeurons; ++k) {
        const double t = p.target[k] ? spec.target : -spec.target;
        const double d = (t - f[k]) * spec.beta * (1 - f[k] * f[k]);
        for (int j = 0; j < kPerceptronInputs; ++j)
          delta[k][j] += d * (p.bits[j] ? spec.vread : -spec.vread);
      }
    }
    e.state = xbar->states();  // what the reads held
    for (int c = 0; c < 16; ++c) e.conductance[c] = read_conductance(c, e.state[c]);
    e.error = miss(e.activations, spec.target);
    run.converged = e.error == 0;
    const bool last = run.converged || epoch == spec.max_epochs;
    if (!last)
      for (int k = 0; k < kPerceptronNeurons; ++k)
        for (int j = 0; j < kPerceptronInputs; ++j) {
          if (delta[k][j] == 0) continue;
          xbar->pulse(j, delta[k][j] > 0 ? 2 * k : 2 * k + 1);  // potentiate G⁺ or G⁻
          ++e.pulses;
        }
    run.epochs.push_back(e);
    if (progress) progress(e);
    if (last) {
      run.epochs_needed = epoch;
      break;
    }
  }
  run.final_state = xbar->states();
  // The test set on the circuit, and as the trained weights W = G⁺ − G⁻ predict it.
  const std::array<double, 16> g = run.epochs.back().conductance;
  for (const PerceptronPattern& p : perceptron_test_set()) {
    std::array<double, kPerceptronNeurons> current{};
    const auto f = xbar->read(p, current);
    bool right = true, agree = true;
    for (int k = 0; k < kPerceptronNeurons; ++k) {
      double i = 0;
      for (int j = 0; j < kPerceptronInputs; ++j)
        i += (g[j * 4 + 2 * k] - g[j * 4 + 2 * k + 1]) * (p.bits[j] ? spec.vread : -spec.vread);
      right = right && (f[k] > 0) == (p.target[k] == 1);
      agree = agree && (f[k] > 0) == (i > 0);
      run.test_largest_difference =
          std::max(run.test_largest_difference, std::fabs(f[k] - std::tanh(spec.beta * i)));
    }
    run.test_right += right, run.test_agree += agree, ++run.test_total;
  }
  return run;
}

}  // namespace xb::crossbar
