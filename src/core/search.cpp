#include "core/search.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "core/text_fold.h"

namespace nhsx {

namespace {

constexpr size_t kMaxWords = 32;      // words after these are ignored
constexpr size_t kMaxFuzzyWord = 32;  // longer words match exactly or by prefix only

uint8_t bit(SearchField f) { return static_cast<uint8_t>(1u << static_cast<unsigned>(f)); }

// Calls f(word) for each space-separated word of folded text.
template <class F>
void forEachWord(std::string_view folded, F&& f) {
  while (!folded.empty()) {
    const size_t sp = folded.find(' ');
    f(folded.substr(0, sp));
    if (sp == std::string_view::npos) break;
    folded.remove_prefix(sp + 1);
  }
}

// A word's match in one entity, as one byte ordered best first: cost << 2 | field. Costs: 0 name,
// 1 alias, 2 name or alias with a typo, 3 description, 4 quote (SearchTier = cost + NameWords).
uint8_t matchCode(uint8_t fields, bool typo) {
  auto code = [](unsigned cost, SearchField f) { return static_cast<uint8_t>(cost << 2 | static_cast<unsigned>(f)); };
  if (fields & bit(SearchField::Name)) return typo ? code(2, SearchField::Name) : code(0, SearchField::Name);
  if (fields & bit(SearchField::Alias)) return typo ? code(2, SearchField::Alias) : code(1, SearchField::Alias);
  if (fields & bit(SearchField::Description)) return code(3, SearchField::Description);
  return code(4, SearchField::Quote);
}

// Sorted, for binary search.
constexpr std::string_view kStopWords[] = {
    "a",     "about", "am",   "an",    "and",   "are",   "as",    "at",    "be",    "been",  "being", "by",
    "can",   "could", "did",  "do",    "does",  "for",   "from",  "had",   "has",   "have",  "he",    "her",
    "his",   "how",   "i",    "in",    "into",  "is",    "it",    "its",   "me",    "my",    "of",    "on",
    "or",    "our",   "she",  "should", "than", "that",  "the",   "their", "them",  "then",  "there", "these",
    "they",  "this",  "those", "to",   "was",   "we",    "were",  "what",  "when",  "where", "which", "while",
    "who",   "whom",  "whose", "why",  "will",  "with",  "would", "you",   "your"};

int typoBudget(std::string_view word) {
  if (word.size() > kMaxFuzzyWord) return 0;
  if (std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
  return word.size() >= 8 ? 2 : word.size() >= 4 ? 1 : 0;
}
}  // namespace

bool isStopWord(std::string_view w) {
  return std::binary_search(std::begin(kStopWords), std::end(kStopWords), w);
}

void SearchIndex::build(const Corpus& c, bool relatedQuotes) {
  const size_t n = c.entities.size();
  // Intern every folded word; ids are first-seen order until the dictionary is sorted below.
  std::deque<std::string> store;
  std::unordered_map<std::string_view, uint32_t> ids;
  ids.reserve(n * 2 + 1024);
  auto intern = [&](std::string_view w) {
    auto it = ids.find(w);
    if (it != ids.end()) return it->second;
    store.emplace_back(w);
    const auto id = static_cast<uint32_t>(ids.size());
    ids.emplace(store.back(), id);
    return id;
  };
  std::string folded;
  auto tokenIds = [&](std::string_view text, std::vector<uint32_t>& out) {
    foldText(text, folded);
    forEachWord(folded, [&](std::string_view w) { out.push_back(intern(w)); });
  };

  // Quotes of relations and events, folded once, credited to each entity they touch.
  std::vector<uint32_t> relStart{0}, relTokens, evStart{0}, evTokens;
  for (const Relation& r : c.relations) {
    if (relatedQuotes)
      for (const Citation& ci : r.citations) tokenIds(ci.quote, relTokens);
    relStart.push_back(static_cast<uint32_t>(relTokens.size()));
  }
  std::vector<std::vector<uint32_t>> eventsOf(n);
  for (uint32_t v = 0; v < c.events.size() && relatedQuotes; ++v) {
    for (const Citation& ci : c.events[v].citations) tokenIds(ci.quote, evTokens);
    evStart.push_back(static_cast<uint32_t>(evTokens.size()));
    for (uint32_t e : c.events[v].entities) eventsOf[e].push_back(v);
  }

  // Per entity: its distinct tokens with the fields they occur in. lastSeen/slot dedupe in O(1).
  foldedName_.assign(n, {});
  std::vector<uint32_t> entStart{0}, entToken;
  std::vector<uint8_t> entFields;
  std::vector<uint32_t> lastSeen, slot, scratch;
  for (uint32_t e = 0; e < n; ++e) {
    const Entity& en = c.entities[e];
    auto add = [&](const std::vector<uint32_t>& toks, size_t from, size_t to, SearchField f) {
      for (size_t i = from; i < to; ++i) {
        const uint32_t t = toks[i];
        if (t >= lastSeen.size()) { lastSeen.resize(ids.size(), UINT32_MAX); slot.resize(ids.size()); }
        if (lastSeen[t] != e) {
          lastSeen[t] = e;
          slot[t] = static_cast<uint32_t>(entToken.size());
          entToken.push_back(t);
          entFields.push_back(0);
        }
        entFields[slot[t]] |= bit(f);
      }
    };
    auto addText = [&](std::string_view text, SearchField f) {
      scratch.clear();
      tokenIds(text, scratch);
      add(scratch, 0, scratch.size(), f);
    };
    foldedName_[e] = foldText(en.name);
    scratch.clear();
    forEachWord(foldedName_[e], [&](std::string_view w) { scratch.push_back(intern(w)); });
    add(scratch, 0, scratch.size(), SearchField::Name);
    for (const std::string& a : en.aliases) addText(a, SearchField::Alias);
    addText(en.description, SearchField::Description);
    for (const Citation& ci : en.citations) addText(ci.quote, SearchField::Quote);
    if (!c.outStart.empty()) {
      for (uint32_t i = c.outStart[e]; i < c.outStart[e + 1]; ++i)
        add(relTokens, relStart[c.outRel[i]], relStart[c.outRel[i] + 1], SearchField::Quote);
      for (uint32_t i = c.inStart[e]; i < c.inStart[e + 1]; ++i)
        add(relTokens, relStart[c.inRel[i]], relStart[c.inRel[i] + 1], SearchField::Quote);
    }
    for (uint32_t v : eventsOf[e]) add(evTokens, evStart[v], evStart[v + 1], SearchField::Quote);
    entStart.push_back(static_cast<uint32_t>(entToken.size()));
  }

  // Sort the dictionary and renumber tokens in that order.
  const size_t tokenCount = store.size();
  std::vector<uint32_t> order(tokenCount), newId(tokenCount);
  for (uint32_t t = 0; t < tokenCount; ++t) order[t] = t;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return store[a] < store[b]; });
  tokens_.clear();
  tokens_.reserve(tokenCount);
  maxTokenLength_ = 0;
  for (uint32_t i = 0; i < tokenCount; ++i) {
    newId[order[i]] = i;
    tokens_.push_back(std::move(store[order[i]]));
    maxTokenLength_ = std::max(maxTokenLength_, tokens_.back().size());
  }

