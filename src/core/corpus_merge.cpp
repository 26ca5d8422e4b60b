#include "core/corpus_merge.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/sheet_words.h"

namespace nhsx {

std::vector<RelationCycle> findRelationCycles(const Corpus& c, size_t limit) {
  std::vector<RelationCycle> found;
  const size_t n = c.entities.size();
  for (size_t t = 0; t < relationTypes().size() && found.size() < limit; ++t) {
    if (!relationIsAcyclic(static_cast<int>(t))) continue;
    // Out-edges of this type, in compressed rows.
    std::vector<uint32_t> start(n + 1, 0), edges;
    size_t count = 0;
    for (const Relation& r : c.relations) {
      if (r.type == static_cast<int>(t) && r.from < n && r.to < n) { ++start[r.from + 1]; ++count; }
    }
    if (count == 0) continue;
    for (size_t i = 0; i < n; ++i) start[i + 1] += start[i];
    edges.resize(start[n]);
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (uint32_t i = 0; i < c.relations.size(); ++i) {
      const Relation& r = c.relations[i];
      if (r.type == static_cast<int>(t) && r.from < n && r.to < n) edges[fill[r.from]++] = i;
    }
    // Iterative depth-first search; an edge to a node on the stack closes a cycle.
    std::vector<uint8_t> colour(n, 0);  // 0 new, 1 on the stack, 2 done
    std::vector<uint32_t> depth(n, 0);
    struct Frame {
      uint32_t node, next, via;  // via: the relation that reached this node
    };
    std::vector<Frame> stack;
    for (uint32_t s = 0; s < n && found.size() < limit; ++s) {
      if (colour[s] || start[s] == start[s + 1]) continue;
      colour[s] = 1;
      stack.push_back({s, start[s], UINT32_MAX});
      while (!stack.empty()) {
        Frame& f = stack.back();
        if (f.next == start[f.node + 1]) {
          colour[f.node] = 2;
          stack.pop_back();
          continue;
        }
        const uint32_t ri = edges[f.next++];
        const uint32_t w = c.relations[ri].to;
        if (colour[w] == 1) {
          if (found.size() < limit) {
            RelationCycle cyc;
            cyc.type = static_cast<int>(t);
            for (size_t k = depth[w] + 1; k < stack.size(); ++k) cyc.relations.push_back(stack[k].via);
            cyc.relations.push_back(ri);
            found.push_back(std::move(cyc));
          }
          continue;
        }
        if (colour[w] == 0) {
          colour[w] = 1;
          depth[w] = static_cast<uint32_t>(stack.size());
          stack.push_back({w, start[w], ri});
        }
      }
    }
  }
  return found;
}

std::string describeCycle(const Corpus& c, const RelationCycle& cycle) {
  constexpr size_t kEnds = 4;
  const size_t len = cycle.relations.size();
  std::string s;
  for (size_t i = 0; i < len; ++i) {
    if (len > 2 * kEnds + 1 && i == kEnds) {
      s += "\u2026 (" + std::to_string(len - 2 * kEnds) + " more) \u2192 ";
      i = len - kEnds - 1;
      continue;
    }
    s += briefText(c.entities[c.relations[cycle.relations[i]].from].name) + " \u2192 ";
  }
  if (len) s += briefText(c.entities[c.relations[cycle.relations[0]].from].name);
  return s;
}

namespace {

class Merger {
 public:
  // With `steal`, the extra corpus's items are moved into the result rather than copied (each is read
  // before it is moved).
  Merger(const Corpus& base, const Corpus& extra, const MergeOptions& o, Corpus* steal = nullptr)
      : b_(base), x_(extra), opt_(o), steal_(steal) {}

  MergeResult run() {
    Corpus& m = out_.corpus;
    m.format = b_.format.empty() ? "1.0" : b_.format;
    m.title = b_.title;
    m.description = b_.description;
    m.sources = b_.sources;
    m.entities = b_.entities;
    m.relations = b_.relations;
    m.events = b_.events;
    m.stories = b_.stories;
    for (const Source& s : b_.sources) ids_.insert(s.id);
    for (const Entity& e : b_.entities) ids_.insert(e.id);
    for (const Relation& r : b_.relations) ids_.insert(r.id);
    for (const Event& e : b_.events) ids_.insert(e.id);
    for (const Story& s : b_.stories) ids_.insert(s.id);
    indexBase();
    sources();
    entities();
    relations();
    eventsAndStories();
    cycles();
    if (out_.ok()) m.buildIndex();
    else out_.corpus = Corpus{};
    return std::move(out_);
  }

