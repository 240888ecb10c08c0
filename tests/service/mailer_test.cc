// Notification e-mail through libcurl's SMTP client against a small SMTP
// sink on loopback started by the test: the message arrives with its
// envelope and UTF-8 subject, each notification is sent once, a failing
// server leaves it for the next pass.
#include "service/mailer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio.hpp>
#include <mutex>
#include <thread>

#include "service/fixture.h"
#include "service/notifications.h"

namespace dondoc::service {
namespace {

using testing::At;
using testing::D;
using testing::ServiceTest;
namespace asio = boost::asio;

// Speaks just enough SMTP (RFC 5321) to take mail: every command is
// accepted, DATA is read up to the lone ".", and each message is kept with
// its envelope. `reject_data` answers DATA with 554 instead.
class SmtpSink {
 public:
  struct Message {
    std::string from;
    std::vector<std::string> to;
    std::string data;
  };

  explicit SmtpSink(bool reject_data = false)
      : acceptor_(io_, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)),
        reject_data_(reject_data) {
    thread_ = std::thread([this] { Serve(); });
  }
  ~SmtpSink() {
    // A blocking accept is not woken by close() from another thread: wake
    // it with a connection of our own, which Serve() sees after stopping_.
    stopping_ = true;
    boost::system::error_code ec;
    asio::ip::tcp::socket waker(io_);
    waker.connect(acceptor_.local_endpoint(), ec);
    thread_.join();
  }
  uint16_t port() const { return acceptor_.local_endpoint().port(); }
  std::vector<Message> messages() {
    std::lock_guard lock(mutex_);
    return messages_;
  }

 private:
  void Serve() {
    while (true) {
      asio::ip::tcp::socket socket(io_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stopping_) return;
      Session(socket);
    }
  }

  void Session(asio::ip::tcp::socket& socket) {
    boost::system::error_code ec;
    asio::streambuf buffer;
    auto say = [&](const std::string& line) {
      asio::write(socket, asio::buffer(line + "\r\n"), ec);
    };
    auto line = [&]() -> std::optional<std::string> {
      asio::read_until(socket, buffer, "\r\n", ec);
      if (ec) return std::nullopt;
      std::istream in(&buffer);
      std::string l;
      std::getline(in, l);
      if (!l.empty() && l.back() == '\r') l.pop_back();
      return l;
    };
    Message message;
    say("220 sink ESMTP");
    while (auto l = line()) {
      const std::string upper = l->substr(0, 4);
      if (upper == "EHLO" || upper == "HELO") {
        say("250 sink");
      } else if (upper == "MAIL") {
        message = Message{l->substr(10), {}, ""};
        say("250 ok");
      } else if (upper == "RCPT") {
        message.to.push_back(l->substr(8));
        say("250 ok");
      } else if (upper == "DATA") {
        if (reject_data_) {
          say("554 no thanks");
          continue;
        }
        say("354 go on");
        while (auto d = line()) {
          if (*d == ".") break;
          message.data += *d + "\n";
        }
        {
          std::lock_guard lock(mutex_);
          messages_.push_back(message);
        }
        say("250 queued");
      } else if (upper == "QUIT") {
        say("221 bye");
        return;
      } else {
        say("250 ok");
      }
    }
  }

  asio::io_context io_;
  asio::ip::tcp::acceptor acceptor_;
  bool reject_data_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<Message> messages_;
  std::thread thread_;
};

class MailerTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    Status s = store_->Write([&](store::Transaction& tx) -> Status {
      core::Task t;
      t.lead_agency_id = finance_;
      t.text = "Báo cáo quyết toán ngân sách";
      t.assigned_on = D(2024, 1, 2);
      t.deadline = D(2024, 3, 28);
      t.created_at = At(2024, 1, 2);
      Result<core::Id> id = tx.AddTask(t, {});
      return id.ok() ? Status::Ok() : id.status();
    });
    ASSERT_TRUE(s.ok()) << s.message();
    auto run = RunReminders(*store_, Actor::System(), D(2024, 3, 21), At(2024, 3, 21));
    ASSERT_TRUE(run.ok()) << run.status().message();
    ASSERT_EQ(run->created, 2);  // to finance and to the office
  }

  // Finance's staff have an address; the office has none yet.
  AddressBook Book() const {
    const core::Id finance = finance_;
    return [finance](const core::Notification& n) -> Result<std::vector<std::string>> {
      if (n.agency_id == finance) return std::vector<std::string>{"ketoan@stc.anlac.gov.vn"};
      return std::vector<std::string>{};
    };
  }
};

TEST_F(MailerTest, ReachesTheSinkOnceWithItsEnvelope) {
  SmtpSink sink;
  auto mailer =
      MakeSmtpMailer({"smtp://127.0.0.1:" + std::to_string(sink.port()), "", "", false, 10});
  ASSERT_TRUE(mailer.ok()) << mailer.status().message();
  auto run = SendPendingMail(*store_, **mailer, Book(), "dondoc@anlac.gov.vn", At(2024, 3, 21));
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_EQ(run->sent, 1);
  EXPECT_EQ(run->without_address, 1);
  EXPECT_EQ(run->failed, 0);
  const auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 1U);
  EXPECT_EQ(messages[0].from, "<dondoc@anlac.gov.vn>");
  ASSERT_EQ(messages[0].to.size(), 1U);
  EXPECT_EQ(messages[0].to[0], "<ketoan@stc.anlac.gov.vn>");
  EXPECT_NE(messages[0].data.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(messages[0].data.find("đến hạn ngày 28/03/2024"), std::string::npos);

  // Nothing is left to send: a second pass sends nothing.
  run = SendPendingMail(*store_, **mailer, Book(), "dondoc@anlac.gov.vn", At(2024, 3, 21));
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->sent + run->without_address, 0);
  EXPECT_EQ(sink.messages().size(), 1U);
}

TEST_F(MailerTest, AFailedSendIsRetriedByTheNextPass) {
  {
    SmtpSink refusing(/*reject_data=*/true);
    auto mailer =
        MakeSmtpMailer({"smtp://127.0.0.1:" + std::to_string(refusing.port()), "", "", false, 10});
    ASSERT_TRUE(mailer.ok());
    auto run = SendPendingMail(*store_, **mailer, Book(), "dondoc@anlac.gov.vn", At(2024, 3, 21));
    ASSERT_TRUE(run.ok()) << run.status().message();
    EXPECT_EQ(run->failed, 1);
    EXPECT_EQ(run->sent, 0);
  }
  SmtpSink sink;
  auto mailer =
      MakeSmtpMailer({"smtp://127.0.0.1:" + std::to_string(sink.port()), "", "", false, 10});
  ASSERT_TRUE(mailer.ok());
  auto run = SendPendingMail(*store_, **mailer, Book(), "dondoc@anlac.gov.vn", At(2024, 3, 21));
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->sent, 1);
  EXPECT_EQ(sink.messages().size(), 1U);
}

TEST(Mailer, RefusesNonSmtpUrlsAndHeaderInjection) {
  EXPECT_EQ(MakeSmtpMailer({"http://127.0.0.1:25", "", "", false, 10}).status().code(),
            StatusCode::kInvalidInput);
  const std::string text =
      FormatMail({"a@b.vn", {"c@d.vn\r\nBcc: e@f.vn"}, "x\r\nBcc: g@h.vn", "dòng 1\ndòng 2"},
                 core::Timestamp{});
  EXPECT_EQ(text.find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(text.find("dòng 1\r\ndòng 2\r\n"), std::string::npos);
}

}  // namespace
}  // namespace dondoc::service
