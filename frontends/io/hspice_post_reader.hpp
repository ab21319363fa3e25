#pragma once
// HSPICE post files (.tr#, .sw#, .ac#), ASCII (post=2) and binary (post=1), versions 9007,
// 9601, 2001 and 2013, as ../shared/HSPICE-FORMATS.md §1–§4 describe them: the fixed-offset
// header string, one table per outer sweep point ending at a 1e30 marker, AC vectors as
// real/imaginary column pairs.

#include <istream>
#include <string>

#include "frontends/io/result_readers.hpp"

namespace xb::io {

// True when `content` starts like an HSPICE post file (binary record framing or an ASCII header).
bool looks_like_hspice_post(const std::string& content);
ReadResults read_hspice_post(const std::string& path, const std::string& content);
// An ASCII post file from a stream, never holding the whole file (a 100 MB .tr0 needs only its
// tables in memory).
ReadResults read_hspice_post_ascii(const std::string& path, std::istream& in);

}  // namespace xb::io
