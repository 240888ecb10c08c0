// E-mail for notifications (optional): an SMTP client over libcurl (its
// smtp:// and smtps:// support; curl is well kept, so we write no SMTP
// ourselves) and the pass that sends the notifications not yet e-mailed.
//
// A notification goes to the e-mail addresses its recipient stands for
// (SendPendingMail's `addresses`: an agency's staff, the office's users,
// one user); one without any address is marked sent all the same, so that
// it is not retried for ever. A failed send leaves it unsent for the next
// pass.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "core/reminders.h"
#include "store/store.h"

namespace dondoc::service {

struct Mail {
  std::string from;
  std::vector<std::string> to;
  std::string subject;  // UTF-8: sent RFC 2047 encoded
  std::string body;     // UTF-8 plain text
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  virtual Status Send(const Mail& mail) = 0;
};

struct SmtpOptions {
  std::string url;       // "smtp://host:25", "smtps://host:465"
  std::string username;  // empty: no authentication
  std::string password;
  bool require_tls = false;  // STARTTLS on smtp:// (curl's USE_SSL_ALL)
  long timeout_seconds = 30;
};

// InvalidInput for a URL that is not smtp:// or smtps://.
Result<std::unique_ptr<Mailer>> MakeSmtpMailer(const SmtpOptions& options);

// The whole message as sent (headers and body, CRLF line ends): public for tests.
std::string FormatMail(const Mail& mail, core::Timestamp date);

// The addresses a notification goes to.
using AddressBook = std::function<Result<std::vector<std::string>>(const core::Notification&)>;

struct MailRun {
  int64_t sent = 0;
  int64_t without_address = 0;
  int64_t failed = 0;
};

// Sends up to `limit` unsent notifications, oldest first.
Result<MailRun> SendPendingMail(store::Store& store, Mailer& mailer, const AddressBook& addresses,
                                const std::string& from, core::Timestamp now, int limit = 200);

}  // namespace dondoc::service
