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

// "TRIG v ( in ) VAL = 0.5" (the parser joins tokens with blanks) -> {"TRIG", "v(in)",
// "VAL=0.5"}: blanks around '=' and ',', before '(' and ')' and after '(' removed.
std::vector<std::string> tokens_of(const std::string& text) {
  std::string compact;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') {
      const char next = i + 1 < text.size() ? text[i + 1] : '\0';
      const char prev = compact.empty() ? '\0' : compact.back();
      if (next == '=' || next == ',' || next == '(' || next == ')' || prev == '=' || prev == ',' ||
          prev == '(')
        continue;
    }
    compact += text[i];
  }
  std::vector<std::string> out;
  std::istringstream ss(compact);
  for (std::string t; ss >> t;) out.push_back(t);
  return out;
}

struct Key {
  std::string name, value;
};
Key split(const std::string& token) {
  const auto eq = token.find('=');
  if (eq == std::string::npos) return {lower(token), ""};
  return {lower(token.substr(0, eq)), token.substr(eq + 1)};
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

// The axis value of the `count`-th crossing of `val` by column `col` of the requested kind
// ("rise", "fall", "cross"; count −1 = the last) at or after `td`.
bool crossing(const Waves& w, int col, double val, const std::string& kind, int count, double td,
              double& out) {
  const auto& rows = w.rows();
  int seen = 0;
  bool found = false;
  for (size_t k = 1; k < rows.size(); ++k) {
    if (rows[k][0] < td) continue;
    const double y0 = rows[k - 1][col] - val, y1 = rows[k][col] - val;
    const bool rise = y0 < 0 && y1 >= 0, fall = y0 > 0 && y1 <= 0;
    if (!((kind == "rise" && rise) || (kind == "fall" && fall) ||
          (kind == "cross" && (rise || fall))))
      continue;
    const double t = rows[k - 1][0] + (rows[k][0] - rows[k - 1][0]) * (-y0) / (y1 - y0);
    if (t < td) continue;
    ++seen;
    out = t, found = true;
    if (count > 0 && seen == count) return true;
  }
  return count < 0 && found;
}

struct Evaluator {
  const Waves& w;
  std::vector<std::string> tok;
  size_t pos = 0;
  std::string why;

  bool number(const std::string& text, double& out) {
    auto v = netlist::parse_number(text);
    if (!v) return why = "'" + text + "' is not a number", false;
    return out = *v, true;
  }
  int signal(const std::string& name) {
    const int c = w.column(name);
    if (c < 0) why = "no recorded signal " + name;
    return c;
  }
  // sig=val or "sig VAL=v" then RISE/FALL/CROSS/TD options: a crossing's axis value.
  bool when_clause(double& t, bool val_keyword) {
    std::string name;
    double val = 0;
    if (val_keyword) {
      if (pos >= tok.size()) return why = "missing signal", false;
      name = tok[pos++];
      if (pos >= tok.size() || split(tok[pos]).name != "val")
        return why = "VAL= expected after " + name, false;
      if (!number(split(tok[pos++]).value, val)) return false;
    } else {
      if (pos >= tok.size()) return why = "missing condition", false;
      const auto eq = tok[pos].find('=');
      if (eq == std::string::npos) return why = "WHEN needs sig=value", false;
      name = tok[pos].substr(0, eq);
      if (!number(tok[pos++].substr(eq + 1), val)) return false;
    }
    const int col = signal(name);
    if (col < 0) return false;
    std::string kind = "cross";
    int count = 1;
    double td = -1e300;
    while (pos < tok.size()) {
      const Key k = split(tok[pos]);
      if (k.name == "rise" || k.name == "fall" || k.name == "cross") {
        kind = k.name;
        double n;
        if (lower(k.value) == "last") {
          count = -1;
        } else {
          if (!number(k.value, n)) return false;
          count = static_cast<int>(n);
        }
      } else if (k.name == "td") {
        if (!number(k.value, td)) return false;
      } else {
        break;
      }
      ++pos;
    }
    if (!crossing(w, col, val, kind, count, td, t))
      return why = name + " never reaches " + std::to_string(val) + " as asked", false;
    return true;
  }
  bool at_or_when(double& t, bool val_keyword) {
    if (pos < tok.size() && split(tok[pos]).name == "at") return number(split(tok[pos++]).value, t);
    if (pos < tok.size() && split(tok[pos]).name == "when") {
      ++pos;
      return when_clause(t, false);
    }
    return when_clause(t, val_keyword);
  }
};

}  // namespace

std::vector<std::string> measured_signals(const std::vector<netlist::Measure>& measures,
                                          const std::string& analysis) {
  std::vector<std::string> out;
  for (const netlist::Measure& m : measures) {
    if (!m.analysis.empty() && m.analysis != analysis) continue;
    for (std::string t : tokens_of(m.text)) {
      const auto eq = t.find('=');
      const std::string head = lower(eq == std::string::npos ? t : t.substr(0, eq));
      if ((head.rfind("v(", 0) == 0 || head.rfind("i(", 0) == 0) && head.back() == ')')
        out.push_back(head);
    }
  }
  return out;
}

