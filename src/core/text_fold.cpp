#include "core/text_fold.h"

#include <cstdint>

namespace nhsx {

namespace {

// Base letters of U+00C0..U+00FF and U+0100..U+017F; ' ' breaks a word, '2' marks a two-letter fold.
constexpr char kLatin1[] = "aaaaaa2ceeeeiiiidnooooo ouuuuy22aaaaaa2ceeeeiiiidnooooo ouuuuy2y";
constexpr char kLatinExtA[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii22jjkkkllllllllllnnnnnnnnnoooooo22rrrrrrssssssss"
    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(sizeof kLatin1 == 65 && sizeof kLatinExtA == 129, "one letter per code point");

const char* twoLetters(uint32_t cp) {
  switch (cp) {
    case 0xC6: case 0xE6: return "ae";
    case 0xDE: case 0xFE: return "th";
    case 0xDF: return "ss";
    case 0x132: case 0x133: return "ij";
    default: return "oe";  // U+0152, U+0153
  }
}

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when it is invalid.
size_t decode(std::string_view s, size_t i, uint32_t& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  const size_t n = b >= 0xF5 ? 0 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  cp = b & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = cp << 6 | (c & 0x3F);
  }
  return n;
}
}  // namespace

std::string foldText(std::string_view text) {
  std::string out;
  foldText(text, out);
  return out;
}

void foldText(std::string_view text, std::string& out) {
  // Every output byte (a letter, or a break before one) uses up at least one input byte, so the
  // output fits in the input's length: write through a pointer, no growth checks.
  out.resize(text.size());
  char* const begin = out.empty() ? nullptr : &out[0];
  char* w = begin;
  bool pendingBreak = false;
  auto letter = [&](char c) {
    if (pendingBreak && w != begin) *w++ = ' ';
    pendingBreak = false;
    *w++ = c;
  };
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      ++i;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) letter(c);
      else if (c >= 'A' && c <= 'Z') letter(static_cast<char>(c - 'A' + 'a'));
      else if (c != '\'') pendingBreak = true;
      continue;
    }
    uint32_t cp = 0;
    const size_t n = decode(text, i, cp);
    if (n == 0) { ++i; pendingBreak = true; continue; }
    const char base = cp >= 0xC0 && cp < 0x100   ? kLatin1[cp - 0xC0]
                      : cp >= 0x100 && cp < 0x180 ? kLatinExtA[cp - 0x100]
                                                  : '\0';
    if (base == '2') {
      const char* two = twoLetters(cp);
      letter(two[0]);
      letter(two[1]);
    } else if (base == ' ') {
      pendingBreak = true;  // × ÷
    } else if (base) {
      letter(base);
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) {
      // apostrophes join
    } else if (cp < 0xC0 || (cp >= 0x2000 && cp < 0x2070) || cp == 0x3000) {
      pendingBreak = true;  // Latin-1 symbols, general punctuation, ideographic space
    } else {
      for (size_t k = 0; k < n; ++k) letter(text[i + k]);
    }
    i += n;
  }
  out.resize(static_cast<size_t>(w - begin));
}

}  // namespace nhsx
