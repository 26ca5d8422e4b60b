// Small text helpers every part of core shares: the shape of an id, a prefix in any case, whole UTF-8
// characters when cutting, and a value quoted for a message.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace nhsx {

// Shape of an id (corpus-format.md): a lower-case letter, then lower-case letters, digits and '-'.
bool isValidId(std::string_view id);

// Whether s begins with `lower` (written in lower case) in any case of ASCII letters: "HTTP://x", "http://".
bool startsWithAnyCase(std::string_view s, std::string_view lower);

// The largest position <= i that is not inside a UTF-8 character (a cut there keeps characters whole).
size_t utf8Floor(std::string_view s, size_t i);

// A value as a message shows it, between `quote`s: whole when short; a longer one (a 50 MB value, say)
// cut to its first 57 bytes or so, at a whole character, with "..." and its size in bytes. escapeBytes
// shows control, non-ASCII, quote and backslash bytes as \xNN (for text that may be any bytes).
std::string quoteValue(std::string_view v, char quote = '"', bool escapeBytes = false);

}  // namespace nhsx
