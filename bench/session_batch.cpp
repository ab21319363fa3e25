// A batch of input vectors through a wired crossbar via the Session API: one factorization,
// all right-hand sides solved in blocks. Prints the time per vector and the work counters.
// Usage: session_batch [N=64] [VECTORS=1000] [WIRE_R=1]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "frontends/session/session.hpp"
#include "netlist/crossbar_builder.hpp"

int main(int argc, char** argv) {
  const size_t n = argc > 1 ? std::atoi(argv[1]) : 64;
  const long vectors = argc > 2 ? std::atol(argv[2]) : 1000;
  const double wire_r = argc > 3 ? std::atof(argv[3]) : 1.0;
  std::mt19937 rng(1);
  std::uniform_real_distribution<double> g(1e-6, 1e-4), u(0, 0.2);
  xb::netlist::CrossbarSpec spec;
  spec.conductance.assign(n, std::vector<double>(n));
  for (auto& row : spec.conductance)
    for (double& v : row) v = g(rng);
  spec.inputs = {std::vector<double>(n, 0.0)};
  spec.wire_r = wire_r;
  const auto t_build = std::chrono::steady_clock::now();
  xb::session::Session s = xb::session::Session::from_deck(xb::netlist::build_crossbar(spec));
  if (!s.ok()) return std::fprintf(stderr, "%s", s.format_diagnostics().c_str()), 1;
  std::vector<xb::session::SourceHandle> in;
  std::vector<xb::session::ProbeHandle> out;
  for (size_t i = 0; i < n; ++i) in.push_back(s.source("vin" + std::to_string(i)));
  for (size_t j = 0; j < n; ++j) out.push_back(s.probe("i(vs" + std::to_string(j) + ")"));
  Eigen::MatrixXd inputs(vectors, static_cast<Eigen::Index>(n));
  for (Eigen::Index k = 0; k < inputs.size(); ++k) inputs.data()[k] = u(rng);
  const auto t0 = std::chrono::steady_clock::now();
  const Eigen::MatrixXd y = s.solve_batch(in, inputs, out);
  const auto t1 = std::chrono::steady_clock::now();
  const double setup = std::chrono::duration<double>(t0 - t_build).count();
  const double batch = std::chrono::duration<double>(t1 - t0).count();
  const xb::engine::SolverCounters c = s.counters();
  std::printf(
      "%zux%zu crossbar, %g ohm wires, %ld vectors: setup %.3f s, batch %.3f s, %.1f us per "
      "vector; factorizations %llu, solve calls %llu; y(0,0) = %.9e A\n",
      n, n, wire_r, vectors, setup, batch, 1e6 * batch / vectors,
      static_cast<unsigned long long>(c.factor + c.refactor),
      static_cast<unsigned long long>(c.solve), y(0, 0));
  return 0;
}
