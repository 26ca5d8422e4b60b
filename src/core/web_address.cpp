#include "core/web_address.h"

#include "core/text_util.h"

namespace nhsx {

bool isWebAddress(std::string_view url) {
  size_t rest;
  if (startsWithAnyCase(url, "https://")) rest = 8;
  else if (startsWithAnyCase(url, "http://")) rest = 7;
  else return false;
  if (rest >= url.size() || url[rest] == '/' || url[rest] == '?' || url[rest] == '#') return false;  // no host
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
  return true;
}

std::string websiteAddress(std::string_view written) {
  if (isWebAddress(written)) return std::string(written);
  // No scheme: a host of letters, digits, '-' and '.', with a dot in it, then a path or nothing.
  size_t host = 0;
  bool dot = false;
  while (host < written.size() && written[host] != '/' && written[host] != '?' && written[host] != '#') {
    const char c = written[host];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return {};
    dot = dot || c == '.';
    ++host;
  }
  if (!dot || host == 0 || written[0] == '.' || written[host - 1] == '.') return {};
  std::string url = "https://" + std::string(written);
  return isWebAddress(url) ? url : std::string();
}

}  // namespace nhsx
