#include "frontends/cli/cnn_command.hpp"

#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>

#include "frontends/cli/exit_codes.hpp"
#include "frontends/cli/parse_args.hpp"
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

}  // namespace

int run_cnn(const std::vector<std::string>& args) {
  return run_subcommand("cnn", args, {{"train", cnn_train}});
}

}  // namespace xb::cli
