#include "frontends/cli/cnn_command.hpp"

#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include "frontends/cli/exit_codes.hpp"
#include "frontends/cli/export_command.hpp"
#include "frontends/cli/parse_args.hpp"
#include "frontends/crossbar/cnn_circuit.hpp"
#include "frontends/crossbar/cnn_model.hpp"
#include "frontends/crossbar/mnist_data.hpp"
#include "frontends/crossbar/mnist_model.hpp"

namespace po = boost::program_options;

namespace xb::cli {
namespace {

using namespace crossbar;

int cnn_train(const std::vector<std::string>& args) {
  const std::string bundled = bundled_models("mnist");
  CnnTrainOptions t;
  CnnGains gains;
  std::string train_path, test_path, out_dir;
  po::options_description desc("cnn train options");
  desc.add_options()("help,h", "show this help")(
      "channels", po::value(&t.channels)->default_value(t.channels), "3x3 kernels")(
      "epochs", po::value(&t.epochs)->default_value(t.epochs), "passes over the training set")(
      "seed", po::value(&t.seed)->default_value(t.seed), "seed (initial weights, batch order)")(
      "rate", po::value(&t.learning_rate)->default_value(t.learning_rate), "Adam step size")(
      "rinv1", po::value(&gains.rinv1)->default_value(gains.rinv1),
      "conv inverters' transresistance (ohm)")("rinv2",
                                               po::value(&gains.rinv2)->default_value(gains.rinv2),
                                               "output inverters' transresistance (ohm)")(
      "train", po::value(&train_path)->default_value(bundled + "/train.csv"), "training set")(
      "test", po::value(&test_path)->default_value(bundled + "/test.csv"), "test set")(
      "output,o", po::value(&out_dir)->required(), "directory for K.csv and FC.csv");
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, po::positional_options_description{}, vm,
                  "usage: xbspice cnn train [--channels C] [--epochs E] [--seed S] -o DIR\n\n"
                  "Quantization-aware training of conv 3x3 (C channels) -> 2x2 average pooling "
                  "-> fully connected (10), the activations the circuit's tanh inverters; writes "
                  "K.csv (C x 9) and FC.csv (10 x 25C) on the reference's level sets.\n",
                  code))
    return code;
  auto fail = [](const std::string& m) { return report_error("cnn train", m); };
  if (t.channels < 1 || t.epochs < 1 || t.batch < 1)
    return fail("--channels and --epochs must be >= 1");
  if (!(gains.rinv1 > 0) || !(gains.rinv2 > 0)) return fail("--rinv1 and --rinv2 must be > 0");
  std::vector<MnistImage> train, test;
  if (std::string e = read_mnist_csv(train_path, train); !e.empty()) return fail(e);
  if (std::string e = read_mnist_csv(test_path, test); !e.empty()) return fail(e);
  CnnTrainReport report;
  const CnnWeights w = train_cnn(
      train, test, gains, t, report, [](int epoch, int epochs, double train_acc, double test_acc) {
        std::fprintf(stderr, "epoch %3d / %d: train %.2f %%, test %.2f %%\n", epoch, epochs,
                     100 * train_acc, 100 * test_acc);
      });
  std::filesystem::create_directories(out_dir);
  if (!write_weights_csv(out_dir + "/K.csv", w.kernels) ||
      !write_weights_csv(out_dir + "/FC.csv", w.fc))
    return fail("cannot write into " + out_dir);
  std::printf("software accuracy: train %.2f %%, test %.2f %% (%s/K.csv, %s/FC.csv)\n",
              100 * report.train_accuracy.back(), 100 * report.test_accuracy.back(),
              out_dir.c_str(), out_dir.c_str());
  return kOk;
}

// ---- circuit options (infer, deck) --------------------------------------------------------

