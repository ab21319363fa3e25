#include "frontends/crossbar/cnn_model.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "frontends/crossbar/mnist_model.hpp"
#include "frontends/crossbar/training.hpp"

namespace xb::crossbar {

double CnnGains::g1() const {
  return rinv1 * vread / (kWeightScale * vinv);
}
double CnnGains::g2() const {
  return rinv2 / kWeightScale;
}

std::string check_cnn_weights(const CnnWeights& w) {
  if (w.kernels.rows() < 1 || w.kernels.cols() != kCnnPatch)
    return "the kernels are " + std::to_string(w.kernels.rows()) + " x " +
           std::to_string(w.kernels.cols()) + "; expected C x 9 (3x3 kernels), C >= 1";
  if (w.fc.rows() != kMnistClasses || w.fc.cols() != kCnnPooled * w.kernels.rows())
    return "the fully connected weights are " + std::to_string(w.fc.rows()) + " x " +
           std::to_string(w.fc.cols()) + "; expected 10 x " +
           std::to_string(kCnnPooled * w.kernels.rows()) + " (25 pooled values per channel)";
  return "";
}

Eigen::MatrixXd image_patches(const MnistImage& image) {
  Eigen::MatrixXd x(kCnnPositions, kCnnPatch);
  for (int y = 0; y < kCnnConvSide; ++y)
    for (int c = 0; c < kCnnConvSide; ++c)
      for (int dy = 0; dy < kCnnKernel; ++dy)
        for (int dx = 0; dx < kCnnKernel; ++dx)
          x(y * kCnnConvSide + c, dy * kCnnKernel + dx) =
              image.pixels[(y + dy) * kCnnSide + c + dx] / 15.0;
  return x;
}

namespace {

// A batch's forward pass: patches stacked (image b's 100 rows at b·100), conv outputs,
// pooled values, outputs.
struct Batch {
  Eigen::MatrixXd x, a, pooled, out;
};

Batch forward(const CnnWeights& w, const CnnGains& g,
              const std::vector<const MnistImage*>& images) {
  const auto n = static_cast<Eigen::Index>(images.size());
  const int channels = w.channels();
  Batch b;
  b.x.resize(n * kCnnPositions, kCnnPatch);
  for (Eigen::Index k = 0; k < n; ++k)
    b.x.middleRows(k * kCnnPositions, kCnnPositions) = image_patches(*images[k]);
  b.a = -(g.g1() * b.x * w.kernels.transpose()).array().tanh();
  b.pooled = Eigen::MatrixXd::Zero(n, kCnnPooled * channels);
  for (Eigen::Index k = 0; k < n; ++k)
    for (int p = 0; p < kCnnPositions; ++p)
      for (int c = 0; c < channels; ++c)
        b.pooled(k, c * kCnnPooled + cnn_pool_of(p)) += 0.25 * b.a(k * kCnnPositions + p, c);
  b.out = -(g.g2() * b.pooled * w.fc.transpose()).array().tanh();
  return b;
}

// Mean cross-entropy of softmax(scale·out) and, when asked, the weights' gradients.
double backward(const CnnWeights& w, const CnnGains& g, const Batch& b,
                const std::vector<const MnistImage*>& images, double scale, CnnWeights* grad) {
  const auto n = static_cast<Eigen::Index>(images.size());
  Eigen::MatrixXd logits = scale * b.out;
  logits.colwise() -= logits.rowwise().maxCoeff();
  Eigen::MatrixXd p = logits.array().exp();
  const Eigen::VectorXd sums = p.rowwise().sum();
  p.array().colwise() /= sums.array();
  double loss = 0;
  Eigen::MatrixXd y = Eigen::MatrixXd::Zero(n, kMnistClasses);
  for (Eigen::Index k = 0; k < n; ++k) {
    y(k, images[k]->label) = 1;
    loss -= logits(k, images[k]->label) - std::log(sums(k));
  }
  if (!grad) return loss / n;
  const Eigen::MatrixXd d_out = scale * (p - y) / static_cast<double>(n);
  const Eigen::MatrixXd d_z2 = -(d_out.array() * (1 - b.out.array().square())).matrix();
  grad->fc = g.g2() * d_z2.transpose() * b.pooled;
  const Eigen::MatrixXd d_pooled = g.g2() * d_z2 * w.fc;
  Eigen::MatrixXd d_a(b.a.rows(), b.a.cols());
  for (Eigen::Index k = 0; k < n; ++k)
    for (int pos = 0; pos < kCnnPositions; ++pos)
      for (int c = 0; c < w.channels(); ++c)
        d_a(k * kCnnPositions + pos, c) = 0.25 * d_pooled(k, c * kCnnPooled + cnn_pool_of(pos));
  const Eigen::MatrixXd d_z1 = -(d_a.array() * (1 - b.a.array().square())).matrix();
  grad->kernels = g.g1() * d_z1.transpose() * b.x;
  return loss / n;
}

}  // namespace

CnnForward cnn_forward(const CnnWeights& w, const CnnGains& g, const MnistImage& image) {
  const Batch b = forward(w, g, {&image});
  CnnForward f;
  f.conv = b.a;
  f.pooled = b.pooled.row(0).transpose();
  f.outputs = b.out.row(0).transpose();
  f.decision = argmax(f.outputs);
  return f;
}

double cnn_accuracy(const CnnWeights& w, const CnnGains& g, const std::vector<MnistImage>& images) {
  size_t right = 0;
  constexpr size_t kChunk = 256;
  for (size_t start = 0; start < images.size(); start += kChunk) {
    std::vector<const MnistImage*> chunk;
    for (size_t k = start; k < std::min(images.size(), start + kChunk); ++k)
      chunk.push_back(&images[k]);
    const Batch b = forward(w, g, chunk);
    for (size_t k = 0; k < chunk.size(); ++k)
      right += argmax(b.out.row(static_cast<Eigen::Index>(k)).transpose()) == chunk[k]->label;
  }
  return images.empty() ? 0 : static_cast<double>(right) / images.size();
}

double cnn_loss_and_gradient(const CnnWeights& w, const CnnGains& g,
                             const std::vector<MnistImage>& batch, double logit_scale,
                             CnnWeights* gradient) {
  std::vector<const MnistImage*> images;
  for (const MnistImage& i : batch) images.push_back(&i);
  return backward(w, g, forward(w, g, images), images, logit_scale, gradient);
}

CnnWeights train_cnn(const std::vector<MnistImage>& train, const std::vector<MnistImage>& test,
                     const CnnGains& gains, const CnnTrainOptions& o, CnnTrainReport& report,
                     const std::function<void(int, int, double, double)>& progress) {
  std::mt19937 rng(o.seed);
  std::uniform_real_distribution<double> init(-0.3, 0.3);
  CnnWeights shadow{Eigen::MatrixXd(o.channels, kCnnPatch),
                    Eigen::MatrixXd(kMnistClasses, kCnnPooled * o.channels)};
  for (Eigen::Index i = 0; i < shadow.kernels.size(); ++i) shadow.kernels.data()[i] = init(rng);
  for (Eigen::Index i = 0; i < shadow.fc.size(); ++i) shadow.fc.data()[i] = 0.5 * init(rng);
  const auto [lo1, hi1] = std::minmax_element(w1_levels().begin(), w1_levels().end());
  const auto [lo2, hi2] = std::minmax_element(w2_levels().begin(), w2_levels().end());
  Adam adam_kernels, adam_fc;
  std::vector<size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  CnnWeights q;
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    const double rate = o.learning_rate * 0.5 * (1 + std::cos(M_PI * epoch / o.epochs));
    for (size_t start = 0; start < order.size(); start += o.batch) {
      std::vector<const MnistImage*> batch;
      for (size_t k = start; k < std::min(order.size(), start + o.batch); ++k)
        batch.push_back(&train[order[k]]);
      q = {quantized(shadow.kernels, w1_levels()), quantized(shadow.fc, w2_levels())};
      CnnWeights grad;
      backward(q, gains, forward(q, gains, batch), batch, o.logit_scale, &grad);
      adam_kernels.step(shadow.kernels, grad.kernels, rate, *lo1, *hi1);
      adam_fc.step(shadow.fc, grad.fc, rate, *lo2, *hi2);
    }
    q = {quantized(shadow.kernels, w1_levels()), quantized(shadow.fc, w2_levels())};
    report.train_accuracy.push_back(cnn_accuracy(q, gains, train));
    report.test_accuracy.push_back(test.empty() ? 0 : cnn_accuracy(q, gains, test));
    if (progress)
      progress(epoch + 1, o.epochs, report.train_accuracy.back(), report.test_accuracy.back());
  }
  return q;
}

}  // namespace xb::crossbar
