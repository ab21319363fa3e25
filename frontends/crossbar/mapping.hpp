#pragma once
// Mapping a target matrix onto a crossbar with wires and port resistances (after Zhang, Uysal,
// Fan, Ewetz, "Representable Matrices…": step 3, conductances g minimising ‖W^r(g)/α − T‖²_F with
// exact gradients). With S the sense and B the input incidence, W^r = S·Y(g)⁻¹·B, and for a cell
// c of conductance g_c between nodes a_c:
//   ∂W^r/∂g_c = −(S·Y⁻¹·a_c)·(a_cᵀ·Y⁻¹·B)
// so all N·M·(cells) partial derivatives come from the cell voltages for unit inputs (N solves)
// and for unit sense drives (M solves, the adjoint by reciprocity of the symmetric Y), one
// factorization per iteration. The plain mapping g = clip(α·T) is the starting point.

#include <Eigen/Dense>
#include <functional>
#include <string>

namespace xb::crossbar {

struct MappingSetup {
  double wire_r = 1, r_in = 100, r_out = 100;  // Ω
  double g_min = 1 / 3e6, g_max = 1 / 2e3;     // S, the cells' range
  // α maps the largest target entry to headroom·g_max; 0: from the array's attenuation κ of
  // the plain mapping (W^r ≈ κ·α·T by least squares): headroom 0.9·κ, so that cells raised by
  // 1/κ to make up for the wires still fit under g_max.
  double headroom = 0;
  int iterations = 60;
  double step = 0.05;  // Adam step, relative to g_max
};

struct MappingResult {
  Eigen::MatrixXd g;                         // rows (inputs) × columns (outputs), S
  double alpha = 0;                          // W^r/α ≈ T
  double plain_error = 0, mapped_error = 0;  // ‖W^r/α − T‖_F/‖T‖_F
  int iterations = 0;
  double seconds = 0;
};

// `target`: outputs × inputs, nonnegative. Error text or "".
std::string map_matrix(const Eigen::MatrixXd& target, const MappingSetup& setup, MappingResult& out,
                       const std::function<void(int, double)>& progress = {});

// The effective matrix of conductances `g` (rows × columns) in `setup`, and its derivatives
// with respect to every g (for tests): d[c](j, i) = ∂W^r(j, i)/∂g_c, c = row·columns + column.
std::string effective_with_gradient(const Eigen::MatrixXd& g, const MappingSetup& setup,
                                    Eigen::MatrixXd& w, std::vector<Eigen::MatrixXd>* d);

}  // namespace xb::crossbar
