#pragma once
// Option parsing shared by the subcommands (Boost.Program_options).

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace xb::cli {

// Parses a subcommand's arguments; false (after printing the help, exit code 0) when it should
// stop. Parse errors throw boost::program_options::error for the caller to report.
bool parse_args(const std::vector<std::string>& args,
                boost::program_options::options_description& desc,
                const boost::program_options::positional_options_description& pos,
                boost::program_options::variables_map& vm, const std::string& usage,
                int& exit_code);

}  // namespace xb::cli
