#include "netlist/element_parser.hpp"

#include <cctype>
#include <unordered_set>

#include "netlist/number.hpp"

namespace xb::netlist {
namespace {

bool is_source_keyword(std::string_view w) {
  static const char* kw[] = {"dc",  "ac",   "pulse", "pwl",     "sin",    "sine",
                             "exp", "sffm", "am",    "distof1", "distof2"};
  for (const char* k : kw)
    if (iequals(w, k)) return true;
  return false;
}

SourceFunction source_function(std::string_view w) {
  if (iequals(w, "pulse")) return SourceFunction::pulse;
  if (iequals(w, "pwl")) return SourceFunction::pwl;
  // SINE is LTspice's spelling of SIN.
  if (iequals(w, "sin") || iequals(w, "sine")) return SourceFunction::sin;
  if (iequals(w, "exp")) return SourceFunction::exp;
  if (iequals(w, "sffm")) return SourceFunction::sffm;
  if (iequals(w, "am")) return SourceFunction::am;
  return SourceFunction::none;
}

bool read_node(CardCursor& c, Element& el, const char* what) {
  if (!c.is_word() || c.at_named()) {
    c.diag().error("too-few-nodes", c.loc(),
                   "element " + el.name + " needs " + what + (c.done() ? ", line ends" : ""));
    return false;
  }
  el.nodes.push_back(to_lower(c.next().text));
  return true;
}

bool read_nodes(CardCursor& c, Element& el, size_t n) {
  el.nodes.reserve(el.nodes.size() + n);
  for (size_t i = 0; i < n; ++i) {
    if (c.is_word() && !c.at_named()) {
      el.nodes.push_back(to_lower(c.next().text));
      continue;
    }
    const std::string what = std::to_string(n) + " nodes";
    return read_node(c, el, what.c_str());  // reports what is missing
  }
  return true;
}

// name=value pairs and the HSPICE/ngspice parameter keywords up to the end of the line.
bool read_params(CardCursor& c, Element& el) {
  while (!c.done()) {
    c.skip_commas();
    if (c.done()) break;
    if (c.is_keyword("params:")) {
      c.next();
      continue;
    }
    if (!c.at_named()) {
      c.diag().error("syntax", c.loc(),
                     "unexpected '" + std::string(c.peek().text) + "' in element " + el.name +
                         ": expected name=value");
      return false;
    }
    const Token& name = c.next();
    c.next();
    std::string key = to_lower(name.text);
    auto values = c.read_named_values();
    if (values.empty()) return false;
    if (key == "ic" && el.kind == 't') {  // a line's IC=v1,i1,v2,i2
      static const char* kNames[] = {"v1", "i1", "v2", "i2"};
      for (size_t i = 0; i < values.size() && i < 4; ++i)
        el.params.push_back({kNames[i], values[i]});
      continue;
    }
    if (key == "tc" && values.size() >= 1) {  // tc=tc1[,tc2]
      el.params.push_back({"tc1", values[0]});
      if (values.size() > 1) el.params.push_back({"tc2", values[1]});
      continue;
    }
    el.params.push_back({key, values[0]});
  }
  return true;
}

// B source: "v=" or "i=" and an expression. ngspice lets an unquoted expression run to the end
// of the line with blanks and signs anywhere ("v = v(a)*v(a) +1"), so a value that is not one
// quoted or braced token takes the whole rest of the card.
bool read_behavioural(CardCursor& c, Element& el) {
  const bool single =
      c.at_named() &&
      (c.peek(2).kind == TokenKind::quoted || c.peek(2).kind == TokenKind::braced) &&
      (c.peek(3).kind == TokenKind::comma || c.at_named(3));
  if (!c.at_named() || single) return read_params(c, el);
  const Token& name = c.next();
  c.next();
  const std::string key = to_lower(name.text);
  if (c.done()) {
    c.diag().error("syntax", name.loc, "B source " + el.name + ": " + key + "= needs a value");
    return false;
  }
  const SourceLoc at = c.loc();
  // Tokens joined as written, with a blank only where two names or numbers would merge.
  std::string text;
  auto word_char = [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.';
  };
  while (!c.done()) {
    const Token& t = c.next();
    std::string piece(t.text);
    if (t.kind == TokenKind::quoted || t.kind == TokenKind::braced) piece = "(" + piece + ")";
    if (!text.empty() && !piece.empty() && word_char(text.back()) && word_char(piece.front()))
      text += ' ';
    text += piece;
  }
  ExprPtr e = Expression::parse(text, at, c.diag());
  if (!e) return false;
  el.params.push_back({key, Value{0, e, at}});
  return true;
}

// DC value, AC magnitude/phase and transient function of V and I sources.
bool read_source(CardCursor& c, Element& el) {
  auto spec = std::make_shared<SourceSpec>();
  el.source = spec;
  SourceSpec& s = *spec;
  // "0v (PULSE 0 5 ...) (AC 1v)": ngspice reads a function or an AC or DC part in parentheses.
  bool wrapped = false;
  while (!c.done()) {
    c.skip_commas();
    if (c.done()) break;
    if (!wrapped && c.peek().kind == TokenKind::lparen && c.is_word(1) &&
        (source_function(c.peek(1).text) != SourceFunction::none || iequals(c.peek(1).text, "ac") ||
         iequals(c.peek(1).text, "dc"))) {
      c.next();
      wrapped = true;
      continue;
    }
    if (wrapped && c.peek().kind == TokenKind::rparen) {
      c.next();
      wrapped = false;
      continue;
    }
    if (c.is_keyword("dc")) {
      c.next();
      if (c.peek().kind == TokenKind::equals) c.next();
      if (!c.at_value()) return c.diag().error("syntax", c.loc(), "DC needs a value"), false;
      s.dc = c.read_value();
    } else if (c.is_keyword("ac")) {
      c.next();
      if (c.peek().kind == TokenKind::equals) c.next();
      s.ac_magnitude = c.at_value() && !c.is_word()                        ? c.read_value()
                       : c.at_value() && !is_source_keyword(c.peek().text) ? c.read_value()
                                                                           : Value::of(1);
      c.skip_commas();
      if (c.at_value() && (!c.is_word() || !is_source_keyword(c.peek().text)))
        s.ac_phase = c.read_value();
    } else if (c.is_keyword("distof1") || c.is_keyword("distof2")) {
      // ngspice's distortion inputs (magnitude, phase) matter only to .disto, which is not
      // simulated (its statement is an error there): read and set aside.
      c.next();
      for (int k = 0; k < 2 && c.at_value() && (!c.is_word() || !is_source_keyword(c.peek().text));
           ++k) {
        c.read_value();
        c.skip_commas();
      }
    } else if (c.is_word() && source_function(c.peek().text) != SourceFunction::none) {
      if (s.function != SourceFunction::none)
        return c.diag().error("syntax", c.loc(),
                              "element " + el.name + " has two transient functions"),
               false;
      s.function_loc = c.peek().loc;
      s.function = source_function(c.next().text);
      bool paren = c.peek().kind == TokenKind::lparen;
      if (paren) c.next();
      while (!c.done()) {
        c.skip_commas();
        if (paren && c.peek().kind == TokenKind::rparen) break;
        if (!c.at_value() || (!paren && c.is_word() && is_source_keyword(c.peek().text))) break;
        if (s.function == SourceFunction::pwl && !paren &&
            (c.is_keyword("r") || c.is_keyword("td")))
          break;
        s.args.push_back(c.read_value());
      }
      if (paren) {
        if (c.peek().kind != TokenKind::rparen)
          return c.diag().error("unterminated-paren", s.function_loc,
                                "missing ')' after source function arguments"),
                 false;
        c.next();
      }
      if (s.args.empty())
        return c.diag().error("syntax", s.function_loc, "source function needs arguments"), false;
      // PWL options: R (repeat from 0), R=time, TD=delay.
      while (s.function == SourceFunction::pwl && (c.is_keyword("r") || c.is_keyword("td"))) {
        const Token& o = c.next();
        std::string key = to_lower(o.text);
        if (c.peek().kind == TokenKind::equals) {
          c.next();
          auto v = c.read_named_values();
          if (v.empty()) return false;
          s.options.push_back({key, v[0]});
        } else {
          s.options.push_back({key, Value::of(0, o.loc)});
        }
      }
    } else if (c.at_named()) {
      const Token& name = c.next();
      c.next();
      std::string key = to_lower(name.text);
      auto v = c.read_named_values();
      if (v.empty()) return false;
      if (key == "dc")
        s.dc = v[0];
      else if (key == "ac")
        s.ac_magnitude = v[0];
      else if (key == "td" || key == "r")
        s.options.push_back({key, v[0]});
      else
        el.params.push_back({key, v[0]});
    } else if (c.is_keyword("pwlz") && c.peek(1).kind == TokenKind::lparen) {
      return c.diag().error("unsupported", c.loc(),
                            "PWLZ (HSPICE's PWL with high-impedance 'z' points) is not simulated "
                            "yet: write the driver as a PWL source through a switch"),
             false;
    } else if (c.at_value() && !s.dc && s.function == SourceFunction::none && !s.ac_magnitude) {
      s.dc = c.read_value();
    } else {
      return c.diag().error("syntax", c.loc(),
                            "unexpected '" + std::string(c.peek().text) + "' in source " + el.name),
             false;
    }
  }
  return true;
}

// Positional words up to the first name=value: nodes and model of D M Q J, split later.
void read_words(CardCursor& c, Element& el) {
  while (!c.done() && !c.at_named() && !c.is_keyword("params:")) {
    const Token& t = c.peek();
    if (t.kind == TokenKind::word)
      el.nodes.push_back(to_lower(c.next().text));
    else if (t.kind == TokenKind::quoted || t.kind == TokenKind::braced)
      el.values.push_back(c.read_value());
    else if (t.kind == TokenKind::comma)
      c.next();
    else
      break;
  }
}

bool parse_controlled(CardCursor& c, Element& el) {
  if (!read_nodes(c, el, 2)) return false;
  if (c.at_named() && (c.is_keyword("vol") || c.is_keyword("cur") || c.is_keyword("value") ||
                       c.is_keyword("v") || c.is_keyword("i")))
    return read_params(c, el);
  if (c.is_keyword("poly") && c.peek(1).kind == TokenKind::lparen) {
    c.next();
    c.next();
    if (!c.at_value()) return c.diag().error("syntax", c.loc(), "POLY needs a dimension"), false;
    Value dim = c.read_value();
    if (c.peek().kind != TokenKind::rparen)
      return c.diag().error("unterminated-paren", c.loc(), "missing ')' after POLY(n"), false;
    c.next();
    el.model = "poly";
    el.values.push_back(dim);
    auto dimension = dim.is_expression() ? std::nullopt : count_value(dim.number, 1, 64);
    if (!dimension)
      return c.diag().error("syntax", dim.loc, "POLY dimension must be a whole number 1..64"),
             false;
    size_t pairs = *dimension;
    bool current_controlled = el.kind == 'f' || el.kind == 'h';
    for (size_t i = 0; i < pairs; ++i) {
      if (current_controlled) {
        if (!c.is_word())
          return c.diag().error("syntax", c.loc(), "POLY needs controlling sources"), false;
        el.refs.push_back(to_lower(c.next().text));
      } else if (!read_nodes(c, el, 2)) {
        return false;
      }
    }
    while (c.at_value()) el.values.push_back(c.read_value()), c.skip_commas();
    return read_params(c, el);
  }
  if (el.kind == 'f' || el.kind == 'h') {
    if (!c.is_word())
      return c.diag().error("syntax", c.loc(),
                            "element " + el.name + " needs a controlling voltage source"),
             false;
    el.refs.push_back(to_lower(c.next().text));
  } else {
    if (c.is_keyword("opamp")) {
      c.next();
      el.model = "opamp";
    }
    if (!read_nodes(c, el, 2)) return false;
  }
  if (!c.at_value()) {
    if (el.model == "opamp") return read_params(c, el);
    return c.diag().error("syntax", c.loc(), "element " + el.name + " needs a gain"), false;
  }
  el.values.push_back(c.read_value());
  return read_params(c, el);
}

// Element letters SPICE dialects use for devices xbspice does not have: what they are.
const char* unsupported_element(char kind) {
  switch (kind) {
    case 'z':
      return "MESFETs (Z)";
    case 'o':
      return "lossy transmission lines (O, ngspice's LTRA)";
    case 'y':
      return "lossy transmission lines (Y, ngspice's TXL)";
    case 'p':
      return "coupled multiconductor lines (P, ngspice's CPL)";
    case 'a':
      return "XSPICE code models (A)";
    case 'u':
      return "distributed RC lines (U, SPICE's URC; HSPICE's U lossy lines)";
    case 'n':
      return "compiled Verilog-A devices (N, ngspice's OSDI)";
    default:
      return nullptr;
  }
}

// A switch: its nodes, for W the controlling voltage source, the model, then ON or OFF.
bool read_switch(CardCursor& c, Element& el) {
  if (!read_nodes(c, el, el.kind == 's' ? 4 : 2)) return false;
  if (el.kind == 'w') {
    if (!c.is_word() || c.at_named())
      return c.diag().error("syntax", c.loc(),
                            "switch " + el.name + " needs its controlling voltage source"),
             false;
    el.refs.push_back(to_lower(c.next().text));
  }
  if (!c.is_word() || c.at_named())
    return c.diag().error("missing-model", c.loc(), "switch " + el.name + " needs a model name"),
           false;
  el.model = to_lower(c.next().text);
  if (c.is_keyword("on") || c.is_keyword("off"))
    el.params.push_back({to_lower(c.next().text), Value::of(1, el.loc)});
  return read_params(c, el);
}

}  // namespace

std::optional<Element> parse_element(CardCursor& c) {
  const Token& name_tok = c.next();
  Element el;
  el.name = to_lower(name_tok.text);
  el.kind = el.name[0];
  el.loc = name_tok.loc;
  bool ok = true;
  switch (el.kind) {
    case 'r':
    case 'c':
    case 'l':
      ok = read_nodes(c, el, 2);
      if (!ok) break;
      // Optional model name (or a parameter name: decided once all models are known), value.
      if (c.is_word() && !c.at_named() && !parse_number(c.peek().text))
        el.model = to_lower(c.next().text);
      c.skip_commas();
      if (c.at_value()) el.values.push_back(c.read_value());
      ok = read_params(c, el);
      break;
    case 'v':
    case 'i':
      ok = read_nodes(c, el, 2) && read_source(c, el);
      break;
    case 'e':
    case 'g':
    case 'f':
    case 'h':
      ok = parse_controlled(c, el);
      break;
    case 'b':
      ok = read_nodes(c, el, 2) && read_behavioural(c, el);
      if (ok && el.params.empty()) {
        c.diag().error("syntax", el.loc, "B source " + el.name + " needs v={expr} or i={expr}");
        ok = false;
      }
      break;
    case 'k':
      for (int i = 0; i < 2 && ok; ++i) {
        if (!c.is_word() || c.at_named()) {
          c.diag().error("too-few-nodes", c.loc(),
                         "mutual inductance " + el.name + " needs two inductors");
          ok = false;
        } else {
          el.refs.push_back(to_lower(c.next().text));
        }
      }
      if (ok && c.at_value()) el.values.push_back(c.read_value());
      ok = ok && read_params(c, el);
      break;
    case 'd':
    case 'm':
    case 'q':
    case 'j':
      read_words(c, el);
      ok = read_params(c, el);
      break;
    case 't':  // T p1 n1 p2 n2 Z0= TD= [F= NL=] [IC=v1,i1,v2,i2]
      ok = read_nodes(c, el, 4) && read_params(c, el);
      break;
    case 's':  // S a b cp cn model [ON|OFF]
    case 'w':  // W a b vcontrol model [ON|OFF]
      ok = read_switch(c, el);
      break;
    case 'x':
      read_words(c, el);
      if (el.nodes.empty()) {
        c.diag().error("syntax", el.loc, "subcircuit call " + el.name + " names no subcircuit");
        ok = false;
        break;
      }
      if (!el.values.empty()) {
        c.diag().error("syntax", el.values.front().loc, "expressions are not nodes: in " + el.name);
        ok = false;
        break;
      }
      el.model = el.nodes.back();
      el.nodes.pop_back();
      ok = read_params(c, el);
      break;
    default:
      if (const char* feature = unsupported_element(el.kind)) {
        c.diag().error("unsupported", el.loc,
                       "element " + el.name + ": " + feature + " are not simulated by xbspice");
        return std::nullopt;
      }
      c.diag().error("unknown-element", el.loc,
                     "unknown element type '" + std::string(1, name_tok.text[0]) + "' in " +
                         std::string(name_tok.text));
      return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return el;
}

namespace {

void collect_models(const Body& body, std::unordered_set<std::string>& names) {
  for (const Model& m : body.models) names.insert(m.name);
  for (const Subckt& s : body.subckts) collect_models(s.body, names);
}

void split_device_words(Element& el, const std::unordered_set<std::string>& models,
                        Diagnostics& diag) {
  // Which word is the model: MOSFET d g s [b] m, BJT c b e [s] m, JFET d g s m, diode a k m.
  size_t min_nodes = el.kind == 'd' ? 2 : 3;
  size_t max_nodes = el.kind == 'd' || el.kind == 'j' ? min_nodes : 4;
  size_t model_at = SIZE_MAX;
  for (size_t n = min_nodes; n <= max_nodes; ++n)  // the most nodes wins: "m1 d g s b nmos"
    if (n < el.nodes.size() && models.count(el.nodes[n])) model_at = n;
  if (model_at == SIZE_MAX) model_at = std::min(el.nodes.size() - 1, max_nodes);
  if (el.nodes.size() <= min_nodes) return;  // elaboration reports the missing model
  el.model = el.nodes[model_at];
  std::vector<Value> trailing;
  for (size_t i = model_at + 1; i < el.nodes.size(); ++i) {
    const std::string& w = el.nodes[i];
    if (auto v = parse_number(w))
      trailing.push_back(Value::of(*v, el.loc));
    else if (w == "off")
      el.params.push_back({"off", Value::of(1, el.loc)});
    else if (ExprPtr e = Expression::parse(w, el.loc, diag))
      trailing.push_back(Value{0, e, el.loc});
  }
  el.nodes.resize(model_at);
  el.values.insert(el.values.begin(), trailing.begin(), trailing.end());
}

void resolve_body(Body& body, const std::unordered_set<std::string>& models, Diagnostics& diag) {
  for (Element& el : body.elements) {
    if (el.kind == 'd' || el.kind == 'm' || el.kind == 'q' || el.kind == 'j') {
      split_device_words(el, models, diag);
    } else if ((el.kind == 'r' || el.kind == 'c' || el.kind == 'l') && !el.model.empty() &&
               !models.count(el.model)) {
      // "R1 a b rval": not a model, so a parameter (or expression) giving the value.
      Diagnostics scratch;
      ExprPtr e = Expression::parse(el.model, el.loc, scratch);
      if (e && el.values.empty()) el.values.push_back(Value{0, e, el.loc});
      if (e) el.model.clear();
    }
  }
  for (Subckt& s : body.subckts) resolve_body(s.body, models, diag);
}

}  // namespace

void resolve_element_models(Deck& deck, Diagnostics& diag) {
  std::unordered_set<std::string> models;
  collect_models(deck, models);
  for (const AlterBlock& a : deck.alters) collect_models(a, models);
  resolve_body(deck, models, diag);
  for (AlterBlock& a : deck.alters) resolve_body(a, models, diag);
}

}  // namespace xb::netlist