  // Postings by token (counting sort): those in a name or alias first, up to titleEnd_, then the rest.
  const uint8_t titleBits = bit(SearchField::Name) | bit(SearchField::Alias);
  postStart_.assign(tokenCount + 1, 0);
  titleEnd_.assign(tokenCount, 0);
  for (size_t i = 0; i < entToken.size(); ++i) {
    ++postStart_[newId[entToken[i]] + 1];
    if (entFields[i] & titleBits) ++titleEnd_[newId[entToken[i]]];
  }
  for (size_t t = 0; t < tokenCount; ++t) postStart_[t + 1] += postStart_[t];
  postEntity_.assign(entToken.size(), 0);
  postFields_.assign(entToken.size(), 0);
  std::vector<uint32_t> fillTitle(postStart_.begin(), postStart_.end() - 1), fillRest(tokenCount);
  for (size_t t = 0; t < tokenCount; ++t) fillRest[t] = titleEnd_[t] += postStart_[t];
  for (uint32_t e = 0; e < n; ++e)
    for (uint32_t i = entStart[e]; i < entStart[e + 1]; ++i) {
      const uint32_t t = newId[entToken[i]];
      const uint32_t p = (entFields[i] & titleBits) ? fillTitle[t]++ : fillRest[t]++;
      postEntity_[p] = e;
      postFields_[p] = entFields[i];
    }

