// The selection's details: name, kind, dates with precision, description, relations grouped by type
// (each a link that selects its target), events, and citations with their sources.
#pragma once
#include <vector>

#include "core/actions.h"
#include "core/app_state.h"
#include "core/paths.h"

namespace nhsx {
// `paths` are the shortest connections from the selection to s.pathTo. Returns true when the user asks
// to find connections to another entity (the caller opens the search to pick it).
// Where each visible relation link was drawn (entity it selects, centre in screen pixels): lets the
// page's tests and tools follow links the way a user does.
struct LinkSpot {
  uint32_t entity;
  float x, y;
};
bool drawDetailsPanel(const Corpus& c, const AppState& s, ActionQueue& out, const std::vector<Path>& paths,
                      std::vector<LinkSpot>& spots);
}
