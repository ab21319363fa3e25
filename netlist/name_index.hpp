#pragma once
// A hash index from names to the positions of the things they name, for the million node and
// element names of a large crossbar deck. Open addressing over one flat array of (hash, id)
// slots; the names stay with their owner (Circuit::node_names, FlatElement::name) and are read
// back through a callback to confirm a match. std::unordered_map spent half of a 512² deck's
// elaboration allocating its nodes and missing the cache on them.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace xb::netlist {

class NameIndex {
 public:
  static constexpr uint32_t npos = UINT32_MAX;

  void reserve(size_t names);
  size_t size() const { return size_; }

  // The id stored for `name`, or npos. `name_of(id)` returns the name an id stands for.
  template <class NameOf>
  uint32_t find(std::string_view name, const NameOf& name_of) const {
    if (slots_.empty()) return npos;
    const uint32_t h = hash(name);
    Slot& seen = recent_[h & (kRecent - 1)];
    if (seen.id != npos && seen.hash == h && std::string_view(name_of(seen.id)) == name)
      return seen.id;
    for (size_t k = h & mask();; k = (k + 1) & mask()) {
      const Slot& s = slots_[k];
      if (s.id == npos) return npos;
      if (s.hash == h && std::string_view(name_of(s.id)) == name) return seen = s, s.id;
    }
  }

  // Brings the slot `name` hashes to into the cache (before a find or insert soon after).
  void prefetch(std::string_view name) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash(name) & mask()]);
  }

  // Stores name -> id unless the name is there already; returns the id stored for the name
  // (`id` itself when it was added).
  template <class NameOf>
  uint32_t insert(std::string_view name, uint32_t id, const NameOf& name_of) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    const uint32_t h = hash(name);
    Slot& seen = recent_[h & (kRecent - 1)];
    if (seen.id != npos && seen.hash == h && std::string_view(name_of(seen.id)) == name)
      return seen.id;
    for (size_t k = h & mask();; k = (k + 1) & mask()) {
      Slot& s = slots_[k];
      if (s.id == npos) {
        s = Slot{h, id};
        ++size_;
        return seen = s, id;
      }
      if (s.hash == h && std::string_view(name_of(s.id)) == name) return seen = s, s.id;
    }
  }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t id = npos;
  };

  static uint32_t hash(std::string_view name);
  size_t mask() const { return slots_.size() - 1; }
  void grow();
  void rehash(size_t slot_count);

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  size_t size_ = 0;
  // The names looked up last, by the low bits of their hash: a deck names a node again a few
  // lines after it first appears (a crossbar's wire and cell share it), and this small table
  // stays in cache where a probe of the large one misses it. Ids never change, so entries
  // stay true. find() writes it: one index is not to be searched from two threads at once.
  static constexpr size_t kRecent = 4096;
  mutable std::array<Slot, kRecent> recent_{};
};

}  // namespace xb::netlist
