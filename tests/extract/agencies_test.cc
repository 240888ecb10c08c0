// Tests of the agency gazetteer: one test per pattern of the matcher (full
// names, abbreviations, titles, province suffixes, places, collectives,
// successors), negative cases, a check of data/agencies.tsv against the
// shared gold annotations, and a bound on the loading time.
#include "extract/agencies.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "text/clean.h"
#include "text/lexicon.h"
#include "text/vietnamese.h"

namespace dondoc::extract {
namespace {

std::shared_ptr<const Gazetteer> Default() {
  static auto g = Gazetteer::LoadDefault();
  EXPECT_TRUE(g.ok()) << g.status().message();
  return g.ok() ? g.value() : nullptr;
}

std::vector<std::string> Canonicals(std::string_view text) {
  std::vector<std::string> out;
  for (const AgencyMention& m : Default()->Find(text)) out.push_back(m.canonical);
  return out;
}

std::string Canon(std::string_view name) {
  auto m = Default()->Canonicalize(name);
  return m ? m->canonical : "<none>";
}

using V = std::vector<std::string>;

TEST(AgenciesTest, LoadsDefaultData) { ASSERT_NE(Default(), nullptr); }

TEST(AgenciesTest, FullDepartmentNameInsideAPhrase) {
  const std::string text = "Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính thực hiện.";
  auto found = Default()->Find(text);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].canonical, "Sở Y tế");
  EXPECT_EQ(found[0].kind, AgencyKind::kDepartment);
  EXPECT_FALSE(found[0].via_title);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "Sở Y tế");
  EXPECT_EQ(found[0].as_written, "Sở Y tế");
  EXPECT_EQ(found[1].canonical, "Sở Tài chính");
  EXPECT_LT(found[0].end, found[1].begin);
}

TEST(AgenciesTest, Abbreviations) {
  EXPECT_EQ(Canon("Sở KH&ĐT"), "Sở Kế hoạch và Đầu tư");
  EXPECT_EQ(Canon("Sở KHĐT"), "Sở Kế hoạch và Đầu tư");
  EXPECT_EQ(Canon("Sở KH-ĐT"), "Sở Kế hoạch và Đầu tư");
  EXPECT_EQ(Canon("Sở TN&MT"), "Sở Tài nguyên và Môi trường");
  EXPECT_EQ(Canon("Sở TNMT"), "Sở Tài nguyên và Môi trường");
  EXPECT_EQ(Canon("Sở NN&PTNT"), "Sở Nông nghiệp và Phát triển nông thôn");
  EXPECT_EQ(Canon("Sở LĐ-TB&XH"), "Sở Lao động - Thương binh và Xã hội");
  EXPECT_EQ(Canon("Sở LĐTBXH"), "Sở Lao động - Thương binh và Xã hội");
  EXPECT_EQ(Canon("Sở GD&ĐT"), "Sở Giáo dục và Đào tạo");
  EXPECT_EQ(Canon("Sở VH,TT&DL"), "Sở Văn hóa, Thể thao và Du lịch");
  EXPECT_EQ(Canon("Sở VHTTDL"), "Sở Văn hóa, Thể thao và Du lịch");
  EXPECT_EQ(Canon("Sở TT&TT"), "Sở Thông tin và Truyền thông");
  EXPECT_EQ(Canon("Sở KH&CN"), "Sở Khoa học và Công nghệ");
  EXPECT_EQ(Canon("Sở GTVT"), "Sở Giao thông vận tải");
  EXPECT_EQ(Canon("UBND tỉnh"), "Ủy ban nhân dân tỉnh");
  EXPECT_EQ(Canon("HĐND tỉnh"), "Hội đồng nhân dân tỉnh");
  EXPECT_EQ(Canon("VP UBND tỉnh"), "Văn phòng Ủy ban nhân dân tỉnh");
  EXPECT_EQ(Canon("BQL KKT tỉnh"), "Ban Quản lý Khu kinh tế tỉnh");
  EXPECT_EQ(Canon("BCH Quân sự tỉnh"), "Bộ Chỉ huy Quân sự tỉnh");
  EXPECT_EQ(Canon("BHXH tỉnh"), "Bảo hiểm xã hội tỉnh");
  EXPECT_EQ(Canon("Bộ KH&ĐT"), "Bộ Kế hoạch và Đầu tư");
}

