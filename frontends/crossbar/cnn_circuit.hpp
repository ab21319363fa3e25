#pragma once
// The CNN of cnn_model.hpp as crossbar circuits, one deck per layer, chained through the
// Session API (after Li, Fu, Sham, Ma, GCCE 2024).
//
// A layer's weights (outputs × inputs) become differential arrays of conductor cells
// R = 6125/(|w| + 0.225) (positive array from max(w, 0), negative from max(−w, 0)), their rows
// split into tiles of at most `tile` rows. Tile t's column k ends at the virtual grounds of a
// current subtractor (subtractor.hpp: d = rsub·(I⁺ − I⁻)); the d of every tile reaches, each
// through rsub, the virtual ground of column k's tanh inverter: an op-amp summer of the partial
// sums, out_k = −vinv·tanh(rinv·Σ_t (I⁺ − I⁻)_t/vinv). With wire_r > 0 a resistor joins
// neighbouring cells along every row and column of every tile (as in the MNIST network).
//   conv: 9 inputs (a patch, vin<j> = vread·x), C outputs h<c>; one kernel crossbar evaluated for
//         the 100 patches of an image (im2col), rinv1;
//   fc:   100·C inputs (the conv outputs, vin<c·100 + p>), 10 outputs out<m>; the 2×2 average
//         pooling folded in: row c·100 + p carries W(m, c·25 + pool(p))/4, rinv2.
// The decision is the largest out_m.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "frontends/crossbar/cnn_model.hpp"
#include "frontends/session/session.hpp"
#include "netlist/deck.hpp"

namespace xb::crossbar {

enum class CnnLayer { conv, fc };

struct CnnCircuitSpec {
  CnnWeights weights;
  CnnGains gains;
  double wire_r = 0;  // Ω per segment; 0: ideal wires
  int tile = 64;      // rows per array tile
  double rsub = 1e3;  // subtractor and summer resistance, Ω
};

// The layer's weights as its arrays hold them (outputs × inputs).
Eigen::MatrixXd cnn_layer_weights(const CnnWeights& w, CnnLayer layer);

// The layer's deck; `inputs`: one row of input voltages (an .op) or several (a .data table
// swept by .dc, columns vin0 …).
netlist::Deck build_cnn_layer_deck(const CnnCircuitSpec& spec, CnnLayer layer,
                                   const std::vector<std::vector<double>>& inputs);

// An image's conv inputs, the patches as voltages (100 × 9).
Eigen::MatrixXd cnn_conv_inputs(const MnistImage& image, const CnnGains& gains);

struct CnnEvaluation {
  Eigen::MatrixXd conv;     // 100 × C, V: the conv inverters' outputs per patch
  Eigen::VectorXd outputs;  // 10, V
  int decision = 0;
};

class CnnCircuit {
 public:
  // Both layers' circuits built and prepared; error text when they cannot be.
  static std::unique_ptr<CnnCircuit> create(const CnnCircuitSpec& spec, std::string& error);
  // conv: the kernel crossbar solved for the 100 patches; fc: for their outputs.
  CnnEvaluation evaluate(const MnistImage& image);

 private:
  explicit CnnCircuit(const CnnCircuitSpec& spec) : spec_(spec) {}
  struct Layer {
    std::optional<session::Session> session;
    std::vector<session::SourceHandle> inputs;
    std::vector<session::ProbeHandle> outputs;
  };
  std::string prepare(CnnLayer which, Layer& layer);
  CnnCircuitSpec spec_;
  Layer conv_, fc_;
};

}  // namespace xb::crossbar
