// The binary 16-8-4 letters network (frontends/crossbar/letters): its data, training, and the
// circuit at SPICE level against the software model.

#include "frontends/crossbar/letters.hpp"

#include <gtest/gtest.h>

using namespace xb::crossbar;

TEST(Letters, TrainingAndTestSets) {
  const auto& train = letters_training_set();
  ASSERT_EQ(train.size(), 40u);
  const std::vector<LetterPattern> test = letters_test_set();
  ASSERT_EQ(test.size(), 640u);
  // Every test pattern is a training variant with exactly one pixel flipped.
  for (size_t t = 0; t < test.size(); ++t) {
    const LetterPattern& v = train[t / 16];
    int differ = 0;
    for (int i = 0; i < kLetterPixels; ++i) differ += v.pixels[i] != test[t].pixels[i];
    EXPECT_EQ(differ, 1);
    EXPECT_EQ(test[t].label, v.label);
  }
}

TEST(Letters, TrainedNetworkClassifiesAndTheCircuitAgrees) {
  const LettersParams p;
  LettersTrainOptions o;
  double train_accuracy = 0, again = 0;
  const LettersWeights w = train_letters(p, o, train_accuracy);
  EXPECT_EQ(w.on1, train_letters(p, o, again).on1);  // deterministic for a seed
  EXPECT_GE(train_accuracy, 0.95);
  const std::vector<LetterPattern> test = letters_test_set();
  const LettersCircuitReport r = run_letters_circuit(w, p, test);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.patterns, 640u);
  EXPECT_GE(r.circuit_right, 0.9 * 640);  // 634 of 640 with seed 1
  EXPECT_EQ(r.agree, r.patterns);         // conductor cells: the circuit is the software model
  EXPECT_LT(r.largest_difference, 1e-12);
  // The largest cell voltage is a hidden output's swing, well above the 0.1 V inputs.
  EXPECT_GT(r.largest_cell_voltage, 0.1);
  EXPECT_LT(r.largest_cell_voltage, p.v_inv);
}

TEST(Letters, SecondParameterSetSaturatesTheInverters) {
  // R_INV = 1 MΩ: R_INV·I/V_INV reaches hundreds, the outputs tie at ±V_INV and the soft
  // binarization gets no gradient; recorded, not hidden (docs/letters.md).
  const LettersParams p = letters_second_set();
  double train_accuracy = 0;
  const LettersWeights w = train_letters(p, LettersTrainOptions{}, train_accuracy);
  const LettersForward f = letters_forward(w, p, letters_training_set()[0].pixels);
  EXPECT_NEAR(f.hidden.cwiseAbs().maxCoeff(), p.v_inv, 1e-6);
}
