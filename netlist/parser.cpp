#include "netlist/parser.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_set>

#include "netlist/card_cursor.hpp"
#include "netlist/element_parser.hpp"
#include "netlist/lexer.hpp"
#include "netlist/measure_parser.hpp"
#include "netlist/number.hpp"

namespace xb::netlist {
namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxIncludeDepth = 64;

std::optional<std::string> read_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  // Into a string of the file's size: a stream buffer would copy a large deck as it grows.
  const auto size = fs::file_size(path, ec);
  if (ec) return std::nullopt;
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (in.bad()) return std::nullopt;
  text.resize(static_cast<size_t>(in.gcount()));
  return text;
}

class Parser {
 public:
  Parser(Deck& deck, Diagnostics& diag) : deck_(deck), diag_(diag), stmts_(&deck) {}

  void run_top(FileId file) {
    process(file, /*top=*/true, nullptr);
    if (pending_data_) diag_.error("syntax", pending_data_->loc, ".data without .enddata");
    if (!conditionals_.empty())
      diag_.error("syntax", conditionals_.back().loc, ".if without .endif");
    if (!open_subckts_.empty())
      diag_.error("missing-ends", open_subckts_.back().loc,
                  "subcircuit '" + open_subckts_.back().name + "' has no .ends");
    resolve_element_models(deck_, diag_);
  }

 private:
  // ---- files -------------------------------------------------------------------------------

  // Processes a file's cards. With `section`, only cards inside `.lib section` ... `.endl` run.
  void process(FileId file, bool top, const std::string* section) {
    LexOptions lo;
    lo.first_line_is_title = top;
    LexedFile lexed = lex_file(*deck_.sources, file, lo, diag_);
    for (ControlLine& line : lexed.control)
      deck_.control.push_back({std::move(line.text), line.loc});
    if (top) {
      deck_.title = std::string(lexed.title);
      if (lexed.cards.empty() && lexed.title.empty() && !diag_.has_errors())
        diag_.error("empty-deck", SourceLoc{file, 1, 1}, "deck is empty");
    }
    // Most cards of a large deck are elements: one allocation for them (see the lexer).
    if (top) body().elements.reserve(lexed.cards.size());
    bool section_found = false;
    std::string skipping_section;  // a .lib section being skipped
    bool in_selected = false;
    for (const CardRange& card : lexed.cards) {
      const Token* b = lexed.tokens.data() + card.begin;
      const Token* e = lexed.tokens.data() + card.end;
      bool is_lib = iequals(b->text, ".lib");
      bool is_endl = iequals(b->text, ".endl");
      if (!skipping_section.empty() || (section && !in_selected)) {
        // Outside the wanted section: look only for section boundaries.
        if (is_endl) {
          skipping_section.clear();
        } else if (is_lib && e - b == 2 && section && !in_selected && skipping_section.empty()) {
          if (iequals(b[1].text, *section)) {
            in_selected = section_found = true;
          } else {
            skipping_section = to_lower(b[1].text);
          }
        }
        continue;
      }
      if (is_lib && e - b == 2 && b[1].kind == TokenKind::word) {
        // A section definition met in normal flow: only runs when selected by .lib 'file' name.
        skipping_section = to_lower(b[1].text);
        continue;
      }
      if (is_endl) {
        if (in_selected) {
          in_selected = false;
          continue;
        }
        diag_.error("syntax", b->loc, ".endl without .lib section");
        continue;
      }
      if (pending_data_) {
        data_card(b, e);
        continue;
      }
      // .end closes the deck; in an included file (vendor model files carry one) only that file.
      if (iequals(b->text, ".end")) break;
      card_(b, e, file);
    }
    if (section && !section_found && !lexed.cards.empty() && current_include_loc_.valid())
      diag_.error("missing-lib-section", current_include_loc_,
                  "library section '" + *section + "' not found in '" +
                      deck_.sources->file(file).path + "'");
  }

  void include(const Token& kw, CardCursor& c, FileId from, bool is_lib) {
    if (c.done() || (c.peek().kind != TokenKind::word && c.peek().kind != TokenKind::quoted &&
                     c.peek().kind != TokenKind::string)) {
      diag_.error("syntax", c.loc(),
                  std::string("expected a file name after ") + std::string(kw.text));
      return;
    }
    const Token& name_tok = c.next();
    std::string name(name_tok.text);
    std::replace(name.begin(), name.end(), '\\', '/');
    std::string section;
    if (is_lib) {
      if (c.done()) {
        diag_.error("syntax", c.loc(), ".lib 'file' needs a section name");
        return;
      }
      section = to_lower(c.next().text);
    }
    fs::path base = fs::path(deck_.sources->file(from).path).parent_path();
    fs::path candidate = fs::path(name).is_absolute() ? fs::path(name) : base / name;
    std::error_code ec;
    if (!fs::exists(candidate, ec) && fs::exists(name, ec)) candidate = name;
    std::string key = fs::weakly_canonical(candidate, ec).string() + "#" + section;
    if (std::find(include_stack_.begin(), include_stack_.end(), key) != include_stack_.end()) {
      std::string chain;
      for (const std::string& k : include_stack_) chain += k.substr(0, k.find('#')) + " -> ";
      diag_.error("include-loop", name_tok.loc, "include loop: " + chain + candidate.string());
      return;
    }
    if (include_stack_.size() >= kMaxIncludeDepth) {
      diag_.error("include-loop", name_tok.loc, "includes nested deeper than 64 files");
      return;
    }
    auto text = read_file(candidate.string());
    if (!text) {
      diag_.error("missing-include", name_tok.loc,
                  std::string("cannot open ") + (is_lib ? "library" : "include") + " file '" +
                      name + "' (looked for " + candidate.string() + ")");
      return;
    }
    FileId id = deck_.sources->add(candidate.string(), std::move(*text), kw.loc);
    stmts_->included_files.push_back({candidate.string(), kw.loc});
    include_stack_.push_back(key);
    SourceLoc saved = current_include_loc_;
    current_include_loc_ = name_tok.loc;
    process(id, false, is_lib ? &section : nullptr);
    current_include_loc_ = saved;
    include_stack_.pop_back();
  }

