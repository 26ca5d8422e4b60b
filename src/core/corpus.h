// The corpus model: sources, entities, relations, events and stories, with the indices views need.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/edtf.h"
#include "core/vocab.h"

namespace nhsx {

struct Citation {
  uint32_t source = 0;  // index into Corpus::sources
  std::string quote;    // verbatim, may be empty only for an external source
  std::string note;
};

// A date as written plus its parsed form; `text` empty means no date.
struct DateField {
  std::string text;
  Date value;
  std::string note;  // how an inferred date was inferred
  bool present() const { return !text.empty(); }
};

struct Figure {
  std::string label, qualifier, unit;
  double value = 0;
  DateField date;
  std::vector<Citation> citations;
};

// A column of a user's own sheet that has no place of its own in the model, kept as written
// ("Charity number": "1234567"); shown in the details and exported.
struct Field {
  std::string name, value;
  bool operator==(const Field& o) const { return name == o.name && value == o.value; }
};

struct Source {
  std::string id, title, publisher, url, seed, note;
  std::string seedSha256;  // fingerprint of the seed text the corpus was modelled from (64 hex digits)
  DateField date;
  bool external = false;
};

struct Entity {
  std::string id, type, name, description;
  std::string shortName;  // a short label for tight places (the timeline), when the name does not fit
  Kind kind = Kind::Organisation;
  std::vector<std::string> aliases;
  DateField date;
  bool collective = false;
  int order = 0;
  std::vector<Figure> figures;
  std::vector<Citation> citations;
  std::string url;            // the body's own address (a website), when known
  std::vector<Field> fields;  // further named values from an imported sheet
  // One of the user's own items (imported from their sheet, `own` in the corpus file). Only these may
  // have no citation: such an item shows "no source given".
  bool own = false;
  bool noSource() const { return citations.empty(); }
};

struct Relation {
  std::string id, role, description;
  int type = 0;  // index into relationTypes()
  uint32_t from = 0, to = 0;
  DateField date;
  std::vector<Citation> citations;
  std::vector<Field> fields;  // further named values from an imported sheet
  bool own = false;           // one of the user's own items (see Entity::own)
  bool noSource() const { return citations.empty(); }
};

struct Event {
  std::string id, type, name, description;
  DateField date;
  std::vector<uint32_t> entities;
  std::vector<Citation> citations;
};

// One step of a guided tour: what to show and the cited facts the narration states.
struct StoryStep {
  std::string title, narration;
  std::string view;              // one of storyViews(), or empty to keep the current view
  DateField asOf;                // the "as of" cursor: a day, month or year (`asOf`, or the older `date`)
  DateField window;              // the timeline's visible range: a closed interval
  DateField compare;             // two dates compared, as an interval "2013/2023" (each end at its end); optional
  std::vector<uint32_t> focus;   // entities in focus; the first is selected
  std::vector<Kind> kinds;       // entity kinds to filter to; empty shows every kind
  std::vector<Citation> citations;
  // The rest of the filters and the path, recorded by the story editor (core/story_edit.h); a step
  // that gives none of them shows everything, as steps written before them did.
  std::vector<std::string> orgTypes;  // organisation types to filter to (`orgTypes`)
  std::vector<int> relationTypes;     // indices into relationTypes() (`relationTypes`, by id)
  std::vector<uint32_t> themes;       // theme entities to filter to (`themes`, by id)
  std::vector<int> origins;           // kOriginMap / kOriginOwn (`origins`: "map", "own")
  DateField from, to;                 // the filter's years: a day each, either may be absent
  std::vector<uint32_t> pathTo;       // the far end of "find connections" from the selection (0 or 1)
};

struct Story {
  std::string id, title, description;
  std::vector<StoryStep> steps;
  // Made or edited by a reader (the story editor, `own` in the file): its steps may give no citation,
  // and such a step says "no source given".
  bool own = false;
};

// Whether the corpus's citations and sources are here. The site's bundled corpus comes in two parts
// (loadCorpusView, attachCitations in core/corpus_loader.h): the first view needs none of them, so
// they follow in a second file fetched after it. Until then every citation list and the sources are
// empty and the corpus says Pending; Missing when the second part could not be had (the map stays).
enum class CitationsState : uint8_t { Present, Pending, Missing };

struct Corpus {
  Corpus() = default;
  Corpus(Corpus&&) = default;
  Corpus& operator=(Corpus&&) = default;
  Corpus(const Corpus&) = delete;  // entityById views the ids in place: moving keeps them, copying would not
  Corpus& operator=(const Corpus&) = delete;

  std::string format, title, description;
  std::vector<Source> sources;
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  std::vector<Event> events;
  std::vector<Story> stories;
  CitationsState citationsState = CitationsState::Present;
  std::string splitFrom;  // of a corpus in two parts: the sha256 of the whole corpus both were made from

  // What to show where a citation list is empty because the citations have not come (yet): null when
  // they are here, so an empty list means "no source given".
  const char* citationsAbsent() const {
    return citationsState == CitationsState::Pending   ? "Sources loading\xe2\x80\xa6"
           : citationsState == CitationsState::Missing ? "Sources could not be loaded."
                                                       : nullptr;
  }

  // Indices, built by buildIndex().
  std::unordered_map<std::string_view, uint32_t> entityById;
  std::vector<uint32_t> outStart, outRel;  // CSR: relations leaving entity i are outRel[outStart[i]..outStart[i+1])
  std::vector<uint32_t> inStart, inRel;    // CSR: relations arriving at entity i
  std::vector<uint32_t> datedEntities;     // entity indices with a date, sorted by first day
  std::vector<uint32_t> eventsByDate;      // event indices sorted by first day
  std::array<uint32_t, kKindCount> countByKind{};
  int32_t firstDay = 0, lastDay = 0;  // span of every known date (0/0 when none)

  void buildIndex();
  // -1 when no entity has this id.
  int findEntity(std::string_view id) const;
};

}  // namespace nhsx
