#include "core/sheet_gen.h"

#include <vector>

#include "core/rng.h"

namespace nhsx {

namespace {

const char* const kTypes[] = {"Charity", "Registered charity", "NHS trust", "ICB", "Social enterprise", "CIC",
                              "Local authority", "Membership body", "Think tank", "Housing association",
                              "Community group", "Hospice", "GP federation", "Foundation trust", "Council"};
const char* const kRelTypes[] = {"funded by", "partner", "member of", "works with", "supports", "commissioned by",
                                 "Partner", "Funds", "shares premises with", "delivers services for", "led by"};
const char* const kWords[] = {"Camden", "Islington", "Hackney", "Haringey", "Barnet", "Enfield", "Carers", "Age",
                              "Mind", "Wellbeing", "Community", "Health", "Action", "Trust", "Network", "Centre",
                              "Voice", "Support", "Family", "Youth", "Food", "Bank", "Arts", "Walks"};

std::string name(uint32_t i) {
  // Distinct for every i: two words then the number in words' place.
  const size_t n = sizeof kWords / sizeof kWords[0];
  return std::string(kWords[i % n]) + " " + kWords[(i / n) % n] + " " + std::to_string(i);
}

std::string date(Rng& r) {
  const int y = 1950 + static_cast<int>(r.next() % 75), m = 1 + static_cast<int>(r.next() % 12),
            d = 1 + static_cast<int>(r.next() % 28);
  static const char* const kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December"};
  switch (r.next() % 8) {
    case 0: return std::to_string(y);
    case 1: return std::string(kMonths[m - 1]) + " " + std::to_string(y);
    case 2: return std::to_string(m) + "/" + std::to_string(y);
    case 3: return std::to_string(d) + "/" + std::to_string(m) + "/" + std::to_string(y);
    case 4: return std::to_string(y) + "-" + (m < 10 ? "0" : "") + std::to_string(m) + "-" + (d < 10 ? "0" : "") + std::to_string(d);
    case 5: return "";
    case 6: return "c. " + std::to_string(y);
    default: return r.next() % 4 ? "" : "sometime";
  }
}

void row(std::string& out, const std::vector<std::string>& cells, bool tabs) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += tabs ? '\t' : ',';
    const std::string& c = cells[i];
    if (c.find_first_of(",\"\n\t") == std::string::npos) { out += c; continue; }
    out += '"';
    for (char ch : c) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  out += "\r\n";
}

}  // namespace

std::string generateOrganisationsSheet(const SheetGenOptions& o) {
  Rng r{o.seed};
  std::string out;
  row(out, {"Name", "Type", "Description", "Website", "Founded", "Charity number", "Source"}, o.tabs);
  for (uint32_t i = 0; i < o.organisations; ++i) {
    const uint32_t n = r.next() % 50 == 0 && i > 0 ? i - 1 : i;  // a repeated row now and then
    std::string desc = "Works with \"local\" people, families and carers";
    if (r.next() % 10 == 0) desc += "\nacross the borough";
    const std::string src = r.next() % 3 == 0 ? "" : "https://example.org/annual-report-" + std::to_string(i % 97);
    row(out, {name(n), kTypes[r.next() % (sizeof kTypes / sizeof kTypes[0])], desc,
              "https://example.org/" + std::to_string(n), date(r), std::to_string(1000000 + n), src},
        o.tabs);
  }
  return out;
}

std::string generateRelationsSheet(const SheetGenOptions& o) {
  Rng r{o.seed + 1ull};
  std::string out;
  row(out, {"From", "To", "Type", "Start", "End", "Notes"}, o.tabs);
  const uint32_t n = o.organisations ? o.organisations : 1;
  for (uint32_t i = 0; i < o.relations; ++i) {
    const uint32_t a = static_cast<uint32_t>(r.next() % n);
    uint32_t b = static_cast<uint32_t>(r.next() % n);
    if (b == a) b = (a + 1) % n;
    std::string to = name(b);
    const uint64_t pick = r.next() % 40;
    if (pick == 0) to = "NHS England";
    else if (pick == 1) to = "ACEVO";
    else if (pick == 2) to = "Unlisted Group " + std::to_string(i % 13);
    row(out, {name(a), to, kRelTypes[r.next() % (sizeof kRelTypes / sizeof kRelTypes[0])], date(r),
              r.next() % 5 ? "" : "present", r.next() % 3 ? "" : "Joint work on the " + std::to_string(i) + " project"},
        o.tabs);
  }
  return out;
}

}  // namespace nhsx