 private:
  std::string entityWhere(size_t i) const {
    return opt_.entityWhere && i < opt_.entityWhere->size() && !(*opt_.entityWhere)[i].empty()
               ? (*opt_.entityWhere)[i]
               : "";
  }
  std::string relationWhere(size_t i) const {
    return opt_.relationWhere && i < opt_.relationWhere->size() ? (*opt_.relationWhere)[i] : "";
  }

  std::string uniqueId(const std::string& id) {
    if (ids_.insert(id).second) return id;
    size_t& n = suffix_[id];
    if (n < 2) n = 2;
    std::string next;
    do next = id + "-" + std::to_string(n++);
    while (ids_.count(next));
    ids_.insert(next);
    ++out_.renamedIds;
    return next;
  }

  void indexBase() {
    for (uint32_t i = 0; i < b_.entities.size(); ++i) {
      const Entity& e = b_.entities[i];
      byId_.emplace(e.id, i);
      names_[matchKey(e.name)].push_back(i);
      for (const std::string& a : e.aliases) aliases_[matchKey(a)].push_back(i);
      if (!e.shortName.empty()) aliases_[matchKey(e.shortName)].push_back(i);
    }
    for (auto* m : {&names_, &aliases_}) {
      for (auto& [k, v] : *m) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
      }
    }
    for (uint32_t i = 0; i < b_.sources.size(); ++i) {
      sourceById_.emplace(b_.sources[i].id, i);
      if (!b_.sources[i].url.empty()) sourceByUrl_.emplace(b_.sources[i].url, i);
    }
  }

  // Sources: the base's own (same id and title, or same address) are shared; the others are added.
  void sources() {
    Corpus& m = out_.corpus;
    sourceMap_.resize(x_.sources.size());
    for (size_t i = 0; i < x_.sources.size(); ++i) {
      const Source& s = x_.sources[i];
      auto same = sourceById_.find(s.id);
      if (same != sourceById_.end() && b_.sources[same->second].title == s.title &&
          b_.sources[same->second].url == s.url) {
        sourceMap_[i] = same->second;
        continue;
      }
      if (!s.url.empty()) {
        auto byUrl = sourceByUrl_.find(s.url);
        if (byUrl != sourceByUrl_.end()) {
          sourceMap_[i] = byUrl->second;
          continue;
        }
      }
      Source copy = s;
      copy.id = uniqueId(s.id.empty() ? "src-extra" : s.id);
      sourceMap_[i] = static_cast<uint32_t>(m.sources.size());
      m.sources.push_back(std::move(copy));
      ++out_.addedSources;
    }
  }

  void remap(std::vector<Citation>& cits) {
    for (Citation& c : cits) c.source = c.source < sourceMap_.size() ? sourceMap_[c.source] : 0;
  }

  // The one base entity an extra entity is, or -1 (after a warning when it matches several).
  int64_t match(size_t i, std::string& how) {
    const Entity& e = x_.entities[i];
    auto byId = byId_.find(e.id);
    const std::string nameKey = matchKey(e.name);
    if (byId != byId_.end()) {
      const Entity& be = b_.entities[byId->second];
      bool sameName = !e.own || matchKey(be.name) == nameKey;
      for (const std::string& a : be.aliases) sameName = sameName || matchKey(a) == nameKey;
      if (sameName) {
        how = "by id";
        return byId->second;
      }
    }
    std::vector<std::string> keys{nameKey};
    for (const std::string& a : e.aliases) keys.push_back(matchKey(a));
    for (int tier = 0; tier < 2; ++tier) {
      std::vector<uint32_t> found;
      for (const std::string& k : keys) {
        if (k.empty()) continue;
        auto& table = tier == 0 ? names_ : aliases_;
        auto it = table.find(k);
        if (it == table.end()) continue;
        for (uint32_t b : it->second) {
          if (b_.entities[b].kind == e.kind || e.kind == Kind::Organisation || b_.entities[b].kind == Kind::Organisation) {
            if (std::find(found.begin(), found.end(), b) == found.end()) found.push_back(b);
          }
        }
        if (!found.empty()) break;  // the name before the aliases
      }
      if (found.size() == 1) {
        how = tier == 0 ? "by name" : "by alias";
        return found[0];
      }
      if (found.size() > 1) {
        std::string cands;
        for (size_t k = 0; k < found.size() && k < 5; ++k) {
          cands += (k ? "; " : "") + briefText(b_.entities[found[k]].name) + " (" + briefText(b_.entities[found[k]].id) + ")";
        }
        const std::string where = entityWhere(i);
        out_.warnings.push_back({where, "\"" + briefText(e.name) + "\" matches " + std::to_string(found.size()) +
                                            " entities on the map: " + cands + "; added as a new one"});
        return -1;
      }
    }
    return -1;
  }

