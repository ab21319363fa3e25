#include "frontends/crossbar/letters.hpp"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <random>

#include "frontends/session/session.hpp"
#include "netlist/deck_assembly.hpp"

namespace xb::crossbar {

namespace {

// The four letters, 4×4, row by row.
constexpr std::array<std::array<int, kLetterPixels>, kLetterClasses> kLetters = {{
    {0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1},  // A
    {1, 1, 1, 1, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0},  // T
    {1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0},  // V
    {1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1},  // X
}};

std::string idx(Eigen::Index i) {
  return std::to_string(i);
}

double input_voltage(const LettersParams& p, double bit) {
  return p.v0 + (p.v1 - p.v0) * bit;
}

}  // namespace

const char* letter_name(int label) {
  static const char* names[] = {"A", "T", "V", "X"};
  return names[label];
}

const std::vector<LetterPattern>& letters_training_set() {
  // Each letter and nine variants of it, each with one pixel flipped: pixel 7·v mod 16.
  static const std::vector<LetterPattern> set = [] {
    std::vector<LetterPattern> out;
    for (int l = 0; l < kLetterClasses; ++l)
      for (int v = 0; v < 10; ++v) {
        LetterPattern p{kLetters[l], l};
        if (v > 0) p.pixels[(7 * v) % kLetterPixels] ^= 1;
        out.push_back(p);
      }
    return out;
  }();
  return set;
}

std::vector<LetterPattern> letters_test_set() {
  std::vector<LetterPattern> out;
  for (const LetterPattern& v : letters_training_set())
    for (int i = 0; i < kLetterPixels; ++i) {
      LetterPattern p = v;
      p.pixels[i] ^= 1;
      out.push_back(p);
    }
  return out;
}

LettersParams letters_second_set() {
  LettersParams p;
  p.g_on = 5e-5, p.g_off = 1e-9, p.r_inv = p.r_inv2 = 1e6, p.v1 = 0.1, p.v0 = 0;
  return p;
}

LettersForward letters_forward(const LettersWeights& w, const LettersParams& p,
                               const std::array<int, kLetterPixels>& pixels) {
  Eigen::VectorXd v(kLetterPixels);
  for (int j = 0; j < kLetterPixels; ++j) v[j] = input_voltage(p, pixels[j]);
  auto g = [&](const Eigen::MatrixXi& on) {
    return (p.g_off + (p.g_on - p.g_off) * on.cast<double>().array()).matrix();
  };
  LettersForward f;
  f.hidden = -p.v_inv * (p.r_inv * (g(w.on1) * v) / p.v_inv).array().tanh();
  f.outputs = -p.v_inv * (p.r_inv2 * (g(w.on2) * f.hidden) / p.v_inv).array().tanh();
  f.outputs.maxCoeff(&f.decision);
  return f;
}

LettersWeights train_letters(const LettersParams& p, const LettersTrainOptions& o,
                             double& training_accuracy) {
  std::mt19937 rng(o.seed);
  std::normal_distribution<double> init(0, 0.5), noise(0, o.noise);
  Eigen::MatrixXd w1(kLetterHidden, kLetterPixels), w2(kLetterClasses, kLetterHidden);
  for (Eigen::Index i = 0; i < w1.size(); ++i) w1.data()[i] = init(rng);
  for (Eigen::Index i = 0; i < w2.size(); ++i) w2.data()[i] = init(rng);
  Eigen::MatrixXd m1 = Eigen::MatrixXd::Zero(w1.rows(), w1.cols()), v1 = m1;
  Eigen::MatrixXd m2 = Eigen::MatrixXd::Zero(w2.rows(), w2.cols()), v2 = m2;
  const auto& set = letters_training_set();
  const double dg = p.g_on - p.g_off;
  auto sigmoid = [](const Eigen::MatrixXd& x) { return (1 / (1 + (-x.array()).exp())).matrix(); };
  auto adam = [&](Eigen::MatrixXd& w, Eigen::MatrixXd& m, Eigen::MatrixXd& v,
                  const Eigen::MatrixXd& grad, int t) {
    m = 0.9 * m + 0.1 * grad;
    v = 0.999 * v + 0.001 * grad.cwiseProduct(grad);
    const double c1 = 1 - std::pow(0.9, t), c2 = 1 - std::pow(0.999, t);
    w.array() -= o.learning_rate * (m.array() / c1) / ((v.array() / c2).sqrt() + 1e-8);
  };
  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    // Soft-binarized conductances and the whole training set (with fresh noise) at once.
    const Eigen::MatrixXd s1 = sigmoid(o.sharpness * w1), s2 = sigmoid(o.sharpness * w2);
    const Eigen::MatrixXd g1 = (p.g_off + dg * s1.array()).matrix();
    const Eigen::MatrixXd g2 = (p.g_off + dg * s2.array()).matrix();
    const Eigen::Index n = static_cast<Eigen::Index>(set.size());
    Eigen::MatrixXd x(kLetterPixels, n), y = Eigen::MatrixXd::Zero(kLetterClasses, n);
    for (Eigen::Index c = 0; c < n; ++c) {
      for (int j = 0; j < kLetterPixels; ++j)
        x(j, c) = input_voltage(p, set[c].pixels[j] + noise(rng));
      y(set[c].label, c) = 1;
    }
    const Eigen::MatrixXd t1 = (p.r_inv * (g1 * x) / p.v_inv).array().tanh();
    const Eigen::MatrixXd h = -p.v_inv * t1;
    const Eigen::MatrixXd t2 = (p.r_inv2 * (g2 * h) / p.v_inv).array().tanh();
    const Eigen::MatrixXd out = -p.v_inv * t2;
    Eigen::MatrixXd logits = o.logit_scale * out / p.v_inv;
    Eigen::MatrixXd prob = (logits.rowwise() - logits.colwise().maxCoeff()).array().exp();
    prob.array().rowwise() /= prob.colwise().sum().array();
    // Backward: d(loss)/d(logits) = prob − y, averaged over the set.
    const Eigen::MatrixXd d_out = o.logit_scale / p.v_inv * (prob - y) / static_cast<double>(n);
    const Eigen::MatrixXd d_a2 =
        (d_out.array() * -p.v_inv * (1 - t2.array().square()) * p.r_inv2 / p.v_inv).matrix();
    const Eigen::MatrixXd d_g2 = d_a2 * h.transpose();
    const Eigen::MatrixXd d_h = g2.transpose() * d_a2;
    const Eigen::MatrixXd d_a1 =
        (d_h.array() * -p.v_inv * (1 - t1.array().square()) * p.r_inv / p.v_inv).matrix();
    const Eigen::MatrixXd d_g1 = d_a1 * x.transpose();
    // dG/dw = ΔG·s·σ(1 − σ).
    adam(w1, m1, v1, (d_g1.array() * dg * o.sharpness * s1.array() * (1 - s1.array())).matrix(),
         epoch);
    adam(w2, m2, v2, (d_g2.array() * dg * o.sharpness * s2.array() * (1 - s2.array())).matrix(),
         epoch);
  }
  LettersWeights hard{(w1.array() > 0).cast<int>(), (w2.array() > 0).cast<int>()};
  size_t right = 0;
  for (const LetterPattern& pat : set)
    right += letters_forward(hard, p, pat.pixels).decision == pat.label;
  training_accuracy = static_cast<double>(right) / set.size();
  return hard;
}

