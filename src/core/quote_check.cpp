#include "core/quote_check.h"

namespace nhsx {

std::string collapseWhitespace(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  bool space = false;
  for (size_t i = 0; i < t.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) { ws = true; ++i; }
    if (ws) { space = true; continue; }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

namespace {
class QuoteChecker {
 public:
  QuoteChecker(const Corpus& c, const std::map<std::string, std::string>& seeds, MissingSeed missing)
      : c_(c), reportMissing_(missing == MissingSeed::Report) {
    for (const auto& [name, text] : seeds) normalised_[name] = collapseWhitespace(text);
  }

  void check(const std::vector<Citation>& cits, const std::string& at) {
    for (size_t i = 0; i < cits.size(); ++i) {
      const Source& s = c_.sources[cits[i].source];
      if (s.seed.empty()) continue;
      const std::string where = at + "/citations/" + std::to_string(i) + "/quote";
      auto it = normalised_.find(s.seed);
      if (it == normalised_.end()) {
        if (reportMissing_) errors.push_back({where, "seed document \"" + s.seed + "\" of source \"" + s.id + "\" was not found"});
        continue;
      }
      const std::string q = collapseWhitespace(cits[i].quote);
      if (q.empty() || it->second.find(q) == std::string::npos) {
        errors.push_back({where, "quote is not verbatim in " + s.seed + ": \"" + cits[i].quote + "\""});
      }
    }
  }

  std::vector<Diagnostic> errors;

 private:
  const Corpus& c_;
  bool reportMissing_;
  std::map<std::string, std::string> normalised_;
};
}  // namespace

std::vector<Diagnostic> checkQuotes(const Corpus& c, const std::map<std::string, std::string>& seeds,
                                    MissingSeed missing) {
  QuoteChecker q(c, seeds, missing);
  for (size_t i = 0; i < c.entities.size(); ++i) {
    const std::string at = "/entities/" + std::to_string(i);
    q.check(c.entities[i].citations, at);
    for (size_t f = 0; f < c.entities[i].figures.size(); ++f) {
      q.check(c.entities[i].figures[f].citations, at + "/figures/" + std::to_string(f));
    }
  }
  for (size_t i = 0; i < c.relations.size(); ++i) q.check(c.relations[i].citations, "/relations/" + std::to_string(i));
  for (size_t i = 0; i < c.events.size(); ++i) q.check(c.events[i].citations, "/events/" + std::to_string(i));
  for (size_t i = 0; i < c.stories.size(); ++i) {
    for (size_t k = 0; k < c.stories[i].steps.size(); ++k) {
      q.check(c.stories[i].steps[k].citations, "/stories/" + std::to_string(i) + "/steps/" + std::to_string(k));
    }
  }
  return std::move(q.errors);
}

}  // namespace nhsx
