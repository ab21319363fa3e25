#include "frontends/cli/parse_args.hpp"

#include <iostream>

#include "frontends/cli/exit_codes.hpp"

namespace xb::cli {

namespace po = boost::program_options;

#ifndef XB_SOURCE_DIR
#define XB_SOURCE_DIR "."
#endif

std::string bundled_models(const std::string& name) {
  return std::string(XB_SOURCE_DIR) + "/models/" + name;
}

int report_error(const std::string& command, const std::string& message) {
  std::cerr << "xbspice " << command << ": error: " << message << "\n";
  return kUserError;
}

bool parse_args(const std::vector<std::string>& args, po::options_description& desc,
                const po::positional_options_description& pos, po::variables_map& vm,
                const std::string& usage, int& exit_code) {
  po::store(po::command_line_parser(args).options(desc).positional(pos).run(), vm);
  if (vm.count("help")) {
    std::cout << usage << "\n" << desc;
    exit_code = kOk;
    return false;
  }
  po::notify(vm);
  return true;
}

int run_subcommand(const std::string& command, const std::vector<std::string>& args,
                   const std::vector<std::pair<std::string, Subcommand>>& subcommands) {
  std::string names;
  for (const auto& [name, run] : subcommands) names += (names.empty() ? "" : "|") + name;
  const std::string usage = "usage: xbspice " + command + " " + names + " [options]   ('xbspice " +
                            command + " <sub> --help')\n";
  if (args.empty()) {
    std::cerr << usage;
    return kUserError;
  }
  if (args[0] == "--help" || args[0] == "-h") {
    std::cout << usage;
    return kOk;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  for (const auto& [name, run] : subcommands)
    if (args[0] == name) try {
        return run(rest);
      } catch (const po::error& e) {
        std::cerr << "xbspice " << command << " " << name << ": error: " << e.what() << "\n";
        return kUserError;
      }
  std::cerr << "xbspice " << command << ": error: unknown subcommand '" << args[0] << "'\n"
            << usage;
  return kUserError;
}

}  // namespace xb::cli