  degree_.assign(n, 0);
  if (!c.outStart.empty())
    for (uint32_t e = 0; e < n; ++e)
      degree_[e] = (c.outStart[e + 1] - c.outStart[e]) + (c.inStart[e + 1] - c.inStart[e]);
  byName_.resize(n);
  for (uint32_t e = 0; e < n; ++e) byName_[e] = e;
  std::sort(byName_.begin(), byName_.end(), [&](uint32_t a, uint32_t b) {
    const int cmp = foldedName_[a].compare(foldedName_[b]);
    return cmp != 0 ? cmp < 0 : a < b;
  });
  nameRank_.assign(n, 0);
  for (uint32_t i = 0; i < n; ++i) nameRank_[byName_[i]] = i;
}

// Tokens within maxDist edits (optimal string alignment: a swap of neighbours is one edit) of word,
// or in prefix mode tokens with such a prefix, found by walking the sorted dictionary as a trie and
// pruning a branch when no alignment can stay within maxDist. Exact matches are left to the caller:
// tokens in [skipLo, skipHi) (the exact prefix range) and distance 0 are not reported.
void SearchIndex::fuzzyWalk(std::string_view word, int maxDist, bool prefix, size_t skipLo, size_t skipHi,
                            std::vector<WordMatch>& out) const {
  const size_t m = word.size(), width = m + 1, maxDepth = m + static_cast<size_t>(maxDist);
  std::vector<int> rows(width * (maxDepth + 1));
  for (size_t j = 0; j <= m; ++j) rows[j] = static_cast<int>(j);
  auto emit = [&](size_t lo, size_t hi) {
    for (size_t t = lo; t < hi; ++t) out.push_back({static_cast<uint32_t>(t), true});
  };
  auto walk = [&](auto& self, size_t lo, size_t hi, size_t depth) -> void {
    const int* row = &rows[depth * width];
    if (prefix && row[m] <= maxDist) {
      // Every token below has a prefix within reach; the exact-prefix range is reported elsewhere.
      if (row[m] > 0) {
        emit(lo, std::min(hi, std::max(lo, skipLo)));
        emit(std::max(lo, skipHi), hi);
      }
      return;
    }
    if (tokens_[lo].size() == depth) {  // the token equal to this prefix sorts first
      if (!prefix && row[m] > 0 && row[m] <= maxDist) emit(lo, lo + 1);
      ++lo;
    }
    if (depth == maxDepth) return;
    int* cur = &rows[(depth + 1) * width];
    while (lo < hi) {
      const char ch = tokens_[lo][depth];
      const size_t end = static_cast<size_t>(
          std::partition_point(tokens_.begin() + static_cast<std::ptrdiff_t>(lo),
                               tokens_.begin() + static_cast<std::ptrdiff_t>(hi),
                               [&](const std::string& t) { return t[depth] == ch; }) -
          tokens_.begin());
      cur[0] = static_cast<int>(depth + 1);
      int best = cur[0];
      for (size_t j = 1; j <= m; ++j) {
        int v = std::min({row[j] + 1, cur[j - 1] + 1, row[j - 1] + (word[j - 1] == ch ? 0 : 1)});
        if (depth >= 1 && j >= 2 && ch == word[j - 2] && tokens_[lo][depth - 1] == word[j - 1])
          v = std::min(v, rows[(depth - 1) * width + j - 2] + 1);
        cur[j] = v;
        best = std::min(best, v);
      }
      if (best <= maxDist) self(self, lo, end, depth + 1);
      lo = end;
    }
  };
  if (!tokens_.empty()) walk(walk, 0, tokens_.size(), 0);
}