netlist::Deck letters_deck(const LettersWeights& w, const LettersParams& p,
                           const std::vector<LetterPattern>& patterns) {
  netlist::Deck d;
  d.title = "binary 16-8-4 letters network built by xbspice";
  netlist::DeckAssembly a(d);
  a.model("xb_g", "conductor", {});
  a.model("xb_inv1", "opamp_tanh",
          {{"rinv", netlist::Value::of(p.r_inv)}, {"vinv", netlist::Value::of(p.v_inv)}});
  a.model("xb_inv2", "opamp_tanh",
          {{"rinv", netlist::Value::of(p.r_inv2)}, {"vinv", netlist::Value::of(p.v_inv)}});
  const LetterPattern& first = patterns.front();
  for (int j = 0; j < kLetterPixels; ++j)
    a.source("vin" + idx(j), "in" + idx(j), input_voltage(p, first.pixels[j]));
  auto layer = [&](int l, const Eigen::MatrixXi& on, const std::string& in,
                   const std::string& out) {
    for (Eigen::Index k = 0; k < on.rows(); ++k) {
      const std::string column = "c" + idx(l) + "_" + idx(k);
      for (Eigen::Index j = 0; j < on.cols(); ++j)
        a.element('x', "xg" + idx(l) + "_" + idx(k) + "_" + idx(j), {in + idx(j), column}, "xb_g",
                  {}, {{"g", netlist::Value::of(on(k, j) ? p.g_on : p.g_off)}});
      a.element('x', "xinv" + idx(l) + "_" + idx(k), {column, out + idx(k), "0"}, "xb_inv" + idx(l),
                {});
    }
  };
  layer(1, w.on1, "in", "h");
  layer(2, w.on2, "h", "out");
  std::vector<std::string> columns;
  for (int j = 0; j < kLetterPixels; ++j) columns.push_back("vin" + idx(j));
  std::vector<std::vector<double>> rows;
  for (const LetterPattern& pat : patterns) {
    rows.emplace_back();
    for (int j = 0; j < kLetterPixels; ++j) rows.back().push_back(input_voltage(p, pat.pixels[j]));
  }
  a.op_or_data_sweep("patterns", std::move(columns), rows);
  return d;
}

