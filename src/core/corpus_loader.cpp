#include "core/corpus_loader.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace nhsx {

using json = nlohmann::json;

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

const char* typeName(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return "object";
    case json::value_t::array: return "array";
    case json::value_t::string: return "string";
    case json::value_t::boolean: return "boolean";
    case json::value_t::null: return "null";
    case json::value_t::discarded: return "nothing";
    default: return "number";
  }
}

std::string shown(const json& v) {
  if (!v.is_string()) return typeName(v);
  const std::string& s = v.get_ref<const std::string&>();
  if (s.size() <= 60) return "\"" + s + "\"";
  size_t cut = 57;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return "\"" + s.substr(0, cut) + "...\" (" + std::to_string(s.size()) + " bytes)";
}

bool validId(std::string_view s) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

class Reader {
 public:
  explicit Reader(std::vector<Diagnostic>& errors) : errors_(errors) {}

  void error(const Path& at, std::string message) { errorAt(at.str(), std::move(message)); }
  void errorAt(std::string where, std::string message) { errors_.push_back({std::move(where), std::move(message)}); }

  const json* field(const json& obj, const Path& at, const char* key, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) error(at, std::string("missing required field \"") + key + "\"");
      return nullptr;
    }
    return &*it;
  }

  bool expect(const json& v, const Path& at, json::value_t t, const char* what) {
    const bool ok = v.type() == t || (t == json::value_t::number_float && v.is_number());
    if (!ok) error(at, std::string("expected ") + what + ", found " + shown(v));
    return ok;
  }

  bool str(const json& obj, const Path& at, const char* key, std::string& out, bool required,
           bool nonEmpty = false) {
    const json* v = field(obj, at, key, required);
    if (!v) return false;
    const Path p = at.child(key);
    if (!expect(*v, p, json::value_t::string, "a string")) return false;
    out = v->get_ref<const std::string&>();
    if (nonEmpty && out.find_first_not_of(" \t\r\n") == std::string::npos) {
      error(p, "expected a non-empty string, found \"\"");
      return false;
    }
    return true;
  }

  void flag(const json& obj, const Path& at, const char* key, bool& out) {
    const json* v = field(obj, at, key, false);
    if (v && expect(*v, at.child(key), json::value_t::boolean, "true or false")) out = v->get<bool>();
  }

  void strings(const json& obj, const Path& at, const char* key, std::vector<std::string>& out) {
    const json* v = field(obj, at, key, false);
    if (!v) return;
    const Path p = at.child(key);
    if (!expect(*v, p, json::value_t::array, "an array of strings")) return;
    for (size_t i = 0; i < v->size(); ++i) {
      const json& s = (*v)[i];
      if (expect(s, p.at(i), json::value_t::string, "a string")) out.push_back(s.get<std::string>());
    }
  }

  void date(const json& obj, const Path& at, const char* key, DateField& out, bool required) {
    if (!str(obj, at, key, out.text, required)) { out.text.clear(); return; }
    DateParse r = parseEdtf(out.text);
    if (!r.ok) {
      error(at.child(key), "invalid EDTF date " + r.error);
      out.text.clear();
      return;
    }
    out.value = r.date;
    str(obj, at, "dateNote", out.note, false);
  }

  // One-of check for a string field with a fixed vocabulary.
  bool choice(const json& obj, const Path& at, const char* key, const std::vector<std::string_view>& allowed,
              std::string& out, bool required) {
    if (!str(obj, at, key, out, required)) return false;
    if (std::find(allowed.begin(), allowed.end(), out) != allowed.end()) return true;
    error(at.child(key), "expected one of " + joinChoices(allowed) + "; found \"" + out + "\"");
    return false;
  }

 private:
  std::vector<Diagnostic>& errors_;
};

class CorpusReader {
 public:
  CorpusReader(Corpus& c, std::vector<Diagnostic>& errors) : c_(c), r_(errors) {}