TEST(AgenciesTest, CaseToneAndSpacingVariants) {
  EXPECT_EQ(Canon("Uỷ ban nhân dân tỉnh"), "Ủy ban nhân dân tỉnh");
  EXPECT_EQ(Canon("ỦY BAN NHÂN DÂN TỈNH"), "Ủy ban nhân dân tỉnh");
  EXPECT_EQ(Canon("Sở Công thương"), "Sở Công Thương");
  EXPECT_EQ(Canon("Sở  Văn hoá,  Thể thao và Du lịch"), "Sở Văn hóa, Thể thao và Du lịch");
  EXPECT_EQ(Canon("Sở Văn hóa - Thể thao và Du lịch"), "Sở Văn hóa, Thể thao và Du lịch");
  EXPECT_EQ(Canon("Sở Lao động – Thương binh và Xã hội"), "Sở Lao động - Thương binh và Xã hội");
  EXPECT_EQ(Canon("Sở Lao động, Thương binh và Xã hội"), "Sở Lao động - Thương binh và Xã hội");
  EXPECT_EQ(Canon("Đài Phát thanh và Truyền hình tỉnh"), "Đài Phát thanh - Truyền hình tỉnh");
}

TEST(AgenciesTest, TitleStandsForAgency) {
  auto found = Default()->Find("a) Giám đốc Sở KH&ĐT: chỉ tiêu tăng trưởng.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].canonical, "Sở Kế hoạch và Đầu tư");
  EXPECT_EQ(found[0].as_written, "Giám đốc Sở KH&ĐT");
  EXPECT_TRUE(found[0].via_title);
  EXPECT_EQ(Canon("Chánh Văn phòng UBND tỉnh"), "Văn phòng Ủy ban nhân dân tỉnh");
  EXPECT_EQ(Canon("Chánh thanh tra tỉnh"), "Thanh tra tỉnh");
  EXPECT_EQ(Canon("Trưởng ban Ban Quản lý Khu kinh tế tỉnh"), "Ban Quản lý Khu kinh tế tỉnh");
  EXPECT_EQ(Canon("Trưởng Ban Dân tộc"), "Ban Dân tộc tỉnh");
  EXPECT_EQ(Canon("Giám đốc Công an tỉnh"), "Công an tỉnh");
  EXPECT_EQ(Canon("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"), "Bộ Chỉ huy Quân sự tỉnh");
  EXPECT_EQ(Canon("Chủ tịch UBND các huyện, thành phố"), "Ủy ban nhân dân các huyện, thành phố");
  EXPECT_EQ(Canon("Thủ trưởng các sở, ban ngành"), "Các sở, ban ngành, đơn vị thuộc tỉnh");
  EXPECT_TRUE(Default()->Canonicalize("Phó Giám đốc Sở Y tế")->via_title);
}

TEST(AgenciesTest, TitleNeedsMatchingAgency) {
  // "Chánh" heads an office or an inspectorate, not a department.
  auto found = Default()->Find("Chánh Sở Y tế");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].via_title);
  EXPECT_EQ(found[0].as_written, "Sở Y tế");
  // A title with no agency after it is no mention.
  EXPECT_TRUE(Default()->Find("Giám đốc điều hành dự án").empty());
}

TEST(AgenciesTest, ProvinceIsAParameter) {
  EXPECT_EQ(Canon("Sở Tài chính tỉnh Kon Tum"), "Sở Tài chính");
  EXPECT_EQ(Canon("Ủy ban nhân dân tỉnh Quảng Ngãi"), "Ủy ban nhân dân tỉnh");
  EXPECT_EQ(Canon("Sở Y tế tỉnh"), "Sở Y tế");
  EXPECT_EQ(Canon("Công an tỉnh Đắk Lắk"), "Công an tỉnh");
  EXPECT_EQ(Canon("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"), "Ủy ban nhân dân tỉnh");
  EXPECT_EQ(Canon("Báo Gia Lai"), "Báo tỉnh");
  // A province missing from the list is read from its capitals after "tỉnh".
  EXPECT_EQ(Canon("Sở Nội vụ tỉnh Tây Bắc Mới"), "Sở Nội vụ");
  auto found = Default()->Find("Sở Tài chính tỉnh Kon Tum chủ trì.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].as_written, "Sở Tài chính tỉnh Kon Tum");
}

TEST(AgenciesTest, ConfiguredProvinceIsKnown) {
  auto g = Gazetteer::FromText("department\tSở Y tế\t\t\t\tprov\n", "Xứ Lạ");
  ASSERT_TRUE(g.ok()) << g.status().message();
  auto m = g.value()->Find("Sở Y tế Xứ Lạ báo cáo");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].as_written, "Sở Y tế Xứ Lạ");
}

