// "Organise by body" on the timeline (issue 18, "Views that explain"): each body that published, wrote,
// leads or set up documents and programmes gets a group of its own, its lifeline then its documents and
// programmes, instead of the shared lanes by kind. This file decides which body an item belongs to and
// which lanes the timeline then has; core/timeline_layout packs each lane on its own, as always.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/timeline_layout.h"

namespace nhsx {

// The body a document, part, theme, programme or partnership belongs to (an organisation), and by which
// relation. The relations that mean authorship or ownership, in this priority (an item linked to two
// bodies goes under the one the first of these names; within one relation type, the first relation in
// the corpus's order):
//   1. publishes        organisation -> document, programme  (the publisher: the mandates, the strategies)
//   2. author-of        organisation -> document              (written by it, published by another or none)
//   3. leads            organisation -> programme, document   (a programme's lead body)
//   4. established-by   programme, document -> organisation  (set up by it)
// Not ownership: addressed-to, issues-mandate-to (a mandate's recipient, not its author), refers-to,
// welcomes, consulted-on, partner-in (partners are many and equal), supports, funds; people and
// partnerships are not bodies here (an item only they wrote is "not linked to a body").
struct BodyOwner {
  int32_t body = -1;         // entity index of the organisation, -1 when none
  int32_t relation = -1;     // index into Corpus::relations of the relation chosen
  uint32_t candidates = 0;   // how many distinct bodies those relations link it to (the tooltip says so)
};
// One per entity (body = -1 for entities that are not documents, parts, themes, programmes or partnerships).
std::vector<BodyOwner> bodyOwners(const Corpus& c);

// The tooltip's line for an item in the grouped timeline: "Under Department of Health, which published
// it; also linked to Cabinet Office (an item goes under the first publisher, else author, lead, founder)",
// or "Not linked to a body (no publisher, author, lead or founder among the organisations)".
std::string ownerNote(const Corpus& c, const std::vector<BodyOwner>& owners, uint32_t entity);

// A lane as planned: its header (none for the rows that continue the group above it: a body's documents
// and programmes under its lifeline), a key that stays the same across rebuilds (a folded lane stays
// folded when the filters change), and the kind lane its items come from.
struct LaneSpec {
  std::string name;          // the header's text before its count; empty for no header
  uint64_t key = 0;
  int32_t body = -1;         // the body's lifeline group (an entity index) for a body's lanes, else -1
  bool lifeline = false;     // the body's own row (its lifeline), above its documents and programmes
};
struct LanePlan {
  std::vector<LaneSpec> lanes;
  std::vector<uint16_t> laneOf;  // per item (the order of `items` given)
};

// By kind: the five lanes of Lane, every one kept even when empty. By body: for each body that owns an
// item shown, its lifeline's lane (headed by its latest name) then a lane of its documents and
// programmes, bodies with the most documents and programmes first (then by where their rows start); then "Other organisations", "People", "Not linked
// to a body" (documents and programmes no body owns) and "Events"; a lane with no item is left out.
// `lifeline`: lifelineGroups(c, &owners) (a series of mandates stays one row only under one body).
LanePlan planLanes(const Corpus& c, TimelineGrouping g, const std::vector<TimelineItem>& items,
                   const std::vector<uint32_t>& lifeline, const std::vector<BodyOwner>& owners);

// Most bodies the grouped timeline gives lanes of their own (lane indices are 16 bits); the items of any
// further bodies go in the final lane, then named "Not linked to a body, or past the first 30000 bodies".
// Far beyond a readable view.
constexpr uint32_t kMaxBodyGroups = 30000;

}  // namespace nhsx
