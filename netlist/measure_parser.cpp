#include "netlist/measure_parser.hpp"

#include <string>

namespace xb::netlist {
namespace {

class MeasureReader {
 public:
  MeasureReader(CardCursor& c, Measure& m) : c_(c), m_(m), diag_(c.diag()) {}

  bool body() {
    if (c_.done()) return error(c_.loc(), "measure " + m_.name + " says nothing to measure");
    if (c_.is_keyword("param")) return param();
    if (!c_.is_word())
      return error(c_.loc(), "expected a measure kind (TRIG, FIND, WHEN, AVG, ...)");
    const Token& kind = c_.next();
    const std::string k = to_lower(kind.text);
    if (k == "trig") {
      m_.kind = MeasureKind::trig_targ;
      if (!point(m_.trig, /*val_form=*/true)) return false;
      if (!c_.is_keyword("targ")) return error(c_.loc(), "TARG expected after the TRIG point");
      c_.next();
      return point(m_.targ, true) && finished();
    }
    if (k == "find" || k == "deriv" || k == "derivative") {
      m_.kind = k == "find" ? MeasureKind::find : MeasureKind::deriv;
      if (!signal(m_.signal, m_.signal_loc)) return false;
      if (!c_.is_keyword("at") && !c_.is_keyword("when"))
        return error(c_.loc(), std::string(kind.text) + " needs AT=time or WHEN sig=value");
      return point(m_.trig, false) && window() && finished();
    }
    if (k == "when") {
      m_.kind = MeasureKind::when;
      return crossing(m_.trig.when, false) && window() && finished();
    }
    static const std::pair<const char*, MeasureKind> kStats[] = {
        {"avg", MeasureKind::avg},        {"rms", MeasureKind::rms},
        {"min", MeasureKind::min},        {"max", MeasureKind::max},
        {"pp", MeasureKind::pp},          {"integ", MeasureKind::integ},
        {"integral", MeasureKind::integ}, {"min_at", MeasureKind::min_at},
        {"max_at", MeasureKind::max_at}};
    for (const auto& [name, stat] : kStats)
      if (k == name) {
        m_.kind = stat;
        return signal(m_.signal, m_.signal_loc) && window() && finished();
      }
    return error(kind.loc, "unknown measure kind '" + std::string(kind.text) +
                               "' (TRIG, FIND, DERIV, WHEN, AVG, RMS, MIN, MAX, MIN_AT, MAX_AT, "
                               "PP, INTEG, PARAM)");
  }

 private:
  bool error(SourceLoc loc, const std::string& text) {
    diag_.error("bad-measure", loc, text);
    return false;
  }

  bool signal(std::string& out, SourceLoc& loc) {
    return parse_signal_name(c_, out, loc, "bad-measure");
  }
  static bool is_signal_function(std::string_view word) {
    return iequals(word, "v") || iequals(word, "i") || iequals(word, "par");
  }

  // "name = value" at the cursor, for a name in `names`; the value read as a Value.
  bool named_value(std::optional<Value>& out) {
    c_.next();  // name
    c_.next();  // '='
    if (c_.done()) return error(c_.loc(), "a value is missing after '='");
    out = c_.read_value();
    return true;
  }

  // AT=t, WHEN sig=v [...], or (TRIG/TARG) sig VAL=v [...].
  bool point(MeasurePoint& p, bool val_form) {
    if (c_.at_named() && c_.is_keyword("at")) return named_value(p.at);
    if (c_.is_keyword("when")) {
      c_.next();
      return crossing(p.when, false);
    }
    if (!val_form) return error(c_.loc(), "expected AT=time or WHEN sig=value");
    return crossing(p.when, true);
  }

