#pragma once
// Option parsing shared by the subcommands (Boost.Program_options).

#include <boost/program_options.hpp>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace xb::cli {

// Parses a subcommand's arguments; false (after printing the help, exit code 0) when it should
// stop. Parse errors throw boost::program_options::error for the caller to report.
bool parse_args(const std::vector<std::string>& args,
                boost::program_options::options_description& desc,
                const boost::program_options::positional_options_description& pos,
                boost::program_options::variables_map& vm, const std::string& usage,
                int& exit_code);

// models/<name> of the source tree the binary was built from (bundled data and weights).
std::string bundled_models(const std::string& name);

// "xbspice <command>: error: <message>" on stderr; returns the user-error exit code.
int report_error(const std::string& command, const std::string& message);

// `xbspice <command> <sub> ...`: runs the sub-command args[0] names with the rest of `args`;
// usage (exit 1) without one, an error naming an unknown one, option errors reported.
using Subcommand = std::function<int(const std::vector<std::string>&)>;
int run_subcommand(const std::string& command, const std::vector<std::string>& args,
                   const std::vector<std::pair<std::string, Subcommand>>& subcommands);

}  // namespace xb::cli
