#include "netlist/name_index.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using xb::netlist::NameIndex;

TEST(NameIndex, FindsEveryNameThroughGrowthAndKeepsTheFirstId) {
  std::vector<std::string> names;
  NameIndex index;
  const auto name_of = [&](uint32_t k) -> auto& {
    return names[k];
  };
  for (int i = 0; i < 100000; ++i) {
    names.push_back("r" + std::to_string(i) + "_" + std::to_string(i % 7));
    ASSERT_EQ(index.insert(names.back(), static_cast<uint32_t>(i), name_of), uint32_t(i));
  }
  EXPECT_EQ(index.size(), 100000u);
  for (int i = 0; i < 100000; i += 97) EXPECT_EQ(index.find(names[i], name_of), uint32_t(i));
  EXPECT_EQ(index.find("r5_6", name_of), NameIndex::npos);  // 5 % 7 is 5: never stored
  EXPECT_EQ(index.find("", name_of), NameIndex::npos);
  // A name stored already returns its first id and stores nothing.
  EXPECT_EQ(index.insert(names[42], 123456, name_of), 42u);
  EXPECT_EQ(index.size(), 100000u);
}

TEST(NameIndex, EmptyAndReserved) {
  std::vector<std::string> names{"a"};
  const auto name_of = [&](uint32_t k) -> auto& {
    return names[k];
  };
  NameIndex index;
  EXPECT_EQ(index.find("a", name_of), NameIndex::npos);
  index.reserve(1000);
  EXPECT_EQ(index.find("a", name_of), NameIndex::npos);
  EXPECT_EQ(index.insert("a", 0, name_of), 0u);
  EXPECT_EQ(index.find("a", name_of), 0u);
}
