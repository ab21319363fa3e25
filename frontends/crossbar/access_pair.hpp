#pragma once
// The 1T1M cell of the crossbar builder as a two-terminal pair, for mapping conductances onto
// it (Zhang, Uysal, Fan, Ewetz, "Representable Matrices…", eq. 6–7): the TaOx memristor from the
// row (v_r) to an inner node m, the access NMOS from m to the column (v_c), gate at vgate, bulk
// at ground. With I the pair's current, V_T(I, v_c) the transistor's drain–source drop at I and
// V_m = v_r − v_c − V_T the memristor's voltage:
//   I = V_m·G(x, V_m),  G = Gm·x + a·e^(b√V_m)·(1 − x)                      (TaOx, taox.cpp)
// G is linear in the state x, so once the transistor's drop is known the state that makes the
// pair carry I is exact:  x = (I/V_m − a·e^(b√V_m)) / (Gm − a·e^(b√V_m)).
// The transistor is the level-1 model of the builder's cells, solved as a circuit (a current
// source into its drain), so the states match what the built crossbar simulates.

#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

#include "frontends/session/session.hpp"

namespace xb::crossbar {

class AccessPair {
 public:
  explicit AccessPair(double vgate);
  const std::string& error() const { return error_; }

  // The pair's current from v_row to v_col with the memristor at state x (the circuit solved).
  double current(double v_row, double v_col, double x);
  // The memristor state for which the pair carries `current` from v_row to v_col, or nullopt
  // when no state in [0, 1] does (the transistor alone would drop v_row − v_col, or the
  // memristor would need to conduct more than x = 1 or less than x = 0).
  std::optional<double> state_for(double current, double v_row, double v_col);
  double x_min() const { return x_min_; }  // the smallest state the TaOx dynamics keep

  // A memristor of `area` times Strachan et al.'s (Gm and the semiconducting prefactor a
  // scaled: the currents scale with the filament's area, the dynamics stay), and the .model
  // parameters that give the crossbar's cells the same device.
  void set_area(double area);
  std::vector<std::pair<std::string, double>> model_params() const;
  // The smallest area (down to 1e-4, up to 1) at which the pair at x = 1 conducts g_max with
  // v_read across it; 1 when even that falls short.
  double area_reaching(double g_max, double v_read);

 private:
  std::string error_;
  std::optional<session::Session> session_;
  // The pair (row source, memristor, column source), and the transistor alone driven by a
  // current source into its drain.
  session::SourceHandle row_, col_, drive_, drive_col_;
  session::DeviceHandle memristor_;
  session::ProbeHandle pair_current_, drain_, source_current_;
  double gm_ = 0, a_ = 0, b_ = 0, x_min_ = 0;
  double gm_unit_ = 0, a_unit_ = 0, area_ = 1;  // of the model's default device
};

}  // namespace xb::crossbar

namespace xb::crossbar {

// The crossbar's memristor states (rows × columns) for conductances `g`: each cell's state
// makes its pair carry g·(v_row − v_col) between the ends' voltages `v_row`, `v_col` (rows ×
// columns, the linear crossbar's at the calibration input), so that the 1T1M crossbar has the
// linear one's solution there. Cells no state reaches get the nearest bound (0 or 1) and are
// counted in `unreachable`.
Eigen::MatrixXd states_for(AccessPair& pair, const Eigen::MatrixXd& g, const Eigen::MatrixXd& v_row,
                           const Eigen::MatrixXd& v_col, int& unreachable);

}  // namespace xb::crossbar
