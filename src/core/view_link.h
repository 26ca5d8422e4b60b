// Between what the user sees (AppState) and what a link carries (UrlState): the deep-link glue that
// knows the corpus, so ids in a link are checked against it.
#pragma once
#include <string>
#include <vector>

#include "core/app_state.h"
#include "core/url_state.h"

namespace nhsx {

UrlState toUrlState(const ViewState& s, const Corpus& c);

// The view a decoded link describes, in this corpus. Fields the link leaves out keep their defaults
// (the link describes the whole view); ids that name nothing in this corpus are dropped with a warning.
ViewState fromUrlState(const UrlState& u, const Corpus& c, std::vector<std::string>* warnings);

// Applies a decoded link: fromUrlState, then the OpenLink action (core/actions.h).
void applyUrlState(const UrlState& u, const Corpus& c, AppState& s, std::vector<std::string>* warnings);

// Parses `state.accent`'s "#rrggbb" form; 0 when malformed.
uint32_t parseAccent(std::string_view hex);

}  // namespace nhsx
