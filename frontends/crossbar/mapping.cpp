#include "frontends/crossbar/mapping.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <optional>
#include <random>

#include "frontends/crossbar/access_pair.hpp"
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
    const netlist::CrossbarSpec spec = mapped_crossbar(g, nullptr, s);
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
        ends_.push_back(session_->probe("v(" + row + ")"));
        ends_.push_back(session_->probe("v(" + col + ")"));
        cell_nodes_.emplace_back(row, col);
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
  // The sense currents for input vectors `v` (vectors × inputs), solved as the circuit they are.
  Eigen::MatrixXd outputs(const Eigen::MatrixXd& v) {
    return session_->solve_batch(inputs_, v, outputs_);
  }
  // The voltage across every cell (rows × columns) for one input vector.
  Eigen::MatrixXd cell_voltages(const Eigen::VectorXd& v) {
    const Eigen::MatrixXd across = session_->solve_batch(inputs_, v.transpose(), voltages_);
    return across.reshaped<Eigen::RowMajor>(rows_, cols_);
  }
  // Every cell's driving-point resistance (rows × columns), its own conductance included.
  Eigen::MatrixXd cell_resistances() {
    const std::vector<double> r = session_->driving_point_resistances(cell_nodes_);
    return Eigen::Map<const Eigen::MatrixXd>(r.data(), cols_, rows_).transpose();
  }
  // The voltages at the row and the column end of every cell (rows × columns) for one input.
  void cell_ends(const Eigen::VectorXd& v, Eigen::MatrixXd& row, Eigen::MatrixXd& col) {
    const Eigen::MatrixXd ends = session_->solve_batch(inputs_, v.transpose(), ends_);
    row.resize(rows_, cols_), col.resize(rows_, cols_);
    for (Eigen::Index c = 0; c < rows_ * cols_; ++c) {
      row(c / cols_, c % cols_) = ends(0, 2 * c);
      col(c / cols_, c % cols_) = ends(0, 2 * c + 1);
    }
  }

 private:
  Eigen::Index rows_, cols_;
  std::string error_;
  std::optional<session::Session> session_;
  std::vector<session::SourceHandle> inputs_, senses_;
  std::vector<session::ProbeHandle> outputs_, voltages_, outputs_and_voltages_, ends_;
  std::vector<session::ParamHandle> cells_;
  std::vector<std::pair<std::string, std::string>> cell_nodes_;  // row, column node
};

// The outputs of the 1T1M crossbar at memristor states `state` for input vectors `v` (vectors ×
// inputs), each solved by Newton from the last.
Eigen::MatrixXd one_t_one_m_outputs(const Eigen::MatrixXd& g, const Eigen::MatrixXd& state,
                                    const MappingSetup& s, const MappingResult& r,
                                    const Eigen::MatrixXd& v) {
  session::Session x = session::Session::from_deck(
      netlist::build_crossbar(mapped_crossbar(g, &state, s, r.taox_params)));
  if (!x.ok()) throw session::SessionError(x.format_diagnostics());
  std::vector<session::SourceHandle> inputs;
  std::vector<session::ProbeHandle> outputs;
  for (Eigen::Index i = 0; i < g.rows(); ++i) inputs.push_back(x.source("vin" + idx(i)));
  for (Eigen::Index j = 0; j < g.cols(); ++j) outputs.push_back(x.probe("i(vs" + idx(j) + ")"));
  return x.solve_batch(inputs, v, outputs);
}

}  // namespace

netlist::CrossbarSpec mapped_crossbar(
    const Eigen::MatrixXd& g, const Eigen::MatrixXd* state, const MappingSetup& s,
    const std::vector<std::pair<std::string, double>>& taox_params) {
  netlist::CrossbarSpec spec;
  const auto rows = static_cast<size_t>(g.rows()), cols = static_cast<size_t>(g.cols());
  spec.conductance.assign(rows, std::vector<double>(cols));
  for (size_t i = 0; i < rows; ++i)
    for (size_t j = 0; j < cols; ++j) spec.conductance[i][j] = g(i, j);
  if (state) {
    spec.cell = netlist::CrossbarSpec::Cell::one_t_one_m;
    spec.vgate = s.vgate;
    spec.taox_params = taox_params;
    spec.state.assign(rows, std::vector<double>(cols));
    for (size_t i = 0; i < rows; ++i)
      for (size_t j = 0; j < cols; ++j) spec.state[i][j] = (*state)(i, j);
  }
  spec.inputs.assign(1, std::vector<double>(rows, s.v_max / 2));
  spec.wire_r = s.wire_r, spec.r_in = s.r_in, spec.r_out = s.r_out;
  spec.title = state ? "crossbar map: 1T1M cells at the mapped states, calibration input v_max/2"
                     : "crossbar map: mapped conductances, calibration input v_max/2";
  return spec;
}

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

