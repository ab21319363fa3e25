#pragma once
// .measure statements read into a typed Measure (HSPICE syntax, which ngspice's .meas shares):
//   TRIG point TARG point          point: AT=t | sig VAL=v [edge] [TD=t] | WHEN sig=v [edge]
//   FIND sig AT=t | FIND sig WHEN sig2=v [edge] [TD=t]
//   DERIV[ATIVE] sig AT=t | ... WHEN ...
//   WHEN sig=v [edge] [TD=t]
//   AVG|RMS|MIN|MAX|PP|INTEG[RAL] sig [FROM=t] [TO=t]
//   PARAM='expression' (ngspice also PARAM expression)
//   edge: RISE=n | FALL=n | CROSS=n, n a number or LAST
// A malformed statement is an error at its token (with a caret), found by `xbspice check`.

#include "netlist/card_cursor.hpp"
#include "netlist/deck.hpp"

namespace xb::netlist {

// Reads the tokens after the measure's name into `m` (kind, signals, points, window).
// Returns false after reporting an error.
bool parse_measure_body(CardCursor& c, Measure& m);

// A signal at the cursor, v(a), v(a,b) or i(v1), read into "v(a,b)" (lower case) with its
// location. Returns false after reporting an error (kind `bad_kind`).
bool parse_signal_name(CardCursor& c, std::string& out, SourceLoc& loc, const char* bad_kind);

}  // namespace xb::netlist
