#pragma once
// The linear solver of one MNA system, chosen per factorization. A linear circuit whose
// grounded voltage sources can be eliminated (FixedNodeElimination) and whose remaining nodal
// matrix is symmetric goes to CHOLMOD's supernodal Cholesky; anything else, or a matrix Cholesky
// finds not positive definite, to KLU's LU on the full system. Source currents come out of both
// exactly.

#include <memory>
#include <string_view>
#include <vector>

#include "engine/cholmod_solver.hpp"
#include "engine/fixed_node_elimination.hpp"
#include "engine/klu_solver.hpp"
#include "engine/mna_system.hpp"

namespace xb::engine {

class MnaSolver {
 public:
  // `linear`: the Jacobian does not depend on x, so the Cholesky path may be tried. The
  // pattern of `sys` must outlive the solver.
  void setup(const MnaSystem& sys, bool linear);
  FactorStatus factor(const double* jac);
  bool solve(double* b, int nrhs = 1);
  // Unknown (full numbering) where the last factorization broke down, or -1.
  int singular_column() const { return singular_; }
  SolverCounters counters() const;
  // Which solver factored last: "CHOLMOD" or "KLU".
  std::string_view active() const { return cholesky_active_ ? "CHOLMOD" : "KLU"; }

 private:
  enum class Spd { untried, candidate, rejected };
  FactorStatus factor_lu(const double* jac);
  const MnaSystem* sys_ = nullptr;
  bool linear_ = false;
  Spd spd_ = Spd::untried;
  bool cholesky_active_ = false;
  bool lu_analyzed_ = false;
  int singular_ = -1;
  KluSolver lu_;
  std::unique_ptr<CholmodSolver> cholesky_;
  FixedNodeElimination elimination_;
  std::vector<double> reduced_values_;
};

}  // namespace xb::engine
