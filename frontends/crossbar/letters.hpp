#pragma once
// The binary letters network: 4×4 images of A, T, V and X through two crossbars of binary
// conductances (16 → 8 → 4), each column into an op-amp inverter with tanh saturation:
//   I_k = Σ_j G1_kj·V_j,   h_k = −V_INV·tanh(R_INV·I_k/V_INV)
//   I_m = Σ_k G2_mk·h_k,   out_m = −V_INV·tanh(R_INV2·I_m/V_INV),   prediction = argmax out_m
// with V_j = V1 for a 1 pixel and V0 for a 0, G ∈ {G_OFF, G_ON}. Trained in software as the
// reference does (soft binarization G = (G_ON − G_OFF)·σ(s·w) + G_OFF, cross-entropy, Gaussian
// input noise), then the hard-binarized network runs at SPICE level.

#include <Eigen/Dense>
#include <array>
#include <functional>
#include <string>
#include <vector>

#include "netlist/deck.hpp"

namespace xb::crossbar {

constexpr int kLetterPixels = 16, kLetterHidden = 8, kLetterClasses = 4;

struct LetterPattern {
  std::array<int, kLetterPixels> pixels;  // row by row, 0 or 1
  int label;                              // 0 A, 1 T, 2 V, 3 X
};

// Ten variants of each letter (training) and every variant with each pixel flipped in turn
// (testing: 160 per letter).
const std::vector<LetterPattern>& letters_training_set();
std::vector<LetterPattern> letters_test_set();
const char* letter_name(int label);

struct LettersParams {
  double g_on = 7.7e-5, g_off = 2.88e-6;  // S
  double v_inv = 5, r_inv = 5e3, r_inv2 = 5e3;
  double v1 = 0.1, v0 = -0.1;  // V
};
// The second parameter set of the reference: G_ON 5e-5, G_OFF 1e-9, R_INV 1 MΩ, V0 = 0 V.
LettersParams letters_second_set();

struct LettersWeights {
  Eigen::MatrixXi on1;  // 8 × 16: 1 where the cell is at G_ON
  Eigen::MatrixXi on2;  // 4 × 8
};

struct LettersForward {
  Eigen::VectorXd hidden, outputs;
  int decision = 0;
};
LettersForward letters_forward(const LettersWeights& w, const LettersParams& p,
                               const std::array<int, kLetterPixels>& pixels);

struct LettersTrainOptions {
  int epochs = 300;
  double sharpness = 4;     // s in σ(s·w)
  double noise = 0.1;       // σ of the Gaussian noise on the pixel values
  double logit_scale = 20;  // softmax over logit_scale·out/V_INV
  double learning_rate = 0.05;
  unsigned seed = 1;
};
LettersWeights train_letters(const LettersParams& p, const LettersTrainOptions& o,
                             double& training_accuracy);

// The network as a deck: sources vin0…vin15, cells xg1_<k>_<j>, xg2_<m>_<k>, inverters with
// outputs h<k> and out<m>; several patterns as a .data table swept by .dc data=.
netlist::Deck letters_deck(const LettersWeights& w, const LettersParams& p,
                           const std::vector<LetterPattern>& patterns);

// The network at SPICE level on `patterns`: each an operating point of the whole circuit (one
// live Session, inputs changed in place), beside the software model.
struct LettersCircuitReport {
  size_t patterns = 0, circuit_right = 0, software_right = 0, agree = 0;
  double largest_difference = 0;    // between circuit and software outputs, V
  double largest_cell_voltage = 0;  // over every cell (its column is a virtual ground), V
  std::string error;                // a deck or solve failure
};
LettersCircuitReport run_letters_circuit(const LettersWeights& w, const LettersParams& p,
                                         const std::vector<LetterPattern>& patterns);

// Weights files: a line per row of 0/1 (or G_OFF/G_ON conductances, read by nearness).
std::string read_letters_weights(const std::string& path, int rows, int cols,
                                 const LettersParams& p, Eigen::MatrixXi& out);
bool write_letters_weights(const std::string& path, const Eigen::MatrixXi& on);

}  // namespace xb::crossbar
