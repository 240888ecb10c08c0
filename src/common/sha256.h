// SHA-256, the one hash of dondoc (libsodium's crypto_hash_sha256): the
// identity of imported files (service/import.h) and the links of the audit
// chain (store/audit.h). Header only, so that every layer can use it without
// a new library target; libsodium is linked through dondoc_common.
#pragma once

#include <sodium.h>

#include <array>
#include <string>
#include <string_view>

namespace dondoc {

using Sha256Digest = std::array<unsigned char, crypto_hash_sha256_BYTES>;

// Incremental hashing: Update() any number of times, then Final*() once.
class Sha256 {
 public:
  Sha256() {
    // sodium_init is thread-safe and idempotent; it picks the fastest code.
    static const int init = sodium_init();
    (void)init;
    crypto_hash_sha256_init(&state_);
  }
  Sha256& Update(std::string_view bytes) {
    crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
    return *this;
  }
  Sha256Digest Final() {
    Sha256Digest digest{};
    crypto_hash_sha256_final(&state_, digest.data());
    return digest;
  }
  // Lower-case hex, 64 characters.
  std::string FinalHex() {
    const Sha256Digest digest = Final();
    std::string hex(2 * digest.size() + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();  // sodium_bin2hex writes a terminating NUL
    return hex;
  }

 private:
  crypto_hash_sha256_state state_{};
};

// Lower-case hex SHA-256 of `bytes`.
inline std::string Sha256Hex(std::string_view bytes) { return Sha256().Update(bytes).FinalHex(); }

}  // namespace dondoc
