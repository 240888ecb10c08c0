#include "http/server.h"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <vector>

namespace dondoc::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

// Reading of the next request starts with this many bytes at most.
constexpr size_t kFirstReadBytes = 4096;
// After an error response: how long and how much of the client's remaining
// request to discard before closing (so it reads the response, not a reset).
constexpr std::chrono::milliseconds kMaxLinger{2000};
constexpr uint64_t kMaxLingerBytes = 64ULL * 1024 * 1024;

class Connection;

// What the server and all its connections share; connections hold it by
// shared_ptr so it outlives the last of them.
struct State {
  ServerOptions options;
  const Router* router = nullptr;
  std::unique_ptr<RequestLog> log;
  net::thread_pool* workers = nullptr;
  std::string id_prefix;
  std::atomic<uint64_t> next_request{1};
  std::atomic<bool> stopping{false};

  std::mutex mutex;
  std::condition_variable idle_cv;
  int in_flight = 0;
  uint64_t next_connection = 1;
  std::map<uint64_t, std::weak_ptr<Connection>> connections;
};

bool IsValidRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The client went away or was too slow: nothing to answer.
bool IsConnectionLoss(const beast::error_code& ec) {
  return ec == beast::error::timeout || ec == net::error::operation_aborted ||
         ec == net::error::eof || ec == bhttp::error::end_of_stream ||
         ec == bhttp::error::partial_message || ec == net::error::connection_reset ||
         ec == net::error::broken_pipe || ec == net::error::bad_descriptor ||
         ec == net::error::not_connected;
}

