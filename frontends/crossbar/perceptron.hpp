#pragma once
// The 4×4 memristor perceptron trained in situ with programming pulses, after M. Prezioso et al.,
// "Training and operation of an integrated neuromorphic network based on metal-oxide
// memristors", Nature 521, 61–64 (2015), with the batch Manhattan rule of the reference code
// (cateru/Memristor_Crossbar_Training_Class).
//
// Crossbar: 4 input rows (bit 1 → +vread, bit 0 → −vread), 4 columns held at 0 V by sources
// vc<j>; neuron k is the column pair (2k, 2k+1): I_k = I(2k) − I(2k+1), f_k = tanh(β·I_k).
// Every read is the DC operating point of the whole crossbar (wires optional). Per epoch:
//   δ_k(n) = (t_k(n) − f_k(n))·β·(1 − f_k(n)²),   t = +0.8 for a 1, −0.8 for a 0
//   Δ_kj = Σ_n δ_k(n)·V_j(n)  over the six training patterns
// and where Δ_kj > 0 one potentiation pulse goes to G⁺ (row j, column 2k), where Δ_kj < 0 one to
// G⁻ (row j, column 2k+1) — potentiation only, as the reference. A pulse is a transient of the
// whole crossbar with the V/2 scheme: the selected row at +vpulse/2, the selected column at
// −vpulse/2, the others at 0, so half-selected cells see vpulse/2 and drift (a little) too; the
// states it leaves are what the next read holds. Trained when every training pattern meets its
// target (f ≥ 0.8 for a 1, f ≤ −0.8 for a 0); at most `max_epochs`.

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "netlist/deck.hpp"

namespace xb::crossbar {

constexpr int kPerceptronInputs = 4, kPerceptronNeurons = 2;

struct PerceptronPattern {
  std::array<int, kPerceptronInputs> bits;
  std::array<int, kPerceptronNeurons> target;  // 1, 0; a test pattern of class [0,0] has both 0
};
const std::vector<PerceptronPattern>& perceptron_training_set();
const std::vector<PerceptronPattern>& perceptron_test_set();

struct PerceptronSpec {
  // taox: the built-in TaOx memristor; table: pulse_table cells from a measured conductance-
  // versus-pulse curve, G = k·[(T(n) − T(0)) + shift] with a lognormal shift per cell rescaled
  // to [shift_min, shift_max] (the reference's device model), all counts starting at 0.
  enum class Device { taox, table } device = Device::taox;
  std::vector<double> table;  // S, after 0, 1, 2, … pulses
  double table_k = 10, shift_min = 1e-8, shift_max = 1e-7, vth = 1.5;
  double vread = 0.1;  // input voltage of a 1 (a 0 is −vread), V
  // The selected cell sees vpulse for pulse_width. From x ≈ 0.2, 0.5 V SETs the TaOx cell
  // gradually (its rate falls as exp(−(x/xon)²)), 20 ns making each step a small one; 0.45 V
  // barely moves it, 0.55 V jumps it to 0.55 at once (docs/perceptron.md).
  double vpulse = 0.5;         // V
  double pulse_width = 20e-9;  // s
  double beta = 6000;          // f = tanh(β·I), 1/A
  double target = 0.8;
  int max_epochs = 48;
  double wire_r = 0;                  // Ω per segment
  double x0 = 0.2, x0_spread = 0.02;  // initial TaOx states: x0 ± uniform spread, by seed
  unsigned seed = 1;
};

// The reference's parameters for the table device: β = 6e6, 2 V pulses of 100 ns (the count
// threshold 1.5 V, so half-selected cells at 1 V keep their counts), K = 10.
PerceptronSpec table_perceptron(std::vector<double> table);

// A conductance-versus-pulse CSV (one value per line; a header line is skipped). Error text.
std::string read_pulse_table(const std::string& path, std::vector<double>& out);

struct PerceptronEpoch {
  int epoch = 0;                         // 0: before training
  std::array<double, 16> conductance{};  // read conductance (at vread) of cell (row, column)
  std::array<double, 16> state{};        // TaOx state or pulse count of cell (row, column)
  std::vector<std::array<double, kPerceptronNeurons>> activations;  // per training pattern
  double error = 0;  // Σ over patterns and neurons of how far f misses its target (0: trained)
  int pulses = 0;    // pulses applied in this epoch
};

struct PerceptronRun {
  std::vector<PerceptronEpoch> epochs;  // epochs[0] is the initial state
  std::array<double, 16> final_state{};
  bool converged = false;
  int epochs_needed = 0;  // epochs of pulses until trained
  // After training, the test set: patterns whose circuit decisions (f > 0 per neuron) meet their
  // targets, patterns decided as the trained weights W = G⁺ − G⁻ predict (f = tanh(β·W·V)), and
  // the largest difference between the circuit's f and that prediction.
  int test_right = 0, test_agree = 0, test_total = 0;
  double test_largest_difference = 0;
};

class PerceptronCrossbar;
std::unique_ptr<PerceptronCrossbar> make_perceptron(const PerceptronSpec& spec, std::string& error);

// Trains one crossbar; `progress(epoch)` after each epoch.
PerceptronRun train_perceptron(const PerceptronSpec& spec, std::string& error,
                               const std::function<void(const PerceptronEpoch&)>& progress = {});

// The crossbar as a deck at the given states (row-major) and, for the table device, per-cell
// shifts (from the seed): the read of one pattern as an .op,
// of several as a .data table (columns vr0 … vr3) swept by .dc data=.
netlist::Deck perceptron_deck(const PerceptronSpec& spec, const std::array<double, 16>& states,
                              const std::vector<PerceptronPattern>& patterns);

// One TaOx cell from x0 under `count` pulses of vpulse and pulse_width: its read conductance at
// vread before and after each pulse (count + 1 values).
std::vector<double> taox_pulse_curve(const PerceptronSpec& spec, int count, std::string& error);

}  // namespace xb::crossbar
