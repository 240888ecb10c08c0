// The HTTP/1.1 server: Boost.Beast over Boost.Asio.
//
// Threads: `io_threads` threads run the sockets (accept, read, write; each
// connection on its own strand); handlers never run there. After a request
// is read, its handler runs on a separate pool of `workers` threads
// (boost::asio::thread_pool), so database, extraction and file work never
// block I/O; the response is handed back to the connection's strand.
//
// Per connection: keep-alive; requests are read one at a time (a pipelined
// request waits in the buffer until the response before it is written).
// Limits and timeouts (ServerOptions), each answered before any handler
// runs:
//   header larger than header_limit            -> 431, connection closed
//   body larger than the route's limit         -> 413, connection closed
//     (json_body_limit, or upload_body_limit for BodyKind::kUpload routes;
//      checked on Content-Length before the body is read, and while a
//      chunked body arrives)
//   unparseable request                        -> 400, connection closed
//   no complete request within read_timeout    -> connection closed
//     (counted from the request's first byte; a response must also be
//      written within it)
//   no new request within idle_timeout         -> connection closed
// After an error response the server stops sending, discards what the
// client still sends for a moment (so it can read the response instead of a
// reset), then closes.
//
// Shutdown(): stops accepting, closes idle connections, lets requests in
// flight finish and write their responses (keep-alive off), waits at most
// shutdown_timeout for them, then stops the threads. A handler still
// running after that keeps its worker until it returns.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"
#include "http/log.h"
#include "http/router.h"

namespace dondoc::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port (see Server::port())
  int io_threads = 2;
  int workers = 2;
  uint64_t header_limit = 8ULL * 1024;
  uint64_t json_body_limit = 1024ULL * 1024;
  uint64_t upload_body_limit = 50ULL * 1024 * 1024;
  std::chrono::milliseconds read_timeout{30000};
  std::chrono::milliseconds idle_timeout{60000};
  std::chrono::milliseconds shutdown_timeout{10000};
  int json_max_depth = 32;
  RequestLog::Sink log_sink;  // default: stderr
};

// InvalidInput naming the first out-of-range option.
Status ValidateServerOptions(const ServerOptions& options);

class Server {
 public:
  // `router` must outlive the server and not change while it runs.
  Server(ServerOptions options, const Router& router);
  ~Server();  // Shutdown() if still running
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, listens and starts the threads. IoError when the address cannot
  // be bound (the message names it), InvalidInput for bad options.
  Status Start();
  // The bound port (the chosen one when options.port was 0) and the URL,
  // e.g. "http://127.0.0.1:8080".
  uint16_t port() const;
  std::string url() const;

  // Graceful stop (see above); idempotent, thread-safe, blocks until done.
  // Returns the number of requests that were still in flight at the
  // deadline (0 when all finished).
  int Shutdown();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace dondoc::http
