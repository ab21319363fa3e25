#pragma once
// Building a Deck in code (the crossbar and network builders): models, elements and DC sources
// appended with the fields each kind uses, and the access transistor the crossbar library
// defines, so that every builder writes it the same way.

#include <string>
#include <vector>

#include "netlist/deck.hpp"

namespace xb::netlist {

class DeckAssembly {
 public:
  explicit DeckAssembly(Deck& deck) : d_(deck) {}
  void model(const std::string& name, const std::string& type, std::vector<NamedValue> params);
  void element(char kind, std::string name, std::vector<std::string> nodes, std::string model,
               std::vector<Value> values, std::vector<NamedValue> params = {});
  // A voltage source from `plus` to ground at `dc` volts.
  void source(const std::string& name, const std::string& plus, double dc);
  // The deck's analysis: with one row of values an .op (the sources already hold them), with
  // several a .data table `table` (a column per source) swept by .dc data=.
  void op_or_data_sweep(const std::string& table, std::vector<std::string> columns,
                        const std::vector<std::vector<double>>& rows);

 private:
  Deck& d_;
};

// models/crossbar.lib's access NMOS `nacc` (level 1, generic 0.18 µm-like), named `name`.
Model access_nmos_model(const std::string& name);
// Its width and length in the crossbar cells (m).
constexpr double kAccessWidth = 1e-6, kAccessLength = 0.18e-6;

}  // namespace xb::netlist
