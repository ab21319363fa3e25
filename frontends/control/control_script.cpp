#include "frontends/control/control_script.hpp"

#include <cctype>

#include "netlist/lexer.hpp"

namespace xb::control {
namespace {

bool opens_block(const std::string& name) {
  return name == "foreach" || name == "repeat" || name == "while" || name == "dowhile" ||
         name == "if";
}

// ngspice's end-of-line comment in control lines: a `$` between blanks (or at the end), which
// `$name` substitutions never are.
std::string without_comment(const std::string& t) {
  for (size_t k = 1; k < t.size(); ++k)
    if (t[k] == '$' && std::isspace(static_cast<unsigned char>(t[k - 1])) &&
        (k + 1 == t.size() || std::isspace(static_cast<unsigned char>(t[k + 1])))) {
      size_t end = k;
      while (end > 0 && std::isspace(static_cast<unsigned char>(t[end - 1]))) --end;
      return t.substr(0, end);
    }
  return t;
}

Command split_line(const netlist::ControlText& line) {
  Command c;
  c.loc = line.loc;
  const std::string t = without_comment(line.text);
  size_t end = 0;
  while (end < t.size() && !std::isspace(static_cast<unsigned char>(t[end]))) ++end;
  c.name = netlist::to_lower(t.substr(0, end));
  size_t start = end;
  while (start < t.size() && std::isspace(static_cast<unsigned char>(t[start]))) ++start;
  c.args = t.substr(start);
  c.args_column = start;
  return c;
}

}  // namespace

std::vector<Command> parse_control(const std::vector<netlist::ControlText>& lines) {
  std::vector<Command> top;
  // The blocks open now, innermost last, and whether each is in its else part.
  struct Open {
    Command command;
    bool in_else = false;
  };
  std::vector<Open> open;
  auto append = [&](Command c) {
    if (open.empty())
      top.push_back(std::move(c));
    else if (open.back().in_else)
      open.back().command.else_body.push_back(std::move(c));
    else
      open.back().command.body.push_back(std::move(c));
  };
  for (const netlist::ControlText& line : lines) {
    if (line.text.empty() || line.text[0] == '*' || line.text[0] == '#') continue;
    Command c = split_line(line);
    if (opens_block(c.name)) {
      open.push_back({std::move(c)});
    } else if (c.name == "else") {
      if (open.empty() || open.back().command.name != "if" || open.back().in_else)
        throw ControlError("'else' without an 'if'", c.loc);
      open.back().in_else = true;
    } else if (c.name == "end") {
      if (open.empty()) throw ControlError("'end' without a block to close", c.loc);
      Command done = std::move(open.back().command);
      open.pop_back();
      append(std::move(done));
    } else {
      append(std::move(c));
    }
  }
  if (!open.empty())
    throw ControlError("'" + open.back().command.name + "' has no 'end'", open.back().command.loc);
  return top;
}

}  // namespace xb::control
