#pragma once
// models/crossbar.lib's current subtractor, shared by the network builders: the bottoms `pos` and
// `neg` of a positive and a negative column are held at virtual ground by ideal op-amps
// (amplifier model `amp`, opamp_ideal) with feedback rsub, and a unity difference amplifier
// (four 10 kΩ) forms
//   vp = −rsub·I⁺, vn = −rsub·I⁻, d = vn − vp = rsub·(I⁺ − I⁻).
// Elements xap/rp/xan/rn/ra/rb/rc/rd/xad + id; nodes vp, vn, m, q, d + id.

#include <string>

#include "netlist/deck_assembly.hpp"

namespace xb::crossbar {

// Appends the subtractor of columns `pos`, `neg`; returns its output node d<id>.
std::string append_subtractor(netlist::DeckAssembly& a, const std::string& id,
                              const std::string& pos, const std::string& neg, double rsub,
                              const std::string& amp);

}  // namespace xb::crossbar
