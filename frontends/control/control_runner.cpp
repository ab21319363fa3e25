#include "frontends/control/control_runner.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>

#include "devices/builtin.hpp"
#include "engine/ac_analysis.hpp"
#include "engine/measure.hpp"
#include "frontends/control/vector_expression.hpp"
#include "frontends/io/raw_writer.hpp"
#include "netlist/elaborate.hpp"
#include "netlist/lexer.hpp"
#include "netlist/number.hpp"
#include "netlist/parser.hpp"

namespace xb::control {
namespace {

struct NamedVector {
  std::string name;  // lower case
  Vector values;
};

// The vectors of one analysis (or of `let` before any): the scale first when it has one.
struct Plot {
  std::string name;      // op1, dc2, tran1, const
  std::string type;      // as ngspice titles it
  std::string analysis;  // "op", "dc", "tran", "" for const
  bool has_scale = false;
  std::vector<NamedVector> vectors;

  NamedVector* exact(std::string_view name) {
    for (NamedVector& v : vectors)
      if (v.name == name) return &v;
    return nullptr;
  }
  // By any of ngspice's names for it: "v(out)" or "out", "i(v1)" or "v1#branch".
  NamedVector* find(std::string_view name) {
    if (NamedVector* v = exact(name)) return v;
    if (name.size() > 7 && name.substr(name.size() - 7) == "#branch")
      return exact("i(" + std::string(name.substr(0, name.size() - 7)) + ")");
    return exact("v(" + std::string(name) + ")");
  }
};

// Thrown by break and continue inside loops, and quit anywhere.
struct BreakLoop {};
struct ContinueLoop {};
struct Quit {};
struct Goto {
  std::string label;
  netlist::SourceLoc loc;
};

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6e", v == 0 ? 0.0 : v);  // never "-0"
  return buf;
}

// Row i of a column; a shorter column repeats its last value (a length-1 one broadcasts). Zero
// is written unsigned, as ngspice writes it.
double value_at(const Vector& v, size_t i) {
  const double x = v.empty() ? 0.0 : v[std::min(i, v.size() - 1)];
  return x == 0 ? 0.0 : x;
}

// The same for the imaginary part (0 for a real vector).
double imag_at(const Vector& v, size_t i) {
  if (v.empty() || !v.is_complex()) return 0.0;
  const double x = v.imag()[std::min(i, v.size() - 1)];
  return x == 0 ? 0.0 : x;
}

// "7.169568e-01,\t-4.504770e-01" in tables, "…,…" for a single value, as ngspice prints them.
std::string format_value(const Vector& v, size_t i, const char* separator) {
  std::string s = format_number(value_at(v, i));
  if (v.is_complex()) s += separator + format_number(imag_at(v, i));
  return s;
}

std::string trim(std::string_view t) {
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
  return std::string(t);
}

std::vector<std::string> words(std::string_view t) {
  std::vector<std::string> out;
  size_t k = 0;
  while (k < t.size()) {
    while (k < t.size() && std::isspace(static_cast<unsigned char>(t[k]))) ++k;
    const size_t start = k;
    while (k < t.size() && !std::isspace(static_cast<unsigned char>(t[k]))) ++k;
    if (k > start) out.emplace_back(t.substr(start, k - start));
  }
  return out;
}

const char* const kCommands[] = {
    "foreach", "repeat",  "while",  "dowhile",    "if",        "break",    "continue",  "quit",
    "exit",    "label",   "goto",   "echo",       "define",    "set",      "unset",     "let",
    "unlet",   "print",   "wrdata", "write",      "op",        "dc",       "tran",      "ac",
    "run",     "reset",   "alter",  "alterparam", "meas",      "measure",  "setplot",   "setscale",
    "destroy", "save",    "plot",   "gnuplot",    "asciiplot", "hardcopy", "iplot",     "rusage",
    "display", "listing", "show",   "version",    "status",    "showmod",  "mc_source", "settype"};

bool supported(const std::string& name) {
  for (const char* c : kCommands)
    if (name == c) return true;
  return false;
}

std::string unsupported_message(const std::string& n) {
  if (n == "noise" || n == "pz" || n == "tf" || n == "sens" || n == "disto" || n == "fourier" ||
      n == "spec" || n == "pss" || n == "sp")
    return "'" + n + "' analysis is not simulated yet (op, dc, tran, ac and run are)";
  return "ngspice control command '" + n +
         "' is not supported (supported: op dc tran ac run reset mc_source set unset let unlet "
         "define print "
         "echo wrdata write meas alter alterparam foreach repeat while dowhile if goto label "
         "break continue setplot setscale destroy save quit)";
}

void check_commands(const std::vector<Command>& commands) {
  for (const Command& c : commands) {
    if (!supported(c.name)) throw ControlError(unsupported_message(c.name), c.loc);
    check_commands(c.body);
    check_commands(c.else_body);
  }
}

class Runner {
 public:
  Runner(session::Session& s, std::ostream& out) : s_(s), out_(&out) {
    plots_.push_back(Plot{"const", "Constant values", "", false, {}});
    variables_["batchmode"] = {""};  // as ngspice -b sets it
    // .csparam values are vectors of the constants plot.
    try {
      for (const auto& [name, value] : s_.circuit().control_params)
        plots_[0].vectors.push_back({name, Vector{value}});
    } catch (const session::SessionError&) {  // no circuit: the block may not need one
    }
  }

  ControlOutcome run() {
    ControlOutcome result;
    try {
      const std::vector<Command> script = parse_control(s_.deck().control);
      check_commands(script);  // before anything runs
      try {
        block(script);
      } catch (const Quit&) {
      } catch (const BreakLoop&) {
      } catch (const ContinueLoop&) {
      } catch (const Goto& jump) {
        throw ControlError("goto " + jump.label + ": no such label around it", jump.loc);
      }
    } catch (const ControlError& e) {
      result.ok = false;
      result.error = e.what();
      result.loc = e.loc;
      result.simulation_failed = simulation_failed_;
    }
    result.warnings = std::move(warnings_);
    result.warning_locs = std::move(warning_locs_);
    result.analyses_run = analyses_run_;
    return result;
  }

 private:
  // ---- control flow ----------------------------------------------------------------------