  // ---- cards -------------------------------------------------------------------------------

  Body& body() { return open_subckts_.empty() ? *stmts_ : open_subckts_.back().body; }

  // ---- .if / .elseif / .else / .endif ----------------------------------------------------

  struct Conditional {
    bool active, taken, outer_active;
    SourceLoc loc;
  };
  std::vector<Conditional> conditionals_;
  bool active() const { return conditionals_.empty() || conditionals_.back().active; }

  // The top-level parameters as parsed so far (the last definition of a name wins).
  class ParamsSoFar : public EvalContext {
   public:
    explicit ParamsSoFar(const Statements& s) : s_(s) {}
    std::optional<double> param(std::string_view name) const override {
      for (auto it = s_.params.rbegin(); it != s_.params.rend(); ++it) {
        if (it->name != name) continue;
        if (!it->value.expr) return it->value.number;
        if (++depth_ > 100) return std::nullopt;
        EvalResult r = it->value.expr->evaluate(*this);
        --depth_;
        return r.ok() ? std::optional<double>(r.value) : std::nullopt;
      }
      return std::nullopt;
    }
    const UserFunction* function(std::string_view name) const override {
      for (const FunctionDef& f : s_.functions)
        if (f.name == name) return &f.function;
      return nullptr;
    }

   private:
    const Statements& s_;
    mutable int depth_ = 0;
  };

  bool condition(CardCursor& c, SourceLoc loc) {
    const std::string text = c.rest_text();
    ExprPtr e = Expression::parse(text, c.loc(), diag_);
    if (!e) return false;
    const ParamsSoFar params(*stmts_);
    const EvalResult r = e->evaluate(params);
    if (!r.ok()) {
      diag_.error("bad-condition", loc, ".if condition '" + text + "': " + r.error);
      return false;
    }
    for (const std::string& name : e->parameter_names())
      deck_.condition_params.push_back({name, params.param(name).value_or(0), loc});
    return r.value != 0;
  }

  // Takes .if/.elseif/.else/.endif and every card of a branch not taken; true when the card
  // was consumed here.
  bool conditional(const Token* b, const Token* e) {
    const std::string k = b->kind == TokenKind::word ? to_lower(b->text) : "";
    if (k != ".if" && k != ".elseif" && k != ".else" && k != ".endif") return !active();
    CardCursor c(b, e, diag_);
    const SourceLoc loc = c.next().loc;
    if (k == ".if") {
      if (!open_subckts_.empty()) {
        diag_.error("unsupported", loc,
                    ".if inside a subcircuit (its parameters differ per instance) is not "
                    "supported yet");
        conditionals_.push_back({false, true, false, loc});
        return true;
      }
      const bool outer = active(), yes = outer && condition(c, loc);
      conditionals_.push_back({yes, yes, outer, loc});
      return true;
    }
    if (conditionals_.empty()) {
      diag_.error("syntax", loc, k + " without .if");
      return true;
    }
    Conditional& top = conditionals_.back();
    if (k == ".endif") {
      conditionals_.pop_back();
    } else if (k == ".else") {
      top.active = top.outer_active && !top.taken;
      top.taken = true;
    } else {
      const bool yes = top.outer_active && !top.taken && condition(c, loc);
      top.active = yes;
      top.taken = top.taken || yes;
    }
    return true;
  }

  void card_(const Token* b, const Token* e, FileId file) {
    if (conditional(b, e)) return;
    const Token& first = *b;
    if (first.kind != TokenKind::word) {
      diag_.error("syntax", first.loc,
                  "a statement must start with an element name or a "
                  "'.' command, found '" +
                      std::string(first.text) + "'");
      return;
    }
    if (first.text[0] == '.') {
      dot_statement(b, e, file);
      return;
    }
    CardCursor c(b, e, diag_);
    if (auto el = parse_element(c)) {
      Body& target = body();
      target.elements.push_back(std::move(*el));
    }
  }

