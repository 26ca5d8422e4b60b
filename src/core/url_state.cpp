#include "core/url_state.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nhsx {

namespace {
constexpr size_t kMaxValueBytes = 64 * 1024;  // a longer value is dropped: no real link comes near
constexpr double kMinutesPerDay = 24 * 60;
const int32_t kFirstDay = daysFromCivil(1, 1, 1);      // years 0001-9999, as in corpus dates
const int32_t kLastDay = daysFromCivil(9999, 12, 31);

// The link's keys, in order, from the view fields.
const std::vector<const LinkKey*>& linkKeys() {
  static const std::vector<const LinkKey*> keys = [] {
    std::vector<const LinkKey*> k;
    for (const ViewField& f : viewFields())
      for (const LinkKey& key : f.keys) k.push_back(&key);
    return k;
  }();
  return keys;
}

// The key under this name (or its alias), or -1.
int keyByName(std::string_view name) {
  const auto& keys = linkKeys();
  for (size_t i = 0; i < keys.size(); ++i) {
    if (name == keys[i]->name || (keys[i]->alias && name == keys[i]->alias)) return static_cast<int>(i);
  }
  return -1;
}
}  // namespace

const std::string& UrlState::get(std::string_view key) const {
  static const std::string kNone;
  const auto it = fields.find(key);
  return it == fields.end() ? kNone : it->second;
}

void UrlState::set(std::string_view key, std::string text) {
  if (text.empty()) {
    const auto it = fields.find(key);
    if (it != fields.end()) fields.erase(it);
  } else {
    fields[std::string(key)] = std::move(text);
  }
}

namespace link {

// Letters, digits, '-', '.', '_' stay; every other byte becomes %XX (so ',', '~', '&' inside a value
// cannot be taken for separators).
void appendEncoded(std::string& out, std::string_view v) {
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char ch : v) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
        ch == '.' || ch == '_') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
}

// "2014-07-28", or "2014-07-28T06:30" when the day has a fraction (kept to the minute).
std::string formatDay(double day) {
  day = std::clamp(day, static_cast<double>(kFirstDay), kLastDay + (kMinutesPerDay - 1) / kMinutesPerDay);
  const long long minutes = std::llround(day * kMinutesPerDay);
  const long long whole = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
  const int rest = static_cast<int>(minutes - whole * 1440);
  std::string s = isoDay(static_cast<int32_t>(whole));
  if (rest) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", rest / 60, rest % 60);
    s += buf;
  }
  return s;
}

int hexDigit(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

// "YYYY", "YYYY-MM", "YYYY-MM-DD" and, when allowTime, "YYYY-MM-DDTHH:MM". A year or month stands for
// its first day, or its last when atEnd.
bool parseDay(std::string_view s, bool atEnd, bool allowTime, double& out) {
  int y = 0, m = 0, d = 0, hh = 0, mm = 0;
  const size_t t = s.find('T');
  const std::string_view date = s.substr(0, t);
  if (t != std::string_view::npos) {
    const std::string_view time = s.substr(t + 1);
    if (!allowTime || date.size() != 10 || time.size() != 5 || time[2] != ':' ||
        !parseUint(time.substr(0, 2), 2, hh) || !parseUint(time.substr(3), 2, mm) || hh > 23 || mm > 59) {
      return false;
    }
  }
  if (!parseUint(date.substr(0, 4), 4, y) || y < 1) return false;
  if (date.size() > 4 && (date[4] != '-' || !parseUint(date.substr(5, 2), 2, m) || m < 1 || m > 12)) return false;
  if (date.size() > 7 && (date[7] != '-' || !parseUint(date.substr(8), 2, d) || d < 1 || d > daysInMonth(y, m))) {
    return false;
  }
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  if (d) out = daysFromCivil(y, m, d) + (hh * 60 + mm) / kMinutesPerDay;
  else if (m) out = atEnd ? daysFromCivil(y, m, daysInMonth(y, m)) : daysFromCivil(y, m, 1);
  else out = atEnd ? daysFromCivil(y, 12, 31) : daysFromCivil(y, 1, 1);
  return true;
}

// "FROM~TO" (or "FROM/TO"); an empty side is reported as missing.
bool splitRange(std::string_view s, std::string_view& from, std::string_view& to) {
  const size_t sep = s.find_first_of("~/");
  if (sep == std::string_view::npos || s.find_first_of("~/", sep + 1) != std::string_view::npos) return false;
  from = s.substr(0, sep);
  to = s.substr(sep + 1);
  return true;
}

bool parseUint(std::string_view s, size_t digits, int& out) {
  if (s.size() != digits) return false;
  out = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return false;
    out = out * 10 + (ch - '0');
  }
  return true;
}

}  // namespace link