  // A `goto` jumps to its label in the block it is in or in one around it (ngspice's rule),
  // leaving the loops between.
  void block(const std::vector<Command>& commands) {
    for (size_t k = 0; k < commands.size(); ++k) {
      try {
        command(commands[k]);
      } catch (const Goto& jump) {
        const size_t label = find_label(commands, jump.label);
        if (label == commands.size()) throw;
        if (++jumps_ > kMaxIterations)
          fail("goto " + jump.label + " ran too often: an endless loop?");
        k = label;  // then on past the label
      }
    }
  }

  static size_t find_label(const std::vector<Command>& commands, const std::string& label) {
    for (size_t k = 0; k < commands.size(); ++k)
      if (commands[k].name == "label" && netlist::iequals(trim(commands[k].args), label)) return k;
    return commands.size();
  }

  void loop_body(const std::vector<Command>& body, bool& stop) {
    try {
      block(body);
    } catch (const BreakLoop&) {
      stop = true;
    } catch (const ContinueLoop&) {
    }
  }

  static constexpr long kMaxIterations = 10'000'000;

  void command(const Command& c) {
    loc_ = c.loc;
    const std::string& n = c.name;
    if (n == "foreach") return foreach_loop(c);
    if (n == "repeat") return repeat_loop(c);
    if (n == "while" || n == "dowhile") return while_loop(c);
    if (n == "if") return block(condition(c.args) ? c.body : c.else_body);
    if (n == "break") throw BreakLoop{};
    if (n == "continue") throw ContinueLoop{};
    if (n == "quit" || n == "exit") throw Quit{};
    if (n == "label") return;
    if (n == "goto") throw Goto{netlist::to_lower(trim(c.args)), c.loc};
    std::string args = substitute(c.args);
    if (std::optional<Redirect> r = redirection(args)) return redirected(c, args, *r);
    simple(n, args);
  }

  // ngspice's csh-like output redirection, `print v(out) > file` (`>>` appends), on every
  // command but those that take conditions, where '>' compares.
  struct Redirect {
    std::string path;
    bool append = false;
  };
  static std::optional<Redirect> redirection(std::string& args) {
    int depth = 0;
    bool quoted = false;
    for (size_t k = 0; k < args.size(); ++k) {
      if (args[k] == '"') quoted = !quoted;
      if (quoted) continue;
      depth += args[k] == '(' ? 1 : args[k] == ')' ? -1 : 0;
      if (args[k] != '>' || depth != 0 ||
          (k > 0 && !std::isspace(static_cast<unsigned char>(args[k - 1]))))
        continue;
      const bool append = k + 1 < args.size() && args[k + 1] == '>';
      const std::string path = trim(args.substr(k + (append ? 2 : 1)));
      if (path.empty() || path.find(' ') != std::string::npos) continue;
      args = trim(args.substr(0, k));
      return Redirect{path, append};
    }
    return std::nullopt;
  }

  void redirected(const Command& c, const std::string& args, const Redirect& r) {
    std::ofstream file(r.path, r.append ? std::ios::app : std::ios::trunc);
    if (!file) fail("cannot write " + r.path);
    std::ostream* saved = out_;
    out_ = &file;
    try {
      simple(c.name, args);
    } catch (...) {
      out_ = saved;
      throw;
    }
    out_ = saved;
  }

  // A command that is not control flow, its arguments substituted.
  void simple(const std::string& n, const std::string& args) {
    if (n == "echo") return echo(args);
    if (n == "define") return define(args);
    if (n == "set") return set_variable(args);
    if (n == "unset") {
      for (const std::string& w : words(args)) variables_.erase(netlist::to_lower(w));
      return;
    }
    if (n == "let") return let(args);
    if (n == "unlet") {
      for (const std::string& w : words(args)) unlet(netlist::to_lower(w));
      return;
    }
    if (n == "print") return print(args);
    if (n == "wrdata") return wrdata(args);
    if (n == "write") return write(args);
    if (n == "op") return analysis_op();
    if (n == "dc") return analysis_dc(args);
    if (n == "tran") return analysis_tran(args);
    if (n == "ac") return analysis_ac(args);
    if (n == "run") return run_deck_analyses();
    if (n == "reset") return reset();
    if (n == "mc_source") return mc_source();
    if (n == "alter") return alter(args);
    if (n == "alterparam") return alterparam(args);
    if (n == "meas" || n == "measure") return measure(args);
    if (n == "setplot") return setplot(args);
    if (n == "setscale") return setscale(args);
    if (n == "destroy") return destroy(args);
    if (n == "save") return;     // every vector is kept anyway
    if (n == "settype") return;  // a vector's type only labels ngspice's plots
    if (n == "plot" || n == "gnuplot" || n == "asciiplot" || n == "hardcopy" || n == "iplot")
      return warn("'" + n +
                  "' draws nothing in a batch run; write the vectors with wrdata or write");
    if (n == "rusage" || n == "display" || n == "listing" || n == "show" || n == "version" ||
        n == "status" || n == "showmod")
      return warn("'" + n + "' (an information listing) is not implemented; it was skipped");
    fail(unsupported_message(n));
  }

  // echo: the words with their double quotes taken off, one blank between, as ngspice does.
  void echo(const std::string& args) {
    std::string line;
    for (const std::string& w : words(args)) {
      std::string word;
      for (char ch : w)
        if (ch != '"') word += ch;
      line += (line.empty() ? "" : " ") + word;
    }
    *out_ << line << "\n";
  }

  // define name(a, b, ...) body
  void define(const std::string& args) {
    const size_t open = args.find('('), close = args.find(')');
    if (open == std::string::npos || close == std::string::npos || close < open)
      fail("define needs 'name(parameters) expression'");
    UserFunction f;
    for (std::string p : words(std::string(args.substr(open + 1, close - open - 1)) + " ")) {
      for (char& ch : p)
        if (ch == ',') ch = ' ';
      for (const std::string& q : words(p)) f.params.push_back(netlist::to_lower(q));
    }
    f.body = trim(args.substr(close + 1));
    if (f.body.empty()) fail("define " + trim(args.substr(0, open)) + ": no body");
    functions_[netlist::to_lower(trim(args.substr(0, open)))] = std::move(f);
  }

  void foreach_loop(const Command& c) {
    const std::vector<std::string> w = words(substitute(c.args));
    if (w.empty()) fail("foreach needs a variable and its values");
    const std::string var = netlist::to_lower(w[0]);
    bool stop = false;
    for (size_t k = 1; k < w.size() && !stop; ++k) {
      variables_[var] = {w[k]};
      loop_body(c.body, stop);
    }
  }

