// The conformance suite every store::Store implementation must pass.
//
// A store's test file instantiates it with a factory that returns a fresh,
// empty, migrated store each time it is called:
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreSuite,
//       ::testing::Values(StoreParam{"sqlite", [] { return ...; }}),
//       StoreParamName);
//
// The suite pins what the interface promises beyond its signatures: list
// orders (agencies by folded name then id; documents newest first; others by
// id; successions by effective day then id; calendar days by date;
// coordinations by agency id; counts by agency id), validation errors
// (InvalidInput naming the value, nothing written), and the four-way counts
// against core's reference (core::BuildTimeline + core::StatusOn).
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "store/store.h"

namespace dondoc::store::testing {

using StoreFactory = std::function<std::unique_ptr<Store>()>;

struct StoreParam {
  std::string name;  // a valid gtest name: letters, digits, underscores
  StoreFactory factory;
};

inline void PrintTo(const StoreParam& param, std::ostream* os) { *os << param.name; }

inline std::string StoreParamName(const ::testing::TestParamInfo<StoreParam>& info) {
  return info.param.name;
}

class StoreSuite : public ::testing::TestWithParam<StoreParam> {
 protected:
  void SetUp() override {
    store_ = GetParam().factory();
    ASSERT_NE(store_, nullptr) << "the store factory failed";
  }
  Store& store() { return *store_; }

  std::unique_ptr<Store> store_;
};

}  // namespace dondoc::store::testing
