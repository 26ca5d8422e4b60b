// Which source addresses may be opened in a new tab: http and https only.
#include <catch2/catch_test_macros.hpp>

#include "core/web_address.h"

using namespace nhsx;

TEST_CASE("only http and https addresses open", "[web-address]") {
  CHECK(isWebAddress("https://www.gov.uk/government/publications/road-to-recovery"));
  CHECK(isWebAddress("http://example.org"));
  CHECK(isWebAddress("HTTPS://EXAMPLE.ORG/A?b=c#d"));
  CHECK_FALSE(isWebAddress(""));
  CHECK_FALSE(isWebAddress("javascript:alert(1)"));
  CHECK_FALSE(isWebAddress("JavaScript://example.org/%0Aalert(1)"));
  CHECK_FALSE(isWebAddress("data:text/html,<script>alert(1)</script>"));
  CHECK_FALSE(isWebAddress("file:///etc/passwd"));
  CHECK_FALSE(isWebAddress("ftp://example.org"));
  CHECK_FALSE(isWebAddress("//example.org/protocol-relative"));
  CHECK_FALSE(isWebAddress("www.example.org"));
  CHECK_FALSE(isWebAddress("https://"));
  CHECK_FALSE(isWebAddress("https:///path-without-host"));
  CHECK_FALSE(isWebAddress("https://exa mple.org"));
  CHECK_FALSE(isWebAddress("https://example.org/\nSet-Cookie"));
  CHECK_FALSE(isWebAddress(" https://example.org"));
}

TEST_CASE("a website as written in a sheet opens as https", "[web-address]") {
  CHECK(websiteAddress("https://www.royalfree.nhs.uk") == "https://www.royalfree.nhs.uk");
  CHECK(websiteAddress("http://example.org/a b") == "");  // a space: not an address at all
  CHECK(websiteAddress("www.camdencarers.org.uk") == "https://www.camdencarers.org.uk");
  CHECK(websiteAddress("camdencarers.org.uk/about?x=1") == "https://camdencarers.org.uk/about?x=1");
  CHECK(websiteAddress("WWW.Example.ORG") == "https://WWW.Example.ORG");
  CHECK(websiteAddress("").empty());
  CHECK(websiteAddress("none").empty());
  CHECK(websiteAddress("javascript:alert(1)").empty());
  CHECK(websiteAddress("javascript://example.org").empty());
  CHECK(websiteAddress("data:text/html,x.y").empty());
  CHECK(websiteAddress("ftp://example.org").empty());
  CHECK(websiteAddress(".example.org").empty());
  CHECK(websiteAddress("example.").empty());
  CHECK(websiteAddress("exa mple.org").empty());
  CHECK(websiteAddress("example.org/a\tb").empty());  // a control character
  CHECK(websiteAddress("example.org/a\nSet-Cookie").empty());
}
