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
  // Rows bucketed by column (a counting sort), then each column's few rows sorted and made
  // unique: one global sort of (column, row) pairs was the largest part of setup on big
  // crossbars. Every diagonal is present, so pivoting always has a candidate and gmin can be
  // added.
  std::vector<int> start(n + 1, 0);
  for (auto [r, c] : requests_)
    if (r >= 0 && c >= 0) ++start[c + 1];
  for (int i = 0; i < n; ++i) ++start[i + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<int> rows(start[n]);
  std::vector<int> fill(start.begin(), start.end() - 1);
  for (auto [r, c] : requests_)
    if (r >= 0 && c >= 0) rows[fill[c]++] = r;
  for (int i = 0; i < n; ++i) rows[fill[i]++] = i;
  Ap_.assign(n + 1, 0);
  Ai_.clear();
  Ai_.reserve(rows.size());
  for (int c = 0; c < n; ++c) {
    auto begin = rows.begin() + start[c], end = rows.begin() + start[c + 1];
    std::sort(begin, end);
    Ai_.insert(Ai_.end(), begin, std::unique(begin, end));
    Ap_[c + 1] = static_cast<int>(Ai_.size());
  }
  const int trash = static_cast<int>(Ai_.size());
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
