#include "frontends/cli/perceptron_command.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <unistd.h>

#include "frontends/cli/exit_codes.hpp"
#include "frontends/cli/export_command.hpp"
#include "frontends/cli/parse_args.hpp"
#include "frontends/crossbar/perceptron.hpp"
#include "frontends/io/svg_plot.hpp"

namespace po = boost::program_options;

namespace xb::cli {
namespace {

using namespace crossbar;

int fail(const std::string& what, const std::string& message) {
  return report_error("perceptron " + what, message);
}

struct SpecOptions {
  PerceptronSpec s;
  std::string device = "taox", table;
  void add(po::options_description& desc) {
    desc.add_options()("device", po::value(&device)->default_value(device), "taox or table")(
        "table", po::value(&table),
        "the table device's conductance-versus-pulse CSV (one value per line)")(
        "vread", po::value(&s.vread)->default_value(s.vread),
        "input voltage of a 1 (V); a 0 is -vread")(
        "vpulse", po::value(&s.vpulse)->default_value(s.vpulse),
        "voltage a selected cell sees (V; table device: 2)")(
        "width", po::value(&s.pulse_width)->default_value(s.pulse_width),
        "pulse width (s; table device: 100n, also its counting width)")(
        "beta", po::value(&s.beta)->default_value(s.beta),
        "f = tanh(beta*I) (1/A; table device: 6e6)")("x0", po::value(&s.x0)->default_value(s.x0),
                                                     "initial TaOx state")(
        "x0-spread", po::value(&s.x0_spread)->default_value(s.x0_spread),
        "device-to-device spread of the initial TaOx state (uniform, by seed)")(
        "epochs", po::value(&s.max_epochs)->default_value(s.max_epochs),
        "at most this many epochs")("wire-r", po::value(&s.wire_r)->default_value(0),
                                    "wire resistance per segment (ohm)")(
        "seed", po::value(&s.seed)->default_value(s.seed),
        "seed of the initial states (TaOx) or the shifts (table device)");
  }
  // The table device starts from the reference's parameters; options given still win.
  std::string resolve(const po::variables_map& vm) {
    if (device == "taox") return table.empty() ? "" : "--table needs --device table";
    if (device != "table") return "--device " + device + ": taox or table";
    if (table.empty()) return "--device table needs --table FILE";
    std::vector<double> g;
    if (std::string e = read_pulse_table(table, g); !e.empty()) return e;
    PerceptronSpec t = table_perceptron(std::move(g));
    t.vread = s.vread, t.max_epochs = s.max_epochs, t.wire_r = s.wire_r, t.seed = s.seed;
    if (!vm["vpulse"].defaulted()) t.vpulse = s.vpulse;
    if (!vm["width"].defaulted()) t.pulse_width = s.pulse_width;
    if (!vm["beta"].defaulted()) t.beta = s.beta;
    s = std::move(t);
    return "";
  }
  std::string check() const {
    if (!(s.vpulse > 0) || !(s.pulse_width > 0) || !(s.beta > 0) || !(s.vread > 0))
      return "--vread, --vpulse, --width and --beta must be > 0";
    if (s.max_epochs < 1) return "--epochs must be >= 1";
    return "";
  }
};

bool write_plot(const std::string& path, const std::vector<io::Series>& series,
                const std::string& title, const std::string& x, const std::string& y) {
  std::ofstream out(path);
  io::write_svg_plot(series, {title, x, y}, out);
  return static_cast<bool>(out);
}

// The per-epoch CSVs and plots of one run, in `dir`.
std::string write_run(const std::string& dir, const PerceptronRun& run, double vread) {
  std::ofstream g(dir + "/conductances.csv"), w(dir + "/weights.csv"), a(dir + "/activations.csv"),
      e(dir + "/error.csv");
  g << "epoch";
  for (int c = 0; c < 16; ++c) g << ",g" << c / 4 << c % 4;
  w << "epoch";
  for (int k = 0; k < kPerceptronNeurons; ++k)
    for (int j = 0; j < kPerceptronInputs; ++j) w << ",w" << k << j;
  a << "epoch";
  for (size_t n = 0; n < perceptron_training_set().size(); ++n)
    for (int k = 0; k < kPerceptronNeurons; ++k) a << ",f" << k << "_p" << n;
  e << "epoch,error,pulses\n";
  g << '\n', w << '\n', a << '\n';
  std::vector<io::Series> gs(16), fs(perceptron_training_set().size() * kPerceptronNeurons), es(1);
  for (const PerceptronEpoch& ep : run.epochs) {
    g << ep.epoch, w << ep.epoch, a << ep.epoch;
    for (int c = 0; c < 16; ++c) {
      g << ',' << ep.conductance[c];
      gs[c].name = "G(" + std::to_string(c / 4) + "," + std::to_string(c % 4) + ")";
      gs[c].x.push_back(ep.epoch), gs[c].y.push_back(1e3 * ep.conductance[c]);
    }
    for (int k = 0; k < kPerceptronNeurons; ++k)
      for (int j = 0; j < kPerceptronInputs; ++j)
        w << ',' << ep.conductance[j * 4 + 2 * k] - ep.conductance[j * 4 + 2 * k + 1];
    for (size_t n = 0; n < ep.activations.size(); ++n)
      for (int k = 0; k < kPerceptronNeurons; ++k) {
        a << ',' << ep.activations[n][k];
        io::Series& s = fs[n * kPerceptronNeurons + k];
        s.name = "f" + std::to_string(k) + " pattern " + std::to_string(n);
        s.x.push_back(ep.epoch), s.y.push_back(ep.activations[n][k]);
      }
    e << ep.epoch << ',' << ep.error << ',' << ep.pulses << '\n';
    es[0].name = "error";
    es[0].x.push_back(ep.epoch), es[0].y.push_back(ep.error);
    g << '\n', w << '\n', a << '\n';
  }
  const bool plots =
      write_plot(dir + "/conductances.svg", gs,
                 "read conductances at " + std::to_string(vread) + " V", "epoch", "G (mS)") &&
      write_plot(dir + "/activations.svg", fs, "activations of the training patterns", "epoch",
                 "f") &&
      write_plot(dir + "/error.svg", es, "error (how far f misses the targets)", "epoch", "error");
  return g && w && a && e && plots ? "" : "cannot write into " + dir;
}

int perceptron_train(const std::vector<std::string>& args) {
  SpecOptions o;
  int runs = 1;
  std::string dir;
  po::options_description desc("perceptron train options");
  desc.add_options()("help,h", "show this help")("runs", po::value(&runs)->default_value(1),
                                                 "crossbars trained (seeds seed, seed+1, ...)")(
      "output,o", po::value(&dir)->required(), "directory for the CSVs and SVG plots");
  o.add(desc);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, po::positional_options_description{}, vm,
                  "usage: xbspice perceptron train [--runs N] [--seed S] [--wire-r R] -o DIR\n\n"
                  "Trains the 4x4 TaOx perceptron in situ: reads are operating points of the "
                  "crossbar, each update a V/2 programming pulse simulated as a transient.\n",
                  code))
    return code;
  if (std::string e = o.resolve(vm); !e.empty()) return fail("train", e);
  if (std::string e = o.check(); !e.empty()) return fail("train", e);
  if (runs < 1) return fail("train", "--runs must be >= 1");
  std::filesystem::create_directories(dir);
  // The TaOx cell's response to the pulse it is trained with.
  std::string error;
  const bool taox = o.s.device == PerceptronSpec::Device::taox;
  const std::vector<double> curve = taox ? taox_pulse_curve(o.s, 40, error) : o.s.table;
  if (!error.empty()) return fail("train", error);
  {
    std::ofstream c(dir + "/pulse_curve.csv");
    io::Series s{"G after n pulses", {}, {}};
    c << "pulses,g\n";
    for (size_t n = 0; n < curve.size(); ++n) {
      c << n << ',' << curve[n] << '\n';
      s.x.push_back(static_cast<double>(n)), s.y.push_back(1e3 * curve[n]);
    }
    char title[128];
    if (taox)
      std::snprintf(title, sizeof title, "one TaOx cell from x0 = %g: %g V pulses of %g ns", o.s.x0,
                    o.s.vpulse, o.s.pulse_width * 1e9);
    else
      std::snprintf(title, sizeof title, "the table device's conductance after n pulses");
    if (!c || !write_plot(dir + "/pulse_curve.svg", {s}, title, "pulses", "G at vread (mS)"))
      return fail("train", "cannot write into " + dir);
  }
  std::vector<int> needed;
  for (int r = 0; r < runs; ++r) {
    PerceptronSpec spec = o.s;
    spec.seed = o.s.seed + static_cast<unsigned>(r);
    const bool one = runs == 1;
    PerceptronRun run;
    try {
      run = train_perceptron(spec, error, [one](const PerceptronEpoch& e) {
        if (one) std::printf("epoch %2d: error %.4f, %d pulse(s)\n", e.epoch, e.error, e.pulses);
      });
    } catch (const std::exception& x) {
      std::cerr << "xbspice perceptron train: error: seed " << spec.seed << ": " << x.what()
                << "\n";
      return kSimulationFailure;
    }
    if (!error.empty()) return fail("train", error);
    if (run.converged) needed.push_back(run.epochs_needed);
    if (one) {
      if (std::string e = write_run(dir, run, o.s.vread); !e.empty()) return fail("train", e);
      std::printf(
          "%s after %d epoch(s)\ntest set: %d of %d patterns decided as the trained "
          "weights predict (largest difference in f %.2g), %d of %d as targeted\n",
          run.converged ? "trained" : "not trained", run.epochs_needed, run.test_agree,
          run.test_total, run.test_largest_difference, run.test_right, run.test_total);
    } else if (isatty(2)) {
      std::fprintf(stderr, "\r  run %d / %d", r + 1, runs);
    }
  }
  if (runs > 1) std::fprintf(stderr, "\n");
  std::sort(needed.begin(), needed.end());
  if (needed.empty()) {
    std::printf("converged 0/%d\n", runs);
  } else {
    std::printf("epochs needed: min %d, quartiles %d %d %d, max %d\n", needed.front(),
                needed[needed.size() / 4], needed[needed.size() / 2], needed[3 * needed.size() / 4],
                needed.back());
    std::printf("converged %zu/%d, median epochs %d\n", needed.size(), runs,
                needed[needed.size() / 2]);
  }
  return kOk;
}