Response RunHandler(const Route& route, const Request& request) {
  // Handlers report errors as values; an exception (bad_alloc, a library
  // throwing) must still become a 500, not end the worker thread.
  try {
    return route.handler(request);
  } catch (const std::exception& e) {
    return ErrorResponse(errors::Internal(std::string("handler threw: ") + e.what()));
  } catch (...) {
    return ErrorResponse(errors::Internal("handler threw a non-standard exception"));
  }
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket&& socket, std::shared_ptr<State> state, uint64_t id)
      : stream_(std::move(socket)), state_(std::move(state)), id_(id) {
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
  }

  ~Connection() {
    EndRequest();
    std::lock_guard lock(state_->mutex);
    state_->connections.erase(id_);
  }

  void Start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Connection::WaitForRequest, shared_from_this()));
  }

  // At shutdown: a connection between requests (or still receiving one's
  // header) is closed; one with a request in flight finishes it first.
  void CloseIfIdle() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->in_flight_) self->Close();
    });
  }

 private:
  const ServerOptions& options() const { return state_->options; }

  void WaitForRequest() {
    if (state_->stopping.load() || closed_) {
      Close();
      return;
    }
    if (buffer_.size() > 0) {  // a pipelined request is already here
      BeginRequest();
      return;
    }
    stream_.expires_after(options().idle_timeout);
    stream_.async_read_some(
        buffer_.prepare(kFirstReadBytes),
        beast::bind_front_handler(&Connection::OnFirstBytes, shared_from_this()));
  }

  void OnFirstBytes(beast::error_code ec, size_t n) {
    if (ec) {
      Close();
      return;
    }
    buffer_.commit(n);
    BeginRequest();
  }

  void BeginRequest() {
    started_ = Clock::now();
    entry_ = LogEntry{};
    entry_.time = std::chrono::system_clock::now();
    entry_.remote = remote_;
    close_after_ = false;
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(options().header_limit));
    // The route's own limit is applied once the header names the route.
    parser_->body_limit(options().upload_body_limit);
    stream_.expires_after(options().read_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Connection::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, size_t /*bytes*/) {
    if (ec == bhttp::error::header_limit) {
      StartRequest();
      Reject(errors::HeaderTooLarge(options().header_limit));
      return;
    }
    if (ec == bhttp::error::body_limit) {
      // Content-Length above even the upload limit: the header is complete,
      // so name the limit of the route it was meant for.
      StartRequest();
      const auto& req = parser_->get();
      const std::string_view target(req.target().data(), req.target().size());
      const RouteMatch m = state_->router->Find(std::string_view(req.method_string()),
                                                target.substr(0, target.find('?')));
      const bool upload = m.kind == RouteMatch::kFound && m.route->body == BodyKind::kUpload;
      Reject(errors::PayloadTooLarge(upload ? options().upload_body_limit
                                            : options().json_body_limit));
      return;
    }
    if (ec && IsConnectionLoss(ec)) {
      Close();
      return;
    }
    StartRequest();
    if (ec) {
      Reject(errors::BadRequest("yêu cầu HTTP sai cú pháp", "malformed HTTP request"));
      return;
    }
    const auto& req = parser_->get();
    const std::string_view target(req.target().data(), req.target().size());
    const size_t q = target.find('?');
    entry_.method = std::string(req.method_string());
    entry_.path = std::string(target.substr(0, q));
    if (q != std::string_view::npos) entry_.query = std::string(target.substr(q + 1));
    keep_alive_ = req.keep_alive();
    if (entry_.path.empty() || entry_.path.front() != '/') {
      Reject(errors::BadRequest("địa chỉ yêu cầu phải bắt đầu bằng '/'",
                                "the request target must start with '/'"));
      return;
    }
    auto query = QueryParams::Parse(entry_.query);
    if (!query.ok()) {
      AnswerAfterBody(ErrorResponse(query.error()));
      return;
    }
    match_ = state_->router->Find(entry_.method, entry_.path);
    switch (match_.kind) {
      case RouteMatch::kBadPath:
        AnswerAfterBody(ErrorResponse(
            errors::BadRequest("địa chỉ có mã hóa phần trăm sai hoặc không phải UTF-8",
                               "the path is badly percent-encoded or not UTF-8")));
        return;
      case RouteMatch::kNotFound:
        AnswerAfterBody(ErrorResponse(errors::NotFound(entry_.path)));
        return;
      case RouteMatch::kMethodNotAllowed: {
        Response r = ErrorResponse(errors::MethodNotAllowed(entry_.method));
        std::string allow;
        for (const std::string& m : match_.allowed) allow += (allow.empty() ? "" : ", ") + m;
        r.headers.emplace_back("Allow", allow);
        AnswerAfterBody(std::move(r));
        return;
      }
      case RouteMatch::kFound:
        break;
    }
    query_ = std::move(*query);
    const uint64_t limit = match_.route->body == BodyKind::kUpload ? options().upload_body_limit
                                                                   : options().json_body_limit;
    if (auto length = parser_->content_length(); length && *length > limit) {
      Reject(errors::PayloadTooLarge(limit));
      return;
    }
    parser_->body_limit(limit);
    if (parser_->is_done()) {
      OnBody({}, 0);
      return;
    }
    if (AsciiLower(std::string_view(req[bhttp::field::expect])) == "100-continue") {
      continue_.emplace(bhttp::status::continue_, 11);
      bhttp::async_write(stream_, *continue_,
                         [self = shared_from_this()](beast::error_code wec, size_t) {
                           if (wec) {
                             self->Close();
                             return;
                           }
                           self->ReadBody();
                         });
      return;
    }
    ReadBody();
  }

  // An error decided from the header alone. A small body with a known
  // length is read (and dropped) first so that the connection stays usable;
  // any other body closes it after the answer (see Write).
  void AnswerAfterBody(Response r) {
    const auto length = parser_->content_length();
    if (parser_->is_done() || !length || *length > options().json_body_limit) {
      Write(std::move(r));
      return;
    }
    early_answer_ = std::move(r);
    parser_->body_limit(options().json_body_limit);
    ReadBody();
  }

  void ReadBody() {
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Connection::OnBody, shared_from_this()));
  }

  void OnBody(beast::error_code ec, size_t /*bytes*/) {
    if (early_answer_) {
      if (ec) close_after_ = true;
      Response r = std::move(*early_answer_);
      early_answer_.reset();
      if (ec && IsConnectionLoss(ec)) {
        Close();
        return;
      }
      Write(std::move(r));
      return;
    }
    if (ec == bhttp::error::body_limit) {
      Reject(errors::PayloadTooLarge(match_.route->body == BodyKind::kUpload
                                         ? options().upload_body_limit
                                         : options().json_body_limit));
      return;
    }
    if (ec && IsConnectionLoss(ec)) {
      Close();
      return;
    }
    if (ec) {
      Reject(errors::BadRequest("nội dung yêu cầu sai cú pháp", "malformed request body"));
      return;
    }
    auto& req = parser_->get();
    Request request;
    request.method = entry_.method;
    request.path = entry_.path;
    request.query = std::move(query_);
    request.path_params = std::move(match_.params);
    for (const auto& field : req) {
      request.headers.emplace_back(AsciiLower(std::string_view(field.name_string())),
                                   std::string(field.value()));
    }
    request.body = std::move(req.body());
    request.request_id = entry_.request_id;
    request.json_max_depth = options().json_max_depth;
    const Route* route = match_.route;
    net::post(*state_->workers, [self = shared_from_this(), route,
                                 request = std::move(request)]() mutable {
      Response response = RunHandler(*route, request);
      net::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
        self->Write(std::move(response));
      });
    });
  }

  // The request has begun: it counts as in flight for Shutdown() and gets
  // a request id (the client's X-Request-Id when it is sane).
  void StartRequest() {
    if (!in_flight_) {
      std::lock_guard lock(state_->mutex);
      ++state_->in_flight;
      in_flight_ = true;
    }
    std::string id;
    if (parser_) {
      const auto& req = parser_->get();
      const std::string_view given(req["X-Request-Id"].data(), req["X-Request-Id"].size());
      if (IsValidRequestId(given)) id = std::string(given);
    }
    if (id.empty()) {
      char buf[24];
      std::snprintf(buf, sizeof buf, "%06llx",
                    static_cast<unsigned long long>(state_->next_request.fetch_add(1)));
      id = state_->id_prefix + "-" + buf;
    }
    entry_.request_id = id;
  }

  void EndRequest() {
    if (!in_flight_) return;
    in_flight_ = false;
    std::lock_guard lock(state_->mutex);
    --state_->in_flight;
    state_->idle_cv.notify_all();
  }

  // A protocol error (limits, syntax): answer and close the connection.
  // Other errors found before the handler (404, 405, bad parameters) keep
  // it open unless a body was left unread (see Write).
  void Reject(const HttpError& error) {
    close_after_ = true;
    Write(ErrorResponse(error));
  }

  void Write(Response r) {
    // A body left unread cannot be skipped reliably: close after answering.
    if (!parser_ || !parser_->is_done()) close_after_ = true;
    response_.emplace(static_cast<bhttp::status>(r.status), 11);
    response_->set(bhttp::field::server, "dondoc");
    response_->set(bhttp::field::content_type, r.content_type);
    response_->set(bhttp::field::cache_control, "no-store");
    response_->set("X-Content-Type-Options", "nosniff");
    response_->set("X-Request-Id", entry_.request_id);
    for (const auto& [name, value] : r.headers) response_->set(name, value);
    response_->keep_alive(keep_alive_ && !close_after_ && !state_->stopping.load());
    response_->body() = std::move(r.body);
    response_->prepare_payload();
    entry_.status = r.status;
    entry_.bytes = response_->body().size();
    entry_.user_id = r.user_id;
    entry_.error = std::move(r.log_detail);
    stream_.expires_after(options().read_timeout);
    bhttp::async_write(stream_, *response_,
                       beast::bind_front_handler(&Connection::OnWrite, shared_from_this()));
  }

  void OnWrite(beast::error_code ec, size_t /*bytes*/) {
    entry_.duration_ms = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
    if (entry_.method.empty()) entry_.method = "-";
    if (entry_.path.empty()) entry_.path = "-";
    state_->log->Write(entry_);
    const bool keep = !ec && response_->keep_alive();
    response_.reset();
    EndRequest();
    if (ec) {
      Close();
    } else if (keep) {
      parser_.reset();
      WaitForRequest();
    } else {
      Linger();
    }
  }

  // Half-close, then discard what the client still sends for a moment.
  void Linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (ignored) {
      Close();
      return;
    }
    stream_.expires_after(std::min<std::chrono::milliseconds>(options().read_timeout, kMaxLinger));
    buffer_.clear();
    DrainSome();
  }

  void DrainSome() {
    stream_.async_read_some(buffer_.prepare(size_t{64} * 1024),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > kMaxLingerBytes) {
                                self->Close();
                                return;
                              }
                              self->DrainSome();
                            });
  }

  void Close() {
    EndRequest();
    if (closed_) return;
    closed_ = true;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::shared_ptr<State> state_;
  uint64_t id_;
  std::string remote_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::string_body>> response_;
  std::optional<bhttp::response<bhttp::empty_body>> continue_;
  QueryParams query_;
  RouteMatch match_;
  std::optional<Response> early_answer_;
  LogEntry entry_;
  Clock::time_point started_;
  uint64_t drained_ = 0;
  bool keep_alive_ = false;
  bool close_after_ = false;
  bool in_flight_ = false;
  bool closed_ = false;
};

}  // namespace

