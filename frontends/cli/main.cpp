// xbspice: SPICE-compatible circuit simulator with memristor-crossbar models.
//   xbspice check DECK       parse and elaborate, print a summary
//   xbspice run DECK [-o F]  simulate
// Exit codes: 0 ok, 1 user error, 2 simulation failure, 70 internal error.

#include <algorithm>
#include <boost/program_options.hpp>
#include <exception>
#include <fstream>
#include <iostream>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <new>
#include <string>
#include <vector>

#include "frontends/cli/circuit_summary.hpp"
#include "frontends/cli/cnn_command.hpp"
#include "frontends/cli/compare_command.hpp"
#include "frontends/cli/crossbar_command.hpp"
#include "frontends/cli/exit_codes.hpp"
#include "frontends/cli/export_command.hpp"
#include "frontends/cli/file_commands.hpp"
#include "frontends/cli/letters_command.hpp"
#include "frontends/cli/mnist_command.hpp"
#include "frontends/cli/parse_args.hpp"
#include "frontends/cli/perceptron_command.hpp"
#include "frontends/cli/regress_command.hpp"
#include "frontends/cli/report.hpp"
#include "frontends/cli/run_command.hpp"
#include "frontends/control/control_runner.hpp"
#include "frontends/session/simulation.hpp"

namespace po = boost::program_options;

namespace xb::cli {
namespace {

constexpr const char* kVersion = "0.1.0";

const char* kUsage =
    "usage: xbspice <command> [options]\n"
    "\n"
    "commands:\n"
    "  check DECK          parse and elaborate DECK, print a summary\n"
    "  run DECK [-o FILE]  simulate DECK\n"
    "  regress DIR...      compare decks with *REGRESS directives against golden files\n"
    "  plot FILE -o X.svg  draw signals of a result file (CSV, raw, HSPICE post) as SVG\n"
    "  convert IN OUT      convert a result file (CSV, raw, HSPICE post) to CSV or raw\n"
    "  compare A B         compare two result files signal by signal\n"
    "  export DECK --to hspice|ngspice   write DECK for another simulator\n"
    "  crossbar --weights W --inputs U   build a crossbar; simulate, save or export it\n"
    "  mnist data|train|infer|deck        the MNIST crossbar classifier at SPICE level\n"
    "  cnn train                          a small CNN for the same set, its layers for crossbars\n"
    "  perceptron train|deck              the 4x4 TaOx perceptron trained in situ with pulses\n"
    "  letters train|infer|deck           the binary 16-8-4 letters network\n"
    "\n"
    "options:\n"
    "  -h, --help          this help; 'xbspice <command> --help' for a command's options\n"
    "  --version           print the version\n"
    "\n"
    "exit codes: 0 ok, 1 bad deck or arguments, 2 simulation failure, 70 internal error\n";

int cmd_check(const std::vector<std::string>& args) {
  po::options_description desc("check options");
  desc.add_options()("help,h", "show this help")("deck", po::value<std::string>()->required(),
                                                 "netlist to check");
  po::positional_options_description pos;
  pos.add("deck", 1);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, pos, vm,
                  "usage: xbspice check DECK\n\nParses and elaborates DECK (includes, libraries, "
                  "subcircuits, parameters) without simulating, and prints a summary.",
                  code))
    return code;
  const session::LoadedDeck loaded = session::load_deck(vm["deck"].as<std::string>());
  if (!report_diagnostics(loaded)) return kUserError;
  if (const std::optional<control::ControlError> e = control::check_control(loaded.deck.control)) {
    netlist::Diagnostics d;
    d.error("control", e->loc, e->what());
    std::cerr << d.format(*loaded.deck.sources);
    return kUserError;
  }
  // Device parameters are checked by building the device groups, as `run` does (no solve).
  bool device_errors = false;
  for (size_t i = 0; i < loaded.runs.size(); ++i) {
    const netlist::Deck deck = i == 0 ? loaded.deck : netlist::apply_alter(loaded.deck, i - 1);
    const auto prepared = session::prepare_circuit(deck, {}, loaded.runs[i]);
    std::cerr << prepared->diagnostics.format(*loaded.deck.sources, 0, false);
    device_errors = device_errors || prepared->diagnostics.has_errors();
  }
  if (device_errors) return kUserError;
  for (size_t i = 0; i < loaded.runs.size(); ++i) {
    if (i > 0) std::cout << "\n.alter " << i << ": " << loaded.deck.alters[i - 1].title << "\n";
    print_summary(loaded.deck, loaded.runs[i], std::cout);
  }
  return kOk;
}