void SearchIndex::matchWord(std::string_view word, bool prefix, std::vector<WordMatch>& out) const {
  out.clear();
  const auto first = std::lower_bound(tokens_.begin(), tokens_.end(), word,
                                      [](const std::string& t, std::string_view w) { return t < w; });
  const size_t lo = static_cast<size_t>(first - tokens_.begin());
  size_t hi = lo;
  if (prefix) {  // the tokens starting with word follow each other from lo
    hi = static_cast<size_t>(std::partition_point(first, tokens_.end(), [&](const std::string& t) {
                               return t.compare(0, word.size(), word) == 0;
                             }) - tokens_.begin());
  } else if (hi < tokens_.size() && tokens_[hi] == word) {
    ++hi;
  }
  for (size_t t = lo; t < hi; ++t) out.push_back({static_cast<uint32_t>(t), false});
  if (const int d = typoBudget(word)) fuzzyWalk(word, d, prefix, lo, hi, out);
}

std::vector<SearchIndex::Candidate> SearchIndex::gather(const std::vector<WordMatch>* matches, size_t wordCount,
                                                        bool titlesOnly) const {
  std::vector<Candidate> cands;
  std::vector<uint8_t> wordBest(foldedName_.size(), 0xFF);
  std::vector<uint32_t> touched;
  for (size_t wi = 0; wi < wordCount; ++wi) {
    touched.clear();
    for (const WordMatch& mt : matches[wi]) {
      const uint32_t end = titlesOnly ? titleEnd_[mt.token] : postStart_[mt.token + 1];
      for (uint32_t p = postStart_[mt.token]; p < end; ++p) {
        const uint32_t e = postEntity_[p];
        const uint8_t code = matchCode(postFields_[p], mt.typo);
        if (wordBest[e] == 0xFF) touched.push_back(e);
        wordBest[e] = std::min(wordBest[e], code);
      }
    }
    if (wi == 0) {
      for (uint32_t e : touched) cands.push_back({e, wordBest[e]});
    } else {
      size_t kept = 0;
      for (const Candidate& cd : cands)
        if (wordBest[cd.entity] != 0xFF) cands[kept++] = {cd.entity, std::max(cd.worst, wordBest[cd.entity])};
      cands.resize(kept);
    }
    for (uint32_t e : touched) wordBest[e] = 0xFF;
    if (cands.empty()) break;
  }
  return cands;
}

std::vector<SearchIndex::Candidate> SearchIndex::gatherSome(const std::vector<WordMatch>* matches, size_t wordCount,
                                                            size_t need, std::vector<uint8_t>& missing) const {
  const size_t n = foldedName_.size();
  std::vector<uint8_t> wordBest(n, 0xFF), count(n, 0), worst(n, 0);
  std::vector<uint32_t> touched, any;
  for (size_t wi = 0; wi < wordCount; ++wi) {
    touched.clear();
    for (const WordMatch& mt : matches[wi])
      for (uint32_t p = postStart_[mt.token]; p < postStart_[mt.token + 1]; ++p) {
        const uint32_t e = postEntity_[p];
        if (wordBest[e] == 0xFF) touched.push_back(e);
        wordBest[e] = std::min(wordBest[e], matchCode(postFields_[p], mt.typo));
      }
    for (uint32_t e : touched) {
      if (count[e]++ == 0) any.push_back(e);
      worst[e] = std::max(worst[e], wordBest[e]);
      wordBest[e] = 0xFF;
    }
  }
  std::vector<Candidate> cands;
  missing.clear();
  for (uint32_t e : any)
    if (count[e] >= need) {
      cands.push_back({e, worst[e]});
      missing.push_back(static_cast<uint8_t>(wordCount - count[e]));
    }
  return cands;
}

