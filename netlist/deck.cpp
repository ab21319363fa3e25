#include "netlist/deck.hpp"

#include <algorithm>

namespace xb::netlist {
namespace {

// Replaces the item with the same name, or appends.
template <typename T, typename Name>
void replace_or_add(std::vector<T>& base, const std::vector<T>& changes, Name name_of) {
  for (const T& item : changes) {
    auto it = std::find_if(base.begin(), base.end(),
                           [&](const T& b) { return name_of(b) == name_of(item); });
    if (it != base.end())
      *it = item;
    else
      base.push_back(item);
  }
}

void apply_block(Deck& d, const AlterBlock& a) {
  replace_or_add(d.elements, a.elements, [](const Element& e) { return e.name; });
  replace_or_add(d.models, a.models, [](const Model& m) { return m.name; });
  replace_or_add(d.params, a.params, [](const Param& p) { return p.name; });
  replace_or_add(d.subckts, a.subckts, [](const Subckt& s) { return s.name; });
  replace_or_add(d.options, a.options, [](const NamedValue& o) { return o.name; });
  replace_or_add(d.data, a.data, [](const DataTable& t) { return t.name; });
  if (!a.temperatures.empty()) d.temperatures = a.temperatures;
  d.analyses.insert(d.analyses.end(), a.analyses.begin(), a.analyses.end());
  d.prints.insert(d.prints.end(), a.prints.begin(), a.prints.end());
  d.measures.insert(d.measures.end(), a.measures.begin(), a.measures.end());
  d.fouriers.insert(d.fouriers.end(), a.fouriers.begin(), a.fouriers.end());
  d.globals.insert(d.globals.end(), a.globals.begin(), a.globals.end());
  d.initial_conditions.insert(d.initial_conditions.end(), a.initial_conditions.begin(),
                              a.initial_conditions.end());
  d.nodesets.insert(d.nodesets.end(), a.nodesets.begin(), a.nodesets.end());
  d.hdl_files.insert(d.hdl_files.end(), a.hdl_files.begin(), a.hdl_files.end());
}

}  // namespace

Deck apply_alter(const Deck& deck, size_t index) {
  Deck d = deck;
  d.alters.clear();
  for (size_t i = 0; i <= index && i < deck.alters.size(); ++i) apply_block(d, deck.alters[i]);
  return d;
}

}  // namespace xb::netlist
