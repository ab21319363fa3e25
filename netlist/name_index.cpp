#include "netlist/name_index.hpp"

#include <functional>

namespace xb::netlist {

uint32_t NameIndex::hash(std::string_view name) {
  const size_t h = std::hash<std::string_view>{}(name);
  return static_cast<uint32_t>(h ^ (h >> 32));
}

void NameIndex::reserve(size_t names) {
  size_t want = 16;
  while (want < 2 * names) want *= 2;
  if (want > slots_.size()) rehash(want);
}

void NameIndex::grow() {
  rehash(slots_.empty() ? 16 : 2 * slots_.size());
}

// The stored hashes place every id again; the names are not needed.
void NameIndex::rehash(size_t slot_count) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(slot_count, Slot{});
  for (const Slot& s : old) {
    if (s.id == npos) continue;
    size_t k = s.hash & mask();
    while (slots_[k].id != npos) k = (k + 1) & mask();
    slots_[k] = s;
  }
}

}  // namespace xb::netlist