  void dot_statement(const Token* b, const Token* e, FileId file) {
    CardCursor c(b, e, diag_);
    const Token& kw = c.next();
    std::string k = to_lower(kw.text);
    if (k == ".include" || k == ".inc") return include(kw, c, file, false);
    if (k == ".lib") return include(kw, c, file, true);
    if (k == ".subckt") return subckt(c, kw.loc);
    if (k == ".ends") return ends(c, kw.loc);
    if (k == ".model") return model(c, kw.loc);
    if (k == ".param" || k == ".params") return params(c, body().params);
    if (k == ".func") return function_def(c, kw.loc);  // a subcircuit's own, or global
    if (k == ".alter") return alter(c, kw.loc);
    if (k == ".title") {
      deck_.title = c.rest_text();
      return;
    }
    if (!open_subckts_.empty() && k != ".ic" && k != ".nodeset" && k != ".global") {
      diag_.error("syntax", kw.loc,
                  std::string(kw.text) + " is not allowed inside .subckt '" +
                      open_subckts_.back().name + "'");
      return;
    }
    if (k == ".op") return op(c, kw.loc);
    if (k == ".dc") return dc(c, kw.loc);
    if (k == ".tran") return tran(c, kw.loc);
    if (k == ".ac") return ac(c, kw.loc);
    if (k == ".tf") return tf(c, kw.loc, false);
    if (k == ".sens" && !sens_is_ac(c)) return tf(c, kw.loc, true);
    if (k == ".four" || k == ".fourier") return fourier(c, kw.loc);
    if (k == ".noise" || k == ".pz" || k == ".sens" || k == ".disto" || k == ".fft" ||
        k == ".pss" || k == ".sp" || k == ".hb") {
      diag_.warning("unsupported-analysis", kw.loc,
                    std::string(kw.text) + " is kept but not simulated by xbspice");
      Analysis a;
      a.kind = AnalysisKind::other;
      a.name = k.substr(1);
      a.text = c.rest_text();
      a.loc = kw.loc;
      stmts_->analyses.push_back(std::move(a));
      return;
    }
    if (k == ".print" || k == ".probe" || k == ".plot" || k == ".save" || k == ".graph")
      return print(c, kw.loc, k != ".print" && k != ".plot");
    if (k == ".measure" || k == ".meas") return measure(c, kw.loc);
    if (k == ".option" || k == ".options" || k == ".opt" || k == ".opts") return options(c);
    if (k == ".temp" || k == ".temperature") {
      c.skip_commas();
      if (c.done()) diag_.error("syntax", kw.loc, ".temp needs a temperature");
      while (!c.done()) {
        if (c.at_named()) {
          c.next();
          c.next();
        }
        stmts_->temperatures.push_back(c.read_value());
        c.skip_commas();
      }
      return;
    }
    if (k == ".global") {
      while (!c.done()) {
        const Token& t = c.next();
        if (t.kind == TokenKind::word) stmts_->globals.push_back({to_lower(t.text), t.loc});
      }
      return;
    }
    if (k == ".ic" || k == ".nodeset")
      return initial(c, k == ".ic" ? stmts_->initial_conditions : stmts_->nodesets);
    if (k == ".data") return data_start(c, kw.loc);
    if (k == ".enddata") {
      diag_.error("syntax", kw.loc, ".enddata without .data");
      return;
    }
    if (k == ".hdl") {
      if (c.done()) return (void)diag_.error("syntax", kw.loc, ".hdl needs a file name");
      const Token& t = c.next();
      stmts_->hdl_files.push_back({std::string(t.text), t.loc});
      return;
    }
    if (k == ".csparam") return params(c, stmts_->control_params);
    if (k == ".protect" || k == ".unprotect" || k == ".prot" || k == ".unprot" || k == ".width")
      return;
    diag_.warning("unknown-statement", kw.loc,
                  "unknown statement '" + std::string(kw.text) + "' ignored");
  }

  // ---- .subckt -----------------------------------------------------------------------------

  void subckt(CardCursor& c, SourceLoc loc) {
    if (!c.is_word()) {
      diag_.error("syntax", c.loc(), ".subckt needs a name");
      return;
    }
    Subckt s;
    s.name = to_lower(c.next().text);
    s.loc = loc;
    while (!c.done()) {
      if (c.is_keyword("params:") || c.is_keyword("param:")) {
        c.next();
        continue;
      }
      if (c.is_keyword("params") && c.peek(1).kind == TokenKind::word && c.peek(1).text == ":") {
        c.next();
        c.next();
        continue;
      }
      if (c.at_named()) {
        const Token& name = c.next();
        c.next();
        auto values = c.read_named_values();
        if (!values.empty())
          s.defaults.push_back(Param{to_lower(name.text), values.front(), name.loc});
        continue;
      }
      const Token& t = c.next();
      if (t.kind != TokenKind::word) {
        diag_.error("syntax", t.loc, "unexpected '" + std::string(t.text) + "' in .subckt line");
        continue;
      }
      s.ports.push_back(to_lower(t.text));
    }
    open_subckts_.push_back(std::move(s));
  }

  void ends(CardCursor& c, SourceLoc loc) {
    if (open_subckts_.empty()) {
      diag_.error("unexpected-ends", loc, ".ends without .subckt");
      return;
    }
    if (c.is_word() && !iequals(c.peek().text, open_subckts_.back().name))
      diag_.error("syntax", c.peek().loc,
                  ".ends " + std::string(c.peek().text) + " closes subcircuit '" +
                      open_subckts_.back().name + "'");
    Subckt done = std::move(open_subckts_.back());
    open_subckts_.pop_back();
    body().subckts.push_back(std::move(done));
  }