Status ValidateServerOptions(const ServerOptions& o) {
  auto bad = [](const std::string& what) { return Status::InvalidInput(what); };
  if (o.io_threads < 1 || o.io_threads > 64) return bad("threads must be 1..64");
  if (o.workers < 1 || o.workers > 256) return bad("workers must be 1..256");
  if (o.header_limit < 1024 || o.header_limit > 1024ULL * 1024) {
    return bad("header limit must be 1 KiB..1 MiB");
  }
  if (o.json_body_limit < 1 || o.json_body_limit > o.upload_body_limit) {
    return bad("JSON body limit must be at least 1 byte and at most the upload limit");
  }
  if (o.upload_body_limit > (4ULL << 30)) return bad("upload limit must be at most 4 GiB");
  if (o.read_timeout.count() <= 0 || o.idle_timeout.count() <= 0 ||
      o.shutdown_timeout.count() < 0) {
    return bad("timeouts must be positive");
  }
  if (o.json_max_depth < 1 || o.json_max_depth > 1000) return bad("JSON depth must be 1..1000");
  return Status::Ok();
}

struct Server::Impl {
  Impl(ServerOptions options, const Router& router)
      : ioc(std::max(1, options.io_threads)),
        acceptor(net::make_strand(ioc)),
        workers(static_cast<size_t>(std::max(1, options.workers))),
        state(std::make_shared<State>()) {
    state->options = std::move(options);
    state->router = &router;
    state->workers = &workers;
    state->log = std::make_unique<RequestLog>(state->options.log_sink ? state->options.log_sink
                                                                      : RequestLog::StderrSink());
    std::random_device rd;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04x", static_cast<unsigned>(rd() & 0xFFFF));
    state->id_prefix = buf;
  }

