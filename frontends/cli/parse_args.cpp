#include "frontends/cli/parse_args.hpp"

#include <iostream>

#include "frontends/cli/exit_codes.hpp"

namespace xb::cli {

namespace po = boost::program_options;

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

}  // namespace xb::cli