int perceptron_deck(const std::vector<std::string>& args) {
  SpecOptions o;
  std::string out, to;
  po::options_description desc("perceptron deck options");
  desc.add_options()("help,h", "show this help")(
      "to", po::value(&to), "hspice or ngspice (default: xbspice's dialect, which HSPICE reads)")(
      "output,o", po::value(&out)->required(), "the deck");
  o.add(desc);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, po::positional_options_description{}, vm,
                  "usage: xbspice perceptron deck [train options] -o F [--to hspice|ngspice]\n\n"
                  "Trains one crossbar and writes it, its TaOx states included, with the reads "
                  "of the 16 patterns as a .data sweep.\n",
                  code))
    return code;
  if (std::string e = o.resolve(vm); !e.empty()) return fail("deck", e);
  if (std::string e = o.check(); !e.empty()) return fail("deck", e);
  std::string error;
  const PerceptronRun run = train_perceptron(o.s, error);
  if (!error.empty()) return fail("deck", error);
  std::vector<PerceptronPattern> patterns = perceptron_training_set();
  for (const PerceptronPattern& p : perceptron_test_set()) patterns.push_back(p);
  return write_built_deck(perceptron_deck(o.s, run.final_state, patterns), out, to,
                          "perceptron deck");
}

}  // namespace

int run_perceptron(const std::vector<std::string>& args) {
  return run_subcommand("perceptron", args,
                        {{"train", perceptron_train}, {"deck", perceptron_deck}});
}

}  // namespace xb::cli
