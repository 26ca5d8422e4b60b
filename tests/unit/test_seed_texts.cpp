// Fingerprints of seed documents: SHA-256 itself, and reading a folder of texts against a corpus.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>

#include "core/corpus_loader.h"
#include "core/seed_texts.h"
#include "core/sha256.h"

using namespace nhsx;

TEST_CASE("sha256 matches the FIPS 180-4 examples and block boundaries", "[seeds]") {
  CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // 55, 56 and 64 bytes: the length fits in the last block, just does not, and a whole extra block.
  CHECK(sha256Hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256Hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256Hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  CHECK(isSha256Hex(sha256Hex("x")));
  CHECK_FALSE(isSha256Hex("ABC"));
  CHECK_FALSE(isSha256Hex(std::string(64, 'g')));
}

TEST_CASE("seed texts are read from a folder and checked against their fingerprints", "[seeds]") {
  const auto dir = std::filesystem::temp_directory_path() / "explorer-seed-texts-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.txt") << "A is a charity.";
  std::ofstream(dir / "b.txt") << "B was edited since.";
  const std::string json = R"({"format":"1.0","title":"t","sources":[
    {"id":"src-a","title":"A","publisher":"P","seed":"a.txt","seedSha256":")" + sha256Hex("A is a charity.") + R"("},
    {"id":"src-b","title":"B","publisher":"P","seed":"b.txt","seedSha256":")" + sha256Hex("B is a report.") + R"("},
    {"id":"src-c","title":"C","publisher":"P","seed":"c.txt"}],
    "entities":[{"id":"org-a","kind":"organisation","type":"charity","name":"A",
      "citations":[{"source":"src-a","quote":"A is a charity."}]}]})";
  LoadResult r = loadCorpus(json);
  REQUIRE(r.ok());

  std::map<std::string, std::string> texts;
  const auto errors = readSeedTexts(r.corpus, dir.string(), texts);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].where == "/sources/1/seedSha256");
  CHECK(errors[0].message.find("is not the text source \"src-b\" was modelled from") != std::string::npos);
  CHECK(errors[1].where == "/sources/2/seed");
  CHECK(errors[1].message.find("\"c.txt\" of source \"src-c\" is missing") != std::string::npos);
  CHECK(texts.size() == 2);  // a text with another fingerprint is still read, for its quotes
  CHECK(texts.at("a.txt") == "A is a charity.");

  texts.clear();
  const auto none = readSeedTexts(r.corpus, (dir / "nowhere").string(), texts);
  REQUIRE(none.size() == 1);
  CHECK(none[0].message == "the folder of seed documents does not exist");
  std::filesystem::remove_all(dir);
}

TEST_CASE("a malformed fingerprint is a located error", "[seeds][loader]") {
  LoadResult r = loadCorpus(R"({"format":"1.0","title":"t","sources":[
    {"id":"src-a","title":"A","publisher":"P","seed":"a.txt","seedSha256":"not-a-hash"}],"entities":[]})");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].where == "/sources/0/seedSha256");
}
