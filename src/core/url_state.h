// The URL hash that reopens what the user saw (deep links): "#v=1&view=graph&sel=org-nhs-england&...".
// The format, field by field, is in docs/deep-links.md.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/app_state.h"
#include "core/filter.h"
#include "core/text_util.h"  // isValidId: ids in a link have the corpus's shape

namespace nhsx {

constexpr int kUrlStateVersion = 1;

// Everything a link carries. Ids are only checked for their shape here: whether they exist in the
// loaded corpus is for the caller to decide.
struct UrlState {
  std::string view;                      // "overview", "timeline", "graph"; empty when not given
  std::string selected;                  // entity id; empty for none
  std::string pathTo;                    // second entity of a path from `selected`; empty for none
  double windowFrom = 0, windowTo = 0;   // the timeline's window (days); none unless windowTo > windowFrom
  int32_t asOf = kNoDay;                 // the "as of" cursor, kNoDay when off
  FilterSpec filter;
  std::string story;                     // story id; empty for none
  int storyStep = 0;                     // 0-based (the URL shows it 1-based)
  // Embedding a view in another page.
  bool embed = false;
  std::string theme;                     // "light", "dark"; empty for the default
  std::string accent;                    // "#rrggbb" (lower case); empty for the default
  bool presentation = false;

  bool hasWindow() const { return windowTo > windowFrom; }
  bool operator==(const UrlState& o) const;
  bool operator!=(const UrlState& o) const { return !(*this == o); }
};

// "#v=1&view=graph&sel=..." with the fields in a fixed order and defaults left out. The window is kept
// to the minute.
std::string encodeUrlState(const UrlState& s);

// Reads a hash ("#..."), a query ("?...") or the bare "a=b&c=d" text. Never throws: unknown fields are
// skipped silently, a bad value of a known field is dropped and a warning (field, value, what was
// expected) appended to *warnings when given; the rest of the link still applies.
UrlState decodeUrlState(std::string_view hash, std::vector<std::string>* warnings = nullptr);


}  // namespace nhsx
