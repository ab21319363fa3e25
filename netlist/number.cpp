#include "netlist/number.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace xb::netlist {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// The micro sign in UTF-8, as decks written on Windows or copied from datasheets have it: µ
// (U+00B5) or the Greek μ (U+03BC). Both mean u, as LTspice reads them. 2 bytes, or 0.
size_t micro_sign_length(std::string_view t) {
  if (t.size() >= 2 && ((t[0] == '\xC2' && t[1] == '\xB5') || (t[0] == '\xCE' && t[1] == '\xBC')))
    return 2;
  return 0;
}

// Length of the numeric mantissa+exponent at the start of text (sign allowed), 0 if none.
size_t mantissa_length(std::string_view t) {
  size_t i = 0;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  size_t digits = 0;
  while (i < t.size() && is_digit(t[i])) ++i, ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && is_digit(t[i])) ++i, ++digits;
  }
  if (digits == 0) return 0;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    size_t j = i + 1;
    if (j < t.size() && (t[j] == '+' || t[j] == '-')) ++j;
    if (j < t.size() && is_digit(t[j])) {
      while (j < t.size() && is_digit(t[j])) ++j;
      i = j;
    }
  }
  return i;
}

double scale_of(std::string_view letters) {
  auto starts = [&](std::string_view p) {
    if (letters.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
      if (lower(letters[i]) != p[i]) return false;
    return true;
  };
  if (letters.empty()) return 1.0;
  if (starts("meg")) return 1e6;
  if (starts("mil")) return 25.4e-6;
  switch (lower(letters[0])) {
    case 't':
      return 1e12;
    case 'g':
      return 1e9;
    case 'x':
      return 1e6;
    case 'k':
      return 1e3;
    case 'm':
      return 1e-3;
    case 'u':
      return 1e-6;
    case 'n':
      return 1e-9;
    case 'p':
      return 1e-12;
    case 'f':
      return 1e-15;
    case 'a':
      return 1e-18;
    default:
      return 1.0;  // unit letters only: "5v", "3ohm"
  }
}

}  // namespace

std::optional<size_t> count_value(double v, size_t min, size_t max) {
  if (!(v >= static_cast<double>(min) && v <= static_cast<double>(max)) || v != std::floor(v))
    return std::nullopt;
  return static_cast<size_t>(v);
}

size_t number_length(std::string_view text) {
  size_t n = mantissa_length(text);
  if (n == 0) return 0;
  n += micro_sign_length(text.substr(n));
  while (n < text.size() && is_alpha(text[n])) ++n;
  return n;
}

std::optional<double> parse_number(std::string_view token) {
  size_t m = mantissa_length(token);
  if (m == 0) return std::nullopt;
  const size_t micro = micro_sign_length(token.substr(m));
  for (size_t i = m + micro; i < token.size(); ++i)
    if (!is_alpha(token[i])) return std::nullopt;
  double mantissa = 0;
  std::string_view digits = token.substr(0, m);
  if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), mantissa);
  if (ec == std::errc::result_out_of_range) {
    mantissa = std::strtod(std::string(digits).c_str(), nullptr);  // yields inf or 0 as C does
  } else if (ec != std::errc() || ptr != digits.data() + digits.size()) {
    return std::nullopt;
  }
  return mantissa * (micro ? 1e-6 : scale_of(token.substr(m)));
}

}  // namespace xb::netlist
