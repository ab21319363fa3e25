// The CNN software model (frontends/crossbar/cnn_model): its forward pass against loops written
// here, its gradients against central differences, and its training on the bundled set.

#include "frontends/crossbar/cnn_model.hpp"

#include "frontends/crossbar/cnn_circuit.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "frontends/crossbar/mnist_model.hpp"

using namespace xb::crossbar;

namespace {

const std::string kBundled = XB_MNIST_DIR;

std::vector<MnistImage> bundled(const std::string& name, size_t limit) {
  std::vector<MnistImage> images;
  EXPECT_EQ(read_mnist_csv(kBundled + "/" + name, images), "");
  if (images.size() > limit) images.resize(limit);
  return images;
}

CnnWeights random_weights(int channels, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(-0.4, 0.4);
  CnnWeights w{Eigen::MatrixXd(channels, kCnnPatch),
               Eigen::MatrixXd(kMnistClasses, kCnnPooled * channels)};
  for (Eigen::Index i = 0; i < w.kernels.size(); ++i) w.kernels.data()[i] = u(rng);
  for (Eigen::Index i = 0; i < w.fc.size(); ++i) w.fc.data()[i] = u(rng);
  return w;
}

}  // namespace

TEST(CnnModel, ForwardIsConvolutionAveragePoolingAndTheDenseLayer) {
  const CnnWeights w = random_weights(3, 2);
  const CnnGains g;
  const MnistImage image = bundled("test.csv", 1)[0];
  const CnnForward f = cnn_forward(w, g, image);
  // The same network by loops over the image.
  double conv[3][10][10];
  for (int c = 0; c < 3; ++c)
    for (int y = 0; y < 10; ++y)
      for (int x = 0; x < 10; ++x) {
        double sum = 0;
        for (int dy = 0; dy < 3; ++dy)
          for (int dx = 0; dx < 3; ++dx)
            sum += image.pixels[(y + dy) * 12 + x + dx] / 15.0 * w.kernels(c, dy * 3 + dx);
        conv[c][y][x] = -std::tanh(g.g1() * sum);
        EXPECT_NEAR(f.conv(y * 10 + x, c), conv[c][y][x], 1e-15);
      }
  for (int m = 0; m < 10; ++m) {
    double sum = 0;
    for (int c = 0; c < 3; ++c)
      for (int py = 0; py < 5; ++py)
        for (int px = 0; px < 5; ++px) {
          const double pooled = (conv[c][2 * py][2 * px] + conv[c][2 * py][2 * px + 1] +
                                 conv[c][2 * py + 1][2 * px] + conv[c][2 * py + 1][2 * px + 1]) /
                                4;
          EXPECT_NEAR(f.pooled(c * 25 + py * 5 + px), pooled, 1e-15);
          sum += pooled * w.fc(m, c * 25 + py * 5 + px);
        }
    EXPECT_NEAR(f.outputs(m), -std::tanh(g.g2() * sum), 1e-14);
  }
  EXPECT_EQ(f.decision, argmax(f.outputs));
}

TEST(CnnModel, GradientEqualsFiniteDifferences) {
  const CnnWeights w = random_weights(2, 5);
  const CnnGains g;
  const std::vector<MnistImage> batch = bundled("train.csv", 6);
  CnnWeights grad;
  cnn_loss_and_gradient(w, g, batch, 4, &grad);
  auto check = [&](Eigen::MatrixXd CnnWeights::*part, Eigen::Index i) {
    CnnWeights up = w, down = w;
    const double h = 1e-5;  // truncation ~h², rounding ~1e-16/h of a loss ~2
    (up.*part).data()[i] += h, (down.*part).data()[i] -= h;
    const double fd = (cnn_loss_and_gradient(up, g, batch, 4, nullptr) -
                       cnn_loss_and_gradient(down, g, batch, 4, nullptr)) /
                      (2 * h);
    EXPECT_NEAR((grad.*part).data()[i], fd, 1e-6 * std::abs(fd) + 1e-9) << i;
  };
  for (Eigen::Index i = 0; i < w.kernels.size(); ++i) check(&CnnWeights::kernels, i);
  for (Eigen::Index i = 0; i < w.fc.size(); i += 7) check(&CnnWeights::fc, i);
}