std::string representable_range(const Eigen::MatrixXd& g, const MappingSetup& setup,
                                ValueRange& out) {
  MappedCrossbar x(g, setup);
  if (!x.error().empty()) return x.error();
  Eigen::MatrixXd w, q, p;
  x.solve(w, &q, &p);
  const Eigen::MatrixXd r = x.cell_resistances();
  out.low.resize(w.rows(), w.cols()), out.high.resize(w.rows(), w.cols());
  for (Eigen::Index i = 0; i < g.rows(); ++i)
    for (Eigen::Index j = 0; j < g.cols(); ++j) {
      const Eigen::Index c = i * g.cols() + j;
      // Sherman–Morrison: cell c's conductance moved by Δ.
      auto at = [&](double conductance) {
        const double delta = conductance - g(i, j);
        return w(j, i) - delta * p(c, j) * q(c, i) / (1 + delta * r(i, j));
      };
      out.low(j, i) = at(setup.g_min), out.high(j, i) = at(setup.g_max);
    }
  return "";
}

Eigen::MatrixXd quantize(const Eigen::MatrixXd& g, const MappingSetup& s) {
  if (s.levels < 2) return g.cwiseMax(s.g_min).cwiseMin(s.g_max);
  const double step = (s.g_max - s.g_min) / (s.levels - 1);
  return g.unaryExpr([&](double x) {
    const double k = std::round((std::clamp(x, s.g_min, s.g_max) - s.g_min) / step);
    return s.g_min + k * step;
  });
}

namespace {

using Progress = std::function<void(const char*, int, double)>;

// The steps of the mapping on one live crossbar. The target is mapped into the cells' range
// with g_min as the zero, g = g_min + α·T (Hu et al.'s linear map), so what the crossbar must
// compute is α·T_α with T_α = T + (g_min/α)·1, and an output y is read as y/α − (g_min/α)·Σv
// (the offset subtracted digitally: the inputs are known).
class Mapper {
 public:
  Mapper(const Eigen::MatrixXd& target, const MappingSetup& s, const Progress& progress,
         MappedCrossbar& x)
      : t_(target), s_(s), progress_(progress), x_(x) {}

  // T_α, the target with the cells' zero (cached for the last α).
  const Eigen::MatrixXd& shifted(double alpha) {
    if (alpha != shifted_alpha_) {
      shifted_ = t_.array() + (s_.zero_at_g_min ? s_.g_min / alpha : 0.0);
      shifted_alpha_ = alpha;
    }
    return shifted_;
  }

  Eigen::MatrixXd plain(double alpha) {
    return (alpha * shifted(alpha).transpose()).cwiseMax(s_.g_min).cwiseMin(s_.g_max);
  }

  // ‖W^r(g)/α − T‖_F/‖T‖_F, leaving W^r in w_.
  double error(const Eigen::MatrixXd& g, double alpha) {
    x_.set(g);
    x_.solve(w_, nullptr, nullptr);
    return (w_ / alpha - shifted(alpha)).norm() / t_.norm();
  }

  // The plain mapping's attenuation at full scale: W^r ≈ κ·α·T (least squares).
  double attenuation(double alpha) {
    error(plain(alpha), alpha);
    const Eigen::MatrixXd ideal = alpha * shifted(alpha);
    return (w_.array() * ideal.array()).sum() / ideal.squaredNorm();
  }

  // Jacobi steps from g: the best continuous cells found.
  Eigen::MatrixXd fixed_point(double alpha, Eigen::MatrixXd g) {
    double best = error(g, alpha);
    Eigen::MatrixXd best_g = g;
    for (int it = 1; it <= s_.fixed_point_iterations; ++it) {
      const Eigen::ArrayXXd lack =
          ((alpha * shifted(alpha)).array() / w_.array().max(1e-300)).transpose();
      g = (g.array() * lack).matrix().cwiseMax(s_.g_min).cwiseMin(s_.g_max);
      const double e = error(g, alpha);
      if (e < best) best = e, best_g = g;
    }
    return best_g;
  }

