#include "engine/complex_klu_solver.hpp"

#include <chrono>

namespace xb::engine {
namespace {

// std::complex<double> is laid out as two doubles (real, imaginary), which is KLU's format.
double* interleaved(const std::complex<double>* z) {
  return const_cast<double*>(reinterpret_cast<const double*>(z));
}

}  // namespace

ComplexKluSolver::ComplexKluSolver() {
  klu_defaults(&common_);
  common_.halt_if_singular = 1;
}

ComplexKluSolver::~ComplexKluSolver() {
  free_numeric();
  if (symbolic_) klu_free_symbolic(&symbolic_, &common_);
}

void ComplexKluSolver::free_numeric() {
  if (numeric_) klu_z_free_numeric(&numeric_, &common_);
  numeric_ = nullptr;
}

bool ComplexKluSolver::analyze(int n, const std::vector<int>& Ap, const std::vector<int>& Ai) {
  const auto t0 = std::chrono::steady_clock::now();
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

FactorStatus ComplexKluSolver::factor(const std::complex<double>* Ax) {
  if (!symbolic_) return FactorStatus::failed;
  int* ap = const_cast<int*>(Ap_->data());
  int* ai = const_cast<int*>(Ai_->data());
  double* ax = interleaved(Ax);
  singular_col_ = -1;
  if (numeric_) {
    const auto t0 = std::chrono::steady_clock::now();
    const bool ok = klu_z_refactor(ap, ai, ax, symbolic_, numeric_, &common_) != 0;
    ++counters_.refactor;
    counters_.refactor_s += seconds_since(t0);
    if (ok && klu_z_rcond(symbolic_, numeric_, &common_) && common_.rcond > kRefactorRcondFloor)
      return FactorStatus::ok;
    free_numeric();
  }
  const auto t0 = std::chrono::steady_clock::now();
  numeric_ = klu_z_factor(ap, ai, ax, symbolic_, &common_);
  ++counters_.factor;
  counters_.factor_s += seconds_since(t0);
  if (!numeric_) {
    if (common_.status == KLU_SINGULAR) {
      singular_col_ = common_.singular_col;
      return FactorStatus::singular;
    }
    return FactorStatus::failed;
  }
  klu_z_rcond(symbolic_, numeric_, &common_);
  if (!(common_.rcond > kRcondFloor)) {
    singular_col_ = common_.singular_col < n_ ? common_.singular_col : -1;
    return FactorStatus::singular;
  }
  return FactorStatus::ok;
}

bool ComplexKluSolver::solve(std::complex<double>* b, int nrhs) {
  if (!numeric_) return false;
  const auto t0 = std::chrono::steady_clock::now();
  const bool ok = klu_z_solve(symbolic_, numeric_, n_, nrhs, interleaved(b), &common_) != 0;
  ++counters_.solve;
  counters_.solve_s += seconds_since(t0);
  return ok;
}

}  // namespace xb::engine
