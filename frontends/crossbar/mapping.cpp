#include "frontends/crossbar/mapping.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include "frontends/session/session.hpp"
#include "netlist/crossbar_builder.hpp"

namespace xb::crossbar {
namespace {

std::string idx(Eigen::Index i) {
  return std::to_string(i);
}

// One live crossbar: conductances set in place, the transfer matrices that W^r and its
// gradient need.
class MappedCrossbar {
 public:
  MappedCrossbar(const Eigen::MatrixXd& g, const MappingSetup& s)
      : rows_(g.rows()), cols_(g.cols()) {
    netlist::CrossbarSpec spec;
    spec.conductance.assign(rows_, std::vector<double>(cols_));
    for (Eigen::Index i = 0; i < rows_; ++i)
      for (Eigen::Index j = 0; j < cols_; ++j) spec.conductance[i][j] = g(i, j);
    spec.inputs.assign(1, std::vector<double>(rows_, 0));
    spec.wire_r = s.wire_r, spec.r_in = s.r_in, spec.r_out = s.r_out;
    error_ = netlist::check_crossbar(spec);
    if (!error_.empty()) return;
    session_.emplace(session::Session::from_deck(netlist::build_crossbar(spec)));
    if (!session_->ok()) {
      error_ = session_->format_diagnostics();
      return;
    }
    const bool wired = s.wire_r > 0;
    for (Eigen::Index i = 0; i < rows_; ++i) inputs_.push_back(session_->source("vin" + idx(i)));
    for (Eigen::Index j = 0; j < cols_; ++j) {
      senses_.push_back(session_->source("vs" + idx(j)));
      outputs_.push_back(session_->probe("i(vs" + idx(j) + ")"));
    }
    for (Eigen::Index i = 0; i < rows_; ++i)
      for (Eigen::Index j = 0; j < cols_; ++j) {
        const std::string at = idx(i) + "_" + idx(j);
        const std::string row = wired ? "r" + at : "r" + idx(i),
                          col = wired ? "c" + at : "c" + idx(j);
        cells_.push_back(session_->param(session_->device("xg" + at), "g"));
        voltages_.push_back(session_->probe("v(" + row + "," + col + ")"));
      }
    outputs_and_voltages_ = outputs_;
    outputs_and_voltages_.insert(outputs_and_voltages_.end(), voltages_.begin(), voltages_.end());
  }
  const std::string& error() const { return error_; }

  void set(const Eigen::MatrixXd& g) {
    for (Eigen::Index i = 0; i < rows_; ++i)
      for (Eigen::Index j = 0; j < cols_; ++j) session_->set(cells_[i * cols_ + j], g(i, j));
  }
  // W^r (outputs × inputs); the cell voltages per unit input (cells × inputs) and per unit
  // sense drive (cells × outputs).
  void solve(Eigen::MatrixXd& w, Eigen::MatrixXd* q, Eigen::MatrixXd* p) {
    if (!q) {
      w = session_->transfer_matrix(inputs_, outputs_);
    } else {  // the outputs and the cell voltages from the same unit inputs: one set of solves
      const Eigen::MatrixXd both = session_->transfer_matrix(inputs_, outputs_and_voltages_);
      w = both.topRows(static_cast<Eigen::Index>(outputs_.size()));
      *q = both.bottomRows(static_cast<Eigen::Index>(voltages_.size()));
    }
    if (p) *p = session_->transfer_matrix(senses_, voltages_);
  }