int cmd_run(const std::vector<std::string>& args) {
  po::options_description desc("run options");
  desc.add_options()("help,h", "show this help")("deck", po::value<std::string>()->required(),
                                                 "netlist to simulate")(
      "output,o", po::value<std::string>(),
      "write results to FILE: an ngspice raw file when it ends in .raw, CSV otherwise; with "
      "several analyses (or .alter runs) the first goes to "
      "FILE and the k-th to FILE's name with _k before the extension (out.csv, out_2.csv, ...)")(
      "ascii", "write raw files in ASCII instead of binary")(
      "lis", po::value<std::string>(), "also write an HSPICE-style listing (.lis) to FILE")(
      "stats", "print solver statistics (unknowns, KLU calls and times, Newton iterations)");
  po::positional_options_description pos;
  pos.add("deck", 1);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(
          args, desc, pos, vm,
          "usage: xbspice run DECK [-o FILE] [--stats]\n\nSimulates every .op, .dc and .tran of "
          "DECK and of each .alter run; prints an operating-point table or a .print table "
          "per analysis on stdout.",
          code))
    return code;
  RunOptions opt;
  opt.deck = vm["deck"].as<std::string>();
  if (vm.count("output")) opt.output = vm["output"].as<std::string>();
  opt.stats = vm.count("stats") > 0;
  opt.ascii = vm.count("ascii") > 0;
  if (vm.count("lis")) opt.lis = vm["lis"].as<std::string>();
  return run_deck(opt);
}

int cmd_regress(const std::vector<std::string>& args) {
  po::options_description desc("regress options");
  desc.add_options()("help,h", "show this help")(
      "paths", po::value<std::vector<std::string>>()->required(),
      "decks or directories of decks with *REGRESS directives")(
      "jobs,j", po::value<int>()->default_value(1), "run N cases in parallel")(
      "junit", po::value<std::string>(), "write a JUnit XML report to FILE")(
      "bless", "rewrite every golden from this run and print what changed");
  po::positional_options_description pos;
  pos.add("paths", -1);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, pos, vm,
                  "usage: xbspice regress DIR... [-j N] [--junit FILE] [--bless]\n\nRuns every "
                  "deck with *REGRESS directives (*REGRESS v(out) rel=1e-6 abs=1e-9, *REGRESS "
                  "i(v1) range=1e-3, golden=FILE, analysis=N) and compares the named signals with "
                  "the golden file beside the deck (NAME.csv or NAME.raw) on its axis. Exit 1 when "
                  "a case fails.",
                  code))
    return code;
  RegressOptions opt;
  opt.paths = vm["paths"].as<std::vector<std::string>>();
  opt.jobs = vm["jobs"].as<int>();
  if (vm.count("junit")) opt.junit = vm["junit"].as<std::string>();
  opt.bless = vm.count("bless") > 0;
  return run_regress(opt);
}

int cmd_plot(const std::vector<std::string>& args) {
  po::options_description desc("plot options");
  desc.add_options()("help,h", "show this help")("results", po::value<std::string>()->required(),
                                                 "CSV or ngspice raw file")(
      "output,o", po::value<std::string>()->required(), "SVG file to write")(
      "signals,s", po::value<std::vector<std::string>>()->multitoken(),
      "signals to draw (default: all but the axis)")(
      "title", po::value<std::string>()->default_value(""), "title")(
      "ylabel", po::value<std::string>()->default_value(""), "label of the vertical axis")(
      "plot", po::value<int>()->default_value(1), "which plot of a file with several (1-based)");
  po::positional_options_description pos;
  pos.add("results", 1);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, pos, vm,
                  "usage: xbspice plot RESULTS -o OUT.svg [-s SIGNAL...]\n\nDraws signals of a "
                  "result file against its first column as an SVG for a browser.",
                  code))
    return code;
  PlotRequest req;
  req.results = vm["results"].as<std::string>();
  req.output = vm["output"].as<std::string>();
  if (vm.count("signals")) req.signals = vm["signals"].as<std::vector<std::string>>();
  req.title = vm["title"].as<std::string>();
  req.ylabel = vm["ylabel"].as<std::string>();
  req.plot = vm["plot"].as<int>();
  return run_plot(req);
}

