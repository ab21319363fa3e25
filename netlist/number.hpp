#pragma once
// SPICE numbers: 1e-3, .5, 10k, 1meg, 2.2u, 25mil, 10kohm, 1.5ns. Scale suffixes (case
// insensitive): t g meg x(=meg, HSPICE) k mil m u n p f a; any letters after the number or its
// suffix are units and ignored, as HSPICE and ngspice do ("1nn", "1fF", "5v").

#include <optional>
#include <string_view>

namespace xb::netlist {

// The value of a whole token, or nullopt when the token is not a number.
std::optional<double> parse_number(std::string_view token);

// Length of the number (with suffix and unit letters) at the start of `text`; 0 if none.
// Used by the expression lexer, where a number is followed by operators.
size_t number_length(std::string_view text);

// A count written in a deck (POLY dimension, POI points): a whole number in [min, max], else
// nullopt. Keeps doubles such as -2 or 1e300 away from size_t conversions.
std::optional<size_t> count_value(double v, size_t min, size_t max);

}  // namespace xb::netlist
