// The corpus vocabulary: entity kinds and their types, relation types, event types (docs/corpus-format.md).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nhsx {

enum class Kind : uint8_t { Organisation, Person, Document, Programme, Partnership, Part, Theme, Count };
constexpr int kKindCount = static_cast<int>(Kind::Count);

std::string_view kindName(Kind k);         // "organisation"
std::string_view kindPlural(Kind k);       // "Organisations"
bool parseKind(std::string_view s, Kind& out);
const std::vector<std::string_view>& typesOfKind(Kind k);  // allowed `type` values

struct RelationType {
  std::string_view id;     // "chief-executive-of"
  std::string_view label;  // "chief executive of"
};
const std::vector<RelationType>& relationTypes();
int relationTypeIndex(std::string_view id);  // -1 when unknown
// Relation types that may not form a cycle (a body succeeded by itself).
bool relationIsAcyclic(int typeIndex);

// Families of relation types, for styling edges and the legend.
enum class RelationGroup : uint8_t { Governance, Partnership, Authorship, Structure, Theme, Succession, Other, Count };
constexpr int kRelationGroupCount = static_cast<int>(RelationGroup::Count);
RelationGroup relationGroup(int typeIndex);
const char* relationGroupName(RelationGroup g);  // "governance and accountability", ...

const std::vector<std::string_view>& eventTypes();
const std::vector<std::string_view>& figureQualifiers();
const std::vector<std::string_view>& storyViews();  // the views a story step may show

// "a, b or c" for error messages.
std::string joinChoices(const std::vector<std::string_view>& items);

}  // namespace nhsx