  void Accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (state->stopping.load() || ec == net::error::operation_aborted || !acceptor.is_open()) {
        return;
      }
      if (ec) {
        // Out of descriptors and the like: pause instead of spinning.
        backoff.expires_after(std::chrono::milliseconds(50));
        backoff.async_wait([this](beast::error_code) { Accept(); });
        return;
      }
      std::shared_ptr<Connection> connection;
      {
        std::lock_guard lock(state->mutex);
        const uint64_t id = state->next_connection++;
        connection = std::make_shared<Connection>(std::move(socket), state, id);
        state->connections[id] = connection;
      }
      connection->Start();
      Accept();
    });
  }

  net::io_context ioc;  // first: destroyed last, after everything using it
  tcp::acceptor acceptor;
  net::steady_timer backoff{acceptor.get_executor()};
  std::optional<net::executor_work_guard<net::io_context::executor_type>> guard;
  net::thread_pool workers;
  std::shared_ptr<State> state;
  std::vector<std::thread> threads;
  uint16_t port = 0;
  std::string address;
  std::mutex shutdown_mutex;
  bool started = false;
  bool stopped = false;
  int unfinished = 0;
};

Server::Server(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

Server::~Server() {
  // Joining threads can only throw on a broken thread library; a destructor
  // must not let that escape.
  try {
    Shutdown();
  } catch (...) {  // NOLINT(bugprone-empty-catch)
  }
}

Status Server::Start() {
  const ServerOptions& o = impl_->state->options;
  if (Status s = ValidateServerOptions(o); !s.ok()) return s;
  beast::error_code ec;
  const net::ip::address address = net::ip::make_address(o.address, ec);
  if (ec) return Status::InvalidInput("bad listen address '" + o.address + "'");
  const std::string where = o.address + ":" + std::to_string(o.port);
  tcp::endpoint endpoint(address, o.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return Status::IoError("cannot listen on " + where + ": " + ec.message());
  impl_->port = acceptor.local_endpoint().port();
  impl_->address = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
  impl_->guard.emplace(impl_->ioc.get_executor());
  impl_->Accept();
  for (int i = 0; i < o.io_threads; ++i) {
    impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  }
  impl_->started = true;
  return Status::Ok();
}

uint16_t Server::port() const { return impl_->port; }

std::string Server::url() const {
  return "http://" + impl_->address + ":" + std::to_string(impl_->port);
}

int Server::Shutdown() {
  std::lock_guard shutdown_lock(impl_->shutdown_mutex);
  if (!impl_->started || impl_->stopped) return impl_->unfinished;
  impl_->stopped = true;
  State& state = *impl_->state;
  state.stopping.store(true);

  // Stop accepting (on the acceptor's strand) and wait until it is closed.
  std::promise<void> closed;
  net::post(impl_->acceptor.get_executor(), [&] {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->backoff.cancel();
    closed.set_value();
  });
  closed.get_future().wait();

  std::vector<std::shared_ptr<Connection>> live;
  {
    std::lock_guard lock(state.mutex);
    for (auto& [id, weak] : state.connections) {
      if (auto c = weak.lock()) live.push_back(std::move(c));
    }
  }
  for (auto& c : live) c->CloseIfIdle();
  live.clear();

  {
    std::unique_lock lock(state.mutex);
    state.idle_cv.wait_for(lock, state.options.shutdown_timeout,
                           [&] { return state.in_flight == 0; });
    impl_->unfinished = state.in_flight;
  }
  impl_->guard.reset();
  impl_->ioc.stop();
  for (std::thread& t : impl_->threads) t.join();
  impl_->threads.clear();
  if (impl_->unfinished > 0) impl_->workers.stop();
  impl_->workers.join();
  return impl_->unfinished;
}

}  // namespace dondoc::http
