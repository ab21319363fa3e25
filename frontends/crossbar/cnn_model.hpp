#pragma once
// A small CNN for the 12×12 4-bit MNIST set in the crossbar networks' units (after Li, Fu,
// Sham, Ma, GCCE 2024: convolutions as crossbars), and its quantization-aware training.
//
// With x = p/15 per pixel and every weight on the reference's level sets (mnist_model.hpp):
//   conv  C kernels K_c of 3×3 (valid: 10×10 positions); per position and channel
//         a = −tanh(g1·Σ_{3×3} x·K_c)            (an inverter per position and channel)
//   pool  2×2 average: 5×5×C pooled values q_c,y,x (index c·25 + y·5 + x)
//   fc    out_m = −tanh(g2·Σ_q q·W_mq)            (10 output inverters), decision argmax
// The gains are the circuit's: g1 = rinv1·vread/(6125·vinv), g2 = rinv2/6125, as in the MNIST
// network (weights become differential cell pairs of R = 6125/(|w| + 0.225)); a kernel has 9
// inputs instead of 144, so its transresistance is larger.

#include <Eigen/Dense>
#include <functional>
#include <string>
#include <vector>

#include "frontends/crossbar/mnist_data.hpp"

namespace xb::crossbar {

constexpr int kCnnSide = 12, kCnnKernel = 3, kCnnConvSide = 10, kCnnPoolSide = 5;
constexpr int kCnnPatch = kCnnKernel * kCnnKernel;          // 9 inputs per kernel
constexpr int kCnnPositions = kCnnConvSide * kCnnConvSide;  // 100
constexpr int kCnnPooled = kCnnPoolSide * kCnnPoolSide;     // 25 per channel

struct CnnGains {
  double vread = 0.2;     // V, a full-scale pixel
  double vinv = 0.2;      // V, the inverters' saturation
  double rinv1 = 24500;   // Ω, conv inverters: g1 = 4 (a kernel sums 9 inputs, not 144)
  double rinv2 = 3062.5;  // Ω, output inverters: g2 = 0.5
  double g1() const;
  double g2() const;
};

struct CnnWeights {
  Eigen::MatrixXd kernels;  // C × 9 (row-major 3×3: dy·3 + dx)
  Eigen::MatrixXd fc;       // 10 × 25·C
  int channels() const { return static_cast<int>(kernels.rows()); }
};

// Shapes (kernels C × 9, fc 10 × 25·C); "" when they fit.
std::string check_cnn_weights(const CnnWeights& w);

// The pooled value (within its channel, y·5 + x) that conv position `position` (y·10 + x) feeds.
inline int cnn_pool_of(int position) {
  return (position / kCnnConvSide / 2) * kCnnPoolSide + (position % kCnnConvSide) / 2;
}

// The 100 patches of an image (100 × 9, x = p/15): row y·10 + x holds pixels (y + dy, x + dx).
Eigen::MatrixXd image_patches(const MnistImage& image);

struct CnnForward {
  Eigen::MatrixXd conv;     // 100 × C: a, in units of vinv (the inverters' outputs / vinv)
  Eigen::VectorXd pooled;   // 25·C
  Eigen::VectorXd outputs;  // 10: out/vinv
  int decision = 0;
};
CnnForward cnn_forward(const CnnWeights& w, const CnnGains& g, const MnistImage& image);
double cnn_accuracy(const CnnWeights& w, const CnnGains& g, const std::vector<MnistImage>& images);

struct CnnTrainOptions {
  int channels = 8;
  int epochs = 30;
  unsigned seed = 1;
  double learning_rate = 3e-3;  // Adam, cosine-decayed over the epochs
  double logit_scale = 4;       // softmax over logit_scale·out
  int batch = 32;
};
struct CnnTrainReport {
  std::vector<double> train_accuracy, test_accuracy;  // per epoch, of the quantized network
};
// Quantization-aware training (straight-through: the forward pass uses the weights on their
// level sets — kernels on W1's, fc on W2's). Deterministic for a seed.
CnnWeights train_cnn(const std::vector<MnistImage>& train, const std::vector<MnistImage>& test,
                     const CnnGains& gains, const CnnTrainOptions& options, CnnTrainReport& report,
                     const std::function<void(int, int, double, double)>& progress = {});

// The loss the training descends for one batch (mean cross-entropy of softmax(logit_scale·out))
// and its gradients with respect to the (quantized) weights, for tests.
double cnn_loss_and_gradient(const CnnWeights& w, const CnnGains& g,
                             const std::vector<MnistImage>& batch, double logit_scale,
                             CnnWeights* gradient);

}  // namespace xb::crossbar
