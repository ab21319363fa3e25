#include "netlist/crossbar_builder.hpp"

#include <cmath>
#include <memory>

#include "netlist/deck_assembly.hpp"

namespace xb::netlist {
namespace {

std::string idx(size_t i) {
  return std::to_string(i);
}

class Builder {
 public:
  explicit Builder(const CrossbarSpec& s)
      : s_(s), rows_(s.conductance.size()), cols_(s.conductance[0].size()), a_(d_) {}

  Deck build() {
    if (s_.sources) d_.sources = s_.sources;
    d_.title = s_.title.empty() ? std::to_string(rows_) + "x" + std::to_string(cols_) +
                                      " crossbar built by xbspice"
                                : s_.title;
    for (const auto& [name, value] : s_.options) d_.options.push_back({name, Value::of(value)});
    models();
    for (size_t i = 0; i < rows_; ++i) {
      if (s_.r_in > 0) {
        source("vin" + idx(i), "in" + idx(i), s_.inputs[0][i]);
        element('r', "rin" + idx(i), {"in" + idx(i), row(i, 0)}, "", {Value::of(s_.r_in)}, {});
      } else {
        source("vin" + idx(i), row(i, 0), s_.inputs[0][i]);
      }
    }
    if (s_.cell == CrossbarSpec::Cell::one_t_one_m) source("vwl", "wl", s_.vgate);
    for (size_t i = 0; i < rows_; ++i)
      for (size_t j = 0; j < cols_; ++j) cell(i, j);
    if (s_.wire_r > 0) wires();
    for (size_t j = 0; j < cols_; ++j) sense(j);
    analysis();
    return std::move(d_);
  }

 private:
  bool wired() const { return s_.wire_r > 0; }
  std::string row(size_t i, size_t j) const {
    return wired() ? "r" + idx(i) + "_" + idx(j) : "r" + idx(i);
  }
  std::string col(size_t i, size_t j) const {
    return wired() ? "c" + idx(i) + "_" + idx(j) : "c" + idx(j);
  }

  void model(const std::string& name, const std::string& type, std::vector<NamedValue> params) {
    a_.model(name, type, std::move(params));
  }

  void models() {
    using C = CrossbarSpec::Cell;
    if (s_.cell == C::conductor) model("xb_g", "conductor", {});
    if (s_.cell != C::conductor) {
      std::vector<NamedValue> params;
      for (const auto& [name, value] : s_.taox_params) params.push_back({name, Value::of(value)});
      model("xb_taox", "taox", std::move(params));
    }
    if (s_.cell == C::one_t_one_m) d_.models.push_back(access_nmos_model("xb_nacc"));
    if (s_.sense == CrossbarSpec::Sense::transimpedance)
      model("xb_amp", "opamp", {{"gain", Value::of(1e5)}, {"vsat", Value::of(10)}});
  }

  void element(char kind, std::string name, std::vector<std::string> nodes, std::string model,
               std::vector<Value> values, std::vector<NamedValue> params) {
    a_.element(kind, std::move(name), std::move(nodes), std::move(model), std::move(values),
               std::move(params));
  }

  void source(const std::string& name, const std::string& plus, double dc) {
    a_.source(name, plus, dc);
  }

  void cell(size_t i, size_t j) {
    const std::string id = idx(i) + "_" + idx(j);
    const SourceLoc at = i < s_.conductance_loc.size() && j < s_.conductance_loc[i].size()
                             ? s_.conductance_loc[i][j]
                             : SourceLoc{};
    const Value g = Value::of(s_.conductance[i][j], at);
    const NamedValue memristor =
        s_.state.empty() ? NamedValue{"g0", g} : NamedValue{"x0", Value::of(s_.state[i][j])};
    switch (s_.cell) {
      case CrossbarSpec::Cell::conductor:
        element('x', "xg" + id, {row(i, j), col(i, j)}, "xb_g", {}, {{"g", g}});
        d_.elements.back().loc = at;
        return;
      case CrossbarSpec::Cell::taox:
        element('x', "xm" + id, {row(i, j), col(i, j)}, "xb_taox", {}, {memristor});
        d_.elements.back().loc = at;
        return;
      case CrossbarSpec::Cell::one_t_one_m:
        element('x', "xm" + id, {row(i, j), "m" + id}, "xb_taox", {}, {memristor});
        d_.elements.back().loc = at;
        element('m', "mn" + id, {"m" + id, "wl", col(i, j), "0"}, "xb_nacc", {},
                {{"w", Value::of(kAccessWidth)}, {"l", Value::of(kAccessLength)}});
        return;
    }
  }