 private:
  Eigen::Index rows_, cols_;
  std::string error_;
  std::optional<session::Session> session_;
  std::vector<session::SourceHandle> inputs_, senses_;
  std::vector<session::ProbeHandle> outputs_, voltages_, outputs_and_voltages_;
  std::vector<session::ParamHandle> cells_;
};

}  // namespace

std::string effective_with_gradient(const Eigen::MatrixXd& g, const MappingSetup& setup,
                                    Eigen::MatrixXd& w, std::vector<Eigen::MatrixXd>* d) {
  MappedCrossbar x(g, setup);
  if (!x.error().empty()) return x.error();
  Eigen::MatrixXd q, p;
  x.solve(w, &q, &p);
  if (d) {
    d->clear();
    // ∂W^r(j,i)/∂g_c = −P(c,j)·Q(c,i): a unit drive at sense j puts P(c,j) across cell c (row
    // minus column), the adjoint of output j by reciprocity
    // (Mapping.GradientEqualsFiniteDifferences).
    for (Eigen::Index c = 0; c < q.rows(); ++c) d->push_back(-p.row(c).transpose() * q.row(c));
  }
  return "";
}

std::string map_matrix(const Eigen::MatrixXd& target, const MappingSetup& s, MappingResult& out,
                       const std::function<void(int, double)>& progress) {
  const auto t0 = std::chrono::steady_clock::now();
  if (target.size() == 0 || target.minCoeff() < 0) return "the target must be nonnegative";
  // Plain mapping: the largest target entry at headroom·g_max (the optimisation needs room to
  // raise cells that the wires starve), everything clipped to the range.
  const Eigen::Index rows = target.cols(), cols = target.rows();
  auto plain = [&](double alpha) {
    return (alpha * target.transpose()).cwiseMax(s.g_min).cwiseMin(s.g_max).eval();
  };
  out.alpha = (s.headroom > 0 ? s.headroom : 1.0) * s.g_max / target.maxCoeff();
  MappedCrossbar x(plain(out.alpha), s);
  if (!x.error().empty()) return x.error();
  Eigen::MatrixXd w, q, p;
  if (s.headroom <= 0) {  // measure the attenuation at full scale, then leave room for it
    x.solve(w, nullptr, nullptr);
    const Eigen::MatrixXd ideal = out.alpha * target;
    const double kappa = (w.array() * ideal.array()).sum() / ideal.squaredNorm();
    out.alpha *= std::clamp(0.9 * kappa, 1e-6, 1.0);
  }
  Eigen::MatrixXd g = plain(out.alpha);
  x.set(g);
  auto error_of = [&](const Eigen::MatrixXd& wr) {
    return (wr / out.alpha - target).norm() / target.norm();
  };
  x.solve(w, nullptr, nullptr);
  out.plain_error = error_of(w);
  // Adam on g within [g_min, g_max], exact gradients of ‖W^r/α − T‖².
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(rows, cols), v = m;
  double best = out.plain_error;
  Eigen::MatrixXd best_g = g;
  for (int it = 1; it <= s.iterations; ++it) {
    x.set(g);
    x.solve(w, &q, &p);
    const double e = error_of(w);
    if (e < best) best = e, best_g = g;
    if (progress) progress(it, e);
    const Eigen::MatrixXd residual = (w / out.alpha - target) * (2 / out.alpha);  // M × N
    // grad_c = Σ_j Σ_i residual(j,i)·∂W^r(j,i)/∂g_c = −Σ_j P(c,j)·(Q·residualᵀ)(c,j)
    const Eigen::MatrixXd rq = q * residual.transpose();  // cells × M
    Eigen::MatrixXd grad(rows, cols);
    for (Eigen::Index c = 0; c < q.rows(); ++c) grad(c / cols, c % cols) = -p.row(c).dot(rq.row(c));
    m = 0.9 * m + 0.1 * grad;
    v = 0.999 * v + 0.001 * grad.cwiseProduct(grad);
    const double c1 = 1 - std::pow(0.9, it), c2 = 1 - std::pow(0.999, it);
    g.array() -= s.step * s.g_max * (m.array() / c1) / ((v.array() / c2).sqrt() + 1e-30);
    g = g.cwiseMax(s.g_min).cwiseMin(s.g_max);
    out.iterations = it;
  }
  out.g = best_g;
  out.mapped_error = best;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return "";
}

}  // namespace xb::crossbar