LettersCircuitReport run_letters_circuit(const LettersWeights& w, const LettersParams& p,
                                         const std::vector<LetterPattern>& patterns) {
  LettersCircuitReport r;
  session::Session s = session::Session::from_deck(letters_deck(w, p, {patterns.front()}));
  if (!s.ok()) return r.error = s.format_diagnostics(), r;
  std::vector<session::SourceHandle> in;
  std::vector<session::ProbeHandle> out, rows;
  for (int j = 0; j < kLetterPixels; ++j) {
    in.push_back(s.source("vin" + idx(j)));
    rows.push_back(s.probe("v(in" + idx(j) + ")"));
  }
  for (int k = 0; k < kLetterHidden; ++k) rows.push_back(s.probe("v(h" + idx(k) + ")"));
  for (int m = 0; m < kLetterClasses; ++m) out.push_back(s.probe("v(out" + idx(m) + ")"));
  for (const LetterPattern& pat : patterns) {
    for (int j = 0; j < kLetterPixels; ++j) s.set(in[j], input_voltage(p, pat.pixels[j]));
    const engine::SolveStatus st = s.solve();
    if (!st.ok) return r.error = st.message, r;
    Eigen::VectorXd v(kLetterClasses);
    for (int m = 0; m < kLetterClasses; ++m) v[m] = s.read(out[m]);
    // A cell joins a row (an input or a hidden output) to a virtual-ground column at 0 V.
    for (const session::ProbeHandle& row : rows)
      r.largest_cell_voltage = std::max(r.largest_cell_voltage, std::fabs(s.read(row)));
    int decision = 0;
    v.maxCoeff(&decision);
    const LettersForward f = letters_forward(w, p, pat.pixels);
    ++r.patterns;
    r.circuit_right += decision == pat.label, r.software_right += f.decision == pat.label;
    r.agree += decision == f.decision;
    r.largest_difference = std::max(r.largest_difference, (v - f.outputs).cwiseAbs().maxCoeff());
  }
  return r;
}

std::string read_letters_weights(const std::string& path, int rows, int cols,
                                 const LettersParams& p, Eigen::MatrixXi& out) {
  std::ifstream in(path);
  if (!in) return "cannot open " + path;
  out = Eigen::MatrixXi::Zero(rows, cols);
  std::string line;
  int r = 0;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (r >= rows)
      return path + ":" + std::to_string(number) + ": more than " + std::to_string(rows) + " rows";
    const char* s = line.c_str();
    for (int c = 0; c < cols; ++c) {
      char* end = nullptr;
      const double v = std::strtod(s, &end);
      if (end == s)
        return path + ":" + std::to_string(number) + ": " + std::to_string(cols) +
               " values expected";
      // 0/1, or a conductance: whichever of G_OFF and G_ON it is nearer.
      out(r, c) = v == 1 || (v != 0 && std::fabs(v - p.g_on) < std::fabs(v - p.g_off));
      s = end;
      while (*s == ',' || *s == ' ' || *s == '\t') ++s;
    }
    ++r;
  }
  if (r != rows)
    return path + ": " + std::to_string(r) + " rows, " + std::to_string(rows) + " expected";
  return "";
}

bool write_letters_weights(const std::string& path, const Eigen::MatrixXi& on) {
  std::ofstream out(path);
  for (Eigen::Index r = 0; r < on.rows(); ++r) {
    for (Eigen::Index c = 0; c < on.cols(); ++c) out << (c ? "," : "") << on(r, c);
    out << '\n';
  }
  return static_cast<bool>(out);
}

}  // namespace xb::crossbar
