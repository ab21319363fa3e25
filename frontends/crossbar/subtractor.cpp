#include "frontends/crossbar/subtractor.hpp"

namespace xb::crossbar {

std::string append_subtractor(netlist::DeckAssembly& a, const std::string& id,
                              const std::string& pos, const std::string& neg, double rsub,
                              const std::string& amp) {
  using netlist::Value;
  const std::string vp = "vp" + id, vn = "vn" + id, m = "m" + id, q = "q" + id, d = "d" + id;
  const Value r = Value::of(rsub), r10k = Value::of(1e4);
  a.element('x', "xap" + id, {"0", pos, vp}, amp, {});
  a.element('r', "rp" + id, {pos, vp}, "", {r});
  a.element('x', "xan" + id, {"0", neg, vn}, amp, {});
  a.element('r', "rn" + id, {neg, vn}, "", {r});
  a.element('r', "ra" + id, {vp, m}, "", {r10k});
  a.element('r', "rb" + id, {m, d}, "", {r10k});
  a.element('r', "rc" + id, {vn, q}, "", {r10k});
  a.element('r', "rd" + id, {q, "0"}, "", {r10k});
  a.element('x', "xad" + id, {q, m, d}, amp, {});
  return d;
}

}  // namespace xb::crossbar