struct CircuitOptions {
  std::string k = bundled_models("cnn") + "/K.csv", fc = bundled_models("cnn") + "/FC.csv";
  CnnCircuitSpec spec;
  void add(po::options_description& desc) {
    desc.add_options()("k", po::value(&k)->default_value(k), "kernels (C x 9) CSV")(
        "fc", po::value(&fc)->default_value(fc), "fully connected weights (10 x 25C) CSV")(
        "wire-r", po::value(&spec.wire_r)->default_value(0), "wire resistance per segment (ohm)")(
        "tile", po::value(&spec.tile)->default_value(spec.tile),
        "rows per array tile (partial sums added by op-amp summers)")(
        "rinv1", po::value(&spec.gains.rinv1)->default_value(spec.gains.rinv1),
        "conv inverters' transresistance (ohm)")(
        "rinv2", po::value(&spec.gains.rinv2)->default_value(spec.gains.rinv2),
        "output inverters' transresistance (ohm)");
  }
  std::string read() {
    if (!(spec.wire_r >= 0)) return "--wire-r must be >= 0";
    if (spec.tile < 1) return "--tile must be >= 1";
    if (!(spec.gains.rinv1 > 0) || !(spec.gains.rinv2 > 0))
      return "--rinv1 and --rinv2 must be > 0";
    if (std::string e = read_weights_csv(k, spec.weights.kernels); !e.empty()) return e;
    if (std::string e = read_weights_csv(fc, spec.weights.fc); !e.empty()) return e;
    return check_cnn_weights(spec.weights);
  }
};

// ---- infer --------------------------------------------------------------------------------

int cnn_infer(const std::vector<std::string>& args) {
  CircuitOptions c;
  std::string images_path = bundled_models("mnist") + "/test.csv";
  size_t limit = 0;
  po::options_description desc("cnn infer options");
  desc.add_options()("help,h", "show this help")(
      "images", po::value(&images_path)->default_value(images_path), "images (label,p0..p143)")(
      "limit", po::value(&limit)->default_value(0), "only the first N images (0: all)");
  c.add(desc);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, po::positional_options_description{}, vm,
                  "usage: xbspice cnn infer [--k F --fc F] [--images F] [--limit N] [--wire-r R] "
                  "[--tile T]\n\nSimulates each image layer by layer at SPICE level: the conv "
                  "kernel crossbar for its 100 patches, then the tiled fully connected arrays.\n",
                  code))
    return code;
  auto fail = [](const std::string& m) { return report_error("cnn infer", m); };
  if (std::string e = c.read(); !e.empty()) return fail(e);
  std::vector<MnistImage> images;
  if (std::string e = read_mnist_csv(images_path, images, limit); !e.empty()) return fail(e);
  std::string error;
  const auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<CnnCircuit> circuit = CnnCircuit::create(c.spec, error);
  if (!circuit) return fail(error);
  const bool tty = isatty(STDERR_FILENO) != 0;
  size_t right = 0, software_right = 0, agree = 0;
  double worst = 0;
  const auto t1 = std::chrono::steady_clock::now();
  for (size_t n = 0; n < images.size(); ++n) {
    CnnEvaluation e;
    try {
      e = circuit->evaluate(images[n]);
    } catch (const session::SessionError& x) {
      std::cerr << "\nxbspice cnn infer: error: image " << n + 1 << ": " << x.what() << "\n";
      return kSimulationFailure;
    }
    const CnnForward s = cnn_forward(c.spec.weights, c.spec.gains, images[n]);
    right += e.decision == images[n].label;
    software_right += s.decision == images[n].label;
    agree += e.decision == s.decision;
    worst = std::max(worst, (e.outputs - c.spec.gains.vinv * s.outputs).cwiseAbs().maxCoeff());
    if (tty && (n + 1) % 50 == 0)
      std::fprintf(stderr, "\r  cnn infer: %zu / %zu images", n + 1, images.size());
  }
  if (tty) std::fputc('\n', stderr);
  const auto t2 = std::chrono::steady_clock::now();
  const double count = static_cast<double>(images.size());
  std::printf(
      "images: %zu  channels: %d  wire: %g ohm  tile: %d rows (%lld fully connected "
      "tiles)\n",
      images.size(), c.spec.weights.channels(), c.spec.wire_r, c.spec.tile,
      static_cast<long long>((kCnnPositions * c.spec.weights.channels() + c.spec.tile - 1) /
                             c.spec.tile));
  std::printf("largest output difference from the software model: %.3g V\n", worst);
  std::printf("time: setup %.3f s, %.3g ms per image\n",
              std::chrono::duration<double>(t1 - t0).count(),
              1e3 * std::chrono::duration<double>(t2 - t1).count() / count);
  std::printf("accuracy: circuit %.2f %%, software %.2f %%, agreement %.2f %%\n",
              100 * right / count, 100 * software_right / count, 100 * agree / count);
  return kOk;
}