  // Adam on g within the range, exact gradients of ‖W^r/α − T‖² (adjoint solves).
  Eigen::MatrixXd gradient_steps(double alpha, Eigen::MatrixXd g, int& done) {
    Eigen::MatrixXd m = Eigen::MatrixXd::Zero(g.rows(), g.cols()), v = m, q, p;
    double best = error(g, alpha);
    Eigen::MatrixXd best_g = g;
    for (int it = 1; it <= s_.iterations; ++it) {
      x_.set(g);
      x_.solve(w_, &q, &p);
      const double e = (w_ / alpha - shifted(alpha)).norm() / t_.norm();
      if (e < best) best = e, best_g = g;
      if (progress_) progress_("gradient", it, e);
      const Eigen::MatrixXd residual = (w_ / alpha - shifted(alpha)) * (2 / alpha);  // M × N
      // grad_c = Σ_j Σ_i residual(j,i)·∂W^r(j,i)/∂g_c = −Σ_j P(c,j)·(Q·residualᵀ)(c,j)
      const Eigen::MatrixXd rq = q * residual.transpose();  // cells × M
      Eigen::MatrixXd grad(g.rows(), g.cols());
      for (Eigen::Index c = 0; c < q.rows(); ++c)
        grad(c / g.cols(), c % g.cols()) = -p.row(c).dot(rq.row(c));
      m = 0.9 * m + 0.1 * grad;
      v = 0.999 * v + 0.001 * grad.cwiseProduct(grad);
      const double c1 = 1 - std::pow(0.9, it), c2 = 1 - std::pow(0.999, it);
      g.array() -= s_.step * s_.g_max * (m.array() / c1) / ((v.array() / c2).sqrt() + 1e-30);
      g = g.cwiseMax(s_.g_min).cwiseMin(s_.g_max);
      done = it;
    }
    return best_g;
  }

  // Step 3b, the levels with the v_cal correction: the cells are rounded to their nearest
  // level; then, per output j whose current at v_cal (v_max/2 on every input) misses T·v_cal by
  // more than half a level's effect, the cells rounded the most against the miss go to their
  // other neighbouring level, so that each move costs the matrix the least error. A cell's
  // effect is its own attenuation W^r(j,i)/g(i,j). Two passes, each from a fresh W^r; an
  // output's moves are kept only if its miss shrank (the wires couple the outputs a little).
  Eigen::MatrixXd program(double alpha, const Eigen::MatrixXd& g_cont) {
    Eigen::MatrixXd g = quantize(g_cont, s_);
    if (s_.levels < 2 || !s_.v_cal_correction) return g;
    const double level = (s_.g_max - s_.g_min) / (s_.levels - 1);
    auto misses = [&] {
      return ((w_ / alpha - shifted(alpha)).rowwise().sum()).eval();
    };  // per volt
    error(g, alpha);
    for (int pass = 0; pass < 2; ++pass) {
      const Eigen::VectorXd before = misses();
      Eigen::MatrixXd moved = g;
      for (Eigen::Index j = 0; j < t_.rows(); ++j)
        move_cells(j, before(j), alpha, level, g_cont, moved);
      error(moved, alpha);
      const Eigen::VectorXd after = misses();
      bool kept = false;
      for (Eigen::Index j = 0; j < t_.rows(); ++j)
        if (std::abs(after(j)) < std::abs(before(j)) && moved.col(j) != g.col(j))
          g.col(j) = moved.col(j), kept = true;
      error(g, alpha);
      if (!kept) break;
    }
    return g;
  }

