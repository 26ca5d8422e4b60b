// SHA-256 (FIPS 180-4), for the fingerprints of the seed documents a corpus was modelled from.
#pragma once
#include <string>
#include <string_view>

namespace nhsx {

// The digest of `data` as 64 lower-case hexadecimal digits.
std::string sha256Hex(std::string_view data);

// True when `s` has the shape sha256Hex returns: 64 lower-case hexadecimal digits.
bool isSha256Hex(std::string_view s);

}  // namespace nhsx
