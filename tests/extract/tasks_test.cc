// Tests of ExtractTasks and its assignment grammar (tasks_grammar.h), on
// fixtures of our own, with a small fake gazetteer so that the grammar is
// tested apart from the agency tables.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/context.h"
#include "extract/dates.h"
#include "extract/outline.h"
#include "extract/steps.h"
#include "extract/tasks_grammar.h"
#include "text/clean.h"

namespace dondoc::extract {
namespace {

// Knows a fixed list of names; finds the longest one at each position.
class FakeGazetteer : public Gazetteer {
 public:
  struct Entry {
    std::string surface;
    std::string canonical;
  };
  explicit FakeGazetteer(std::vector<Entry> entries) : entries_(std::move(entries)) {}

  std::vector<AgencyMention> Find(std::string_view text) const override {
    std::vector<AgencyMention> out;
    size_t pos = 0;
    while (pos < text.size()) {
      const Entry* best = nullptr;
      for (const Entry& e : entries_) {
        if (text.substr(pos).starts_with(e.surface) &&
            (best == nullptr || e.surface.size() > best->surface.size())) {
          best = &e;
        }
      }
      if (best == nullptr) {
        ++pos;
        continue;
      }
      AgencyMention m;
      m.canonical = best->canonical;
      m.as_written = best->surface;
      m.begin = pos;
      m.end = pos + best->surface.size();
      m.via_title = best->surface != best->canonical;
      out.push_back(m);
      pos = m.end;
    }
    return out;
  }
  std::optional<AgencyMention> Canonicalize(std::string_view name) const override {
    for (const Entry& e : entries_) {
      if (e.surface == name) return AgencyMention{e.canonical, e.surface};
    }
    return std::nullopt;
  }
  std::optional<AgencySuccession> SuccessorOf(std::string_view) const override {
    return std::nullopt;
  }

