#pragma once

namespace xb::cli {

// Exit codes of every xbspice subcommand.
enum ExitCode : int {
  kOk = 0,
  kUserError = 1,  // bad deck, bad arguments
  kSimulationFailure = 2,
  kInternalError = 70,  // a bug in xbspice (EX_SOFTWARE)
};

}  // namespace xb::cli
