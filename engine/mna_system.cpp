#include "engine/mna_system.hpp"

#include <algorithm>
#include <numeric>

namespace xb::engine {

Unknown MnaSystem::add_unknown(std::string name, UnknownKind kind) {
  names_.push_back(std::move(name));
  kinds_.push_back(kind);
  return Unknown{static_cast<int>(names_.size() - 1)};
}

int MnaSystem::request(Unknown row, Unknown col) {
  requests_.emplace_back(row.value, col.value);
  return static_cast<int>(requests_.size() - 1);
}

void MnaSystem::finalize() {
  const int n = size();
  // Every diagonal is present, so pivoting always has a candidate and gmin can be added.
  std::vector<std::pair<int, int>> entries;
  entries.reserve(requests_.size() + n);
  for (auto [r, c] : requests_)
    if (r >= 0 && c >= 0) entries.emplace_back(c, r);  // sort by column, then row
  for (int i = 0; i < n; ++i) entries.emplace_back(i, i);
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  Ap_.assign(n + 1, 0);
  Ai_.resize(entries.size());
  for (size_t k = 0; k < entries.size(); ++k) {
    Ai_[k] = entries[k].second;
    ++Ap_[entries[k].first + 1];
  }
  std::partial_sum(Ap_.begin(), Ap_.end(), Ap_.begin());
  const int trash = static_cast<int>(entries.size());
  slot_to_value_.resize(requests_.size());
  for (size_t s = 0; s < requests_.size(); ++s) {
    auto [r, c] = requests_[s];
    if (r < 0 || c < 0) {
      slot_to_value_[s] = trash;
      continue;
    }
    auto begin = Ai_.begin() + Ap_[c], end = Ai_.begin() + Ap_[c + 1];
    slot_to_value_[s] = static_cast<int>(std::lower_bound(begin, end, r) - Ai_.begin());
  }
  requests_.clear();
  requests_.shrink_to_fit();
}

}  // namespace xb::engine
