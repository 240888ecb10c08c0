#include "store/postgres_conn.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <string>
#include <utility>

namespace dondoc::store::pg {
namespace {

// Seconds a connection attempt may take unless the URL says otherwise.
constexpr const char* kConnectTimeoutSeconds = "10";

std::string Trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// Replaces every occurrence of `secret` in `text` (a password libpq might
// echo back) with "***".
std::string Redact(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  size_t at = 0;
  while ((at = text.find(secret, at)) != std::string::npos) {
    text.replace(at, secret.size(), "***");
    at += 3;
  }
  return text;
}

// The password part of a postgresql://user:password@host URL, found by hand
// so that it can be redacted even when libpq cannot parse the URL.
std::string_view UrlPassword(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  size_t at = rest.rfind('@', rest.find('/'));
  if (at == std::string_view::npos) return {};
  std::string_view userinfo = rest.substr(0, at);
  size_t colon = userinfo.find(':');
  if (colon == std::string_view::npos) return {};
  return userinfo.substr(colon + 1);
}

// Quotes a conninfo value: 'value' with \ and ' escaped.
std::string QuoteConninfo(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

StatusCode CodeFor(std::string_view sqlstate) {
  // Class 23: integrity constraint violation; 22: data exception (a bad
  // date, a number out of range). Both mean the caller's data is wrong.
  if (sqlstate.starts_with("23") || sqlstate.starts_with("22")) return StatusCode::kInvalidInput;
  // Class 42: syntax error or access rule violation: a bug in our SQL.
  if (sqlstate.starts_with("42")) return StatusCode::kInternal;
  return StatusCode::kIoError;
}

Status MakeStatus(StatusCode code, std::string message) {
  switch (code) {
    case StatusCode::kInvalidInput:
      return Status::InvalidInput(std::move(message));
    case StatusCode::kNotFound:
      return Status::NotFound(std::move(message));
    case StatusCode::kInternal:
      return Status::Internal(std::move(message));
    default:
      return Status::IoError(std::move(message));
  }
}

}  // namespace

// ---------------------------------------------------------------- Params

Params& Params::Add(std::string_view value) {
  values_.emplace_back(std::string(value));
  return *this;
}

Params& Params::Add(int64_t value) {
  values_.emplace_back(std::to_string(value));
  return *this;
}

Params& Params::Add(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest round trip
  values_.emplace_back(ec == std::errc() ? std::string(buffer, end) : std::string("NaN"));
  return *this;
}

Params& Params::Add(bool value) {
  values_.emplace_back(value ? "true" : "false");
  return *this;
}

Params& Params::Add(core::Date value) {
  values_.emplace_back(core::FormatIsoDate(value));
  return *this;
}

Params& Params::AddTimestamp(core::Timestamp value) {
  values_.emplace_back(std::to_string(value.time_since_epoch().count()));
  return *this;
}

Params& Params::AddNull() {
  values_.emplace_back(std::nullopt);
  return *this;
}

std::vector<const char*> Params::Pointers() const {
  std::vector<const char*> pointers;
  pointers.reserve(values_.size());
  for (const auto& value : values_) pointers.push_back(value ? value->c_str() : nullptr);
  return pointers;
}

// ---------------------------------------------------------------- Rows

int64_t Rows::affected() const {
  const char* text = PQcmdTuples(result_.get());
  int64_t count = 0;
  std::from_chars(text, text + std::char_traits<char>::length(text), count);
  return count;
}

std::string_view Rows::Text(int row, int column) const {
  return {PQgetvalue(result_.get(), row, column),
          static_cast<size_t>(PQgetlength(result_.get(), row, column))};
}

int64_t Rows::Int(int row, int column) const {
  std::string_view text = Text(row, column);
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

double Rows::Real(int row, int column) const {
  std::string_view text = Text(row, column);
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

bool Rows::Bool(int row, int column) const { return Text(row, column) == "t"; }

core::Date Rows::DateAt(int row, int column) const {
  auto date = core::ParseIsoDate(Text(row, column));
  return date.ok() ? *date : core::Date{};
}

core::Timestamp Rows::TimestampAt(int row, int column) const {
  return core::Timestamp{std::chrono::seconds{Int(row, column)}};
}

std::optional<std::string> Rows::OptText(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return std::string(Text(row, column));
}

std::optional<int64_t> Rows::OptInt(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Int(row, column);
}

std::optional<double> Rows::OptReal(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Real(row, column);
}

std::optional<core::Date> Rows::OptDate(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return DateAt(row, column);
}

std::optional<core::Timestamp> Rows::OptTimestamp(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return TimestampAt(row, column);
}

// ---------------------------------------------------------------- PgConnection

Result<std::unique_ptr<PgConnection>> PgConnection::Open(std::string_view url) {
  const std::string url_text(url);
  const std::string_view url_password = UrlPassword(url);
  char* parse_error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url_text.c_str(), &parse_error);
  if (options == nullptr) {
    std::string message = parse_error != nullptr ? Trim(parse_error) : "out of memory";
    PQfreemem(parse_error);
    return Status::InvalidInput(
        Redact("invalid PostgreSQL URL (expected postgresql://user@host:port/database): " + message,
               url_password));
  }
  std::string host;
  std::string hostaddr;
  std::string port;
  std::string dbname;
  std::string user;
  std::string password;
  std::string conninfo;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    std::string_view keyword = option->keyword;
    std::string value = option->val;
    if (keyword == "host") host = value;
    if (keyword == "hostaddr") hostaddr = value;
    if (keyword == "port") port = value;
    if (keyword == "dbname") dbname = value;
    if (keyword == "user") user = value;
    if (keyword == "password") {
      password = value;
      continue;  // never in conninfo(): tools get it through PGPASSWORD
    }
    if (!conninfo.empty()) conninfo += ' ';
    conninfo += std::string(keyword) + "=" + QuoteConninfo(value);
  }
  PQconninfoFree(options);
  if (host.empty()) host = hostaddr.empty() ? "localhost" : hostaddr;
  if (port.empty()) port = "5432";
  if (dbname.empty()) dbname = user;
  std::string where = host + ":" + port + "/" + dbname;

  // connect_timeout first so that a value in the URL overrides it.
  const char* keywords[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* values[] = {kConnectTimeoutSeconds, "dondoc", url_text.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (conn == nullptr) return Status::IoError("cannot connect to PostgreSQL at " + where);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = Trim(PQerrorMessage(conn));
    PQfinish(conn);
    message = Redact(std::move(message), password);
    return Status::IoError("cannot connect to PostgreSQL at " + where + ": " + message);
  }
  std::unique_ptr<PgConnection> connection(
      new PgConnection(conn, std::move(where), std::move(conninfo), std::move(password)));
  Status setup = connection->Setup();
  if (!setup.ok()) return setup;
  return connection;
}

PgConnection::~PgConnection() { PQfinish(conn_); }

Status PgConnection::Setup() {
  // Vietnamese text, NFC normalisation and unaccent need a UTF-8 database.
  const char* encoding = PQparameterStatus(conn_, "server_encoding");
  if (encoding != nullptr && std::string_view(encoding) != "UTF8") {
    return Status::InvalidInput("PostgreSQL database " + where_ + " has encoding " + encoding +
                                "; dondoc needs UTF8 (CREATE DATABASE ... ENCODING 'UTF8' "
                                "TEMPLATE template0)");
  }
  if (PQsetClientEncoding(conn_, "UTF8") != 0) {
    return Status::IoError("PostgreSQL at " + where_ + ": cannot use UTF8 client encoding");
  }
  // Dates as YYYY-MM-DD, instants in UTC, floats with round-trip digits,
  // and no NOTICE chatter ("relation already exists, skipping") on stderr.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  return ExecScript(
      "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 1; "
      "SET client_min_messages = warning");
}

Status PgConnection::Reset() {
  PQreset(conn_);
  prepared_.clear();  // a new session has none of them
  if (PQstatus(conn_) != CONNECTION_OK) {
    return Status::IoError("lost the connection to PostgreSQL at " + where_ + ": " +
                           Redact(Trim(PQerrorMessage(conn_)), password_));
  }
  return Setup();
}

std::optional<Rows> PgConnection::Exec(std::string_view sql, const Params& params) {
  // Each distinct statement is prepared once per connection (named s0, s1,
  // ...) and then only executed: the server parses and plans it once.
  std::string statement(sql);
  auto prepared = prepared_.find(statement);
  PGresult* result = nullptr;
  if (prepared == prepared_.end()) {
    std::string name(1, 's');
    name += std::to_string(prepared_.size());
    result = PQprepare(conn_, name.c_str(), statement.c_str(), 0, nullptr);
    if (result != nullptr && PQresultStatus(result) == PGRES_COMMAND_OK) {
      PQclear(result);
      result = nullptr;
      prepared = prepared_.emplace(std::move(statement), std::move(name)).first;
    }
  }
  if (prepared != prepared_.end()) {
    std::vector<const char*> values = params.Pointers();
    result = PQexecPrepared(conn_, prepared->second.c_str(), params.size(),
                            values.empty() ? nullptr : values.data(), nullptr, nullptr, 0);
  }
  ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    last_error_ = {};
    return Rows(result);
  }
  ExecError error;
  if (result != nullptr) {
    const char* sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL);
    error.sqlstate = sqlstate != nullptr ? sqlstate : "";
    std::string message = primary != nullptr ? primary : Trim(PQerrorMessage(conn_));
    if (detail != nullptr) message += std::string(" (") + detail + ")";
    error.status = MakeStatus(CodeFor(error.sqlstate), Redact(std::move(message), password_));
    PQclear(result);
  } else {
    error.status = Status::IoError("PostgreSQL at " + where_ + ": " +
                                   Redact(Trim(PQerrorMessage(conn_)), password_));
  }
  if (error.sqlstate.empty() && PQstatus(conn_) != CONNECTION_OK) {
    error.status = Status::IoError("lost the connection to PostgreSQL at " + where_ + ": " +
                                   error.status.message());
  }
  error.conflict = error.sqlstate == "40001" || error.sqlstate == "40P01";
  last_error_ = std::move(error);
  return std::nullopt;
}

