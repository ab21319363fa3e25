#include "netlist/source.hpp"

namespace xb::netlist {

FileId SourceManager::add(std::string path, std::string text, SourceLoc included_from) {
  SourceFile f{std::move(path), std::move(text), included_from, {}};
  f.line_starts.push_back(0);
  for (uint32_t i = 0; i < f.text.size(); ++i)
    if (f.text[i] == '\n') f.line_starts.push_back(i + 1);
  files_.push_back(std::move(f));
  return FileId{static_cast<uint32_t>(files_.size() - 1)};
}

std::string_view SourceManager::line_text(FileId id, uint32_t line) const {
  if (!id.valid() || id.value >= files_.size()) return {};
  const SourceFile& f = files_[id.value];
  if (line == 0 || line > f.line_starts.size()) return {};
  size_t begin = f.line_starts[line - 1];
  size_t end = line < f.line_starts.size() ? f.line_starts[line] : f.text.size();
  std::string_view v(f.text.data() + begin, end - begin);
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.remove_suffix(1);
  return v;
}

std::string SourceManager::location_string(SourceLoc loc) const {
  if (!loc.file.valid() || loc.file.value >= files_.size()) return "<generated>";
  std::string s = files_[loc.file.value].path;
  if (loc.line > 0) s += ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
  return s;
}

}  // namespace xb::netlist
