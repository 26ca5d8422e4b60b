#include "core/corpus_loader.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/deferred_call.h"
#include "core/filter.h"
#include "core/id_table.h"
#include "core/json_item.h"
#include "core/sha256.h"
#include "core/text_util.h"

// The corpus is streamed through nlohmann's SAX parser. Top-level fields are taken as they come; each
// item of a top-level array (a source, entity, relation, event or story) is recorded into a small
// reusable JsonItem, checked and turned into the model, then forgotten. No DOM of the whole file is
// built, which keeps loading fast and memory flat. References to ids not seen yet are resolved at the
// end, so the top-level fields may come in any order.

namespace nhsx {

void lineColumn(std::string_view text, size_t offset, size_t& line, size_t& column) {
  offset = std::min(offset, text.size());
  line = 1;
  size_t lineStart = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') { ++line; lineStart = i + 1; }
  }
  column = offset - lineStart + 1;
}

std::string formatDiagnostic(std::string_view file, const Diagnostic& d) {
  std::string s(file);
  if (!d.where.empty()) s += (d.where[0] == '/' ? ": " : ":") + d.where;
  return s + ": " + d.message;
}

namespace {

// A JSON path built on the stack and rendered only when an error needs it.
struct Path {
  const Path* parent = nullptr;
  const char* key = nullptr;
  size_t index = 0;
  // Children point at their parent: only a named (lvalue) path may have children.
  Path child(const char* k) const& { return Path{this, k, 0}; }
  Path at(size_t i) const& { return Path{this, nullptr, i}; }
  Path child(const char*) const&& = delete;
  Path at(size_t) const&& = delete;
  std::string str() const {
    if (!parent) return "";
    return parent->str() + "/" + (key ? std::string(key) : std::to_string(index));
  }
};

const char* typeName(JType t) {
  switch (t) {
    case JType::Object: return "object";
    case JType::Array: return "array";
    case JType::String: return "string";
    case JType::Boolean: return "boolean";
    case JType::Null: return "null";
    default: return "number";
  }
}

std::string shown(const JView& v) { return v.isString() ? quoteValue(v.str()) : typeName(v.type()); }

std::string kindChoices() {
  std::vector<std::string_view> kinds;
  for (int k = 0; k < kKindCount; ++k) kinds.push_back(kindName(static_cast<Kind>(k)));
  return joinChoices(kinds);
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Field access with located errors, on one recorded item.
class Reader {
 public:
  explicit Reader(std::vector<Diagnostic>& errors) : errors_(errors) {}

  void error(const Path& at, std::string message) { errorAt(at.str(), std::move(message)); }
  void errorAt(std::string where, std::string message) { errors_.push_back({std::move(where), std::move(message)}); }

  JView field(const JView& obj, const Path& at, const char* key, bool required) {
    JView v = obj.find(key);
    if (!v.valid() && required) error(at, std::string("missing required field \"") + key + "\"");
    return v;
  }

  bool expect(const JView& v, const Path& at, JType t, const char* what) {
    const bool ok = v.type() == t || (t == JType::Float && v.isNumber());
    if (!ok) error(at, std::string("expected ") + what + ", found " + shown(v));
    return ok;
  }

  bool str(const JView& obj, const Path& at, const char* key, std::string& out, bool required,
           bool nonEmpty = false) {
    JView v = field(obj, at, key, required);
    if (!v.valid()) return false;
    const Path p = at.child(key);
    if (!expect(v, p, JType::String, "a string")) return false;
    out.assign(v.str());
    if (nonEmpty && blank(out)) {
      error(p, "expected a non-empty string, found \"\"");
      return false;
    }
    return true;
  }

  void flag(const JView& obj, const Path& at, const char* key, bool& out) {
    JView v = field(obj, at, key, false);
    if (v.valid() && expect(v, at.child(key), JType::Boolean, "true or false")) out = v.boolean();
  }

  void strings(const JView& obj, const Path& at, const char* key, std::vector<std::string>& out) {
    JView v = field(obj, at, key, false);
    if (!v.valid()) return;
    const Path p = at.child(key);
    if (!expect(v, p, JType::Array, "an array of strings")) return;
    size_t i = 0;
    for (JView s = v.first(); s.valid(); s = s.next(), ++i) {
      if (expect(s, p.at(i), JType::String, "a string")) out.emplace_back(s.str());
    }
  }

  void date(const JView& obj, const Path& at, const char* key, DateField& out, bool required) {
    // A note stands without a date too: it says why no source gives one.
    str(obj, at, "dateNote", out.note, false);
    if (!str(obj, at, key, out.text, required)) { out.text.clear(); return; }
    DateParse r = parseEdtf(out.text);
    if (!r.ok) {
      error(at.child(key), "invalid EDTF date " + r.error);
      out.text.clear();
      return;
    }
    out.value = r.date;
  }

  // One-of check for a string field with a fixed vocabulary.
  bool choice(const JView& obj, const Path& at, const char* key, const std::vector<std::string_view>& allowed,
              std::string& out, bool required) {
    if (!str(obj, at, key, out, required)) return false;
    if (std::find(allowed.begin(), allowed.end(), out) != allowed.end()) return true;
    error(at.child(key), "expected one of " + joinChoices(allowed) + "; found " + quoteValue(out));
    return false;
  }

 private:
  std::vector<Diagnostic>& errors_;
};

enum class Section : uint8_t { Sources, Entities, Relations, Events, Stories, Cited, Count };
const char* const kSectionNames[] = {"sources", "entities", "relations", "events", "stories", "cited"};

// What a text is read as: a whole corpus; the first part of a corpus split in two (everything but the
// citations and the sources: loadCorpusView); or its second part, attached to a first already loaded
// (attachCitations: the sources, and the citations of each item by its id in "cited").
enum class Part : uint8_t { Whole, View, Citations };

// Reference values not known yet are stored as kPending + n and fixed at the end.
constexpr uint32_t kPending = 0x80000000u;

class CorpusReader {
 public:
  // Items take 150-500 bytes of text: sizing the id table up front avoids most rehashing.
  // With a base, only stories are read, against the base's ids (loadStories): its entities and sources
  // are known from the start, and every id it uses is taken.
  // Reading the second part of a split corpus (Part::Citations), `c` is its first part, loaded already:
  // its ids are known from the start and the citations are written into it.
  CorpusReader(Corpus& c, std::vector<Diagnostic>& errors, size_t textBytes, const Corpus* base = nullptr,
               Part part = Part::Whole)
      : c_(c), base_(base), part_(part), r_(errors), ids_(textBytes / 256 + (base ? base->entities.size() : 0)) {
    // The second part's own code is in the deferred wasm module (tools/deferred-code.txt): called
    // indirectly, so that it stays there (core/deferred_call.h).
    if (part == Part::Citations) (this->*deferredCall(&CorpusReader::knowFirstPart))();
    if (!base) return;
    for (uint32_t i = 0; i < base->sources.size(); ++i) ids_.insert(base->sources[i].id, IdHome{Section::Sources, i, i});
    for (uint32_t i = 0; i < base->entities.size(); ++i) ids_.insert(base->entities[i].id, IdHome{Section::Entities, i, i});
    for (uint32_t i = 0; i < base->relations.size(); ++i) ids_.insert(base->relations[i].id, IdHome{Section::Relations, i, 0});
    for (uint32_t i = 0; i < base->events.size(); ++i) ids_.insert(base->events[i].id, IdHome{Section::Events, i, 0});
    done_[static_cast<int>(Section::Sources)] = done_[static_cast<int>(Section::Entities)] = true;
  }

  // One complete item of a top-level array.
  void item(Section s, size_t index, const JView& v) {
    const Path root;
    const Path sec = root.child(kSectionNames[static_cast<int>(s)]);
    const Path at = sec.at(index);
    if (!r_.expect(v, at, JType::Object, "an object")) return;
    const bool keep = s == Section::Cited || registerId(s, v, at);  // "cited" names ids the first part has
    switch (s) {
      case Section::Sources: readSource(v, at, keep); break;
      case Section::Entities: readEntity(v, at, keep); break;
      case Section::Relations: readRelation(v, at, keep); break;
      case Section::Events: readEvent(v, at, keep); break;
      case Section::Stories: readStory(v, at, keep); break;
      case Section::Cited: (this->*deferredCall(&CorpusReader::readCited))(v, at); break;
      case Section::Count: break;
    }
  }

  void sectionDone(Section s) { done_[static_cast<int>(s)] = true; }

  // After the whole text: pending references, cycles; of a second part, what it did not cite.
  void finish() {
    resolvePending();
    if (part_ == Part::Citations) (this->*deferredCall(&CorpusReader::checkAllCited))();
    else checkCycles();
  }

 private:
  struct IdHome {
    Section section = Section::Count;
    uint32_t item = 0;   // index in its top-level array (for messages)
    uint32_t dense = 0;  // index in the model (sources and entities)
  };

  // Registers the item's id in the one id space; false when the item must not be kept (no usable
  // id, or the id is taken). Such items are still checked, so every problem is reported.
  bool registerId(Section s, const JView& o, const Path& at) {
    JView idv = o.find("id");
    if (!idv.valid() || !idv.isString()) return false;  // reported when the item is read
    const std::string_view id = idv.str();
    const Path idPath = at.child("id");
    if (!isValidId(id)) {
      r_.error(idPath, "expected an id of lower-case letters, digits and '-' starting with a letter; found " +
                           quoteValue(id));
    }
    const uint32_t dense = s == Section::Sources    ? static_cast<uint32_t>(c_.sources.size())
                           : s == Section::Entities ? static_cast<uint32_t>(c_.entities.size())
                                                    : 0;
    auto [home, fresh] = ids_.insert(id, IdHome{s, static_cast<uint32_t>(at.index), dense});
    if (!fresh) {
      r_.error(idPath, "duplicate id " + quoteValue(id) + " (first used at /" +
                           kSectionNames[static_cast<int>(home->section)] + "/" + std::to_string(home->item) + "/id)");
      return false;
    }
    return true;
  }

  const IdHome* lookup(std::string_view id) const { return ids_.find(id); }
  const std::vector<Source>& sources() const { return base_ ? base_->sources : c_.sources; }

  // Resolves an entity reference, or defers it while the entities may still come.
  bool entityRef(const JView& v, const Path& at, uint32_t& out) {
    if (!r_.expect(v, at, JType::String, "an entity id")) return false;
    const std::string_view id = v.str();
    const IdHome* h = lookup(id);
    if (h && h->section == Section::Entities) { out = h->dense; return true; }
    if (!h && !done_[static_cast<int>(Section::Entities)]) {
      out = kPending + static_cast<uint32_t>(pendingEntities_.size());
      pendingEntities_.push_back({at.str(), std::string(id)});
      return true;
    }
    unknownEntity(at.str(), id, h != nullptr);
    return false;
  }

  void unknownEntity(std::string where, std::string_view id, bool otherKind) {
    r_.errorAt(std::move(where), "unknown entity id " + quoteValue(id) +
                                     (otherKind ? " (that id is not an entity)" : ""));
  }

  // Checks a citation against its source: a quote is required unless the source is external, and a
  // quote-less citation must say what it supports.
  void checkCitationSource(const std::string& where, bool external, bool hasQuote, bool hasNote) {
    if (hasQuote) return;
    if (!external) {
      r_.errorAt(where, "missing required field \"quote\" (only citations of external sources may omit it)");
    } else if (!hasNote) {
      r_.errorAt(where, "a citation without a quote needs a \"note\" saying what the source supports");
    }
  }

  // `own`: one of the user's own items, which may give no citation at all (shown "no source given").
  void citations(const JView& o, const Path& at, std::vector<Citation>& out, bool own = false) {
    if (part_ == Part::View) {  // they come in the second part
      if (o.find("citations").valid())
        r_.error(at.child("citations"), "unexpected citations in the first part of a split corpus (they come in its second part)");
      return;
    }
    JView v = r_.field(o, at, "citations", !own);
    if (!v.valid()) return;
    const Path p = at.child("citations");
    if (!r_.expect(v, p, JType::Array, "an array of citations")) return;
    if (v.size() == 0 && !own) {
      r_.error(p, "expected at least one citation, found none");
      return;
    }
    size_t i = 0;
    for (JView c = v.first(); c.valid(); c = c.next(), ++i) {
      const Path cp = p.at(i);
      if (!r_.expect(c, cp, JType::Object, "a citation object {source, quote}")) continue;
      Citation cit;
      std::string src;
      if (!r_.str(c, cp, "source", src, true)) continue;
      r_.str(c, cp, "note", cit.note, false);
      const bool hasQuote = c.find("quote").valid();
      if (hasQuote) {
        if (!r_.str(c, cp, "quote", cit.quote, true)) continue;
        if (blank(cit.quote)) {
          r_.error(cp.child("quote"), "empty quote: a citation quotes its source verbatim");
          continue;
        }
      }
      // Real corpora cite a handful of sources over and over: remember the last one looked up.
      const IdHome* h = haveLastSource_ && src == lastSourceId_ ? &lastSource_ : lookup(src);
      if (h && h->section == Section::Sources) {
        lastSourceId_ = src;
        lastSource_ = *h;  // a copy: the table's storage may move as ids are added
        haveLastSource_ = true;
        cit.source = h->dense;
        if (!hasQuote) checkCitationSource(cp.str(), sources()[h->dense].external, hasQuote, !cit.note.empty());
      } else if (!h && !done_[static_cast<int>(Section::Sources)]) {
        cit.source = kPending + static_cast<uint32_t>(pendingSources_.size());
        pendingSources_.push_back({cp.str(), src, hasQuote, !cit.note.empty()});
      } else {
        r_.error(cp.child("source"), "unknown source " + quoteValue(src) + " (not listed in /sources)");
        continue;
      }
      out.push_back(std::move(cit));
    }
  }

  void readSource(const JView& o, const Path& at, bool keep) {
    Source s;
    r_.str(o, at, "id", s.id, true);
    r_.str(o, at, "title", s.title, true, true);
    r_.str(o, at, "publisher", s.publisher, true, true);
    r_.str(o, at, "url", s.url, false);
    r_.str(o, at, "seed", s.seed, false);
    if (r_.str(o, at, "seedSha256", s.seedSha256, false) && !isSha256Hex(s.seedSha256)) {
      r_.error(at.child("seedSha256"), "expected 64 lower-case hexadecimal digits (a sha256); found " +
                                           quoteValue(s.seedSha256));
    }
    r_.str(o, at, "note", s.note, false);
    r_.flag(o, at, "external", s.external);
    r_.date(o, at, "date", s.date, false);
    if (keep) c_.sources.push_back(std::move(s));
  }

  void readEntity(const JView& o, const Path& at, bool keep) {
    Entity e;
    r_.str(o, at, "id", e.id, true);
    std::string kind;
    if (r_.str(o, at, "kind", kind, true) && !parseKind(kind, e.kind)) {
      r_.error(at.child("kind"), "expected one of " + kindChoices() + "; found " + quoteValue(kind));
    } else if (!kind.empty()) {
      r_.choice(o, at, "type", typesOfKind(e.kind), e.type, true);
    }
    r_.str(o, at, "name", e.name, true, true);
    r_.strings(o, at, "aliases", e.aliases);
    r_.str(o, at, "shortName", e.shortName, false, true);
    r_.str(o, at, "description", e.description, false);
    r_.date(o, at, "date", e.date, false);
    r_.flag(o, at, "collective", e.collective);
    JView order = r_.field(o, at, "order", false);
    if (order.valid()) {
      if (!order.isInteger() || order.integer() < 0 || order.integer() > 100000) {
        r_.error(at.child("order"), "expected a whole number from 0 to 100000, found " + shown(order) +
                                        (order.isNumber() ? " " + order.numberText() : ""));
      } else {
        e.order = static_cast<int>(order.integer());
      }
    }
    readFigures(o, at, e.figures);
    r_.str(o, at, "url", e.url, false);
    readFields(o, at, e.fields);
    r_.flag(o, at, "own", e.own);
    citations(o, at, e.citations, e.own);
    if (keep) c_.entities.push_back(std::move(e));
  }

  // "fields": [{"name": "Charity number", "value": "1234567"}, ...]
  void readFields(const JView& o, const Path& at, std::vector<Field>& out) {
    JView v = r_.field(o, at, "fields", false);
    if (!v.valid()) return;
    const Path p = at.child("fields");
    if (!r_.expect(v, p, JType::Array, "an array of fields {name, value}")) return;
    size_t i = 0;
    for (JView f = v.first(); f.valid(); f = f.next(), ++i) {
      const Path fp = p.at(i);
      if (!r_.expect(f, fp, JType::Object, "a field object {name, value}")) continue;
      Field field;
      const bool named = r_.str(f, fp, "name", field.name, true, true);
      if (r_.str(f, fp, "value", field.value, true) && named) out.push_back(std::move(field));
    }
  }

  void readFigures(const JView& o, const Path& at, std::vector<Figure>& out) {
    JView v = r_.field(o, at, "figures", false);
    if (!v.valid()) return;
    const Path p = at.child("figures");
    if (!r_.expect(v, p, JType::Array, "an array of figures")) return;
    size_t i = 0;
    for (JView f = v.first(); f.valid(); f = f.next(), ++i) {
      const Path fp = p.at(i);
      if (!r_.expect(f, fp, JType::Object, "a figure object")) continue;
      Figure fig;
      r_.str(f, fp, "label", fig.label, true, true);
      JView val = r_.field(f, fp, "value", true);
      if (val.valid() && r_.expect(val, fp.child("value"), JType::Float, "a number")) fig.value = val.number();
      if (f.find("qualifier").valid()) r_.choice(f, fp, "qualifier", figureQualifiers(), fig.qualifier, false);
      r_.str(f, fp, "unit", fig.unit, false);
      r_.date(f, fp, "date", fig.date, false);
      citations(f, fp, fig.citations);
      out.push_back(std::move(fig));
    }
  }

  void readRelation(const JView& o, const Path& at, bool keep) {
    Relation rel;
    bool ok = r_.str(o, at, "id", rel.id, true);
    std::string type;
    if (r_.str(o, at, "type", type, true)) {
      rel.type = relationTypeIndex(type);
      if (rel.type < 0) {
        std::vector<std::string_view> ids;
        for (const RelationType& t : relationTypes()) ids.push_back(t.id);
        r_.error(at.child("type"), "unknown relation type " + quoteValue(type) + "; expected one of " + joinChoices(ids));
        ok = false;
      }
    } else {
      ok = false;
    }
    JView from = r_.field(o, at, "from", true);
    JView to = r_.field(o, at, "to", true);
    ok = from.valid() && entityRef(from, at.child("from"), rel.from) && ok;
    ok = to.valid() && entityRef(to, at.child("to"), rel.to) && ok;
    r_.str(o, at, "role", rel.role, false);
    r_.str(o, at, "description", rel.description, false);
    r_.date(o, at, "date", rel.date, false);
    readFields(o, at, rel.fields);
    r_.flag(o, at, "own", rel.own);
    citations(o, at, rel.citations, rel.own);
    if (ok && keep) {
      relationItems_.push_back(static_cast<uint32_t>(at.index));
      c_.relations.push_back(std::move(rel));
    }
  }

  void readEvent(const JView& o, const Path& at, bool keep) {
    Event ev;
    r_.str(o, at, "id", ev.id, true);
    r_.choice(o, at, "type", eventTypes(), ev.type, true);
    r_.str(o, at, "name", ev.name, true, true);
    r_.str(o, at, "description", ev.description, false);
    r_.date(o, at, "date", ev.date, true);
    JView v = r_.field(o, at, "entities", true);
    if (v.valid()) {
      const Path p = at.child("entities");
      if (r_.expect(v, p, JType::Array, "an array of entity ids")) {
        if (v.size() == 0) r_.error(p, "expected at least one entity id, found none");
        size_t i = 0;
        for (JView e = v.first(); e.valid(); e = e.next(), ++i) {
          uint32_t ref;
          if (entityRef(e, p.at(i), ref)) ev.entities.push_back(ref);
        }
      }
    }
    citations(o, at, ev.citations);
    if (keep && ev.date.present()) c_.events.push_back(std::move(ev));
  }

  void readStory(const JView& o, const Path& at, bool keep) {
    Story s;
    r_.str(o, at, "id", s.id, true);
    r_.str(o, at, "title", s.title, true, true);
    r_.str(o, at, "description", s.description, false);
    r_.flag(o, at, "own", s.own);
    JView steps = r_.field(o, at, "steps", true);
    const Path sp = at.child("steps");
    if (steps.valid() && r_.expect(steps, sp, JType::Array, "an array of steps")) {
      if (steps.size() == 0) r_.error(sp, "expected at least one step, found none");
      size_t i = 0;
      for (JView st = steps.first(); st.valid(); st = st.next(), ++i) {
        const Path p = sp.at(i);
        if (!r_.expect(st, p, JType::Object, "a step object")) continue;
        s.steps.push_back(readStep(st, p, s.own));
      }
    }
    if (keep) c_.stories.push_back(std::move(s));
  }

  StoryStep readStep(const JView& st, const Path& p, bool own) {
    StoryStep step;
    r_.str(st, p, "title", step.title, true, true);
    r_.str(st, p, "narration", step.narration, true, true);
    if (st.find("view").valid()) r_.choice(st, p, "view", storyViews(), step.view, false);
    // `date` is the older name of `asOf`; one step may not carry both.
    const bool hasDate = st.find("date").valid();
    if (hasDate && st.find("asOf").valid()) {
      r_.error(p.child("date"), "expected \"asOf\" or its older name \"date\", found both");
    }
    const char* asOfKey = hasDate ? "date" : "asOf";
    r_.date(st, p, asOfKey, step.asOf, false);
    const Date& a = step.asOf.value;
    if (step.asOf.present() && (a.interval || a.start.season || a.start.approximate || a.start.uncertain)) {
      r_.error(p.child(asOfKey), "expected a day, month or year such as \"2014-07-28\", \"2014-07\" or \"2014\"; found \"" +
                                     step.asOf.text + "\"");
      step.asOf = DateField{};
    }
    r_.date(st, p, "window", step.window, false);
    const Date& w = step.window.value;
    if (step.window.present() && (!w.interval || w.startBound != Bound::Date || w.endBound != Bound::Date)) {
      r_.error(p.child("window"), "expected an interval with both ends such as \"2011/2016\"; found \"" +
                                      step.window.text + "\"");
      step.window = DateField{};
    }
    // Two dates compared: an interval with both ends, each a day, month or year ("2013/2023").
    r_.date(st, p, "compare", step.compare, false);
    const Date& cd = step.compare.value;
    if (step.compare.present() &&
        (!cd.interval || cd.startBound != Bound::Date || cd.endBound != Bound::Date || cd.start.season || cd.end.season ||
         cd.start.approximate || cd.end.approximate || cd.start.uncertain || cd.end.uncertain)) {
      r_.error(p.child("compare"), "expected two dates to compare as an interval such as \"2013/2023\" or "
                                   "\"2013-04-01/2023-04-01\"; found \"" + step.compare.text + "\"");
      step.compare = DateField{};
    }
    JView f = r_.field(st, p, "focus", false);
    const Path fp = p.child("focus");
    if (f.valid() && r_.expect(f, fp, JType::Array, "an array of entity ids")) {
      size_t k = 0;
      for (JView e = f.first(); e.valid(); e = e.next(), ++k) {
        uint32_t ref;
        if (entityRef(e, fp.at(k), ref)) step.focus.push_back(ref);
      }
    }
    JView kv = r_.field(st, p, "kinds", false);
    const Path kp = p.child("kinds");
    if (kv.valid() && r_.expect(kv, kp, JType::Array, "an array of entity kinds")) {
      size_t k = 0;
      for (JView e = kv.first(); e.valid(); e = e.next(), ++k) {
        Kind kind;
        if (!r_.expect(e, kp.at(k), JType::String, "an entity kind")) continue;
        if (parseKind(e.str(), kind)) step.kinds.push_back(kind);
        else r_.error(kp.at(k), "expected one of " + kindChoices() + "; found \"" + std::string(e.str()) + "\"");
      }
    }
    citations(st, p, step.citations, own);
    readStepFilters(st, p, step);
    return step;
  }

  // What the story editor records beyond the kinds: the rest of the filters and the path.
  void readStepFilters(const JView& st, const Path& p, StoryStep& step) {
    std::vector<std::string> names;
    r_.strings(st, p, "orgTypes", names);
    const Path op = p.child("orgTypes");
    for (size_t k = 0; k < names.size(); ++k) {
      if (organisationTypeIndex(names[k]) >= 0) step.orgTypes.push_back(names[k]);
      else r_.error(op.at(k), "expected one of " + joinChoices(typesOfKind(Kind::Organisation)) + "; found " + quoteValue(names[k]));
    }
    names.clear();
    r_.strings(st, p, "relationTypes", names);
    const Path rp = p.child("relationTypes");
    for (size_t k = 0; k < names.size(); ++k) {
      const int t = relationTypeIndex(names[k]);
      if (t >= 0) step.relationTypes.push_back(t);
      else r_.error(rp.at(k), "unknown relation type " + quoteValue(names[k]) + " (see docs/corpus-format.md)");
    }
    names.clear();
    r_.strings(st, p, "origins", names);
    const Path gp = p.child("origins");
    for (size_t k = 0; k < names.size(); ++k) {
      if (names[k] == "map" || names[k] == "own") step.origins.push_back(names[k] == "own" ? 1 : 0);
      else r_.error(gp.at(k), "expected \"map\" or \"own\"; found " + quoteValue(names[k]));
    }
    JView th = r_.field(st, p, "themes", false);
    const Path tp = p.child("themes");
    if (th.valid() && r_.expect(th, tp, JType::Array, "an array of theme entity ids")) {
      size_t k = 0;
      for (JView e = th.first(); e.valid(); e = e.next(), ++k) {
        uint32_t ref;
        if (entityRef(e, tp.at(k), ref)) step.themes.push_back(ref);
      }
    }
    dayField(st, p, "from", step.from);
    dayField(st, p, "to", step.to);
    JView path = r_.field(st, p, "pathTo", false);
    uint32_t ref;
    if (path.valid() && entityRef(path, p.child("pathTo"), ref)) step.pathTo.push_back(ref);
  }

  // A date that must be one day, month or year (a filter's end).
  void dayField(const JView& st, const Path& p, const char* key, DateField& out) {
    r_.date(st, p, key, out, false);
    const Date& a = out.value;
    if (out.present() && (a.interval || a.start.season || a.start.approximate || a.start.uncertain)) {
      r_.error(p.child(key), "expected a day, month or year such as \"2014-07-28\", \"2014-07\" or \"2014\"; found \"" +
                                 out.text + "\"");
      out = DateField{};
    }
  }

  // ---- The second part of a split corpus ----------------------------------------------------------
  // The first part's ids, in the one id space (a source of the second part may not take one of them).
  void knowFirstPart() {
    for (uint32_t i = 0; i < c_.entities.size(); ++i) ids_.insert(c_.entities[i].id, IdHome{Section::Entities, i, i});
    for (uint32_t i = 0; i < c_.relations.size(); ++i) ids_.insert(c_.relations[i].id, IdHome{Section::Relations, i, i});
    for (uint32_t i = 0; i < c_.events.size(); ++i) ids_.insert(c_.events[i].id, IdHome{Section::Events, i, i});
    for (uint32_t i = 0; i < c_.stories.size(); ++i) ids_.insert(c_.stories[i].id, IdHome{Section::Stories, i, i});
    for (int s = static_cast<int>(Section::Entities); s <= static_cast<int>(Section::Stories); ++s) done_[s] = true;
    for (int s = static_cast<int>(Section::Entities); s <= static_cast<int>(Section::Stories); ++s) cited_[s].assign(
        s == static_cast<int>(Section::Entities)    ? c_.entities.size()
        : s == static_cast<int>(Section::Relations) ? c_.relations.size()
        : s == static_cast<int>(Section::Events)    ? c_.events.size()
                                                    : c_.stories.size(), -1);
  }

  // One item of "cited": {"id", "citations"}, with "figures": [{"citations"}, ...] for an entity's figures
  // (one per figure, in order), or for a story {"id", "steps": [{"citations"}, ...]} (one per step).
  void readCited(const JView& o, const Path& at) {
    std::string id;
    if (!r_.str(o, at, "id", id, true)) return;
    const IdHome* h = lookup(id);
    if (!h || h->section == Section::Sources || h->section == Section::Cited) {
      r_.error(at.child("id"), "unknown id " + quoteValue(id) + " (not an entity, relation, event or story of the corpus)");
      return;
    }
    const IdHome home = *h;
    int32_t& first = cited_[static_cast<int>(home.section)][home.dense];
    if (first >= 0) {
      r_.error(at.child("id"), "citations of " + quoteValue(id) + " given twice (first at /cited/" + std::to_string(first) + ")");
      return;
    }
    first = static_cast<int32_t>(at.index);
    switch (home.section) {
      case Section::Entities: {
        Entity& e = c_.entities[home.dense];
        citations(o, at, e.citations, e.own);
        alignedCitations(o, at, "figures", "figure", e.figures.size(),
                         [&](const JView& f, const Path& fp, size_t i) { citations(f, fp, e.figures[i].citations); });
        break;
      }
      case Section::Relations: citations(o, at, c_.relations[home.dense].citations, c_.relations[home.dense].own); break;
      case Section::Events: citations(o, at, c_.events[home.dense].citations); break;
      case Section::Stories: {
        Story& st = c_.stories[home.dense];
        alignedCitations(o, at, "steps", "step", st.steps.size(),
                         [&](const JView& x, const Path& xp, size_t i) { citations(x, xp, st.steps[i].citations, st.own); });
        break;
      }
      default: break;
    }
  }

  // "figures" or "steps": one object per figure or step of the item, in order.
  template <class Read>
  void alignedCitations(const JView& o, const Path& at, const char* key, const char* what, size_t count, Read read) {
    JView v = r_.field(o, at, key, count > 0);
    if (!v.valid()) return;
    const Path p = at.child(key);
    if (!r_.expect(v, p, JType::Array, "an array of {citations}")) return;
    if (v.size() != count) {
      r_.error(p, "expected " + std::to_string(count) + " (one per " + what + " of the item, in order), found " +
                      std::to_string(v.size()));
      return;
    }
    size_t i = 0;
    for (JView x = v.first(); x.valid(); x = x.next(), ++i) {
      const Path xp = p.at(i);
      if (r_.expect(x, xp, JType::Object, "an object {citations}")) read(x, xp, i);
    }
  }

  // Every item that must cite a source got its citations.
  void checkAllCited() {
    auto missing = [&](const char* what, const std::string& id) {
      r_.errorAt("/cited", std::string("no citations given for ") + what + " " + quoteValue(id));
    };
    const auto& cited = cited_;
    auto given = [&](Section s, size_t i) { return cited[static_cast<int>(s)][i] >= 0; };
    for (size_t i = 0; i < c_.entities.size(); ++i)
      if (!given(Section::Entities, i) && !c_.entities[i].own) missing("entity", c_.entities[i].id);
    for (size_t i = 0; i < c_.relations.size(); ++i)
      if (!given(Section::Relations, i) && !c_.relations[i].own) missing("relation", c_.relations[i].id);
    for (size_t i = 0; i < c_.events.size(); ++i)
      if (!given(Section::Events, i)) missing("event", c_.events[i].id);
    for (size_t i = 0; i < c_.stories.size(); ++i)
      if (!given(Section::Stories, i) && !c_.stories[i].own) missing("story", c_.stories[i].id);
  }

  // References to ids that came later in the file (or never).
  void resolvePending() {
    if (!pendingEntities_.empty()) {
      std::vector<uint32_t> resolved(pendingEntities_.size(), UINT32_MAX);
      for (size_t i = 0; i < pendingEntities_.size(); ++i) {
        const IdHome* h = lookup(pendingEntities_[i].id);
        if (h && h->section == Section::Entities) resolved[i] = h->dense;
        else unknownEntity(pendingEntities_[i].where, pendingEntities_[i].id, h != nullptr);
      }
      auto fix = [&](uint32_t& ref) {
        if (ref >= kPending) ref = resolved[ref - kPending] == UINT32_MAX ? 0 : resolved[ref - kPending];
      };
      for (Relation& r : c_.relations) { fix(r.from); fix(r.to); }
      for (Event& e : c_.events) for (uint32_t& ref : e.entities) fix(ref);
      for (Story& s : c_.stories) for (StoryStep& st : s.steps) {
        for (uint32_t& ref : st.focus) fix(ref);
        for (uint32_t& ref : st.themes) fix(ref);
        for (uint32_t& ref : st.pathTo) fix(ref);
      }
    }
    if (!pendingSources_.empty()) {
      std::vector<uint32_t> resolved(pendingSources_.size(), 0);
      for (size_t i = 0; i < pendingSources_.size(); ++i) {
        const PendingSource& p = pendingSources_[i];
        const IdHome* h = lookup(p.id);
        if (h && h->section == Section::Sources) {
          resolved[i] = h->dense;
          checkCitationSource(p.where, sources()[h->dense].external, p.hasQuote, p.hasNote);
        } else {
          r_.errorAt(p.where + "/source", "unknown source " + quoteValue(p.id) + " (not listed in /sources)");
        }
      }
      auto fix = [&](std::vector<Citation>& cits) {
        for (Citation& c : cits) if (c.source >= kPending) c.source = resolved[c.source - kPending];
      };
      for (Entity& e : c_.entities) {
        fix(e.citations);
        for (Figure& f : e.figures) fix(f.citations);
      }
      for (Relation& r : c_.relations) fix(r.citations);
      for (Event& e : c_.events) fix(e.citations);
      for (Story& s : c_.stories) for (StoryStep& st : s.steps) fix(st.citations);
    }
  }

  // A body succeeded by itself, or a part containing itself, is an error: report each cycle once.
  void checkCycles() {
    const size_t n = c_.entities.size();
    for (size_t t = 0; t < relationTypes().size(); ++t) {
      if (!relationIsAcyclic(static_cast<int>(t))) continue;
      std::vector<std::vector<uint32_t>> out;
      for (uint32_t i = 0; i < c_.relations.size(); ++i) {
        const Relation& rel = c_.relations[i];
        if (rel.type != static_cast<int>(t) || rel.from >= n || rel.to >= n) continue;
        if (out.empty()) out.resize(n);
        out[rel.from].push_back(i);
      }
      if (out.empty()) continue;
      std::vector<uint8_t> colour(n, 0);  // 0 new, 1 on the stack, 2 done
      std::vector<uint32_t> depth(n, 0);  // where a node on the stack is, so a cycle is found in O(1)
      std::vector<std::pair<uint32_t, size_t>> stack;
      for (uint32_t s = 0; s < n; ++s) {
        if (colour[s] || out[s].empty()) continue;
        stack.push_back({s, 0});
        colour[s] = 1;
        while (!stack.empty()) {
          auto& [v, next] = stack.back();
          if (next == out[v].size()) { colour[v] = 2; stack.pop_back(); continue; }
          const uint32_t ri = out[v][next++];
          const uint32_t w = c_.relations[ri].to;
          if (colour[w] == 1) { reportCycle(t, stack, depth[w], ri); continue; }
          if (colour[w] == 0) {
            colour[w] = 1;
            depth[w] = static_cast<uint32_t>(stack.size());
            stack.push_back({w, 0});
          }
        }
      }
    }
  }

  // The cycle is stack[from..] and back to stack[from]. A long one is shown by its ends only, so that
  // reporting stays short and linear however long the chain.
  void reportCycle(size_t type, const std::vector<std::pair<uint32_t, size_t>>& stack, size_t from, uint32_t ri) {
    constexpr size_t kEnds = 4;
    const size_t len = stack.size() - from;
    std::string chain;
    for (size_t i = from; i < stack.size(); ++i) {
      if (len > 2 * kEnds + 1 && i == from + kEnds) {
        chain += "\u2026 (" + std::to_string(len - 2 * kEnds) + " more) \u2192 ";
        i = stack.size() - kEnds - 1;
        continue;
      }
      chain += c_.entities[stack[i].first].id + " \u2192 ";
    }
    chain += c_.entities[stack[from].first].id;
    r_.errorAt("/relations/" + std::to_string(relationItems_[ri]),
               "cycle of \"" + std::string(relationTypes()[type].id) + "\" relations: " + chain);
  }

  struct PendingEntity {
    std::string where, id;
  };
  struct PendingSource {
    std::string where, id;
    bool hasQuote, hasNote;
  };

  Corpus& c_;
  const Corpus* base_;  // where sources and entities are, when only stories are read
  Part part_;
  std::vector<int32_t> cited_[static_cast<int>(Section::Count)];  // a second part's: /cited index per item, or -1
  Reader r_;
  IdTable<IdHome> ids_;  // one id space for every kind of item
  std::string lastSourceId_;
  IdHome lastSource_;
  bool haveLastSource_ = false;
  bool done_[static_cast<int>(Section::Count)] = {};
  std::vector<PendingEntity> pendingEntities_;
  std::vector<PendingSource> pendingSources_;
  std::vector<uint32_t> relationItems_;  // index in /relations of each kept relation
};

// Hands recorded items to the reader in order. Natively, on large texts, the reader runs on a second
// thread, so lexing the text (nlohmann's part) and building the model overlap; in wasm, which has no
// threads here, and on small texts, each item is read as soon as it is recorded.
class ItemPipeline {
 public:
  ItemPipeline(CorpusReader& reader, bool threaded) : reader_(reader), threaded_(threaded) {
    if (!threaded_) return;
    for (Batch& b : pool_) empty_.push_back(&b);
    current_ = take(empty_);
    worker_ = std::thread([this] { work(); });
  }
  ~ItemPipeline() { finish(); }

  JsonItem& next() {
    JsonItem& item = threaded_ ? current_->units[current_->used].item : single_;
    item.clear();
    return item;
  }
  void itemDone(Section s, size_t index) {
    if (!threaded_) { reader_.item(s, index, single_.root()); return; }
    add(true, s, index);
  }
  void sectionDone(Section s) {
    if (!threaded_) { reader_.sectionDone(s); return; }
    add(false, s, 0);
  }
  // Waits until every item has been read.
  void finish() {
    if (!threaded_ || !worker_.joinable()) return;
    if (current_->used) submit();
    give(full_, nullptr);  // tells the worker to stop
    worker_.join();
  }

 private:
  static constexpr size_t kBatch = 256;
  struct Unit {
    bool isItem = false;
    Section section = Section::Count;
    size_t index = 0;
    JsonItem item;
  };
  struct Batch {
    Unit units[kBatch];
    size_t used = 0;
  };

  void add(bool isItem, Section s, size_t index) {
    Unit& u = current_->units[current_->used++];
    u.isItem = isItem;
    u.section = s;
    u.index = index;
    if (current_->used == kBatch) submit();
  }
  void submit() {
    give(full_, current_);
    current_ = take(empty_);
  }
  void give(std::deque<Batch*>& q, Batch* b) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      q.push_back(b);
    }
    changed_.notify_all();
  }
  Batch* take(std::deque<Batch*>& q) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return !q.empty(); });
    Batch* b = q.front();
    q.pop_front();
    return b;
  }
  void work() {
    while (Batch* b = take(full_)) {
      for (size_t i = 0; i < b->used; ++i) {
        Unit& u = b->units[i];
        if (u.isItem) reader_.item(u.section, u.index, u.item.root());
        else reader_.sectionDone(u.section);
      }
      b->used = 0;
      give(empty_, b);
    }
  }

  CorpusReader& reader_;
  bool threaded_;
  JsonItem single_;
  Batch pool_[4];
  Batch* current_ = nullptr;
  std::deque<Batch*> full_, empty_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::thread worker_;
};

