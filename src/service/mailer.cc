#include "service/mailer.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "core/date.h"

namespace dondoc::service {
namespace {

// RFC 2047 "encoded-word" for a UTF-8 header value (base64).
std::string EncodeHeader(const std::string& text) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    const uint32_t n = (static_cast<uint8_t>(text[i]) << 16) |
                       (static_cast<uint8_t>(text[i + 1]) << 8) | static_cast<uint8_t>(text[i + 2]);
    b64 += kAlphabet[(n >> 18) & 63];
    b64 += kAlphabet[(n >> 12) & 63];
    b64 += kAlphabet[(n >> 6) & 63];
    b64 += kAlphabet[n & 63];
  }
  if (i < text.size()) {
    uint32_t n = static_cast<uint8_t>(text[i]) << 16;
    if (i + 1 < text.size()) n |= static_cast<uint8_t>(text[i + 1]) << 8;
    b64 += kAlphabet[(n >> 18) & 63];
    b64 += kAlphabet[(n >> 12) & 63];
    b64 += i + 1 < text.size() ? kAlphabet[(n >> 6) & 63] : '=';
    b64 += '=';
  }
  return "=?UTF-8?B?" + b64 + "?=";
}

// No CR or LF may reach a header from data (header injection).
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return text;
}

struct Upload {
  std::string data;
  size_t offset = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t room = size * count;
  const size_t n = std::min(room, upload->data.size() - upload->offset);
  // curl's read buffer is raw bytes, not a C string: no terminator.
  std::copy_n(upload->data.data() + upload->offset, n, buffer);
  upload->offset += n;
  return n;
}

class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(SmtpOptions options) : options_(std::move(options)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }

  Status Send(const Mail& mail) override {
    if (mail.to.empty()) return Status::InvalidInput("a mail without recipients");
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) return Status::Internal("curl_easy_init failed");
    Upload upload{FormatMail(mail, std::chrono::time_point_cast<std::chrono::seconds>(
                                       std::chrono::system_clock::now())),
                  0};
    curl_slist* rcpt = nullptr;
    for (const std::string& to : mail.to) rcpt = curl_slist_append(rcpt, OneLine(to).c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt_guard(rcpt,
                                                                           &curl_slist_free_all);
    // Built by append: GCC 12 warns falsely on "<" + s + ">" (-Wrestrict).
    std::string from(1, '<');
    from.append(OneLine(mail.from)).push_back('>');
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, options_.url.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, &ReadUpload);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, options_.timeout_seconds);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    if (options_.require_tls)
      curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!options_.username.empty()) {
      curl_easy_setopt(c, CURLOPT_USERNAME, options_.username.c_str());
      curl_easy_setopt(c, CURLOPT_PASSWORD, options_.password.c_str());
    }
    const CURLcode code = curl_easy_perform(c);
    if (code != CURLE_OK) {
      return Status::IoError("SMTP send to " + options_.url +
                             " failed: " + curl_easy_strerror(code));
    }
    return Status::Ok();
  }

 private:
  SmtpOptions options_;
};

}  // namespace

std::string FormatMail(const Mail& mail, core::Timestamp date) {
  std::string to;
  for (const std::string& address : mail.to) {
    if (!to.empty()) to += ", ";
    to += OneLine(address);
  }
  // Lines of the body end in CRLF; a line that is a lone "." is
  // dot-stuffed by curl itself.
  std::string body;
  for (char c : mail.body) {
    if (c == '\n') {
      body += "\r\n";
    } else if (c != '\r') {
      body += c;
    }
  }
  return "Date: " + core::FormatIsoTimestamp(date) + "\r\nFrom: " + OneLine(mail.from) +
         "\r\nTo: " + to + "\r\nSubject: " + EncodeHeader(OneLine(mail.subject)) +
         "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
         "Content-Transfer-Encoding: 8bit\r\n\r\n" +
         body + "\r\n";
}

Result<std::unique_ptr<Mailer>> MakeSmtpMailer(const SmtpOptions& options) {
  if (!options.url.starts_with("smtp://") && !options.url.starts_with("smtps://")) {
    return Status::InvalidInput("the SMTP URL must start with smtp:// or smtps://, not \"" +
                                options.url + "\"");
  }
  return std::unique_ptr<Mailer>(std::make_unique<SmtpMailer>(options));
}

Result<MailRun> SendPendingMail(store::Store& store, Mailer& mailer, const AddressBook& addresses,
                                const std::string& from, core::Timestamp now, int limit) {
  std::vector<core::Notification> pending;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    Result<std::vector<core::Notification>> list = tx.ListUnsentNotifications(limit);
    if (!list.ok()) return list.status();
    pending = std::move(list.value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  MailRun run;
  for (const core::Notification& n : pending) {
    Result<std::vector<std::string>> to = addresses(n);
    if (!to.ok()) return to.status();
    if (to->empty()) {
      ++run.without_address;
    } else {
      Mail mail{from, std::move(to.value()), "[dondoc] " + n.message, n.message + "\n"};
      if (Status sent = mailer.Send(mail); !sent.ok()) {
        ++run.failed;
        continue;  // retried by the next pass
      }
      ++run.sent;
    }
    // Marked once sent (or with no one to send to), each in its own write.
    Status marked = store.Write(
        [&](store::Transaction& tx) -> Status { return tx.MarkNotificationEmailed(n.id, now); });
    if (!marked.ok()) return marked;
  }
  return run;
}

}  // namespace dondoc::service
