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
// split into words, in any order; stop words ("who", "the", "of", ... see isStopWord) are left out unless
// the query is nothing else. An entity matches when every word matches a word of its text. A word
// matches a text word exactly; the last word may also be a prefix of one ("macm" finds Macmillan) unless
// the query ends with a space; words of 4-7 letters also match with one typo and words of 8 or more
// with two (substitution, insertion, deletion or swap of neighbours; words with digits must be exact).
// A query of four or more words (a question, say: "who sets NHS England priorities") also finds the
// entities with at least half of them (and at least two), after those with all, fewest missing first;
// so does one of three words that nothing has all of. Only the first 32 words count; a repeated word
// counts once.
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
  float score = 0;       // 7 - tier - 8 * missing: higher is better, for display; order by the list, not this
  SearchTier tier = SearchTier::Quote;    // of the words it has
  SearchField field = SearchField::Name;  // where the weakest word matched
  uint8_t missing = 0;   // words of the query it lacks (0 when it has them all)
};

// Hits are ordered by words missing, then tier, then degree (relations in and out, most first), then by
// folded name, then by entity index. Build once per corpus; query() is const and may be called from any
// thread.
// Words a search leaves out: articles, pronouns, question words, auxiliary verbs and prepositions
// ("who", "the", "is", "of" ...), given folded (lower case). Not "sets", "new" or "no": those carry meaning.
bool isStopWord(std::string_view foldedWord);

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
  // Entities with at least `need` of the words: worst is the code of their weakest word among those.
  std::vector<Candidate> gatherSome(const std::vector<WordMatch>* matches, size_t wordCount, size_t need,
                                    std::vector<uint8_t>& missing) const;
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
