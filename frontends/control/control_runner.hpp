#pragma once
// Runs an ngspice .control block on a Session, as `ngspice -b` does: analyses (op, dc, tran,
// run), variables (set, unset, $name, $&vector), vectors (let, unlet), output (print, echo,
// wrdata, write, meas), changes (alter, alterparam, reset) and control flow (foreach, repeat,
// while, dowhile, if/else, break, continue, quit). Each analysis makes a plot (op1, dc1,
// tran1, ...) that later commands read. A command outside this subset, or one that fails, is
// a ControlError naming it and its line; the plots and files made before it are kept.
//
// Text output (print, echo, meas) goes to the stream given; the library prints nothing else.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "frontends/control/control_script.hpp"
#include "frontends/session/session.hpp"

namespace xb::control {

struct ControlOutcome {
  bool ok = true;
  std::string error;  // when not ok: the message; `loc` the line of the command
  netlist::SourceLoc loc;
  bool simulation_failed = false;  // an analysis failed (else the script itself is wrong)
  std::vector<std::string> warnings;
  std::vector<netlist::SourceLoc> warning_locs;
  size_t analyses_run = 0;
};

// The block's structure and command names, checked without running it (`xbspice check`, and
// run_control before its first command): the first error, or none.
std::optional<ControlError> check_control(const std::vector<netlist::ControlText>& lines);

// Runs `s.deck().control` on `s`; relative file names of wrdata and write are taken as given
// (the caller's working directory, as ngspice does).
ControlOutcome run_control(session::Session& s, std::ostream& out);

}  // namespace xb::control
