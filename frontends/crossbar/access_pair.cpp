#include "frontends/crossbar/access_pair.hpp"

#include <cmath>

#include "netlist/deck_assembly.hpp"

namespace xb::crossbar {
namespace {

netlist::Deck pair_deck(double vgate) {
  netlist::Deck d;
  d.title = "1T1M cell and its access transistor";
  // The states are exact only as far as the transistor's drop is: Newton well past SPICE's
  // default tolerances (the circuit is three nodes).
  for (const auto& [name, value] :
       {std::pair{"reltol", 1e-10}, {"vntol", 1e-13}, {"abstol", 1e-18}})
    d.options.push_back({name, netlist::Value::of(value)});
  netlist::DeckAssembly a(d);
  a.model("xb_taox", "taox", {});
  d.models.push_back(netlist::access_nmos_model("xb_nacc"));
  const std::vector<netlist::NamedValue> size = {{"w", netlist::Value::of(netlist::kAccessWidth)},
                                                 {"l", netlist::Value::of(netlist::kAccessLength)}};
  a.source("vg", "g", vgate);
  // The pair, as the crossbar builder joins it.
  a.source("vr", "r", 0);
  a.element('x', "xm", {"r", "m"}, "xb_taox", {}, {{"x0", netlist::Value::of(0.5)}});
  a.element('m', "mn", {"m", "g", "c", "0"}, "xb_nacc", {}, size);
  a.source("vc", "c", 0);
  // The transistor alone, its drain fed a current.
  a.element('i', "id", {"0", "d"}, "", {netlist::Value::of(0)});
  a.element('m', "mt", {"d", "g", "s", "0"}, "xb_nacc", {}, size);
  a.source("vs", "s", 0);
  return d;
}

}  // namespace

AccessPair::AccessPair(double vgate) {
  session_.emplace(session::Session::from_deck(pair_deck(vgate)));
  if (!session_->ok()) {
    error_ = session_->format_diagnostics();
    return;
  }
  session::Session& s = *session_;
  row_ = s.source("vr"), col_ = s.source("vc"), drive_ = s.source("id"),
  drive_col_ = s.source("vs");
  memristor_ = s.device("xm");
  pair_current_ = s.probe("i(vc)");  // into the column: the pair's current
  drain_ = s.probe("v(d)");
  source_current_ = s.probe("i(vs)");
  gm_ = s.get_param(memristor_, "gm"), a_ = s.get_param(memristor_, "a");
  b_ = s.get_param(memristor_, "b"), x_min_ = s.get_param(memristor_, "xmin");
  gm_unit_ = gm_, a_unit_ = a_;
}

void AccessPair::set_area(double area) {
  area_ = area, gm_ = gm_unit_ * area, a_ = a_unit_ * area;
  session_->set_param(memristor_, "gm", gm_);
  session_->set_param(memristor_, "a", a_);
}

std::vector<std::pair<std::string, double>> AccessPair::model_params() const {
  if (area_ == 1) return {};
  return {{"gm", gm_}, {"a", a_}};
}

double AccessPair::area_reaching(double g_max, double v_read) {
  auto reaches = [&](double area) {
    set_area(area);
    return current(v_read, 0, 1) >= g_max * v_read;
  };
  double lo = 1e-4, hi = 1;
  if (!reaches(hi)) return 1;
  if (reaches(lo)) return lo;
  while (hi / lo > 1 + 1e-6) {  // geometric bisection
    const double mid = std::sqrt(lo * hi);
    (reaches(mid) ? hi : lo) = mid;
  }
  return hi;
}

double AccessPair::current(double v_row, double v_col, double x) {
  session::Session& s = *session_;
  s.set(row_, v_row), s.set(col_, v_col), s.set_state(memristor_, x);
  const engine::SolveStatus st = s.solve();
  if (!st.ok)
    throw session::SessionError("1T1M cell at " + std::to_string(v_row) + " V: " + st.message);
  return s.read(pair_current_);
}

std::optional<double> AccessPair::state_for(double current, double v_row, double v_col) {
  session::Session& s = *session_;
  s.set(drive_col_, v_col);
  // The memristor's current is the drain's feed; the column receives it less what the
  // junctions' gmin leaks to the bulk, so the feed is raised by that until the column's
  // current is the one asked for (a leak of ~1e-12 S: two rounds).
  double feed = current;
  for (int round = 0; round < 4; ++round) {
    s.set(drive_, feed);
    const engine::SolveStatus st = s.solve();
    if (!st.ok)
      throw session::SessionError("access transistor at " + std::to_string(feed) +
                                  " A: " + st.message);
    const double miss = current - s.read(source_current_);
    if (std::fabs(miss) <= 1e-13 * std::fabs(current)) break;
    feed += miss;
  }
  current = feed;
  const double v_m = v_row - s.read(drain_);
  if (current == 0) return 0.0;  // no current: any state; the least conducting
  if (!(v_m > 0)) return std::nullopt;
  const double semi = a_ * std::exp(b_ * std::sqrt(v_m));
  const double x = (current / v_m - semi) / (gm_ - semi);
  if (!(x >= 0 && x <= 1)) return std::nullopt;
  return x;
}

}  // namespace xb::crossbar

namespace xb::crossbar {

Eigen::MatrixXd states_for(AccessPair& pair, const Eigen::MatrixXd& g, const Eigen::MatrixXd& v_row,
                           const Eigen::MatrixXd& v_col, int& unreachable) {
  Eigen::MatrixXd x(g.rows(), g.cols());
  unreachable = 0;
  for (Eigen::Index i = 0; i < g.rows(); ++i)
    for (Eigen::Index j = 0; j < g.cols(); ++j) {
      const double current = g(i, j) * (v_row(i, j) - v_col(i, j));
      if (std::optional<double> s = pair.state_for(current, v_row(i, j), v_col(i, j))) {
        x(i, j) = *s;
        continue;
      }
      ++unreachable;
      // Out of reach above when even x = 1 carries less, else below.
      x(i, j) = pair.current(v_row(i, j), v_col(i, j), 1) < current ? 1 : 0;
    }
  return x;
}

}  // namespace xb::crossbar
