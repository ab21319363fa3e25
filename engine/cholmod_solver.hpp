#pragma once
// Supernodal Cholesky (SuiteSparse CHOLMOD) for symmetric positive definite matrices: the nodal
// matrix of a resistive network once its grounded voltage sources are eliminated. Analyze once
// (fill-reducing ordering, supernodes), factor numerically each time the values change, solve
// many right-hand sides. A matrix that is not positive definite is reported, not factored: the
// caller falls back to LU.

#include <cholmod.h>

#include <vector>

#include "engine/linear_solver.hpp"

namespace xb::engine {

class CholmodSolver : public LinearSolver {
 public:
  // The floors of KluSolver: a numerically singular matrix is reported as not positive
  // definite, and the LU that follows names its column.
  static constexpr double kRcondFloor = 1e-15;
  static constexpr double kPivotFloor = 1e-20;

  CholmodSolver();
  ~CholmodSolver() override;
  CholmodSolver(const CholmodSolver&) = delete;
  CholmodSolver& operator=(const CholmodSolver&) = delete;

  std::string_view name() const override { return "CHOLMOD"; }
  // The full symmetric pattern (both triangles); only the upper one is read.
  bool analyze(int n, const std::vector<int>& Ap, const std::vector<int>& Ai) override;
  FactorStatus factor(const double* Ax) override;
  bool solve(double* b, int nrhs = 1) override;
  int singular_column() const override { return singular_col_; }
  const SolverCounters& counters() const override { return counters_; }

 private:
  cholmod_common common_;
  cholmod_sparse* a_ = nullptr;  // pattern arrays owned here, values copied in per factor
  cholmod_factor* l_ = nullptr;
  bool factored_ = false;
  int n_ = 0;
  int singular_col_ = -1;
  SolverCounters counters_;
};

}  // namespace xb::engine