  // sig=v (WHEN) or sig VAL=v (TRIG/TARG), then RISE/FALL/CROSS and TD in any order.
  bool crossing(MeasureCrossing& x, bool val_form) {
    if (!signal(x.signal, x.signal_loc)) return false;
    if (val_form) {
      if (!(c_.at_named() && c_.is_keyword("val")))
        return error(c_.loc(), "VAL= expected after " + x.signal);
      c_.next();
    } else if (c_.peek().kind != TokenKind::equals) {
      return error(c_.loc(), "WHEN needs " + x.signal + "=value");
    }
    c_.next();  // '='
    if (c_.done()) return error(c_.loc(), "a value is missing after '='");
    if (!val_form && c_.is_word() && c_.peek(1).kind == TokenKind::lparen &&
        is_signal_function(c_.peek().text)) {  // WHEN v(a)=v(b)
      if (!signal(x.value_signal, x.value_signal_loc)) return false;
    } else {
      x.value = c_.read_value();
    }
    while (c_.at_named()) {
      const std::string key = to_lower(c_.peek().text);
      if (key == "td") {
        if (!named_value(x.td)) return false;
        continue;
      }
      if (key != "rise" && key != "fall" && key != "cross") break;
      x.edge = key == "rise"   ? MeasureEdge::rise
               : key == "fall" ? MeasureEdge::fall
                               : MeasureEdge::cross;
      c_.next();
      c_.next();
      const Token& n = c_.next();
      if (iequals(n.text, "last")) {
        x.count = -1;
        continue;
      }
      const Value v = c_.value_of(n);
      if (v.is_expression() || v.number < 1 || v.number != static_cast<int>(v.number))
        return error(n.loc, key + "= takes a whole number from 1 or LAST");
      x.count = static_cast<int>(v.number);
    }
    return true;
  }

  bool window() {
    while (c_.at_named()) {
      if (c_.is_keyword("from")) {
        if (!named_value(m_.from)) return false;
      } else if (c_.is_keyword("to")) {
        if (!named_value(m_.to)) return false;
      } else {
        break;
      }
    }
    return true;
  }

  // PARAM='expr', or ngspice's PARAM expr without '='.
  bool param() {
    c_.next();  // PARAM
    if (c_.peek().kind == TokenKind::equals) c_.next();
    if (c_.done()) return error(c_.loc(), "PARAM= needs an expression");
    const Token& t = c_.peek();
    const SourceLoc loc = c_.loc();
    std::string text;
    if (t.kind == TokenKind::quoted || t.kind == TokenKind::braced) {
      c_.next();
      m_.expr = Expression::parse(t.text, expression_loc(t), diag_);
    } else {
      text = c_.rest_text();  // unquoted: the rest of the line
      m_.expr = Expression::parse(text, loc, diag_);
    }
    m_.kind = MeasureKind::param;
    return m_.expr != nullptr && finished();
  }

  bool finished() {
    if (c_.done()) return true;
    return error(c_.loc(),
                 "unexpected '" + std::string(c_.peek().text) + "' in measure " + m_.name);
  }

  CardCursor& c_;
  Measure& m_;
  Diagnostics& diag_;
};

}  // namespace

bool parse_signal_name(CardCursor& c, std::string& out, SourceLoc& loc, const char* bad_kind) {
  loc = c.loc();
  auto error = [&](SourceLoc at, const std::string& text) {
    c.diag().error(bad_kind, at, text);
    return false;
  };
  if (!c.is_word() || c.peek(1).kind != TokenKind::lparen)
    return error(loc, "expected a signal such as v(out) or i(v1)");
  if (iequals(c.peek().text, "par")) {  // par('expression'): named by its text, as .print names it
    c.next();
    c.next();
    const Token& body = c.next();
    if (body.kind != TokenKind::quoted && body.kind != TokenKind::braced)
      return error(body.loc, "par() takes a quoted expression: par('v(a)*v(b)')");
    ExprPtr e = Expression::parse(body.text, expression_loc(body), c.diag());
    if (!e) return false;
    if (c.done() || c.peek().kind != TokenKind::rparen) return error(loc, "missing ')' after par(");
    c.next();
    out = "par(" + e->text() + ")";
    return true;
  }
  out = to_lower(c.next().text) + "(";
  c.next();
  bool first = true;
  while (!c.done() && c.peek().kind != TokenKind::rparen) {
    const Token& a = c.next();
    if (a.kind == TokenKind::comma) continue;
    if (a.kind != TokenKind::word) return error(a.loc, "expected a node or element name");
    out += (first ? "" : ",") + to_lower(a.text);
    first = false;
  }
  if (c.done()) return error(loc, "missing ')' in signal " + out);
  c.next();
  if (first) return error(loc, "signal " + out + ") names nothing");
  out += ")";
  return true;
}

bool parse_measure_body(CardCursor& c, Measure& m) {
  return MeasureReader(c, m).body();
}

}  // namespace xb::netlist
