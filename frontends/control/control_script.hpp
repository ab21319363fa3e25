#pragma once
// The structure of an ngspice .control block: its lines as commands, with the bodies of
// foreach / repeat / while / dowhile / if (and else) nested under them up to their `end`.
// Comments (`*`, `#`) and blank lines are dropped; nothing is run here.

#include <stdexcept>
#include <string>
#include <vector>

#include "netlist/deck.hpp"

namespace xb::control {

// An error in the block: where (a line of the deck) and what.
class ControlError : public std::runtime_error {
 public:
  ControlError(const std::string& message, netlist::SourceLoc loc)
      : std::runtime_error(message), loc(loc) {}
  netlist::SourceLoc loc;
};

struct Command {
  std::string name;  // lower case: "let", "foreach", ...
  std::string args;  // the rest of the line, as written
  netlist::SourceLoc loc;
  std::vector<Command> body;       // of a loop or an if
  std::vector<Command> else_body;  // of an if
  size_t args_column = 0;          // where `args` starts in the line (0-based)
};

// Throws ControlError for an `end` or `else` without its opening, or a block left open.
std::vector<Command> parse_control(const std::vector<netlist::ControlText>& lines);

}  // namespace xb::control
