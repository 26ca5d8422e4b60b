#include "core/corpus_gen.h"
#include "core/rng.h"

#include <cstdio>

#include "core/vocab.h"

namespace nhsx {

namespace {

void appendDate(std::string& out, Rng& r, bool span) {
  char buf[64];
  const int y = 1948 + static_cast<int>(r.below(78));
  const int m = 1 + static_cast<int>(r.below(12));
  const int d = 1 + static_cast<int>(r.below(28));
  switch (r.below(span ? 5 : 4)) {
    case 0: std::snprintf(buf, sizeof buf, "%04d", y); break;
    case 1: std::snprintf(buf, sizeof buf, "%04d-%02d", y, m); break;
    case 2: std::snprintf(buf, sizeof buf, "%04d-%02d~", y, m); break;
    case 3: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d); break;
    default: std::snprintf(buf, sizeof buf, "%04d/%04d", y, y + 1 + static_cast<int>(r.below(20))); break;
  }
  out += buf;
}

const char* const kWords[] = {"Health", "Care", "Trust", "Partnership", "Community", "Mental", "Cancer",
                              "Primary", "Network", "Foundation", "Regional", "Hospital", "Charity",
                              "Support", "Digital", "Prevention"};

// Words up to about `length` bytes (+-30%), so generated text has the field lengths of the bundled
// corpus (names ~32 bytes, descriptions ~100, quotes ~90) and benchmarks see realistic items.
void appendWords(std::string& s, Rng& r, size_t length) {
  const size_t target = length * 7 / 10 + r.below(static_cast<uint32_t>(length * 6 / 10 + 1));
  for (size_t n = 0; n < target;) {
    const char* w = kWords[r.below(16)];
    if (n) { s += ' '; ++n; }
    s += w;
    n += std::char_traits<char>::length(w);
  }
}

void appendCitation(std::string& s, Rng& r, size_t quoteLength) {
  s += "{\"source\": \"src-gen\", \"quote\": \"";
  appendWords(s, r, quoteLength);
  s += "\"}";
}
}  // namespace

std::string generateCorpus(const GenOptions& o) {
  Rng r{o.seed};
  std::string s;
  s.reserve(static_cast<size_t>(o.entities) * 560 + static_cast<size_t>(o.relations) * 300 +
            static_cast<size_t>(o.events) * 260 + 4096);
  s += "{\n\"format\": \"1.0\",\n\"title\": \"Generated corpus\",\n";
  s += "\"sources\": [{\"id\": \"src-gen\", \"title\": \"Generated\", \"publisher\": \"corpus-gen\", "
       "\"external\": true}],\n\"entities\": [\n";
  for (uint32_t i = 0; i < o.entities; ++i) {
    const Kind k = static_cast<Kind>(r.below(kKindCount));
    const auto& types = typesOfKind(k);
    s += i ? ",\n" : "";
    s += "{\"id\": \"e" + std::to_string(i) + "\", \"kind\": \"" + std::string(kindName(k)) + "\", \"type\": \"" +
         std::string(types[r.below(static_cast<uint32_t>(types.size()))]) + "\", \"name\": \"";
    appendWords(s, r, 26);
    s += " " + std::to_string(i) + "\", \"aliases\": [\"E" + std::to_string(i) + "\"], \"description\": \"";
    appendWords(s, r, 100);
    s += '"';
    if (r.below(10) < 8) { s += ", \"date\": \""; appendDate(s, r, true); s += '"'; }
    s += ", \"citations\": [";
    appendCitation(s, r, 90);
    if (r.below(100) < 38) { s += ", "; appendCitation(s, r, 90); }
    s += "]}";
  }
  s += "\n],\n\"relations\": [\n";
  const auto& rt = relationTypes();
  for (uint32_t i = 0; i < o.relations && o.entities > 0; ++i) {
    s += i ? ",\n" : "";
    // Acyclic relation types would make random graphs invalid; use the others only.
    int t;
    do t = static_cast<int>(r.below(static_cast<uint32_t>(rt.size()))); while (relationIsAcyclic(t));
    s += "{\"id\": \"r" + std::to_string(i) + "\", \"type\": \"" + std::string(rt[static_cast<size_t>(t)].id) +
         "\", \"from\": \"e" + std::to_string(r.below(o.entities)) + "\", \"to\": \"e" +
         std::to_string(r.below(o.entities)) + "\"";
    if (r.below(4) == 0) { s += ", \"date\": \""; appendDate(s, r, false); s += '"'; }
    if (r.below(100) < 13) { s += ", \"role\": \""; appendWords(s, r, 20); s += '"'; }
    s += ", \"citations\": [";
    appendCitation(s, r, 85);
    s += "]}";
  }
  s += "\n],\n\"events\": [\n";
  for (uint32_t i = 0; i < o.events && o.entities > 0; ++i) {
    s += i ? ",\n" : "";
    s += "{\"id\": \"v" + std::to_string(i) + "\", \"type\": \"publication\", \"name\": \"Event " +
         std::to_string(i) + "\", \"date\": \"";
    appendDate(s, r, false);
    s += "\", \"entities\": [\"e" + std::to_string(r.below(o.entities)) +
         "\"], \"citations\": [";
    appendCitation(s, r, 85);
    s += "]}";
  }
  s += "\n]\n}\n";
  return s;
}

}  // namespace nhsx
