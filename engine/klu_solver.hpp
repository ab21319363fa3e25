#pragma once
// The sparse LU for real matrices: SuiteSparse KLU behind RAII. Analyze once per pattern, factor,
// then refactor with the same pivots while it stays healthy; a full factor again when refactor
// fails or the reciprocal condition estimate falls below `kRefactorRcondFloor`.

#include <klu.h>

#include <vector>

#include "engine/linear_solver.hpp"

namespace xb::engine {

class KluSolver : public LinearSolver {
 public:
  // Pivots below this (relative to the largest) count as singular: KLU itself only stops on
  // exact zeros.
  static constexpr double kRcondFloor = 1e-15;
  static constexpr double kRefactorRcondFloor = 1e-12;
  // Refactor keeps the old pivot order; when the reciprocal pivot growth falls below this the
  // order has gone stale and a full factor with fresh pivoting follows.
  static constexpr double kRefactorGrowthFloor = 1e-8;
  // A pivot smaller than this in magnitude is zero: cancellation leaves ~1e-25 where an exactly
  // singular matrix has 0. Far below any physical conductance (1e-20 S is 1e20 Ω).
  static constexpr double kPivotFloor = 1e-20;

  KluSolver();
  ~KluSolver() override;
  KluSolver(const KluSolver&) = delete;
  KluSolver& operator=(const KluSolver&) = delete;

  std::string_view name() const override { return "KLU"; }
  bool analyze(int n, const std::vector<int>& Ap, const std::vector<int>& Ai) override;
  // Refactors when possible.
  FactorStatus factor(const double* Ax) override;
  bool solve(double* b, int nrhs = 1) override;

  int singular_column() const override { return singular_col_; }
  double rcond() const { return common_.rcond; }
  const SolverCounters& counters() const override { return counters_; }

 private:
  void free_numeric();
  // Column of the smallest |U(k,k)| when it is below kPivotFloor, else −1.
  int tiny_pivot_column() const;
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
