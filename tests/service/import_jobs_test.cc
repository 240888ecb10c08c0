// Background imports: progress to done, refusals at submission, failures,
// and what Shutdown() does to queued and running jobs.

#include "service/import_jobs.h"

#include <chrono>
#include <thread>

#include "service/documents.h"
#include "service/fixture.h"

namespace dondoc::service {
namespace {

using testing::kDecision;
using testing::kPlan;

class ImportJobsTest : public testing::ServiceTest {
 protected:
  std::unique_ptr<ImportJobs> MakeJobs(int threads = 1) {
    ImportJobsOptions options;
    options.threads = threads;
    options.import.province = "An Lạc";
    auto jobs = ImportJobs::Create(*store_, options);
    EXPECT_TRUE(jobs.ok()) << jobs.status().message();
    return jobs.ok() ? std::move(jobs.value()) : nullptr;
  }

  // Polls until the job is finished (a bound on polls, not on time).
  ImportJob Wait(const ImportJobs& jobs, const std::string& id) {
    for (int i = 0; i < 5000; ++i) {
      auto job = jobs.Get(Actor::System(), id);
      EXPECT_TRUE(job.ok()) << job.status().message();
      if (!job.ok()) return {};
      if (job->stage == JobStage::kDone || job->stage == JobStage::kFailed) return *job;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "job " << id << " never finished";
    return {};
  }
};

TEST_F(ImportJobsTest, RunsToDoneWithTheDocument) {
  auto jobs = MakeJobs();
  ASSERT_NE(jobs, nullptr);
  auto job = jobs->Submit(Actor::System(), kPlan, "kh-45.txt");
  ASSERT_TRUE(job.ok()) << job.status().message();
  EXPECT_EQ(job->id.size(), 32u);
  EXPECT_EQ(job->size_bytes, kPlan.size());
  ImportJob done = Wait(*jobs, job->id);
  ASSERT_EQ(done.stage, JobStage::kDone) << (done.error ? done.error->message() : "");
  ASSERT_TRUE(done.result.has_value());
  EXPECT_EQ(done.result->number, std::optional<std::string>("45/KH-UBND"));
  EXPECT_GE(done.result->tasks, 3);
  EXPECT_EQ(done.result->targets, 2);
  auto detail = GetDocumentDetail(*store_, Actor::System(), done.result->document_id);
  ASSERT_TRUE(detail.ok()) << detail.status().message();
  EXPECT_EQ(detail->document.source_name, "kh-45.txt");
  EXPECT_EQ(static_cast<int>(detail->proposals.size()), done.result->proposals());

  // The same bytes again are refused at once, naming the document.
  auto again = jobs->Submit(Actor::System(), kPlan, "copy.txt");
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().message().find("document " + std::to_string(done.result->document_id)),
            std::string::npos)
      << again.status().message();
}

TEST_F(ImportJobsTest, RefusesAtSubmission) {
  auto jobs = MakeJobs();
  ASSERT_NE(jobs, nullptr);
  Actor viewer{42, Role::kViewer, std::nullopt, "viewer"};
  EXPECT_EQ(jobs->Submit(viewer, kPlan, "a.txt").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(jobs->Submit(Actor::System(), "", "a.txt").status().code(), StatusCode::kInvalidInput);
  auto wrong = jobs->Submit(Actor::System(), kPlan, "a.pdf");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("wrong format"), std::string::npos);
  EXPECT_FALSE(jobs->Submit(Actor::System(), kPlan, "a.txt", document::Format::kDocx).ok());
  EXPECT_FALSE(jobs->Submit(Actor::System(), kPlan, "a.doc").ok());
  EXPECT_EQ(jobs->Get(Actor::System(), "nope").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(jobs->Get(viewer, "nope").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(jobs->Pending(), 0);
}

TEST_F(ImportJobsTest, FailsWithTheReadersError) {
  auto jobs = MakeJobs();
  ASSERT_NE(jobs, nullptr);
  auto job = jobs->Submit(Actor::System(), std::string("%PDF-1.4 broken"), "hong.pdf");
  ASSERT_TRUE(job.ok()) << job.status().message();
  ImportJob failed = Wait(*jobs, job->id);
  ASSERT_EQ(failed.stage, JobStage::kFailed);
  ASSERT_TRUE(failed.error.has_value());
  EXPECT_EQ(failed.error->code(), StatusCode::kInvalidInput);
  EXPECT_NE(failed.error->message().find("hong.pdf"), std::string::npos);
  EXPECT_FALSE(failed.duplicate_of.has_value());
}

// Shutdown: the running import finishes (it is one transaction), queued
// ones fail saying so, and nothing is accepted afterwards.
TEST_F(ImportJobsTest, ShutdownFinishesTheRunningJobAndFailsTheQueued) {
  auto jobs = MakeJobs(/*threads=*/1);
  ASSERT_NE(jobs, nullptr);
  std::vector<std::string> ids;
  for (int i = 0; i < 4; ++i) {
    // Different bytes each time (a comment line), so none is a duplicate.
    auto job = jobs->Submit(Actor::System(), kDecision + "\n" + std::to_string(i) + "\n", "qd.txt");
    ASSERT_TRUE(job.ok()) << job.status().message();
    ids.push_back(job->id);
  }
  jobs->Shutdown();
  int done = 0;
  for (const std::string& id : ids) {
    auto job = jobs->Get(Actor::System(), id);
    ASSERT_TRUE(job.ok());
    if (job->stage == JobStage::kDone) {
      ++done;
    } else {
      ASSERT_EQ(job->stage, JobStage::kFailed);
      ASSERT_TRUE(job->error.has_value());
    }
  }
  // Documents stored are exactly the jobs done: no half import.
  auto stored = ListDocuments(*store_, Actor::System(), DocumentQuery{});
  ASSERT_TRUE(stored.ok());
  int decisions = 0;
  for (const core::Document& d : *stored) decisions += d.source_name == "qd.txt";
  EXPECT_EQ(decisions, done);
  // 12/QĐ-UBND from one issuer is stored once: later jobs fail as duplicate
  // numbers, so at most one is done.
  EXPECT_LE(done, 1);
  auto late = jobs->Submit(Actor::System(), kPlan, "late.txt");
  EXPECT_EQ(late.status().code(), StatusCode::kIoError);
  jobs->Shutdown();  // idempotent
}

}  // namespace
}  // namespace dondoc::service