 private:
  std::vector<Entry> entries_;
};

const FakeGazetteer& Agencies() {
  static const FakeGazetteer g({
      {"Sở Tài chính", "Sở Tài chính"},
      {"Giám đốc Sở Tài chính", "Sở Tài chính"},
      {"Sở Xây dựng", "Sở Xây dựng"},
      {"Sở Giao thông vận tải", "Sở Giao thông vận tải"},
      {"Sở Nội vụ", "Sở Nội vụ"},
      {"Sở Tư pháp", "Sở Tư pháp"},
      {"Sở Y tế", "Sở Y tế"},
      {"Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo"},
      {"Sở Công Thương", "Sở Công Thương"},
      {"Giám đốc Sở Công Thương", "Sở Công Thương"},
      {"Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"},
      {"Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"},
      {"Công an tỉnh", "Công an tỉnh"},
      {"Giám đốc Công an tỉnh", "Công an tỉnh"},
      {"Các sở, ban ngành", "Các sở, ban ngành"},
      {"các sở, ban ngành", "Các sở, ban ngành"},
      {"Ủy ban nhân dân các huyện", "Ủy ban nhân dân các huyện"},
      {"Chủ tịch Ủy ban nhân dân các huyện", "Ủy ban nhân dân các huyện"},
      {"Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"},
      {"Các đơn vị, địa phương", "Các đơn vị, địa phương"},
      {"các đơn vị liên quan", "Các đơn vị liên quan"},
      {"Ủy ban Mặt trận Tổ quốc tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"},
  });
  return g;
}

struct Extracted {
  text::CleanedDocument doc;
  std::vector<Task> tasks;
};

Extracted ExtractFrom(const std::string& input) {
  Extracted e;
  text::CleanOptions options;
  options.repair = false;
  auto doc = text::Clean(input, options, nullptr);
  EXPECT_TRUE(doc.ok());
  e.doc = std::move(doc.value());
  DocumentContext ctx;
  ctx.doc = &e.doc;
  ctx.agencies = &Agencies();
  ctx.outline = BuildOutline(e.doc.layout);
  e.tasks = ExtractTasks(ctx);
  return e;
}

std::vector<std::string> Leads(const std::vector<Task>& tasks) {
  std::vector<std::string> out;
  for (const Task& t : tasks) out.push_back(t.lead.value_or("<null>"));
  return out;
}

using Strings = std::vector<std::string>;

TEST(TasksGrammarTest, LowerSameLengthKeepsOffsets) {
  const std::string s = "Giao SỞ Y TẾ Đề Nghị";
  const std::string l = tasks::LowerSameLength(s);
  EXPECT_EQ(l.size(), s.size());
  EXPECT_EQ(l, "giao sở y tế đề nghị");
}

// The context lower-cases and searches each paragraph once and hands out
// the same copy to every step.
TEST(TasksGrammarTest, ContextKeepsOneCopyPerParagraph) {
  text::CleanOptions options;
  options.repair = false;
  auto doc =
      text::Clean("1. GIAO Sở Tài chính chủ trì.\n\n2. Sở Xây dựng phối hợp.\n", options, nullptr);
  ASSERT_TRUE(doc.ok());
  DocumentContext ctx;
  ctx.doc = &doc.value();
  ctx.agencies = &Agencies();
  ASSERT_EQ(ctx.paragraphs().size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(ctx.ParagraphLower(i), tasks::LowerSameLength(ctx.ParagraphText(i)));
    EXPECT_EQ(ctx.ParagraphLower(i).data(), ctx.ParagraphLower(i).data());
    const std::vector<AgencyMention>& m = ctx.ParagraphMentions(i);
    EXPECT_EQ(&m, &ctx.ParagraphMentions(i));
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(m[0].canonical, Agencies().Find(ctx.ParagraphText(i))[0].canonical);
  }
  EXPECT_NE(ctx.ParagraphLower(0).find("giao sở tài chính"), std::string_view::npos);
  EXPECT_EQ(ctx.ParagraphMentions(1)[0].canonical, "Sở Xây dựng");
}

TEST(TasksGrammarTest, ReadsMarkers) {
  EXPECT_EQ(tasks::ReadMarker("II. NHIỆM VỤ").kind, tasks::Marker::kRoman);
  EXPECT_EQ(tasks::ReadMarker("3. Sở Y tế").label, "3");
  EXPECT_EQ(tasks::ReadMarker("1.2. Về kinh tế").kind, tasks::Marker::kDecimal);
  EXPECT_EQ(tasks::ReadMarker("đ) Sở Y tế").label, "đ");
  EXPECT_EQ(tasks::ReadMarker("- Làm").kind, tasks::Marker::kDash);
  EXPECT_EQ(tasks::ReadMarker("+ Làm").kind, tasks::Marker::kPlus);
  // A number with a thousands dot is no marker.
  EXPECT_EQ(tasks::ReadMarker("4.500 tỷ đồng").kind, tasks::Marker::kNone);
  EXPECT_EQ(tasks::ReadMarker("Ibis").kind, tasks::Marker::kNone);
}

TEST(TasksGrammarTest, AnnouncesTaskList) {
  EXPECT_TRUE(tasks::AnnouncesTaskList(
      tasks::LowerSameLength("trong đó tập trung thực hiện các nhiệm vụ sau:")));
  EXPECT_TRUE(tasks::AnnouncesTaskList("một số nhiệm vụ trọng tâm sau đây: "));
  EXPECT_FALSE(tasks::AnnouncesTaskList("tiến hành đánh giá, báo cáo, cụ thể như sau:"));
  EXPECT_FALSE(tasks::AnnouncesTaskList("các nhiệm vụ sau"));
}

TEST(TasksTest, LeadFollowedByColonIsAResponsibility) {
  auto e = ExtractFrom("b) Giám đốc Sở Tài chính: Thu ngân sách nhà nước đạt 1.200 tỷ đồng.\n");
  ASSERT_EQ(e.tasks.size(), 1u);
  EXPECT_EQ(e.tasks[0].lead, "Sở Tài chính");
  EXPECT_EQ(e.tasks[0].lead_as_written, "Giám đốc Sở Tài chính");
  EXPECT_TRUE(e.tasks[0].coordinating.empty());
  EXPECT_EQ(e.tasks[0].span.line_start, 1u);
}

TEST(TasksTest, LeadChuTriWithCoordinators) {
  auto e = ExtractFrom(
      "Sở Xây dựng chủ trì, phối hợp với Sở Giao thông vận tải, Sở Tài chính rà soát quy hoạch "
      "mạng lưới bến xe.\n");
  ASSERT_EQ(e.tasks.size(), 1u);
  EXPECT_EQ(e.tasks[0].lead, "Sở Xây dựng");
  EXPECT_EQ(e.tasks[0].coordinating, (Strings{"Sở Giao thông vận tải", "Sở Tài chính"}));
}

TEST(TasksTest, CoordinatorListEndsAtColonAndRecipientIsNoCoordinator) {
  auto e = ExtractFrom(
      "Giao Sở Nội vụ chủ trì, phối hợp Sở Tư pháp: xây dựng đề án sắp xếp, gửi báo cáo về "
      "Sở Kế hoạch và Đầu tư trước ngày 15 tháng 7 năm 2025.\n");
  ASSERT_EQ(e.tasks.size(), 1u);
  EXPECT_EQ(e.tasks[0].lead, "Sở Nội vụ");
  EXPECT_EQ(e.tasks[0].coordinating, (Strings{"Sở Tư pháp"}));
}

TEST(TasksTest, DeNghiAndYeuCauNameTheLead) {
  auto e = ExtractFrom(
      "Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh tăng cường giám sát.\n\n"
      "Yêu cầu Công an tỉnh xử lý nghiêm vi phạm.\n");
  EXPECT_EQ(Leads(e.tasks), (Strings{"Ủy ban Mặt trận Tổ quốc tỉnh", "Công an tỉnh"}));
}

TEST(TasksTest, SeveralLeadsGiveOneTaskEach) {
  auto e = ExtractFrom(
      "2. Sở Y tế, Sở Giáo dục và Đào tạo theo chức năng, nhiệm vụ tăng cường kiểm tra an "
      "toàn thực phẩm tại trường học.\n");
  EXPECT_EQ(Leads(e.tasks), (Strings{"Sở Y tế", "Sở Giáo dục và Đào tạo"}));
  EXPECT_EQ(e.tasks[0].text, e.tasks[1].text);
}

TEST(TasksTest, BulletsUnderALeadHeadingAreItsWork) {
  auto e = ExtractFrom(
      "a) Giám đốc Sở Công Thương chủ trì, phối hợp với các đơn vị liên quan\n\n"
      "- Phát triển thị trường trong nước.\n\n"
      "- Phối hợp với Sở Tài chính: bình ổn giá.\n\n"
      "b) Sở Y tế: bảo đảm thuốc.\n");
  ASSERT_EQ(Leads(e.tasks), (Strings{"Sở Công Thương", "Sở Y tế"}));
  const Task& t = e.tasks[0];
  EXPECT_EQ(t.span.line_start, 1u);
  EXPECT_EQ(t.span.line_end, 5u);
  EXPECT_NE(t.text.find("bình ổn giá"), std::string::npos);
  EXPECT_EQ(t.coordinating, (Strings{"Các đơn vị liên quan", "Sở Tài chính"}));
  EXPECT_EQ(e.tasks[1].span.line_start, 7u);
}

TEST(TasksTest, HeadingThatAnnouncesTasksHandsItsLeadsToEachItem) {
  const std::string heading =
      "1. Các sở, ban ngành, Ủy ban nhân dân các huyện theo chức năng, nhiệm vụ được giao "
      "thực hiện tốt các mục tiêu đến hết quý III năm 2025, trong đó tập trung các nhiệm vụ "
      "sau:";
  auto e = ExtractFrom(heading +
                       "\n\n- Đẩy nhanh giải ngân vốn đầu tư công, phối hợp với Sở Tài chính.\n\n"
                       "- Các đơn vị, địa phương báo cáo kết quả định kỳ hằng tháng.\n\n"
                       "2. Sở Y tế: bảo đảm thuốc.\n");
  ASSERT_EQ(Leads(e.tasks), (Strings{"Các sở, ban ngành", "Ủy ban nhân dân các huyện",
                                     "Các sở, ban ngành", "Ủy ban nhân dân các huyện", "Sở Y tế"}));
  EXPECT_EQ(e.tasks[0].span.line_start, 3u);
  EXPECT_EQ(e.tasks[0].coordinating, (Strings{"Sở Tài chính"}));
  EXPECT_EQ(e.tasks[2].span.line_start, 5u);
  // Items inherit the heading's horizon; the next part does not.
  const auto horizon = FindDeadlines(heading, nullptr);
  if (!horizon.empty()) {
    ASSERT_TRUE(e.tasks[0].deadline.has_value());
    EXPECT_EQ(e.tasks[0].deadline->text, horizon.front().deadline.text);
  }
  EXPECT_FALSE(e.tasks[4].deadline.has_value());
}

TEST(TasksTest, SubjectAfterAnIntroductoryPhrase) {
  auto e = ExtractFrom(
      "3. Căn cứ nội dung Kế hoạch này và tình hình thực tế, Sở Nội vụ, Ủy ban nhân dân các "
      "huyện xây dựng kế hoạch cụ thể.\n");
  EXPECT_EQ(Leads(e.tasks), (Strings{"Sở Nội vụ", "Ủy ban nhân dân các huyện"}));
}

TEST(TasksTest, LeadNamedInsideAPhrase) {
  auto e = ExtractFrom(
      "Tiếp tục hoàn thiện hạ tầng. Đẩy nhanh các dự án do Sở Xây dựng chủ trì, bảo đảm tiến độ. "
      "Tổng kết năm.\n");
  ASSERT_EQ(Leads(e.tasks), (Strings{"Sở Xây dựng"}));
  EXPECT_NE(e.tasks[0].text.find("Đẩy nhanh"), std::string::npos);
  EXPECT_EQ(e.tasks[0].text.find("Tổng kết"), std::string::npos);
}

TEST(TasksTest, DescriptionsAndRecipientListsAreNoTasks) {
  auto e = ExtractFrom(
      "Kính gửi:\n\n- Sở Tài chính;\n\n- Sở Y tế.\n\n"
      "Sở Y tế đã tổ chức 12 hội nghị tập huấn.\n\n"
      "Sở Công Thương được giao 5 nhiệm vụ.\n\n"
      "Ủy ban nhân dân tỉnh thông báo để các đơn vị biết.\n\n"
      "Tăng cường phối hợp các chương trình.\n");
  EXPECT_TRUE(e.tasks.empty()) << e.tasks.size() << " " << e.tasks[0].text;
}

TEST(TasksTest, HeadingCoordinatorsContinueOnTheNextLine) {
  auto e = ExtractFrom(
      "a) Giám đốc Công an tỉnh chủ trì, phối hợp với Chủ tịch\n\n"
      "Ủy ban nhân dân các huyện và các đơn vị liên quan\n\n"
      "- Bảo đảm an ninh trật tự.\n");
  ASSERT_EQ(Leads(e.tasks), (Strings{"Công an tỉnh"}));
  EXPECT_EQ(e.tasks[0].coordinating,
            (Strings{"Ủy ban nhân dân các huyện", "Các đơn vị liên quan"}));
}

TEST(TasksTest, LongLineDoesNotHang) {
  std::string input = "Sở Y tế chủ trì, phối hợp với ";
  for (int i = 0; i < 20000; ++i) input += "Sở Tài chính, phối hợp ";
  input += "\n";
  auto e = ExtractFrom(input);
  ASSERT_EQ(e.tasks.size(), 1u);
  EXPECT_EQ(e.tasks[0].coordinating, (Strings{"Sở Tài chính"}));
}

}  // namespace
}  // namespace dondoc::extract
