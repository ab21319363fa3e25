#include "frontends/crossbar/mnist_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <random>

#include "frontends/crossbar/training.hpp"

namespace xb::crossbar {

const std::vector<double>& w1_levels() {
  static const std::vector<double> l = {-0.44, -0.3, -0.16, -0.02, 0, 0.02, 0.16, 0.3};
  return l;
}

const std::vector<double>& w2_levels() {
  static const std::vector<double> l = {-0.44, -0.3, -0.16, -0.02, 0,    0.02, 0.16,
                                        0.3,   0.44, 0.58,  0.72,  0.86, 1.0};
  return l;
}

double nearest_level(const std::vector<double>& levels, double w) {
  double best = levels.front();
  for (double l : levels)
    if (std::fabs(l - w) < std::fabs(best - w)) best = l;
  return best;
}

std::string read_weights_csv(const std::string& path, Eigen::MatrixXd& out) {
  std::ifstream in(path);
  if (!in) return "cannot open " + path;
  std::vector<std::vector<double>> rows;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::vector<double> row;
    const char* p = line.c_str();
    while (*p) {
      char* end = nullptr;
      const double v = std::strtod(p, &end);
      while (*end == ' ' || *end == '\t') ++end;
      if (end == p || (*end != ',' && *end != '\0') || !std::isfinite(v))
        return path + ":" + std::to_string(number) + ": value " + std::to_string(row.size() + 1) +
               " is not a number";
      row.push_back(v);
      p = *end == ',' ? end + 1 : end;
    }
    if (!rows.empty() && row.size() != rows.front().size())
      return path + ":" + std::to_string(number) + ": " + std::to_string(row.size()) +
             " values, line 1 has " + std::to_string(rows.front().size());
    rows.push_back(std::move(row));
  }
  if (rows.empty()) return path + ": no weights";
  out.resize(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(rows[0].size()));
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size(); ++c) out(r, c) = rows[r][c];
  return "";
}

bool write_weights_csv(const std::string& path, const Eigen::MatrixXd& w) {
  std::ofstream out(path);
  for (Eigen::Index r = 0; r < w.rows(); ++r) {
    for (Eigen::Index c = 0; c < w.cols(); ++c) out << (c ? "," : "") << w(r, c);
    out << '\n';
  }
  return static_cast<bool>(out);
}

std::string check_weights(const MnistWeights& w) {
  if (w.w1.cols() != kMnistInputs)
    return "W1 has " + std::to_string(w.w1.cols()) + " columns; the network has 144 inputs";
  if (w.w2.rows() != kMnistClasses)
    return "W2 has " + std::to_string(w.w2.rows()) + " rows; the network has 10 outputs";
  if (w.w2.cols() != w.w1.rows())
    return "W2 has " + std::to_string(w.w2.cols()) + " columns but W1 has " +
           std::to_string(w.w1.rows()) + " rows (hidden units)";
  return "";
}

size_t off_level_count(const MnistWeights& w) {
  size_t n = 0;
  for (Eigen::Index i = 0; i < w.w1.size(); ++i)
    n += nearest_level(w1_levels(), w.w1.data()[i]) != w.w1.data()[i];
  for (Eigen::Index i = 0; i < w.w2.size(); ++i)
    n += nearest_level(w2_levels(), w.w2.data()[i]) != w.w2.data()[i];
  return n;
}

int argmax(const Eigen::VectorXd& v) {
  Eigen::Index i = 0;
  v.maxCoeff(&i);
  return static_cast<int>(i);
}

MnistForward software_forward(const MnistWeights& w, const MnistGains& g, const MnistImage& image) {
  Eigen::VectorXd v(kMnistInputs);
  for (int j = 0; j < kMnistInputs; ++j) v[j] = g.vread * image.pixels[j] / 15.0;
  MnistForward f;
  const Eigen::VectorXd i1 = w.w1 * v / kWeightScale;
  f.hidden = (-g.vinv) * (g.rinv1 * i1 / g.vinv).array().tanh();
  const Eigen::VectorXd i2 = w.w2 * f.hidden / kWeightScale;
  f.outputs = (-g.vinv) * (g.rinv2 * i2 / g.vinv).array().tanh();
  f.decision = argmax(f.outputs);
  return f;
}

