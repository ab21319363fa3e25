#include "frontends/crossbar/cnn_circuit.hpp"

#include <algorithm>

#include "frontends/crossbar/mnist_model.hpp"
#include "frontends/crossbar/subtractor.hpp"
#include "netlist/deck_assembly.hpp"

namespace xb::crossbar {
namespace {

using netlist::Value;

std::string idx(Eigen::Index i) {
  return std::to_string(i);
}

class LayerBuilder {
 public:
  LayerBuilder(const CnnCircuitSpec& s, CnnLayer layer)
      : s_(s), layer_(layer), w_(cnn_layer_weights(s.weights, layer)), a_(d_) {}

  netlist::Deck build(const std::vector<std::vector<double>>& inputs) {
    const bool conv = layer_ == CnnLayer::conv;
    d_.title = std::string("CNN ") + (conv ? "conv 3x3" : "fully connected") + " layer, " +
               idx(w_.cols()) + " inputs, " + idx(w_.rows()) + " outputs, built by xbspice";
    a_.model("xb_g", "conductor", {});
    a_.model("xb_amp", "opamp_ideal", {});
    a_.model("xb_inv", "opamp_tanh",
             {{"rinv", Value::of(conv ? s_.gains.rinv1 : s_.gains.rinv2)},
              {"vinv", Value::of(s_.gains.vinv)}});
    for (Eigen::Index j = 0; j < w_.cols(); ++j)
      a_.source("vin" + idx(j), "in" + idx(j), inputs.empty() ? 0.0 : inputs[0][j]);
    const Eigen::Index tiles = (w_.cols() + s_.tile - 1) / s_.tile;
    for (Eigen::Index t = 0; t < tiles; ++t) tile(t);
    const std::string out = conv ? "h" : "out";
    for (Eigen::Index k = 0; k < w_.rows(); ++k)
      a_.element('x', "xinv" + idx(k), {"s" + idx(k), out + idx(k), "0"}, "xb_inv", {});
    std::vector<std::string> columns;
    for (Eigen::Index j = 0; j < w_.cols(); ++j) columns.push_back("vin" + idx(j));
    a_.op_or_data_sweep("inputs", std::move(columns), inputs);
    return std::move(d_);
  }

 private:
  bool wired() const { return s_.wire_r > 0; }

  // Tile t: rows [t·tile, …) of both arrays, their subtractors, and each column's summer input.
  void tile(Eigen::Index t) {
    const Eigen::Index first = t * s_.tile,
                       rows = std::min<Eigen::Index>(s_.tile, w_.cols() - first);
    std::vector<std::string> bottoms[2];  // each column's bottom in the positive, negative array
    for (int side = 0; side < 2; ++side) {
      const std::string a = "t" + idx(t) + (side == 0 ? "p" : "n");
      const double sign = side == 0 ? 1 : -1;
      auto row = [&](Eigen::Index i, Eigen::Index k) {
        return !wired() || k == 0 ? "in" + idx(first + i) : a + "r" + idx(i) + "_" + idx(k);
      };
      auto col = [&](Eigen::Index i, Eigen::Index k) {
        return !wired() ? a + "c" + idx(k) : a + "c" + idx(i) + "_" + idx(k);
      };
      for (Eigen::Index i = 0; i < rows; ++i)
        for (Eigen::Index k = 0; k < w_.rows(); ++k) {
          const double g = 1 / weight_resistance(std::max(sign * w_(k, first + i), 0.0));
          a_.element('x', "xg" + a + "_" + idx(i) + "_" + idx(k), {row(i, k), col(i, k)}, "xb_g",
                     {}, {{"g", Value::of(g)}});
        }
      if (wired()) {
        const Value r = Value::of(s_.wire_r);
        for (Eigen::Index i = 0; i < rows; ++i)
          for (Eigen::Index k = 0; k < w_.rows(); ++k) {
            const std::string at = a + "_" + idx(i) + "_" + idx(k);
            if (k + 1 < w_.rows()) a_.element('r', "rr" + at, {row(i, k), row(i, k + 1)}, "", {r});
            if (i + 1 < rows) a_.element('r', "rc" + at, {col(i, k), col(i + 1, k)}, "", {r});
          }
      }
      for (Eigen::Index k = 0; k < w_.rows(); ++k) bottoms[side].push_back(col(rows - 1, k));
    }
    for (Eigen::Index k = 0; k < w_.rows(); ++k) {
      const std::string id = idx(t) + "_" + idx(k);
      const std::string d =
          append_subtractor(a_, id, bottoms[0][k], bottoms[1][k], s_.rsub, "xb_amp");
      a_.element('r', "rs" + id, {d, "s" + idx(k)}, "", {Value::of(s_.rsub)});
    }
  }