  void repeat_loop(const Command& c) {
    const std::string a = trim(substitute(c.args));
    long count = kMaxIterations;
    if (!a.empty()) {
      const std::optional<double> v = netlist::parse_number(a);
      if (!v || *v < 0) fail("repeat needs a count, not '" + a + "'");
      count = static_cast<long>(*v);
    }
    bool stop = false;
    for (long k = 0; k < count && !stop; ++k) loop_body(c.body, stop);
  }

  void while_loop(const Command& c) {
    bool stop = false;
    const bool test_first = c.name == "while";
    for (long k = 0; !stop; ++k) {
      if (k == kMaxIterations)
        fail(c.name + " ran " + std::to_string(kMaxIterations) +
             " times: is its condition ever false?");
      if (test_first && !condition(c.args)) return;
      loop_body(c.body, stop);
      loc_ = c.loc;
      if (!test_first && !condition(c.args)) return;
    }
  }

  bool condition(const std::string& text) {
    const Vector v = expression(substitute(text));
    for (double x : v)
      if (x != 0) return true;
    return false;
  }

  // ---- variables -------------------------------------------------------------------------

  void set_variable(const std::string& args) {
    // set a, set a = 1, set a = ( 1 2 3 ), set a=1 b=2
    std::string t = args;
    size_t k = 0;
    auto skip = [&] {
      while (k < t.size() && std::isspace(static_cast<unsigned char>(t[k]))) ++k;
    };
    while (skip(), k < t.size()) {
      size_t start = k;
      while (k < t.size() && !std::isspace(static_cast<unsigned char>(t[k])) && t[k] != '=') ++k;
      const std::string name = netlist::to_lower(t.substr(start, k - start));
      if (name.empty()) fail("set needs a variable name");
      skip();
      if (k >= t.size() || t[k] != '=') {
        variables_[name] = {""};
        continue;
      }
      ++k;
      skip();
      if (k < t.size() && t[k] == '(') {
        const size_t close = t.find(')', k);
        if (close == std::string::npos) fail("set " + name + " = ( ... has no ')'");
        variables_[name] = words(t.substr(k + 1, close - k - 1));
        k = close + 1;
        continue;
      }
      start = k;
      if (k < t.size() && t[k] == '"') {
        const size_t close = t.find('"', k + 1);
        if (close == std::string::npos) fail("unterminated string in set");
        variables_[name] = {t.substr(k + 1, close - k - 1)};
        k = close + 1;
        continue;
      }
      while (k < t.size() && !std::isspace(static_cast<unsigned char>(t[k]))) ++k;
      variables_[name] = {t.substr(start, k - start)};
    }
  }

  // $name, ${name}, $?name and $&vector replaced by their values, as ngspice does before it
  // runs a command.
  std::string substitute(const std::string& text) {
    std::string out;
    for (size_t k = 0; k < text.size(); ++k) {
      if (text[k] == '{' && k + 1 < text.size() && text[k + 1] == '$') {  // {$name}: braces go
        const size_t close = text.find('}', k);
        if (close != std::string::npos) {
          out += substitute(text.substr(k + 1, close - k - 1));
          k = close;
          continue;
        }
      }
      if (text[k] != '$' || k + 1 >= text.size()) {
        out += text[k];
        continue;
      }
      size_t p = k + 1;
      const bool exists = text[p] == '?';
      const bool vector = text[p] == '&';
      const bool braced = text[p] == '{';
      if (exists || vector || braced) ++p;
      size_t end = p;
      while (end < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_' ||
              (vector &&
               (text[end] == '(' || text[end] == ')' || text[end] == '#' || text[end] == '.'))))
        ++end;
      const std::string name = netlist::to_lower(text.substr(p, end - p));
      if (braced) {
        if (end >= text.size() || text[end] != '}') fail("'${' without '}'");
        ++end;
      }
      if (name.empty()) {
        out += '$';
        continue;
      }
      if (exists) {
        out += variables_.count(name) ? "1" : "0";
      } else if (vector) {
        const Vector v = expression(name);
        for (size_t i = 0; i < v.size(); ++i) {
          char buf[32];
          std::snprintf(buf, sizeof buf, "%g", v[i]);
          out += (i ? " " : "") + std::string(buf);
        }
      } else {
        const auto it = variables_.find(name);
        if (it == variables_.end()) fail("no variable '" + name + "' (set it first)");
        const std::vector<std::string>& list = it->second;
        if (end < text.size() && text[end] == '[') {  // $list[i], 1-based (0 is the first too)
          const size_t close = text.find(']', end);
          if (close == std::string::npos) fail("'$" + name + "[' without ']'");
          const std::optional<double> i =
              netlist::parse_number(substitute(text.substr(end + 1, close - end - 1)));
          if (!i || *i < 0 || *i > static_cast<double>(list.size()))
            fail("$" + name + "[...]: no such element (the list has " +
                 std::to_string(list.size()) + ")");
          out += list[*i < 1 ? 0 : static_cast<size_t>(*i) - 1];
          end = close + 1;
        } else {
          for (size_t i = 0; i < list.size(); ++i) out += (i ? " " : "") + list[i];
        }
      }
      k = end - 1;
    }
    return out;
  }

  // ---- vectors ---------------------------------------------------------------------------

  Plot& current() { return plots_[current_]; }

  std::optional<Vector> lookup(std::string_view name) {
    if (!name.empty() && name[0] == '@') return device_parameter(name);
    if (NamedVector* v = current().find(name)) return v->values;
    if (NamedVector* v = plots_[0].find(name)) return v->values;  // const plot
    // "plot.vector" names a vector of another plot
    if (const size_t dot = name.find('.'); dot != std::string_view::npos)
      for (Plot& p : plots_)
        if (p.name == name.substr(0, dot))
          if (NamedVector* v = p.find(name.substr(dot + 1))) return v->values;
    return std::nullopt;
  }

