#pragma once
// The MNIST crossbar network as software: exactly the function the circuit computes with ideal
// wires (mnist_circuit.hpp), and its quantization-aware training.
//
// Weights become resistances by the reference user's fit w = 6125/R − 0.225 (R = 6125/(|w| +
// 0.225): 5 kΩ at 1.0, 25 kΩ at 0.02); a weight has a cell in a positive array (from max(w, 0))
// and one in a negative array (from max(−w, 0)), and their column currents are subtracted, so the
// offsets cancel: I⁺ − I⁻ = Σ_j V_j·w_kj/6125. With inputs V_j = vread·p_j/15:
//   h_k   = −vinv·tanh(rinv1·Σ_j V_j·W1_kj/6125 / vinv)            (64 hidden inverters)
//   out_m = −vinv·tanh(rinv2·Σ_k h_k·W2_mk/6125 / vinv)            (10 output inverters)
// and the decision is the largest out_m.

#include <Eigen/Dense>
#include <string>
#include <vector>

#include "frontends/crossbar/mnist_data.hpp"

namespace xb::crossbar {

constexpr double kWeightScale = 6125, kWeightOffset = 0.225;

inline double weight_resistance(double magnitude) {
  return kWeightScale / (magnitude + kWeightOffset);
}

// The level sets of the reference (W1: 8 levels, W2: 13).
const std::vector<double>& w1_levels();
const std::vector<double>& w2_levels();
double nearest_level(const std::vector<double>& levels, double w);

// The circuit's voltages and transresistances. Defaults keep every cell at or below vread
// (0.2 V; a TaOx cell switches near 0.45 V) and the inverters' tanh in their useful range for
// the bundled weights.
struct MnistGains {
  double vread = 0.2;  // input voltage of a full-scale (15) pixel, V
  double vinv = 0.2;   // inverter saturation voltage (the hidden layer's row drive), V
  // The inverters' tanh argument per unit weight sum: rinv1·vread/(6125·vinv) = 1.2 for a
  // full-scale input, rinv2/6125 = 0.5 for a full hidden swing (tuned for accuracy).
  double rinv1 = 7350;    // hidden inverters' transresistance, Ω
  double rinv2 = 3062.5;  // output inverters' transresistance, Ω
};

struct MnistWeights {
  Eigen::MatrixXd w1;  // hidden × 144
  Eigen::MatrixXd w2;  // 10 × hidden
};

// W1.csv, W2.csv: a line per row, comma-separated. Error text (path:line) or "".
std::string read_weights_csv(const std::string& path, Eigen::MatrixXd& out);
bool write_weights_csv(const std::string& path, const Eigen::MatrixXd& w);
// Shape errors ("W1 has 143 columns, the inputs are 144"); "" when the pair fits.
std::string check_weights(const MnistWeights& w);
// How many weights of the pair lie off their level sets.
size_t off_level_count(const MnistWeights& w);

struct MnistForward {
  Eigen::VectorXd hidden;   // h_k, V
  Eigen::VectorXd outputs;  // out_m, V
  int decision = 0;         // argmax out_m
};
MnistForward software_forward(const MnistWeights& w, const MnistGains& g, const MnistImage& image);
int argmax(const Eigen::VectorXd& v);

struct TrainOptions {
  int hidden = 64;
  int epochs = 40;
  unsigned seed = 1;
  double learning_rate = 2e-3;  // Adam
  double logit_scale = 4;       // softmax over logit_scale·out_m/vinv
  int batch = 32;
};
struct TrainReport {
  std::vector<double> train_accuracy, test_accuracy;  // per epoch, of the quantized network
};
// Quantization-aware training (straight-through estimator: the forward pass uses the weights
// on their level sets, the gradient updates shadow weights clipped to the level range).
// Deterministic for a seed. `progress(epoch, epochs)` after each epoch.
MnistWeights train_mnist(const std::vector<MnistImage>& train, const std::vector<MnistImage>& test,
                         const MnistGains& gains, const TrainOptions& options, TrainReport& report,
                         const std::function<void(int, int, double, double)>& progress = {});

// Share of `images` the software model classifies right.
double software_accuracy(const MnistWeights& w, const MnistGains& g,
                         const std::vector<MnistImage>& images);

}  // namespace xb::crossbar