  // ---- .model / .param / .option ----------------------------------------------------------

  void model(CardCursor& c, SourceLoc loc) {
    if (!c.is_word() || !c.is_word(1)) {
      diag_.error("syntax", c.loc(), ".model needs a name and a type");
      return;
    }
    Model m;
    m.name = to_lower(c.next().text);
    m.type = to_lower(c.next().text);
    m.loc = loc;
    int depth = 0;
    while (!c.done()) {
      TokenKind kind = c.peek().kind;
      if (kind == TokenKind::lparen)
        ++depth, c.next();
      else if (kind == TokenKind::rparen)
        --depth, c.next();
      else if (kind == TokenKind::comma)
        c.next();
      else if (c.at_named()) {
        const Token& name = c.next();
        c.next();
        // version=4.5.0 (BSIM cards): a word, not a number; the device that reads the card
        // decides what it means.
        if (iequals(name.text, "version") && c.is_word() && !parse_number(c.peek().text)) {
          m.words.emplace_back("version", to_lower(c.next().text));
          continue;
        }
        auto values = c.read_named_values();
        if (!values.empty()) m.params.push_back({to_lower(name.text), values.front()});
      } else if (c.is_word()) {
        const Token& word = c.next();
        const Token& next = c.peek();
        const bool value_follows =
            !c.done() && !parse_number(word.text) &&
            (next.kind == TokenKind::quoted || next.kind == TokenKind::braced ||
             (next.kind == TokenKind::word && parse_number(next.text)));
        if (value_follows)  // SPICE2 writes "name value" (.model n1 nmos(vto 0.77 kp 4.9e-5))
          m.params.push_back({to_lower(word.text), c.read_value()});
        else  // a flag parameter such as "nonoise"
          m.params.push_back({to_lower(word.text), Value::of(1, word.loc)});
      } else {
        diag_.error("syntax", c.loc(),
                    "unexpected '" + std::string(c.peek().text) + "' in .model " + m.name);
        c.next();
      }
    }
    if (depth != 0)
      diag_.error("unterminated-paren", loc, "unbalanced parentheses in .model " + m.name);
    body().models.push_back(std::move(m));
  }

  void params(CardCursor& c, std::vector<Param>& out) {
    if (c.done()) diag_.error("syntax", c.loc(), ".param needs name=value");
    while (!c.done()) {
      c.skip_commas();
      if (c.done()) break;
      if (c.is_word() && c.peek(1).kind == TokenKind::lparen) return function_def(c, c.loc());
      if (!c.at_named()) {
        diag_.error("syntax", c.loc(),
                    "expected name=value in .param, found '" + std::string(c.peek().text) + "'");
        return;
      }
      const Token& name = c.next();
      c.next();
      auto values = c.read_named_values();
      if (values.empty()) return;
      out.push_back(Param{to_lower(name.text), values.front(), name.loc});
    }
  }

  // name(a, b) [=] expression: the body is the rest of the card ('...', {...} or bare).
  void function_def(CardCursor& c, SourceLoc loc) {
    if (!c.is_word() || c.peek(1).kind != TokenKind::lparen)
      return (void)diag_.error("syntax", c.loc(), ".func needs name(parameters) expression");
    FunctionDef def;
    def.name = to_lower(c.next().text);
    def.loc = loc;
    c.next();  // (
    while (!c.done() && c.peek().kind != TokenKind::rparen) {
      const Token& t = c.next();
      if (t.kind == TokenKind::comma) continue;
      if (t.kind != TokenKind::word)
        return (void)diag_.error("syntax", t.loc, "expected a parameter name in .func " + def.name);
      def.function.params.push_back(to_lower(t.text));
    }
    if (c.done()) return (void)diag_.error("syntax", loc, "missing ')' in .func " + def.name);
    c.next();  // )
    if (!c.done() && c.peek().kind == TokenKind::equals) c.next();
    if (c.done()) return (void)diag_.error("syntax", loc, ".func " + def.name + " has no body");
    const SourceLoc body_loc = c.loc();
    const bool single = c.peek().kind == TokenKind::quoted || c.peek().kind == TokenKind::braced;
    const std::string text = single ? std::string(c.peek().text) : c.rest_text();
    if (single) c.next();
    if (!c.done())
      diag_.error("syntax", c.loc(), "unexpected text after the body of .func " + def.name);
    def.function.body = Expression::parse(text, body_loc, diag_);
    if (def.function.body) body().functions.push_back(std::move(def));
  }

  void options(CardCursor& c) {
    while (!c.done()) {
      c.skip_commas();
      if (c.done()) break;
      if (c.at_named()) {
        const Token& name = c.next();
        c.next();
        if (c.is_word() && !parse_number(c.peek().text) && !c.at_named(0) &&
            c.peek(1).kind != TokenKind::lparen) {
          // Word values such as method=gear are kept as their text.
          const Token& w = c.next();
          Value v{0, Expression::parse(w.text, w.loc, diag_), w.loc};
          stmts_->options.push_back({to_lower(name.text), v});
          continue;
        }
        auto values = c.read_named_values();
        if (!values.empty()) stmts_->options.push_back({to_lower(name.text), values.front()});
      } else {
        const Token& flag = c.next();
        if (flag.kind == TokenKind::word)
          stmts_->options.push_back({to_lower(flag.text), Value::of(1, flag.loc)});
      }
    }
  }