double software_accuracy(const MnistWeights& w, const MnistGains& g,
                         const std::vector<MnistImage>& images) {
  size_t right = 0;
  for (const MnistImage& image : images)
    right += software_forward(w, g, image).decision == image.label;
  return images.empty() ? 0 : static_cast<double>(right) / images.size();
}

MnistWeights train_mnist(const std::vector<MnistImage>& train, const std::vector<MnistImage>& test,
                         const MnistGains& gains, const TrainOptions& o, TrainReport& report,
                         const std::function<void(int, int, double, double)>& progress) {
  // In units the circuit fixes: z1 = g1·Σ x_j·W1 (x = p/15), hn = h/vinv = −tanh(z1),
  // z2 = g2·Σ hn_k·W2, out/vinv = −tanh(z2).
  const double g1 = gains.rinv1 * gains.vread / (kWeightScale * gains.vinv);
  const double g2 = gains.rinv2 / kWeightScale;
  std::mt19937 rng(o.seed);
  std::uniform_real_distribution<double> init(-0.15, 0.15);
  MnistWeights shadow{Eigen::MatrixXd(o.hidden, kMnistInputs),
                      Eigen::MatrixXd(kMnistClasses, o.hidden)};
  for (Eigen::Index i = 0; i < shadow.w1.size(); ++i) shadow.w1.data()[i] = init(rng);
  for (Eigen::Index i = 0; i < shadow.w2.size(); ++i) shadow.w2.data()[i] = init(rng);
  const auto [lo1, hi1] = std::minmax_element(w1_levels().begin(), w1_levels().end());
  const auto [lo2, hi2] = std::minmax_element(w2_levels().begin(), w2_levels().end());
  Adam adam1, adam2;
  std::vector<size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  MnistWeights q;
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    // Cosine decay of the step over the epochs.
    const double rate = o.learning_rate * 0.5 * (1 + std::cos(M_PI * epoch / o.epochs));
    for (size_t start = 0; start < order.size(); start += o.batch) {
      const Eigen::Index n =
          static_cast<Eigen::Index>(std::min<size_t>(o.batch, order.size() - start));
      Eigen::MatrixXd x(n, kMnistInputs), y = Eigen::MatrixXd::Zero(n, kMnistClasses);
      for (Eigen::Index b = 0; b < n; ++b) {
        const MnistImage& image = train[order[start + b]];
        for (int j = 0; j < kMnistInputs; ++j) x(b, j) = image.pixels[j] / 15.0;
        y(b, image.label) = 1;
      }
      const Eigen::MatrixXd q1 = quantized(shadow.w1, w1_levels());
      const Eigen::MatrixXd q2 = quantized(shadow.w2, w2_levels());
      const Eigen::MatrixXd hn = -(g1 * x * q1.transpose()).array().tanh();
      const Eigen::MatrixXd out = -(g2 * hn * q2.transpose()).array().tanh();
      Eigen::MatrixXd logits = o.logit_scale * out;
      Eigen::MatrixXd p = (logits.colwise() - logits.rowwise().maxCoeff()).array().exp();
      p.array().colwise() /= p.rowwise().sum().array();
      const Eigen::MatrixXd d_out = o.logit_scale * (p - y) / static_cast<double>(n);
      const Eigen::MatrixXd d_z2 = -(d_out.array() * (1 - out.array().square())).matrix();
      const Eigen::MatrixXd d_q2 = g2 * d_z2.transpose() * hn;
      const Eigen::MatrixXd d_hn = g2 * d_z2 * q2;
      const Eigen::MatrixXd d_z1 = -(d_hn.array() * (1 - hn.array().square())).matrix();
      const Eigen::MatrixXd d_q1 = g1 * d_z1.transpose() * x;
      adam1.step(shadow.w1, d_q1, rate, *lo1, *hi1);
      adam2.step(shadow.w2, d_q2, rate, *lo2, *hi2);
    }
    q = {quantized(shadow.w1, w1_levels()), quantized(shadow.w2, w2_levels())};
    report.train_accuracy.push_back(software_accuracy(q, gains, train));
    report.test_accuracy.push_back(test.empty() ? 0 : software_accuracy(q, gains, test));
    if (progress)
      progress(epoch + 1, o.epochs, report.train_accuracy.back(), report.test_accuracy.back());
  }
  return q;
}

}  // namespace xb::crossbar