TEST(AgenciesTest, DistrictCommitteeKeepsPlace) {
  EXPECT_EQ(Canon("Ủy ban nhân dân huyện Đăk Hà"), "Ủy ban nhân dân huyện Đăk Hà");
  EXPECT_EQ(Canon("UBND thành phố Pleiku"), "Ủy ban nhân dân thành phố Pleiku");
  EXPECT_EQ(Canon("UBND huyện Ia H'Drai"), "Ủy ban nhân dân huyện Ia H'Drai");
  EXPECT_EQ(Canon("UBND TP. Quy Nhơn"), "Ủy ban nhân dân thành phố Quy Nhơn");
  auto found = Default()->Find("UBND huyện Sa Thầy và Sở Y tế");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].canonical, "Ủy ban nhân dân huyện Sa Thầy");
  EXPECT_EQ(found[1].canonical, "Sở Y tế");
}

TEST(AgenciesTest, CentrallyRunCity) {
  EXPECT_EQ(Canon("UBND thành phố"), "Ủy ban nhân dân thành phố");
  EXPECT_EQ(Canon("Thường trực HĐND thành phố"), "Hội đồng nhân dân thành phố");
  EXPECT_EQ(Canon("UBND các quận, huyện"), "Ủy ban nhân dân các quận, huyện");
  // A place after "thành phố" makes it a city under the province.
  EXPECT_EQ(Canon("UBND thành phố Kon Tum"), "Ủy ban nhân dân thành phố Kon Tum");
}

TEST(AgenciesTest, Collectives) {
  EXPECT_EQ(Canon("các sở, ban ngành"), "Các sở, ban ngành, đơn vị thuộc tỉnh");
  EXPECT_EQ(Canon("các sở, ban, ngành"), "Các sở, ban ngành, đơn vị thuộc tỉnh");
  EXPECT_EQ(Canon("các sở, ban ngành, đơn vị thuộc tỉnh"), "Các sở, ban ngành, đơn vị thuộc tỉnh");
  EXPECT_EQ(Canon("UBND các huyện, thành phố"), "Ủy ban nhân dân các huyện, thành phố");
  EXPECT_EQ(Canon("các đơn vị có liên quan"), "Các đơn vị liên quan");
  // A province with towns keeps them in the name.
  EXPECT_EQ(Canon("UBND các huyện, thị xã, thành phố"),
            "Ủy ban nhân dân các huyện, thị xã, thành phố");
  EXPECT_EQ(Canon("BQL các KCN tỉnh"), "Ban Quản lý các Khu công nghiệp tỉnh");
  EXPECT_EQ(Canon("các thành viên Ủy ban nhân dân tỉnh"), "Thành viên Ủy ban nhân dân tỉnh");
  EXPECT_EQ(Canon("các địa phương"), "Các địa phương");
  auto found = Default()->Find(
      "Thủ trưởng các sở, ban ngành, đơn vị thuộc tỉnh và Chủ tịch Ủy ban nhân dân các "
      "huyện, thành phố chỉ đạo thực hiện.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].canonical, "Các sở, ban ngành, đơn vị thuộc tỉnh");
  EXPECT_EQ(found[0].kind, AgencyKind::kCollective);
  EXPECT_TRUE(found[0].via_title);
  EXPECT_EQ(found[1].canonical, "Ủy ban nhân dân các huyện, thành phố");
  EXPECT_TRUE(found[1].via_title);
}

TEST(AgenciesTest, ListUnderOneHead) {
  auto found = Default()->Find("phối hợp với các Sở: Tài chính, KH&ĐT và Xây dựng tham mưu");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].canonical, "Sở Tài chính");
  EXPECT_EQ(found[0].as_written, "các Sở: Tài chính");
  EXPECT_EQ(found[1].canonical, "Sở Kế hoạch và Đầu tư");
  EXPECT_EQ(found[1].as_written, "KH&ĐT");
  EXPECT_EQ(found[2].canonical, "Sở Xây dựng");
  EXPECT_EQ(Canonicals("các Bộ Tài chính, Kế hoạch và Đầu tư"),
            (V{"Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"}));
  found = Default()->Find("Giám đốc các Sở: Y tế, Nội vụ");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_TRUE(found[0].via_title);
  EXPECT_EQ(found[0].canonical, "Sở Y tế");
  EXPECT_EQ(found[1].canonical, "Sở Nội vụ");
  // The collective wins over a list that is no list.
  EXPECT_EQ(Canonicals("các sở, ban ngành"), V{"Các sở, ban ngành, đơn vị thuộc tỉnh"});
  EXPECT_EQ(Canonicals("các Sở Y tế"), V{"Sở Y tế"});
}

