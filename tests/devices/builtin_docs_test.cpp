// docs/devices.md lists every built-in device and parameter (a table row "| name |").

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "devices/builtin.hpp"

TEST(BuiltinDocs, EveryParameterIsDocumented) {
  std::ifstream in(XB_DOCS_DIR "/devices.md");
  ASSERT_TRUE(in) << "docs/devices.md";
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  for (const xb::devices::DeviceDescriptor* type : xb::devices::builtin_types()) {
    const xb::devices::DeviceDescriptor& t = *type;
    EXPECT_NE(doc.find("## " + std::string(t.name) + " ("), std::string::npos) << t.name;
    for (const xb::devices::ParamSpec& p : t.params)
      EXPECT_NE(doc.find("| " + std::string(p.name) + " |"), std::string::npos)
          << t.name << " parameter " << p.name;
  }
}
