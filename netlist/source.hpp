#pragma once
// Source files and positions. Every token, Deck item and elaborated instance carries a SourceLoc,
// so any error can name file:line:col, print the line with a caret and walk the include chain.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace xb::netlist {

struct FileId {
  uint32_t value = UINT32_MAX;
  bool valid() const { return value != UINT32_MAX; }
  bool operator==(const FileId&) const = default;
};

struct SourceLoc {
  FileId file;
  uint32_t line = 0;  // 1-based; 0 = no position (item made by a builder, not parsed)
  uint32_t col = 0;   // 1-based byte column
  bool valid() const { return file.valid() && line > 0; }
};

struct SourceFile {
  std::string path;                   // as opened (resolved against the including file's folder)
  std::string text;                   // whole content
  SourceLoc included_from;            // invalid for the top-level deck
  std::vector<uint32_t> line_starts;  // byte offset of each line, built on load
};

// Owns every file read for one Deck, so diagnostics can quote lines long after parsing.
class SourceManager {
 public:
  FileId add(std::string path, std::string text, SourceLoc included_from);
  const SourceFile& file(FileId id) const { return files_.at(id.value); }
  size_t size() const { return files_.size(); }
  // The text of 1-based line `line`, without its line terminator.
  std::string_view line_text(FileId id, uint32_t line) const;
  std::string location_string(SourceLoc loc) const;  // "file:line:col"

 private:
  std::vector<SourceFile> files_;
};

using SourceManagerPtr = std::shared_ptr<SourceManager>;

}  // namespace xb::netlist