std::vector<SearchHit> SearchIndex::query(std::string_view q, size_t limit) const {
  const std::string folded = foldText(q);
  if (folded.empty() || limit == 0) return {};
  // The last word is still being typed unless the query ends with a space.
  const bool lastIsPrefix = !(q.back() == ' ' || q.back() == '\t' || q.back() == '\n');
  std::vector<std::string_view> words;
  forEachWord(folded, [&](std::string_view w) {
    if (words.size() < kMaxWords) words.push_back(w);
  });
  // Stop words are left out, unless that leaves nothing (a search for "the" or "who" is still one).
  const bool allStop = std::all_of(words.begin(), words.end(), [](std::string_view w) { return isStopWord(w); });

  // Candidates: entities matching every word, with the code of their weakest word. A first pass reads
  // only postings in names and aliases; when that fills the limit, descriptions and quotes (which rank
  // lower and hold most postings) cannot change the result and are skipped.
  std::vector<WordMatch> matches[kMaxWords];
  std::vector<std::string_view> used;
  size_t wordCount = 0;
  bool everyWordFound = true;
  for (size_t wi = 0; wi < words.size(); ++wi) {
    if (!allStop && isStopWord(words[wi])) continue;
    const bool prefix = lastIsPrefix && wi + 1 == words.size();
    if (!prefix && std::find(used.begin(), used.end(), words[wi]) != used.end()) continue;  // a repeated word adds nothing
    used.push_back(words[wi]);
    matches[wordCount].clear();
    if (words[wi].size() <= maxTokenLength_ + 2) matchWord(words[wi], prefix, matches[wordCount]);  // else longer than any word it could match
    everyWordFound = everyWordFound && !matches[wordCount].empty();
    ++wordCount;
  }
  if (wordCount == 0) return {};
  // The query without its stop words, for the exact-name and name-prefix tiers ("the NHS England").
  std::string content;
  for (std::string_view w : used) content.append(content.empty() ? "" : " ").append(w);
  std::vector<Candidate> cands;
  std::vector<uint8_t> missing;  // per candidate, when not every word is needed
  if (everyWordFound) {
    cands = gather(matches, wordCount, true);
    if (cands.size() < limit) cands = gather(matches, wordCount, false);
  }
  // A question or a description (four words or more), or three words that nothing has together: what
  // has at least half of the words (and two) comes too, after what has them all.
  const bool partial = wordCount >= 4 || (cands.empty() && wordCount == 3);
  if (partial) cands = gatherSome(matches, wordCount, std::max<size_t>(2, (wordCount + 1) / 2), missing);
  if (cands.empty()) return {};

  // One sortable key per candidate: words missing (5 bits), tier (3 bits), degree inverted so most comes
  // first (22 bits), name rank (32 bits, unique per entity, so it settles every tie), and the field (2
  // bits, for the hit).
  constexpr uint64_t kDegreeMax = (1u << 22) - 1;
  std::vector<uint64_t> keys;
  keys.reserve(cands.size());
  for (size_t ci = 0; ci < cands.size(); ++ci) {
    const Candidate& cd = cands[ci];
    const uint64_t lacks = partial ? std::min<uint64_t>(missing[ci], 31) : 0;
    SearchTier tier = static_cast<SearchTier>((cd.worst >> 2) + static_cast<unsigned>(SearchTier::NameWords));
    if (tier == SearchTier::NameWords && !partial) {
      const std::string& name = foldedName_[cd.entity];
      auto startsName = [&](const std::string& q) {
        return name.compare(0, q.size(), q) == 0 && (lastIsPrefix || name[q.size()] == ' ');
      };
      if (name == folded || name == content) tier = SearchTier::ExactName;
      else if (startsName(folded) || startsName(content)) tier = SearchTier::NamePrefix;
    }
    const uint64_t degree = std::min<uint64_t>(degree_[cd.entity], kDegreeMax);
    keys.push_back(lacks << 59 | static_cast<uint64_t>(tier) << 56 | (kDegreeMax - degree) << 34 |
                   static_cast<uint64_t>(nameRank_[cd.entity]) << 2 | (cd.worst & 3u));
  }
  const size_t count = std::min(limit, keys.size());
  std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(count), keys.end());
  std::vector<SearchHit> hits(count);
  for (size_t i = 0; i < count; ++i) {
    const uint64_t k = keys[i];
    hits[i].entity = byName_[static_cast<uint32_t>(k >> 2)];
    hits[i].missing = static_cast<uint8_t>(k >> 59);
    hits[i].tier = static_cast<SearchTier>((k >> 56) & 7u);
    hits[i].score = 7.f - static_cast<float>(hits[i].tier) - 8.f * hits[i].missing;
    hits[i].field = static_cast<SearchField>(k & 3u);
  }
  return hits;
}

}  // namespace nhsx