int cmd_convert(const std::vector<std::string>& args) {
  po::options_description desc("convert options");
  desc.add_options()("help,h", "show this help")(
      "input", po::value<std::string>()->required(),
      "result file: CSV, ngspice raw, HSPICE post file (.tr#/.sw#/.ac#)")(
      "output", po::value<std::string>()->required(),
      "file to write: ngspice raw when it ends in .raw, CSV otherwise; further tables (sweep "
      "points) go to OUT_2, OUT_3, ...")("ascii", "write raw files in ASCII");
  po::positional_options_description pos;
  pos.add("input", 1).add("output", 1);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, pos, vm,
                  "usage: xbspice convert IN OUT [--ascii]\n\nConverts a result file (format "
                  "recognised by content) to CSV or an ngspice raw file.",
                  code))
    return code;
  return run_convert(vm["input"].as<std::string>(), vm["output"].as<std::string>(),
                     vm.count("ascii") > 0);
}

int cmd_compare(const std::vector<std::string>& args) {
  po::options_description desc("compare options");
  desc.add_options()("help,h", "show this help")("a", po::value<std::string>()->required(),
                                                 "result file to check")(
      "b", po::value<std::string>()->required(), "reference result file")(
      "reltol", po::value<double>()->default_value(1e-3), "relative tolerance")(
      "abstol", po::value<double>()->default_value(1e-9), "absolute tolerance")(
      "range-tol", po::value<double>()->default_value(0),
      "also accept differences within this fraction of the reference signal's range")(
      "time-tol", po::value<double>(),
      "time axes: a point also passes when A takes B's value within +-this time of it (default: "
      "from the files' time resolution, 2*(res A + res B)*max|t|; 0: off)")(
      "signals,s", po::value<std::vector<std::string>>()->multitoken(),
      "signals to compare (default: every signal both files have)")(
      "plot", po::value<std::string>(), "write an SVG with each signal and its difference")(
      "analysis", po::value<std::string>(),
      "compare only the tables of this analysis (op, dc, tran, ac) in both files");
  po::positional_options_description pos;
  pos.add("a", 1).add("b", 1);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, pos, vm,
                  "usage: xbspice compare A B [--reltol R --abstol A --range-tol T --time-tol W] "
                  "[-s SIGNAL...] "
                  "[--analysis KIND] [--plot OUT.svg]\n\nCompares two result files (CSV, ngspice "
                  "raw, HSPICE post "
                  "files): signals matched by name, A read at B's axis values. Exit 1 when a "
                  "signal fails.",
                  code))
    return code;
  CompareOptions o;
  o.a = vm["a"].as<std::string>();
  o.b = vm["b"].as<std::string>();
  o.tolerances.reltol = vm["reltol"].as<double>();
  o.tolerances.abstol = vm["abstol"].as<double>();
  o.tolerances.range_tol = vm["range-tol"].as<double>();
  if (vm.count("time-tol")) o.tolerances.time_window = vm["time-tol"].as<double>();
  if (vm.count("signals")) o.signals = vm["signals"].as<std::vector<std::string>>();
  if (vm.count("plot")) o.plot = vm["plot"].as<std::string>();
  if (vm.count("analysis")) o.analysis = vm["analysis"].as<std::string>();
  return run_compare(o);
}

int cmd_export(const std::vector<std::string>& args) {
  po::options_description desc("export options");
  desc.add_options()("help,h", "show this help")("deck", po::value<std::string>()->required(),
                                                 "netlist to export")(
      "to", po::value<std::string>()->required(), "target simulator: hspice or ngspice")(
      "output,o", po::value<std::string>(), "file to write (default: standard output)");
  po::positional_options_description pos;
  pos.add("deck", 1);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, pos, vm,
                  "usage: xbspice export DECK --to hspice|ngspice [-o OUT]\n\nWrites DECK for "
                  "HSPICE (built-in devices as Verilog-A modules beside OUT, loaded with .hdl) or "
                  "for ngspice (built-in devices as behavioural subcircuits named after their "
                  ".model cards).",
                  code))
    return code;
  ExportOptions o;
  o.deck = vm["deck"].as<std::string>();
  o.to = vm["to"].as<std::string>();
  if (vm.count("output")) o.output = vm["output"].as<std::string>();
  return run_export(o);
}

