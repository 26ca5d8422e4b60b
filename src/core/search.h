// Search over entity names, aliases, descriptions and cited quotes: folded, typo tolerant, ranked.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus.h"

namespace nhsx {

enum class SearchField : uint8_t { Name, Alias, Description, Quote };

// How well an entity matched, best first. The query is folded like the text (core/text_fold.h) and
// split into words; an entity matches when every word matches a word of its text. A word matches a
// text word exactly; the last word may also be a prefix of one ("macm" finds Macmillan) unless the
// query ends with a space; words of 4-7 letters also match with one typo and words of 8 or more with
// two (substitution, insertion, deletion or swap of neighbours; words with digits must be exact).
// Only the first 32 words count; a repeated word counts once.
// Each query word counts by where it matched best; the entity's tier is that of its weakest word:
enum class SearchTier : uint8_t {
  ExactName,    // the whole folded name is the query
  NamePrefix,   // the folded name starts with the query
  NameWords,    // every word is in the name
  Alias,        // every word is in the name or an alias, some only in an alias
  NameTypo,     // as above, some with a typo
  Description,  // some word only in the description
  Quote,        // some word only in a quote cited for the entity, its relations or its events
};

struct SearchHit {
  uint32_t entity = 0;
  float score = 0;       // 7 - tier: higher is better, for display; order by the list, not this
  SearchTier tier = SearchTier::Quote;
  SearchField field = SearchField::Name;  // where the weakest word matched
};

// Hits are ordered by tier, then by degree (relations in and out, most first), then by folded name,
// then by entity index. Build once per corpus; query() is const and may be called from any thread.
class SearchIndex {
 public:
  // relatedQuotes: also credit the quotes of each relation and event to the entities they involve
  // (about 60% of the build time on a generated corpus with five relations per entity).
  void build(const Corpus& corpus, bool relatedQuotes = true);
  std::vector<SearchHit> query(std::string_view q, size_t limit = 50) const;

  size_t tokenCount() const { return tokens_.size(); }
  size_t postingCount() const { return postEntity_.size(); }

 private:
  struct WordMatch {
    uint32_t token;
    bool typo;
  };
  struct Candidate {
    uint32_t entity;
    uint8_t worst;  // match code of its weakest word (search.cpp)
  };
  std::vector<Candidate> gather(const std::vector<WordMatch>* matches, size_t wordCount, bool titlesOnly) const;
  void matchWord(std::string_view word, bool prefix, std::vector<WordMatch>& out) const;
  void fuzzyWalk(std::string_view word, int maxDist, bool prefix, size_t skipLo, size_t skipHi,
                 std::vector<WordMatch>& out) const;

  std::vector<std::string> tokens_;      // sorted, unique folded words
  std::vector<uint32_t> postStart_;      // CSR: postings of token t are [postStart_[t], postStart_[t+1])
  std::vector<uint32_t> titleEnd_;       // per token: its postings in a name or alias end here
  std::vector<uint32_t> postEntity_;     // entity, ascending within a token
  std::vector<uint8_t> postFields_;      // bit per SearchField where the token occurs in that entity
  std::vector<std::string> foldedName_;  // per entity
  std::vector<uint32_t> degree_;         // per entity
  std::vector<uint32_t> nameRank_;       // per entity: position in folded-name order
  std::vector<uint32_t> byName_;         // entities in folded-name order (inverse of nameRank_)
  size_t maxTokenLength_ = 0;
};

}  // namespace nhsx