TEST(CnnModel, TrainingLearnsTheDigitsOnTheLevelSets) {
  const std::vector<MnistImage> train = bundled("train.csv", 2000), test = bundled("test.csv", 500);
  CnnTrainOptions o;
  o.channels = 4, o.epochs = 6;
  CnnTrainReport report;
  const CnnWeights w = train_cnn(train, test, CnnGains{}, o, report);
  EXPECT_EQ(check_cnn_weights(w), "");
  ASSERT_EQ(report.test_accuracy.size(), 6u);
  EXPECT_GT(report.test_accuracy.back(), 0.85);
  EXPECT_DOUBLE_EQ(cnn_accuracy(w, CnnGains{}, test), report.test_accuracy.back());
  for (Eigen::Index i = 0; i < w.kernels.size(); ++i)
    EXPECT_EQ(nearest_level(w1_levels(), w.kernels.data()[i]), w.kernels.data()[i]);
  for (Eigen::Index i = 0; i < w.fc.size(); ++i)
    EXPECT_EQ(nearest_level(w2_levels(), w.fc.data()[i]), w.fc.data()[i]);
  // Deterministic for a seed.
  CnnTrainReport again;
  EXPECT_EQ(train_cnn(train, test, CnnGains{}, o, again).fc, w.fc);
}

TEST(CnnModel, ShapesAreChecked) {
  CnnWeights w = random_weights(2, 1);
  EXPECT_EQ(check_cnn_weights(w), "");
  w.fc.conservativeResize(10, 49);
  EXPECT_NE(check_cnn_weights(w).find("expected 10 x 50"), std::string::npos);
}

TEST(CnnCircuit, IdealWiresComputeTheSoftwareNetworkWhateverTheTiles) {
  CnnCircuitSpec spec;
  spec.weights = random_weights(3, 8);
  for (Eigen::Index i = 0; i < spec.weights.kernels.size(); ++i)  // on the levels, as trained
    spec.weights.kernels.data()[i] = nearest_level(w1_levels(), spec.weights.kernels.data()[i]);
  const std::vector<MnistImage> images = bundled("test.csv", 8);
  std::string error;
  spec.tile = 7;  // 300 fully connected rows in 43 tiles, the conv's 9 rows in two
  std::unique_ptr<CnnCircuit> tiled = CnnCircuit::create(spec, error);
  ASSERT_TRUE(tiled) << error;
  spec.tile = 1000;
  std::unique_ptr<CnnCircuit> whole = CnnCircuit::create(spec, error);
  ASSERT_TRUE(whole) << error;
  for (const MnistImage& image : images) {
    const CnnForward s = cnn_forward(spec.weights, spec.gains, image);
    const CnnEvaluation a = tiled->evaluate(image), b = whole->evaluate(image);
    EXPECT_LT((a.conv - spec.gains.vinv * s.conv).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_LT((a.outputs - spec.gains.vinv * s.outputs).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_LT((a.outputs - b.outputs).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_EQ(a.decision, s.decision);
  }
}

TEST(CnnCircuit, PoolingFoldsIntoTheDenseArray) {
  const CnnWeights w = random_weights(2, 3);
  const Eigen::MatrixXd fc = cnn_layer_weights(w, CnnLayer::fc);
  ASSERT_EQ(fc.cols(), 200);
  // Conv position (y, x) = (3, 6) of channel 1 feeds pooled value 1·25 + 1·5 + 3.
  EXPECT_DOUBLE_EQ(fc(4, 100 + 3 * 10 + 6), w.fc(4, 25 + 5 + 3) / 4);
  EXPECT_EQ(cnn_layer_weights(w, CnnLayer::conv), w.kernels);
}

TEST(CnnCircuit, WiresMoveTheOutputsAndRefusals) {
  CnnCircuitSpec spec;
  spec.weights = random_weights(2, 4);
  spec.wire_r = 2;
  std::string error;
  std::unique_ptr<CnnCircuit> c = CnnCircuit::create(spec, error);
  ASSERT_TRUE(c) << error;
  const MnistImage image = bundled("test.csv", 1)[0];
  const CnnForward s = cnn_forward(spec.weights, spec.gains, image);
  const double moved =
      (c->evaluate(image).outputs - spec.gains.vinv * s.outputs).cwiseAbs().maxCoeff();
  EXPECT_GT(moved, 1e-6);  // the IR drop shows
  EXPECT_LT(moved, 0.1);
  spec.tile = 0;
  EXPECT_FALSE(CnnCircuit::create(spec, error));
  EXPECT_NE(error.find("tile"), std::string::npos);
}