int cmd_crossbar(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "matrix")
    return run_crossbar_matrix(std::vector<std::string>(args.begin() + 1, args.end()));
  if (!args.empty() && args[0] == "map")
    return run_crossbar_map(std::vector<std::string>(args.begin() + 1, args.end()));
  CrossbarOptions o;
  po::options_description desc("crossbar options");
  desc.add_options()("help,h", "show this help")(
      "weights", po::value(&o.weights)->required(),
      "conductance matrix (S), one array row per line, values split by , ; or blanks")(
      "inputs", po::value(&o.inputs)->required(),
      "input voltages, one vector (a value per row) per line; several lines sweep them")(
      "cell", po::value(&o.cell)->default_value("conductor"), "conductor, taox or 1t1m")(
      "sense", po::value(&o.sense)->default_value("ground"),
      "ground (0 V sources vs<j>) or tia (opamp with feedback rf; outputs out<j>)")(
      "wire-r", po::value(&o.wire_r)->default_value("0"), "wire resistance per cell segment (ohm)")(
      "rf", po::value(&o.rf)->default_value("1k"), "transimpedance of --sense tia (ohm)")(
      "vgate", po::value(&o.vgate)->default_value("1.8"), "1T1M word-line voltage (V)")(
      "option", po::value(&o.options)->composing(), "an .options entry, e.g. reltol=1e-6")(
      "deck", po::value(&o.deck), "write the built deck to this file")(
      "to", po::value(&o.to), "with --deck: write it for hspice or ngspice instead")(
      "output,o", po::value(&o.output), "simulate and write the results (CSV, .raw, .tr0, .sw0)")(
      "stats", po::bool_switch(&o.stats), "print solver statistics");
  po::positional_options_description pos;
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, pos, vm,
                  "usage: xbspice crossbar --weights W --inputs U [--cell C] [--sense S] "
                  "[--wire-r R] [--deck F [--to hspice|ngspice]] [-o RESULTS]\n\nBuilds a "
                  "dot-product crossbar (inputs on the rows, a summed current per column). "
                  "Without --deck it is simulated; with --deck it is written (for xbspice and "
                  "HSPICE, or with --to for one simulator), and simulated too when -o is given.",
                  code))
    return code;
  return run_crossbar(o);
}

int dispatch(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return kUserError;
  }
  std::string command = argv[1];
  std::vector<std::string> rest(argv + 2, argv + argc);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kOk;
  }
  if (command == "--version") {
    std::cout << "xbspice " << kVersion << "\n";
    return kOk;
  }
  try {
    if (command == "check") return cmd_check(rest);
    if (command == "run") return cmd_run(rest);
    if (command == "regress") return cmd_regress(rest);
    if (command == "plot") return cmd_plot(rest);
    if (command == "convert") return cmd_convert(rest);
    if (command == "compare") return cmd_compare(rest);
    if (command == "export") return cmd_export(rest);
    if (command == "crossbar") return cmd_crossbar(rest);
    if (command == "mnist") return run_mnist(rest);
    if (command == "cnn") return run_cnn(rest);
    if (command == "perceptron") return run_perceptron(rest);
    if (command == "letters") return run_letters(rest);
  } catch (const po::error& e) {
    std::cerr << "xbspice " << command << ": error: " << e.what() << "\n";
    return kUserError;
  }
  std::cerr << "xbspice: error: unknown command '" << command << "'\n" << kUsage;
  return kUserError;
}

}  // namespace
}  // namespace xb::cli

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // A large deck's front end frees hundreds of megabytes (tokens, the parsed deck's temporaries)
  // just before the solver allocates as much: keep freed memory in the heap for reuse instead of
  // returning it to the kernel, whose page faults cost more than the parse (issue 12's 512²).
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
  try {
    return xb::cli::dispatch(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "xbspice: error: out of memory\n";
    return xb::cli::kInternalError;
  } catch (const std::exception& e) {
    std::cerr << "xbspice: internal error: " << e.what() << "\n";
    return xb::cli::kInternalError;
  }
}
