// A flat open-addressing hash table from id strings to small values. The loader registers every id
// of a corpus (600k for a large one) and looks up every reference; std::unordered_map's node per entry
// made that the largest cost of loading. Here the probe array holds 8 bytes a slot (part of the hash
// and an entry index), and entries sit in insertion order with short keys stored inline, so a probe
// sequence stays in one cache line and a hit costs one more.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nhsx {

template <class Value>
class IdTable {
 public:
  explicit IdTable(size_t expected = 0) {
    entries_.reserve(expected);
    rehash(capacityFor(expected));
  }

  // Inserts when absent; returns the stored value and whether it was inserted.
  std::pair<Value*, bool> insert(std::string_view key, const Value& v) {
    if ((entries_.size() + 1) * 4 > slots_.size() * 3) rehash(slots_.size() * 2);
    const uint64_t h = hash(key);
    size_t i = h & mask_;
    for (; slots_[i]; i = (i + 1) & mask_) {
      Entry& e = entries_[(slots_[i] & 0xFFFFFFFFu) - 1];
      if ((slots_[i] >> 32) == (h >> 32) && keyOf(e) == key) return {&e.value, false};
    }
    Entry e;
    if (key.size() <= kInline) {
      e.length = static_cast<uint8_t>(key.size());
      std::memcpy(e.key, key.data(), key.size());
    } else {
      e.length = kLong;
      const uint32_t at = static_cast<uint32_t>(longKeys_.size());
      std::memcpy(e.key, &at, sizeof at);
      longKeys_.emplace_back(key);
    }
    e.value = v;
    entries_.push_back(e);
    slots_[i] = (h & 0xFFFFFFFF00000000ull) | entries_.size();
    return {&entries_.back().value, true};
  }

  const Value* find(std::string_view key) const {
    const uint64_t h = hash(key);
    for (size_t i = h & mask_; slots_[i]; i = (i + 1) & mask_) {
      if ((slots_[i] >> 32) != (h >> 32)) continue;
      const Entry& e = entries_[(slots_[i] & 0xFFFFFFFFu) - 1];
      if (keyOf(e) == key) return &e.value;
    }
    return nullptr;
  }

  size_t size() const { return entries_.size(); }

  // FNV-1a with a final mix: fast on short ids, and well spread for linear probing.
  static uint64_t hash(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h ^= h >> 29;
    h *= 0xD6E8FEB86659FD93ull;
    return h ^ (h >> 32);
  }

 private:
  static constexpr size_t kInline = 23;
  static constexpr uint8_t kLong = 255;
  struct Entry {
    char key[kInline] = {};  // the key, or for a long key its index in longKeys_
    uint8_t length = 0;      // kLong for a long key
    Value value{};
  };

  static size_t capacityFor(size_t n) {
    size_t c = 16;
    while (c * 3 < n * 4 + 4) c *= 2;
    return c;
  }

  std::string_view keyOf(const Entry& e) const {
    if (e.length != kLong) return std::string_view(e.key, e.length);
    uint32_t at;
    std::memcpy(&at, e.key, sizeof at);
    return longKeys_[at];
  }

  void rehash(size_t capacity) {
    slots_.assign(capacity, 0);
    mask_ = capacity - 1;
    for (size_t n = 0; n < entries_.size(); ++n) {
      const uint64_t h = hash(keyOf(entries_[n]));
      size_t i = h & mask_;
      while (slots_[i]) i = (i + 1) & mask_;
      slots_[i] = (h & 0xFFFFFFFF00000000ull) | (n + 1);
    }
  }

  std::vector<uint64_t> slots_;  // 0 = empty; else high 32 bits of the hash | entry index + 1
  std::vector<Entry> entries_;
  std::vector<std::string> longKeys_;
  size_t mask_ = 0;
};

}  // namespace nhsx