  // @device[param]: a parameter of a device as the circuit has it now (@v1[dc] a source's
  // value).
  std::optional<Vector> device_parameter(std::string_view text) {
    const size_t open = text.find('['), close = text.find(']');
    if (open == std::string_view::npos || close == std::string_view::npos) return std::nullopt;
    const std::string device(text.substr(1, open - 1)),
        param(text.substr(open + 1, close - open - 1));
    try {
      if ((device[0] == 'v' || device[0] == 'i') && param == "dc")
        return Vector{s_.value(s_.source(device))};
      return Vector{s_.get_param(s_.device(device), canonical_param(device, param))};
    } catch (const session::SessionError& e) {
      fail(std::string(e.what()));
    }
  }

  static std::string canonical_param(const std::string& device, std::string param) {
    if (param.empty() && !device.empty()) param = std::string(1, device[0]);
    if (param == "resistance") return "r";
    if (param == "capacitance") return "c";
    if (param == "inductance") return "l";
    return param;
  }

  Vector expression(const std::string& text) {
    try {
      return evaluate(
          text, [&](std::string_view name) { return lookup(name); },
          [&]() { return current().has_scale ? current().vectors[0].values : Vector{}; },
          [&](std::string_view name) -> const UserFunction* {
            const auto it = functions_.find(std::string(name));
            return it == functions_.end() ? nullptr : &it->second;
          });
    } catch (const ExpressionError& e) {
      fail(std::string(e.what()) + " in '" + text + "'");
    }
  }

