// Generates large sheets shaped as people keep them (for the scale test and the import benchmark).
#pragma once
#include <cstdint>
#include <string>

namespace nhsx {

struct SheetGenOptions {
  uint32_t organisations = 1000;  // rows of the organisations sheet
  uint32_t relations = 3000;      // rows of the relations sheet
  uint32_t seed = 1;
  bool tabs = false;              // tab-separated (a paste) rather than CSV
};

// "Name,Type,Description,Website,Founded,Charity number,Source" rows: types in people's words, dates in
// several forms (some not dates at all), quoted descriptions with commas and line breaks, about one row in
// three without a source, a few names repeated. Deterministic for a given seed.
std::string generateOrganisationsSheet(const SheetGenOptions& o);
// "From,To,Type,Start,End,Notes" rows between the generated organisations, by name; a few name
// organisations that are not in the list, and a few map bodies ("NHS England", "ACEVO").
std::string generateRelationsSheet(const SheetGenOptions& o);

}  // namespace nhsx
