#pragma once
// HSPICE listings (.lis) and .print* files (.printtr0): the operating-point node table and every
// .print table, as
// ../shared/HSPICE-FORMATS.md §7 describes them. Values carry engineering suffixes (x = 1e6,
// a = 1e-18). OP node names keep HSPICE's circuit-number prefix off at the top level (0:vdd ->
// v(vdd)) and on inside subcircuits (1:b -> v(1:b)); they are cut to 8 characters by HSPICE.
// A listing of a job that aborted is an error quoting HSPICE's message.

#include <string>

#include "frontends/io/result_readers.hpp"

namespace xb::io {

bool looks_like_hspice_listing(const std::string& content);
ReadResults read_hspice_listing(const std::string& path, const std::string& content);

}  // namespace xb::io