  void entities() {
    Corpus& m = out_.corpus;
    out_.entityIndex.resize(x_.entities.size());
    for (size_t i = 0; i < x_.entities.size(); ++i) {
      const Entity& e = x_.entities[i];
      std::string how;
      const int64_t b = match(i, how);
      if (b >= 0) {
        // That entity: what the user's row adds (fields, an address, citations), the rest as the map has it.
        Entity& into = m.entities[static_cast<size_t>(b)];
        for (const Field& f : e.fields) {
          if (std::find(into.fields.begin(), into.fields.end(), f) == into.fields.end()) into.fields.push_back(f);
        }
        if (into.url.empty()) into.url = e.url;
        if (e.own) {
          std::vector<Citation> cits = e.citations;
          remap(cits);
          for (Citation& c : cits) {
            const bool have = std::any_of(into.citations.begin(), into.citations.end(), [&](const Citation& o) {
              return o.source == c.source && o.quote == c.quote && o.note == c.note;
            });
            if (!have) into.citations.push_back(std::move(c));
          }
        }
        out_.entityIndex[i] = static_cast<uint32_t>(b);
        out_.joins.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(b), how});
        continue;
      }
      const std::string id = uniqueId(e.id.empty() ? std::string(idPrefix(e.kind)) + "-extra" : e.id);
      if (id != e.id && !e.id.empty()) {
        const int taken = b_.findEntity(e.id);
        out_.warnings.push_back({entityWhere(i), "the id \"" + briefText(e.id) + "\" of \"" + briefText(e.name) + "\" is taken on the map" +
                                                     (taken >= 0 ? " by \"" + briefText(b_.entities[static_cast<size_t>(taken)].name) + "\"" : "") +
                                                     ": it is \"" + id + "\" there"});
      }
      Entity copy = steal_ ? std::move(steal_->entities[i]) : e;
      copy.id = id;
      if (opt_.markOwn) copy.own = true;
      remap(copy.citations);
      for (Figure& f : copy.figures) remap(f.citations);
      out_.entityIndex[i] = static_cast<uint32_t>(m.entities.size());
      m.entities.push_back(std::move(copy));
      ++out_.addedEntities;
    }
  }

  void relations() {
    Corpus& m = out_.corpus;
    out_.relationIndex.assign(x_.relations.size(), -1);
    std::unordered_map<std::string_view, uint32_t> baseRel;
    for (uint32_t i = 0; i < b_.relations.size(); ++i) baseRel.emplace(b_.relations[i].id, i);
    for (size_t i = 0; i < x_.relations.size(); ++i) {
      const Relation& r = x_.relations[i];
      if (r.from >= x_.entities.size() || r.to >= x_.entities.size()) continue;
      const uint32_t from = out_.entityIndex[r.from], to = out_.entityIndex[r.to];
      // A map relation brought along (not the user's): the base's own.
      if (!r.own) {
        auto it = baseRel.find(r.id);
        if (it != baseRel.end()) {
          const Relation& br = b_.relations[it->second];
          if (br.from == from && br.to == to && br.type == r.type) {
            out_.relationIndex[i] = static_cast<int32_t>(it->second);
            continue;
          }
        }
      }
      const std::string id = uniqueId(r.id.empty() ? "rel-extra" : r.id);
      Relation copy = steal_ ? std::move(steal_->relations[i]) : r;
      copy.from = from;
      copy.to = to;
      copy.id = id;
      if (opt_.markOwn) copy.own = true;
      remap(copy.citations);
      relationWhere_.push_back(relationWhere(i));
      out_.relationIndex[i] = static_cast<int32_t>(m.relations.size());
      m.relations.push_back(std::move(copy));
      ++out_.addedRelations;
    }
  }

  void eventsAndStories() {
    Corpus& m = out_.corpus;
    std::unordered_set<std::string_view> baseEvents;
    for (const Event& e : b_.events) baseEvents.insert(e.id);
    for (const Event& ev : x_.events) {
      Event copy = ev;
      bool inRange = true;
      for (uint32_t& e : copy.entities) {
        if (e >= out_.entityIndex.size()) { inRange = false; break; }
        e = out_.entityIndex[e];
      }
      if (!inRange) continue;
      if (baseEvents.count(ev.id)) {
        // The same id on both: the base's event unless it names other entities.
        const Event* be = nullptr;
        for (const Event& b : b_.events) if (b.id == ev.id) { be = &b; break; }
        if (be && be->entities == copy.entities) continue;
      }
      copy.id = uniqueId(ev.id.empty() ? "ev-extra" : ev.id);
      remap(copy.citations);
      m.events.push_back(std::move(copy));
      ++out_.addedEvents;
    }
    for (const Story& st : x_.stories) {
      Story copy = st;
      copy.id = uniqueId(st.id.empty() ? "story-extra" : st.id);
      bool inRange = true;
      for (StoryStep& step : copy.steps) {
        for (uint32_t& e : step.focus) {
          if (e >= out_.entityIndex.size()) { inRange = false; break; }
          e = out_.entityIndex[e];
        }
        remap(step.citations);
      }
      if (inRange) m.stories.push_back(std::move(copy));
    }
  }

  // The base has none; a cycle now runs through an added relation.
  void cycles() {
    const Corpus& m = out_.corpus;
    if (out_.addedRelations == 0) return;
    const size_t firstAdded = b_.relations.size();
    for (const RelationCycle& cyc : findRelationCycles(m, 25)) {
      std::string where;
      for (uint32_t r : cyc.relations) {
        if (r >= firstAdded && r - firstAdded < relationWhere_.size() && !relationWhere_[r - firstAdded].empty()) {
          where = relationWhere_[r - firstAdded];
          break;
        }
      }
      if (where.empty()) {
        for (uint32_t r : cyc.relations) {
          if (r >= firstAdded) { where = "relation " + m.relations[r].id; break; }
        }
      }
      out_.errors.push_back({where, "with the map, a cycle of \"" +
                                        std::string(relationTypes()[static_cast<size_t>(cyc.type)].id) +
                                        "\" relations (a body cannot follow or contain itself): " + describeCycle(m, cyc)});
    }
  }

  const Corpus& b_;
  const Corpus& x_;
  const MergeOptions& opt_;
  Corpus* steal_;
  MergeResult out_;
  std::unordered_set<std::string> ids_;
  std::unordered_map<std::string, size_t> suffix_;
  std::unordered_map<std::string_view, uint32_t> byId_, sourceById_, sourceByUrl_;
  std::unordered_map<std::string, std::vector<uint32_t>> names_, aliases_;
  std::vector<uint32_t> sourceMap_;
  std::vector<std::string> relationWhere_;  // of the added relations, in order
};

}  // namespace

MergeResult mergeCorpus(const Corpus& base, const Corpus& extra, const MergeOptions& options) {
  return Merger(base, extra, options).run();
}

MergeResult mergeImport(const Corpus& base, const SheetImportResult& imported) {
  MergeOptions o;
  o.entityWhere = &imported.entityWhere;
  o.relationWhere = &imported.relationWhere;
  return mergeCorpus(base, imported.corpus, o);
}

MergeResult mergeImport(const Corpus& base, SheetImportResult&& imported) {
  MergeOptions o;
  o.entityWhere = &imported.entityWhere;
  o.relationWhere = &imported.relationWhere;
  MergeResult m = Merger(base, imported.corpus, o, &imported.corpus).run();
  imported.corpus = Corpus{};  // its items were moved
  return m;
}

}  // namespace nhsx
