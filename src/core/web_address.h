// Source addresses open in a new tab only when they are web addresses: http or https, nothing else
// (no javascript:, data:, file: ...). The page checks again before it opens one (web/data-io.js).
#pragma once
#include <string>
#include <string_view>

namespace nhsx {

// "http://" or "https://" (any case) followed by a host, and no spaces or control characters.
bool isWebAddress(std::string_view url);

// The address to open for a website as people write it in a sheet: "www.example.org" (or "example.org/x",
// a host with a dot and no scheme) as "https://…"; an http(s) address as it is. Empty when it is not a
// web address even so (javascript:, a bare word, spaces), so nothing else is ever opened.
std::string websiteAddress(std::string_view written);

}  // namespace nhsx