  // ---- analyses ----------------------------------------------------------------------------

  void add_analysis(AnalysisKind kind, const char* name, CardCursor& c, SourceLoc loc) {
    Analysis a;
    a.kind = kind;
    a.name = name;
    a.loc = loc;
    a.text = c.rest_text();
    stmts_->analyses.push_back(std::move(a));
  }

  // `.op sweep monte=N` runs an operating point per sample: HSPICE's `.dc sweep monte=N`.
  void op(CardCursor& c, SourceLoc loc) {
    if (!c.done() && c.is_keyword("sweep") && c.at_named(1) && c.is_keyword("monte", 1)) {
      c.next();
      Analysis a;
      a.kind = AnalysisKind::dc;
      a.name = "dc";
      a.loc = loc;
      if (!read_monte(c, a)) return;
      if (!c.done())
        return (void)diag_.error("syntax", c.loc(),
                                 "unexpected '" + std::string(c.peek().text) + "' after monte=");
      stmts_->analyses.push_back(std::move(a));
      return;
    }
    add_analysis(AnalysisKind::op, "op", c, loc);
  }

  // .sens OUTPUT ac ...: ngspice's AC sensitivity (kept, not simulated).
  static bool sens_is_ac(CardCursor c) {
    while (!c.done())
      if (c.is_keyword("ac"))
        return true;
      else
        c.next();
    return false;
  }

  // .tf v(out[,ref]) | i(vsource)  input_source;  .sens v(out[,ref]) | i(vsource)
  void tf(CardCursor& c, SourceLoc loc, bool sens) {
    const char* what = sens ? ".sens" : ".tf";
    Analysis a;
    a.kind = sens ? AnalysisKind::sens : AnalysisKind::tf;
    a.name = sens ? "sens" : "tf";
    a.loc = loc;
    a.text = CardCursor(c).rest_text();  // rest_text() reads the cursor to the end
    const bool voltage = c.is_keyword("v"), current = c.is_keyword("i");
    if (!(voltage || current) || c.peek(1).kind != TokenKind::lparen)
      return (void)diag_.error("syntax", c.loc(),
                               ".tf needs an output v(node), v(a,b) or i(vsource)");
    c.next();
    c.next();
    std::vector<std::string> args;
    while (!c.done() && c.peek().kind != TokenKind::rparen) {
      const Token& t = c.next();
      if (t.kind == TokenKind::word) args.push_back(to_lower(t.text));
    }
    if (c.done())
      return (void)diag_.error("unterminated-paren", loc,
                               std::string("missing ')' in ") + what + " output");
    c.next();
    if (args.empty() || args.size() > (voltage ? 2u : 1u))
      return (void)diag_.error(
          "syntax", loc, std::string(what) + " needs an output v(node), v(a,b) or i(vsource)");
    if (voltage) {
      a.tf_output_node = args[0];
      if (args.size() == 2) a.tf_output_ref = args[1];
    } else {
      a.tf_output_source = args[0];
    }
    if (!sens) {
      if (!c.is_word()) return (void)diag_.error("syntax", c.loc(), ".tf needs an input source");
      a.tf_input = to_lower(c.next().text);
    }
    if (!c.done())
      return (void)diag_.error("syntax", c.loc(),
                               "unexpected '" + std::string(c.peek().text) + "' in " + what);
    stmts_->analyses.push_back(std::move(a));
  }

  bool at_monte(const CardCursor& c) const { return c.at_named() && c.is_keyword("monte"); }

  // monte=N [firstrun=k]; the cursor at `monte`.
  bool read_monte(CardCursor& c, Analysis& a) {
    if (a.monte) return (diag_.error("syntax", c.loc(), "monte= given twice"), false);
    MonteCarloSpec m;
    m.loc = c.loc();
    c.next();
    c.next();
    if (c.is_keyword("list"))
      return (diag_.error("unsupported", c.loc(), "monte=list(...) is not supported: give a count"),
              false);
    std::vector<Value> values = c.read_named_values();
    if (values.size() != 1)
      return (diag_.error("syntax", m.loc, "monte= takes one number of samples"), false);
    m.samples = values[0];
    if (c.at_named() && c.is_keyword("firstrun")) {
      c.next();
      c.next();
      values = c.read_named_values();
      if (values.size() != 1)
        return (diag_.error("syntax", m.loc, "firstrun= takes one sample number"), false);
      m.first_run = values[0];
    }
    a.monte = std::move(m);
    return true;
  }