TEST(AgenciesTest, LongestMatchWins) {
  EXPECT_EQ(Canonicals("Văn phòng Ủy ban nhân dân tỉnh"), V{"Văn phòng Ủy ban nhân dân tỉnh"});
  EXPECT_EQ(Canonicals("Thủ tướng Chính phủ"), V{"Thủ tướng Chính phủ"});
  EXPECT_EQ(Canonicals("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
            V{"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"});
  EXPECT_EQ(Canonicals("Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
            V{"Bộ Chỉ huy Bộ đội Biên phòng tỉnh"});
}

TEST(AgenciesTest, CentralBodies) {
  EXPECT_EQ(Canonicals("theo chỉ đạo của Chính phủ và Bộ Tài chính"),
            (V{"Chính phủ", "Bộ Tài chính"}));
  EXPECT_EQ(Canon("Bộ Công thương"), "Bộ Công Thương");
  EXPECT_EQ(Canon("các Bộ, ngành Trung ương"), "Các bộ, ngành trung ương");
}

TEST(AgenciesTest, NegativeCases) {
  EXPECT_TRUE(Default()->Find("phối hợp các chương trình mục tiêu").empty());
  EXPECT_TRUE(Default()->Find("xây dựng chính phủ điện tử, chính phủ số").empty());
  EXPECT_TRUE(Default()->Find("số liệu thống kê của tỉnh").empty());
  EXPECT_TRUE(Default()->Find("").empty());
  EXPECT_FALSE(Default()->Canonicalize("Sở Y tế và Sở Tài chính").has_value());
  EXPECT_FALSE(Default()->Canonicalize("Sở Y tế chủ trì").has_value());
  EXPECT_FALSE(Default()->Canonicalize("Tổ công tác").has_value());
  // A document number is no committee: "CT-UBND tỉnh" has no title.
  for (const AgencyMention& m : Default()->Find("Chỉ thị số 05/CT-UBND ngày 1/2/2024")) {
    EXPECT_FALSE(m.via_title);
  }
}

TEST(AgenciesTest, CommaEndsANameUnlessTheNameHasOne) {
  // "tỉnh, Ủy" is no "Tỉnh ủy": a comma is optional only where names have one.
  EXPECT_EQ(Canonicals("phát triển của tỉnh, Ủy ban nhân dân tỉnh chỉ đạo"),
            V{"Ủy ban nhân dân tỉnh"});
  EXPECT_EQ(Canonicals("Sở Văn hóa Thể thao và Du lịch"), V{"Sở Văn hóa, Thể thao và Du lịch"});
}

TEST(AgenciesTest, ProvinceSuffixIsNoHeadingWord) {
  auto found = Default()->Find("KẾ HOẠCH CỦA UBND TỈNH NĂM 2024");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].as_written, "UBND TỈNH");
  found = Default()->Find("ỦY BAN NHÂN DÂN TỈNH KON TUM");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].as_written, "ỦY BAN NHÂN DÂN TỈNH KON TUM");
  // The capital of a province name does not make a lower-case phrase a name.
  EXPECT_TRUE(Default()->Find("ngành điện lực tỉnh Kon Tum").empty());
}