  void read(const json& doc) {
    const Path root;
    if (!r_.expect(doc, root, json::value_t::object, "a JSON object at the top level")) return;
    if (!readFormat(doc)) return;
    r_.str(doc, root, "title", c_.title, true, true);
    r_.str(doc, root, "description", c_.description, false);
    const json* sources = array(doc, "sources", true);
    const json* entities = array(doc, "entities", true);
    const json* relations = array(doc, "relations", false);
    const json* events = array(doc, "events", false);
    const json* stories = array(doc, "stories", false);
    // Ids first, so references may point forwards.
    const auto sourceFirst = collectIds(sources, "sources", sourceIds_);
    const auto entityFirst = collectIds(entities, "entities", entityIds_);
    const auto relationFirst = collectIds(relations, "relations", otherIds_);
    const auto eventFirst = collectIds(events, "events", otherIds_);
    const auto storyFirst = collectIds(stories, "stories", otherIds_);
    // Items with a missing or repeated id are still checked (every problem is reported) but not kept.
    each(sources, "sources", sourceFirst, [&](const json& o, const Path& p, bool keep) { readSource(o, p, keep); });
    each(entities, "entities", entityFirst, [&](const json& o, const Path& p, bool keep) { readEntity(o, p, keep); });
    each(relations, "relations", relationFirst,
         [&](const json& o, const Path& p, bool keep) { readRelation(o, p, keep); });
    each(events, "events", eventFirst, [&](const json& o, const Path& p, bool keep) { readEvent(o, p, keep); });
    each(stories, "stories", storyFirst, [&](const json& o, const Path& p, bool keep) { readStory(o, p, keep); });
    checkCycles();
  }

 private:
  bool readFormat(const json& doc) {
    const Path root;
    std::string f;
    if (!r_.str(doc, root, "format", f, true)) return false;
    const size_t dot = f.find('.');
    const std::string major = f.substr(0, dot);
    const bool numeric = !major.empty() && major.find_first_not_of("0123456789") == std::string::npos &&
                         dot != std::string::npos && dot + 1 < f.size();
    if (!numeric) {
      r_.error(root.child("format"), "expected a version \"MAJOR.MINOR\" such as \"1.0\", found \"" + f + "\"");
      return false;
    }
    if (major != "1") {
      r_.error(root.child("format"), "unsupported corpus format version " + f +
                                         " (major version " + major + "); this explorer reads version 1.x");
      return false;
    }
    c_.format = f;
    return true;
  }

  const json* array(const json& doc, const char* key, bool required) {
    const Path root;
    const json* v = r_.field(doc, root, key, required);
    if (!v) return nullptr;
    if (!r_.expect(*v, root.child(key), json::value_t::array, "an array")) return nullptr;
    return v;
  }

  template <class F> void each(const json* arr, const char* key, const std::vector<char>& keep, F&& f) {
    if (!arr) return;
    const Path root;
    const Path p = root.child(key);
    for (size_t i = 0; i < arr->size(); ++i) {
      const Path item = p.at(i);
      if (r_.expect((*arr)[i], item, json::value_t::object, "an object")) f((*arr)[i], item, keep[i] != 0);
    }
  }

  // Registers ids in one id space; the per-kind map gives dense indices in file order. Returns, per
  // item, whether it is the first holder of a well-formed id (and so is kept).
  std::vector<char> collectIds(const json* arr, const char* key, std::unordered_map<std::string, uint32_t>& into) {
    std::vector<char> first(arr ? arr->size() : 0, 0);
    if (!arr) return first;
    const Path root;
    const Path p = root.child(key);
    uint32_t next = 0;
    for (size_t i = 0; i < arr->size(); ++i) {
      const json& o = (*arr)[i];
      if (!o.is_object()) continue;
      auto it = o.find("id");
      if (it == o.end() || !it->is_string()) continue;  // reported when the item is read
      const std::string& id = it->get_ref<const std::string&>();
      const Path item = p.at(i);
      const Path at = item.child("id");
      if (!validId(id)) {
        r_.error(at, "expected an id of lower-case letters, digits and '-' starting with a letter; found \"" +
                         id + "\"");
      }
      auto [pos, fresh] = firstSeen_.emplace(id, at.str());
      if (!fresh) {
        r_.error(at, "duplicate id \"" + id + "\" (first used at " + pos->second + ")");
        continue;
      }
      into.emplace(id, next++);
      first[i] = 1;
    }
    return first;
  }

  // Resolves an entity reference; reports dangling ones.
  bool entityRef(const json& v, const Path& at, uint32_t& out) {
    if (!r_.expect(v, at, json::value_t::string, "an entity id")) return false;
    const std::string& id = v.get_ref<const std::string&>();
    auto it = entityIds_.find(id);
    if (it == entityIds_.end()) {
      r_.error(at, "unknown entity id \"" + id + "\"" + (sourceIds_.count(id) || otherIds_.count(id)
                                                             ? " (that id is not an entity)"
                                                             : ""));
      return false;
    }
    out = it->second;
    return true;
  }