// ---- deck ---------------------------------------------------------------------------------

int cnn_deck(const std::vector<std::string>& args) {
  CircuitOptions c;
  std::string images_path = bundled_models("mnist") + "/test.csv", layer, out_path, to;
  size_t image = 1;
  po::options_description desc("cnn deck options");
  desc.add_options()("help,h", "show this help")("layer", po::value(&layer)->required(),
                                                 "conv or fc")(
      "images", po::value(&images_path)->default_value(images_path), "images (label,p0..p143)")(
      "image", po::value(&image)->default_value(1), "the image whose inputs the deck holds")(
      "to", po::value(&to), "hspice or ngspice (default: xbspice's dialect, which HSPICE reads)")(
      "output,o", po::value(&out_path)->required(), "the deck");
  c.add(desc);
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, po::positional_options_description{}, vm,
                  "usage: xbspice cnn deck --layer conv|fc [--image K] -o F [--to hspice|ngspice]"
                  "\n\nWrites one layer of the network as a deck: conv with the image's 100 "
                  "patches as a .data table, fc with the conv layer's outputs for the image (as "
                  "xbspice computes them) as an .op.\n",
                  code))
    return code;
  auto fail = [](const std::string& m) { return report_error("cnn deck", m); };
  if (layer != "conv" && layer != "fc") return fail("--layer " + layer + ": conv or fc");
  if (std::string e = c.read(); !e.empty()) return fail(e);
  std::vector<MnistImage> images;
  if (std::string e = read_mnist_csv(images_path, images, std::max<size_t>(image, 1)); !e.empty())
    return fail(e);
  if (image < 1 || image > images.size())
    return fail("--image " + std::to_string(image) + ": the set has " +
                std::to_string(images.size()) + " images");
  const MnistImage& im = images[image - 1];
  std::vector<std::vector<double>> rows;
  if (layer == "conv") {
    const Eigen::MatrixXd u = cnn_conv_inputs(im, c.spec.gains);
    for (Eigen::Index p = 0; p < u.rows(); ++p) {
      const Eigen::RowVectorXd r = u.row(p);
      rows.emplace_back(r.data(), r.data() + r.size());
    }
  } else {
    std::string error;
    std::unique_ptr<CnnCircuit> circuit = CnnCircuit::create(c.spec, error);
    if (!circuit) return fail(error);
    const Eigen::VectorXd conv = circuit->evaluate(im).conv.reshaped();
    rows.emplace_back(conv.data(), conv.data() + conv.size());
  }
  const CnnLayer which = layer == "conv" ? CnnLayer::conv : CnnLayer::fc;
  return write_built_deck(build_cnn_layer_deck(c.spec, which, rows), out_path, to, "cnn deck");
}

}  // namespace

int run_cnn(const std::vector<std::string>& args) {
  return run_subcommand("cnn", args,
                        {{"train", cnn_train}, {"infer", cnn_infer}, {"deck", cnn_deck}});
}

}  // namespace xb::cli
