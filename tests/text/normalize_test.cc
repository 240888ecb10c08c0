#include "text/normalize.h"

#include <gtest/gtest.h>

namespace dondoc::text {
namespace {

TEST(NormalizeTest, ComposesDecomposedVietnameseAndKeepsOrigins) {
  // "Kế" written as K, e, U+0302 (circumflex), U+0301 (acute): 1 + 1 + 2 + 2 bytes.
  const std::string nfd =
      "K"
      "e\xCC\x82\xCC\x81"
      " ho";
  MappedText in = MappedText::Identity(nfd);
  MappedText out = ToNfc(in);
  EXPECT_EQ(out.text(), "Kế ho");
  ASSERT_EQ(out.size(), 1u + 3u + 3u);
  EXPECT_EQ(out.OriginAt(0), 0u);
  EXPECT_EQ(out.OriginAt(1), 1u);  // ế stands for the 'e' that started the sequence
  EXPECT_EQ(out.OriginAt(3), 1u);
  EXPECT_EQ(out.OriginAt(4), 6u);  // the space after the five-byte tail
  EXPECT_EQ(out.OriginAt(5), 7u);
}

TEST(NormalizeTest, AlreadyNfcIsUnchanged) {
  MappedText in = MappedText::Identity("Ủy ban nhân dân tỉnh");
  EXPECT_TRUE(IsNfc(in.text()));
  MappedText out = ToNfc(in);
  EXPECT_EQ(out.text(), in.text());
  EXPECT_EQ(out.origins(), in.origins());
}

TEST(NormalizeTest, DetectsNonNfc) {
  EXPECT_FALSE(IsNfc("a\xCC\x80"));  // a + combining grave
  EXPECT_TRUE(IsNfc("à"));
}

}  // namespace
}  // namespace dondoc::text
