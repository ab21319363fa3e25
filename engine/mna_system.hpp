#pragma once
// The unknowns and the sparse Jacobian pattern of one circuit, built once. Devices ask for the
// slots of the matrix entries they touch while binding; entries in a ground row or column go to
// a throw-away slot (index nnz) so load code needs no branches. Residual rows likewise: ground
// goes to the extra row n.

#include <string>
#include <vector>

namespace xb::engine {

// Index of an unknown: node voltage or branch current (or device state). kGround = ground.
struct Unknown {
  int value = -1;
  bool is_ground() const { return value < 0; }
};
inline constexpr Unknown kGround{-1};

enum class UnknownKind { voltage, current };

class MnaSystem {
 public:
  // --- building (before finalize) ---
  Unknown add_unknown(std::string name, UnknownKind kind);
  // Slot of matrix entry (row, col); resolved to a value index by finalize().
  int request(Unknown row, Unknown col);
  // Charge states: one entry per device charge or flux, whose truncation error the transient
  // controls (SPICE checks each device's charge, not the sums at nodes). Returns the first index.
  int add_charge_states(int count) {
    const int first = charge_states_;
    charge_states_ += count;
    return first;
  }
  int charge_states() const { return charge_states_; }
  void finalize();  // builds the compressed-column pattern

  // --- use ---
  int size() const { return static_cast<int>(names_.size()); }
  int nnz() const { return static_cast<int>(Ai_.size()); }
  // Value index of a requested slot (valid after finalize).
  int value_index(int slot) const { return slot_to_value_[slot]; }
  const std::vector<int>& Ap() const { return Ap_; }
  const std::vector<int>& Ai() const { return Ai_; }
  const std::string& name(int unknown) const { return names_[unknown]; }
  UnknownKind kind(int unknown) const { return kinds_[unknown]; }
  // Residual row of an unknown: ground maps to the throw-away row size().
  int row(Unknown u) const { return u.is_ground() ? size() : u.value; }

 private:
  std::vector<std::string> names_;
  std::vector<UnknownKind> kinds_;
  std::vector<std::pair<int, int>> requests_;  // (row, col); -1 = ground
  std::vector<int> slot_to_value_;
  int charge_states_ = 0;
  std::vector<int> Ap_, Ai_;
};

}  // namespace xb::engine
