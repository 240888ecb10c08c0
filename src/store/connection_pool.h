// A bounded pool of database connections, shared by the SQLite and the
// PostgreSQL store. Each connection serves one thread at a time: Acquire()
// hands out an idle connection or opens a new one while fewer than `max`
// are open, and otherwise waits; the Lease gives it back on destruction.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "common/status.h"

namespace dondoc::store {

template <typename Connection>
class ConnectionPool {
 public:
  using Opener = std::function<Result<std::unique_ptr<Connection>>()>;

  ConnectionPool(int max, Opener open) : max_(max), open_connection_(std::move(open)) {}

  // A connection borrowed from the pool, returned on destruction.
  class Lease {
   public:
    Lease() = default;
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&& other) noexcept {
      Release();
      pool_ = other.pool_;
      connection_ = std::move(other.connection_);
      return *this;
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { Release(); }
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

   private:
    void Release() {
      if (connection_ != nullptr) pool_->Return(std::move(connection_));
    }
    ConnectionPool* pool_ = nullptr;
    std::unique_ptr<Connection> connection_;
  };

  Result<Lease> Acquire() {
    {
      std::unique_lock lock(mutex_);
      available_.wait(lock, [&] { return !idle_.empty() || open_ < max_; });
      if (!idle_.empty()) {
        std::unique_ptr<Connection> connection = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(connection));
      }
      ++open_;
    }
    Result<std::unique_ptr<Connection>> connection = open_connection_();
    if (!connection.ok()) {
      std::lock_guard lock(mutex_);
      --open_;
      available_.notify_one();
      return connection.status();
    }
    return Lease(this, std::move(connection).value());
  }

 private:
  void Return(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
    available_.notify_one();
  }

  const int max_;
  const Opener open_connection_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;
};

}  // namespace dondoc::store
