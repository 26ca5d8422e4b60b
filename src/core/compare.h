// Compare two dates: what existed at the first and not the second, and the reverse, with renamings
// and successions told as such ("Clinical commissioning groups: ended 30 June 2022, succeeded by
// Integrated care boards"), for the classroom question "what changed between 2012 and 2025?".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/corpus.h"

namespace nhsx {

enum class ChangeKind : uint8_t {
  Ended,    // existed at the first date, not at the second (the second is later)
  Began,    // existed at the second date, not at the first
  Renamed,  // the same body under another name (a renamed-to relation took effect between the dates)
};

struct EntityChange {
  ChangeKind kind = ChangeKind::Ended;
  uint32_t entity = 0;   // the entity that ended or began; for Renamed, the old name's entity
  int32_t to = -1;       // Renamed: the new name's entity; Ended: its successor, if a succession names one
  int32_t day = INT32_MIN;  // when it ended (its last day), began (its first day) or was renamed; INT32_MIN unknown
  uint32_t relation = UINT32_MAX;  // the renaming or succession relation behind `to`, if any
  int32_t successionDay = INT32_MIN;  // when that relation took effect
};

struct Comparison {
  int32_t first = 0, second = 0;       // first <= second (the dates are put in order)
  std::vector<EntityChange> entities;  // ordered by day, then by entity index
  std::vector<uint32_t> relationsEnded, relationsBegan;  // dated relations in force at only one date
  std::vector<uint8_t> stateFirst, stateSecond;  // per entity: 1 if it existed (or is undated) at that date
};

// Documents dated by the period they govern exist from their publication when that is earlier (see
// time_filter.h's publicationDays).
Comparison compareDates(const Corpus& c, int32_t a, int32_t b);

// One change in words, dates at their own precision, e.g. "Clinical commissioning groups: ended 30 Jun
// 2022, succeeded by Integrated care boards"; "Integrated care boards: from 1 Jul 2022"; "Care Act 2014:
// published 2014"; "Monitor: ended 30 Jun 2022, merged into NHS Improvement on 1 Apr 2016"; "Department
// of Health: renamed Department of Health and Social Care, 8 Jan 2018".
std::string describeChange(const Corpus& c, const EntityChange& change);

// Dates worth comparing, offered by the compare panel: the start of each mandate (entities of type
// `mandate` with a dated start), earliest first, each day once. label: "1 Apr 2013: The 2012 NHS mandate".
struct ComparePreset {
  int32_t day = 0;
  uint32_t entity = 0;
  std::string label;
};
std::vector<ComparePreset> comparePresets(const Corpus& c);

// The citations behind a change, for the reader to check it: the entity's own, then those of the
// renaming or succession relation that tells where it went. Each citation once.
std::vector<const Citation*> changeCitations(const Corpus& c, const EntityChange& change);

// A comparison as the JSON below: {first, second, changes: [...], relationsEnded, relationsBegan}; each
// change also lists its citations' source ids as `sources`.
nlohmann::json comparisonJson(const Corpus& c, const Comparison& cmp);

// The comparison of two dates given as text (a day, month or year: "2013", "2023-07-01"; a month or year
// is taken as it stood at its end, so "2013" is 31 Dec 2013), as the JSON the
// page's explorer.compare(a, b) returns: {first, second, changes: [{change, id, name, date, to, toName,
// relation, text}], relationsEnded: [ids], relationsBegan: [ids]}; {error} naming the date not understood.
std::string compareJson(const Corpus& c, std::string_view a, std::string_view b);

}  // namespace nhsx
