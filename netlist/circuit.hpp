#pragma once
// The elaborated circuit: subcircuits flattened, parameters evaluated, models resolved, node
// names numbered. This is what the engine binds devices to. Node 0 is ground.

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "netlist/deck.hpp"
#include "netlist/name_index.hpp"

namespace xb::netlist {

struct NodeId {
  uint32_t value = 0;
  bool is_ground() const { return value == 0; }
  bool operator==(const NodeId&) const = default;
};

using NumericParams = std::vector<std::pair<std::string, double>>;

// Looks a parameter up by lower-case name; `fallback` when absent.
double param_or(const NumericParams& params, std::string_view name, double fallback);
const double* find_param(const NumericParams& params, std::string_view name);

struct FlatModel {
  std::string name;  // hierarchical for models local to a subcircuit ("x1.nch")
  std::string type;
  NumericParams params;
  std::vector<std::pair<std::string, std::string>> words;  // non-numeric values (version=...)
  SourceLoc loc;
};

struct FlatSource {
  std::optional<double> dc;
  double ac_magnitude = 0, ac_phase = 0;
  SourceFunction function = SourceFunction::none;
  std::vector<double> args;
  NumericParams options;
};

struct FlatElement {
  std::string name;  // hierarchical: "x1.r2"
  char kind = 0;
  std::vector<NodeId> nodes;
  int32_t model = -1;  // index into Circuit::models, or -1; for kind 'x' the built-in device
  std::vector<double> values;
  NumericParams params;
  std::vector<std::string> refs;  // hierarchical names of controlling sources / inductors
  std::vector<std::pair<std::string, ExprPtr>> expressions;  // behavioural, params bound
  std::shared_ptr<const FlatSource> source;                  // independent sources only
  SourceLoc loc;

  // "x1.x3" for "x1.x3.r2": the subcircuit instance the element stands in ("" at top level).
  std::string_view instance_path() const {
    size_t dot = name.rfind('.');
    return dot == std::string::npos ? std::string_view() : std::string_view(name).substr(0, dot);
  }
};

struct FlatSweep {
  enum class Target { source, param, temperature, data };
  Target target = Target::source;
  std::string variable;
  std::vector<double> points;
  // data sweeps: one column per table column, all of points.size() rows
  std::vector<std::string> data_columns;
  std::vector<std::vector<double>> data_rows;
};

struct FlatAnalysis {
  AnalysisKind kind = AnalysisKind::op;
  std::string name;
  std::vector<FlatSweep> sweeps;  // innermost first
  double tstep = 0, tstop = 0, tstart = 0, tmax = 0;
  bool uic = false;
  std::vector<double> frequencies;
  // Monte Carlo: samples monte_first ... monte_first + monte_samples - 1; 0 samples: none.
  size_t monte_samples = 0, monte_first = 1;
  // .tf and .sens: the output (node, reference node, or a V source for i(vsource)); .tf's
  // input source.
  std::optional<NodeId> tf_node, tf_ref;
  std::string tf_output, tf_output_source, tf_input;  // tf_output: "v(5)", "i(vout)" as written
  SourceLoc loc;
};

struct FlatInitial {
  NodeId node;
  double value = 0;
};

// A .measure with its values evaluated.
struct FlatCrossing {
  std::string signal;
  double value = 0;
  std::string value_signal;  // crossing another signal instead of a value
  MeasureEdge edge = MeasureEdge::cross;
  int count = 1;  // -1: the last one
  double td = -1e300;
};
struct FlatPoint {
  std::optional<double> at;
  FlatCrossing when;
};
struct FlatMeasure {
  std::string analysis, name;
  MeasureKind kind = MeasureKind::find;
  std::string signal;
  FlatPoint trig, targ;
  std::optional<double> from, to;
  ExprPtr expr;
  SourceLoc loc;
};

struct FlatFourier {
  double frequency = 0;
  std::vector<std::string> signals;
  SourceLoc loc;
};

// The 0 V source elaboration puts in series with the first terminal of an element whose
// current an expression reads, when the element has no branch current of its own (a capacitor,
// a diode, a transistor): ngspice inserts the same. Its name, and the node between the two.
inline std::string current_sense_name(std::string_view element) {
  return std::string(element) + "#sense";
}

struct Circuit {
  std::string title;
  std::vector<std::string> node_names;  // index = NodeId; [0] = "0"
  NameIndex node_index;                 // node_names -> NodeId
  std::vector<FlatElement> elements;
  NameIndex element_index;  // FlatElement::name -> position in elements
  std::vector<FlatModel> models;
  std::unordered_map<std::string, double> params;              // top-level parameters, evaluated
  std::vector<std::pair<std::string, double>> control_params;  // .csparam, evaluated
  std::vector<FlatAnalysis> analyses;
  NumericParams options;
  std::vector<std::pair<std::string, std::string>> option_words;  // method=gear
  std::vector<double> temperatures;
  // Some parameter or element value reads `temper`: at another temperature the circuit must be
  // elaborated again (behavioural sources read it while they run and need not).
  bool reads_temper = false;
  // Some value called a Monte Carlo function (agauss, ...): another sample draws again.
  bool draws_random = false;
  std::vector<FlatInitial> initial_conditions;
  std::vector<FlatInitial> nodesets;
  std::vector<Print> prints;
  std::vector<FlatMeasure> measures;
  std::vector<FlatFourier> fouriers;
  size_t subckt_instances = 0;

  std::optional<NodeId> find_node(std::string_view name) const;
  // Model type of a built-in device instantiated by an X line ("taox"), else "".
  std::string_view device_type(const FlatElement& e) const {
    return e.kind == 'x' && e.model >= 0 ? std::string_view(models[e.model].type)
                                         : std::string_view();
  }
  const FlatElement* find_element(std::string_view name) const;
};

}  // namespace xb::netlist