  void wires() {
    const Value r = Value::of(s_.wire_r);
    for (size_t i = 0; i < rows_; ++i)
      for (size_t j = 0; j < cols_; ++j) {
        const std::string at = idx(i) + "_" + idx(j);
        if (j + 1 < cols_) element('r', "rr" + at, {row(i, j), row(i, j + 1)}, "", {r}, {});
        if (i + 1 < rows_) element('r', "rc" + at, {col(i, j), col(i + 1, j)}, "", {r}, {});
      }
  }

  void sense(size_t j) {
    std::string bottom = col(rows_ - 1, j);
    if (s_.r_out > 0) {
      element('r', "rout" + idx(j), {bottom, "s" + idx(j)}, "", {Value::of(s_.r_out)}, {});
      bottom = "s" + idx(j);
    }
    if (s_.sense == CrossbarSpec::Sense::virtual_ground) {
      source("vs" + idx(j), bottom, 0);
      return;
    }
    const std::string out = "out" + idx(j);
    element('x', "xa" + idx(j), {"0", bottom, out}, "xb_amp", {}, {});
    element('r', "rf" + idx(j), {bottom, out}, "", {Value::of(s_.rf)}, {});
  }

  void analysis() {
    std::vector<std::string> columns;
    for (size_t i = 0; i < rows_; ++i) columns.push_back("vin" + idx(i));
    a_.op_or_data_sweep("xb_inputs", std::move(columns), s_.inputs);
  }

  const CrossbarSpec& s_;
  size_t rows_, cols_;
  Deck d_;
  DeckAssembly a_;
};

}  // namespace

std::string check_crossbar(const CrossbarSpec& s) {
  if (s.conductance.empty() || s.conductance[0].empty()) return "the array has no cells";
  const size_t cols = s.conductance[0].size();
  for (size_t i = 0; i < s.conductance.size(); ++i) {
    if (s.conductance[i].size() != cols)
      return "conductance row " + idx(i + 1) + " has " + idx(s.conductance[i].size()) +
             " values, row 1 has " + idx(cols);
    for (size_t j = 0; j < cols; ++j)
      if (!(s.conductance[i][j] >= 0) || !std::isfinite(s.conductance[i][j]))
        return "conductance at row " + idx(i + 1) + ", column " + idx(j + 1) +
               " is not a finite value >= 0";
  }
  if (!s.state.empty()) {
    if (s.cell == CrossbarSpec::Cell::conductor) return "states are given for conductor cells";
    if (s.state.size() != s.conductance.size()) return "the states are not one per cell";
    for (size_t i = 0; i < s.state.size(); ++i) {
      if (s.state[i].size() != cols) return "the states are not one per cell";
      for (size_t j = 0; j < cols; ++j)
        if (!(s.state[i][j] >= 0 && s.state[i][j] <= 1))
          return "state at row " + idx(i + 1) + ", column " + idx(j + 1) + " is not in [0, 1]";
    }
  }
  if (s.inputs.empty()) return "no input vector";
  for (size_t k = 0; k < s.inputs.size(); ++k) {
    if (s.inputs[k].size() != s.conductance.size())
      return "input vector " + idx(k + 1) + " has " + idx(s.inputs[k].size()) + " values for " +
             idx(s.conductance.size()) + " rows";
    for (double v : s.inputs[k])
      if (!std::isfinite(v)) return "input vector " + idx(k + 1) + " holds a non-finite value";
  }
  if (!(s.wire_r >= 0) || !std::isfinite(s.wire_r)) return "wire resistance must be >= 0";
  if (!(s.r_in >= 0) || !std::isfinite(s.r_in) || !(s.r_out >= 0) || !std::isfinite(s.r_out))
    return "input and output resistances must be >= 0";
  if (!(s.rf > 0) || !std::isfinite(s.rf)) return "rf must be > 0";
  return "";
}

Deck build_crossbar(const CrossbarSpec& spec) {
  return Builder(spec).build();
}

}  // namespace xb::netlist
