// What each view shows after the filters and the "as of" cursor: one mask per entity and relation.
// The timeline obeys the filters only (its cursor must stay movable over everything); the relationship
// view also hides what did not exist at the "as of" date, or, while two dates are compared, what existed
// at neither (and the old name of a body renamed between them: the new name's node tells both).
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "core/app_state.h"
#include "core/compare.h"
#include "core/filter.h"

namespace nhsx {

struct Visibility {
  FilterResult filtered;                  // the filters alone
  std::vector<uint8_t> entityAt, relationAt;  // filters and "as of" together
  size_t entitiesAt = 0, relationsAt = 0;
  uint64_t version = 0;                   // bumped whenever a mask changes
  uint64_t filterVersion = 0;             // bumped when `filtered` changes
  std::shared_ptr<const FilterIndex> index;  // built once per corpus; panels share it
  std::vector<int32_t> publishedDay;      // per entity, once per corpus (publicationDays)
  // The two dates compared, when they are (the graph marks its nodes by it; the compare panel lists it).
  std::shared_ptr<const Comparison> comparison;
  // What the masks were computed from.
  FilterSpec spec;
  int32_t asOf = kNoDay;
  int32_t compareFirst = kNoDay, compareSecond = kNoDay;
  uint64_t corpusVersion = UINT64_MAX;
};

// Recomputes the masks when the corpus, the filters or the "as of" date changed; true when it did.
bool updateVisibility(const Corpus& c, const AppState& s, Visibility& v);

}  // namespace nhsx
