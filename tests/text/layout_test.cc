#include "text/layout.h"

#include <gtest/gtest.h>

namespace dondoc::text {
namespace {

TEST(LayoutTest, Smoke) {
  Layout l = BuildLayout(MappedText::Identity("Một hai.\nBa bốn."));
  EXPECT_EQ(l.paragraphs.size(), 2u);
}

}  // namespace
}  // namespace dondoc::text
