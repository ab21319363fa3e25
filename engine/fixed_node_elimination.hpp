#pragma once
// Grounded ideal voltage sources fix their nodes. Such a node and the source's branch current
// leave the linear system: the node's value is known from the source's own row, its column moves
// to the right-hand side, and the branch current follows afterwards from the node's KCL row. What
// remains of a resistive (or RC) network is the nodal matrix, symmetric positive definite, which
// Cholesky factors in about half the time of LU.
//
// For the MNA system J·dx = r, with s a grounded source whose branch unknown b fixes node k:
//   row b:   J(b,k)·dx_k = r_b                         → dx_k
//   free i:  Σ_free J(i,j)·dx_j = r_i − Σ_k J(i,k)·dx_k  → the reduced system
//   row k:   J(k,b)·dx_b = r_k − Σ_{j≠b} J(k,j)·dx_j    → dx_b (the source current, exactly)
// Applies only when every branch unknown is such a source (no other source, inductor or
// controlled source adds unknowns) and nothing else reads those branch currents.

#include <vector>

#include "engine/linear_solver.hpp"
#include "engine/mna_system.hpp"

namespace xb::engine {

class FixedNodeElimination {
 public:
  // Finds the grounded sources from the pattern and the values of a linear Jacobian; false when
  // the system does not reduce to node voltages alone.
  bool setup(const MnaSystem& sys, const double* jac);

  int reduced_size() const { return static_cast<int>(free_.size()); }
  const std::vector<int>& Ap() const { return ap_; }
  const std::vector<int>& Ai() const { return ai_; }
  // The reduced matrix's values from the full Jacobian `jac`, and the couplings the solve needs;
  // false when this Jacobian is not symmetric on the free nodes or a source row changed shape
  // (forced rows, for instance): factor the full system then.
  bool gather(const double* jac, std::vector<double>& reduced);
  // Solves J·dx = rhs in place (size() values per right-hand side) with `reduced` factored
  // from the last gather.
  bool solve(double* rhs, int nrhs, LinearSolver& reduced);
  // Full unknown of reduced column c.
  int full_unknown(int c) const { return c >= 0 && c < reduced_size() ? free_[c] : -1; }

 private:
  struct Source {
    int branch = -1, node = -1;
    int jb_node = -1, jnode_b = -1;             // value indices of J(b,k) and J(k,b)
    int branch_diagonal = -1;                   // of J(b,b), zero for an ideal source
    std::vector<std::pair<int, int>> node_row;  // (column, value index) in row k, except b
  };
  struct Entry {
    int index;  // reduced row, or full column
    int value;  // value index in the full Jacobian
  };
  int n_ = 0;
  size_t nnz_ = 0;
  std::vector<Source> sources_;
  std::vector<int> free_;                     // reduced → full
  std::vector<int> ap_, ai_, value_of_;       // reduced pattern, full value index per entry
  std::vector<int> transpose_;                // reduced entry of (j, i) for each (i, j)
  std::vector<std::vector<Entry>> coupling_;  // per source: free rows of its node's column
  std::vector<double> jac_;                   // the values gathered for the solve
  std::vector<double> block_;
};

}  // namespace xb::engine
