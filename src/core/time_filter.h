// Which entities existed at a given day: what the "as of" cursor hides or greys in the views.
#pragma once
#include <cstdint>

#include "core/corpus.h"

namespace nhsx {

enum class Existence : uint8_t { Undated, NotYet, Exists, Ended };

// A single date (a publication, a founding) means "exists from then on"; an interval means "existed
// between its ends" (an open end never ends). Undated entities are always shown.
Existence existenceAt(const DateField& date, int32_t day);

}  // namespace nhsx
