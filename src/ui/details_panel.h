// The selection's details: name, kind, dates with precision, description, relations grouped by type
// (each a link that selects its target), events, and citations with their sources.
#pragma once
#include "core/app_state.h"

namespace nhsx {
void drawDetailsPanel(const Corpus& c, AppState& s);
}