  void citations(const json& o, const Path& at, std::vector<Citation>& out) {
    const json* v = r_.field(o, at, "citations", true);
    if (!v) return;
    const Path p = at.child("citations");
    if (!r_.expect(*v, p, json::value_t::array, "an array of citations")) return;
    if (v->empty()) {
      r_.error(p, "expected at least one citation, found none");
      return;
    }
    for (size_t i = 0; i < v->size(); ++i) {
      const json& c = (*v)[i];
      const Path cp = p.at(i);
      if (!r_.expect(c, cp, json::value_t::object, "a citation object {source, quote}")) continue;
      Citation cit;
      std::string src;
      if (!r_.str(c, cp, "source", src, true)) continue;
      auto it = sourceIds_.find(src);
      if (it == sourceIds_.end()) {
        r_.error(cp.child("source"), "unknown source \"" + src + "\" (not listed in /sources)");
        continue;
      }
      cit.source = it->second;
      r_.str(c, cp, "note", cit.note, false);
      const bool hasQuote = c.contains("quote");
      if (hasQuote && r_.str(c, cp, "quote", cit.quote, true)) {
        if (cit.quote.find_first_not_of(" \t\r\n") == std::string::npos) {
          r_.error(cp.child("quote"), "empty quote: a citation quotes its source verbatim");
          continue;
        }
      } else if (!hasQuote && !isExternal(src)) {
        r_.error(cp, "missing required field \"quote\" (only citations of external sources may omit it)");
        continue;
      } else if (!hasQuote && cit.note.empty()) {
        r_.error(cp, "a citation without a quote needs a \"note\" saying what the source supports");
        continue;
      }
      out.push_back(std::move(cit));
    }
  }

  bool isExternal(const std::string& sourceId) {
    auto it = externalSources_.find(sourceId);
    return it != externalSources_.end() && it->second;
  }

  void readSource(const json& o, const Path& at, bool keep) {
    Source s;
    r_.str(o, at, "id", s.id, true);
    r_.str(o, at, "title", s.title, true, true);
    r_.str(o, at, "publisher", s.publisher, true, true);
    r_.str(o, at, "url", s.url, false);
    r_.str(o, at, "seed", s.seed, false);
    r_.str(o, at, "note", s.note, false);
    r_.flag(o, at, "external", s.external);
    r_.date(o, at, "date", s.date, false);
    if (!keep) return;
    externalSources_[s.id] = s.external;
    c_.sources.push_back(std::move(s));
  }

  void readEntity(const json& o, const Path& at, bool keep) {
    Entity e;
    r_.str(o, at, "id", e.id, true);
    std::string kind;
    if (r_.str(o, at, "kind", kind, true) && !parseKind(kind, e.kind)) {
      std::vector<std::string_view> kinds;
      for (int k = 0; k < kKindCount; ++k) kinds.push_back(kindName(static_cast<Kind>(k)));
      r_.error(at.child("kind"), "expected one of " + joinChoices(kinds) + "; found \"" + kind + "\"");
    } else if (!kind.empty()) {
      r_.choice(o, at, "type", typesOfKind(e.kind), e.type, true);
    }
    r_.str(o, at, "name", e.name, true, true);
    r_.strings(o, at, "aliases", e.aliases);
    r_.str(o, at, "description", e.description, false);
    r_.date(o, at, "date", e.date, false);
    r_.flag(o, at, "collective", e.collective);
    if (const json* v = r_.field(o, at, "order", false)) {
      if (!v->is_number_integer() || v->get<int64_t>() < 0 || v->get<int64_t>() > 100000) {
        r_.error(at.child("order"), "expected a whole number from 0 to 100000, found " + shown(*v) +
                                        (v->is_number() ? " " + v->dump() : ""));
      } else {
        e.order = v->get<int>();
      }
    }
    readFigures(o, at, e.figures);
    citations(o, at, e.citations);
    if (keep) c_.entities.push_back(std::move(e));
  }