  // One output's moves (see program): `excess` is its miss per volt on every input, w_ the
  // effective matrix of `moved` as it was before.
  void move_cells(Eigen::Index j, double excess, double alpha, double level,
                  const Eigen::MatrixXd& g_cont, Eigen::MatrixXd& moved) const {
    const double sign = excess > 0 ? -1 : 1;             // the way the cells must go
    std::vector<std::pair<double, Eigen::Index>> cells;  // how far rounded against it, cell
    for (Eigen::Index i = 0; i < t_.cols(); ++i) {
      const double off = sign * (g_cont(i, j) - moved(i, j)) / level;
      const double next = moved(i, j) + sign * level;
      if (off > 0 && next >= s_.g_min - 1e-9 * level && next <= s_.g_max + 1e-9 * level)
        cells.emplace_back(off, i);
    }
    std::sort(cells.begin(), cells.end(), std::greater<>());
    // A cell near g_min may carry less current than its neighbours push back into the column
    // (W^r(j,i) small or negative): its effect is then the column's attenuation.
    const double column = w_.row(j).sum() / moved.col(j).sum();
    for (const auto& [off, i] : cells) {
      const double own = w_(j, i) / moved(i, j);
      const double effect = level * (own > 0.2 * column ? own : column) / alpha;
      if (std::abs(excess) <= effect / 2) break;
      moved(i, j) += sign * level;
      excess += sign * effect;
    }
  }

  // The baseline's step (Hu et al.): each cell's conductance set so that, with the calibration
  // input v_cal on every row, its current is α·T(j,i)·v_cal as in an ideal array. For a linear
  // cell Newton's step is g ← α·T·v_cal / (voltage across the cell); the cells shift each
  // other's voltages through the wires, so it repeats until nothing moves.
  // Error text when the cells do not settle; `wanted`: the largest conductance a cell asked for
  // before the range clipped it.
  std::string force_cell_currents(double alpha, Eigen::MatrixXd& g, double& wanted) {
    const Eigen::VectorXd v_cal = Eigen::VectorXd::Constant(t_.cols(), s_.v_max / 2);
    const Eigen::MatrixXd current = alpha * shifted(alpha).transpose() * (s_.v_max / 2);
    // Settled when no cell moves by a thousandth of a programming level (continuous cells:
    // 1e-10·g_max). The steps converge linearly, the slower the more the cells share the
    // columns' resistance (~0.8 per step at 128² with 100 Ω ports).
    const double settled =
        s_.levels >= 2 ? 1e-3 * (s_.g_max - s_.g_min) / (s_.levels - 1) : 1e-10 * s_.g_max;
    constexpr int kSteps = 300;
    for (int it = 0; it < kSteps; ++it) {
      x_.set(g);
      const Eigen::MatrixXd across = x_.cell_voltages(v_cal);
      const Eigen::MatrixXd asked = current.array() / across.array().max(1e-12);
      wanted = asked.maxCoeff();
      const Eigen::MatrixXd next = asked.cwiseMax(s_.g_min).cwiseMin(s_.g_max);
      const double change = (next - g).cwiseAbs().maxCoeff();
      g = next;
      if (change <= settled) return "";
    }
    return "baseline: the cell currents forced at v_cal did not settle in " +
           std::to_string(kSteps) + " Newton steps";
  }

  // Step 5: the largest output error over random inputs, relative to the largest target output.
  double output_error(const Eigen::MatrixXd& g, double alpha, const Eigen::MatrixXd& v) {
    x_.set(g);
    return output_error_of(x_.outputs(v), alpha, v);
  }
  // The same for outputs `y` (vectors × outputs) of the inputs v, read with the offset taken
  // off: y/α − (g_min/α)·Σv against T·v.
  double output_error_of(const Eigen::MatrixXd& y, double alpha, const Eigen::MatrixXd& v) {
    const Eigen::MatrixXd expected = v * t_.transpose();
    const Eigen::MatrixXd read = y / alpha - v * shifted(alpha).transpose() + expected;
    return (read - expected).cwiseAbs().maxCoeff() / expected.cwiseAbs().maxCoeff();
  }

  // Step 4 (1T1M): the memristor states for conductor cells g, from the crossbar at v_cal.
  Eigen::MatrixXd states(AccessPair& pair, const Eigen::MatrixXd& g, int& unreachable) {
    x_.set(g);
    Eigen::MatrixXd v_row, v_col;
    x_.cell_ends(Eigen::VectorXd::Constant(t_.cols(), s_.v_max / 2), v_row, v_col);
    return states_for(pair, g, v_row, v_col, unreachable);
  }
  // The conductor crossbar's outputs at v_cal (a row).
  Eigen::MatrixXd calibration_outputs(const Eigen::MatrixXd& g) {
    x_.set(g);
    return x_.outputs(Eigen::RowVectorXd::Constant(t_.cols(), s_.v_max / 2));
  }

