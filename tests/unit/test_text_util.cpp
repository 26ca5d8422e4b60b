// The small text helpers core shares: id shape, whole UTF-8 characters, values quoted for messages.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "core/text_util.h"

using namespace nhsx;

TEST_CASE("ids, UTF-8 cuts and quoted values", "[text]") {
  CHECK(isValidId("org-nhs-england"));
  CHECK(isValidId("a1"));
  CHECK_FALSE(isValidId(""));
  CHECK_FALSE(isValidId("1org"));
  CHECK_FALSE(isValidId("Org"));
  CHECK_FALSE(isValidId("org_x"));

  const std::string s = "ab\xc3\xa9" "cd";  // a, b, é (two bytes), c, d
  CHECK(utf8Floor(s, 3) == 2);   // inside é: back to its start
  CHECK(utf8Floor(s, 4) == 4);
  CHECK(utf8Floor(s, 99) == s.size());
  CHECK(utf8Floor("", 0) == 0);

  CHECK(quoteValue("short") == "\"short\"");
  CHECK(quoteValue("2014-13", '\'') == "'2014-13'");
  const std::string longText(100, 'x');
  CHECK(quoteValue(longText) == "\"" + std::string(57, 'x') + "...\" (100 bytes)");
  std::string accented(56, 'x');
  accented += "\xc3\xa9" + std::string(10, 'y');  // é across byte 57: the cut keeps it whole or leaves it out
  const std::string q = quoteValue(accented);
  CHECK(q.find("\xc3...") == std::string::npos);
  CHECK(quoteValue(std::string("a\x01\"b", 4), '"', true) == "\"a\\x01\\x22b\"");
}
