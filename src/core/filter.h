// Faceted filters over a corpus: which entities and relations to show, and how many each option of each
// facet would show (the numbers beside the checkboxes of a filter panel).
#pragma once
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/corpus.h"

namespace nhsx {

// What the user asked to see. An empty set does not restrict its facet. Kept as names and ids rather
// than corpus indices so that a spec can outlive a corpus reload and travel in a URL (url_state.h).
struct FilterSpec {
  std::set<Kind> kinds;             // allowed entity kinds
  std::set<std::string> orgTypes;   // allowed Entity::type of organisations; other kinds are not affected
  std::set<int> relationTypes;      // allowed relation types (indices into relationTypes())
  std::set<std::string> themes;     // theme entity ids: an entity passes if it is one or is related to one
  // Whose items (kOriginMap, kOriginOwn): the map's, and/or the user's own data (Entity::own and
  // Relation::own, imported from their sheet) with the map's entities their relations attach to.
  std::set<int> origins;
  // Inclusive day range (days since 1970-01-01); an entity passes if its date overlaps it. Undated
  // entities always pass. The defaults leave the range open on that side.
  int32_t fromDay = Date::kOpenStart, toDay = Date::kOpenEnd;

  bool hasRange() const { return fromDay != Date::kOpenStart || toDay != Date::kOpenEnd; }
  bool empty() const;
  void reset() { *this = FilterSpec{}; }
  bool operator==(const FilterSpec& o) const;
  bool operator!=(const FilterSpec& o) const { return !(*this == o); }
};

constexpr int kOriginMap = 0, kOriginOwn = 1;

struct FilterResult {
  std::vector<uint8_t> entityVisible;    // 1 when shown, per entity index
  std::vector<uint8_t> relationVisible;  // 1 when shown, per relation index
  size_t entities = 0, relations = 0;    // how many are shown
};

// Compact copies of the fields filtering reads. Entity and relation records are hundreds of bytes each,
// so on a large corpus streaming them per call cost several times the filtering itself: build this once
// per loaded corpus (it keeps a pointer to it) and filter through it.
struct FilterIndex {
  explicit FilterIndex(const Corpus& c);
  const Corpus* corpus;
  std::vector<Kind> kind;
  std::vector<int8_t> orgType;             // index into typesOfKind(Kind::Organisation), -1 for other kinds
  std::vector<int32_t> firstDay, lastDay;  // undated entities span everything
  std::vector<uint8_t> relationType;
  std::vector<uint32_t> relationFrom, relationTo;
  std::vector<uint32_t> themes;            // entities of kind theme, in corpus order
  // Bit 1 << kOriginMap: the map's (not own); bit 1 << kOriginOwn: the user's own, or an end of one of
  // their relations (so "your data" shows the map's NHS England their partnership attaches to).
  std::vector<uint8_t> origin;
  std::vector<uint8_t> relationOwn;
  bool anyOwn = false;  // whether the corpus holds any of the user's own items (the facet is shown then)
};

// A relation is shown when its type passes and both its ends are shown. Theme ids that name no theme
// entity of this corpus are ignored (a deep link may outlive a theme).
FilterResult applyFilter(const FilterIndex& index, const FilterSpec& spec);
inline FilterResult applyFilter(const Corpus& c, const FilterSpec& spec) { return applyFilter(FilterIndex(c), spec); }

// For each option of each facet, how many items would be shown with that option on, given the other
// facets as they are (standard faceted counting: an option's count does not depend on the other options
// of its own facet). Counts entities for the kind, organisation-type and theme facets, relations for the
// relation-type facet. Counts the items the option itself admits: the kind facet's count for "person"
// is the people shown once "person" is ticked.
struct FilterCounts {
  std::array<size_t, kKindCount> kinds{};
  std::vector<size_t> orgTypes;         // parallel to typesOfKind(Kind::Organisation)
  std::vector<size_t> relationTypes;    // parallel to relationTypes()
  std::vector<uint32_t> themeEntities;  // the corpus's theme entities, in corpus order
  std::vector<size_t> themes;           // parallel to themeEntities
  std::array<size_t, 2> origins{};      // entities: the map's, the user's own (kOriginMap, kOriginOwn)
};
FilterCounts countOptions(const FilterIndex& index, const FilterSpec& spec);
inline FilterCounts countOptions(const Corpus& c, const FilterSpec& spec) { return countOptions(FilterIndex(c), spec); }

// The filters a story step shows: its kinds, organisation types, relation types, themes, origins and years.
FilterSpec storyStepFilter(const Corpus& c, const StoryStep& step);

// Index into typesOfKind(Kind::Organisation) of an organisation type name; -1 when unknown.
int organisationTypeIndex(std::string_view type);

}  // namespace nhsx
