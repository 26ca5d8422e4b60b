// The selection's details: name, kind, dates with precision, description, relations grouped by type
// (each target once, a link that selects it), events, and citations with their sources (quotes with
// their emphasis, addresses that open in a new tab).
#pragma once
#include <string>
#include <vector>

#include "core/actions.h"
#include "core/app_state.h"
#include "core/paths.h"

namespace nhsx {
// Where each visible link was drawn (centre in screen pixels): lets the page's tests and tools follow
// links the way a user does. Relation links first, then source addresses.
struct LinkSpot {
  enum class Role : uint8_t { Relation, Address, Change };
  uint32_t entity;  // Relation, Change (the compare panel's): the entity it selects; Address: the selection
  float x, y;
  Role role = Role::Relation;
  std::string label;    // as drawn (elided with "…" when it did not fit)
  std::string address;  // Address: what it opens
};

// What the user asked for in the panel this frame.
struct DetailsAction {
  bool findPath = false;    // find connections to another entity (the caller opens the search to pick it)
  std::string openAddress;  // open this web address in a new tab (http or https only)
};

// `paths` are the shortest connections from the selection to s.pathTo.
DetailsAction drawDetailsPanel(const Corpus& c, const AppState& s, ActionQueue& out, const std::vector<Path>& paths,
                               std::vector<LinkSpot>& spots);
// Call just before the panel's window begins: a new selection opens the panel at its top.
void scrollDetailsForSelection(const AppState& s);
// A source's address as a link (elided to the width left, whole in a tooltip): true when clicked and
// it is a web address. Other text is shown as plain text. Shared with the Sources tab.
bool addressLink(const std::string& url, std::vector<LinkSpot>* spots = nullptr, uint32_t entity = 0);
}  // namespace nhsx
