#pragma once
// The MNIST network as a circuit (one Deck: what is simulated is what is exported), and its
// exact, fast simulation.
//
// Per layer (1: 144 inputs → hidden, 2: hidden → 10) two arrays, positive and negative: input i
// drives row i of both at their left ends; the cell at row i, column k is R = 6125/(max(±w_ki, 0)
// + 0.225). With wire_r > 0 a resistor of wire_r joins neighbouring cells along every row and
// column (nodes l<L><p|n>r<i>_<k>, l<L><p|n>c<i>_<k>). The bottoms of column k of both arrays are
// the virtual grounds of a current subtractor built from ideal op-amps (models/crossbar.lib's
// circuit, amplifiers opamp_ideal):
//   vp = −rsub·I⁺, vn = −rsub·I⁻, d = vn − vp = rsub·(I⁺ − I⁻)   (unity difference amplifier)
// and d drives, through rsub, the virtual ground of an opamp_tanh inverter: its output is
// h_k = −vinv·tanh(rinv1·(I⁺ − I⁻)/vinv) (node h<k>), or out<m> in layer 2.
// Cells: conductor; 1t1r (the conductor in series with the access NMOS of models/crossbar.lib,
// gate on select line `wl` at vgate); taox (a TaOx memristor of half the paper's area whose read
// conductance at vread is the cell's 1/R).
//
// Inputs: DC levels V_j = vread·p_j/15, or PWM (the reference's scheme): input j at vread for a
// fraction p_j/15 of each period and 0 V otherwise, even rows pulsing at the start of the period
// and odd rows at its end (opposite phase, so that the rows' currents spread over the period);
// the decision is then the largest period average of v(out_m). The circuit holds no charge
// that matters at 40 ns (cells and ideal op-amps are memoryless; 1T1R gate and junction charges
// settle in picoseconds), so each stretch of constant inputs is an operating point, and the
// period average is the duration-weighted mean over those stretches. The deck writes the same
// inputs as PWL sources under .tran, an image per period, with .measure AVG of each output.
//
// Simulation: with conductor cells everything but the inverters is linear. The inverters'
// inputs are virtual grounds and their outputs voltage sources, so between the input sources,
// the inverter outputs and the inverter input currents the circuit is a matrix T, taken from
// one factorization of the whole deck (inverters replaced by their ports); each image is then
// I = T·[u; h] evaluated inverter by inverter in signal order: the same equations as the full
// deck, without Newton. Nonlinear cells are solved by Newton on the complete deck, each image
// starting from the previous one's solution on the same factorization pattern.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "frontends/crossbar/mnist_model.hpp"
#include "frontends/session/session.hpp"
#include "netlist/deck.hpp"

namespace xb::crossbar {

struct MnistCircuitSpec {
  enum class Cell { conductor, one_t_one_r, taox };
  MnistWeights weights;
  MnistGains gains;
  Cell cell = Cell::conductor;
  double wire_r = 0;                                    // Ω per segment; 0: ideal wires
  double rsub = 1e3;                                    // subtractor transimpedance, Ω
  double vgate = 1.8;                                   // 1T1R select-line voltage, V
  bool pwm = false;                                     // PWM inputs instead of DC levels
  double pwm_period = 40e-9;                            // s
  double pwm_edge = 10e-12;                             // the deck's PWL edges (rise = fall), s
  std::vector<std::pair<std::string, double>> options;  // .options entries
  // Optional cell conductances in place of 1/R(w), S: [2·(layer − 1) + (0: positive, 1:
  // negative array)], rows = the array's inputs × columns = its outputs (what a mapping for the
  // wires programs, mnist_mapping.hpp).
  std::vector<Eigen::MatrixXd> conductances;
};

std::optional<MnistCircuitSpec::Cell> parse_cell(const std::string& name);

// The deck: for one image an .op; for several, their input voltages as rows of a .data table
// swept by .dc data= (columns vin0 … vin143). PWM: a .tran of one period per image, PWL inputs,
// and `.measure tran out<m>_<k> avg v(out<m>)` over period k.
netlist::Deck build_mnist_deck(const MnistCircuitSpec& spec, const std::vector<MnistImage>& images);

// Input voltages of an image: V_j = vread·p_j/15.
Eigen::VectorXd input_voltages(const MnistImage& image, const MnistGains& gains);

// The stretches of one PWM period over which every input is constant: [start, end) in seconds
// and the input voltages there.
struct PwmStretch {
  double start, end;
  Eigen::VectorXd inputs;
};
std::vector<PwmStretch> pwm_stretches(const MnistImage& image, const MnistGains& gains,
                                      double period);

struct MnistEvaluation {
  Eigen::VectorXd outputs;  // v(out0) … v(out9)
  int decision = 0;
  double largest_cell_voltage = 0;  // over every cell of both layers (full solves only: the
                                    // reduction does not form the node voltages)
};

// Why spec.conductances cannot be the cells of its network (shapes, values), or "".
std::string check_conductances(const MnistCircuitSpec& spec);

class MnistCircuit {
 public:
  // Builds and prepares the circuit; error text (device or deck errors) when it cannot.
  static std::unique_ptr<MnistCircuit> create(const MnistCircuitSpec& spec, std::string& error);
  ~MnistCircuit();

  // Whether images go through the linear reduction (conductor cells) or full Newton solves.
  bool reduced() const { return reduced_; }
  MnistEvaluation evaluate(const MnistImage& image);
  // The complete deck solved by Newton, whatever the cells (for checks and reports).
  MnistEvaluation evaluate_full(const MnistImage& image);

 private:
  // One operating point at input voltages `u`, through the reduction or by Newton.
  MnistEvaluation at_inputs(const Eigen::VectorXd& u, bool full);
  // DC levels, or the duration-weighted mean over the PWM stretches.
  MnistEvaluation over_inputs(const MnistImage& image, bool full);
  MnistEvaluation solve_full(const Eigen::VectorXd& u);

 public:
 private:
  explicit MnistCircuit(const MnistCircuitSpec& spec);
  std::string prepare_full();
  std::string prepare_reduction();

  MnistCircuitSpec spec_;
  std::optional<session::Session> full_;
  std::vector<session::SourceHandle> inputs_;
  std::vector<session::ProbeHandle> outputs_, cell_voltages_;
  bool reduced_ = false;
  // T from the port deck: rows = inverter currents (layer 1, then 2), columns = inputs, then
  // the inverter outputs; evaluation order of the inverters.
  Eigen::MatrixXd t_;
  std::vector<int> order_;
};

}  // namespace xb::crossbar
