// Between what the user sees (AppState) and what a link carries (UrlState): the deep-link glue that
// knows the corpus, so ids in a link are checked against it.
#pragma once
#include <string>
#include <vector>

#include "core/app_state.h"
#include "core/url_state.h"

namespace nhsx {

UrlState toUrlState(const AppState& s, const Corpus& c);

// Applies a decoded link. Fields the link leaves out keep their defaults (the link describes the whole
// view); ids that name nothing in this corpus are dropped with a warning.
void applyUrlState(const UrlState& u, const Corpus& c, AppState& s, std::vector<std::string>* warnings);

// Parses `state.accent`'s "#rrggbb" form; 0 when malformed.
uint32_t parseAccent(std::string_view hex);

}  // namespace nhsx
