// Writes the golden CSV of every deck in tests/regress/devices from closed forms and independent
// computations (never from xbspice): the TaOx equations of taox_reference.hpp, integrated by its
// own implicit integrator; the op-amp equations solved by bisection; the level-1 square law.
// Usage: make_regress_goldens DIR   (CTest target regress.devices_goldens_current re-checks)

#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "taox_reference.hpp"

using namespace xb::reference;

namespace {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<double>> rows;
  bool write(const std::string& path) const {
    FILE* f = std::fopen(path.c_str(), "w");
    if (!f) return false;
    for (size_t i = 0; i < header.size(); ++i)
      std::fprintf(f, "%s%s", i ? "," : "", header[i].c_str());
    std::fprintf(f, "\n");
    for (const auto& r : rows) {
      for (size_t i = 0; i < r.size(); ++i) std::fprintf(f, "%s%.15g", i ? "," : "", r[i]);
      std::fprintf(f, "\n");
    }
    return std::fclose(f) == 0;
  }
};

// Root of a monotonic g on [lo, hi] by bisection.
double bisect(const std::function<double(double)>& g, double lo, double hi) {
  const bool rising = g(hi) > g(lo);
  for (int k = 0; k < 300; ++k) {
    const double mid = 0.5 * (lo + hi);
    ((g(mid) < 0) == rising ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

Table transient(double tstop, double r, double x0, const std::function<double(double)>& source) {
  Paper paper;
  auto f = [&](double t, double x) { return paper.dxdt(paper.device_voltage(source(t), r, x), x); };
  Table t{{"time", "i(x1)", "v(x1.x)"}, {}};
  double x = x0, time = 0;
  const double step = 2.5e-9;
  for (int k = 0; k * step <= tstop * (1 + 1e-12); ++k) {
    const double next = k * step;
    if (next > time) x = integrate(f, time, next, x);
    time = next;
    t.rows.push_back({time, paper.current(paper.device_voltage(source(time), r, x), x), x});
  }
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return std::fprintf(stderr, "usage: make_regress_goldens DIR\n"), 1;
  const std::string dir = argv[1];
  bool ok = true;
  Paper paper;
  {  // taox_iv_states: i = v·G(x, v) at four states
    Table t{{"v1", "i(vm1)", "i(vm2)", "i(vm3)", "i(vm4)"}, {}};
    for (int k = 0; k <= 100; ++k) {
      const double v = -1 + 0.02 * k;
      t.rows.push_back({v, paper.current(v, 0.05), paper.current(v, 0.3), paper.current(v, 0.7),
                        paper.current(v, 1.0)});
    }
    ok = t.write(dir + "/taox_iv_states.csv") && ok;
  }
  auto pulses = [](double v2) {
    return [v2](double t) { return pulse(t, 0, v2, 0, 5e-9, 5e-9, 50e-9, 200e-9); };
  };
  ok = transient(2e-6, 0, 0.8, pulses(-0.5)).write(dir + "/taox_reset_train.csv") && ok;
  ok = transient(2e-6, 500, 0.1, pulses(1.5)).write(dir + "/taox_set_train.csv") && ok;
  ok = transient(3e-6, 500, 0.3, [](double t) { return 1.5 * std::sin(2 * M_PI * 1e6 * t); })
           .write(dir + "/taox_sine.csv") &&
       ok;
  {  // opamp_tanh: v(out) = −vinv·tanh(rinv·I/vinv), input at virtual ground
    Table t{{"i1", "v(out)", "v(in)"}, {}};
    for (int k = 0; k <= 200; ++k) {
      const double i = -2e-3 + 20e-6 * k;
      t.rows.push_back({i, -2 * std::tanh(5e3 * i / 2), 0});
    }
    ok = t.write(dir + "/opamp_tanh_transfer.csv") && ok;
  }
  {  // opamp: open loop, and the inverting amplifier (rin 1k, rf 2k, gain 1e5, vsat 10)
    Table t{{"vin", "v(o1)", "v(o2)"}, {}};
    for (int k = 0; k <= 100; ++k) {
      const double vin = -10e-3 + 0.2e-3 * k;
      const double o1 = 3 * std::tanh(1000 * vin / 3);
      // o2 = 10·tanh(1e5·(0 − vn)/10) with vn = (2k·vin + 1k·o2)/3k.
      const double o2 = bisect(
          [&](double o) { return o - 10 * std::tanh(-1e5 * ((2e3 * vin + 1e3 * o) / 3e3) / 10); },
          -10, 10);
      t.rows.push_back({vin, o1, o2});
    }
    ok = t.write(dir + "/opamp_transfer.csv") && ok;
  }
  {  // 1T1M read: memristor (state held) in series with the level-1 access NMOS of crossbar.lib
    const double kp = 350e-4 * 3.9 * 8.854214871e-12 / 4.1e-9, beta = kp * 1e-6 / 0.18e-6;
    const double vgst = 1.8 - 0.45, lambda = 0.1;
    auto ids = [&](double vds) {
      return vds < vgst ? beta * vds * (vgst - vds / 2) * (1 + lambda * vds)
                        : beta / 2 * vgst * vgst * (1 + lambda * vds);
    };
    Table t{{"vbl", "i(vs1)", "i(vs2)"}, {}};
    for (int k = 0; k <= 40; ++k) {
      const double vbl = 0.01 * k;
      std::vector<double> row{vbl};
      for (double x : {0.2, 0.8}) {
        const double mid =
            vbl == 0 ? 0
                     : bisect([&](double m) { return paper.current(vbl - m, x) - ids(m); }, 0, vbl);
        row.push_back(ids(mid));
      }
      t.rows.push_back(row);
    }
    ok = t.write(dir + "/cell_1t1m_read.csv") && ok;
  }
  {  // binary network: neurons out = −vinv·tanh(rinv·I/vinv), I = Σ G·v into a virtual ground
    auto neuron = [](double i) { return -1 * std::tanh(10e3 * i / 1); };
    Table t{{"v1", "v(h1)", "v(h2)", "v(y)"}, {}};
    for (int k = 0; k <= 20; ++k) {
      const double a = -1 + 0.1 * k, b = -0.3;
      const double h1 = neuron(100e-6 * a + 300e-6 * b), h2 = neuron(250e-6 * a + 50e-6 * b);
      t.rows.push_back({a, h1, h2, neuron(200e-6 * h1 + 400e-6 * h2)});
    }
    ok = t.write(dir + "/binary_network.csv") && ok;
  }
  {  // conductors: g·v with g snapped to 0.25m, clamped to 1m, and 1/4k
    Table t{{"v1", "i(vm1)", "i(vm2)", "i(vm3)"}, {}};
    for (int k = 0; k <= 10; ++k) {
      const double v = 0.1 * k;
      t.rows.push_back({v, 0.25e-3 * v, 1e-3 * v, v / 4e3});
    }
    ok = t.write(dir + "/conductor_levels.csv") && ok;
  }
  {  // current subtractor: r·(I(pos) − I(neg)) with r = 2k, I(neg) = 0.2m
    Table t{{"ip", "v(out)"}, {}};
    for (int k = 0; k <= 20; ++k) {
      const double ip = -1e-3 + 0.1e-3 * k;
      t.rows.push_back({ip, 2e3 * (ip - 0.2e-3)});
    }
    ok = t.write(dir + "/current_subtractor.csv") && ok;
  }
  if (!ok) std::fprintf(stderr, "make_regress_goldens: cannot write into %s\n", dir.c_str());
  return ok ? 0 : 1;
}
