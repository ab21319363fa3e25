// The 4×4 TaOx perceptron trained in situ (frontends/crossbar/perceptron): the pulse response
// of the cell, the training loop on the live crossbar, and the trained crossbar's deck.

#include "frontends/crossbar/perceptron.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "devices/taox.hpp"
#include "frontends/session/session.hpp"

using namespace xb::crossbar;

TEST(Perceptron, PulsesSetTheTaoxCellGradually) {
  std::string error;
  const std::vector<double> g = taox_pulse_curve(PerceptronSpec{}, 40, error);
  ASSERT_EQ(error, "");
  ASSERT_EQ(g.size(), 41u);
  // x0 = 0.2 reads Gm·0.2 + (1 − 0.2)·a·exp(b·√0.1) at 0.1 V.
  EXPECT_NEAR(g[0], xb::devices::TaoxGroup::read_conductance({}, 0.1, 0.2), 1e-12);
  for (size_t n = 1; n < g.size(); ++n) {
    EXPECT_GT(g[n], g[n - 1]) << n;           // every pulse potentiates
    EXPECT_LT(g[n] - g[n - 1], 0.6e-3) << n;  // by small steps (the first is 0.11 mS)
  }
  EXPECT_GT(g.back(), 1.8 * g.front());   // and together they nearly double it
  EXPECT_LT(g[40] - g[39], g[1] - g[0]);  // with diminishing steps
}

TEST(Perceptron, TrainsInSituAndTheDeckReadsLikeTheLiveCrossbar) {
  PerceptronSpec spec;
  std::string error;
  const PerceptronRun run = train_perceptron(spec, error);
  ASSERT_EQ(error, "");
  ASSERT_TRUE(run.converged);
  EXPECT_LE(run.epochs_needed, 20);
  EXPECT_EQ(run.epochs.back().error, 0);
  EXPECT_EQ(run.epochs.front().pulses, 8);  // one per input and neuron: potentiation only
  // Every training pattern meets its target.
  const auto& train = perceptron_training_set();
  for (size_t n = 0; n < train.size(); ++n)
    for (int k = 0; k < kPerceptronNeurons; ++k)
      EXPECT_GE(train[n].target[k] ? run.epochs.back().activations[n][k]
                                   : -run.epochs.back().activations[n][k],
                0.8);
  // With ideal wires the circuit decides the test set exactly as its weights predict.
  EXPECT_EQ(run.test_agree, run.test_total);
  EXPECT_LT(run.test_largest_difference, 1e-12);
  // The trained crossbar as a deck (its states written as x0): the same reads.
  xb::session::Session deck =
      xb::session::Session::from_deck(perceptron_deck(spec, run.final_state, train));
  ASSERT_TRUE(deck.ok()) << deck.format_diagnostics();
  const xb::session::Outcome dc = deck.run(0);
  ASSERT_TRUE(dc.status.ok);
  ASSERT_EQ(dc.results.rows.size(), train.size());
  auto column = [&](const std::string& name) {
    return std::find(dc.results.signals.begin(), dc.results.signals.end(), name) -
           dc.results.signals.begin();
  };
  for (size_t n = 0; n < train.size(); ++n)
    for (int k = 0; k < kPerceptronNeurons; ++k) {
      const double i = dc.results.rows[n][column("i(vc" + std::to_string(2 * k) + ")")] -
                       dc.results.rows[n][column("i(vc" + std::to_string(2 * k + 1) + ")")];
      EXPECT_NEAR(std::tanh(spec.beta * i), run.epochs.back().activations[n][k], 1e-9);
    }
}

TEST(Perceptron, MostSeedsConvergeWithinTheEpochBudget) {
  int converged = 0;
  for (unsigned seed = 1; seed <= 20; ++seed) {
    PerceptronSpec spec;
    spec.seed = seed;
    std::string error;
    converged += train_perceptron(spec, error).converged;
    ASSERT_EQ(error, "");
  }
  EXPECT_GE(converged, 18);  // 94 of 100 seeds in bench/ (docs/perceptron.md)
}

TEST(Perceptron, TableDeviceCountsOnePerPulseAsTheReference) {
  std::vector<double> table;
  ASSERT_EQ(read_pulse_table(XB_PERCEPTRON_TABLE, table), "");
  ASSERT_EQ(table.size(), 51u);
  const PerceptronSpec spec = table_perceptron(table);
  std::string error;
  const PerceptronRun run = train_perceptron(spec, error);
  ASSERT_EQ(error, "");
  ASSERT_GE(run.epochs.size(), 2u);
  // After the first epoch's 8 pulses: the pulsed cells count one, the half-selected ones (1 V,
  // below the 1.5 V threshold) none; each conductance is K·[(T(n) − T(0)) + shift].
  const PerceptronEpoch &before = run.epochs[0], &after = run.epochs[1];
  int pulsed = 0;
  for (int c = 0; c < 16; ++c) {
    EXPECT_NEAR(before.state[c], 0, 1e-12);
    const bool one = std::fabs(after.state[c] - 1) < 1e-3;
    EXPECT_TRUE(one || std::fabs(after.state[c]) < 1e-6) << c << ": " << after.state[c];
    pulsed += one;
    const double g = after.conductance[c] - before.conductance[c];
    EXPECT_NEAR(g, one ? 10 * (table[1] - table[0]) : 0, 1e-3 * 10 * (table[1] - table[0]));
  }
  EXPECT_EQ(pulsed, 8);
  // The trained weights predict the crossbar's test-set decisions.
  EXPECT_EQ(run.test_agree, run.test_total);
}