  // One sweep specification; returns false after reporting an error.
  bool read_sweep(CardCursor& c, Sweep& s) {
    s.loc = c.loc();
    if (c.at_named() && c.is_keyword("data")) {
      c.next();
      c.next();
      if (!c.is_word()) return (diag_.error("syntax", c.loc(), "data= needs a table name"), false);
      s.kind = Sweep::Kind::data;
      s.data_name = to_lower(c.next().text);
      return true;
    }
    if (!c.is_word()) return (diag_.error("syntax", c.loc(), "expected a sweep variable"), false);
    const Token& var = c.next();
    s.variable = to_lower(var.text);
    if (c.peek().kind == TokenKind::lparen) {  // ngspice allows ".dc v(1)"-like names: reject
      diag_.error("syntax", c.loc(), "a sweep variable is a source, parameter or 'temp'");
      return false;
    }
    auto need_values = [&](size_t n) {
      for (size_t i = 0; i < n; ++i)
        if (!c.at_value(i)) {
          diag_.error("syntax", c.loc(),
                      "sweep of '" + s.variable + "' needs " + std::to_string(n) + " values");
          return false;
        }
      return true;
    };
    auto kw = c.is_word() ? to_lower(c.peek().text) : std::string();
    if (kw == "lin" || kw == "dec" || kw == "oct") {
      c.next();
      s.kind = kw == "lin" ? Sweep::Kind::lin : kw == "dec" ? Sweep::Kind::dec : Sweep::Kind::oct;
      if (!need_values(3)) return false;
      s.step = c.read_value();
      s.start = c.read_value();
      s.stop = c.read_value();
      return true;
    }
    if (kw == "poi" || kw == "list") {
      c.next();
      s.kind = Sweep::Kind::list;
      if (kw == "poi") {
        if (!need_values(1)) return false;
        Value count = c.read_value();
        auto points = count.is_expression() ? std::nullopt : count_value(count.number, 1, 1u << 24);
        if (!points)
          return (diag_.error("syntax", count.loc, "POI needs a whole number of points"), false);
        size_t n = *points;
        if (!need_values(n)) return false;
        for (size_t i = 0; i < n; ++i) s.values.push_back(c.read_value());
      } else {
        while (c.at_value() && parse_number(c.peek().text)) s.values.push_back(c.read_value());
        if (s.values.empty())
          return (diag_.error("syntax", c.loc(), "list sweep needs values"), false);
      }
      return true;
    }
    if (c.at_named()) {  // HSPICE start= stop= step=
      for (int i = 0; i < 3 && c.at_named(); ++i) {
        std::string name = to_lower(c.next().text);
        c.next();
        auto values = c.read_named_values();
        if (values.empty()) return false;
        if (name == "start")
          s.start = values[0];
        else if (name == "stop")
          s.stop = values[0];
        else if (name == "step" || name == "incr")
          s.step = values[0];
        else
          return (diag_.error("syntax", values[0].loc, "unknown sweep field '" + name + "'"),
                  false);
      }
      return true;
    }
    if (!need_values(3)) return false;
    s.start = c.read_value();
    s.stop = c.read_value();
    s.step = c.read_value();
    return true;
  }

  void dc(CardCursor& c, SourceLoc loc) {
    Analysis a;
    a.kind = AnalysisKind::dc;
    a.name = "dc";
    a.loc = loc;
    if (c.done()) return (void)diag_.error("syntax", loc, ".dc needs a sweep");
    while (!c.done()) {
      if (c.is_keyword("sweep")) c.next();
      if (at_monte(c)) {
        if (!read_monte(c, a)) return;
        continue;
      }
      Sweep s;
      if (!read_sweep(c, s)) return;
      a.sweeps.push_back(std::move(s));
      if (a.sweeps.size() > 2) {
        diag_.error("syntax", a.sweeps.back().loc, ".dc takes at most two sweeps");
        return;
      }
    }
    stmts_->analyses.push_back(std::move(a));
  }

  void tran(CardCursor& c, SourceLoc loc) {
    Analysis a;
    a.kind = AnalysisKind::tran;
    a.name = "tran";
    a.loc = loc;
    std::vector<Value> positional;
    while (!c.done()) {
      if (c.is_keyword("uic")) {
        c.next();
        a.uic = true;
      } else if (c.is_keyword("sweep")) {
        c.next();
        if (at_monte(c)) {
          if (!read_monte(c, a)) return;
          continue;
        }
        Sweep s;
        if (!read_sweep(c, s)) return;
        a.sweeps.push_back(std::move(s));
      } else if (at_monte(c)) {  // HSPICE also takes .tran 1n 10n monte=N
        if (!read_monte(c, a)) return;
      } else if (c.at_named()) {
        std::string name = to_lower(c.next().text);
        c.next();
        auto values = c.read_named_values();
        if (values.empty()) return;
        if (name == "start")
          positional.resize(std::max<size_t>(positional.size(), 3)), positional[2] = values[0];
        else if (name == "tmax" || name == "delmax")
          a.tmax = values[0], a.has_tmax = true;
        else
          diag_.warning("unsupported", values[0].loc, ".tran option '" + name + "' ignored");
      } else if (c.at_value()) {
        positional.push_back(c.read_value());
      } else {
        diag_.error("syntax", c.loc(), "unexpected '" + std::string(c.peek().text) + "' in .tran");
        return;
      }
    }
    if (positional.size() < 2) {
      diag_.error("syntax", loc, ".tran needs tstep and tstop");
      return;
    }
    a.tstep = positional[0];
    a.tstop = positional[1];
    a.tstart = positional.size() > 2 ? positional[2] : Value::of(0);
    if (positional.size() > 3) a.tmax = positional[3], a.has_tmax = true;
    stmts_->analyses.push_back(std::move(a));
  }

