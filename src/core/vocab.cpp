#include "core/vocab.h"

#include <algorithm>
#include <unordered_map>

namespace nhsx {

namespace {
const std::string_view kKindNames[] = {"organisation", "person", "document", "programme",
                                       "partnership",  "part",   "theme"};
const std::string_view kKindPlurals[] = {"Organisations", "People", "Documents", "Programmes",
                                         "Partnerships",  "Parts",  "Themes"};
}  // namespace

std::string_view kindName(Kind k) { return kKindNames[static_cast<int>(k)]; }
std::string_view kindPlural(Kind k) { return kKindPlurals[static_cast<int>(k)]; }

bool parseKind(std::string_view s, Kind& out) {
  for (int i = 0; i < kKindCount; ++i) {
    if (kKindNames[i] == s) { out = static_cast<Kind>(i); return true; }
  }
  return false;
}

const std::vector<std::string_view>& typesOfKind(Kind k) {
  static const std::vector<std::string_view> kTypes[] = {
      {"government", "government-department", "arms-length-body", "nhs-trust", "nhs-foundation-trust",
       "commissioning-body", "commissioning-support-unit", "membership-body", "charity", "social-enterprise",
       "hospital-unit", "regulator", "think-tank", "research-network", "legislature", "public-body", "media",
       "company", "local-government", "sector", "other"},
      {"minister", "official", "chief-executive", "chair", "politician", "clinician", "academic", "role", "other"},
      {"mandate", "plan", "strategy", "report", "review", "letter", "act", "framework", "news-release",
       "policy-paper", "article", "prospectus", "briefing", "budget", "standard", "other"},
      {"programme", "work-programme", "fund", "mission", "initiative", "investigation", "other"},
      {"partnership", "joint-unit", "other"},
      {"objective", "principle", "priority", "shift", "action", "aim", "service", "commitment", "standard",
       "other"},
      {"theme"},
  };
  return kTypes[static_cast<int>(k)];
}

const std::vector<RelationType>& relationTypes() {
  static const std::vector<RelationType> kTypes = {
      {"leads", "leads"},
      {"chief-executive-of", "chief executive of"},
      {"chair-of", "chair of"},
      {"minister-in", "minister in"},
      {"speaks-for", "speaks for"},
      {"member-of", "member of"},
      {"partner-in", "partner in"},
      {"provides", "provides"},
      {"publishes", "publishes"},
      {"author-of", "author of"},
      {"signatory-of", "signs"},
      {"addressed-to", "addressed to"},
      {"issues-mandate-to", "issues mandate to"},
      {"part-of", "part of"},
      {"addresses-theme", "addresses"},
      {"responds-to", "responds to"},
      {"follows", "follows"},
      {"implements", "implements"},
      {"refers-to", "refers to"},
      {"welcomes", "welcomes"},
      {"announces", "announces"},
      {"accountable-to", "accountable to"},
      {"performance-managed-by", "performance managed by"},
      {"regulated-by", "regulated by"},
      {"funds", "funds"},
      {"supports", "supports"},
      {"works-with", "works with"},
      {"based-at", "based at"},
      {"established-by", "established by"},
      {"made-under", "made under"},
      {"succeeded-by", "succeeded by"},
      {"renamed-to", "renamed to"},
      {"merged-into", "merged into"},
      {"consulted-on", "consulted on"},
      {"feeds-into", "feeds into"},
      {"contributes-to", "contributes to"},
      // What an imported sheet's relation becomes when its words cannot be read as one of the above
      // (docs/csv-import.md): the words are kept as the relation's role.
      {"related-to", "related to"},
  };
  return kTypes;
}

int relationTypeIndex(std::string_view id) {
  static const auto kIndex = [] {
    std::unordered_map<std::string_view, int> m;
    const auto& t = relationTypes();
    for (size_t i = 0; i < t.size(); ++i) m.emplace(t[i].id, static_cast<int>(i));
    return m;
  }();
  auto it = kIndex.find(id);
  return it == kIndex.end() ? -1 : it->second;
}

bool relationIsAcyclic(int typeIndex) {
  if (typeIndex < 0) return false;
  const std::string_view id = relationTypes()[static_cast<size_t>(typeIndex)].id;
  return id == "succeeded-by" || id == "renamed-to" || id == "merged-into" || id == "part-of";
}

RelationGroup relationGroup(int typeIndex) {
  if (typeIndex < 0) return RelationGroup::Other;
  const std::string_view id = relationTypes()[static_cast<size_t>(typeIndex)].id;
  static const std::pair<std::string_view, RelationGroup> kGroups[] = {
      {"accountable-to", RelationGroup::Governance}, {"issues-mandate-to", RelationGroup::Governance},
      {"performance-managed-by", RelationGroup::Governance}, {"regulated-by", RelationGroup::Governance},
      {"minister-in", RelationGroup::Governance}, {"chief-executive-of", RelationGroup::Governance},
      {"chair-of", RelationGroup::Governance}, {"leads", RelationGroup::Governance},
      {"established-by", RelationGroup::Governance}, {"made-under", RelationGroup::Governance},
      {"consulted-on", RelationGroup::Governance}, {"funds", RelationGroup::Governance},
      {"member-of", RelationGroup::Partnership}, {"partner-in", RelationGroup::Partnership},
      {"works-with", RelationGroup::Partnership}, {"supports", RelationGroup::Partnership},
      {"provides", RelationGroup::Partnership}, {"based-at", RelationGroup::Partnership},
      {"speaks-for", RelationGroup::Partnership}, {"related-to", RelationGroup::Partnership},
      {"publishes", RelationGroup::Authorship}, {"author-of", RelationGroup::Authorship},
      {"signatory-of", RelationGroup::Authorship}, {"addressed-to", RelationGroup::Authorship},
      {"welcomes", RelationGroup::Authorship}, {"announces", RelationGroup::Authorship},
      {"responds-to", RelationGroup::Authorship}, {"refers-to", RelationGroup::Authorship},
      {"part-of", RelationGroup::Structure}, {"contributes-to", RelationGroup::Structure},
      {"implements", RelationGroup::Structure}, {"feeds-into", RelationGroup::Structure},
      {"addresses-theme", RelationGroup::Theme},
      {"follows", RelationGroup::Succession}, {"succeeded-by", RelationGroup::Succession},
      {"renamed-to", RelationGroup::Succession}, {"merged-into", RelationGroup::Succession},
  };
  for (const auto& [name, g] : kGroups) if (name == id) return g;
  return RelationGroup::Other;
}

const char* relationGroupName(RelationGroup g) {
  static const char* const kNames[] = {"governance and accountability", "membership and partnership",
                                       "publishing and authorship", "parts and contributions", "themes",
                                       "succession and renaming", "other"};
  return kNames[static_cast<int>(g)];
}

const std::vector<std::string_view>& eventTypes() {
  static const std::vector<std::string_view> kTypes = {
      "publication", "launch", "announcement", "deadline", "report-due", "statement", "appointment",
      "establishment", "renaming", "closure", "election", "start", "end", "other"};
  return kTypes;
}

const std::vector<std::string_view>& figureQualifiers() {
  static const std::vector<std::string_view> kQ = {"exactly", "over", "under", "around", "nearly", "up-to"};
  return kQ;
}

const std::vector<std::string_view>& storyViews() {
  static const std::vector<std::string_view> kViews = {"overview", "timeline", "graph"};
  return kViews;
}

std::string joinChoices(const std::vector<std::string_view>& items) {
  std::string s;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) s += i + 1 == items.size() ? " or " : ", ";
    s += items[i];
  }
  return s;
}

}  // namespace nhsx
