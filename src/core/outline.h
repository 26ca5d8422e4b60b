// The corpus as the screen-reader mirror reads it (web/a11y-mirror.js): kind names, relation readings and
// dates in the words and formats the app itself shows, so the page keeps no tables of its own and never
// parses the corpus a second time.
#pragma once
#include <cstddef>
#include <string>

#include "core/corpus.h"

namespace nhsx {

// "NHS England, organisation, arms length body, 1 Oct 2012 onwards": name, kind, type (when it says
// more than the kind) and dates, for announcing a selection.
std::string describeEntity(const Corpus& c, uint32_t entity);

// {"title", "entities", "relations", "kinds": [{"kind", "label", "count"}]}: the outline's sections, in
// the app's kind order, those with entities only.
std::string outlineKindsJson(const Corpus& c);

// Entities first .. first + count - 1 of a kind (corpus order), each
// {"id", "name", "line", "description", "dateNote", "relations": [text], "citations": [{"quote", "title",
// "url", "rest", "note"}]}: line is "type · dates · also aliases"; a relation reads "partner in → X" or
// "X → publishes this", with its role and dates; a citation's rest is ", publisher, date".
std::string outlineItemsJson(const Corpus& c, Kind kind, size_t first, size_t count);

}  // namespace nhsx