  void let(const std::string& args) {
    const size_t eq = args.find('=');
    if (eq == std::string::npos) fail("let needs 'name = expression'");
    std::string name = netlist::to_lower(trim(args.substr(0, eq)));
    const Vector value = expression(args.substr(eq + 1));
    std::optional<size_t> element;
    if (const size_t br = name.find('['); br != std::string::npos) {
      const Vector idx = expression(name.substr(br + 1, name.find(']', br) - br - 1));
      if (idx.size() != 1 || idx[0] < 0) fail("bad index in let " + name);
      element = static_cast<size_t>(std::lround(idx[0]));
      name = trim(name.substr(0, br));
    }
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0])))
      fail("let: '" + name + "' is no vector name");
    // "plot.vector" (const.k) assigns in that plot.
    Plot* target = nullptr;
    if (const size_t dot = name.find('.'); dot != std::string::npos)
      for (Plot& p : plots_)
        if (p.name == name.substr(0, dot)) target = &p, name = name.substr(dot + 1);
    // As ngspice: an existing vector of the current plot, or else of the constants plot (where
    // `let` before any analysis put it), is assigned; otherwise the current plot gains one.
    NamedVector* v = target ? target->exact(name) : current().exact(name);
    if (!v && !target) v = plots_[0].exact(name);
    if (!v) {
      Plot& in = target ? *target : current();
      in.vectors.push_back({name, {}});
      v = &in.vectors.back();
    }
    if (!element) {
      v->values = value;
      return;
    }
    if (value.size() != 1) fail("let " + name + "[...] needs one value");
    v->values.set(*element, value.at(0));
  }

  void unlet(const std::string& name) {
    std::vector<NamedVector>& vs = current().vectors;
    for (size_t k = 0; k < vs.size(); ++k)
      if (vs[k].name == name) {
        vs.erase(vs.begin() + static_cast<long>(k));
        return;
      }
  }

  struct Column {
    std::string name;
    Vector values;
  };

  std::vector<Column> columns(const std::string& args) {
    std::vector<Column> out;
    const std::string t = trim(args);
    if (t.empty() || netlist::iequals(t, "all")) {
      for (size_t k = current().has_scale ? 1 : 0; k < current().vectors.size(); ++k)
        out.push_back({current().vectors[k].name, current().vectors[k].values});
      return out;
    }
    std::vector<ListedExpression> list;
    try {
      list = split_expressions(t);
    } catch (const ExpressionError& e) {
      fail(std::string(e.what()) + " in '" + t + "'");
    }
    for (const ListedExpression& e : list) out.push_back({e.text, expression(e.text)});
    return out;
  }

  // ---- output ----------------------------------------------------------------------------

  // print: `name = value` when every vector has one value, else tables of at most 80 columns
  // as ngspice lays them out (Index 8, the scale and each real column 16, a complex one 32;
  // in an AC plot the scale counts as complex).
  void print(std::string args) {
    std::vector<std::string> w = words(args);
    if (!w.empty() && (w[0] == "col" || w[0] == "line"))
      args = args.substr(args.find(w[0]) + w[0].size());
    std::vector<Column> cols = columns(args);
    size_t longest = 0;
    for (const Column& c : cols) longest = std::max(longest, c.values.size());
    if (longest > 1 && current().has_scale)  // the scale is printed once, as the first column
      std::erase_if(cols, [&](const Column& c) { return c.name == current().vectors[0].name; });
    if (longest <= 1) {
      for (const Column& c : cols)
        *out_ << c.name << " = " << (c.values.empty() ? "(empty)" : format_value(c.values, 0, ","))
              << "\n";
      return;
    }
    const bool scale = current().has_scale;
    const bool complex_plot = current().analysis == "ac";
    const size_t scale_width = !scale ? 0 : complex_plot ? 32 : 16;
    if (cols.empty()) print_table(cols, 0, 0, longest);
    for (size_t first = 0; first < cols.size();) {
      size_t width = 8 + scale_width, last = first;
      while (last < cols.size() &&
             (last == first || width + (cols[last].values.is_complex() ? 32 : 16) <= 80))
        width += cols[last++].values.is_complex() ? 32 : 16;
      print_table(cols, first, last, longest);
      first = last;
    }
  }

  void print_table(const std::vector<Column>& cols, size_t first, size_t last, size_t rows) {
    const bool scale = current().has_scale;
    const std::string rule(80, '-');
    // The title in lower case, as ngspice (which lower-cases the whole deck) prints it.
    *out_ << netlist::to_lower(s_.deck().title) << "\n" << current().type << "\n" << rule << "\n";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%-8s", "Index");
    *out_ << buf;
    if (scale) {
      std::snprintf(buf, sizeof buf, "%-16s", current().vectors[0].name.c_str());
      *out_ << buf;
    }
    for (size_t k = first; k < last; ++k) {
      std::snprintf(buf, sizeof buf, cols[k].values.is_complex() ? "%-32s" : "%-16s",
                    cols[k].name.c_str());
      *out_ << buf;
    }
    *out_ << "\n" << rule << "\n";
    for (size_t i = 0; i < rows; ++i) {
      *out_ << i << "\t";
      if (scale) *out_ << format_number(value_at(current().vectors[0].values, i)) << "\t";
      for (size_t k = first; k < last; ++k)
        *out_ << (i < cols[k].values.size() ? format_value(cols[k].values, i, ",\t")
                                            : std::string(12, ' '))
              << "\t";
      *out_ << "\n";
    }
    *out_ << "\n";
  }

  // wrdata FILE exprs: per row, each vector after its scale (once with wr_singlescale), names
  // on a first row with wr_vecnames; fields "% .8e " as ngspice writes them.
  void wrdata(const std::string& args) {
    const std::vector<std::string> w = words(args);
    if (w.empty()) fail("wrdata needs a file name");
    const std::string path = w[0];
    const std::vector<Column> cols = columns(args.substr(args.find(w[0]) + w[0].size()));
    std::ofstream file(path);
    if (!file) fail("cannot write " + path);
    const bool single = variables_.count("wr_singlescale") > 0;
    const bool names = variables_.count("wr_vecnames") > 0;
    const bool scale = current().has_scale;
    const NamedVector* sc = scale ? &current().vectors[0] : nullptr;
    char buf[64];
    if (names) {
      for (size_t k = 0; k < cols.size(); ++k) {
        if (sc && (k == 0 || !single))
          std::snprintf(buf, sizeof buf, " %-15s", sc->name.c_str()), file << buf;
        std::snprintf(buf, sizeof buf, " %-15s", cols[k].name.c_str());
        file << buf;
        if (cols[k].values.is_complex()) file << buf;  // over its imaginary column too
      }
      file << "\n";
    }
    size_t rows = 0;
    for (const Column& c : cols) rows = std::max(rows, c.values.size());
    for (size_t i = 0; i < rows; ++i) {
      for (size_t k = 0; k < cols.size(); ++k) {
        if (sc && (k == 0 || !single))
          std::snprintf(buf, sizeof buf, "% .8e ", value_at(sc->values, i)), file << buf;
        const Vector& v = cols[k].values;
        std::snprintf(buf, sizeof buf, "% .8e ", value_at(v, i));
        file << buf;
        if (v.is_complex()) {  // the imaginary part in a column of its own
          std::snprintf(buf, sizeof buf, "% .8e ", imag_at(v, i));
          file << buf;
        }
      }
      file << "\n";
    }
    if (!file) fail("cannot write " + path);
  }

  // write [FILE [exprs]]: an ngspice raw file of the current plot (binary, or ASCII with
  // `set filetype=ascii`), its scale first.
  void write(const std::string& args) {
    const std::vector<std::string> w = words(args);
    const std::string path = w.empty() ? "rawspice.raw" : w[0];
    const std::string rest = w.empty() ? "" : args.substr(args.find(w[0]) + w[0].size());
    const std::vector<Column> cols = columns(rest);
    engine::Results r;
    r.analysis = current().analysis.empty() ? "unknown" : current().analysis;
    r.title = s_.deck().title;
    std::vector<const Vector*> data;
    if (current().has_scale) {
      r.signals.push_back(current().vectors[0].name);
      data.push_back(&current().vectors[0].values);
    }
    // A branch current's vector "v1#branch" is written as i(v1), as ngspice writes it.
    for (const Column& c : cols) {
      const size_t hash = c.name.rfind("#branch");
      const bool branch = hash != std::string::npos && hash + 7 == c.name.size();
      r.signals.push_back(branch ? "i(" + c.name.substr(0, hash) + ")" : c.name);
      data.push_back(&c.values);
    }
    size_t rows = 0;
    for (const Vector* v : data) rows = std::max(rows, v->size());
    const bool complex =
        std::any_of(data.begin(), data.end(), [](const Vector* v) { return v->is_complex(); });
    // A vector shorter than the plot (a scalar `let` in a transient's plot) is written with
    // zeros after its values, as ngspice's `write` pads it.
    for (size_t i = 0; i < rows; ++i) {
      std::vector<double> row, imag;
      for (const Vector* v : data) {
        const bool inside = i < v->size();
        row.push_back(inside ? value_at(*v, i) : 0.0);
        imag.push_back(inside ? imag_at(*v, i) : 0.0);
      }
      r.rows.push_back(std::move(row));
      if (complex) r.imag.push_back(std::move(imag));
    }
    const auto type = variables_.find("filetype");
    const bool ascii = type != variables_.end() && !type->second.empty() &&
                       netlist::iequals(type->second[0], "ascii");
    // With `set appendwrite` each write adds its plot to the file, as ngspice's raw files hold
    // several plots one after another.
    const bool append = variables_.count("appendwrite") > 0;
    std::ofstream file(path, append ? std::ios::binary | std::ios::app : std::ios::binary);
    if (!file) fail("cannot write " + path);
    io::write_raw(r, file, ascii);
    if (!file) fail("cannot write " + path);
  }

  // ---- analyses --------------------------------------------------------------------------

  void add_plot(const std::string& analysis, const session::Outcome& outcome) {
    static const std::map<std::string, std::string> kTypes = {{"op", "Operating Point"},
                                                              {"dc", "DC transfer characteristic"},
                                                              {"tran", "Transient Analysis"},
                                                              {"ac", "AC Analysis"}};
    int& count = plot_counts_[analysis];
    Plot p{analysis + std::to_string(++count), kTypes.at(analysis), analysis, analysis != "op", {}};
    const engine::Results& r = outcome.results;
    for (size_t k = 0; k < r.signals.size(); ++k) {
      std::vector<double> re, im;
      for (size_t row = 0; row < r.rows.size(); ++row) {
        re.push_back(r.rows[row][k]);
        if (r.is_complex() && k > 0) im.push_back(r.imag[row][k]);  // the frequency stays real
      }
      p.vectors.push_back({r.signals[k], Vector(std::move(re), std::move(im))});
    }
    if (analysis == "dc" && !p.vectors.empty()) p.vectors[0].name = sweep_scale_name_;
    plots_.push_back(std::move(p));
    current_ = plots_.size() - 1;
    ++analyses_run_;
  }

  void run_analysis(const netlist::FlatAnalysis& a) {
    session::Outcome outcome;
    try {
      outcome = s_.run(a);
    } catch (const session::SessionError& e) {
      fail(e.what());
    }
    if (!outcome.results.rows.empty()) add_plot(a.name, outcome);
    if (!outcome.status.ok) {
      simulation_failed_ = !outcome.status.input_error;
      fail("." + a.name + " failed: " + outcome.status.message);
    }
    deck_measures(a.name, !outcome.results.rows.empty());
  }

  // ngspice evaluates the deck's .meas cards of an analysis after each run of it in a control
  // block and prints them under "Measurements for ... Analysis", reading the new plot as its
  // `meas` command does (AC: real parts, vp in radians).
  void deck_measures(const std::string& analysis, bool plotted) {
    const netlist::Circuit& c = s_.circuit();
    if (!plotted || std::none_of(c.measures.begin(), c.measures.end(),
                                 [&](const auto& m) { return m.analysis == analysis; }))
      return;
    const std::vector<engine::MeasureResult> measured = engine::evaluate_measures(
        c.measures, analysis, current_plot_table(c.measures, analysis), c.params);
    *out_ << "  Measurements for "
          << (analysis == "tran" ? "Transient"
              : analysis == "ac" ? "AC"
                                 : "DC")
          << " Analysis\n";
    char line[160];
    for (const engine::MeasureResult& m : measured) {
      if (m.failed)
        std::snprintf(line, sizeof line, "%-20s=  failed\n", m.name.c_str());
      else
        std::snprintf(line, sizeof line, "%-20s=  %e\n", m.name.c_str(), m.value);
      *out_ << line;
    }
  }

  void analysis_op() {
    netlist::FlatAnalysis a;
    a.kind = netlist::AnalysisKind::op;
    a.name = "op";
    run_analysis(a);
  }

  double number(const std::string& text, const char* what) {
    const std::optional<double> v = netlist::parse_number(text);
    if (!v) fail(std::string(what) + ": '" + text + "' is not a number");
    return *v;
  }

  // dc SRC start stop step [SRC2 start2 stop2 step2]: sources or temp.
  void analysis_dc(const std::string& args) {
    const std::vector<std::string> w = words(args);
    if (w.size() != 4 && w.size() != 8) fail("dc needs 'source start stop step' (once or twice)");
    netlist::FlatAnalysis a;
    a.kind = netlist::AnalysisKind::dc;
    a.name = "dc";
    a.loc = loc_;
    for (size_t k = 0; k < w.size(); k += 4) {
      netlist::FlatSweep sweep;
      sweep.variable = netlist::to_lower(w[k]);
      const double start = number(w[k + 1], "dc"), stop = number(w[k + 2], "dc"),
                   step = number(w[k + 3], "dc");
      if (step == 0 || (stop - start) / step < 0)
        fail("dc: the step does not lead from start to stop");
      const long n = static_cast<long>(std::floor((stop - start) / step * (1 + 1e-12) + 1e-9)) + 1;
      for (long i = 0; i < n; ++i) sweep.points.push_back(start + static_cast<double>(i) * step);
      if (sweep.variable == "temp") {
        sweep.target = netlist::FlatSweep::Target::temperature;
      } else {
        try {
          (void)s_.source(sweep.variable);
        } catch (const session::SessionError&) {
          fail("dc: '" + w[k] +
               "' is no independent source of the circuit (dc sweeps of "
               "resistors are not supported)");
        }
        sweep.target = netlist::FlatSweep::Target::source;
      }
      a.sweeps.push_back(sweep);  // the first listed is the innermost, the plot's scale
    }
    const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0][0])));
    sweep_scale_name_ = a.sweeps.front().target == netlist::FlatSweep::Target::temperature
                            ? "temp-sweep"
                            : (first == 'i' ? "i-sweep" : "v-sweep");
    run_analysis(a);
  }

  // ac dec|oct|lin N fstart fstop
  void analysis_ac(const std::string& args) {
    const std::vector<std::string> w = words(args);
    if (w.size() != 4) fail("ac needs 'dec|oct|lin points fstart fstop'");
    const std::string kind = netlist::to_lower(w[0]);
    using Kind = netlist::Sweep::Kind;
    const Kind k = kind == "dec"   ? Kind::dec
                   : kind == "oct" ? Kind::oct
                   : kind == "lin" ? Kind::lin
                                   : Kind::list;
    if (k == Kind::list) fail("ac: '" + w[0] + "' is not dec, oct or lin");
    netlist::FlatAnalysis a;
    a.kind = netlist::AnalysisKind::ac;
    a.name = "ac";
    a.loc = loc_;
    std::string error;
    a.frequencies = netlist::sweep_points(k, number(w[2], "ac"), number(w[3], "ac"),
                                          number(w[1], "ac"), error, true);
    if (!error.empty()) fail("ac: " + error);
    run_analysis(a);
  }

  // tran tstep tstop [tstart [tmax]] [uic]
  void analysis_tran(const std::string& args) {
    std::vector<std::string> w = words(args);
    netlist::FlatAnalysis a;
    a.kind = netlist::AnalysisKind::tran;
    a.name = "tran";
    a.loc = loc_;
    if (!w.empty() && netlist::iequals(w.back(), "uic")) a.uic = true, w.pop_back();
    if (w.size() < 2 || w.size() > 4) fail("tran needs 'tstep tstop [tstart [tmax]] [uic]'");
    a.tstep = number(w[0], "tran");
    a.tstop = number(w[1], "tran");
    if (w.size() > 2) a.tstart = number(w[2], "tran");
    a.tmax = w.size() > 3 ? number(w[3], "tran") : 0;
    if (a.tstep <= 0 || a.tstop <= a.tstart) fail("tran: needs tstep > 0 and tstop > tstart");
    run_analysis(a);
  }

  void run_deck_analyses() {
    if (s_.analysis_count() == 0) fail("run: the deck has no analysis statement");
    for (size_t k = 0; k < s_.analysis_count(); ++k) {
      const netlist::FlatAnalysis a = s_.analysis(k);
      if (a.kind != netlist::AnalysisKind::op && a.kind != netlist::AnalysisKind::dc &&
          a.kind != netlist::AnalysisKind::tran && a.kind != netlist::AnalysisKind::ac)
        fail("run: ." + a.name + " is not simulated yet (only .op, .dc, .ac and .tran)");
      sweep_scale_name_ = "v-sweep";
      if (a.kind == netlist::AnalysisKind::dc && !a.sweeps.empty()) {
        const netlist::FlatSweep& inner = a.sweeps.front();
        if (inner.target == netlist::FlatSweep::Target::temperature)
          sweep_scale_name_ = "temp-sweep";
        else if (!inner.variable.empty() && inner.variable[0] == 'i')
          sweep_scale_name_ = "i-sweep";
        else if (inner.target != netlist::FlatSweep::Target::source)
          sweep_scale_name_ = inner.variable;
      }
      run_analysis(a);
    }
  }

  // ngspice reloads the deck, agauss() and its siblings drawing anew: the next sample.
  void mc_source() {
    try {
      s_.set_monte_carlo_sample(s_.monte_carlo_sample().value_or(1) + 1);
    } catch (const session::SessionError& e) {
      return fail(e.what());
    }
    reset();
  }

  void reset() {
    try {
      s_.reset();
    } catch (const session::SessionError& e) {
      fail(e.what());
    }
    if (!s_.ok()) fail("reset: the circuit could not be set up again");
  }

  // ---- changes ---------------------------------------------------------------------------

  // alter DEV = VALUE | alter DEV VALUE | alter DEV PARAM = VALUE | alter @DEV[PARAM] = VALUE
  // alter @v1[sin] [ 0 1 1k ]: a source's transient function and its values.
  bool alter_waveform(const std::string& args) {
    const size_t open = args.find('['), close = args.find(']');
    const size_t list = close == std::string::npos ? std::string::npos : args.find('[', close);
    if (args.empty() || trim(args)[0] != '@' || list == std::string::npos) return false;
    const std::string device =
        netlist::to_lower(trim(args.substr(trim(args).find('@') + 1, open - args.find('@') - 1)));
    const std::string kind = netlist::to_lower(trim(args.substr(open + 1, close - open - 1)));
    static const std::pair<const char*, netlist::SourceFunction> kFunctions[] = {
        {"sin", netlist::SourceFunction::sin},   {"pulse", netlist::SourceFunction::pulse},
        {"pwl", netlist::SourceFunction::pwl},   {"exp", netlist::SourceFunction::exp},
        {"sffm", netlist::SourceFunction::sffm}, {"am", netlist::SourceFunction::am}};
    const auto* f = std::find_if(std::begin(kFunctions), std::end(kFunctions),
                                 [&](const auto& p) { return kind == p.first; });
    if (f == std::end(kFunctions)) return false;
    const size_t end = args.find(']', list);
    if (end == std::string::npos) fail("alter " + device + ": missing ']' after the values");
    std::vector<double> values;
    for (const std::string& w : words(args.substr(list + 1, end - list - 1)))
      values.push_back(number(w, "alter"));
    try {
      s_.set_waveform(s_.source(device), f->second, values);
    } catch (const session::SessionError& e) {
      fail(std::string("alter: ") + e.what());
    }
    return true;
  }

  void alter(const std::string& args) {
    if (alter_waveform(args)) return;
    // The value is an expression (a vector of one value); it is the last word unless '='
    // comes before it.
    std::string t = args, value_text;
    if (const size_t eq = t.find('='); eq != std::string::npos) {
      value_text = t.substr(eq + 1);
      t = t.substr(0, eq) + " 0";
    }
    std::vector<std::string> w = words(t);
    if (value_text.empty() && !w.empty()) value_text = w.back();
    std::string device, param;
    if (w.size() == 2 && w[0][0] == '@') {
      const size_t br = w[0].find('['), close = w[0].find(']');
      if (br == std::string::npos || close == std::string::npos)
        fail("alter: expected @device[param]");
      device = w[0].substr(1, br - 1);
      param = w[0].substr(br + 1, close - br - 1);
    } else if (w.size() == 2 || w.size() == 3) {
      device = w[0];
      if (w.size() == 3) param = w[1];
    } else {
      fail("alter needs 'device = value' or 'device param = value'");
    }
    const Vector values = expression(value_text);
    if (values.size() != 1) fail("alter: the value '" + trim(value_text) + "' is not one number");
    const double value = values[0];
    device = netlist::to_lower(device);
    param = netlist::to_lower(param);
    try {
      const char kind = device.empty() ? 0 : device[0];
      if ((kind == 'v' || kind == 'i') && (param.empty() || param == "dc")) {
        s_.set(s_.source(device), value);
        return;
      }
      if (param.empty() && kind != 'r' && kind != 'c' && kind != 'l')
        fail("alter " + device + ": name the parameter (alter " + device + " param = value)");
      s_.set_param(s_.device(device), canonical_param(device, param), value);
    } catch (const session::SessionError& e) {
      fail(std::string("alter: ") + e.what());
    }
  }

  // alterparam NAME = VALUE: a .param, from the next reset on (as in ngspice).
  void alterparam(const std::string& args) {
    std::string t = args;
    for (char& ch : t)
      if (ch == '=') ch = ' ';
    const std::vector<std::string> w = words(t);
    if (w.size() != 2)
      fail("alterparam needs 'name = value' (parameters of subcircuits are not supported)");
    try {
      s_.override_param(w[0], number(w[1], "alterparam"));
    } catch (const session::SessionError& e) {
      fail(std::string("alterparam: ") + e.what());
    }
  }

  // meas ANALYSIS NAME ...: the .measure forms, on the current plot if it is of that analysis.
  void measure(const std::string& args) {
    const std::vector<std::string> w = words(args);
    if (w.size() < 3) fail("meas needs 'analysis name ...'");
    const std::string analysis = netlist::to_lower(w[0]);
    if (current().analysis != analysis)
      fail("meas " + analysis + ": the current plot is " + current().name + ", not of a ." +
           analysis);
    // Read as a .meas card, then elaborated with the circuit (its signals are checked there).
    netlist::ParseResult parsed = netlist::parse_deck_text("meas\n.meas " + args + "\n", "meas");
    netlist::Diagnostics diag;
    netlist::Circuit c;
    if (parsed.ok()) {
      netlist::Deck deck = s_.deck();
      deck.measures = parsed.deck.measures;
      // As ngspice: a value may name a vector of one value (meas ... when v(out)=half, with
      // `let half = ...` or an earlier measure's result), unless a parameter has that name.
      for (const Plot* plot : {&plots_[0], &current()})
        for (const NamedVector& v : plot->vectors)
          if (v.values.size() == 1 && is_plain_name(v.name) &&
              std::none_of(deck.params.begin(), deck.params.end(),
                           [&](const netlist::Param& p) { return p.name == v.name; }))
            deck.params.push_back({v.name, netlist::Value::of(v.values[0])});
      c = netlist::elaborate(deck, devices::builtin_elaborate_options(), diag);
    }
    if (!parsed.ok() || diag.has_errors() || c.measures.empty()) {
      const netlist::Diagnostics& d = parsed.ok() ? diag : parsed.diagnostics;
      fail("meas: " + (d.items().empty() ? std::string("cannot read it") : d.items()[0].message));
    }
    const std::vector<engine::MeasureResult> m = engine::evaluate_measures(
        c.measures, analysis, current_plot_table(c.measures, analysis), c.params);
    for (const engine::MeasureResult& x : m) {
      if (x.failed) fail("meas " + x.name + " failed: " + x.why);
      *out_ << x.name << " = " << format_number(x.value) << "\n";
      NamedVector* v = current().exact(x.name);
      if (!v) current().vectors.push_back({x.name, {}}), v = &current().vectors.back();
      v->values = {x.value};
    }
  }

  // A vector name that reads as a parameter name: a letter or '_', then letters, digits, '_'.
  static bool is_plain_name(std::string_view n) {
    if (n.empty() || !(std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_')) return false;
    return std::all_of(n.begin(), n.end(), [](char ch) {
      return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
    });
  }

  // The current plot as a measure reads it (ngspice's rules: below).
  engine::Results current_plot_table(const std::vector<netlist::FlatMeasure>& measures,
                                     const std::string& analysis) {
    engine::Results r;
    r.analysis = analysis;
    for (const NamedVector& v : current().vectors) r.signals.push_back(v.name);
    if (current().analysis == "dc" && !r.signals.empty()) r.signals[0] = "v-sweep";
    const size_t rows = current().vectors.empty() ? 0 : current().vectors[0].values.size();
    for (size_t i = 0; i < rows; ++i) {
      std::vector<double> row;
      for (const NamedVector& v : current().vectors)
        row.push_back(i < v.values.size() ? v.values[i] : 0.0);
      r.rows.push_back(std::move(row));
    }
    if (current().analysis == "ac") add_ac_forms(measures, r);
    return r;
  }

  // An AC plot's vectors enter a measure by their real parts, as in ngspice; the forms
  // vm vdb vp vr vi (im idb ip ir ii) a measure names are added from the complex vector, the
  // phase in radians (ngspice's unit; .measure in a deck gives degrees, as HSPICE does).
  void add_ac_forms(const std::vector<netlist::FlatMeasure>& measures, engine::Results& r) {
    for (const std::string& name : engine::measured_signals(measures, "ac")) {
      if (std::find(r.signals.begin(), r.signals.end(), name) != r.signals.end()) continue;
      const size_t open = name.find('(');
      if (open == std::string::npos || open < 2) continue;
      netlist::OutputVar v;
      v.function = name.substr(0, open);
      v.args = {name.substr(open + 1, name.size() - open - 2)};
      const NamedVector* base = current().find(engine::ac_underlying_signal(v));
      if (!base) continue;
      const std::string form = v.function.substr(1);
      r.signals.push_back(name);
      for (size_t i = 0; i < r.rows.size(); ++i) {
        const Complex z = i < base->values.size() ? base->values.at(i) : Complex(0);
        r.rows[i].push_back(form == "db"  ? 20 * std::log10(std::abs(z))
                            : form == "p" ? std::arg(z)
                            : form == "r" ? z.real()
                            : form == "i" ? z.imag()
                                          : std::abs(z));
      }
    }
  }

  void setplot(const std::string& args) {
    const std::string name = netlist::to_lower(trim(args));
    if (name == "new") {  // an empty plot for let's vectors
      plots_.push_back(
          Plot{"unknown" + std::to_string(++plot_counts_["unknown"]), "Scratch", "", false, {}});
      current_ = plots_.size() - 1;
      return;
    }
    for (size_t k = 0; k < plots_.size(); ++k)
      if (plots_[k].name == name) {
        current_ = k;
        return;
      }
    fail("setplot: no plot '" + name + "'");
  }

  // setscale VECTOR: that vector of the current plot becomes its scale (first).
  void setscale(const std::string& args) {
    const std::string name = netlist::to_lower(trim(args));
    std::vector<NamedVector>& vs = current().vectors;
    for (size_t k = 0; k < vs.size(); ++k)
      if (vs[k].name == name) {
        std::rotate(vs.begin(), vs.begin() + static_cast<long>(k),
                    vs.begin() + static_cast<long>(k) + 1);
        current().has_scale = true;
        return;
      }
    fail("setscale: no vector '" + name + "' in plot " + current().name);
  }

  void destroy(const std::string& args) {
    const std::vector<std::string> w = words(args);
    for (const std::string& name : w) {
      for (size_t k = 1; k < plots_.size(); ++k)
        if (name == "all" || plots_[k].name == name) {
          plots_.erase(plots_.begin() + static_cast<long>(k--));
        }
    }
    if (w.empty() && current_ > 0) plots_.erase(plots_.begin() + static_cast<long>(current_));
    current_ = plots_.size() - 1;
  }

  // ---- errors ----------------------------------------------------------------------------

  [[noreturn]] void fail(const std::string& message) { throw ControlError(message, loc_); }
  void warn(const std::string& message) {
    warnings_.push_back(message);
    warning_locs_.push_back(loc_);
  }

  session::Session& s_;
  std::ostream* out_;
  std::vector<Plot> plots_;
  size_t current_ = 0;
  std::map<std::string, int> plot_counts_;
  std::map<std::string, std::vector<std::string>> variables_;
  std::map<std::string, UserFunction> functions_;
  long jumps_ = 0;
  std::string sweep_scale_name_ = "v-sweep";
  netlist::SourceLoc loc_;
  bool simulation_failed_ = false;
  std::vector<std::string> warnings_;
  std::vector<netlist::SourceLoc> warning_locs_;
  size_t analyses_run_ = 0;
};

}  // namespace

std::optional<ControlError> check_control(const std::vector<netlist::ControlText>& lines) {
  try {
    check_commands(parse_control(lines));
  } catch (const ControlError& e) {
    return e;
  }
  return std::nullopt;
}

ControlOutcome run_control(session::Session& s, std::ostream& out) {
  return Runner(s, out).run();
}

}  // namespace xb::control