// The SAX handler: routes top-level fields, records each array item and hands it to the reader.
class Streamer {
 public:
  Streamer(Corpus& c, std::vector<Diagnostic>& itemErrors, size_t textBytes, bool allowThreads,
           const Corpus* base = nullptr, Part part = Part::Whole)
      : part(part), reader_(c, itemErrors, textBytes, base, part), pipeline_(reader_, allowThreads && useThread(textBytes)) {}

  static bool useThread(size_t textBytes) {
#ifdef __EMSCRIPTEN__
    (void)textBytes;
    return false;
#else
    return textBytes > (4u << 20) && std::thread::hardware_concurrency() > 1;
#endif
  }

  // nlohmann SAX interface.
  bool null() { return value(JType::Null); }
  bool boolean(bool v) { return value(JType::Boolean, {}, 0, v ? 1 : 0); }
  bool number_integer(nlohmann::json::number_integer_t v) {
    return value(JType::Integer, {}, static_cast<double>(v), v);
  }
  bool number_unsigned(nlohmann::json::number_unsigned_t v) {
    return value(v > static_cast<uint64_t>(INT64_MAX) ? JType::Float : JType::Integer, {}, static_cast<double>(v),
                 v > static_cast<uint64_t>(INT64_MAX) ? 0 : static_cast<int64_t>(v));
  }
  bool number_float(nlohmann::json::number_float_t v, const std::string&) { return value(JType::Float, {}, v); }
  bool string(std::string& v) { return value(JType::String, v); }
  bool binary(nlohmann::json::binary_t&) { return value(JType::Null); }
  bool start_object(std::size_t) { return open(JType::Object); }
  bool start_array(std::size_t) { return open(JType::Array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& k) {
    if (depth_ == 1) topKey_ = k;
    else if (recording_) item_->setKey(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    syntaxError = true;
    errorByte = position;
    errorMessage = ex.what();
    return false;
  }

  void finish() {
    pipeline_.finish();
    reader_.finish();
  }
  // After a syntax error the items already queued still drain before anything is read.
  void stop() { pipeline_.finish(); }

  bool syntaxError = false;
  std::size_t errorByte = 0;
  std::string errorMessage;
  bool topIsObject = false;
  JType topType = JType::Null;
  const Part part;
  // Top-level scalars as found (type Null with `seen` false when absent).
  struct Top {
    bool seen = false;
    JType type = JType::Null;
    std::string text;
  } format, title, description, splitFrom;
  bool sectionSeen[static_cast<int>(Section::Count)] = {};
  JType sectionType[static_cast<int>(Section::Count)] = {};

 private:
  // A second part has only sources and "cited"; a corpus or a first part has no "cited".
  int sectionOf(const std::string& k) const {
    for (int i = 0; i < static_cast<int>(Section::Count); ++i) {
      const bool here = part == Part::Citations ? i == static_cast<int>(Section::Sources) || i == static_cast<int>(Section::Cited)
                                                : i != static_cast<int>(Section::Cited);
      if (here && k == kSectionNames[i]) return i;
    }
    return -1;
  }

  Top* scalarField(const std::string& k) {
    if (k == "format") return &format;
    if (k == "title") return &title;
    if (k == "description") return &description;
    if (k == "splitFrom") return &splitFrom;
    return nullptr;
  }

  bool value(JType t, std::string_view s = {}, double num = 0, int64_t i = 0) {
    if (depth_ == 0) { topType = t; return false; }  // not an object: stop here
    if (skipping_) return true;
    if (recording_) {
      item_->scalar(t, s, num, i);
      if (item_->complete()) itemDone();
      return true;
    }
    if (depth_ == 2) {  // a scalar item in a section array
      startItem();
      item_->scalar(t, s, num, i);
      itemDone();
      return true;
    }
    // depth 1: a top-level field
    if (Top* f = scalarField(topKey_)) {
      f->seen = true;
      f->type = t;
      f->text.assign(s);
    } else {
      const int sec = sectionOf(topKey_);
      if (sec >= 0) { sectionSeen[sec] = true; sectionType[sec] = t; }
    }
    return true;
  }

  bool open(JType t) {
    if (depth_ == 0) {
      topType = t;
      if (t != JType::Object) return false;
      topIsObject = true;
      depth_ = 1;
      return true;
    }
    ++depth_;
    if (skipping_) return true;
    if (recording_) { item_->open(t); return true; }
    if (depth_ == 3) {  // an item in a section array
      startItem();
      item_->open(t);
      return true;
    }
    // depth 2: the value of a top-level field
    const int sec = sectionOf(topKey_);
    if (sec >= 0) {
      sectionSeen[sec] = true;
      sectionType[sec] = t;
      if (t == JType::Array) { section_ = sec; index_ = 0; return true; }
    } else if (Top* f = scalarField(topKey_)) {
      f->seen = true;
      f->type = t;
    }
    skipping_ = true;  // unknown fields and wrongly typed ones are not looked into
    skipDepth_ = depth_;
    return true;
  }

  bool close() {
    if (skipping_ && depth_ == skipDepth_) skipping_ = false;
    else if (recording_) {
      item_->close();
      if (item_->complete()) itemDone();
    } else if (depth_ == 2 && section_ >= 0) {
      pipeline_.sectionDone(static_cast<Section>(section_));
      section_ = -1;
    }
    --depth_;
    return true;
  }

  void startItem() {
    item_ = &pipeline_.next();
    recording_ = true;
  }

  void itemDone() {
    recording_ = false;
    pipeline_.itemDone(static_cast<Section>(section_), index_++);
  }

  CorpusReader reader_;
  ItemPipeline pipeline_;
  JsonItem* item_ = nullptr;  // the item being recorded
  std::string topKey_;
  int depth_ = 0;
  int section_ = -1;
  size_t index_ = 0;
  bool recording_ = false;
  bool skipping_ = false;
  int skipDepth_ = 0;
};

// "format": a version 1.x; false when it is not.
bool checkFormat(const Streamer& s, Corpus& c, std::vector<Diagnostic>& out) {
  auto err = [&](std::string where, std::string msg) { out.push_back({std::move(where), std::move(msg)}); };
  if (!s.format.seen) {
    err("", "missing required field \"format\"");
  } else if (s.format.type != JType::String) {
    err("/format", std::string("expected a string, found ") + typeName(s.format.type));
  } else {
    const std::string& f = s.format.text;
    const size_t dot = f.find('.');
    const std::string major = f.substr(0, dot);
    const bool numeric = !major.empty() && major.find_first_not_of("0123456789") == std::string::npos &&
                         dot != std::string::npos && dot + 1 < f.size();
    if (!numeric) {
      err("/format", "expected a version \"MAJOR.MINOR\" such as \"1.0\", found " + quoteValue(f));
    } else if (major != "1") {
      err("/format", "unsupported corpus format version " + f + " (major version " + major +
                         "); this explorer reads version 1.x");
    } else {
      c.format = f;
      return true;
    }
  }
  return false;
}

// "splitFrom": the sha256 of the whole corpus, in each part of a split one; only there.
void checkSplitFrom(const Streamer& s, std::vector<Diagnostic>& out, std::string& value) {
  auto err = [&](std::string where, std::string msg) { out.push_back({std::move(where), std::move(msg)}); };
  if (s.part == Part::Whole) {
    if (s.splitFrom.seen)
      err("/splitFrom", "this is the first part of a corpus split in two for the site (its citations and sources "
                        "are in a second file): open the whole corpus (corpus.json) instead");
    return;
  }
  if (!s.splitFrom.seen) err("", "missing required field \"splitFrom\" (the sha256 of the corpus it was split from)");
  else if (s.splitFrom.type != JType::String || !isSha256Hex(s.splitFrom.text))
    err("/splitFrom", "expected 64 lower-case hexadecimal digits (a sha256); found " +
                          (s.splitFrom.type == JType::String ? quoteValue(s.splitFrom.text) : std::string(typeName(s.splitFrom.type))));
  else value = s.splitFrom.text;
}

// Top-level checks, reported before the items' problems.
void checkTop(const Streamer& s, Corpus& c, std::vector<Diagnostic>& out) {
  auto err = [&](std::string where, std::string msg) { out.push_back({std::move(where), std::move(msg)}); };
  if (!checkFormat(s, c, out)) return;  // an unreadable version: nothing else is meaningful
  checkSplitFrom(s, out, c.splitFrom);
  if (s.part == Part::Whole && s.splitFrom.seen) return;  // a first part opened as a corpus: that says it all
  if (!s.title.seen) err("", "missing required field \"title\"");
  else if (s.title.type != JType::String) err("/title", std::string("expected a string, found ") + typeName(s.title.type));
  else if (blank(s.title.text)) err("/title", "expected a non-empty string, found \"\"");
  else c.title = s.title.text;
  if (s.description.seen && s.description.type != JType::String) {
    err("/description", std::string("expected a string, found ") + typeName(s.description.type));
  } else {
    c.description = s.description.text;
  }
  for (int i = 0; i < static_cast<int>(Section::Count); ++i) {
    const bool required = i == static_cast<int>(Section::Entities) || (i == static_cast<int>(Section::Sources) && s.part == Part::Whole);
    if (i == static_cast<int>(Section::Sources) && s.part == Part::View && s.sectionSeen[i]) {
      err("/sources", "unexpected sources in the first part of a split corpus (they come in its second part)");
      continue;
    }
    if (!s.sectionSeen[i]) {
      if (required) err("", std::string("missing required field \"") + kSectionNames[i] + "\"");
    } else if (s.sectionType[i] != JType::Array) {
      err(std::string("/") + kSectionNames[i], std::string("expected an array, found ") + typeName(s.sectionType[i]));
    }
  }
}

// A syntax error found by the parser, located by line and column, its message kept short.
Diagnostic syntaxDiagnostic(std::string_view text, const Streamer& s) {
  size_t line, column;
  lineColumn(text, s.errorByte > 0 ? s.errorByte - 1 : 0, line, column);
  const std::string& what = s.errorMessage;
  const size_t p = what.find("column ");
  const size_t colon = p == std::string::npos ? std::string::npos : what.find(": ", p);
  std::string msg = colon == std::string::npos ? what : what.substr(colon + 2);
  // nlohmann's own prefix ("[json.exception.out_of_range.406] "), and a long last token shortened.
  if (msg.rfind("[json.exception.", 0) == 0 && msg.find("] ") != std::string::npos) msg.erase(0, msg.find("] ") + 2);
  const size_t tokenAt = msg.find("last read: '");
  if (tokenAt != std::string::npos) {
    const size_t start = tokenAt + 11, end = msg.find("'; expected", start);
    const size_t stop = end != std::string::npos ? end + 1 : msg.size();
    msg.replace(start, stop - start, quoteValue(std::string_view(msg).substr(start + 1, stop - start - 2), '\''));
  }
  // The token of "number overflow parsing '2222…'" is shortened the same way.
  const size_t parsingAt = msg.find("parsing '");
  if (parsingAt != std::string::npos) {
    const size_t start = parsingAt + 8, end = msg.find('\'', start + 1);
    if (end != std::string::npos)
      msg.replace(start, end + 1 - start, quoteValue(std::string_view(msg).substr(start + 1, end - start - 1), '\''));
  }
  // Whatever the input put into the message (a token may even contain "'; expected"), it stays short.
  constexpr size_t kMaxSyntaxMessage = 300;
  if (msg.size() > kMaxSyntaxMessage) {
    const size_t cut = utf8Floor(msg, kMaxSyntaxMessage - 60);
    msg = msg.substr(0, cut) + "\xe2\x80\xa6 (" + std::to_string(msg.size()) + " bytes in all)";
  }
  return {std::to_string(line) + ":" + std::to_string(column), "JSON syntax error: " + msg};
}

}  // namespace

namespace {
LoadResult load(std::string_view text, bool allowThreads, Part part) {
  LoadResult result;
  std::vector<Diagnostic> itemErrors;
  Streamer s(result.corpus, itemErrors, text.size(), allowThreads, nullptr, part);
  nlohmann::json::sax_parse(text.data(), text.data() + text.size(), &s);
  if (s.syntaxError) {
    s.stop();
    result.errors.push_back(syntaxDiagnostic(text, s));
    return result;
  }
  if (!s.topIsObject) {
    s.stop();
    result.errors.push_back({"", std::string("expected a JSON object at the top level, found ") + typeName(s.topType)});
    return result;
  }
  s.finish();  // every item read (the reader writes the corpus on its own thread until then)
  checkTop(s, result.corpus, result.errors);
  if (!result.errors.empty() && !result.corpus.format.size()) return result;
  if (part == Part::Whole && s.splitFrom.seen) return result;  // not one error per item without citations
  result.errors.insert(result.errors.end(), itemErrors.begin(), itemErrors.end());
  if (result.ok()) result.corpus.buildIndex();
  if (result.ok() && part == Part::View) result.corpus.citationsState = CitationsState::Pending;
  return result;
}

// Back to no citations and no sources (a second part refused leaves the first as it was).
void dropCitations(Corpus& c) {
  c.sources.clear();
  for (Entity& e : c.entities) {
    e.citations.clear();
    for (Figure& f : e.figures) f.citations.clear();
  }
  for (Relation& r : c.relations) r.citations.clear();
  for (Event& e : c.events) e.citations.clear();
  for (Story& st : c.stories) for (StoryStep& step : st.steps) step.citations.clear();
}
}  // namespace

LoadResult loadCorpus(std::string_view text, bool allowThreads) { return load(text, allowThreads, Part::Whole); }

LoadResult loadCorpusView(std::string_view text) { return load(text, false, Part::View); }

std::vector<Diagnostic> attachCitations(Corpus& c, std::string_view text) {
  std::vector<Diagnostic> errors;
  if (c.citationsState != CitationsState::Pending) {
    errors.push_back({"", "the corpus shown awaits no citations (it is not the first part of a split corpus)"});
    return errors;
  }
  std::vector<Diagnostic> itemErrors;
  {
    Streamer s(c, itemErrors, text.size(), false, nullptr, Part::Citations);
    nlohmann::json::sax_parse(text.data(), text.data() + text.size(), &s);
    if (s.syntaxError) {
      s.stop();
      errors.push_back(syntaxDiagnostic(text, s));
    } else if (!s.topIsObject) {
      s.stop();
      errors.push_back({"", std::string("expected a JSON object at the top level, found ") + typeName(s.topType)});
    } else {
      s.finish();
      Corpus scratch;  // the format is the corpus's own; only checked here
      if (checkFormat(s, scratch, errors)) {
        std::string from;
        checkSplitFrom(s, errors, from);
        if (!from.empty() && from != c.splitFrom)
          errors.push_back({"/splitFrom", "these citations are of another corpus (split from " + from.substr(0, 12) +
                                              "\xe2\x80\xa6, the corpus shown from " + c.splitFrom.substr(0, 12) +
                                              "\xe2\x80\xa6): the site's two parts do not match"});
        for (int i : {static_cast<int>(Section::Sources), static_cast<int>(Section::Cited)}) {
          if (!s.sectionSeen[i]) errors.push_back({"", std::string("missing required field \"") + kSectionNames[i] + "\""});
          else if (s.sectionType[i] != JType::Array)
            errors.push_back({std::string("/") + kSectionNames[i], std::string("expected an array, found ") + typeName(s.sectionType[i])});
        }
        errors.insert(errors.end(), itemErrors.begin(), itemErrors.end());
      }
    }
  }
  if (errors.empty()) c.citationsState = CitationsState::Present;
  else deferredCall(&dropCitations)(c);
  return errors;
}

StoriesResult loadStories(std::string_view text, const Corpus& base) {
  StoriesResult result;
  // One story object ({id, title, steps}) is read as a list of one; its errors are then located in it
  // ("/steps/1/narration") rather than in the list.
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  const bool single = !j.is_discarded() && j.is_object() && j.contains("steps") && !j.contains("stories");
  const std::string wrapped = single ? nlohmann::json{{"stories", nlohmann::json::array({j})}}.dump() : std::string();
  const std::string_view read = single ? std::string_view(wrapped) : text;
  Corpus stories;
  std::vector<Diagnostic> itemErrors;
  Streamer s(stories, itemErrors, read.size(), false, &base);
  nlohmann::json::sax_parse(read.data(), read.data() + read.size(), &s);
  if (s.syntaxError) {
    s.stop();
    result.errors.push_back(syntaxDiagnostic(read, s));
    return result;
  }
  if (!s.topIsObject) {
    s.stop();
    result.errors.push_back({"", std::string("expected a story object {id, title, steps} or {\"stories\": [...]}, found ") +
                                     typeName(s.topType)});
    return result;
  }
  s.finish();
  const int at = static_cast<int>(Section::Stories);
  if (!s.sectionSeen[at]) result.errors.push_back({"", "expected a story object {id, title, steps} or {\"stories\": [...]}"});
  else if (s.sectionType[at] != JType::Array) result.errors.push_back({"/stories", std::string("expected an array, found ") + typeName(s.sectionType[at])});
  for (Diagnostic& d : itemErrors) {
    if (single && d.where.rfind("/stories/0", 0) == 0) d.where.erase(0, 10);
    result.errors.push_back(std::move(d));
  }
  if (result.errors.empty()) result.stories = std::move(stories.stories);
  return result;
}

}  // namespace nhsx
