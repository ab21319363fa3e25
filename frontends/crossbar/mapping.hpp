#pragma once
// Mapping a target matrix onto a crossbar with wires and port resistances (after Zhang, Uysal,
// Fan, Ewetz, "Representable Matrices…"), for conductor cells:
//  2. α, the conductance per unit of the target, by α ← α(1 ∓ β) until t steps bring no
//     improvement of the programmed (quantized) cells' error: larger α loses entries to the
//     range (cells the wires starve cannot be raised past g_max), smaller α to the levels;
//  3. g for W^r(g)/α = T: Jacobi steps g ← g·αT/W^r (each entry depends mostly on its own cell),
//     optionally exact-gradient (Adam) steps, then the cells put on the levels and, per output,
//     moved by whole levels so that (W^r/α − T)·v_cal ≈ 0 at the calibration input v_cal;
//  5. verification: the crossbar solved for random inputs, outputs against T·v, beside the
//     baseline of Hu et al. (DAC 2016): g = α·T with each cell's current forced to its ideal
//     value at v_cal (Newton per cell, repeated until the wires' coupling settles), on the levels.
// With S the sense and B the input incidence, W^r = S·Y(g)⁻¹·B, and for a cell c of
// conductance g_c between nodes a_c:
//   ∂W^r/∂g_c = −(S·Y⁻¹·a_c)·(a_cᵀ·Y⁻¹·B)
// so all partial derivatives come from the cell voltages for unit inputs (N solves) and for
// unit sense drives (M solves, the adjoint by reciprocity of the symmetric Y).

#include <Eigen/Dense>
#include <functional>
#include <string>

namespace xb::crossbar {

struct MappingSetup {
  double wire_r = 1, r_in = 100, r_out = 100;  // Ω
  double g_min = 1 / 3e6, g_max = 1 / 2e3;     // S, the cells' range
  int levels = 256;    // programmable states, equidistant in [g_min, g_max]; 0: continuous
  double v_max = 0.2;  // V, the largest input (random inputs are uniform in [0, v_max])
  // α maps the largest target entry to headroom·g_max; 0: searched (step 2), starting from the
  // array's attenuation κ of the plain mapping (W^r ≈ κ·α·T by least squares): 0.9·κ.
  double headroom = 0;
  double alpha_step = 0.1;         // β of step 2: α ← α(1 ∓ β)
  int alpha_patience = 2;          // t of step 2: steps without improvement before it stops
  int fixed_point_iterations = 6;  // Jacobi steps g ← g·αT/W^r per α
  int iterations = 0;              // gradient (Adam) steps after them, at the chosen α
  double step = 0.05;              // Adam step, relative to g_max
  bool v_cal_correction = true;    // step 3b on the programmed levels
  int verify_inputs = 1000;        // random input vectors of the verification (step 5)
  unsigned seed = 1;
};

struct MappingResult {
  Eigen::MatrixXd g;           // rows (inputs) × columns (outputs), S: the programmed cells
  Eigen::MatrixXd g_baseline;  // Hu et al.: cell currents forced at v_cal, on the levels
  double alpha = 0, alpha_baseline = 0;  // W^r/α ≈ T
  // ‖W^r/α − T‖_F/‖T‖_F: the plain mapping (continuous), the mapped and the baseline cells.
  double plain_error = 0, mapped_error = 0, baseline_error = 0;
  // Step 5: max over the random inputs and outputs of |y/α − T·v|, over the largest |T·v|.
  double mapped_output_error = 0, baseline_output_error = 0;
  int alpha_trials = 0, iterations = 0;
  double seconds = 0;
};

// `target`: outputs × inputs, nonnegative. Error text or "". `progress(stage, step, error)`.
std::string map_matrix(const Eigen::MatrixXd& target, const MappingSetup& setup, MappingResult& out,
                       const std::function<void(const char*, int, double)>& progress = {});

// g on the programmable levels of `setup` (nearest level; unchanged when levels is 0).
Eigen::MatrixXd quantize(const Eigen::MatrixXd& g, const MappingSetup& setup);

// The effective matrix of conductances `g` (rows × columns) in `setup`, and its derivatives
// with respect to every g (for tests): d[c](j, i) = ∂W^r(j, i)/∂g_c, c = row·columns + column.
std::string effective_with_gradient(const Eigen::MatrixXd& g, const MappingSetup& setup,
                                    Eigen::MatrixXd& w, std::vector<Eigen::MatrixXd>* d);

}  // namespace xb::crossbar
