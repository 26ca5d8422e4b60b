// Folding text for search: lower case, accents removed, punctuation turned into word breaks.
#pragma once
#include <string>
#include <string_view>

namespace nhsx {

// "Côte-d’Ivoire NHS  Trust" -> "cote divoire nhs trust". Rules:
//  - ASCII letters are lower-cased; digits kept.
//  - Latin-1 and Latin Extended-A letters fold to their base letters (é -> e, ß -> ss, Œ -> oe).
//  - Apostrophes (' ’ ‘ ʼ) are dropped, so "women’s", "women's" and "womens" are one word.
//  - Everything else in ASCII, Latin-1 symbols and general punctuation (— – “ ” …) breaks words.
//  - Other characters (Greek, CJK ...) are kept as they are, as letters.
//  - Invalid UTF-8 bytes break words.
// The result is the words joined by single spaces, with no leading or trailing space.
std::string foldText(std::string_view text);
// The same into `out` (replacing its content), reusing its memory: for folding many texts.
void foldText(std::string_view text, std::string& out);

}  // namespace nhsx
