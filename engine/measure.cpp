#include "engine/measure.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "netlist/diagnostics.hpp"
#include "netlist/expression.hpp"
#include "netlist/number.hpp"

namespace xb::engine {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class Waves {
 public:
  explicit Waves(const Results& r) : r_(r) {}
  const std::vector<std::vector<double>>& rows() const { return r_.rows; }
  int column(const std::string& name) const {
    const std::string want = lower(name);
    for (size_t i = 1; i < r_.signals.size(); ++i)
      if (r_.signals[i] == want) return static_cast<int>(i);
    return -1;
  }
  double at(int col, double t) const {
    const auto& rows = r_.rows;
    if (t <= rows.front()[0]) return rows.front()[col];
    if (t >= rows.back()[0]) return rows.back()[col];
    size_t k = std::lower_bound(rows.begin(), rows.end(), t,
                                [](const std::vector<double>& r, double v) { return r[0] < v; }) -
               rows.begin();
    const auto &a = rows[k - 1], &b = rows[k];
    return b[0] > a[0] ? a[col] + (t - a[0]) / (b[0] - a[0]) * (b[col] - a[col]) : b[col];
  }
  double slope(int col, double t) const {
    const auto& rows = r_.rows;
    size_t k = std::lower_bound(rows.begin(), rows.end(), t,
                                [](const std::vector<double>& r, double v) { return r[0] < v; }) -
               rows.begin();
    k = std::clamp<size_t>(k, 1, rows.size() - 1);
    const auto &a = rows[k - 1], &b = rows[k];
    return b[0] > a[0] ? (b[col] - a[col]) / (b[0] - a[0]) : NAN;
  }

