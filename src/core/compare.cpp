#include "core/compare.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/app_state.h"
#include "core/edtf.h"
#include "core/names_at.h"
#include "core/time_filter.h"

namespace nhsx {
namespace {

bool existsAt(const Corpus& c, uint32_t e, int32_t day, const std::vector<int32_t>& published) {
  const Existence x = existenceAt(c.entities[e].date, day, published[e]);
  return x == Existence::Undated || x == Existence::Exists;
}

// The renaming, merger or succession leaving `e` that takes effect in (first, second], if any.
int successionBetween(const Corpus& c, uint32_t e, int32_t first, int32_t second) {
  const int renamed = relationTypeIndex("renamed-to"), merged = relationTypeIndex("merged-into"),
            succeeded = relationTypeIndex("succeeded-by");
  int best = -1;
  for (uint32_t k = c.outStart[e]; k < c.outStart[e + 1]; ++k) {
    const uint32_t r = c.outRel[k];
    const int t = c.relations[r].type;
    if (t != renamed && t != merged && t != succeeded) continue;
    const int32_t d = successionDay(c, r);
    if (d > first && d <= second && (best < 0 || d < successionDay(c, static_cast<uint32_t>(best)))) best = static_cast<int>(r);
  }
  return best;
}

}  // namespace

Comparison compareDates(const Corpus& c, int32_t a, int32_t b) {
  Comparison out;
  out.first = std::min(a, b);
  out.second = std::max(a, b);
  const std::vector<int32_t> published = publicationDays(c);
  const size_t n = c.entities.size();
  out.stateFirst.resize(n);
  out.stateSecond.resize(n);
  for (uint32_t e = 0; e < n; ++e) {
    out.stateFirst[e] = existsAt(c, e, out.first, published);
    out.stateSecond[e] = existsAt(c, e, out.second, published);
  }
  const int renamed = relationTypeIndex("renamed-to");
  std::vector<uint8_t> told(n, 0);  // the new name of a renaming is told with the old one
  for (uint32_t e = 0; e < n; ++e) {
    if (!out.stateFirst[e] || out.stateSecond[e]) continue;
    EntityChange ch;
    ch.entity = e;
    const Date& d = c.entities[e].date.value;
    if (d.interval && d.endBound == Bound::Date) ch.day = d.end.lastDay();
    const int r = successionBetween(c, e, out.first, out.second);
    if (r >= 0) {
      const Relation& rel = c.relations[static_cast<size_t>(r)];
      ch.to = static_cast<int32_t>(rel.to);
      ch.relation = static_cast<uint32_t>(r);
      ch.successionDay = successionDay(c, static_cast<uint32_t>(r));
      if (rel.type == renamed) {
        ch.kind = ChangeKind::Renamed;
        ch.day = successionDay(c, static_cast<uint32_t>(r));
        told[rel.to] = 1;
      }
    }
    out.entities.push_back(ch);
  }
  for (uint32_t e = 0; e < n; ++e) {
    if (out.stateFirst[e] || !out.stateSecond[e] || told[e]) continue;
    EntityChange ch;
    ch.kind = ChangeKind::Began;
    ch.entity = e;
    const Date& d = c.entities[e].date.value;
    if (d.startBound == Bound::Date) ch.day = std::min(d.start.firstDay(), published[e]);
    out.entities.push_back(ch);
  }
  std::stable_sort(out.entities.begin(), out.entities.end(), [](const EntityChange& x, const EntityChange& y) {
    if (x.day != y.day) return x.day < y.day;
    return x.entity < y.entity;
  });
  for (uint32_t r = 0; r < c.relations.size(); ++r) {
    const DateField& d = c.relations[r].date;
    if (!d.present()) continue;
    const bool atFirst = existenceAt(d, out.first) == Existence::Exists;
    const bool atSecond = existenceAt(d, out.second) == Existence::Exists;
    if (atFirst && !atSecond) out.relationsEnded.push_back(r);
    if (!atFirst && atSecond) out.relationsBegan.push_back(r);
  }
  return out;
}

std::string describeChange(const Corpus& c, const EntityChange& ch) {
  const Entity& e = c.entities[ch.entity];
  const Date& d = e.date.value;
  switch (ch.kind) {
    case ChangeKind::Renamed:
      return e.name + ": renamed " + c.entities[static_cast<size_t>(ch.to)].name +
             (ch.day == INT32_MIN ? "" : ", " + formatUkDay(ch.day));
    case ChangeKind::Began: {
      // A document that governs a later period began with its publication: say so, to the day.
      const bool fromDate = e.date.present() && d.startBound == Bound::Date && ch.day == d.start.firstDay();
      const std::string when = ch.day == INT32_MIN ? "" : fromDate ? formatUk(d.start) : formatUkDay(ch.day);
      if (when.empty()) return e.name + ": began";
      return e.name + (e.kind == Kind::Document ? ": published " : ": from ") + when;
    }
    case ChangeKind::Ended: {
      std::string s = e.name + ": ended";
      if (e.date.present() && d.interval && d.endBound == Bound::Date) s += " " + formatUk(d.end);
      if (ch.to >= 0) {
        s += ", " + std::string(relationTypes()[c.relations[ch.relation].type].label) + " " +
             c.entities[static_cast<size_t>(ch.to)].name;
        if (ch.successionDay != INT32_MIN && ch.successionDay != ch.day + 1) s += " on " + formatUkDay(ch.successionDay);
      }
      return s;
    }
  }
  return e.name;
}

std::vector<ComparePreset> comparePresets(const Corpus& c) {
  std::vector<ComparePreset> out;
  for (uint32_t e = 0; e < c.entities.size(); ++e) {
    const Entity& en = c.entities[e];
    if (en.type != "mandate" || !en.date.present() || en.date.value.startBound != Bound::Date) continue;
    const int32_t day = en.date.value.start.firstDay();
    out.push_back({day, e, formatUkDay(day) + ": " + en.name});
  }
  std::stable_sort(out.begin(), out.end(), [](const ComparePreset& a, const ComparePreset& b) { return a.day < b.day; });
  out.erase(std::unique(out.begin(), out.end(), [](const ComparePreset& a, const ComparePreset& b) { return a.day == b.day; }),
            out.end());
  return out;
}

std::vector<const Citation*> changeCitations(const Corpus& c, const EntityChange& ch) {
  std::vector<const Citation*> out;
  auto add = [&](const std::vector<Citation>& cs) {
    for (const Citation& x : cs) {
      const bool seen = std::any_of(out.begin(), out.end(), [&](const Citation* y) {
        return y->source == x.source && y->quote == x.quote;
      });
      if (!seen) out.push_back(&x);
    }
  };
  if (ch.entity < c.entities.size()) add(c.entities[ch.entity].citations);
  if (ch.relation < c.relations.size()) add(c.relations[ch.relation].citations);
  return out;
}

nlohmann::json comparisonJson(const Corpus& c, const Comparison& cmp) {
  static const char* kNames[] = {"ended", "began", "renamed"};
  nlohmann::json changes = nlohmann::json::array();
  for (const EntityChange& ch : cmp.entities) {
    const Entity& e = c.entities[ch.entity];
    nlohmann::json j = {{"change", kNames[static_cast<int>(ch.kind)]}, {"id", e.id}, {"name", e.name},
                        {"text", describeChange(c, ch)}};
    j["date"] = ch.day == INT32_MIN ? nlohmann::json() : nlohmann::json(isoDay(ch.day));
    if (ch.to >= 0) {
      j["to"] = c.entities[static_cast<size_t>(ch.to)].id;
      j["toName"] = c.entities[static_cast<size_t>(ch.to)].name;
      j["relation"] = c.relations[ch.relation].id;
    }
    nlohmann::json sources = nlohmann::json::array();
    for (const Citation* cit : changeCitations(c, ch)) {
      if (cit->source >= c.sources.size()) continue;
      const std::string& id = c.sources[cit->source].id;
      if (std::find(sources.begin(), sources.end(), id) == sources.end()) sources.push_back(id);
    }
    j["sources"] = std::move(sources);
    changes.push_back(std::move(j));
  }
  auto ids = [&](const std::vector<uint32_t>& rs) {
    nlohmann::json out = nlohmann::json::array();
    for (uint32_t r : rs) out.push_back(c.relations[r].id);
    return out;
  };
  return nlohmann::json{{"first", isoDay(cmp.first)}, {"second", isoDay(cmp.second)}, {"changes", std::move(changes)},
                        {"relationsEnded", ids(cmp.relationsEnded)}, {"relationsBegan", ids(cmp.relationsBegan)}};
}

std::string compareJson(const Corpus& c, std::string_view a, std::string_view b) {
  int32_t days[2];
  const std::string_view texts[2] = {a, b};
  for (int i = 0; i < 2; ++i) {
    const DateParse d = parseEdtf(texts[i]);
    if (!d.ok || d.date.interval || d.date.startBound != Bound::Date) {
      return nlohmann::json{{"error", "not a day, month or year: \"" + std::string(texts[i].substr(0, 40)) + "\""}}.dump();
    }
    days[i] = d.date.start.lastDay();  // a month or year as it stood at its end ("2013": 31 Dec 2013)
  }
  return comparisonJson(c, compareDates(c, days[0], days[1])).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace nhsx