 private:
  const Eigen::MatrixXd& t_;
  const MappingSetup& s_;
  const Progress& progress_;
  MappedCrossbar& x_;
  Eigen::MatrixXd w_;
  Eigen::MatrixXd shifted_;
  double shifted_alpha_ = 0;
};

Eigen::MatrixXd random_inputs(const MappingSetup& s, Eigen::Index inputs) {
  std::mt19937 rng(s.seed);
  std::uniform_real_distribution<double> u(0, s.v_max);
  Eigen::MatrixXd v(s.verify_inputs, inputs);
  for (Eigen::Index k = 0; k < v.size(); ++k) v.data()[k] = u(rng);
  return v;
}

}  // namespace

namespace {

std::string map_steps(const Eigen::MatrixXd& target, const MappingSetup& setup, MappingResult& out,
                      const Progress& progress) {
  const auto t0 = std::chrono::steady_clock::now();
  if (target.size() == 0 || target.minCoeff() < 0) return "the target must be nonnegative";
  if (target.maxCoeff() <= 0) return "the target is all zeros";
  if (setup.levels == 1) return "one programming level maps nothing: give 0 (continuous) or >= 2";
  if (!(setup.g_min > 0 && setup.g_min < setup.g_max))
    return "the conductance range needs 0 < gmin < gmax";
  // Step 1 (1T1M): the pair's range at the calibration voltage across it.
  MappingSetup s = setup;
  std::optional<AccessPair> pair;
  if (s.cell == MappingSetup::Cell::one_t_one_m) {
    pair.emplace(s.vgate);
    if (!pair->error().empty()) return pair->error();
    const double v_cal = s.v_max / 2;
    out.memristor_area =
        s.memristor_area > 0 ? s.memristor_area : pair->area_reaching(s.g_max, v_cal);
    pair->set_area(out.memristor_area);
    out.taox_params = pair->model_params();
    const double lo = pair->current(v_cal, 0, pair->x_min()) / v_cal;
    const double hi = pair->current(v_cal, 0, 1) / v_cal;
    s.g_min = std::max(s.g_min, lo), s.g_max = std::min(s.g_max, hi);
    if (!(s.g_min < s.g_max)) {
      char text[200];
      std::snprintf(text, sizeof text,
                    "the 1T1M cell spans %g..%g S at %g V, outside the range %g..%g S", lo, hi,
                    v_cal, setup.g_min, setup.g_max);
      return text;
    }
  }
  out.g_min = s.g_min, out.g_max = s.g_max;
  const double full_scale = (s.g_max - s.g_min) / target.maxCoeff();  // g_min + α·T ≤ g_max
  MappedCrossbar x(quantize(full_scale * target.transpose(), s), s);
  if (!x.error().empty()) return x.error();
  Mapper m(target, s, progress, x);

  // Step 2: α from the attenuation, then α(1 ∓ β) while the programmed cells improve.
  double alpha = full_scale;
  if (s.alpha > 0) {
    alpha = s.alpha;
  } else if (s.headroom > 0) {
    alpha *= s.headroom;
  } else {
    alpha *= std::clamp(0.9 * m.attenuation(full_scale), 1e-6, 1.0);
  }
  // Baseline (Hu et al.): the target scaled linearly, the cell currents forced at v_cal, the
  // levels. It gets the starting α, not the full range: at full scale the cells that make up
  // for the wires would be clipped at g_max, a loss the baseline need not suffer; where the
  // most starved cell still asks for more than g_max, α is lowered until it fits.
  out.alpha_baseline = alpha;
  Eigen::MatrixXd forced = m.plain(alpha);
  for (int fit = 0; fit < 10 && s.baseline; ++fit) {
    forced = m.plain(out.alpha_baseline);
    double wanted = 0;
    if (std::string e = m.force_cell_currents(out.alpha_baseline, forced, wanted); !e.empty())
      return e;
    if (s.alpha > 0 || wanted <= s.g_max * (1 + 1e-9)) break;  // a fixed α stays
    out.alpha_baseline *= 0.99 * (s.g_max - s.g_min) / (wanted - s.g_min);
  }
  out.g_baseline = quantize(forced, s);
  out.baseline_error = m.error(out.g_baseline, out.alpha_baseline);
  out.plain_error = m.error(m.plain(alpha), alpha);
  Eigen::MatrixXd g_cont = m.fixed_point(alpha, m.plain(alpha));
  double best = m.error(quantize(g_cont, s), alpha);
  out.alpha_trials = 1;
  if (progress) progress("alpha", 1, best);
  if (s.alpha <= 0 && s.headroom <= 0 && s.alpha_patience > 0) {
    auto trial = [&](double a, Eigen::MatrixXd& g) {
      g = m.fixed_point(a, (g_cont * (a / alpha)).cwiseMax(s.g_min).cwiseMin(s.g_max));
      const double e = m.error(quantize(g, s), a);
      ++out.alpha_trials;
      if (progress) progress("alpha", out.alpha_trials, e);
      return e;
    };
    Eigen::MatrixXd g_lo, g_hi;
    const double a_lo = alpha * (1 - s.alpha_step), a_hi = alpha * (1 + s.alpha_step);
    const double e_lo = trial(a_lo, g_lo), e_hi = trial(a_hi, g_hi);
    const double direction = e_lo < e_hi ? -1 : 1;
    int misses = 1;
    if (std::min(e_lo, e_hi) < best) {
      best = std::min(e_lo, e_hi), misses = 0;
      g_cont = e_lo < e_hi ? g_lo : g_hi;
      alpha = e_lo < e_hi ? a_lo : a_hi;
    }
    double a = alpha;
    while (misses < s.alpha_patience) {
      a *= 1 + direction * s.alpha_step;
      Eigen::MatrixXd g;
      const double e = trial(a, g);
      if (e < best) {
        best = e, misses = 0, alpha = a, g_cont = g;
      } else {
        ++misses;
      }
    }
  }
  out.alpha = alpha;

  // Step 3: gradient steps at that α, the levels, the v_cal correction.
  if (s.iterations > 0) g_cont = m.gradient_steps(alpha, g_cont, out.iterations);
  out.g = m.program(alpha, g_cont);
  out.mapped_error = m.error(out.g, alpha);

  // Step 4 (1T1M): the states, and the check that they reproduce the conductors at v_cal.
  if (pair) {
    out.state = m.states(*pair, out.g, out.unreachable);
    if (s.baseline) out.state_baseline = m.states(*pair, out.g_baseline, out.unreachable_baseline);
    const Eigen::MatrixXd linear = m.calibration_outputs(out.g);
    const Eigen::MatrixXd cells = one_t_one_m_outputs(
        out.g, out.state, s, out, Eigen::RowVectorXd::Constant(target.cols(), s.v_max / 2));
    out.calibration_mismatch =
        (cells - linear).cwiseAbs().maxCoeff() / linear.cwiseAbs().maxCoeff();
  }

  // Step 5: both crossbars solved for the same random inputs.
  if (s.verify_inputs > 0 && !s.baseline) return "the verification compares with the baseline";
  if (s.verify_inputs > 0) {
    const Eigen::MatrixXd v = random_inputs(s, target.cols());
    out.mapped_output_error = m.output_error(out.g, alpha, v);
    out.baseline_output_error = m.output_error(out.g_baseline, out.alpha_baseline, v);
    if (pair) {
      out.mapped_conductor_output_error = out.mapped_output_error;
      out.baseline_conductor_output_error = out.baseline_output_error;
      if (progress) progress("1T1M verification", 1, out.mapped_conductor_output_error);
      // The two nonlinear crossbars are independent circuits: the baseline's is solved on a
      // second thread (Newton per vector is most of the mapping's time).
      auto baseline = std::async(std::launch::async, [&] {
        return one_t_one_m_outputs(out.g_baseline, out.state_baseline, s, out, v);
      });
      const Eigen::MatrixXd mapped = one_t_one_m_outputs(out.g, out.state, s, out, v);
      out.mapped_output_error = m.output_error_of(mapped, alpha, v);
      out.baseline_output_error = m.output_error_of(baseline.get(), out.alpha_baseline, v);
    }
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return "";
}

}  // namespace

std::string map_matrix(const Eigen::MatrixXd& target, const MappingSetup& setup, MappingResult& out,
                       const Progress& progress) {
  try {
    return map_steps(target, setup, out, progress);
  } catch (const session::SessionError& e) {  // a solve that failed (a 1T1M cell, Newton)
    return e.what();
  }
}

}  // namespace xb::crossbar
