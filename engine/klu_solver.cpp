#include "engine/klu_solver.hpp"

#include <chrono>
#include <cmath>

namespace xb::engine {
KluSolver::KluSolver() {
  klu_defaults(&common_);
  common_.halt_if_singular = 1;
}

KluSolver::~KluSolver() {
  free_numeric();
  if (symbolic_) klu_free_symbolic(&symbolic_, &common_);
}

void KluSolver::free_numeric() {
  if (numeric_) klu_free_numeric(&numeric_, &common_);
  numeric_ = nullptr;
}

bool KluSolver::analyze(int n, const std::vector<int>& Ap, const std::vector<int>& Ai) {
  auto t0 = std::chrono::steady_clock::now();
  free_numeric();
  if (symbolic_) klu_free_symbolic(&symbolic_, &common_);
  n_ = n;
  Ap_ = &Ap;
  Ai_ = &Ai;
  symbolic_ = klu_analyze(n, const_cast<int*>(Ap.data()), const_cast<int*>(Ai.data()), &common_);
  ++counters_.analyze;
  counters_.analyze_s += seconds_since(t0);
  return symbolic_ != nullptr;
}

FactorStatus KluSolver::factor(const double* Ax) {
  if (!symbolic_) return FactorStatus::failed;
  int* ap = const_cast<int*>(Ap_->data());
  int* ai = const_cast<int*>(Ai_->data());
  double* ax = const_cast<double*>(Ax);
  singular_col_ = -1;
  if (numeric_) {
    auto t0 = std::chrono::steady_clock::now();
    bool ok = klu_refactor(ap, ai, ax, symbolic_, numeric_, &common_) != 0;
    ++counters_.refactor;
    counters_.refactor_s += seconds_since(t0);
    if (ok && klu_rcond(symbolic_, numeric_, &common_) && common_.rcond > kRefactorRcondFloor &&
        klu_rgrowth(ap, ai, ax, symbolic_, numeric_, &common_) &&
        common_.rgrowth > kRefactorGrowthFloor && tiny_pivot_column() < 0)
      return FactorStatus::ok;
    free_numeric();  // stale pivots: factor afresh below
  }
  auto t0 = std::chrono::steady_clock::now();
  numeric_ = klu_factor(ap, ai, ax, symbolic_, &common_);
  ++counters_.factor;
  counters_.factor_s += seconds_since(t0);
  if (!numeric_) {
    if (common_.status == KLU_SINGULAR) {
      singular_col_ = common_.singular_col;
      return FactorStatus::singular;
    }
    return FactorStatus::failed;
  }
  klu_rcond(symbolic_, numeric_, &common_);
  if (int col = tiny_pivot_column(); col >= 0) {
    singular_col_ = col;
    return FactorStatus::singular;
  }
  if (!(common_.rcond > kRcondFloor)) {
    // Numerically singular: find the column with the smallest pivot to name it.
    singular_col_ = common_.singular_col < n_ ? common_.singular_col : -1;
    return FactorStatus::singular;
  }
  return FactorStatus::ok;
}

int KluSolver::tiny_pivot_column() const {
  if (!numeric_) return -1;
  // KLU divides each row by its largest entry (Rs) before factoring: U(k,k)·Rs(pivot row k) is
  // the pivot in the circuit's own units.
  const double* u = static_cast<const double*>(numeric_->Udiag);
  const double* rs = numeric_->Rs;
  int worst = -1;
  double smallest = kPivotFloor;
  for (int k = 0; k < n_; ++k) {
    const double pivot = std::fabs(u[k]) * (rs ? rs[numeric_->Pnum[k]] : 1.0);
    if (pivot < smallest) smallest = pivot, worst = k;
  }
  // Udiag is in pivot order; Q maps it back to a column of the original matrix.
  return worst < 0 ? -1 : (symbolic_->Q ? symbolic_->Q[worst] : worst);
}

bool KluSolver::solve(double* b, int nrhs) {
  if (!numeric_) return false;
  auto t0 = std::chrono::steady_clock::now();
  bool ok = klu_solve(symbolic_, numeric_, n_, nrhs, b, &common_) != 0;
  ++counters_.solve;
  counters_.solve_s += seconds_since(t0);
  return ok;
}

}  // namespace xb::engine
