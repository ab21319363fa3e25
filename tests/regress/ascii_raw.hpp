#pragma once
// Minimal reader of ngspice ASCII raw files for the regression tests (plots of real vectors).

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace xb::regress {

struct RawPlot {
  std::string name;                         // "Operating Point", "DC transfer characteristic"
  std::vector<std::string> variables;       // lower-case names
  std::vector<std::vector<double>> points;  // points[k][variable]
};

inline std::vector<RawPlot> read_ascii_raw(const std::string& path) {
  std::ifstream in(path);
  std::vector<RawPlot> plots;
  std::string line;
  size_t nvars = 0, npoints = 0;
  while (std::getline(in, line)) {
    if (line.rfind("Plotname:", 0) == 0) {
      plots.emplace_back();
      plots.back().name = line.substr(line.find(':') + 2);
    } else if (line.rfind("No. Variables:", 0) == 0) {
      nvars = std::stoul(line.substr(14));
    } else if (line.rfind("No. Points:", 0) == 0) {
      npoints = std::stoul(line.substr(11));
    } else if (line.rfind("Variables:", 0) == 0) {
      for (size_t i = 0; i < nvars && std::getline(in, line); ++i) {
        std::istringstream ss(line);
        std::string index, name;
        ss >> index >> name;
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        plots.back().variables.push_back(name);
      }
    } else if (line.rfind("Values:", 0) == 0) {
      for (size_t p = 0; p < npoints; ++p) {
        std::vector<double> values;
        for (size_t v = 0; v < nvars && std::getline(in, line); ++v) {
          std::istringstream ss(line);
          std::string first;
          ss >> first;
          if (v == 0) ss >> first;  // the point index comes first on the first line
          // strtod, not stod: ngspice writes denormals (1e-315), which stod rejects.
          values.push_back(std::strtod(first.c_str(), nullptr));
        }
        plots.back().points.push_back(std::move(values));
      }
    }
  }
  return plots;
}

}  // namespace xb::regress
