#include "core/text_util.h"

#include <algorithm>
#include <cstdio>

namespace nhsx {

bool startsWithAnyCase(std::string_view s, std::string_view lower) {
  if (s.size() < lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    const char c = s[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != lower[i]) return false;
  }
  return true;
}

bool isValidId(std::string_view id) {
  if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'; });
}

size_t utf8Floor(std::string_view s, size_t i) {
  i = std::min(i, s.size());
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

std::string quoteValue(std::string_view v, char quote, bool escapeBytes) {
  constexpr size_t kWhole = 60, kCut = 57;
  const bool cut = v.size() > kWhole;
  const std::string_view shown = cut ? v.substr(0, utf8Floor(v, kCut)) : v;
  std::string s(1, quote);
  for (const char c : shown) {
    const unsigned char ch = static_cast<unsigned char>(c);
    if (escapeBytes && (ch < 0x20 || ch >= 0x7f || c == quote || c == '\\')) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", ch);
      s += buf;
    } else {
      s += c;
    }
  }
  if (!cut) return s + quote;
  return s + "..." + quote + " (" + std::to_string(v.size()) + " bytes)";
}

}  // namespace nhsx
