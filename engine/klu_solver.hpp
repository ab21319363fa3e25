#pragma once
// The one sparse LU in the engine: SuiteSparse KLU behind RAII. Analyze once per pattern, factor,
// then refactor with the same pivots while it stays healthy; a full factor again when refactor
// fails or the reciprocal condition estimate falls below `kRefactorRcondFloor`.

#include <klu.h>

#include <cstdint>
#include <vector>

namespace xb::engine {

struct SolverCounters {
  uint64_t analyze = 0, factor = 0, refactor = 0, solve = 0;
  double analyze_s = 0, factor_s = 0, refactor_s = 0, solve_s = 0;

  // Work of several solvers added up, or of one analysis on a solver that lives on.
  SolverCounters& operator+=(const SolverCounters& o) {
    analyze += o.analyze, factor += o.factor, refactor += o.refactor, solve += o.solve;
    analyze_s += o.analyze_s, factor_s += o.factor_s, refactor_s += o.refactor_s;
    solve_s += o.solve_s;
    return *this;
  }
  SolverCounters operator-(const SolverCounters& o) const {
    SolverCounters d = *this;
    d.analyze -= o.analyze, d.factor -= o.factor, d.refactor -= o.refactor, d.solve -= o.solve;
    d.analyze_s -= o.analyze_s, d.factor_s -= o.factor_s, d.refactor_s -= o.refactor_s;
    d.solve_s -= o.solve_s;
    return d;
  }
};

enum class FactorStatus { ok, singular, failed };

class KluSolver {
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
  ~KluSolver();
  KluSolver(const KluSolver&) = delete;
  KluSolver& operator=(const KluSolver&) = delete;

  // Compressed-column pattern (Ap size n+1, Ai size nnz). Kept by reference: must outlive us.
  bool analyze(int n, const std::vector<int>& Ap, const std::vector<int>& Ai);
  // Numeric factorization of values Ax (same order as Ai). Refactors when possible.
  FactorStatus factor(const double* Ax);
  // Solves in place for `nrhs` right-hand sides stored one after another (column-major).
  bool solve(double* b, int nrhs = 1);

  // Column of the original matrix where a zero pivot appeared (after `singular`), else -1.
  int singular_column() const { return singular_col_; }
  double rcond() const { return common_.rcond; }
  const SolverCounters& counters() const { return counters_; }

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
