#include "frontends/crossbar/effective_matrix.hpp"

#include <chrono>
#include <random>

#include "frontends/session/session.hpp"

namespace xb::crossbar {

std::string effective_matrix(const netlist::CrossbarSpec& spec_in, EffectiveMatrix& out) {
  netlist::CrossbarSpec spec = spec_in;
  if (spec.inputs.empty()) spec.inputs.assign(1, std::vector<double>(spec.conductance.size(), 0));
  if (std::string e = netlist::check_crossbar(spec); !e.empty()) return e;
  session::Session s = session::Session::from_deck(netlist::build_crossbar(spec));
  if (!s.ok()) return s.format_diagnostics();
  const size_t rows = spec.conductance.size(), cols = spec.conductance[0].size();
  std::vector<session::SourceHandle> inputs;
  std::vector<session::ProbeHandle> outputs;
  for (size_t i = 0; i < rows; ++i) inputs.push_back(s.source("vin" + std::to_string(i)));
  for (size_t j = 0; j < cols; ++j) outputs.push_back(s.probe("i(vs" + std::to_string(j) + ")"));
  const auto t0 = std::chrono::steady_clock::now();
  const bool linear = spec.cell == netlist::CrossbarSpec::Cell::conductor;
  try {
    out.w = linear ? s.transfer_matrix(inputs, outputs) : s.linearised_transfer(inputs, outputs);
  } catch (const session::SessionError& e) {
    return e.what();
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  out.ideal.resize(static_cast<Eigen::Index>(cols), static_cast<Eigen::Index>(rows));
  for (size_t i = 0; i < rows; ++i)
    for (size_t j = 0; j < cols; ++j) out.ideal(j, i) = spec.conductance[i][j];
  const Eigen::MatrixXd d = out.w - out.ideal;
  out.relative_frobenius = d.norm() / out.ideal.norm();
  out.max_abs = d.cwiseAbs().maxCoeff(&out.max_output, &out.max_input);
  return "";
}

std::vector<std::vector<double>> random_conductances(size_t n, double g_min, double g_max,
                                                     unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> g(g_min, g_max);
  std::vector<std::vector<double>> m(n, std::vector<double>(n));
  for (auto& row : m)
    for (double& x : row) x = g(rng);
  return m;
}

}  // namespace xb::crossbar