  void ac(CardCursor& c, SourceLoc loc) {
    Analysis a;
    a.kind = AnalysisKind::ac;
    a.name = "ac";
    a.loc = loc;
    Sweep& f = a.ac_frequencies;
    f.variable = "frequency";
    f.loc = c.loc();
    std::string kind = c.is_word() ? to_lower(c.peek().text) : "";
    if (kind != "dec" && kind != "oct" && kind != "lin" && kind != "poi") {
      diag_.error("syntax", c.loc(), ".ac needs dec, oct, lin or poi");
      return;
    }
    c.next();
    f.kind = kind == "dec" ? Sweep::Kind::dec : kind == "oct" ? Sweep::Kind::oct : Sweep::Kind::lin;
    for (int i = 0; i < 3; ++i)
      if (!c.at_value(i))
        return (void)diag_.error("syntax", c.loc(), ".ac needs points, start, stop");
    f.step = c.read_value();
    f.start = c.read_value();
    f.stop = c.read_value();
    while (!c.done()) {
      if (c.is_keyword("sweep")) c.next();
      if (at_monte(c)) {
        if (!read_monte(c, a)) return;
        continue;
      }
      Sweep s;
      if (!read_sweep(c, s)) return;
      a.sweeps.push_back(std::move(s));
    }
    stmts_->analyses.push_back(std::move(a));
  }

  // ---- outputs -----------------------------------------------------------------------------

  void print(CardCursor& c, SourceLoc loc, bool probe) {
    Print p;
    p.loc = loc;
    p.probe = probe;
    static const std::set<std::string> kAnalyses = {"dc",    "tran", "ac", "op",  "noise",
                                                    "disto", "pz",   "tf", "sens"};
    if (c.is_word() && c.peek(1).kind != TokenKind::lparen &&
        kAnalyses.count(to_lower(c.peek().text)))
      p.analysis = to_lower(c.next().text);
    else if (!stmts_->analyses.empty())
      p.analysis = stmts_->analyses.back().name;  // HSPICE: the last analysis before it
    while (!c.done()) {
      c.skip_commas();
      if (c.done()) break;
      const Token& t = c.next();
      OutputVar v;
      v.loc = t.loc;
      if (t.kind != TokenKind::word) {
        diag_.error("syntax", t.loc, "expected an output such as v(node) or i(vsource)");
        continue;
      }
      if (c.peek().kind != TokenKind::lparen) {
        // Bare names: ".save all", ".probe out" (a node voltage).
        std::string w = to_lower(t.text);
        v.function = "v";
        v.args.push_back(w == "all" ? "*" : w);
        p.outputs.push_back(std::move(v));
        continue;
      }
      c.next();
      v.function = to_lower(t.text);
      while (!c.done() && c.peek().kind != TokenKind::rparen) {
        const Token& a = c.next();
        if (a.kind == TokenKind::comma) continue;
        if (a.kind == TokenKind::quoted || a.kind == TokenKind::braced) {
          v.expr = Expression::parse(a.text, expression_loc(a), diag_);
          continue;
        }
        v.args.push_back(to_lower(a.text));
      }
      if (c.done()) {
        diag_.error("unterminated-paren", t.loc, "missing ')' in output " + std::string(t.text));
        break;
      }
      c.next();
      if (v.function == "par" && !v.expr && !v.args.empty())
        v.expr = Expression::parse(v.args[0], v.loc, diag_);
      if (v.args.empty() && !v.expr)
        diag_.error("syntax", t.loc, "output " + v.function + "() names nothing");
      p.outputs.push_back(std::move(v));
    }
    stmts_->prints.push_back(std::move(p));
  }

  void measure(CardCursor& c, SourceLoc loc) {
    Measure m;
    m.loc = loc;
    if (c.is_word() &&
        (c.is_keyword("tran") || c.is_keyword("dc") || c.is_keyword("ac") || c.is_keyword("op")))
      m.analysis = to_lower(c.next().text);
    if (!c.is_word()) return (void)diag_.error("syntax", c.loc(), ".measure needs a name");
    m.name = to_lower(c.next().text);
    CardCursor body = c;
    m.text = c.rest_text();
    if (parse_measure_body(body, m)) stmts_->measures.push_back(std::move(m));
  }

  // .four freq out1 [out2 ...]
  void fourier(CardCursor& c, SourceLoc loc) {
    Fourier f;
    f.loc = loc;
    c.skip_commas();
    if (c.done() || !c.at_value())
      return (void)diag_.error("syntax", c.loc(), ".four needs a fundamental frequency");
    f.frequency = c.read_value();
    while (!c.done()) {
      c.skip_commas();
      if (c.done()) break;
      std::string signal;
      SourceLoc signal_loc;
      if (!parse_signal_name(c, signal, signal_loc, "syntax")) return;
      f.signals.push_back(std::move(signal));
      f.signal_locs.push_back(signal_loc);
    }
    if (f.signals.empty())
      return (void)diag_.error("syntax", loc, ".four needs an output such as v(out)");
    stmts_->fouriers.push_back(std::move(f));
  }

