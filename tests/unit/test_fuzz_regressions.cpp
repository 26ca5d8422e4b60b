// Replays the inputs that once broke a fuzz target's checks (tests/data/fuzz-regressions/TARGET/)
// through the same checks (fuzz/fuzz_checks.h), so a fixed bug stays fixed in the ordinary suite. The
// loader's long-* inputs reproduce messages that echoed a whole long value (a 50 MB one in the
// catalogue, tests/unit/test_bad_input.cpp) before values were quoted by their start and size.
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

TEST_CASE("saved fuzz regressions replay cleanly through the fuzz targets' checks", "[fuzz-regressions]") {
  // A folder per target; a target with no saved input has no folder.
  const size_t n = replay("loader", nhsx::fuzz::checkLoader) + replay("edtf", nhsx::fuzz::checkEdtf) +
                   replay("url_state", nhsx::fuzz::checkDeepLink) + replay("csv", nhsx::fuzz::checkCsv) +
                   replay("sheet", nhsx::fuzz::checkSheet) + replay("citations", nhsx::fuzz::checkCitations);
  CHECK(n > 0);
}
