// Replays the inputs the fuzzers once broke (tests/data/fuzz-regressions/TARGET/) through the same
// checks the fuzz targets run (fuzz/fuzz_checks.h), so a fixed bug stays fixed in the ordinary suite.
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <filesystem>

#include "../../fuzz/fuzz_checks.h"
#include "core/text_file.h"

namespace fs = std::filesystem;

namespace {

// Each saved input of a target, with what its check says; the inputs are small, so each is quick.
size_t replay(const std::string& target, std::string (*check)(std::string_view)) {
  const fs::path dir = fs::path(SOURCE_DIR) / "tests/data/fuzz-regressions" / target;
  if (!fs::is_directory(dir)) return 0;  // no crasher kept for this target
  size_t n = 0;
  for (const fs::directory_entry& f : fs::directory_iterator(dir)) {
    if (!f.is_regular_file()) continue;
    std::string bytes;
    REQUIRE(nhsx::readTextFile(f.path().string(), bytes));
    INFO(f.path().string());
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(check(bytes) == "");
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("saved fuzz inputs: loader and validator", "[fuzz-regressions]") {
  CHECK(replay("loader", nhsx::fuzz::checkLoader) > 0);
}

TEST_CASE("saved fuzz inputs: EDTF dates", "[fuzz-regressions]") { replay("edtf", nhsx::fuzz::checkEdtf); }

TEST_CASE("saved fuzz inputs: URL state", "[fuzz-regressions]") { replay("url_state", nhsx::fuzz::checkUrlState); }

TEST_CASE("saved fuzz inputs: CSV import", "[fuzz-regressions]") { replay("csv", nhsx::fuzz::checkCsv); }