  void readFigures(const json& o, const Path& at, std::vector<Figure>& out) {
    const json* v = r_.field(o, at, "figures", false);
    if (!v) return;
    const Path p = at.child("figures");
    if (!r_.expect(*v, p, json::value_t::array, "an array of figures")) return;
    for (size_t i = 0; i < v->size(); ++i) {
      const json& f = (*v)[i];
      const Path fp = p.at(i);
      if (!r_.expect(f, fp, json::value_t::object, "a figure object")) continue;
      Figure fig;
      r_.str(f, fp, "label", fig.label, true, true);
      if (const json* val = r_.field(f, fp, "value", true)) {
        if (r_.expect(*val, fp.child("value"), json::value_t::number_float, "a number")) {
          fig.value = val->get<double>();
        }
      }
      if (f.contains("qualifier")) r_.choice(f, fp, "qualifier", figureQualifiers(), fig.qualifier, false);
      r_.str(f, fp, "unit", fig.unit, false);
      r_.date(f, fp, "date", fig.date, false);
      citations(f, fp, fig.citations);
      out.push_back(std::move(fig));
    }
  }

  void readRelation(const json& o, const Path& at, bool keep) {
    Relation rel;
    bool ok = r_.str(o, at, "id", rel.id, true);
    std::string type;
    if (r_.str(o, at, "type", type, true)) {
      rel.type = relationTypeIndex(type);
      if (rel.type < 0) {
        std::vector<std::string_view> ids;
        for (const RelationType& t : relationTypes()) ids.push_back(t.id);
        r_.error(at.child("type"), "unknown relation type \"" + type + "\"; expected one of " + joinChoices(ids));
        ok = false;
      }
    } else {
      ok = false;
    }
    const json* from = r_.field(o, at, "from", true);
    const json* to = r_.field(o, at, "to", true);
    ok = from && entityRef(*from, at.child("from"), rel.from) && ok;
    ok = to && entityRef(*to, at.child("to"), rel.to) && ok;
    r_.str(o, at, "role", rel.role, false);
    r_.str(o, at, "description", rel.description, false);
    r_.date(o, at, "date", rel.date, false);
    citations(o, at, rel.citations);
    if (ok && keep) {
      relationPaths_.push_back(at.str());
      c_.relations.push_back(std::move(rel));
    }
  }

  void readEvent(const json& o, const Path& at, bool keep) {
    Event ev;
    r_.str(o, at, "id", ev.id, true);
    r_.choice(o, at, "type", eventTypes(), ev.type, true);
    r_.str(o, at, "name", ev.name, true, true);
    r_.str(o, at, "description", ev.description, false);
    r_.date(o, at, "date", ev.date, true);
    if (const json* v = r_.field(o, at, "entities", true)) {
      const Path p = at.child("entities");
      if (r_.expect(*v, p, json::value_t::array, "an array of entity ids")) {
        if (v->empty()) r_.error(p, "expected at least one entity id, found none");
        for (size_t i = 0; i < v->size(); ++i) {
          uint32_t e;
          if (entityRef((*v)[i], p.at(i), e)) ev.entities.push_back(e);
        }
      }
    }
    citations(o, at, ev.citations);
    if (keep && ev.date.present()) c_.events.push_back(std::move(ev));
  }

  void readStory(const json& o, const Path& at, bool keep) {
    Story s;
    r_.str(o, at, "id", s.id, true);
    r_.str(o, at, "title", s.title, true, true);
    r_.str(o, at, "description", s.description, false);
    const json* steps = r_.field(o, at, "steps", true);
    const Path sp = at.child("steps");
    if (steps && r_.expect(*steps, sp, json::value_t::array, "an array of steps")) {
      for (size_t i = 0; i < steps->size(); ++i) {
        const json& st = (*steps)[i];
        const Path p = sp.at(i);
        if (!r_.expect(st, p, json::value_t::object, "a step object")) continue;
        StoryStep step;
        r_.str(st, p, "title", step.title, true, true);
        r_.str(st, p, "narration", step.narration, true, true);
        r_.str(st, p, "view", step.view, false);
        r_.date(st, p, "date", step.date, false);
        if (const json* f = r_.field(st, p, "focus", false)) {
          const Path fp = p.child("focus");
          if (r_.expect(*f, fp, json::value_t::array, "an array of entity ids")) {
            for (size_t k = 0; k < f->size(); ++k) {
              uint32_t e;
              if (entityRef((*f)[k], fp.at(k), e)) step.focus.push_back(e);
            }
          }
        }
        s.steps.push_back(std::move(step));
      }
    }
    if (keep) c_.stories.push_back(std::move(s));
  }