  void initial(CardCursor& c, std::vector<InitialValue>& out) {
    while (!c.done()) {
      c.skip_commas();
      if (c.done()) break;
      const Token& t = c.next();
      InitialValue iv;
      iv.loc = t.loc;
      if (t.kind == TokenKind::word && iequals(t.text, "v") && c.peek().kind == TokenKind::lparen) {
        c.next();
        if (!c.is_word() || c.peek(1).kind != TokenKind::rparen) {
          diag_.error("syntax", c.loc(), "expected v(node)=value");
          return;
        }
        iv.node = to_lower(c.next().text);
        c.next();
      } else if (t.kind == TokenKind::word) {
        iv.node = to_lower(t.text);
      } else {
        diag_.error("syntax", t.loc, "expected v(node)=value");
        return;
      }
      // v(n)=value, or HSPICE's and PSpice's v(n) value
      if (c.peek().kind == TokenKind::equals) {
        c.next();
      } else if (!c.at_value()) {
        diag_.error("syntax", c.loc(), "expected '=' after v(" + iv.node + ")");
        return;
      }
      auto values = c.read_named_values();
      if (values.empty()) return;
      iv.value = values[0];
      out.push_back(std::move(iv));
    }
  }

  // ---- .data -------------------------------------------------------------------------------

  void data_start(CardCursor& c, SourceLoc loc) {
    if (!c.is_word()) return (void)diag_.error("syntax", c.loc(), ".data needs a name");
    DataTable t;
    t.name = to_lower(c.next().text);
    t.loc = loc;
    if (c.is_keyword("mer") || c.is_keyword("lam")) {
      diag_.error("unsupported", c.peek().loc, "external .data files (MER/LAM) are not supported");
      return;
    }
    pending_data_ = std::move(t);
    data_values_.clear();
    collect_data(c);
  }

  void collect_data(CardCursor& c) {
    while (!c.done()) {
      c.skip_commas();
      if (c.done()) break;
      const Token& t = c.peek();
      bool numeric = t.kind != TokenKind::word || parse_number(t.text).has_value();
      if (!numeric && data_values_.empty()) {
        pending_data_->columns.push_back(to_lower(c.next().text));
      } else {
        data_values_.push_back(c.read_value());
      }
    }
  }

  void finish_data(SourceLoc end_loc) {
    DataTable t = std::move(*pending_data_);
    pending_data_.reset();
    if (t.columns.empty()) {
      diag_.error("syntax", t.loc, ".data " + t.name + " names no columns");
      return;
    }
    if (data_values_.size() % t.columns.size() != 0) {
      diag_.error("syntax", end_loc,
                  ".data " + t.name + " has " + std::to_string(data_values_.size()) +
                      " values, not a "
                      "multiple of its " +
                      std::to_string(t.columns.size()) + " columns");
      return;
    }
    for (size_t i = 0; i < data_values_.size(); i += t.columns.size())
      t.rows.emplace_back(data_values_.begin() + i, data_values_.begin() + i + t.columns.size());
    stmts_->data.push_back(std::move(t));
  }

  // ---- .alter ------------------------------------------------------------------------------

  void alter(CardCursor& c, SourceLoc loc) {
    if (!open_subckts_.empty()) {
      diag_.error("syntax", loc, ".alter inside .subckt '" + open_subckts_.back().name + "'");
      return;
    }
    AlterBlock block;
    block.title = c.rest_text();
    block.loc = loc;
    deck_.alters.push_back(std::move(block));
    stmts_ = &deck_.alters.back();
  }

 public:
  // .data rows span cards; the dispatcher hands them here until .enddata.
  bool in_data() const { return pending_data_.has_value(); }
  void data_card(const Token* b, const Token* e) {
    CardCursor c(b, e, diag_);
    if (iequals(b->text, ".enddata")) return finish_data(b->loc);
    collect_data(c);
  }

 private:
  Deck& deck_;
  Diagnostics& diag_;
  Statements* stmts_;
  std::vector<Subckt> open_subckts_;
  std::vector<std::string> include_stack_;
  SourceLoc current_include_loc_;
  std::optional<DataTable> pending_data_;
  std::vector<Value> data_values_;
};

}  // namespace

ParseResult parse_deck_text(std::string_view text, const std::string& name) {
  ParseResult r;
  FileId id = r.deck.sources->add(name, std::string(text), SourceLoc{});
  Parser(r.deck, r.diagnostics).run_top(id);
  return r;
}

ParseResult parse_deck_file(const std::string& path) {
  ParseResult r;
  auto text = read_file(path);
  if (!text) {
    FileId id = r.deck.sources->add(path, "", SourceLoc{});
    r.diagnostics.error("missing-file", SourceLoc{id, 0, 0}, "cannot open deck '" + path + "'");
    return r;
  }
  FileId id = r.deck.sources->add(path, std::move(*text), SourceLoc{});
  Parser(r.deck, r.diagnostics).run_top(id);
  return r;
}

}  // namespace xb::netlist
