#include "engine/fixed_node_elimination.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

namespace xb::engine {
namespace {

// Relative asymmetry tolerated between J(i,j) and J(j,i): conductances summed in a different
// order differ in the last bits, nothing more.
constexpr double kSymmetryTolerance = 1e-12;

}  // namespace

bool FixedNodeElimination::setup(const MnaSystem& sys, const double* jac) {
  n_ = sys.size();
  nnz_ = static_cast<size_t>(sys.nnz());
  const std::vector<int>& Ap = sys.Ap();
  const std::vector<int>& Ai = sys.Ai();
  // Rows of the pattern, (column, value index) per row, in two flat arrays (a counting sort):
  // one small vector per row cost more than the rest of the setup on a 512² crossbar.
  std::vector<int> row_start(n_ + 1, 0);
  for (int e = 0; e < Ap[n_]; ++e) ++row_start[Ai[e] + 1];
  std::partial_sum(row_start.begin(), row_start.end(), row_start.begin());
  std::vector<std::pair<int, int>> row_entries(Ap[n_]);
  {
    std::vector<int> fill(row_start.begin(), row_start.end() - 1);
    for (int c = 0; c < n_; ++c)
      for (int e = Ap[c]; e < Ap[c + 1]; ++e) row_entries[fill[Ai[e]]++] = {c, e};
  }
  const auto row = [&](int r) {
    return std::span(row_entries.data() + row_start[r], row_entries.data() + row_start[r + 1]);
  };

  std::vector<int> fixed_by(n_, -1);  // node → source index
  sources_.clear();
  for (int b = 0; b < n_; ++b) {
    if (sys.kind(b) != UnknownKind::current) continue;
    // Column b and row b may touch only b itself and one node k.
    Source s;
    s.branch = b;
    for (int e = Ap[b]; e < Ap[b + 1]; ++e) {
      const int r = Ai[e];
      if (r == b) {
        if (jac[e] != 0) return false;  // not an ideal source
        s.branch_diagonal = e;
      } else if (s.node < 0 && sys.kind(r) == UnknownKind::voltage) {
        s.node = r, s.jnode_b = e;
      } else {
        return false;
      }
    }
    for (auto [c, e] : row(b)) {
      if (c == b) continue;
      if (c != s.node) return false;
      s.jb_node = e;
    }
    if (s.node < 0 || s.jb_node < 0 || jac[s.jb_node] == 0 || jac[s.jnode_b] == 0 ||
        fixed_by[s.node] >= 0)
      return false;
    for (auto [c, e] : row(s.node))
      if (c != b) s.node_row.emplace_back(c, e);
    fixed_by[s.node] = static_cast<int>(sources_.size());
    sources_.push_back(std::move(s));
  }
  // Every other unknown is a free node voltage.
  std::vector<int> reduced_of(n_, -1);
  free_.clear();
  for (int u = 0; u < n_; ++u)
    if (sys.kind(u) == UnknownKind::voltage && fixed_by[u] < 0) {
      reduced_of[u] = static_cast<int>(free_.size());
      free_.push_back(u);
    }
  if (free_.empty()) return false;
  // Reduced pattern (rows stay sorted: the map is monotonic) and the couplings to fixed nodes.
  ap_.assign(free_.size() + 1, 0);
  ai_.clear();
  value_of_.clear();
  for (size_t c = 0; c < free_.size(); ++c) {
    const int full = free_[c];
    for (int e = Ap[full]; e < Ap[full + 1]; ++e)
      if (reduced_of[Ai[e]] >= 0) ai_.push_back(reduced_of[Ai[e]]), value_of_.push_back(e);
    ap_[c + 1] = static_cast<int>(ai_.size());
  }
  coupling_.assign(sources_.size(), {});
  for (size_t k = 0; k < sources_.size(); ++k) {
    const int node = sources_[k].node;
    for (int e = Ap[node]; e < Ap[node + 1]; ++e)
      if (reduced_of[Ai[e]] >= 0) coupling_[k].push_back({reduced_of[Ai[e]], e});
  }
  // Where (j, i) sits for each (i, j): the pattern must be structurally symmetric.
  transpose_.assign(ai_.size(), -1);
  for (size_t c = 0; c < free_.size(); ++c)
    for (int e = ap_[c]; e < ap_[c + 1]; ++e) {
      const int r = ai_[e];
      auto begin = ai_.begin() + ap_[r], end = ai_.begin() + ap_[r + 1];
      auto it = std::lower_bound(begin, end, static_cast<int>(c));
      if (it == end || *it != static_cast<int>(c)) return false;
      transpose_[e] = static_cast<int>(it - ai_.begin());
    }
  return true;
}

bool FixedNodeElimination::gather(const double* jac, std::vector<double>& reduced) {
  reduced.resize(ai_.size());
  for (size_t e = 0; e < ai_.size(); ++e) reduced[e] = jac[value_of_[e]];
  for (size_t e = 0; e < ai_.size(); ++e) {
    const double a = reduced[e], b = reduced[transpose_[e]];
    if (std::fabs(a - b) > kSymmetryTolerance * std::max(std::fabs(a), std::fabs(b))) return false;
  }
  for (const Source& src : sources_)
    if (jac[src.jb_node] == 0 || jac[src.jnode_b] == 0 || jac[src.branch_diagonal] != 0)
      return false;
  jac_.assign(jac, jac + nnz_);
  return true;
}

bool FixedNodeElimination::solve(double* rhs, int nrhs, LinearSolver& reduced) {
  const size_t nf = free_.size(), ns = sources_.size();
  block_.assign(nf * static_cast<size_t>(nrhs), 0.0);
  for (int k = 0; k < nrhs; ++k) {
    const double* r = rhs + static_cast<size_t>(k) * n_;
    double* b = block_.data() + static_cast<size_t>(k) * nf;
    for (size_t i = 0; i < nf; ++i) b[i] = r[free_[i]];
    for (size_t s = 0; s < ns; ++s) {
      const double fixed = r[sources_[s].branch] / jac_[sources_[s].jb_node];
      for (const Entry& c : coupling_[s]) b[c.index] -= jac_[c.value] * fixed;
    }
  }
  if (!reduced.solve(block_.data(), nrhs)) return false;
  std::vector<double> fixed(ns), node_rhs(ns);
  for (int k = 0; k < nrhs; ++k) {
    double* r = rhs + static_cast<size_t>(k) * n_;
    const double* b = block_.data() + static_cast<size_t>(k) * nf;
    // Read the branch and node rows' right-hand sides before the solution replaces them.
    for (size_t s = 0; s < ns; ++s) {
      fixed[s] = r[sources_[s].branch] / jac_[sources_[s].jb_node];
      node_rhs[s] = r[sources_[s].node];
    }
    for (size_t i = 0; i < nf; ++i) r[free_[i]] = b[i];
    for (size_t s = 0; s < ns; ++s) r[sources_[s].node] = fixed[s];
    // The branch currents from the node rows, every voltage now known.
    for (size_t s = 0; s < ns; ++s) {
      const Source& src = sources_[s];
      double sum = node_rhs[s];
      for (auto [c, e] : src.node_row) sum -= jac_[e] * r[c];
      r[src.branch] = sum / jac_[src.jnode_b];
    }
  }
  return true;
}

}  // namespace xb::engine
