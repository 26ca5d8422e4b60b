// Which entities existed at a given day: what the "as of" cursor hides or greys in the views.
#pragma once
#include <cstdint>
#include <vector>

#include "core/corpus.h"

namespace nhsx {

enum class Existence : uint8_t { Undated, NotYet, Exists, Ended };

// A single date (a publication, a founding) means "exists from then on"; an interval means "existed
// between its ends" (an open end never ends). Undated entities are always shown. `publishedDay`: a
// document dated by the period it governs (a mandate) exists from its publication on, when that is
// earlier (see publicationDays).
Existence existenceAt(const DateField& date, int32_t day, int32_t publishedDay = INT32_MAX);

// Per entity, the first day a `publication` event names it, for documents; INT32_MAX for the others.
std::vector<int32_t> publicationDays(const Corpus& c);

}  // namespace nhsx