TEST(AgenciesTest, Successors) {
  auto s = Default()->SuccessorOf("Sở Kế hoạch và Đầu tư");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->successor, "Sở Tài chính");
  EXPECT_EQ(s->effective, "2025-03-01");
  EXPECT_EQ(Default()->SuccessorOf("Sở Tài nguyên và Môi trường")->successor,
            "Sở Nông nghiệp và Môi trường");
  EXPECT_EQ(Default()->SuccessorOf("Sở Nông nghiệp và Phát triển nông thôn")->successor,
            "Sở Nông nghiệp và Môi trường");
  EXPECT_EQ(Default()->SuccessorOf("Sở Thông tin và Truyền thông")->successor,
            "Sở Khoa học và Công nghệ");
  EXPECT_EQ(Default()->SuccessorOf("Sở Lao động - Thương binh và Xã hội")->successor, "Sở Nội vụ");
  EXPECT_EQ(Default()->SuccessorOf("Sở Giao thông vận tải")->successor, "Sở Xây dựng");
  EXPECT_EQ(Default()->SuccessorOf("Sở KH&ĐT")->successor, "Sở Tài chính");
  EXPECT_FALSE(Default()->SuccessorOf("Sở Y tế").has_value());
  EXPECT_FALSE(Default()->SuccessorOf("không là cơ quan").has_value());
}

TEST(AgenciesTest, BadDataIsAnError) {
  EXPECT_FALSE(Gazetteer::FromText("nonsense\tSở X\n").ok());
  EXPECT_FALSE(Gazetteer::FromText("department\t\n").ok());
  EXPECT_TRUE(Gazetteer::FromText("# only a comment\n\n").ok());
}

TEST(AgenciesTest, KindNames) {
  EXPECT_EQ(AgencyKindName(AgencyKind::kDepartment), "department");
  EXPECT_EQ(AgencyKindName(AgencyKind::kCollective), "collective");
  EXPECT_EQ(AgencyKindName(AgencyKind::kOther), "other");
}

