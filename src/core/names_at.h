// "Time travel" for names: the name an organisation went by on a given day.
//
// The corpus models a renaming, merger or succession as two entities and a relation from the earlier
// to the later: `renamed-to`, `merged-into` or `succeeded-by`. Such a relation takes effect on its
// day D: the first day of the relation's date; else the first day of the later entity's date; else
// the day after the earlier entity's date ends (when that date is an interval with a known end).
// Without any of these the relation never takes effect here.
//
// At day t, an entity A is shown as:
//  - forwards: if a succession relation A -> B (any of the three types) has D <= t, as B at t
//    (following B's own relations in turn). When several qualify, the earliest D wins (then the lower
//    relation index): the first thing A became.
//  - backwards, only when no forward step applies: if a `renamed-to` relation P -> A has D > t, as P at
//    t (following P's own renamings back in turn): before the renaming, the body had P's name. When
//    several qualify, the latest D wins. Mergers and successions are not followed backwards: the body
//    merged into existed before under its own name, and a successor is a different body.
// A chain never visits an entity twice, so a cycle in bad data ends where it would repeat.
#pragma once
#include <cstdint>
#include <string_view>

#include "core/corpus.h"

namespace nhsx {

// The day a succession relation takes effect (see above); Date::kOpenEnd when it never does.
int32_t successionDay(const Corpus& c, uint32_t relation);

// The entity whose name `entity` is shown by at `day` (itself when nothing applies); -1 when entity
// is out of range.
int successorAt(const Corpus& c, uint32_t entity, int32_t day);

// entities[successorAt(...)].name; empty when entity is out of range.
std::string_view nameAt(const Corpus& c, uint32_t entity, int32_t day);

}  // namespace nhsx
