#include "netlist/deck_assembly.hpp"

#include <memory>

namespace xb::netlist {

void DeckAssembly::model(const std::string& name, const std::string& type,
                         std::vector<NamedValue> params) {
  d_.models.push_back(Model{name, type, std::move(params), {}});
}

void DeckAssembly::element(char kind, std::string name, std::vector<std::string> nodes,
                           std::string model, std::vector<Value> values,
                           std::vector<NamedValue> params) {
  Element e;
  e.kind = kind;
  e.name = std::move(name);
  e.nodes = std::move(nodes);
  e.model = std::move(model);
  e.values = std::move(values);
  e.params = std::move(params);
  d_.elements.push_back(std::move(e));
}

void DeckAssembly::source(const std::string& name, const std::string& plus, double dc) {
  element('v', name, {plus, "0"}, "", {});
  auto spec = std::make_shared<SourceSpec>();
  spec->dc = Value::of(dc);
  d_.elements.back().source = std::move(spec);
}

void DeckAssembly::op_or_data_sweep(const std::string& table, std::vector<std::string> columns,
                                    const std::vector<std::vector<double>>& rows) {
  Analysis a;
  if (rows.size() <= 1) {
    a.kind = AnalysisKind::op;
    a.name = "op";
    d_.analyses.push_back(std::move(a));
    return;
  }
  DataTable t;
  t.name = table;
  t.columns = std::move(columns);
  for (const std::vector<double>& row : rows) {
    std::vector<Value> values;
    for (double v : row) values.push_back(Value::of(v));
    t.rows.push_back(std::move(values));
  }
  d_.data.push_back(std::move(t));
  a.kind = AnalysisKind::dc;
  a.name = "dc";
  Sweep sweep;
  sweep.kind = Sweep::Kind::data;
  sweep.data_name = table;
  a.sweeps.push_back(std::move(sweep));
  d_.analyses.push_back(std::move(a));
}

Model access_nmos_model(const std::string& name) {
  return Model{name,
               "nmos",
               {{"level", Value::of(1)},
                {"vto", Value::of(0.45)},
                {"uo", Value::of(350)},
                {"tox", Value::of(4.1e-9)},
                {"gamma", Value::of(0.4)},
                {"phi", Value::of(0.8)},
                {"lambda", Value::of(0.1)},
                {"cgso", Value::of(3.5e-10)},
                {"cgdo", Value::of(3.5e-10)},
                {"cgbo", Value::of(1e-10)},
                {"cj", Value::of(1e-3)},
                {"cjsw", Value::of(2.5e-10)},
                {"mj", Value::of(0.5)},
                {"mjsw", Value::of(0.33)},
                {"pb", Value::of(0.8)}},
               {}};
}

}  // namespace xb::netlist
