#pragma once
// `xbspice regress DIR...`: device regression against golden curves. A case is a deck with
// comment directives
//   *REGRESS v(out) rel=1e-6 abs=1e-9      *REGRESS i(v1) range=1e-3
//   *REGRESS golden=file.csv analysis=2    (golden default: the deck's name with .csv, else .raw)
// and a golden result file (CSV or ngspice raw). Each named signal of the simulation is
// interpolated on the golden's axis and its worst error checked against the tolerance:
// rel/abs: |d| <= abs + rel·|golden|;  range: |d| <= range·(max − min of the golden signal).

#include <string>
#include <vector>

namespace xb::cli {

struct RegressOptions {
  std::vector<std::string> paths;  // decks or directories (searched recursively for *.sp)
  int jobs = 1;
  std::string junit;   // JUnit XML report when not empty
  bool bless = false;  // rewrite the goldens from this run
};

int run_regress(const RegressOptions& options);

}  // namespace xb::cli