TEST(AgenciesTest, LoadsQuicklyAndFindsInLinearTime) {
  std::ifstream in(std::string(DONDOC_SOURCE_DIR) + "/data/agencies.tsv", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string tsv = ss.str();
  // The best of five loads, in processor time: other processes share the machine.
  long long ms = 1 << 30;
  Result<std::shared_ptr<const Gazetteer>> g = Status::Internal("not loaded");
  for (int i = 0; i < 5; ++i) {
    const std::clock_t start = std::clock();
    g = Gazetteer::FromText(tsv);
    ms = std::min<long long>(ms, (std::clock() - start) * 1000 / CLOCKS_PER_SEC);
  }
  std::cout << "load: " << ms << " ms\n";
  ASSERT_TRUE(g.ok());
#ifdef NDEBUG
  EXPECT_LE(ms, 10);
#else
  EXPECT_LE(ms, 500);  // sanitizer builds are slower
#endif
  // One long line of near-misses: every word starts a trie walk.
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "Ủy ban nhân dân các Sở, ban, ";
  const auto t0 = std::chrono::steady_clock::now();
  auto found = g.value()->Find(big);
  const auto find_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
          .count();
  EXPECT_LE(find_ms, 5000);
  // Chunks do not lose or shift mentions: a name every 28 bytes, 560 KB.
  std::string names;
  for (int i = 0; i < 20000; ++i) names += "Sở Y tế, Sở Tài chính; ";
  found = g.value()->Find(names);
  ASSERT_EQ(found.size(), 40000u);
  for (const AgencyMention& m : found) {
    ASSERT_EQ(names.substr(m.begin, m.end - m.begin), m.as_written);
  }
}

// The scorer's canonical form of an agency name, enough of it for the gold
// names: folded, "&" read as "và", a leading "các"/"thành viên" and a
// trailing "tỉnh" or province name dropped (../shared/eval/score.py).
std::string ScorerCanon(std::string_view s) {
  std::string key = text::SearchKey(s);
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else {
      if (c == '&') out += " va";
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (const std::string_view lead : {"cac thanh vien ", "thanh vien ", "cac "}) {
    if (out.rfind(lead, 0) == 0) out.erase(0, lead.size());
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const std::string_view tail : {" tinh", " kon tum", " quang ngai", " gia lai"}) {
      if (out.size() > tail.size() &&
          out.compare(out.size() - tail.size(), tail.size(), tail) == 0) {
        out.erase(out.size() - tail.size());
        changed = true;
      }
    }
  }
  return out;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The distinct agency names (lead, responsible, coordinating) of the gold
// files, "A; B" split in two. A small scan for the flat strings of the gold
// files rather than a JSON parser.
std::set<std::string> GoldAgencyNames() {
  std::vector<std::string> names;
  const std::filesystem::path dir = std::filesystem::path(DONDOC_SHARED_DIR) / "corpus/gold";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string json = ReadFile(entry.path());
    for (const std::string key : {"\"lead\": \"", "\"responsible\": \""}) {
      for (size_t p = json.find(key); p != std::string::npos; p = json.find(key, p + 1)) {
        const size_t b = p + key.size();
        const size_t e = json.find('"', b);
        if (e != std::string::npos) names.push_back(json.substr(b, e - b));
      }
    }
    const std::string coord = "\"coordinating\": [";
    for (size_t p = json.find(coord); p != std::string::npos; p = json.find(coord, p + 1)) {
      const size_t close = json.find(']', p);
      size_t q = p + coord.size();
      while (true) {
        const size_t b = json.find('"', q);
        if (b == std::string::npos || b > close) break;
        const size_t e = json.find('"', b + 1);
        names.push_back(json.substr(b + 1, e - b - 1));
        q = e + 1;
      }
    }
  }
  std::set<std::string> distinct;
  for (const std::string& n : names) {
    for (size_t start = 0;;) {
      const size_t semi = n.find(';', start);
      std::string part = n.substr(start, semi == std::string::npos ? semi : semi - start);
      while (!part.empty() && part.front() == ' ') part.erase(0, 1);
      if (!part.empty()) distinct.insert(part);
      if (semi == std::string::npos) break;
      start = semi + 1;
    }
  }
  return distinct;
}

TEST(AgenciesTest, GoldNamesCanonicalise) {
  const std::set<std::string> gold = GoldAgencyNames();
  if (gold.empty()) GTEST_SKIP() << "no gold annotations";
  size_t ok = 0;
  for (const std::string& name : gold) {
    auto m = Default()->Canonicalize(name);
    if (m && ScorerCanon(m->canonical) == ScorerCanon(name)) {
      ++ok;
    } else {
      std::cout << "  not canonical: " << name << " -> " << (m ? m->canonical : "<none>") << "\n";
    }
  }
  std::cout << "gold agency names canonical: " << ok << " / " << gold.size() << "\n";
  EXPECT_GE(ok * 100, gold.size() * 90);
}

TEST(AgenciesTest, GoldNamesFoundInCorpus) {
  const std::set<std::string> gold = GoldAgencyNames();
  if (gold.empty()) GTEST_SKIP() << "no gold annotations";
  auto lexicon = text::Lexicon::LoadDefault();
  ASSERT_TRUE(lexicon.ok());
  std::set<std::string> found;
  const std::filesystem::path corpus = std::filesystem::path(DONDOC_SHARED_DIR) / "corpus/kontum";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(corpus, ec)) {
    auto doc = text::Clean(ReadFile(entry.path()), {}, lexicon.value().get());
    ASSERT_TRUE(doc.ok());
    for (const text::Paragraph& p : doc->layout.paragraphs) {
      for (const AgencyMention& m : Default()->Find(p.text.text())) {
        found.insert(ScorerCanon(m.canonical));
      }
    }
  }
  size_t ok = 0;
  for (const std::string& name : gold) {
    if (found.count(ScorerCanon(name)) > 0) {
      ++ok;
    } else {
      std::cout << "  not found in the corpus: " << name << "\n";
    }
  }
  std::cout << "gold agency names found: " << ok << " / " << gold.size() << "\n";
  EXPECT_GE(ok * 100, gold.size() * 90);
}

}  // namespace
}  // namespace dondoc::extract
