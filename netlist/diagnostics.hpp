#pragma once
// Collected diagnostics. Parsing and elaboration report every problem they find and go on; the
// caller stops with exit code 1 when any error was reported. Printed GCC-style:
//   deck.sp:12:5: error: unknown model 'taox2' for element xm1 [unknown-model]
//       xm1 a b taox2
//       ^
//   note: included from top.sp:3:1
// Each diagnostic has a stable code (the part in brackets) that tests assert on.

#include <string>
#include <vector>

#include "netlist/source.hpp"

namespace xb::netlist {

enum class Severity { note, warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;  // stable kind, e.g. "unknown-model"
  std::string message;
  SourceLoc loc;
  std::string instance_path;  // subcircuit instance path (x1.x3) when inside an instantiation
  std::vector<std::pair<SourceLoc, std::string>> notes;  // e.g. "first defined here"
};

class Diagnostics {
 public:
  // Only this many diagnostics are stored; the rest are counted, so a deck with a million bad
  // lines cannot exhaust memory.
  static constexpr size_t kMaxStored = 200;

  Diagnostic& error(std::string code, SourceLoc loc, std::string message);
  Diagnostic& warning(std::string code, SourceLoc loc, std::string message);

  size_t error_count() const { return errors_; }
  size_t warning_count() const { return warnings_; }
  bool has_errors() const { return errors_ > 0; }
  const std::vector<Diagnostic>& items() const { return items_; }

  // Renders every stored diagnostic with quoted source line, caret and include chain.
  std::string format(const SourceManager& sources) const;
  // Items from index `first` on; with `summary` also the error count (and the overflow).
  std::string format(const SourceManager& sources, size_t first, bool summary) const;

 private:
  Diagnostic& add(Severity s, std::string code, SourceLoc loc, std::string message);
  std::vector<Diagnostic> items_;
  Diagnostic overflow_;  // target of reports past kMaxStored
  size_t errors_ = 0;
  size_t warnings_ = 0;
};

}  // namespace xb::netlist
