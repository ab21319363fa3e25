#include "frontends/cli/crossbar_command.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <tuple>

#include <unistd.h>

#include "frontends/cli/exit_codes.hpp"
#include "frontends/cli/export_command.hpp"
#include "frontends/cli/parse_args.hpp"
#include "frontends/cli/report.hpp"
#include "frontends/cli/run_command.hpp"
#include "frontends/crossbar/effective_matrix.hpp"
#include "frontends/crossbar/mapping.hpp"
#include "frontends/io/svg_heatmap.hpp"
#include "netlist/crossbar_builder.hpp"
#include "netlist/deck_writer.hpp"
#include "netlist/number.hpp"

namespace xb::cli {
namespace {

// A matrix of SPICE numbers ("1m", "2.5e-4"), one row per line; blank lines and lines starting
// with # or * are skipped. The file joins `sources`, so each value keeps its file:line:col.
bool read_matrix(const std::string& path, netlist::SourceManager& sources,
                 std::vector<std::vector<double>>& out,
                 std::vector<std::vector<netlist::SourceLoc>>* locs, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return error = path + ": cannot open", false;
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const netlist::FileId file = sources.add(path, text, {});
  std::istringstream lines(text);
  std::string line;
  for (uint32_t n = 1; std::getline(lines, line); ++n) {
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#' || line[first] == '*') continue;
    std::vector<double> row;
    std::vector<netlist::SourceLoc> row_locs;
    size_t at = 0;
    while (at < line.size()) {
      const size_t begin = line.find_first_not_of(" \t\r,;", at);
      if (begin == std::string::npos) break;
      const size_t end = std::min(line.find_first_of(" \t\r,;", begin), line.size());
      const std::string token = line.substr(begin, end - begin);
      const std::optional<double> v = netlist::parse_number(token);
      if (!v) {
        error = path + ":" + std::to_string(n) + ":" + std::to_string(begin + 1) + ": '" + token +
                "' is not a number";
        return false;
      }
      row.push_back(*v);
      row_locs.push_back({file, n, static_cast<uint32_t>(begin + 1)});
      at = end;
    }
    out.push_back(std::move(row));
    if (locs) locs->push_back(std::move(row_locs));
  }
  if (out.empty()) return error = path + ": no values", false;
  return true;
}

}  // namespace

// --cell conductor|taox|1t1m.
std::optional<netlist::CrossbarSpec::Cell> parse_cell(const std::string& name) {
  using C = netlist::CrossbarSpec::Cell;
  if (name == "conductor") return C::conductor;
  if (name == "taox") return C::taox;
  if (name == "1t1m") return C::one_t_one_m;
  return std::nullopt;
}

int run_crossbar(const CrossbarOptions& o) {
  auto fail = [](const std::string& message) {
    std::cerr << "xbspice crossbar: error: " << message << "\n";
    return kUserError;
  };
  netlist::CrossbarSpec spec;
  if (std::optional<netlist::CrossbarSpec::Cell> c = parse_cell(o.cell))
    spec.cell = *c;
  else
    return fail("--cell " + o.cell + ": conductor, taox or 1t1m");
  if (o.sense == "ground")
    spec.sense = netlist::CrossbarSpec::Sense::virtual_ground;
  else if (o.sense == "tia")
    spec.sense = netlist::CrossbarSpec::Sense::transimpedance;
  else
    return fail("--sense " + o.sense + ": ground or tia");
  if (!o.to.empty() && o.to != "hspice" && o.to != "ngspice")
    return fail("--to " + o.to + ": hspice or ngspice");
  if (!o.to.empty() && o.deck.empty()) return fail("--to needs --deck FILE to write");
  std::string error;
  spec.sources = std::make_shared<netlist::SourceManager>();
  if (!read_matrix(o.weights, *spec.sources, spec.conductance, &spec.conductance_loc, error) ||
      !read_matrix(o.inputs, *spec.sources, spec.inputs, nullptr, error))
    return fail(error);
  for (auto [text, flag, target] :
       {std::tuple{&o.wire_r, "--wire-r", &spec.wire_r}, std::tuple{&o.rf, "--rf", &spec.rf},
        std::tuple{&o.vgate, "--vgate", &spec.vgate}}) {
    const std::optional<double> v = netlist::parse_number(*text);
    if (!v) return fail(std::string(flag) + " " + *text + ": not a number");
    *target = *v;
  }
  for (const std::string& option : o.options) {
    const size_t eq = option.find('=');
    const std::optional<double> v =
        eq == std::string::npos ? std::nullopt : netlist::parse_number(option.substr(eq + 1));
    if (!v) return fail("--option " + option + ": expected name=number");
    std::string name = option.substr(0, eq);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    spec.options.emplace_back(name, *v);
  }
  if (error = netlist::check_crossbar(spec); !error.empty()) return fail(error);

  netlist::Deck deck = netlist::build_crossbar(spec);
  if (!o.deck.empty() && o.to.empty()) {
    // xbspice reads HSPICE syntax, so the saved deck runs in both.
    std::ofstream file(o.deck);
    netlist::write_deck(deck, netlist::DeckDialect::hspice, file);
    if (!file) return fail("cannot write " + o.deck);
  }
  session::LoadedDeck loaded = session::elaborate_deck(std::move(deck));
  if (!report_diagnostics(loaded)) return kUserError;
  if (!o.to.empty()) {
    ExportOptions e;
    e.to = o.to;
    e.output = o.deck;
    if (const int rc = export_loaded(loaded, e); rc != kOk) return rc;
  }
  if (!o.output.empty() || o.deck.empty()) {
    RunOptions r;
    r.deck = "crossbar";
    r.output = o.output;
    r.stats = o.stats;
    return run_loaded(std::move(loaded), r);
  }
  return kOk;
}

namespace {

bool write_csv(const Eigen::MatrixXd& m, const std::string& path) {
  std::ofstream f(path);
  f.precision(17);
  for (Eigen::Index i = 0; i < m.rows(); ++i) {
    for (Eigen::Index j = 0; j < m.cols(); ++j) f << (j ? "," : "") << m(i, j);
    f << '\n';
  }
  return static_cast<bool>(f);
}

}  // namespace

int run_crossbar_matrix(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  std::string weights, dir, wire = "0", r_in = "0", r_out = "0", g_min = "333.33n", g_max = "500u",
                            cell = "conductor", v_cal = "0.1";
  size_t size = 0;
  unsigned seed = 1;
  po::options_description desc("crossbar matrix options");
  desc.add_options()("help,h", "show this help")("weights", po::value(&weights),
                                                 "conductance matrix (S), one array row per line")(
      "size", po::value(&size)->default_value(0),
      "instead of --weights: an N x N array of random conductances in [gmin, gmax]")(
      "gmin", po::value(&g_min)->default_value(g_min),
      "smallest cell conductance (S): of --size's cells and of the representable range")(
      "gmax", po::value(&g_max)->default_value(g_max), "largest cell conductance (S), likewise")(
      "seed", po::value(&seed)->default_value(1), "with --size: seed")(
      "wire-r", po::value(&wire)->default_value(wire), "wire resistance per cell segment (ohm)")(
      "r-in", po::value(&r_in)->default_value(r_in), "input (driver) resistance per row (ohm)")(
      "r-out", po::value(&r_out)->default_value(r_out),
      "output (sense) resistance per column (ohm)")(
      "cell", po::value(&cell)->default_value(cell),
      "conductor, taox or 1t1m (TaOx cells at the read conductances G, linearised at --vcal)")(
      "vcal", po::value(&v_cal)->default_value(v_cal),
      "nonlinear cells: the calibration input on every row (V)")(
      "range",
      "also the representable range per position (each cell from gmin to gmax; one solve per "
      "cell: 27 s at 128x128)")(
      "output,o", po::value(&dir),
      "directory for effective.csv, deviation.csv/.svg and, with --range, range.csv/.svg");
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(args, desc, po::positional_options_description{}, vm,
                  "usage: xbspice crossbar matrix (--weights G | --size N) [--cell C] [--wire-r R] "
                  "[--r-in R] [--r-out R] [-o DIR]\n\nThe matrix the array really computes: the "
                  "current at each column's sense per volt at each row's input, from one "
                  "factorization (nonlinear cells: per volt more at the calibration input).\n",
                  code))
    return code;
  auto fail = [](const std::string& m) {
    std::cerr << "xbspice crossbar matrix: error: " << m << "\n";
    return kUserError;
  };
  netlist::CrossbarSpec spec;
  if (std::optional<netlist::CrossbarSpec::Cell> c = parse_cell(cell))
    spec.cell = *c;
  else
    return fail("--cell " + cell + ": conductor, taox or 1t1m");
  double calibration = 0;
  for (auto [text, flag, target] :
       {std::tuple{&wire, "--wire-r", &spec.wire_r}, std::tuple{&r_in, "--r-in", &spec.r_in},
        std::tuple{&r_out, "--r-out", &spec.r_out}, std::tuple{&v_cal, "--vcal", &calibration}}) {
    const std::optional<double> v = netlist::parse_number(*text);
    if (!v) return fail(std::string(flag) + " " + *text + ": not a number");
    *target = *v;
  }
  if (weights.empty() == (size == 0)) return fail("give --weights FILE or --size N");
  std::string error;
  if (size > 0) {
    const std::optional<double> lo = netlist::parse_number(g_min),
                                hi = netlist::parse_number(g_max);
    if (!lo || !hi || !(*lo > 0) || !(*hi >= *lo))
      return fail("--gmin and --gmax: 0 < gmin <= gmax");
    spec.conductance = crossbar::random_conductances(size, *lo, *hi, seed);
  } else {
    spec.sources = std::make_shared<netlist::SourceManager>();
    if (!read_matrix(weights, *spec.sources, spec.conductance, &spec.conductance_loc, error))
      return fail(error);
  }
  const bool linear = spec.cell == netlist::CrossbarSpec::Cell::conductor;
  if (!linear) spec.inputs.assign(1, std::vector<double>(spec.conductance.size(), calibration));
  crossbar::EffectiveMatrix m;
  if (error = crossbar::effective_matrix(spec, m); !error.empty()) return fail(error);
  std::printf("array %zu x %zu, %s cells, wires %g ohm, input %g ohm, output %g ohm\n",
              spec.conductance.size(), spec.conductance[0].size(), cell.c_str(), spec.wire_r,
              spec.r_in, spec.r_out);
  if (!linear) std::printf("linearised at %g V on every row\n", calibration);
  std::printf(
      "effective matrix against the conductances: relative Frobenius %.4g, largest %.4g S "
      "(output %lld, input %lld)\n",
      m.relative_frobenius, m.max_abs, static_cast<long long>(m.max_output),
      static_cast<long long>(m.max_input));
  std::printf("time: %.3f s (one factorization, %zu solves)\n", m.seconds, spec.conductance.size());
  // The space of representable matrices: the share of each cell's range its position sees.
  Eigen::MatrixXd share;
  if (vm.count("range") && !linear)
    return fail("--range: the representable range is for conductor cells");
  if (vm.count("range")) {
    crossbar::MappingSetup setup;
    setup.wire_r = spec.wire_r, setup.r_in = spec.r_in, setup.r_out = spec.r_out;
    const std::optional<double> lo = netlist::parse_number(g_min),
                                hi = netlist::parse_number(g_max);
    if (!lo || !hi || !(*lo > 0) || !(*hi > *lo)) return fail("--gmin and --gmax: 0 < gmin < gmax");
    setup.g_min = *lo, setup.g_max = *hi;
    crossbar::ValueRange range;
    const auto t0 = std::chrono::steady_clock::now();
    if (error = crossbar::representable_range(m.ideal.transpose(), setup, range); !error.empty())
      return fail(error);
    share = (range.high - range.low) / (setup.g_max - setup.g_min);
    std::printf(
        "representable range per position (its cell from gmin to gmax): %.4g to %.4g of the "
        "cell's range (%.3f s)\n",
        share.minCoeff(), share.maxCoeff(),
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  if (!dir.empty()) {
    std::filesystem::create_directories(dir);
    std::ofstream w(dir + "/effective.csv"), d(dir + "/deviation.csv");
    w.precision(17), d.precision(17);
    const Eigen::MatrixXd rel = ((m.w - m.ideal).array() / m.ideal.array()).matrix();
    for (Eigen::Index r = 0; r < m.w.rows(); ++r) {
      for (Eigen::Index c = 0; c < m.w.cols(); ++c) {
        w << (c ? "," : "") << m.w(r, c);
        d << (c ? "," : "") << rel(r, c);
      }
      w << '\n', d << '\n';
    }
    std::ofstream svg(dir + "/deviation.svg");
    io::write_svg_heatmap(rel, "(W - G) / G per position", "relative deviation", svg);
    if (!w || !d || !svg) return fail("cannot write into " + dir);
    if (share.size() > 0) {
      if (!write_csv(share, dir + "/range.csv")) return fail("cannot write " + dir + "/range.csv");
      std::ofstream range_svg(dir + "/range.svg");
      io::write_svg_heatmap(share,
                            "representable range per position: W(cell at gmax) - W(cell at gmin), "
                            "over gmax - gmin",
                            "share of the cell's range", range_svg);
      if (!range_svg) return fail("cannot write " + dir + "/range.svg");
    }
  }
  return kOk;
}

namespace {

// What `crossbar map` found, as printed and written to report.txt; the last line is the figure.
std::string map_report(const Eigen::MatrixXd& target, const crossbar::MappingSetup& setup,
                       const crossbar::MappingResult& r) {
  const bool one_t_one_m = setup.cell == crossbar::MappingSetup::Cell::one_t_one_m;
  char text[2048];
  int n = std::snprintf(
      text, sizeof text,
      "target %lld x %lld, %s cells, wires %g ohm, ports %g / %g ohm, cells %g..%g S, %d levels\n"
      "alpha %.4g S per unit (%d trials; baseline %.4g)\n"
      "relative matrix error: plain %.4g, baseline %.4g, mapped %.4g\n",
      static_cast<long long>(target.rows()), static_cast<long long>(target.cols()),
      one_t_one_m ? "1T1M" : "conductor", setup.wire_r, setup.r_in, setup.r_out, r.g_min, r.g_max,
      setup.levels, r.alpha, r.alpha_trials, r.alpha_baseline, r.plain_error, r.baseline_error,
      r.mapped_error);
  if (one_t_one_m)
    n += std::snprintf(text + n, sizeof text - n,
                       "1T1M: TaOx of area %.4g; states: %d (mapped) and %d (baseline) cells out "
                       "of reach; at v_cal the 1T1M "
                       "crossbar differs from its conductors by %.3g\n"
                       "max output error of the ideal conductors: mapped %.4g, baseline %.4g\n",
                       r.memristor_area, r.unreachable, r.unreachable_baseline,
                       r.calibration_mismatch, r.mapped_conductor_output_error,
                       r.baseline_conductor_output_error);
  if (setup.verify_inputs == 0)
    std::snprintf(text + n, sizeof text - n,
                  "max output error: not verified (--verify 0), time %.2f s\n", r.seconds);
  else
    std::snprintf(text + n, sizeof text - n,
                  "max output error: mapped %.4g, baseline %.4g, ratio %.1f, time %.2f s\n",
                  r.mapped_output_error, r.baseline_output_error,
                  r.baseline_output_error / r.mapped_output_error, r.seconds);
  return text;
}

}  // namespace

int run_crossbar_map(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  crossbar::MappingSetup setup;
  std::string weights, dir, cell = "conductor";
  size_t size = 0;
  unsigned seed = 1;
  po::options_description desc("crossbar map options");
  desc.add_options()("help,h", "show this help")(
      "weights", po::value(&weights), "target matrix (outputs x inputs, >= 0), one row per line")(
      "size", po::value(&size)->default_value(0), "instead: a random N x N target in [0, 1]")(
      "seed", po::value(&seed)->default_value(1), "with --size: seed of the target")(
      "cell", po::value(&cell)->default_value(cell),
      "conductor, or 1t1m (TaOx memristor + access NMOS: range, states, verification)")(
      "vgate", po::value(&setup.vgate)->default_value(setup.vgate), "1T1M word-line voltage (V)")(
      "area", po::value(&setup.memristor_area)->default_value(setup.memristor_area),
      "1T1M: TaOx area relative to Strachan et al.'s (0: the smallest reaching gmax)")(
      "wire-r", po::value(&setup.wire_r)->default_value(setup.wire_r), "wire resistance (ohm)")(
      "r-in", po::value(&setup.r_in)->default_value(setup.r_in), "input resistance (ohm)")(
      "r-out", po::value(&setup.r_out)->default_value(setup.r_out), "output resistance (ohm)")(
      "gmin", po::value(&setup.g_min)->default_value(setup.g_min), "smallest cell conductance (S)")(
      "gmax", po::value(&setup.g_max)->default_value(setup.g_max), "largest cell conductance (S)")(
      "levels", po::value(&setup.levels)->default_value(setup.levels),
      "programmable states, equidistant in [gmin, gmax] (256: 8-bit; 0: continuous)")(
      "vmax", po::value(&setup.v_max)->default_value(setup.v_max), "largest input voltage (V)")(
      "headroom", po::value(&setup.headroom)->default_value(setup.headroom),
      "alpha maps the largest target entry to headroom*gmax (0: searched)")(
      "alpha-step", po::value(&setup.alpha_step)->default_value(setup.alpha_step),
      "beta of the alpha search: alpha <- alpha (1 -/+ beta)")(
      "alpha-patience", po::value(&setup.alpha_patience)->default_value(setup.alpha_patience),
      "alpha steps without improvement before the search stops")(
      "fixed-point",
      po::value(&setup.fixed_point_iterations)->default_value(setup.fixed_point_iterations),
      "Jacobi iterations g <- g*alpha*T/W per alpha")(
      "iterations", po::value(&setup.iterations)->default_value(setup.iterations),
      "exact-gradient (Adam) iterations after them")("no-vcal", "skip the v_cal row correction")(
      "verify", po::value(&setup.verify_inputs)->default_value(setup.verify_inputs),
      "random input vectors of the verification")(
      "output,o", po::value(&dir), "directory for g.csv, g_baseline.csv, report.txt, mapped.sp");
  po::variables_map vm;
  int code = kOk;
  if (!parse_args(
          args, desc, po::positional_options_description{}, vm,
          "usage: xbspice crossbar map (--weights T | --size N) [setup options] [-o DIR]\n\n"
          "Finds programmed cell conductances for which the wired array computes the target "
          "(effective matrix / alpha = T), and checks them against the linear mapping of Hu et "
          "al. on random inputs.\n",
          code))
    return code;
  setup.v_cal_correction = vm.count("no-vcal") == 0;
  setup.seed = seed;
  auto fail = [](const std::string& m) {
    std::cerr << "xbspice crossbar map: error: " << m << "\n";
    return kUserError;
  };
  if (weights.empty() == (size == 0)) return fail("give --weights FILE or --size N");
  if (cell == "1t1m")
    setup.cell = crossbar::MappingSetup::Cell::one_t_one_m;
  else if (cell != "conductor")
    return fail("--cell " + cell + ": conductor or 1t1m");
  if (cell == "1t1m")
    setup.cell = crossbar::MappingSetup::Cell::one_t_one_m;
  else if (cell != "conductor")
    return fail("--cell " + cell + ": conductor or 1t1m");
  if (setup.verify_inputs < 0) return fail("--verify must be >= 0");
  Eigen::MatrixXd target;
  if (size > 0) {
    const auto m = crossbar::random_conductances(size, 0, 1, seed);
    target.resize(static_cast<Eigen::Index>(size), static_cast<Eigen::Index>(size));
    for (size_t r = 0; r < size; ++r)
      for (size_t c = 0; c < size; ++c) target(r, c) = m[r][c];
  } else {
    netlist::SourceManager sources;
    std::vector<std::vector<double>> m;
    std::string error;
    if (!read_matrix(weights, sources, m, nullptr, error)) return fail(error);
    target.resize(static_cast<Eigen::Index>(m.size()), static_cast<Eigen::Index>(m[0].size()));
    for (size_t r = 0; r < m.size(); ++r) {
      if (m[r].size() != m[0].size()) return fail(weights + ": rows of different lengths");
      for (size_t c = 0; c < m[r].size(); ++c) target(r, c) = m[r][c];
    }
  }
  // On a terminal, one status line per step (an α trial or a gradient step).
  const bool tty = isatty(STDERR_FILENO) != 0;
  const auto progress = [&](const char* stage, int step, double error) {
    if (tty) std::fprintf(stderr, "\r  %s %d: matrix error %.4g   ", stage, step, error);
  };
  crossbar::MappingResult r;
  const std::string error = crossbar::map_matrix(target, setup, r, progress);
  if (tty) std::fputc('\n', stderr);
  if (!error.empty()) return fail(error);
  const std::string report = map_report(target, setup, r);
  if (!dir.empty()) {
    std::filesystem::create_directories(dir);
    const bool one_t_one_m = setup.cell == crossbar::MappingSetup::Cell::one_t_one_m;
    std::vector<std::pair<const Eigen::MatrixXd*, std::string>> files = {
        {&r.g, "g.csv"}, {&r.g_baseline, "g_baseline.csv"}};
    if (one_t_one_m)
      files.insert(files.end(), {{&r.state, "s.csv"}, {&r.state_baseline, "s_baseline.csv"}});
    for (const auto& [m, name] : files)
      if (!write_csv(*m, dir + "/" + name)) return fail("cannot write " + dir + "/" + name);
    std::ofstream(dir + "/report.txt") << report;
    const netlist::CrossbarSpec spec =
        crossbar::mapped_crossbar(r.g, one_t_one_m ? &r.state : nullptr, setup, r.taox_params);
    if (int c =
            write_built_deck(netlist::build_crossbar(spec), dir + "/mapped.sp", "", "crossbar map");
        c != kOk)
      return c;
  }
  std::fputs(report.c_str(), stdout);
  return kOk;
}

}  // namespace xb::cli
