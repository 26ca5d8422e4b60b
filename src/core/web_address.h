// Source addresses open in a new tab only when they are web addresses: http or https, nothing else
// (no javascript:, data:, file: ...). The page checks again before it opens one (web/data-io.js).
#pragma once
#include <string_view>

namespace nhsx {

// "http://" or "https://" (any case) followed by a host, and no spaces or control characters.
bool isWebAddress(std::string_view url);

}  // namespace nhsx
