// The URL hash that reopens what the user saw (deep links): "#v=1&view=graph&sel=org-nhs-england&...".
// The format, field by field, is in docs/deep-links.md; the keys, their grammars and their order come
// from the view state's field list (viewFields(), core/app_state.h), so this file knows no field by name
// except the version.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/app_state.h"
#include "core/filter.h"
#include "core/text_util.h"  // isValidId: ids in a link have the corpus's shape

namespace nhsx {

constexpr int kUrlStateVersion = 1;

// A link read without a corpus: each key it gives, as the canonical text written after "key=" (a known
// key's value checked against its grammar: "win" -> "2012-01-01~2016-01-01T18:00", "accent" -> "e0218a").
// Ids are only checked for their shape here: whether they exist in the loaded corpus is for the view
// fields to decide (core/view_link.h). A key that is not there is the field's default.
struct UrlState {
  std::map<std::string, std::string, std::less<>> fields;

  bool has(std::string_view key) const { return fields.find(key) != fields.end(); }
  const std::string& get(std::string_view key) const;  // "" when not there
  void set(std::string_view key, std::string text);     // an empty text removes the key
  bool operator==(const UrlState& o) const { return fields == o.fields; }
  bool operator!=(const UrlState& o) const { return !(*this == o); }
};

// "#v=1&view=graph&sel=..." with the keys in the fields' order and defaults (absent keys) left out.
std::string encodeUrlState(const UrlState& s);

// Reads a hash ("#..."), a query ("?...") or the bare "a=b&c=d" text. Never throws: unknown fields are
// skipped silently, a bad value of a known field is dropped and a warning (field, value, what was
// expected) appended to *warnings when given; the rest of the link still applies.
UrlState decodeUrlState(std::string_view hash, std::vector<std::string>* warnings = nullptr);

// The value grammars the view fields share (view_fields.cpp).
namespace link {
// Letters, digits, '-', '.', '_' stay; every other byte becomes %XX.
void appendEncoded(std::string& out, std::string_view v);
int hexDigit(char ch);
// "2014-07-28", or "2014-07-28T06:30" when the day has a fraction (kept to the minute).
std::string formatDay(double day);
// "YYYY", "YYYY-MM", "YYYY-MM-DD" and, when allowTime, "YYYY-MM-DDTHH:MM". A year or month stands for
// its first day, or its last when atEnd.
bool parseDay(std::string_view s, bool atEnd, bool allowTime, double& out);
// "FROM~TO" (or "FROM/TO").
bool splitRange(std::string_view s, std::string_view& from, std::string_view& to);
// Exactly `digits` decimal digits.
bool parseUint(std::string_view s, size_t digits, int& out);
}  // namespace link

}  // namespace nhsx
