// A small HTTP/1.1 client for the server tests: Beast over one TCP
// connection (kept alive between requests), with a safety timeout on every
// operation so a misbehaving server fails the test instead of hanging it.
#pragma once

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dondoc::http::testing {

struct ClientResponse {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  bool keep_alive = false;
  std::string Header(const std::string& lower) const {
    auto it = headers.find(lower);
    return it == headers.end() ? std::string() : it->second;
  }
};

class TestClient {
 public:
  static constexpr std::chrono::seconds kSafety{30};

  explicit TestClient(uint16_t port) : stream_(ioc_) {
    boost::asio::ip::tcp::endpoint endpoint(boost::asio::ip::make_address("127.0.0.1"), port);
    stream_.expires_after(kSafety);
    stream_.async_connect(endpoint, [this](boost::beast::error_code ec) { ec_ = ec; });
    Run();
  }

  // The error of the last operation (connect, write, read).
  boost::beast::error_code error() const { return ec_; }

  std::optional<ClientResponse> Send(
      const std::string& method, const std::string& target, const std::string& body = "",
      const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    namespace bhttp = boost::beast::http;
    bhttp::request<bhttp::string_body> req(bhttp::string_to_verb(method), target, 11);
    if (req.method() == bhttp::verb::unknown) req.method_string(method);
    req.set(bhttp::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) req.set(name, value);
    req.body() = body;
    if (!body.empty() || method == "POST" || method == "PUT") req.prepare_payload();
    stream_.expires_after(kSafety);
    bhttp::async_write(stream_, req, [this](boost::beast::error_code ec, size_t) { ec_ = ec; });
    Run();
    if (ec_) return std::nullopt;
    return Read();
  }

  // Writes raw bytes (ignoring errors: the server may close early).
  void WriteRaw(const std::string& bytes) {
    stream_.expires_after(kSafety);
    boost::asio::async_write(stream_, boost::asio::buffer(bytes),
                             [this](boost::beast::error_code ec, size_t) { ec_ = ec; });
    Run();
  }

  std::optional<ClientResponse> Read() {
    namespace bhttp = boost::beast::http;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    stream_.expires_after(kSafety);
    bhttp::async_read(stream_, buffer_, parser,
                      [this](boost::beast::error_code ec, size_t) { ec_ = ec; });
    Run();
    if (ec_) return std::nullopt;
    ClientResponse r;
    auto& res = parser.get();
    r.status = static_cast<int>(res.result_int());
    r.body = res.body();
    r.keep_alive = res.keep_alive();
    for (const auto& f : res) {
      std::string name(f.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers[name] = std::string(f.value());
    }
    return r;
  }

  // Waits for the server to close the connection: true when it did (EOF or
  // reset) before the safety timeout.
  bool WaitForClose() {
    char byte;
    stream_.expires_after(kSafety);
    size_t got = 0;
    stream_.async_read_some(boost::asio::buffer(&byte, 1),
                            [this, &got](boost::beast::error_code ec, size_t n) {
                              ec_ = ec;
                              got = n;
                            });
    Run();
    return got == 0 && ec_ && ec_ != boost::beast::error::timeout;
  }

 private:
  void Run() {
    ioc_.restart();
    ioc_.run();
  }

  boost::asio::io_context ioc_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  boost::beast::error_code ec_;
};

}  // namespace dondoc::http::testing
