// Every source behind what is on screen: the sources cited by the entities and relations the current
// view shows, most cited first, each with publisher, date and address.
#pragma once
#include <string>

#include "core/app_state.h"
#include "core/visibility.h"

namespace nhsx {

// Returns the web address the user clicked to open in a new tab, or "".
std::string drawSourcesPanel(const Corpus& c, const AppState& s, const Visibility& vis);

}  // namespace nhsx
