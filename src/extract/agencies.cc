#include "extract/agencies.h"

namespace dondoc::extract {
namespace {
// Placeholder until the gazetteer lands: knows no agency.
class EmptyGazetteer : public Gazetteer {
 public:
  std::vector<AgencyMention> Find(std::string_view) const override { return {}; }
  std::optional<AgencyMention> Canonicalize(std::string_view) const override {
    return std::nullopt;
  }
  std::optional<AgencySuccession> SuccessorOf(std::string_view) const override {
    return std::nullopt;
  }
};
}  // namespace

Result<std::shared_ptr<const Gazetteer>> Gazetteer::LoadDefault(std::string) {
  return std::shared_ptr<const Gazetteer>(std::make_shared<EmptyGazetteer>());
}
Result<std::shared_ptr<const Gazetteer>> Gazetteer::FromText(std::string_view, std::string) {
  return std::shared_ptr<const Gazetteer>(std::make_shared<EmptyGazetteer>());
}
}  // namespace dondoc::extract
