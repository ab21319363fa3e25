#include "engine/mna_solver.hpp"

namespace xb::engine {

void MnaSolver::setup(const MnaSystem& sys, bool linear) {
  sys_ = &sys;
  linear_ = linear;
  spd_ = linear ? Spd::untried : Spd::rejected;
  cholesky_active_ = false;
  lu_analyzed_ = false;
}

FactorStatus MnaSolver::factor(const double* jac) {
  singular_ = -1;
  if (spd_ == Spd::untried) {
    // Decided once, on the first values: the pattern and which entries are zero do not change
    // for a linear circuit.
    cholesky_ = std::make_unique<CholmodSolver>();
    const bool reducible =
        elimination_.setup(*sys_, jac) &&
        cholesky_->analyze(elimination_.reduced_size(), elimination_.Ap(), elimination_.Ai());
    spd_ = reducible ? Spd::candidate : Spd::rejected;
  }
  if (spd_ == Spd::candidate && elimination_.gather(jac, reduced_values_)) {
    const FactorStatus fs = cholesky_->factor(reduced_values_.data());
    if (fs == FactorStatus::ok) {
      cholesky_active_ = true;
      return fs;
    }
    // Not positive definite (a negative resistor, a gain): LU from now on.
    spd_ = Spd::rejected;
  }
  return factor_lu(jac);
}

FactorStatus MnaSolver::factor_lu(const double* jac) {
  cholesky_active_ = false;
  if (!lu_analyzed_) {
    if (!lu_.analyze(sys_->size(), sys_->Ap(), sys_->Ai())) return FactorStatus::failed;
    lu_analyzed_ = true;
  }
  const FactorStatus fs = lu_.factor(jac);
  singular_ = lu_.singular_column();
  return fs;
}

bool MnaSolver::solve(double* b, int nrhs) {
  if (cholesky_active_) return elimination_.solve(b, nrhs, *cholesky_);
  return lu_.solve(b, nrhs);
}

SolverCounters MnaSolver::counters() const {
  SolverCounters c = lu_.counters();
  if (cholesky_) c += cholesky_->counters();
  return c;
}

}  // namespace xb::engine
