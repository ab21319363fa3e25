#include "netlist/diagnostics.hpp"

namespace xb::netlist {

Diagnostic& Diagnostics::add(Severity s, std::string code, SourceLoc loc, std::string message) {
  if (s == Severity::error) ++errors_;
  if (s == Severity::warning) ++warnings_;
  if (items_.size() >= kMaxStored) {
    overflow_ = Diagnostic{};
    return overflow_;
  }
  items_.push_back(Diagnostic{s, std::move(code), std::move(message), loc, {}, {}});
  return items_.back();
}

Diagnostic& Diagnostics::error(std::string code, SourceLoc loc, std::string message) {
  return add(Severity::error, std::move(code), loc, std::move(message));
}

Diagnostic& Diagnostics::warning(std::string code, SourceLoc loc, std::string message) {
  return add(Severity::warning, std::move(code), loc, std::move(message));
}

namespace {

void quote_line(std::string& out, const SourceManager& sources, SourceLoc loc) {
  if (!loc.valid()) return;
  std::string_view line = sources.line_text(loc.file, loc.line);
  constexpr size_t kMaxQuote = 160;  // a 50 MB line is quoted around the column, not whole
  size_t col = loc.col > 0 ? loc.col - 1 : 0;
  size_t begin = 0;
  if (line.size() > kMaxQuote) {
    begin = col > kMaxQuote / 2 ? col - kMaxQuote / 2 : 0;
    line = line.substr(begin, kMaxQuote);
  }
  std::string shown;
  size_t caret = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    bool printable = c == '\t' || (c >= 0x20 && c < 0x7f) || c >= 0x80;
    if (i + begin < col) caret += printable ? 1 : 0;
    if (printable) shown += static_cast<char>(c);
  }
  out += "    " + shown + "\n    ";
  for (size_t i = 0; i < caret && i < shown.size(); ++i) out += shown[i] == '\t' ? '\t' : ' ';
  out += "^\n";
}

void include_chain(std::string& out, const SourceManager& sources, SourceLoc loc) {
  for (int depth = 0; loc.file.valid() && loc.file.value < sources.size() && depth < 64; ++depth) {
    SourceLoc from = sources.file(loc.file).included_from;
    if (!from.valid()) break;
    out += "note: included from " + sources.location_string(from) + "\n";
    loc = from;
  }
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

}  // namespace

std::string Diagnostics::format(const SourceManager& sources) const {
  return format(sources, 0, true);
}

std::string Diagnostics::format(const SourceManager& sources, size_t first, bool summary) const {
  std::string out;
  for (size_t i = first; i < items_.size(); ++i) {
    const Diagnostic& d = items_[i];
    out += sources.location_string(d.loc) + ": " + severity_name(d.severity) + ": " + d.message;
    if (!d.code.empty()) out += " [" + d.code + "]";
    out += "\n";
    if (d.code != "binary-input") quote_line(out, sources, d.loc);  // no raw bytes to a terminal
    if (!d.instance_path.empty()) out += "note: in subcircuit instance " + d.instance_path + "\n";
    include_chain(out, sources, d.loc);
    for (const auto& [loc, text] : d.notes) {
      out += sources.location_string(loc) + ": note: " + text + "\n";
      quote_line(out, sources, loc);
    }
  }
  if (!summary) return out;
  size_t stored = items_.size();
  size_t total = errors_ + warnings_;
  if (total > stored)
    out += "(" + std::to_string(total - stored) + " more diagnostics not shown)\n";
  if (errors_ > 0) out += std::to_string(errors_) + " error(s)\n";
  return out;
}

}  // namespace xb::netlist
