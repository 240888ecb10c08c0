// Import: a document, its citations and its proposals in one transaction;
// nothing tracked before review; the same bytes or number twice refused.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "service/fixture.h"
#include "service/import.h"

namespace dondoc::service {
namespace {

using testing::D;
using testing::kDecision;
using testing::kPlan;
using testing::ServiceTest;

class ImportTest : public ServiceTest {
 protected:
  std::vector<core::Proposal> Proposals(core::Id document_id) {
    std::vector<core::Proposal> out;
    ReadTx([&](store::Transaction& tx) -> Status {
      auto list = tx.ListProposals(document_id, std::nullopt);
      if (!list.ok()) return list.status();
      out = *list;
      return Status::Ok();
    });
    return out;
  }
  int DocumentCount() {
    int n = 0;
    ReadTx([&](store::Transaction& tx) -> Status {
      store::DocumentFilter all;
      all.limit = 1000;
      auto list = tx.ListDocuments(all);
      if (!list.ok()) return list.status();
      n = static_cast<int>(list->size());
      return Status::Ok();
    });
    return n;
  }
};

TEST_F(ImportTest, StoresDocumentAndOneProposalPerItem) {
  auto r = Import(kPlan, "ke-hoach-45.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, "text");
  EXPECT_EQ(r->number, "45/KH-UBND");
  EXPECT_EQ(r->issuer_agency_id, committee_);  // "Ủy ban nhân dân tỉnh An Lạc"
  EXPECT_EQ(r->sha256, Sha256Hex(kPlan));
  EXPECT_EQ(r->sha256.size(), 64u);
  EXPECT_GE(r->tasks, 3);
  EXPECT_EQ(r->targets, 2);
  EXPECT_EQ(r->references, 1);
  EXPECT_EQ(r->references_linked, 0);

  ReadTx([&](store::Transaction& tx) -> Status {
    auto doc = tx.GetDocument(r->document_id);
    EXPECT_TRUE(doc.ok());
    EXPECT_EQ(doc->kind, "Kế hoạch");
    EXPECT_EQ(doc->date, D(2024, 3, 12));
    EXPECT_EQ(doc->source_name, "ke-hoach-45.txt");
    EXPECT_EQ(doc->source_format, "text");
    EXPECT_EQ(doc->source_sha256, r->sha256);
    EXPECT_NE(doc->cleaned_text.find("nền tảng dữ liệu dùng chung"), std::string::npos);
    auto links = tx.ListDocumentLinks(r->document_id);
    EXPECT_TRUE(links.ok());
    EXPECT_EQ(links->size(), 1u);
    EXPECT_EQ(links->at(0).number, "12/QĐ-UBND");
    EXPECT_FALSE(links->at(0).to_document_id.has_value());
    // Nothing is tracked before review.
    store::TaskFilter filter;
    filter.as_of = D(2024, 12, 31);
    auto tasks = tx.ListTasks(filter);
    EXPECT_TRUE(tasks.ok());
    EXPECT_TRUE(tasks->empty());
    return Status::Ok();
  });

  const std::vector<core::Proposal> proposals = Proposals(r->document_id);
  ASSERT_EQ(static_cast<int>(proposals.size()), r->proposals());
  bool saw_science_task = false;
  for (const core::Proposal& p : proposals) {
    EXPECT_EQ(p.state, core::ProposalState::kProposed);
    EXPECT_TRUE(p.span.has_value());
    boost::json::value payload = boost::json::parse(p.payload_json);
    ASSERT_TRUE(payload.is_object());
    if (p.kind == core::ProposalKind::kTask &&
        payload.at("lead") == boost::json::value("Sở Khoa học và Công nghệ")) {
      saw_science_task = true;
      EXPECT_EQ(payload.at("deadline").at("date"), boost::json::value("2024-06-30"));
      EXPECT_EQ(p.span->line_start, 16u);
      EXPECT_NE(p.summary.find("hạn 2024-06-30"), std::string::npos) << p.summary;
    }
    if (p.kind == core::ProposalKind::kTarget) {
      EXPECT_TRUE(payload.at("value").is_number());
      EXPECT_EQ(payload.at("unit"), boost::json::value("%"));
    }
  }
  EXPECT_TRUE(saw_science_task);
}

TEST_F(ImportTest, SameBytesTwiceIsRefusedNamingTheDocument) {
  auto first = Import(kPlan, "a.txt");
  ASSERT_TRUE(first.ok()) << first.status().message();
  auto again = Import(kPlan, "b.txt");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kInvalidInput);
  const std::string& m = again.status().message();
  EXPECT_NE(m.find("b.txt"), std::string::npos) << m;
  EXPECT_NE(m.find("document " + std::to_string(first->document_id)), std::string::npos) << m;
  EXPECT_NE(m.find(first->sha256), std::string::npos) << m;
  EXPECT_EQ(DocumentCount(), 1);
}

TEST_F(ImportTest, DuplicateNumberFromSameIssuerWritesNothing) {
  ASSERT_TRUE(Import(kPlan, "a.txt").ok());
  // Other bytes, same number and issuer.
  auto again = Import(kPlan + "\nNơi nhận: như trên.\n", "a2.txt");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(again.status().message().find("45/KH-UBND"), std::string::npos)
      << again.status().message();
  EXPECT_EQ(DocumentCount(), 1);
  ReadTx([&](store::Transaction& tx) -> Status {
    auto all = tx.ListProposals(std::nullopt, std::nullopt);
    EXPECT_TRUE(all.ok());
    for (const core::Proposal& p : *all) EXPECT_EQ(p.document_id, 1);
    return Status::Ok();
  });
}

TEST_F(ImportTest, CitationLinksToTheStoredDocument) {
  auto decision = Import(kDecision, "qd-12.txt");
  ASSERT_TRUE(decision.ok()) << decision.status().message();
  EXPECT_EQ(decision->number, "12/QĐ-UBND");
  auto plan = Import(kPlan, "kh-45.txt");
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_EQ(plan->references_linked, 1);
  ReadTx([&](store::Transaction& tx) -> Status {
    auto links = tx.ListDocumentLinks(plan->document_id);
    EXPECT_TRUE(links.ok());
    EXPECT_EQ(links->size(), 1u);
    EXPECT_EQ(links->at(0).to_document_id, decision->document_id);
    return Status::Ok();
  });
}

TEST_F(ImportTest, UnreadableInputNamesTheFile) {
  auto r = Import(std::string("%PDF-1.4 broken"), "hong.pdf");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(r.status().message().rfind("hong.pdf: ", 0), 0u) << r.status().message();
  EXPECT_EQ(DocumentCount(), 0);
}

TEST(Sha256Test, KnownDigests) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace dondoc::service
