// Shared setup for the service tests: a migrated SQLite store in a fresh
// temporary directory, a few agencies, and a short plan of our own
// (fictional province "An Lạc") with tasks, targets, a recurring report and
// a citation.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/date.h"
#include "extract/extract.h"
#include "service/actor.h"
#include "service/import.h"
#include "store/open.h"
#include "support/run_process.h"

namespace dondoc::service::testing {

inline core::Date D(int y, int m, int d) { return *core::MakeDate(y, m, d); }
inline core::Timestamp At(int y, int m, int d) {
  return core::Timestamp(D(y, m, d).time_since_epoch()) + std::chrono::hours(3);
}

// Plan 45/KH-UBND of 12 March 2024: two targets, three tasks (one with a
// coordinator, one without deadline), a monthly report, and a citation of
// 12/QĐ-UBND.
inline const std::string kPlan =
    "ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH AN LẠC                            Độc lập - Tự do - Hạnh phúc\n"
    "\n"
    "Số: 45/KH-UBND                        An Lạc, ngày 12 tháng 3 năm 2024\n"
    "\n"
    "KẾ HOẠCH\n"
    "Thực hiện chuyển đổi số trong cơ quan nhà nước năm 2024\n"
    "\n"
    "Căn cứ Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh An "
    "Lạc;\n"
    "\n"
    "I. CHỈ TIÊU\n"
    "- Tỷ lệ hồ sơ giải quyết trực tuyến đạt 80%.\n"
    "- Tốc độ tăng trưởng GRDP đạt 7,5%.\n"
    "\n"
    "II. NHIỆM VỤ\n"
    "1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính xây dựng nền tảng dữ liệu "
    "dùng chung, hoàn thành trước ngày 30 tháng 6 năm 2024.\n"
    "2. Sở Nội vụ chủ trì rà soát thủ tục hành chính nội bộ, hoàn thành trước ngày 31 tháng 8 "
    "năm 2024.\n"
    "3. Sở Y tế triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh.\n"
    "\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "Sở Tài chính báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 20 hằng "
    "tháng.\n";

// The decision the plan cites, 12/QĐ-UBND of 5 January 2024.
inline const std::string kDecision =
    "ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH AN LẠC                            Độc lập - Tự do - Hạnh phúc\n"
    "\n"
    "Số: 12/QĐ-UBND                        An Lạc, ngày 05 tháng 01 năm 2024\n"
    "\n"
    "QUYẾT ĐỊNH\n"
    "Về việc ban hành Chương trình chuyển đổi số năm 2024\n"
    "\n"
    "Điều 1. Ban hành kèm theo Quyết định này Chương trình chuyển đổi số năm 2024.\n";

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::OpenStore("sqlite:" + tmp_.path() + "/t.db");
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(store.value());
    ASSERT_TRUE(store_->Migrate().ok());
    extract::ExtractOptions options;
    options.province = "An Lạc";
    auto extractor = extract::Extractor::Create(options);
    ASSERT_TRUE(extractor.ok()) << extractor.status().message();
    extractor_ = std::move(extractor.value());
    committee_ =
        AddAgency("Ủy ban nhân dân tỉnh", "UBND tỉnh", core::AgencyKind::kProvincialCommittee);
    science_ = AddAgency("Sở Khoa học và Công nghệ", "Sở KH&CN", core::AgencyKind::kDepartment);
    finance_ = AddAgency("Sở Tài chính", "", core::AgencyKind::kDepartment);
    home_ = AddAgency("Sở Nội vụ", "", core::AgencyKind::kDepartment);
    health_ = AddAgency("Sở Y tế", "", core::AgencyKind::kDepartment);
  }

  core::Id AddAgency(const std::string& name, const std::string& abbreviation,
                     core::AgencyKind kind) {
    core::Id id = 0;
    Status s = store_->Write([&](store::Transaction& tx) -> Status {
      core::Agency a;
      a.name = name;
      a.abbreviation = abbreviation;
      a.kind = kind;
      a.valid_from = D(2000, 1, 1);
      Result<core::Id> added = tx.AddAgency(a);
      if (!added.ok()) return added.status();
      id = *added;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return id;
  }

  Result<ImportResult> Import(const std::string& bytes, const std::string& name,
                              const Actor& actor = Actor::System()) {
    ImportOptions options;
    options.province = "An Lạc";
    options.now = At(2024, 3, 15);
    return ImportDocument(*store_, actor, bytes, name, *extractor_, options);
  }

  // Runs `work` in a read transaction and fails the test on error.
  void ReadTx(const std::function<Status(store::Transaction&)>& work) {
    Status s = store_->Read(work);
    ASSERT_TRUE(s.ok()) << s.message();
  }

  dondoc::testing::TempDir tmp_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<extract::Extractor> extractor_;
  core::Id committee_ = 0, science_ = 0, finance_ = 0, home_ = 0, health_ = 0;
};

}  // namespace dondoc::service::testing
