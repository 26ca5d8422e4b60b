// The view state's one codec: between what the user sees (ViewState) and a deep link, in the loaded
// corpus's terms (ids in a link are checked against it). Field by field it is the list of view fields
// (viewFields(), core/app_state.h); the link's text form is core/url_state.h.
#pragma once
#include <string>
#include <vector>

#include "core/app_state.h"
#include "core/url_state.h"

namespace nhsx {

// The link of a view in this corpus ("#v=1&view=graph&sel=..."), and the view a link (hash or query
// text) describes, with a warning for each field dropped; hasWindow says whether it names the timeline's
// window (applied as a request to the timeline).
std::string encodeViewLink(const ViewState& s, const Corpus& c);
// named (when given): which of what a story step sets the link names (act::kLinkNames*, core/actions.h).
ViewState decodeViewLink(std::string_view text, const Corpus& c, std::vector<std::string>* warnings, bool* hasWindow,
                         unsigned* named = nullptr);
unsigned linkNames(const UrlState& u);

// Its two halves: view state and the link's text form (url_state.h).
UrlState toUrlState(const ViewState& s, const Corpus& c);

// The view a decoded link describes, in this corpus. Fields the link leaves out keep their defaults
// (the link describes the whole view); ids that name nothing in this corpus are dropped with a warning.
ViewState fromUrlState(const UrlState& u, const Corpus& c, std::vector<std::string>* warnings);

// Applies a decoded link: fromUrlState, then the OpenLink action (core/actions.h).
void applyUrlState(const UrlState& u, const Corpus& c, AppState& s, std::vector<std::string>* warnings);

// Parses `state.accent`'s "#rrggbb" form; 0 when malformed.
uint32_t parseAccent(std::string_view hex);

}  // namespace nhsx
