#pragma once
// Sparse LU of complex matrices (SuiteSparse KLU, complex entry points): the system
// (G + jωC)·x = b of a small-signal AC analysis. Same shape as KluSolver: analyze once, factor
// (refactor with the old pivots while they stay healthy), solve many right-hand sides.

#include <klu.h>

#include <complex>
#include <vector>

#include "engine/linear_solver.hpp"

namespace xb::engine {

class ComplexKluSolver : public BasicLinearSolver<std::complex<double>> {
 public:
  static constexpr double kRcondFloor = 1e-15;
  static constexpr double kRefactorRcondFloor = 1e-12;

  ComplexKluSolver();
  ~ComplexKluSolver() override;
  ComplexKluSolver(const ComplexKluSolver&) = delete;
  ComplexKluSolver& operator=(const ComplexKluSolver&) = delete;

  std::string_view name() const override { return "KLU (complex)"; }
  bool analyze(int n, const std::vector<int>& Ap, const std::vector<int>& Ai) override;
  FactorStatus factor(const std::complex<double>* Ax) override;
  bool solve(std::complex<double>* b, int nrhs = 1) override;
  int singular_column() const override { return singular_col_; }
  const SolverCounters& counters() const override { return counters_; }

 private:
  void free_numeric();
  klu_common common_;
  klu_symbolic* symbolic_ = nullptr;
  klu_numeric* numeric_ = nullptr;
  const std::vector<int>* Ap_ = nullptr;
  const std::vector<int>* Ai_ = nullptr;
  int n_ = 0;
  int singular_col_ = -1;
  SolverCounters counters_;
};

}  // namespace xb::engine
