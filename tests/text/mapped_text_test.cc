#include "text/mapped_text.h"

#include <gtest/gtest.h>

namespace dondoc::text {
namespace {

TEST(MappedTextTest, IdentityMapsEveryByteOfACharacterToItsStart) {
  MappedText t = MappedText::Identity("aệb");  // ệ is 3 bytes
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t.OriginAt(0), 0u);
  EXPECT_EQ(t.OriginAt(1), 1u);
  EXPECT_EQ(t.OriginAt(2), 1u);
  EXPECT_EQ(t.OriginAt(3), 1u);
  EXPECT_EQ(t.OriginAt(4), 4u);
}

TEST(MappedTextTest, SourceMapGivesOneBasedLinesAndCharacterEnds) {
  const std::string original = "một\nhai\n\nba";
  SourceMap map(original, SourceWidth::kUtf8);
  EXPECT_EQ(map.LineOf(0), 1u);
  EXPECT_EQ(map.LineOf(5), 1u);  // the line feed belongs to its line
  EXPECT_EQ(map.LineOf(6), 2u);
  EXPECT_EQ(map.LineOf(10), 3u);
  EXPECT_EQ(map.LineOf(11), 4u);
  EXPECT_EQ(map.CharEnd(1), 4u);  // ộ is 3 bytes
  MappedText t = MappedText::Identity(original);
  SourceSpan span = map.SpanOf(t, 6, 9);
  EXPECT_EQ(span.start, 6u);
  EXPECT_EQ(span.end, 9u);
}

TEST(MappedTextTest, SliceKeepsOrigins) {
  MappedText t = MappedText::Identity("xin chào");
  MappedText s = t.Slice(4, t.size());
  EXPECT_EQ(s.text(), "chào");
  EXPECT_EQ(s.OriginAt(0), 4u);
}

}  // namespace
}  // namespace dondoc::text
