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
// 1T1M cells (TaOx memristor + access NMOS, the crossbar builder's cell) add the paper's
//  1. the range: the conductances the pair reaches at the calibration voltage across it
//     (x from x_min to 1), within the setup's [g_min, g_max]; the flow above maps onto ideal
//     conductors in that range;
//  4. the states: per cell, the TaOx state for which the pair carries the conductor's current
//     at the conductor crossbar's node voltages for v_cal (access_pair.hpp), so that the 1T1M
//     crossbar reproduces the linear one at v_cal;
//  5. verification of the 1T1M crossbar itself (nonlinear, solved by Newton per input vector).

#include <Eigen/Dense>
#include <functional>
#include <string>

#include "netlist/crossbar_builder.hpp"

namespace xb::crossbar {

struct MappingSetup {
  enum class Cell { conductor, one_t_one_m };
  Cell cell = Cell::conductor;
  double vgate = 1.8;  // V, the 1T1M word line
  // 1T1M: the TaOx area relative to Strachan et al.'s device (its Gm and a scaled); 0: the
  // smallest area whose pair conducts g_max at v_cal (the device that spans the range best).
  double memristor_area = 0;
  double wire_r = 1, r_in = 100, r_out = 100;  // Ω
  double g_min = 1 / 3e6, g_max = 1 / 2e3;     // S, the cells' range
  int levels = 256;    // programmable states, equidistant in [g_min, g_max]; 0: continuous
  double v_max = 0.2;  // V, the largest input (random inputs are uniform in [0, v_max])
  // α maps the largest target entry to headroom·g_max; 0: searched (step 2), starting from the
  // array's attenuation κ of the plain mapping (W^r ≈ κ·α·T by least squares): 0.9·κ.
  double headroom = 0;
  double alpha = 0;  // > 0: α fixed at this (no search; the baseline gets it too)
  // g_min is the cells' zero: g = g_min + α·T, its offset read off the outputs (a target of
  // magnitudes). false: the target is itself conductances (α·T mapped as it is).
  bool zero_at_g_min = true;
  double alpha_step = 0.1;         // β of step 2: α ← α(1 ∓ β)
  int alpha_patience = 2;          // t of step 2: steps without improvement before it stops
  int fixed_point_iterations = 6;  // Jacobi steps g ← g·αT/W^r per α
  int iterations = 0;              // gradient (Adam) steps after them, at the chosen α
  double step = 0.05;              // Adam step, relative to g_max
  bool v_cal_correction = true;    // step 3b on the programmed levels
  int verify_inputs = 1000;        // random input vectors of the verification (step 5)
  bool baseline = true;            // the baseline too (needed by the verification)
  unsigned seed = 1;
};

struct MappingResult {
  Eigen::MatrixXd g;           // rows (inputs) × columns (outputs), S: the programmed cells
  Eigen::MatrixXd g_baseline;  // Hu et al.: cell currents forced at v_cal, on the levels
  // 1T1M: the memristor states (rows × columns) of the mapped and the baseline cells, and how
  // many cells no state could reach (set to the nearest bound).
  Eigen::MatrixXd state, state_baseline;
  int unreachable = 0, unreachable_baseline = 0;
  double g_min = 0, g_max = 0;  // the range mapped onto (1T1M: the pair's, within the setup's)
  double memristor_area = 1;    // 1T1M: the TaOx area used, and its .model parameters
  std::vector<std::pair<std::string, double>> taox_params;
  double alpha = 0, alpha_baseline = 0;  // W^r/α ≈ T
  // ‖W^r/α − T‖_F/‖T‖_F: the plain mapping (continuous), the mapped and the baseline cells.
  double plain_error = 0, mapped_error = 0, baseline_error = 0;
  // Step 5: max over the random inputs and outputs of |y/α − T·v|, over the largest |T·v|.
  // 1T1M: of the 1T1M crossbar (SPICE level), beside those of the ideal conductors mapped.
  double mapped_output_error = 0, baseline_output_error = 0;
  double mapped_conductor_output_error = 0, baseline_conductor_output_error = 0;
  // 1T1M: max |1T1M output − conductor output| / max |conductor output| at v_cal (should be at
  // the Newton tolerance: step 4 makes the two crossbars agree there).
  double calibration_mismatch = 0;
  int alpha_trials = 0, iterations = 0;
  double seconds = 0;
};

// `target`: outputs × inputs, nonnegative. Error text or "". `progress(stage, step, error)`.
std::string map_matrix(const Eigen::MatrixXd& target, const MappingSetup& setup, MappingResult& out,
                       const std::function<void(const char*, int, double)>& progress = {});

// The mapped crossbar of `setup` with conductances `g` (rows × columns), or 1T1M cells at the
// memristor states `state` when given, at the calibration input v_max/2 on every row.
netlist::CrossbarSpec mapped_crossbar(
    const Eigen::MatrixXd& g, const Eigen::MatrixXd* state, const MappingSetup& setup,
    const std::vector<std::pair<std::string, double>>& taox_params = {});

// The space of representable matrices (the paper's fig. 3), per position: the values W^r(j, i)
// takes as its own cell (i, j) goes from g_min to g_max with every other cell as in g. Exact by
// Sherman–Morrison from the cell voltages for unit inputs (Q) and sense drives (P) and the
// cell's driving-point resistance r_c (its own conductance included):
//   W^r(g_c + Δ)(j, i) = W^r(j, i) − Δ·P(c, j)·Q(c, i)/(1 + Δ·r_c).
struct ValueRange {
  Eigen::MatrixXd low, high;  // outputs × inputs, S
};
std::string representable_range(const Eigen::MatrixXd& g, const MappingSetup& setup,
                                ValueRange& out);

// g on the programmable levels of `setup` (nearest level; unchanged when levels is 0).
Eigen::MatrixXd quantize(const Eigen::MatrixXd& g, const MappingSetup& setup);

// The effective matrix of conductances `g` (rows × columns) in `setup`, and its derivatives
// with respect to every g (for tests): d[c](j, i) = ∂W^r(j, i)/∂g_c, c = row·columns + column.
std::string effective_with_gradient(const Eigen::MatrixXd& g, const MappingSetup& setup,
                                    Eigen::MatrixXd& w, std::vector<Eigen::MatrixXd>* d);

}  // namespace xb::crossbar
