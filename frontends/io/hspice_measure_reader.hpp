#pragma once
// HSPICE measure files: .mt#/.ms#/.ma# (names then records, wrapped four per line, `failed` for a
// measure that could not be evaluated) and their MEASFORM=3 CSV form (.mt0.csv), as
// ../shared/HSPICE-FORMATS.md §5–§6 describe them. One table: the first column is `index` (the
// file's own, or 1…N added), each record a row; `failed` reads as NaN.

#include <string>

#include "frontends/io/result_readers.hpp"

namespace xb::io {

bool looks_like_hspice_measure(const std::string& content);
ReadResults read_hspice_measure(const std::string& path, const std::string& content);

}  // namespace xb::io