 private:
  const Results& r_;
};

// The axis value of the `count`-th crossing of `val` (or of column `other`, when not −1) by
// column `col` of the requested edge (count −1 = the last) at or after `td`.
bool crossing(const Waves& w, int col, double val, int other, netlist::MeasureEdge edge, int count,
              double td, double& out) {
  const auto& rows = w.rows();
  int seen = 0;
  bool found = false;
  auto level = [&](size_t k) { return other >= 0 ? rows[k][other] : val; };
  for (size_t k = 1; k < rows.size(); ++k) {
    if (rows[k][0] < td) continue;
    const double y0 = rows[k - 1][col] - level(k - 1), y1 = rows[k][col] - level(k);
    const bool rise = y0 < 0 && y1 >= 0, fall = y0 > 0 && y1 <= 0;
    const bool wanted = edge == netlist::MeasureEdge::rise   ? rise
                        : edge == netlist::MeasureEdge::fall ? fall
                                                             : rise || fall;
    if (!wanted) continue;
    const double t = rows[k - 1][0] + (rows[k][0] - rows[k - 1][0]) * (-y0) / (y1 - y0);
    if (t < td) continue;
    ++seen;
    out = t, found = true;
    if (count > 0 && seen == count) return true;
  }
  return count < 0 && found;
}

std::string number_text(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

class Evaluator {
 public:
  Evaluator(const Waves& w, const std::unordered_map<std::string, double>& known)
      : w_(w), known_(known) {}

  // The measure's value, or nullopt with why() saying what failed.
  std::optional<double> evaluate(const netlist::FlatMeasure& m) {
    using K = netlist::MeasureKind;
    switch (m.kind) {
      case K::trig_targ: {
        const auto t1 = axis_point(m.trig);
        const auto t2 = t1 ? axis_point(m.targ) : std::nullopt;
        if (!t2) return std::nullopt;
        return *t2 - *t1;
      }
      case K::find:
      case K::deriv: {
        const int col = column(m.signal);
        const auto t = col >= 0 ? axis_point(m.trig, m.from, m.to) : std::nullopt;
        if (!t) return std::nullopt;
        return m.kind == K::find ? w_.at(col, *t) : w_.slope(col, *t);
      }
      case K::when:
        return axis_point(m.trig, m.from, m.to);
      case K::param:
        return param(m);
      default:
        return statistic(m);
    }
  }
  const std::string& why() const { return why_; }

 private:
  int column(const std::string& signal) {
    const int c = w_.column(signal);
    if (c < 0) why_ = "no recorded signal " + signal;
    return c;
  }
  // A crossing within FROM/TO when given (ngspice's WHEN ... FROM= TO=).
  std::optional<double> axis_point(const netlist::FlatPoint& p,
                                   std::optional<double> from = std::nullopt,
                                   std::optional<double> to = std::nullopt) {
    if (p.at) return *p.at;
    netlist::FlatCrossing x = p.when;
    if (from) x.td = std::max(x.td, *from);
    const int col = column(x.signal);
    const int other = x.value_signal.empty() ? -1 : column(x.value_signal);
    if (col < 0 || (other < 0 && !x.value_signal.empty())) return std::nullopt;
    double t;
    if (!crossing(w_, col, x.value, other, x.edge, x.count, x.td, t) || (to && t > *to)) {
      why_ = x.signal + " never reaches " + (other >= 0 ? x.value_signal : number_text(x.value)) +
             " as asked" + (from || to ? " within FROM/TO" : "");
      return std::nullopt;
    }
    return t;
  }
  std::optional<double> param(const netlist::FlatMeasure& m) {
    struct Context : netlist::EvalContext {
      const std::unordered_map<std::string, double>& values;
      explicit Context(const std::unordered_map<std::string, double>& v) : values(v) {}
      std::optional<double> param(std::string_view n) const override {
        auto it = values.find(std::string(n));
        if (it == values.end()) return std::nullopt;
        return it->second;
      }
    };
    netlist::EvalResult v = m.expr->evaluate(Context(known_));
    if (!v.ok()) return why_ = v.error, std::nullopt;
    return v.value;
  }
  std::optional<double> statistic(const netlist::FlatMeasure& m) {
    const int col = column(m.signal);
    if (col < 0) return std::nullopt;
    const auto& rows = w_.rows();
    double from = m.from.value_or(rows.front()[0]), to = m.to.value_or(rows.back()[0]);
    if (to < from) std::swap(from, to);
    // A window reaching past the data ends where the data end (as ngspice does), rather than
    // averaging over values that were never computed.
    from = std::max(from, rows.front()[0]);
    to = std::min(to, rows.back()[0]);
    if (to < from) return why_ = "the FROM/TO window lies outside the data", std::nullopt;
    // The window's points: its ends interpolated, the recorded points between.
    std::vector<std::pair<double, double>> pts{{from, w_.at(col, from)}};
    for (const auto& row : rows)
      if (row[0] > from && row[0] < to) pts.emplace_back(row[0], row[col]);
    pts.emplace_back(to, w_.at(col, to));
    double integ = 0, integ2 = 0, lo = 1e300, hi = -1e300, lo_at = from, hi_at = from;
    for (size_t k = 0; k < pts.size(); ++k) {
      if (pts[k].second < lo) lo = pts[k].second, lo_at = pts[k].first;
      if (pts[k].second > hi) hi = pts[k].second, hi_at = pts[k].first;
      if (k == 0) continue;
      const double dt = pts[k].first - pts[k - 1].first;
      const double a = pts[k - 1].second, b = pts[k].second;
      integ += 0.5 * dt * (a + b);
      integ2 += dt * (a * a + a * b + b * b) / 3;  // exact for the linear segment
    }
    const double span = to - from;
    switch (m.kind) {
      case netlist::MeasureKind::avg:
        return span > 0 ? integ / span : pts[0].second;
      case netlist::MeasureKind::rms:
        return span > 0 ? std::sqrt(integ2 / span) : std::fabs(pts[0].second);
      case netlist::MeasureKind::min:
        return lo;
      case netlist::MeasureKind::max:
        return hi;
      case netlist::MeasureKind::pp:
        return hi - lo;
      case netlist::MeasureKind::min_at:
        return lo_at;
      case netlist::MeasureKind::max_at:
        return hi_at;
      default:
        return integ;
    }
  }

  const Waves& w_;
  const std::unordered_map<std::string, double>& known_;
  std::string why_;
};

}  // namespace

std::vector<std::string> measured_signals(const std::vector<netlist::FlatMeasure>& measures,
                                          const std::string& analysis) {
  std::vector<std::string> out;
  for (const netlist::FlatMeasure& m : measures) {
    if (!m.analysis.empty() && m.analysis != analysis) continue;
    for (const std::string* s : {&m.signal, &m.trig.when.signal, &m.targ.when.signal,
                                 &m.trig.when.value_signal, &m.targ.when.value_signal})
      if (!s->empty()) out.push_back(*s);
  }
  return out;
}

std::vector<MeasureResult> evaluate_measures(
    const std::vector<netlist::FlatMeasure>& measures, const std::string& analysis,
    const Results& results, const std::unordered_map<std::string, double>& params) {
  std::vector<MeasureResult> out;
  const Waves w(results);
  std::unordered_map<std::string, double> known = params;
  for (const netlist::FlatMeasure& m : measures) {
    if (!m.analysis.empty() && m.analysis != analysis) continue;
    MeasureResult r{m.name, NAN, true, ""};
    if (results.rows.empty() && m.kind != netlist::MeasureKind::param) {
      r.why = "nothing to measure";
    } else {
      Evaluator e(w, known);
      if (std::optional<double> v = e.evaluate(m))
        r.value = *v, r.failed = false;
      else
        r.why = e.why();
    }
    if (!r.failed) known[m.name] = r.value;
    out.push_back(r);
  }
  return out;
}

}  // namespace xb::engine
