#include "engine/cholmod_solver.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

namespace xb::engine {
CholmodSolver::CholmodSolver() {
  cholmod_start(&common_);
  common_.supernodal = CHOLMOD_SUPERNODAL;
  common_.print = 0;  // no messages on stdout: failures come back as statuses
  common_.error_handler = nullptr;
}

CholmodSolver::~CholmodSolver() {
  if (l_) cholmod_free_factor(&l_, &common_);
  if (a_) cholmod_free_sparse(&a_, &common_);
  cholmod_finish(&common_);
}

bool CholmodSolver::analyze(int n, const std::vector<int>& Ap, const std::vector<int>& Ai) {
  const auto t0 = std::chrono::steady_clock::now();
  if (l_) cholmod_free_factor(&l_, &common_);
  if (a_) cholmod_free_sparse(&a_, &common_);
  n_ = n;
  factored_ = false;
  const size_t nnz = Ai.size();
  // stype 1: symmetric, the upper triangle is used and entries below the diagonal are ignored.
  a_ = cholmod_allocate_sparse(n, n, nnz, /*sorted=*/1, /*packed=*/1, /*stype=*/1, CHOLMOD_REAL,
                               &common_);
  if (!a_) return false;
  std::copy(Ap.begin(), Ap.end(), static_cast<int*>(a_->p));
  std::copy(Ai.begin(), Ai.end(), static_cast<int*>(a_->i));
  std::fill_n(static_cast<double*>(a_->x), nnz, 0.0);
  l_ = cholmod_analyze(a_, &common_);
  ++counters_.analyze;
  counters_.analyze_s += seconds_since(t0);
  return l_ != nullptr;
}

FactorStatus CholmodSolver::factor(const double* Ax) {
  if (!l_) return FactorStatus::failed;
  const auto t0 = std::chrono::steady_clock::now();
  std::memcpy(a_->x, Ax, sizeof(double) * a_->nzmax);
  singular_col_ = -1;
  const bool ran = cholmod_factorize(a_, l_, &common_) != 0;
  (factored_ ? ++counters_.refactor : ++counters_.factor);
  (factored_ ? counters_.refactor_s : counters_.factor_s) += seconds_since(t0);
  if (!ran) return factored_ = false, FactorStatus::failed;
  if (common_.status == CHOLMOD_NOT_POSDEF || l_->minor < static_cast<size_t>(n_)) {
    // l_->minor is the pivot (in the permuted order) where positivity failed.
    const size_t k = l_->minor;
    singular_col_ = k < static_cast<size_t>(n_) ? static_cast<const int*>(l_->Perm)[k] : -1;
    factored_ = false;
    return FactorStatus::not_positive_definite;
  }
  // The engine's floors on pivots (see KluSolver): cholmod_rcond is (min/max diagonal of L)²,
  // so rcond · the largest diagonal of A estimates the smallest pivot.
  double largest = 0;
  const int* ap = static_cast<const int*>(a_->p);
  const int* ai = static_cast<const int*>(a_->i);
  for (int c = 0; c < n_; ++c)
    for (int e = ap[c]; e < ap[c + 1]; ++e)
      if (ai[e] == c) largest = std::max(largest, std::fabs(Ax[e]));
  const double rcond = cholmod_rcond(l_, &common_);
  if (!(rcond > kRcondFloor) || !(rcond * largest > kPivotFloor))
    return factored_ = false, FactorStatus::not_positive_definite;
  factored_ = true;
  return FactorStatus::ok;
}

bool CholmodSolver::solve(double* b, int nrhs) {
  if (!factored_) return false;
  const auto t0 = std::chrono::steady_clock::now();
  cholmod_dense rhs{};
  rhs.nrow = static_cast<size_t>(n_);
  rhs.ncol = static_cast<size_t>(nrhs);
  rhs.nzmax = rhs.nrow * rhs.ncol;
  rhs.d = rhs.nrow;
  rhs.x = b;
  rhs.xtype = CHOLMOD_REAL;
  rhs.dtype = CHOLMOD_DOUBLE;
  cholmod_dense* x = cholmod_solve(CHOLMOD_A, l_, &rhs, &common_);
  const bool ok = x != nullptr;
  if (ok) {
    std::memcpy(b, x->x, sizeof(double) * rhs.nzmax);
    cholmod_free_dense(&x, &common_);
  }
  ++counters_.solve;
  counters_.solve_s += seconds_since(t0);
  return ok;
}

}  // namespace xb::engine
