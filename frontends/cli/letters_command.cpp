#include "frontends/cli/letters_command.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "frontends/cli/exit_codes.hpp"
#include "frontends/cli/export_command.hpp"
#include "frontends/cli/parse_args.hpp"
#include "frontends/crossbar/letters.hpp"

namespace po = boost::program_options;

namespace xb::cli {
namespace {

using namespace crossbar;

// The bundled binarized weights (models/letters: `letters train`, seed 1).
const std::string kBundled = bundled_models("letters");

int fail(const std::string& what, const std::string& message) {
  return report_error("letters " + what, message);
}

struct ParamOptions {
  LettersParams p;
  int set = 1;
  void add(po::options_description& desc) {
    desc.add_options()("set", po::value(&set)->default_value(1),
                       "parameter set: 1 (G_ON 7.7e-5, G_OFF 2.88e-6, R_INV 5k, V0 -0.1 V) or 2 "
                       "(G_ON 5e-5, G_OFF 1e-9, R_INV 1M, V0 0 V)");
  }
  std::string resolve() {
    if (set != 1 && set != 2) return "--set " + std::to_string(set) + ": 1 or 2";
    if (set == 2) p = letters_second_set();
    return "";
  }
};

std::string read_pair(const std::string& dir, const LettersParams& p, LettersWeights& w) {
  if (std::string e = read_letters_weights(dir + "/W1.csv", kLetterHidden, kLetterPixels, p, w.on1);
      !e.empty())
    return e;
  return read_letters_weights(dir + "/W2.csv", kLetterClasses, kLetterHidden, p, w.on2);
}

int letters_train(const std::vector<std::string>& args) {
  ParamOptions po_;
  LettersTrainOptions t;
  std::string dir;
  po::options_description desc("letters train options");
  desc.add_options()("help,h", "show this help")(
      "epochs", po::value(&t.epochs)->default_value(t.epochs), "full-batch epochs")(
      "sharpness", po::value(&t.sharpness)->default_value(t.sharpness), "s in sigmoid(s*w)")(
      "noise", po::value(&t.noise)->default_value(t.noise), "sigma of the input noise (pixels)")(
      "seed", po::value(&t.seed)->default_value(t.seed), "seed")(
      "output,o", po::value(&dir)->required(), "directory for W1.csv (8 x 16) and W2.csv (4 x 8)");
  po_.add(desc);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, po::positional_options_description{}, vm,
                  "usage: xbspice letters train [--set 1|2] [--epochs E] [--seed S] -o DIR\n",
                  code))
    return code;
  if (std::string e = po_.resolve(); !e.empty()) return fail("train", e);
  double accuracy = 0;
  const LettersWeights w = train_letters(po_.p, t, accuracy);
  std::filesystem::create_directories(dir);
  if (!write_letters_weights(dir + "/W1.csv", w.on1) ||
      !write_letters_weights(dir + "/W2.csv", w.on2))
    return fail("train", "cannot write into " + dir);
  size_t right = 0;
  const std::vector<LetterPattern> test = letters_test_set();
  for (const LetterPattern& p : test)
    right += letters_forward(w, po_.p, p.pixels).decision == p.label;
  std::printf("binarized network: training %.2f %%, test %.2f %% (%zu patterns)\n", 100 * accuracy,
              100.0 * right / test.size(), test.size());
  return kOk;
}

int letters_infer(const std::vector<std::string>& args) {
  ParamOptions po_;
  std::string dir;
  po::options_description desc("letters infer options");
  desc.add_options()("help,h", "show this help")(
      "weights", po::value(&dir)->default_value(kBundled), "directory holding W1.csv and W2.csv");
  po_.add(desc);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, po::positional_options_description{}, vm,
                  "usage: xbspice letters infer [--weights DIR] [--set 1|2]\n\nRuns the 640 test "
                  "patterns at SPICE level (each an operating point of the whole network) beside "
                  "the software model.\n",
                  code))
    return code;
  if (std::string e = po_.resolve(); !e.empty()) return fail("infer", e);
  LettersWeights w;
  if (std::string e = read_pair(dir, po_.p, w); !e.empty()) return fail("infer", e);
  const std::vector<LetterPattern> test = letters_test_set();
  const LettersCircuitReport r = run_letters_circuit(w, po_.p, test);
  if (!r.error.empty()) {
    std::cerr << "xbspice letters infer: error: " << r.error << "\n";
    return kSimulationFailure;
  }
  const size_t right = r.circuit_right, software_right = r.software_right, agree = r.agree;
  const double largest_difference = r.largest_difference, largest_cell = r.largest_cell_voltage;
  const double n = static_cast<double>(test.size());
  std::printf("test patterns: %zu (the 40 training variants, each pixel flipped in turn)\n",
              test.size());
  std::printf("largest output difference from the software model: %.3g V\n", largest_difference);
  std::printf("largest cell voltage: %.4g V (columns are virtual grounds)\n", largest_cell);
  std::printf("accuracy: circuit %.2f %%, software %.2f %%, agreement %.2f %%\n", 100 * right / n,
              100 * software_right / n, 100 * agree / n);
  return kOk;
}

int letters_deck_command(const std::vector<std::string>& args) {
  ParamOptions po_;
  std::string dir = kBundled, out, to;
  size_t first = 0;
  po::options_description desc("letters deck options");
  desc.add_options()("help,h", "show this help")("first", po::value(&first)->default_value(0),
                                                 "only the first K test patterns (0: all 640)")(
      "weights", po::value(&dir)->default_value(kBundled), "directory holding W1.csv and W2.csv")(
      "to", po::value(&to), "hspice or ngspice (default: xbspice's dialect, which HSPICE reads)")(
      "output,o", po::value(&out)->required(), "the deck (the 640 test patterns as a .data sweep)");
  po_.add(desc);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, po::positional_options_description{}, vm,
                  "usage: xbspice letters deck [--weights DIR] -o F [--to hspice|ngspice]\n", code))
    return code;
  if (std::string e = po_.resolve(); !e.empty()) return fail("deck", e);
  LettersWeights w;
  if (std::string e = read_pair(dir, po_.p, w); !e.empty()) return fail("deck", e);
  std::vector<LetterPattern> patterns = letters_test_set();
  if (first > 0 && first < patterns.size()) patterns.resize(first);
  return write_built_deck(letters_deck(w, po_.p, patterns), out, to, "letters deck");
}

}  // namespace

int run_letters(const std::vector<std::string>& args) {
  return run_subcommand(
      "letters", args,
      {{"train", letters_train}, {"infer", letters_infer}, {"deck", letters_deck_command}});
}

}  // namespace xb::cli