  // A body succeeded by itself, or a part containing itself, is an error: report each cycle once.
  void checkCycles() {
    const size_t n = c_.entities.size();
    for (size_t t = 0; t < relationTypes().size(); ++t) {
      if (!relationIsAcyclic(static_cast<int>(t))) continue;
      std::vector<std::vector<uint32_t>> out(n);  // relation indices
      bool any = false;
      for (uint32_t i = 0; i < c_.relations.size(); ++i) {
        const Relation& rel = c_.relations[i];
        if (rel.type == static_cast<int>(t) && rel.from < n && rel.to < n) { out[rel.from].push_back(i); any = true; }
      }
      if (!any) continue;
      std::vector<uint8_t> colour(n, 0);  // 0 new, 1 on stack, 2 done
      std::vector<std::pair<uint32_t, size_t>> stack;
      std::vector<uint32_t> viaRel(n, 0);
      for (uint32_t s = 0; s < n; ++s) {
        if (colour[s] || out[s].empty()) continue;
        stack.push_back({s, 0});
        colour[s] = 1;
        while (!stack.empty()) {
          auto& [v, next] = stack.back();
          if (next == out[v].size()) { colour[v] = 2; stack.pop_back(); continue; }
          const uint32_t ri = out[v][next++];
          const uint32_t w = c_.relations[ri].to;
          if (colour[w] == 1) { reportCycle(t, stack, w, ri); continue; }
          if (colour[w] == 0) { colour[w] = 1; viaRel[w] = ri; stack.push_back({w, 0}); }
        }
      }
    }
  }

  void reportCycle(size_t type, const std::vector<std::pair<uint32_t, size_t>>& stack, uint32_t w, uint32_t ri) {
    std::string chain;
    bool on = false;
    for (const auto& [v, unused] : stack) {
      on = on || v == w;
      if (on) chain += c_.entities[v].id + " \u2192 ";
    }
    chain += c_.entities[w].id;
    r_.errorAt(relationPaths_[ri], "cycle of \"" + std::string(relationTypes()[type].id) + "\" relations: " + chain);
  }

  Corpus& c_;
  Reader r_;
  std::unordered_map<std::string, uint32_t> sourceIds_, entityIds_, otherIds_;
  std::unordered_map<std::string, std::string> firstSeen_;
  std::unordered_map<std::string, bool> externalSources_;
  std::vector<std::string> relationPaths_;
};

}  // namespace

namespace {
// Builds the DOM like nlohmann's own SAX DOM parser but keeps the syntax error instead of throwing,
// so the loader works the same with and without C++ exceptions (the wasm build has none).
class DomBuilder {
 public:
  explicit DomBuilder(json& root) : dom_(root, false) {}
  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const std::string& s) { return dom_.number_float(v, s); }
  bool string(std::string& v) { return dom_.string(v); }
  bool binary(json::binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) { return dom_.start_object(n); }
  bool key(std::string& k) { return dom_.key(k); }
  bool end_object() { return dom_.end_object(); }
  bool start_array(std::size_t n) { return dom_.start_array(n); }
  bool end_array() { return dom_.end_array(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    failed = true;
    byte = position;
    message = ex.what();
    return false;
  }
  bool failed = false;
  std::size_t byte = 0;
  std::string message;

 private:
  nlohmann::detail::json_sax_dom_parser<json> dom_;
};
}  // namespace

LoadResult loadCorpus(std::string_view text) {
  LoadResult result;
  json doc;
  DomBuilder builder(doc);
  json::sax_parse(text.begin(), text.end(), &builder);
  if (builder.failed) {
    size_t line, column;
    lineColumn(text, builder.byte > 0 ? builder.byte - 1 : 0, line, column);
    const std::string& what = builder.message;
    const size_t p = what.find("column ");
    const size_t colon = p == std::string::npos ? std::string::npos : what.find(": ", p);
    std::string msg = colon == std::string::npos ? what : what.substr(colon + 2);
    result.errors.push_back({std::to_string(line) + ":" + std::to_string(column), "JSON syntax error: " + msg});
    return result;
  }
  CorpusReader reader(result.corpus, result.errors);
  reader.read(doc);
  if (result.ok()) result.corpus.buildIndex();
  return result;
}

}  // namespace nhsx