std::string encodeUrlState(const UrlState& s) {
  std::string out = "#v=" + std::to_string(kUrlStateVersion);
  for (const LinkKey* key : linkKeys()) {
    if (!s.has(key->name)) continue;
    out += '&';
    out += key->name;
    out += '=';
    out += s.get(key->name);
  }
  return out;
}

// ---- decoding -------------------------------------------------------------------------------------

namespace {

using link::hexDigit;
using link::parseUint;

bool percentDecode(std::string_view in, std::string& out) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') { out += in[i]; continue; }
    const int hi = i + 1 < in.size() ? hexDigit(in[i + 1]) : -1;
    const int lo = i + 2 < in.size() ? hexDigit(in[i + 2]) : -1;
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

// The value as a warning shows it: quoted, control and non-ASCII bytes as \xNN, long ones cut.
std::string quoted(std::string_view v) { return quoteValue(v, '"', true); }

class Reader {
 public:
  explicit Reader(std::vector<std::string>* warnings) : warnings_(warnings) {}

  void warn(std::string_view field, std::string_view value, std::string_view expected) {
    say(std::string(field) + ": expected " + std::string(expected) + ", found " + quoted(value));
  }
  void say(std::string message) {
    if (warnings_) warnings_->push_back(std::move(message));
  }

  void read(std::string_view text) {
    const auto& keys = linkKeys();
    std::vector<bool> seen(keys.size() + 1, false);  // the last: the version
    std::string name, value;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find_first_of("&#?", start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view piece = text.substr(start, end - start);
      start = end + 1;
      if (piece.empty()) continue;
      const size_t eq = piece.find('=');
      // Unknown or undecodable names are someone else's (or a later version's) fields: skipped silently.
      if (!percentDecode(piece.substr(0, eq), name)) continue;
      const int k = name == "v" ? static_cast<int>(keys.size()) : keyByName(name);
      if (k < 0) continue;
      const std::string_view raw = eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1);
      if (seen[static_cast<size_t>(k)]) {
        say(name + ": given more than once; the later valid value " + quoted(raw) + " replaces the earlier");
      }
      seen[static_cast<size_t>(k)] = true;
      if (raw.size() > kMaxValueBytes) {
        say(name + ": expected at most " + std::to_string(kMaxValueBytes) + " bytes, found " +
            std::to_string(raw.size()) + " starting " + quoted(raw));
        continue;
      }
      if (!percentDecode(raw, value)) {
        warn(name, raw, "percent-encoding as %XX with two hex digits");
        continue;
      }
      if (k == static_cast<int>(keys.size())) {
        readVersion(name, value);
        continue;
      }
      std::string canonical;
      std::vector<std::pair<std::string, std::string>> bad;
      const bool ok = keys[static_cast<size_t>(k)]->canon(value, canonical, bad);
      for (const auto& [v, expected] : bad) warn(name, v, expected);
      if (ok) s.set(keys[static_cast<size_t>(k)]->name, std::move(canonical));
    }
    // Fields that only mean something with another.
    for (const LinkKey* key : keys) {
      if (!key->needs || !s.has(key->name) || s.has(key->needs)) continue;
      warn(key->name, s.get(key->name), key->needsWhat);
      s.set(key->name, "");
    }
  }

  UrlState s;

 private:
  void readVersion(std::string_view name, std::string_view v) {
    int version = 0;
    if (v.empty() || v.size() > 6 || !parseUint(v, v.size(), version)) warn(name, v, "a version number such as 1");
    else if (version > kUrlStateVersion) warn(name, v, "version 1 or older (reading the fields this version knows)");
  }

  std::vector<std::string>* warnings_;
};

}  // namespace

UrlState decodeUrlState(std::string_view hash, std::vector<std::string>* warnings) {
  Reader r(warnings);
  r.read(hash);
  return std::move(r.s);
}

}  // namespace nhsx