std::vector<MeasureResult> evaluate_measures(
    const std::vector<netlist::Measure>& measures, const std::string& analysis,
    const Results& results, const std::unordered_map<std::string, double>& params) {
  std::vector<MeasureResult> out;
  const Waves w(results);
  std::unordered_map<std::string, double> known = params;
  for (const netlist::Measure& m : measures) {
    if (!m.analysis.empty() && m.analysis != analysis) continue;
    MeasureResult r{m.name, NAN, true, ""};
    Evaluator e{w, tokens_of(m.text), 0, {}};
    auto fail = [&](const std::string& why) { r.why = why.empty() ? e.why : why; };
    if (results.rows.empty() || e.tok.empty()) {
      fail("nothing to measure");
    } else {
      const Key head = split(e.tok[0]);
      e.pos = 1;
      if (head.name == "trig") {
        double t1, t2;
        if (!e.at_or_when(t1, true)) {
          fail("");
        } else if (e.pos >= e.tok.size() || split(e.tok[e.pos]).name != "targ") {
          fail("TARG expected");
        } else {
          ++e.pos;
          if (e.at_or_when(t2, true))
            r.value = t2 - t1, r.failed = false;
          else
            fail("");
        }
      } else if (head.name == "find") {
        const int col = e.pos < e.tok.size() ? e.signal(e.tok[e.pos++]) : -1;
        double t;
        if (col >= 0 && e.at_or_when(t, false))
          r.value = w.at(col, t), r.failed = false;
        else
          fail("");
      } else if (head.name == "deriv" || head.name == "derivative") {
        const int col = e.pos < e.tok.size() ? e.signal(e.tok[e.pos++]) : -1;
        double t;
        if (col >= 0 && e.at_or_when(t, false))
          r.value = w.slope(col, t), r.failed = false;
        else
          fail("");
      } else if (head.name == "when") {
        double t;
        if (e.when_clause(t, false))
          r.value = t, r.failed = false;
        else
          fail("");
      } else if (head.name == "param") {
        netlist::Diagnostics diag;
        std::string text = head.value;
        for (size_t k = 1; k < e.tok.size(); ++k) text += " " + e.tok[k];
        if (text.size() > 1 && (text.front() == '\'' || text.front() == '{'))
          text = text.substr(1, text.size() - 2);
        netlist::ExprPtr expr = netlist::Expression::parse(text, m.loc, diag);
        struct Context : netlist::EvalContext {
          const std::unordered_map<std::string, double>& values;
          explicit Context(const std::unordered_map<std::string, double>& v) : values(v) {}
          std::optional<double> param(std::string_view n) const override {
            auto it = values.find(std::string(n));
            if (it == values.end()) return std::nullopt;
            return it->second;
          }
        };
        if (!expr) {
          fail("cannot read the expression");
        } else {
          netlist::EvalResult v = expr->evaluate(Context(known));
          if (v.ok())
            r.value = v.value, r.failed = false;
          else
            fail(v.error);
        }
      } else {
        static const char* kStats[] = {"avg", "rms", "min", "max", "pp", "integ", "integral"};
        const bool stat =
            std::find(std::begin(kStats), std::end(kStats), head.name) != std::end(kStats);
        const int col = stat && e.pos < e.tok.size() ? e.signal(e.tok[e.pos++]) : -1;
        const auto& rows = w.rows();
        double from = rows.front()[0], to = rows.back()[0];
        bool ok = stat && col >= 0;
        for (; ok && e.pos < e.tok.size(); ++e.pos) {
          const Key k = split(e.tok[e.pos]);
          if (k.name == "from")
            ok = e.number(k.value, from);
          else if (k.name == "to")
            ok = e.number(k.value, to);
          else
            ok = false, e.why = "unexpected '" + e.tok[e.pos] + "'";
        }
        if (!stat) e.why = "unknown measure kind '" + head.name + "'";
        if (ok && to < from) std::swap(from, to);
        if (!ok) {
          fail("");
        } else {
          // The window's points: its ends interpolated, the recorded points between.
          std::vector<std::pair<double, double>> pts{{from, w.at(col, from)}};
          for (const auto& row : rows)
            if (row[0] > from && row[0] < to) pts.emplace_back(row[0], row[col]);
          pts.emplace_back(to, w.at(col, to));
          double integ = 0, integ2 = 0, lo = 1e300, hi = -1e300;
          for (size_t k = 0; k < pts.size(); ++k) {
            lo = std::min(lo, pts[k].second), hi = std::max(hi, pts[k].second);
            if (k == 0) continue;
            const double dt = pts[k].first - pts[k - 1].first;
            const double a = pts[k - 1].second, b = pts[k].second;
            integ += 0.5 * dt * (a + b);
            integ2 += dt * (a * a + a * b + b * b) / 3;  // exact for the linear segment
          }
          const double span = to - from;
          r.failed = false;
          if (head.name == "avg")
            r.value = span > 0 ? integ / span : pts[0].second;
          else if (head.name == "rms")
            r.value = span > 0 ? std::sqrt(integ2 / span) : std::fabs(pts[0].second);
          else if (head.name == "min")
            r.value = lo;
          else if (head.name == "max")
            r.value = hi;
          else if (head.name == "pp")
            r.value = hi - lo;
          else
            r.value = integ;
        }
      }
    }
    if (!r.failed) known[m.name] = r.value;
    out.push_back(r);
  }
  return out;
}

}  // namespace xb::engine
