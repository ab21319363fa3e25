#pragma once
// The Deck: a netlist as plain data. The parser produces it, crossbar builders and tests make it
// directly, elaboration flattens it and the deck writer prints it back as HSPICE or ngspice text.
// Names are stored lower-case (SPICE is case-insensitive; outputs use lower case), except file
// paths and the title. Every item carries the SourceLoc it came from (invalid when built).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "netlist/expression.hpp"
#include "netlist/source.hpp"

namespace xb::netlist {

// A number, or an expression / parameter name evaluated at elaboration.
struct Value {
  double number = 0;
  ExprPtr expr;  // null when the value is the plain number
  SourceLoc loc;

  static Value of(double v, SourceLoc loc = {}) { return Value{v, nullptr, loc}; }
  bool is_expression() const { return expr != nullptr; }
};

struct NamedValue {
  std::string name;
  Value value;
};

enum class SourceFunction { none, pulse, pwl, sin, exp, sffm, am };

// What follows the nodes of an independent source: DC value, AC magnitude/phase, a transient
// function with its arguments, and function options (PWL's R= repeat and TD= delay).
struct SourceSpec {
  std::optional<Value> dc;
  std::optional<Value> ac_magnitude;
  std::optional<Value> ac_phase;
  SourceFunction function = SourceFunction::none;
  std::vector<Value> args;
  std::vector<NamedValue> options;
  SourceLoc function_loc;
};

// One element line. Which fields mean what depends on `kind`:
//   r c l:   nodes[2], model (optional), values = {value}
//   v i:     nodes[2], source
//   e g:     nodes[4] + values {gain}; or nodes[2] + params vol=/cur=/value= (behavioural);
//            model "opamp" with nodes[4]; model "poly" with values {dimension, coefficients...}
//   f h:     nodes[2], refs {controlling vsource}, values {gain}
//   b:       nodes[2], params v= or i=
//   d m q j: nodes, model, values (area, or positional l w)
//   k:       refs {inductor1, inductor2}, values {coupling}
//   x:       nodes, model = subcircuit or built-in device model, params
struct Element {
  std::string name;  // full element name, e.g. "r1", "xm3"
  char kind = 0;     // lower-case first letter
  std::vector<std::string> nodes;
  std::string model;
  std::vector<std::string> refs;
  std::vector<Value> values;
  std::vector<NamedValue> params;
  // Independent sources only; shared and immutable so that the many non-source elements of a
  // large crossbar do not each carry an empty spec (a Deck copy shares it).
  std::shared_ptr<const SourceSpec> source;
  SourceLoc loc;
};

struct Model {
  std::string name;
  std::string type;                                        // nmos, d, npn, taox, ...
  std::vector<NamedValue> params;                          // includes level= when given
  std::vector<std::pair<std::string, std::string>> words;  // version=4.5.0
  SourceLoc loc;
};

struct Param {
  std::string name;
  Value value;
  SourceLoc loc;
};

struct Subckt;

// .func name(a, b) expression (also HSPICE's .param name(a, b) = expression).
struct FunctionDef {
  std::string name;
  UserFunction function;
  SourceLoc loc;
};

// What can appear both at top level and inside a .subckt.
struct Body {
  std::vector<Element> elements;
  std::vector<Model> models;
  std::vector<Param> params;
  std::vector<Subckt> subckts;
  std::vector<FunctionDef> functions;
};

struct Subckt {
  std::string name;
  std::vector<std::string> ports;
  std::vector<Param> defaults;  // params: a=1 b=2 on the .subckt line
  Body body;
  SourceLoc loc;
};

// One swept variable of .dc (or the SWEEP of .tran/.ac). Kinds:
//   linear_step: start stop step      lin/dec/oct: points start stop (per decade/octave)
//   list:        explicit values (HSPICE POI / LIST)       data: rows of a .data table
struct Sweep {
  enum class Kind { linear_step, lin, dec, oct, list, data };
  std::string variable;  // source name, parameter name or "temp"; empty for data sweeps
  Kind kind = Kind::linear_step;
  Value start, stop, step;  // step holds the point count for lin/dec/oct
  std::vector<Value> values;
  std::string data_name;
  SourceLoc loc;
};

enum class AnalysisKind { op, dc, tran, ac, tf, sens, other };

// HSPICE's `SWEEP MONTE=N [FIRSTRUN=k]`: the analysis runs for samples k ... k + N - 1, the
// deck elaborated for each with its own random draws.
struct MonteCarloSpec {
  Value samples;
  Value first_run = Value::of(1);
  SourceLoc loc;
};

struct Analysis {
  AnalysisKind kind = AnalysisKind::op;
  std::string name;           // statement name without the dot: "op", "dc", "tran", "ac", "noise"
  std::vector<Sweep> sweeps;  // .dc: first written = innermost; .tran/.ac: the SWEEP clause
  Value tstep, tstop, tstart, tmax;  // .tran (tstart/tmax 0 when absent)
  bool has_tmax = false;
  bool uic = false;
  Sweep ac_frequencies;                 // .ac dec 10 1 1meg
  std::optional<MonteCarloSpec> monte;  // outermost of all sweeps
  // .tf OUTPUT INPUT (and .sens OUTPUT): the output v(a), v(a,b) or i(vsource) and the input
  // source's name.
  std::string tf_output_node, tf_output_ref, tf_output_source, tf_input;
  std::string text;  // the statement as written, for analyses kept but not run
  SourceLoc loc;
};

// An output request: v(a), v(a,b), i(v1), par('expr'), v(*), vm(n), ...
struct OutputVar {
  std::string function;  // "v", "i", "par", "vm", "vdb", ... lower-case
  std::vector<std::string> args;
  ExprPtr expr;  // for par('...')
  SourceLoc loc;
};

struct Print {
  std::string analysis;  // "dc", "tran", "ac", "op"; empty when not given
  bool probe = false;    // .probe rather than .print
  std::vector<OutputVar> outputs;
  SourceLoc loc;
};

// .measure, read into its parts by the parser (HSPICE syntax; engine/measure.hpp says what each
// kind computes). Values may be parameters or expressions, evaluated at elaboration.
enum class MeasureKind {
  trig_targ,
  find,
  deriv,
  when,
  param,
  avg,
  rms,
  min,
  max,
  pp,
  integ,
  min_at,  // ngspice: where the minimum is
  max_at
};
enum class MeasureEdge { cross, rise, fall };

// Where a crossing is: `signal` reaching `value` (the count-th edge of its kind at or after td).
struct MeasureCrossing {
  std::string signal;  // "v(out)", "v(a,b)", "i(v1)"
  SourceLoc signal_loc;
  Value value;
  std::string value_signal;  // WHEN v(a)=v(b): where the two cross (value unused)
  SourceLoc value_signal_loc;
  MeasureEdge edge = MeasureEdge::cross;
  int count = 1;  // -1: the last one
  std::optional<Value> td;
};

// A point on the axis: AT=t, or a crossing.
struct MeasurePoint {
  std::optional<Value> at;
  MeasureCrossing when;
};

struct Measure {
  std::string analysis;  // "tran", "dc", ...; empty: every analysis
  std::string name;
  std::string text;  // the statement after the name, tokens joined by single spaces (writers)
  SourceLoc loc;
  MeasureKind kind = MeasureKind::find;
  std::string signal;  // FIND, DERIV and the statistics
  SourceLoc signal_loc;
  MeasurePoint trig;  // TRIG, and the point of FIND, DERIV and WHEN
  MeasurePoint targ;  // TARG
  std::optional<Value> from, to;
  ExprPtr expr;  // PARAM
};

// .four freq out...: the Fourier components of each output over the transient's last period of
// 1/freq (SPICE2's Fourier analysis; engine/fourier.hpp).
struct Fourier {
  Value frequency;
  std::vector<std::string> signals;  // "v(out)", "v(a,b)", "i(v1)"
  std::vector<SourceLoc> signal_locs;
  SourceLoc loc;
};

struct InitialValue {
  std::string node;
  Value value;
  SourceLoc loc;
};

struct DataTable {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  SourceLoc loc;
};

struct NamedLoc {
  std::string name;
  SourceLoc loc;
};

// Everything a deck (or an .alter block) says.
struct Statements : Body {
  std::vector<Analysis> analyses;
  std::vector<Print> prints;
  std::vector<Measure> measures;
  std::vector<Fourier> fouriers;
  std::vector<NamedValue> options;  // flags as value 1
  std::vector<Value> temperatures;
  std::vector<NamedLoc> globals;
  std::vector<InitialValue> initial_conditions;  // .ic
  std::vector<InitialValue> nodesets;
  std::vector<DataTable> data;
  std::vector<NamedLoc> hdl_files;
  std::vector<NamedLoc> included_files;  // recorded for `check` and the deck writer
  // ngspice's .csparam name=value: a value the .control block reads as a vector.
  std::vector<Param> control_params;
};

// An .alter block: its statements replace same-named elements, models, params, options and
// temperatures of the main deck and add the rest; the whole deck then runs again.
struct AlterBlock : Statements {
  std::string title;
  SourceLoc loc;
};

// A line of an ngspice .control block (frontends/control runs them).
struct ControlText {
  std::string text;
  SourceLoc loc;
};

// A parameter an .if condition read while the deck was parsed, and the value it had then.
struct ConditionParam {
  std::string name;
  double value;
  SourceLoc loc;  // of the .if / .elseif
};

struct Deck : Statements {
  std::string title;
  // .if/.elseif branches are chosen while parsing (as ngspice does), from the top-level
  // parameters defined before them; elaboration checks each run still has these values.
  std::vector<ConditionParam> condition_params;
  std::vector<AlterBlock> alters;
  std::vector<ControlText> control;  // every .control block's lines, in order
  SourceManagerPtr sources = std::make_shared<SourceManager>();
};

// The deck as run by .alter block `index` (0-based): main deck with that block applied on top of
// the blocks before it, as HSPICE does.
Deck apply_alter(const Deck& deck, size_t index);

}  // namespace xb::netlist
