#pragma once
// The matrix a crossbar really computes (Zhang, Uysal, Fan, Ewetz, "Representable Matrices…",
// eq. 1–3: W^r = S·Y⁻¹·B): the current at each column's sense for a unit voltage at each row's
// input, everything else at 0 V, with the wires, input and output resistances of the array. It is
// taken from one factorization of the whole circuit and one solve per input
// (Session::transfer_matrix), so it is exact for linear cells; with ideal wires and no input or
// output resistance it is the conductance matrix itself (transposed: outputs × inputs).
// Nonlinear cells (TaOx, 1T1M) are linearised at the calibration input, the spec's first input
// vector: W^r = ∂(sense currents)/∂(inputs) there, from one factorization of the Jacobian at
// that operating point (Session::linearised_transfer). Their ideal is still the read
// conductances Gᵀ, so the deviation holds both the wires and the cells' nonlinearity (the
// differential conductance of a TaOx cell at v is not its chord conductance i/v).

#include <Eigen/Dense>
#include <string>
#include <vector>

#include "netlist/crossbar_builder.hpp"

namespace xb::crossbar {

struct EffectiveMatrix {
  Eigen::MatrixXd w;              // outputs (columns) × inputs (rows), S
  Eigen::MatrixXd ideal;          // the conductances, Gᵀ: what ideal wires would compute
  double relative_frobenius = 0;  // ‖W − Gᵀ‖_F / ‖Gᵀ‖_F
  double max_abs = 0;             // max |W − Gᵀ|, S
  Eigen::Index max_output = 0, max_input = 0;
  double seconds = 0;  // factorization and solves
};

// Error text (the spec, a deck error, an operating point that failed) or "" with `out` filled.
std::string effective_matrix(const netlist::CrossbarSpec& spec, EffectiveMatrix& out);

// n × n conductances drawn uniformly between g_min and g_max (the paper's random targets).
std::vector<std::vector<double>> random_conductances(size_t n, double g_min, double g_max,
                                                     unsigned seed);

}  // namespace xb::crossbar
