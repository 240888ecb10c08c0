// Tests for BuildLayout: one test per layout phenomenon seen in real
// provincial documents, with hand-written fixtures, plus origin checks and
// properties over the shared corpus.
#include "text/layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace dondoc::text {
namespace {

std::vector<std::string> Texts(const Layout& l) {
  std::vector<std::string> out;
  for (const Paragraph& p : l.paragraphs) out.push_back(p.text.text());
  return out;
}

Layout Build(const std::string& s) { return BuildLayout(MappedText::Identity(s)); }

// Every output character comes from the input: a space from whitespace (or
// the line break it replaces), anything else from the same bytes.
void ExpectFaithful(const std::string& in, const MappedText& t) {
  const std::string& s = t.text();
  ASSERT_EQ(s.size(), t.origins().size());
  for (size_t i = 0; i < s.size();) {
    const size_t len = Utf8SequenceLength(static_cast<unsigned char>(s[i]));
    const uint32_t o = t.OriginAt(i);
    ASSERT_LT(o, in.size()) << "byte " << i << " of \"" << s << "\"";
    for (size_t k = 1; k < len; ++k) EXPECT_EQ(t.OriginAt(i + k), o);
    if (s[i] == ' ') {
      const unsigned char c = in[o];
      EXPECT_TRUE(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xC2)
          << "space at " << i << " maps to '" << in[o] << "'";
    } else {
      EXPECT_EQ(in.substr(o, len), s.substr(i, len)) << "byte " << i << " of \"" << s << "\"";
    }
    i += len;
  }
}

void ExpectFaithful(const std::string& in, const Layout& l) {
  for (const Paragraph& p : l.paragraphs) ExpectFaithful(in, p.text);
  for (const Footnote& f : l.footnotes) ExpectFaithful(in, f.text);
}

// Filler lines about as wide as a printed A4 line, so that the short-line
// rule has a typical width to compare with.
const std::string kFill =
    "Các sở, ban ngành phối hợp chặt chẽ với địa phương trong quá trình\n"
    "triển khai, bảo đảm tiến độ và chất lượng của từng nhiệm vụ được giao.\n";

TEST(LayoutTest, JoinsHardWrappedLinesWithOneSpace) {
  const std::string in =
      "Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp với các\n"
      "đơn vị liên quan rà soát nguồn vốn và báo cáo trước ngày 30 tháng 6.\n";
  Layout l = Build(in);
  ASSERT_EQ(l.paragraphs.size(), 1u);
  EXPECT_EQ(l.paragraphs[0].text.text(),
            "Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan rà "
            "soát nguồn vốn và báo cáo trước ngày 30 tháng 6.");
  ExpectFaithful(in, l);
  // The joining space stands for the line feed; "đơn" keeps its offset.
  const MappedText& t = l.paragraphs[0].text;
  const size_t join = t.text().find(" đơn vị");
  const size_t nl = in.find('\n');
  EXPECT_EQ(t.OriginAt(join), nl);
  EXPECT_EQ(t.OriginAt(join + 1), nl + 1);
  EXPECT_EQ(t.OriginAt(0), 0u);
}

TEST(LayoutTest, StructuralStartsOpenParagraphs) {
  const std::string in =
      "I. MỤC TIÊU VÀ YÊU CẦU\n"
      "1. Mục tiêu chung\n"
      "1.1. Về phát triển kinh tế\n"
      "a) Tăng trưởng bình quân đạt trên 8% mỗi năm trong giai đoạn tới;\n"
      "đ) Giữ vững ổn định chính trị ở cơ sở;\n"
      "- Đẩy mạnh chuyển đổi số trong các cơ quan nhà nước;\n"
      "+ Hoàn thành cơ sở dữ liệu dân cư;\n"
      "• Tổ chức tập huấn cho cán bộ cấp xã.\n"
      "Giao Văn phòng theo dõi, tổng hợp kết quả thực hiện hằng quý.\n";
  Layout l = Build(in);
  EXPECT_EQ(Texts(l), (std::vector<std::string>{
                          "I. MỤC TIÊU VÀ YÊU CẦU",
                          "1. Mục tiêu chung",
                          "1.1. Về phát triển kinh tế",
                          "a) Tăng trưởng bình quân đạt trên 8% mỗi năm trong giai đoạn tới;",
                          "đ) Giữ vững ổn định chính trị ở cơ sở;",
                          "- Đẩy mạnh chuyển đổi số trong các cơ quan nhà nước;",
                          "+ Hoàn thành cơ sở dữ liệu dân cư;",
                          "• Tổ chức tập huấn cho cán bộ cấp xã.",
                          "Giao Văn phòng theo dõi, tổng hợp kết quả thực hiện hằng quý.",
                      }));
  ExpectFaithful(in, l);
}

TEST(LayoutTest, AllCapsHeadingWrappedOverLinesStaysOne) {
  const std::string in =
      "II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU TRONG SÁU THÁNG\n"
      "CUỐI NĂM\n"
      "\n"
      "Các ngành tập trung chỉ đạo thu hoạch vụ đông xuân đúng thời vụ.\n";
  EXPECT_EQ(Texts(Build(in)),
            (std::vector<std::string>{
                "II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU TRONG SÁU THÁNG CUỐI NĂM",
                "Các ngành tập trung chỉ đạo thu hoạch vụ đông xuân đúng thời vụ."}));
}

TEST(LayoutTest, DocumentHeaderLinesAreParagraphs) {
  const std::string in =
      "ỦY BAN NHÂN DÂN\n"
      "TỈNH GIA LAI\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\n"
      "Số: 125/KH-UBND\n"
      "Gia Lai, ngày 05 tháng 3 năm 2024\n"
      "Thực hiện Nghị quyết của Hội đồng nhân dân tỉnh ban hành ngày\n"
      "Pleiku, ngày 12 tháng 2 năm 2024 về dự toán, Ủy ban nhân dân tỉnh\n"
      "ban hành kế hoạch như sau:\n";
  Layout l = Build(in);
  EXPECT_EQ(Texts(l), (std::vector<std::string>{
                          "ỦY BAN NHÂN DÂN TỈNH GIA LAI",
                          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                          "Độc lập - Tự do - Hạnh phúc",
                          "Số: 125/KH-UBND",
                          "Gia Lai, ngày 05 tháng 3 năm 2024",
                          "Thực hiện Nghị quyết của Hội đồng nhân dân tỉnh ban hành ngày Pleiku, "
                          "ngày 12 tháng 2 năm 2024 về dự toán, Ủy ban nhân dân tỉnh ban hành kế "
                          "hoạch như sau:",
                      }));
  ExpectFaithful(in, l);
}

TEST(LayoutTest, SentenceEndThenCapitalStartsParagraph) {
  const std::string in =
      "Tổng thu ngân sách trên địa bàn sáu tháng đầu năm đạt kế hoạch.\n"
      "Chi ngân sách bảo đảm đúng dự toán, tiết kiệm và hiệu quả hơn;\n"
      "mua sắm tài sản công được thực hiện công khai, minh bạch.\n";
  EXPECT_EQ(Texts(Build(in)),
            (std::vector<std::string>{
                "Tổng thu ngân sách trên địa bàn sáu tháng đầu năm đạt kế hoạch.",
                "Chi ngân sách bảo đảm đúng dự toán, tiết kiệm và hiệu quả hơn; mua sắm tài sản "
                "công được thực hiện công khai, minh bạch."}));
}

TEST(LayoutTest, WrappedLineBeforeAProperNameContinues) {
  // A full line that ends without punctuation, then a capital: a name or an
  // agency wrapped onto the next line.
  const std::string in = kFill +
                         "Giao Sở Nội vụ hướng dẫn các đơn vị hoàn thiện hồ sơ trình\n"
                         "Ủy ban nhân dân tỉnh xem xét trước ngày 15 tháng 9 năm nay.\n";
  Layout l = Build(in);
  ASSERT_EQ(l.paragraphs.size(), 2u);
  EXPECT_EQ(l.paragraphs[1].text.text(),
            "Giao Sở Nội vụ hướng dẫn các đơn vị hoàn thiện hồ sơ trình Ủy ban nhân dân tỉnh "
            "xem xét trước ngày 15 tháng 9 năm nay.");
}

TEST(LayoutTest, ShortUnfinishedLineEndsHeading) {
  const std::string in = kFill +
                         "\n"
                         "3. Công tác quản lý đất đai\n"
                         "Rà soát quỹ đất sạch để kêu gọi đầu tư vào các khu công nghiệp.\n";
  EXPECT_EQ(Texts(Build(in)).size(), 3u);
}

TEST(LayoutTest, BlankLineInsideSentenceDoesNotEndParagraph) {
  const std::string in =
      "Ủy ban nhân dân tỉnh ban hành Quyết định số 42/2023/QĐ-UBND ngày 18\n"
      "\n"
      "tháng 7 năm 2023 về quy chế phối hợp giữa các cơ quan chuyên môn\n"
      "\n"
      "thuộc tỉnh.\n"
      "\n"
      "Các huyện chủ động bố trí kinh phí để thực hiện chương trình.\n";
  EXPECT_EQ(Texts(Build(in)),
            (std::vector<std::string>{
                "Ủy ban nhân dân tỉnh ban hành Quyết định số 42/2023/QĐ-UBND ngày 18 tháng 7 năm "
                "2023 về quy chế phối hợp giữa các cơ quan chuyên môn thuộc tỉnh.",
                "Các huyện chủ động bố trí kinh phí để thực hiện chương trình."}));
}

TEST(LayoutTest, BlankLineThenCapitalAfterFullLineContinues) {
  const std::string in = kFill +
                         "\n"
                         "Nhìn chung, các chỉ tiêu về xã hội và môi trường đã được\n"
                         "\n"
                         "Hội đồng nhân dân tỉnh giao đều đạt và vượt so với kế hoạch.\n";
  Layout l = Build(in);
  ASSERT_EQ(l.paragraphs.size(), 2u);
  EXPECT_EQ(l.paragraphs[1].text.text(),
            "Nhìn chung, các chỉ tiêu về xã hội và môi trường đã được Hội đồng nhân dân tỉnh "
            "giao đều đạt và vượt so với kế hoạch.");
}

TEST(LayoutTest, WrappedNumbersUnitsAndReferencesAreJoined) {
  const std::string in =
      "Năm nay phấn đấu thu ngân sách nhà nước trên địa bàn đạt 4.500 tỷ\n"
      "đồng, triển khai theo Kế hoạch số\n"
      "730/KH-UBND ngày 14 tháng 11 năm 2022 và Quyết định số 15/QĐ-\n"
      "UBND của Chủ tịch Ủy ban nhân dân tỉnh.\n";
  Layout l = Build(in);
  ASSERT_EQ(l.paragraphs.size(), 1u);
  EXPECT_EQ(l.paragraphs[0].text.text(),
            "Năm nay phấn đấu thu ngân sách nhà nước trên địa bàn đạt 4.500 tỷ đồng, triển khai "
            "theo Kế hoạch số 730/KH-UBND ngày 14 tháng 11 năm 2022 và Quyết định số "
            "15/QĐ-UBND của Chủ tịch Ủy ban nhân dân tỉnh.");
  ExpectFaithful(in, l);
}

TEST(LayoutTest, DashesBetweenWordsAreKeptAndJoinedWithSpace) {
  const std::string in =
      "Tập trung phát triển kinh tế - xã hội gắn với bảo đảm quốc phòng, phát triển kinh tế -\n"
      "xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 -\n"
      "2025.\n";
  Layout l = Build(in);
  ASSERT_EQ(l.paragraphs.size(), 1u);
  EXPECT_EQ(l.paragraphs[0].text.text(),
            "Tập trung phát triển kinh tế - xã hội gắn với bảo đảm quốc phòng, phát triển kinh tế "
            "- xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2025.");
}

TEST(LayoutTest, LeadingSpacePageStartContinuesSentence) {
  const std::string in = kFill +
                         "\n"
                         "Tăng cường kiểm tra việc sử dụng vốn đầu tư công tại các dự án\n"
                         " trọng điểm, xử lý nghiêm các trường hợp chậm giải ngân.\n";
  Layout l = Build(in);
  ASSERT_EQ(l.paragraphs.size(), 2u);
  EXPECT_EQ(l.paragraphs[1].text.text(),
            "Tăng cường kiểm tra việc sử dụng vốn đầu tư công tại các dự án trọng điểm, xử lý "
            "nghiêm các trường hợp chậm giải ngân.");
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(LayoutTest, LonePageNumberInsideSentenceIsDropped) {
  const std::string in = Repeat(kFill + "\n", 5) +
                         "Đẩy nhanh tiến độ giải phóng mặt bằng các công trình giao thông, thúc\n"
                         "\n"
                         "\n"
                         "2 \n"
                         "\n"
                         "đẩy hoàn thành đúng hạn các dự án chuyển tiếp.\n";
  Layout l = Build(in);
  ASSERT_EQ(l.paragraphs.size(), 6u);
  EXPECT_EQ(l.paragraphs[5].text.text(),
            "Đẩy nhanh tiến độ giải phóng mặt bằng các công trình giao thông, thúc đẩy hoàn thành "
            "đúng hạn các dự án chuyển tiếp.");
  ExpectFaithful(in, l);
}

TEST(LayoutTest, NumberThatEndsASentenceIsNotAPageNumber) {
  const std::string in = Repeat(kFill + "\n", 5) +
                         "Số xã đạt chuẩn nông thôn mới đến hết năm nay của toàn tỉnh là\n"
                         "2\n"
                         "\n"
                         "Số thôn đạt chuẩn khu dân cư kiểu mẫu tăng thêm so với cùng kỳ\n"
                         "03\n"
                         "\n"
                         "Các huyện tiếp tục rà soát tiêu chí.\n";
  Layout l = Build(in);
  const std::vector<std::string> t = Texts(l);
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[5], "Số xã đạt chuẩn nông thôn mới đến hết năm nay của toàn tỉnh là 2");
  EXPECT_EQ(t[6], "Số thôn đạt chuẩn khu dân cư kiểu mẫu tăng thêm so với cùng kỳ 03");
}

TEST(LayoutTest, DecorationRulesAreDropped) {
  const std::string in =
      "BÁO CÁO\nkết quả công tác năm\n-----\n\nNăm qua, toàn tỉnh đạt kết quả tốt.\n";
  EXPECT_EQ(Texts(Build(in)), (std::vector<std::string>{"BÁO CÁO kết quả công tác năm",
                                                        "Năm qua, toàn tỉnh đạt kết quả tốt."}));
}

TEST(LayoutTest, PdfFootnotesWithParenMarkersArePulledOut) {
  const std::string body1 = "(1) Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2024.";
  const std::string in =
      "Ủy ban nhân dân tỉnh đã ban hành Kế hoạch cải cách hành chính năm 2024(1)\n"
      "với 45 nhiệm vụ cụ thể, giao cho các sở, ngành và địa phương thực\n"
      "                                                  \n" +
      body1 + "\n" +
      "(2) Gồm: 12 nhiệm vụ về thể chế, 33 nhiệm vụ về thủ tục hành chính và\n"
      "hiện đại hóa nền hành chính.\n"
      " hiện; đến nay đã hoàn thành 30 nhiệm vụ(2).\n";
  Layout l = Build(in);
  ASSERT_EQ(l.paragraphs.size(), 1u);
  const std::string& p = l.paragraphs[0].text.text();
  EXPECT_EQ(
      p,
      "Ủy ban nhân dân tỉnh đã ban hành Kế hoạch cải cách hành chính năm 2024 với 45 nhiệm vụ "
      "cụ thể, giao cho các sở, ngành và địa phương thực hiện; đến nay đã hoàn thành 30 "
      "nhiệm vụ.");
  ASSERT_EQ(l.footnotes.size(), 2u);
  EXPECT_EQ(l.footnotes[0].marker, "(1)");
  EXPECT_EQ(l.footnotes[0].text.text(), "Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2024.");
  EXPECT_EQ(l.footnotes[0].paragraph, 0u);
  EXPECT_EQ(p.substr(0, l.footnotes[0].marker_offset).substr(p.find("năm 2024")), "năm 2024");
  EXPECT_EQ(l.footnotes[1].marker, "(2)");
  EXPECT_EQ(l.footnotes[1].text.text(),
            "Gồm: 12 nhiệm vụ về thể chế, 33 nhiệm vụ về thủ tục hành chính và hiện đại hóa nền "
            "hành chính.");
  EXPECT_EQ(l.footnotes[1].paragraph, 0u);
  EXPECT_EQ(l.footnotes[1].marker_offset, p.size() - 1);  // before the final "."
  ExpectFaithful(in, l);
  // The footnote body maps into its own lines of the input.
  const size_t body_start = in.find(body1);
  for (uint32_t o : l.footnotes[0].text.origins()) {
    EXPECT_GE(o, body_start + 4);
    EXPECT_LT(o, body_start + body1.size());
  }
}

// Regression: the block of footnote bodies ran on into the next part of the
// document when the page's text did not start with a space.
TEST(LayoutTest, FootnoteBlockEndsAtAPartHeading) {
  const std::string in =
      "Căn cứ Quyết định giao chỉ tiêu năm 2024(1); Ủy ban nhân dân tỉnh ban\n"
      "hành Kế hoạch như sau:\n"
      "     _______________\n"
      "(1) Quyết định giao chỉ tiêu kế hoạch năm 2024.\n"
      "\n"
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "\n"
      "1. Nâng cao chất lượng phục vụ người dân.\n"
      "NHIỆM VỤ CỤ THỂ\n";
  Layout l = Build(in);
  ASSERT_EQ(l.footnotes.size(), 1u);
  EXPECT_EQ(l.footnotes[0].text.text(), "Quyết định giao chỉ tiêu kế hoạch năm 2024.");
  EXPECT_EQ(Texts(l), (std::vector<std::string>{
                          "Căn cứ Quyết định giao chỉ tiêu năm 2024; Ủy ban nhân dân tỉnh ban hành "
                          "Kế hoạch như sau:",
                          "I. MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao chất lượng phục vụ người dân.",
                          "NHIỆM VỤ CỤ THỂ"}));
  ExpectFaithful(in, l);
}

TEST(LayoutTest, PdfFootnotesWithBareDigitsAfterQuotes) {
  const std::string in =
      "Các cấp, các ngành quán triệt tinh thần “4 quyết liệt”1, thực hiện tốt\n"
      "“3 bảo đảm”2 trong chỉ đạo, điều hành và tổ chức\n"
      "                                                  \n"
      "1 (1) Quyết liệt trong chỉ đạo; (2) quyết liệt trong kiểm tra;\n"
      "(3) quyết liệt trong xử lý vi phạm; (4) quyết liệt trong khen thưởng.\n"
      "2 (1) Bảo đảm tiến độ; (2) bảo đảm chất lượng; (3) bảo đảm an toàn.\n"
      " thực hiện các nhiệm vụ trọng tâm của năm.\n";
  Layout l = Build(in);
  ASSERT_EQ(l.paragraphs.size(), 1u);
  const std::string& p = l.paragraphs[0].text.text();
  EXPECT_EQ(p,
            "Các cấp, các ngành quán triệt tinh thần “4 quyết liệt”, thực hiện tốt “3 bảo đảm” "
            "trong chỉ đạo, điều hành và tổ chức thực hiện các nhiệm vụ trọng tâm của năm.");
  ASSERT_EQ(l.footnotes.size(), 2u);
  EXPECT_EQ(l.footnotes[0].marker, "1");
  EXPECT_EQ(l.footnotes[0].text.text(),
            "(1) Quyết liệt trong chỉ đạo; (2) quyết liệt trong kiểm tra; (3) quyết liệt trong "
            "xử lý vi phạm; (4) quyết liệt trong khen thưởng.");
  EXPECT_EQ(l.footnotes[0].marker_offset, p.find("”, thực hiện") + std::string("”").size());
  EXPECT_EQ(l.footnotes[1].marker_offset, p.find("” trong chỉ đạo") + std::string("”").size());
  ExpectFaithful(in, l);
}

TEST(LayoutTest, BareDigitGluedToFigureStaysWithoutFootnoteBody) {
  const std::string in =
      "Tỷ lệ giải ngân vốn đầu tư công đạt 90%2 kế hoạch năm, cao hơn cùng kỳ.\n";
  Layout l = Build(in);
  ASSERT_EQ(l.paragraphs.size(), 1u);
  EXPECT_EQ(l.paragraphs[0].text.text(),
            "Tỷ lệ giải ngân vốn đầu tư công đạt 90%2 kế hoạch năm, cao hơn cùng kỳ.");
  EXPECT_TRUE(l.footnotes.empty());
}

TEST(LayoutTest, BareDigitGluedToFigureIsMarkerWhenBodyExists) {
  const std::string in =
      "Tỷ lệ giải ngân vốn đầu tư công đạt 90%2 kế hoạch năm, trong đó diện tích\n"
      "500 m2 đất công được bàn giao cho\n"
      "                                                  \n"
      "2 Số liệu đến ngày 30 tháng 11 năm 2024.\n"
      " các đơn vị sử dụng.\n";
  Layout l = Build(in);
  ASSERT_EQ(l.paragraphs.size(), 1u);
  EXPECT_EQ(l.paragraphs[0].text.text(),
            "Tỷ lệ giải ngân vốn đầu tư công đạt 90% kế hoạch năm, trong đó diện tích 500 m2 đất "
            "công được bàn giao cho các đơn vị sử dụng.");
  ASSERT_EQ(l.footnotes.size(), 1u);
  EXPECT_EQ(l.footnotes[0].paragraph, 0u);
  EXPECT_EQ(l.footnotes[0].marker_offset, l.paragraphs[0].text.text().find(" kế hoạch"));
}

TEST(LayoutTest, NumberAfterSeparatorThatIsNotAFootnoteStaysText) {
  const std::string in =
      "Hoàn thành hồ sơ đề nghị công nhận đạt chuẩn trước quý III năm\n"
      "                                                  \n"
      "2025; giao Sở Nông nghiệp và Môi trường theo dõi, đôn đốc.\n";
  Layout l = Build(in);
  ASSERT_EQ(l.paragraphs.size(), 1u);
  EXPECT_TRUE(l.footnotes.empty());
  EXPECT_NE(l.paragraphs[0].text.text().find("năm 2025;"), std::string::npos);
}

TEST(LayoutTest, DocxFootnotesAndBookmarks) {
  const std::string in =
      "[bookmark: _Hlk80112233]- Tổng sản phẩm trên địa bàn tăng 7,1%[footnoteRef:1]; thu ngân "
      "sách đạt 3.200 tỷ đồng[footnoteRef:2]. [1:  Theo số liệu của Cục Thống kê.]  [2:  Trong "
      "đó thu nội địa [bookmark: _Hlk1]2.900 tỷ đồng.]\n"
      "\n"
      "- Giải quyết việc làm cho 6.100 lao động[footnoteRef:3].\n"
      "[3:  Gồm cả lao động đi làm việc ở nước ngoài.]\n";
  Layout l = Build(in);
  EXPECT_EQ(Texts(l),
            (std::vector<std::string>{
                "- Tổng sản phẩm trên địa bàn tăng 7,1%; thu ngân sách đạt 3.200 tỷ đồng.",
                "- Giải quyết việc làm cho 6.100 lao động."}));
  ASSERT_EQ(l.footnotes.size(), 3u);
  EXPECT_EQ(l.footnotes[0].marker, "1");
  EXPECT_EQ(l.footnotes[0].text.text(), "Theo số liệu của Cục Thống kê.");
  EXPECT_EQ(l.footnotes[1].text.text(), "Trong đó thu nội địa 2.900 tỷ đồng.");
  EXPECT_EQ(l.footnotes[2].text.text(), "Gồm cả lao động đi làm việc ở nước ngoài.");
  const std::string& p0 = l.paragraphs[0].text.text();
  EXPECT_EQ(l.footnotes[0].paragraph, 0u);
  EXPECT_EQ(l.footnotes[0].marker_offset, p0.find("; thu"));
  EXPECT_EQ(l.footnotes[1].paragraph, 0u);
  EXPECT_EQ(l.footnotes[1].marker_offset, p0.size() - 1);
  EXPECT_EQ(l.footnotes[2].paragraph, 1u);
  EXPECT_EQ(l.footnotes[2].marker_offset, l.paragraphs[1].text.size() - 1);
  ExpectFaithful(in, l);
  // Footnote text origins point into the "[N: ...]" bodies.
  const size_t body3 = in.find("[3:");
  for (uint32_t o : l.footnotes[2].text.origins()) EXPECT_GT(o, body3);
}

TEST(LayoutTest, CollapsesSpacesAndTabsAndTrims) {
  const std::string in = "  Tăng cường \t công tác\u00a0 kiểm tra,   giám sát.   \n\n\n";
  Layout l = Build(in);
  ASSERT_EQ(l.paragraphs.size(), 1u);
  EXPECT_EQ(l.paragraphs[0].text.text(), "Tăng cường công tác kiểm tra, giám sát.");
  ExpectFaithful(in, l);
}

TEST(LayoutTest, EmptyAndBlankInputs) {
  EXPECT_TRUE(Build("").paragraphs.empty());
  EXPECT_TRUE(Build("\n \n\t\n").paragraphs.empty());
  EXPECT_TRUE(Build("[bookmark: _Hlk1]").paragraphs.empty());
  EXPECT_EQ(Texts(Build("Một dòng")), (std::vector<std::string>{"Một dòng"}));
}

TEST(LayoutTest, QuotedListKeepsTogether) {
  const std::string in =
      "Phương châm hành động năm nay: “Kỷ cương, trách nhiệm; Chủ động;\n"
      "Đổi mới, sáng tạo; Hiệu quả”.\n";
  EXPECT_EQ(Build(in).paragraphs.size(), 1u);
}

// Paragraphs the way CleanedDocument::JoinedText writes them.
std::string Joined(const Layout& l) {
  std::string out;
  for (const Paragraph& p : l.paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p.text.text();
  }
  return out;
}

TEST(LayoutTest, CleanedTextStaysAsIs) {
  // Already one paragraph per line, blank lines between: a title without
  // final punctuation before a capital, an item heading without a colon,
  // short and long lines mixed. Nothing may be joined or dropped.
  const std::string in =
      "ỦY BAN NHÂN DÂN TỈNH BẮC SƠN\n\n"
      "KẾ HOẠCH\n\n"
      "Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2024 trên địa bàn tỉnh "
      "gắn với việc thực hiện Đề án phát triển ứng dụng dữ liệu dân cư giai đoạn 2022-2025\n\n"
      "Căn cứ Quyết định số 505/QĐ-TTg ngày 22 tháng 4 năm 2022 của Thủ tướng Chính phủ về Ngày "
      "Chuyển đổi số quốc gia; theo đề nghị của Sở Thông tin và Truyền thông, Ủy ban nhân dân "
      "tỉnh ban hành Kế hoạch như sau:\n\n"
      "I. MỤC ĐÍCH, YÊU CẦU\n\n"
      "1. Nâng cao nhận thức của cán bộ, công chức và người dân về vai trò của chuyển đổi số\n\n"
      "Các cơ quan, đơn vị lồng ghép nội dung tuyên truyền vào hoạt động chuyên môn, bảo đảm "
      "thiết thực, tránh hình thức, phù hợp với điều kiện của từng địa phương.\n\n"
      "12\n\n"
      "Thời gian tổ chức từ ngày 01 tháng 10 đến ngày 31 tháng 10 năm 2024\n\n"
      "Kinh phí thực hiện từ nguồn ngân sách nhà nước được giao trong dự toán năm 2024 của các "
      "cơ quan, đơn vị và các nguồn hợp pháp khác theo quy định của pháp luật hiện hành.\n";
  Layout l = Build(in);
  std::string expected = in;
  expected.pop_back();
  EXPECT_EQ(Joined(l), expected);
  ExpectFaithful(in, l);
}

TEST(LayoutTest, TitleThenPreambleStaysApartWhenCleanedAgain) {
  // A double-spaced PDF page: the title ends on a short line with a closing
  // quote, the preamble starts with a capital.
  const std::string in =
      " QUYẾT ĐỊNH\n"
      "Ban hành Quy chế phối hợp giữa các sở, ban ngành trong việc triển khai\n\n"
      "Nghị quyết số 15-NQ/TU ngày 02 tháng 3 năm 2024 của Tỉnh ủy \"về tăng cường\n\n"
      "quản lý tài nguyên khoáng sản trên địa bàn tỉnh giai đoạn 2024-2030\n\n"
      "và những năm tiếp theo\"\n\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật\n\n"
      "sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức\n\n"
      "chính quyền địa phương ngày 22 tháng 11 năm 2019; theo đề nghị của Giám\n\n"
      "đốc Sở Tài nguyên và Môi trường.\n\n"
      "QUYẾT ĐỊNH:\n\n"
      "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp trong quản lý\n\n"
      "tài nguyên khoáng sản trên địa bàn tỉnh.\n\n"
      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban\n\n"
      "nhân dân tỉnh, Giám đốc các sở, ban ngành và Chủ tịch Ủy ban nhân dân các\n\n"
      "huyện, thành phố chịu trách nhiệm thi hành Quyết định này.\n";
  const Layout once = Build(in);
  ASSERT_EQ(once.paragraphs.size(), 6u);
  EXPECT_EQ(once.paragraphs[1].text.text().rfind("Ban hành", 0), 0u);
  EXPECT_EQ(once.paragraphs[2].text.text().rfind("Căn cứ", 0), 0u);
  const std::string first = Joined(once);
  EXPECT_EQ(Joined(Build(first)), first);
}

TEST(LayoutTest, DocxExportOneLinePerParagraph) {
  // No hard wrap: every line is a paragraph, however wide, unless the words
  // show a title broken by soft line breaks; blank lines are empty
  // paragraphs; DOCX markup is still handled.
  const std::string in =
      "BÁO CÁO\n"
      "kết quả triển khai chương trình chuyển đổi số\n"
      "năm 2024\n"
      "-----\n"
      "I. KẾT QUẢ ĐẠT ĐƯỢC\n"
      "[bookmark: _Hlk1]- Hạ tầng số được đầu tư đồng bộ, 100% cơ quan nhà nước cấp tỉnh, cấp "
      "huyện và cấp xã kết nối mạng truyền số liệu chuyên dùng[footnoteRef:1]; tỷ lệ hồ sơ trực "
      "tuyến toàn trình đạt 48%, tăng 15% so với cùng kỳ năm trước\n"
      "Cổng dịch vụ công của tỉnh được nâng cấp, tích hợp với Cổng dịch vụ công quốc gia và hệ "
      "thống thanh toán trực tuyến, phục vụ người dân và doanh nghiệp mọi lúc, mọi nơi.\n"
      "\n"
      "Hội nghị trực tuyến được tổ chức đến cấp xã\n"
      "Dữ liệu dân cư được khai thác trong giải quyết thủ tục hành chính.\n"
      "7\n"
      "[1: Gồm 118 điểm cấp xã.]\n";
  Layout l = Build(in);
  EXPECT_EQ(
      Texts(l),
      (std::vector<std::string>{
          "BÁO CÁO kết quả triển khai chương trình chuyển đổi số năm 2024", "I. KẾT QUẢ ĐẠT ĐƯỢC",
          "- Hạ tầng số được đầu tư đồng bộ, 100% cơ quan nhà nước cấp tỉnh, cấp huyện và cấp "
          "xã kết nối mạng truyền số liệu chuyên dùng; tỷ lệ hồ sơ trực tuyến toàn trình đạt "
          "48%, tăng 15% so với cùng kỳ năm trước",
          "Cổng dịch vụ công của tỉnh được nâng cấp, tích hợp với Cổng dịch vụ công quốc gia "
          "và hệ thống thanh toán trực tuyến, phục vụ người dân và doanh nghiệp mọi lúc, mọi "
          "nơi.",
          "Hội nghị trực tuyến được tổ chức đến cấp xã",
          "Dữ liệu dân cư được khai thác trong giải quyết thủ tục hành chính.", "7"}));
  ASSERT_EQ(l.footnotes.size(), 1u);
  EXPECT_EQ(l.footnotes[0].text.text(), "Gồm 118 điểm cấp xã.");
  EXPECT_EQ(l.footnotes[0].paragraph, 2u);
  EXPECT_EQ(l.footnotes[0].marker_offset, l.paragraphs[2].text.text().find("; tỷ lệ"));
  ExpectFaithful(in, l);
  const std::string first = Joined(l);
  EXPECT_EQ(Joined(Build(first)), first);
}

TEST(LayoutTest, LinearTimeOnHugeSingleLineAndManyLines) {
  // A single 4 MB line and 4 MB of short wrapped lines; a quadratic step
  // would take minutes here even without sanitizers.
  std::string word = "phát triển kinh tế - xã hội ";
  std::string one_line;
  while (one_line.size() < (4u << 20)) one_line += word;
  std::string many;
  while (many.size() < (4u << 20)) many += kFill + "\n";
  const auto start = std::chrono::steady_clock::now();
  Layout a = Build(one_line);
  Layout b = Build(many);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(a.paragraphs.size(), 1u);
  EXPECT_EQ(a.paragraphs[0].text.size(), one_line.size() - 1);
  EXPECT_GT(b.paragraphs.size(), 1000u);
  EXPECT_LT(seconds, 60.0);
}

TEST(LayoutTest, CorpusProperties) {
  const std::filesystem::path dir = std::filesystem::path(DONDOC_SHARED_DIR) / "corpus/kontum";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "no corpus at " << dir;
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream f(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string in = ss.str();
    SCOPED_TRACE(entry.path().filename().string());
    ++files;
    Layout l = Build(in);
    size_t lines = 1;
    size_t text_lines = 0;
    for (size_t i = 0; i < in.size();) {
      const size_t e = std::min(in.find('\n', i), in.size());
      lines += e < in.size();
      text_lines += in.find_first_not_of(" \t\r", i) < e;
      i = e + 1;
    }
    for (const Paragraph& p : l.paragraphs) {
      EXPECT_FALSE(p.text.empty());
      EXPECT_EQ(p.text.text().find("[footnoteRef"), std::string::npos);
      EXPECT_EQ(p.text.text().find("[bookmark"), std::string::npos);
      EXPECT_NE(p.text.text().front(), ' ');
      EXPECT_NE(p.text.text().back(), ' ');
      EXPECT_EQ(p.text.text().find("  "), std::string::npos);
      for (uint32_t o : p.text.origins()) ASSERT_LT(o, in.size());
    }
    for (const Footnote& n : l.footnotes) {
      EXPECT_FALSE(n.text.empty());
      for (uint32_t o : n.text.origins()) ASSERT_LT(o, in.size());
      if (n.paragraph != SIZE_MAX) {
        ASSERT_LT(n.paragraph, l.paragraphs.size());
        EXPECT_LE(n.marker_offset, l.paragraphs[n.paragraph].text.size());
      }
    }
    EXPECT_GT(l.paragraphs.size(), 10u);
    EXPECT_LE(l.paragraphs.size(), text_lines);
    // Hard-wrapped PDF text (short lines): far fewer paragraphs than lines.
    // A DOCX export has one line per paragraph already.
    if (in.size() / lines < 200) {
      EXPECT_LT(l.paragraphs.size() * 3, lines) << l.paragraphs.size() << " of " << lines;
    }
    ExpectFaithful(in, l);
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace dondoc::text