  const CnnCircuitSpec& s_;
  CnnLayer layer_;
  Eigen::MatrixXd w_;
  netlist::Deck d_;
  netlist::DeckAssembly a_;
};

}  // namespace

Eigen::MatrixXd cnn_layer_weights(const CnnWeights& w, CnnLayer layer) {
  if (layer == CnnLayer::conv) return w.kernels;
  Eigen::MatrixXd fc(kMnistClasses, kCnnPositions * w.channels());
  for (int m = 0; m < kMnistClasses; ++m)
    for (int c = 0; c < w.channels(); ++c)
      for (int p = 0; p < kCnnPositions; ++p)
        fc(m, c * kCnnPositions + p) = w.fc(m, c * kCnnPooled + cnn_pool_of(p)) / 4;
  return fc;
}

netlist::Deck build_cnn_layer_deck(const CnnCircuitSpec& spec, CnnLayer layer,
                                   const std::vector<std::vector<double>>& inputs) {
  return LayerBuilder(spec, layer).build(inputs);
}

Eigen::MatrixXd cnn_conv_inputs(const MnistImage& image, const CnnGains& gains) {
  return gains.vread * image_patches(image);
}

std::unique_ptr<CnnCircuit> CnnCircuit::create(const CnnCircuitSpec& spec, std::string& error) {
  error = check_cnn_weights(spec.weights);
  if (error.empty() && spec.tile < 1) error = "the tile must hold at least one row";
  if (error.empty() && !(spec.wire_r >= 0)) error = "the wire resistance must be >= 0";
  if (!error.empty()) return nullptr;
  std::unique_ptr<CnnCircuit> c(new CnnCircuit(spec));
  error = c->prepare(CnnLayer::conv, c->conv_);
  if (error.empty()) error = c->prepare(CnnLayer::fc, c->fc_);
  if (!error.empty()) return nullptr;
  return c;
}

std::string CnnCircuit::prepare(CnnLayer which, Layer& layer) {
  layer.session.emplace(session::Session::from_deck(build_cnn_layer_deck(spec_, which, {})));
  if (!layer.session->ok()) return layer.session->format_diagnostics();
  const Eigen::MatrixXd w = cnn_layer_weights(spec_.weights, which);
  for (Eigen::Index j = 0; j < w.cols(); ++j)
    layer.inputs.push_back(layer.session->source("vin" + idx(j)));
  const std::string out = which == CnnLayer::conv ? "v(h" : "v(out";
  for (Eigen::Index k = 0; k < w.rows(); ++k)
    layer.outputs.push_back(layer.session->probe(out + idx(k) + ")"));
  layer.session->set_chord_steps(true);
  return "";
}

CnnEvaluation CnnCircuit::evaluate(const MnistImage& image) {
  CnnEvaluation e;
  e.conv = conv_.session->solve_batch(conv_.inputs, cnn_conv_inputs(image, spec_.gains),
                                      conv_.outputs);  // 100 × C
  // fc input c·100 + p is conv output (p, c): the columns of e.conv one after another.
  const Eigen::RowVectorXd fc_inputs = e.conv.reshaped().transpose();
  e.outputs = fc_.session->solve_batch(fc_.inputs, fc_inputs, fc_.outputs).row(0).transpose();
  e.decision = argmax(e.outputs);
  return e;
}

}  // namespace xb::crossbar