Status PgConnection::ExecScript(std::string_view sql) {
  const std::string script(sql);
  PGresult* result = PQexec(conn_, script.c_str());
  ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    PQclear(result);
    last_error_ = {};
    return Status::Ok();
  }
  ExecError error;
  std::string message = Trim(PQerrorMessage(conn_));
  if (result != nullptr) {
    const char* sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    error.sqlstate = sqlstate != nullptr ? sqlstate : "";
    PQclear(result);
  }
  error.conflict = error.sqlstate == "40001" || error.sqlstate == "40P01";
  error.status = MakeStatus(CodeFor(error.sqlstate),
                            "PostgreSQL at " + where_ + ": " + Redact(message, password_));
  last_error_ = error;
  return error.status;
}

Status PgConnection::CopyIn(std::string_view copy_sql, std::string_view data) {
  const std::string statement(copy_sql);
  PGresult* result = PQexec(conn_, statement.c_str());
  const bool copying = result != nullptr && PQresultStatus(result) == PGRES_COPY_IN;
  if (copying) {
    PQclear(result);
    // In pieces, so that libpq's buffer stays small.
    constexpr size_t kPiece = size_t{1} << 20;
    int sent = 1;
    for (size_t at = 0; sent == 1 && at < data.size(); at += kPiece) {
      const size_t size = std::min(kPiece, data.size() - at);
      sent = PQputCopyData(conn_, data.data() + at, static_cast<int>(size));
    }
    if (sent == 1) sent = PQputCopyEnd(conn_, nullptr);
    result = PQgetResult(conn_);
    // Drain whatever follows (nothing after a COPY that ended).
    for (PGresult* more = PQgetResult(conn_); more != nullptr; more = PQgetResult(conn_)) {
      PQclear(more);
    }
  }
  ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK) {
    PQclear(result);
    last_error_ = {};
    return Status::Ok();
  }
  ExecError error;
  std::string message = Trim(PQerrorMessage(conn_));
  if (result != nullptr) {
    const char* sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    error.sqlstate = sqlstate != nullptr ? sqlstate : "";
    PQclear(result);
  }
  error.conflict = error.sqlstate == "40001" || error.sqlstate == "40P01";
  error.status = MakeStatus(CodeFor(error.sqlstate),
                            "PostgreSQL at " + where_ + ": " + Redact(message, password_));
  last_error_ = error;
  return error.status;
}

Status ErrorStatus(const ExecError& error, std::string_view what) {
  std::string message = std::string(what) + ": " + error.status.message();
  return MakeStatus(error.status.code(), std::move(message));
}

}  // namespace dondoc::store::pg
