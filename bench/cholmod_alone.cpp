// CHOLMOD alone on the nodal matrix of gen_crossbar's N×N deck (same conductances, same order of
// random draws): the matrix built in memory, then analyze + factor + solve timed in-process, as
// the reference the whole `xbspice run` process is held against. The fixed input nodes (0.1 V
// sources) are folded into the right-hand side, as xbspice eliminates them.
// Usage: cholmod_alone N [--seed S]   prints "N seconds" and the solution's checksum.

#include <cholmod.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) return std::fprintf(stderr, "usage: cholmod_alone N [--seed S]\n"), 1;
  const int n = std::atoi(argv[1]), m = n;
  unsigned seed = 1;
  if (argc > 3 && std::strcmp(argv[2], "--seed") == 0) seed = std::atoi(argv[3]);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> g(1.0 / 3e5, 1.0 / 500);
  // Unknowns: c(i,j) = i*m + j, r(i,j) = n*m + i*m + j.
  const int size = 2 * n * m;
  std::vector<int> ti, tj;
  std::vector<double> tx, b(size, 0.0);
  auto stamp = [&](int a, int c, double cond) {
    ti.push_back(a), tj.push_back(a), tx.push_back(cond);
    if (c < 0) return;
    ti.push_back(c), tj.push_back(c), tx.push_back(cond);
    ti.push_back(std::min(a, c)), tj.push_back(std::max(a, c)), tx.push_back(-cond);  // upper
  };
  auto c_node = [&](int i, int j) { return i * m + j; };
  auto r_node = [&](int i, int j) { return n * m + i * m + j; };
  for (int j = 0; j < m; ++j) stamp(c_node(0, j), -1, 1e-2), b[c_node(0, j)] += 0.1 * 1e-2;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) {
      // gen_crossbar prints 1/g with 9 digits; the matrix holds the conductance it reads back.
      char text[32];
      std::snprintf(text, sizeof text, "%.9g", 1.0 / g(rng));
      stamp(c_node(i, j), r_node(i, j), 1.0 / std::atof(text));
      if (i + 1 < n) stamp(c_node(i, j), c_node(i + 1, j), 1.0);
      if (j + 1 < m) stamp(r_node(i, j), r_node(i, j + 1), 1.0);
    }
  for (int i = 0; i < n; ++i) stamp(r_node(i, m - 1), -1, 1e-2);

  cholmod_common common;
  cholmod_start(&common);
  common.supernodal = CHOLMOD_SUPERNODAL;
  cholmod_triplet* t = cholmod_allocate_triplet(size, size, tx.size(), 1, CHOLMOD_REAL, &common);
  for (size_t k = 0; k < tx.size(); ++k) {
    static_cast<int*>(t->i)[k] = ti[k];
    static_cast<int*>(t->j)[k] = tj[k];
    static_cast<double*>(t->x)[k] = tx[k];
  }
  t->nnz = tx.size();
  cholmod_sparse* a = cholmod_triplet_to_sparse(t, tx.size(), &common);
  cholmod_dense* rhs = cholmod_allocate_dense(size, 1, size, CHOLMOD_REAL, &common);
  std::memcpy(rhs->x, b.data(), sizeof(double) * size);

  const auto t0 = std::chrono::steady_clock::now();
  cholmod_factor* l = cholmod_analyze(a, &common);
  cholmod_factorize(a, l, &common);
  cholmod_dense* x = cholmod_solve(CHOLMOD_A, l, rhs, &common);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (common.status != CHOLMOD_OK || !x) return std::fprintf(stderr, "CHOLMOD failed\n"), 2;
  double sum = 0;
  for (int k = 0; k < size; ++k) sum += static_cast<double*>(x->x)[k];
  std::printf("%d %.3f %.12e\n", n, seconds, sum);
  cholmod_free_dense(&x, &common);
  cholmod_free_dense(&rhs, &common);
  cholmod_free_factor(&l, &common);
  cholmod_free_sparse(&a, &common);
  cholmod_free_triplet(&t, &common);
  cholmod_finish(&common);
  return 0;
}
