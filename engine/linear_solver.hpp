#pragma once
// The sparse linear solvers behind one interface: analyze a compressed-column pattern once,
// factor (refactoring with the old pivots or ordering when possible), solve for many
// right-hand sides, name the column where a factorization broke down, count the work.
// Implementations: KluSolver (LU, any matrix), CholmodSolver (supernodal Cholesky, symmetric
// positive definite matrices) and ComplexKluSolver (LU of complex matrices, for AC).

#include <chrono>
#include <cstdint>
#include <string_view>
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

// Wall time since t0, for the counters.
inline double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// not_positive_definite: only from a Cholesky factorization; the caller falls back to LU.
enum class FactorStatus { ok, singular, failed, not_positive_definite };

template <class Scalar>
class BasicLinearSolver {
 public:
  virtual ~BasicLinearSolver() = default;
  virtual std::string_view name() const = 0;  // "KLU", "CHOLMOD"
  // Compressed-column pattern (Ap size n+1, Ai size nnz, rows sorted in each column). Kept by
  // reference: must outlive the solver.
  virtual bool analyze(int n, const std::vector<int>& Ap, const std::vector<int>& Ai) = 0;
  // Numeric factorization of values Ax (same order as Ai).
  virtual FactorStatus factor(const Scalar* Ax) = 0;
  // Solves in place for `nrhs` right-hand sides stored one after another (column-major).
  virtual bool solve(Scalar* b, int nrhs = 1) = 0;
  // Column of the original matrix where the factorization broke down, else -1.
  virtual int singular_column() const = 0;
  virtual const SolverCounters& counters() const = 0;
};

using LinearSolver = BasicLinearSolver<double>;

}  // namespace xb::engine
