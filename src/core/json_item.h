// A compact, reusable JSON tree for one small value (one corpus item at a time). The loader streams a
// corpus through nlohmann's SAX parser and records each item here instead of building a DOM of the
// whole file: storage is reused from item to item, so loading allocates little beyond the model.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nhsx {

enum class JType : uint8_t { Null, Boolean, Integer, Float, String, Object, Array };

class JsonItem;

// A read-only view of one node of a JsonItem.
class JView {
 public:
  JView() = default;
  JView(const JsonItem* item, uint32_t index) : item_(item), index_(index) {}
  bool valid() const { return item_ != nullptr; }
  JType type() const;
  bool isObject() const { return type() == JType::Object; }
  bool isArray() const { return type() == JType::Array; }
  bool isString() const { return type() == JType::String; }
  bool isNumber() const { return type() == JType::Integer || type() == JType::Float; }
  bool isInteger() const { return type() == JType::Integer; }
  bool isBoolean() const { return type() == JType::Boolean; }
  std::string_view str() const;  // string value (empty for others)
  std::string_view key() const;  // key of this node within its parent object
  double number() const;
  int64_t integer() const;
  bool boolean() const;
  uint32_t size() const;  // children of an object or array
  // Member of an object by key; invalid view when absent (or not an object).
  JView find(std::string_view key) const;
  // Children in order: for (JView c = v.first(); c.valid(); c = c.next()).
  JView first() const;
  JView next() const;  // next sibling (invalid after the last)
  std::string numberText() const;

 private:
  const JsonItem* item_ = nullptr;
  uint32_t index_ = 0;
};

class JsonItem {
 public:
  void clear();
  // SAX-style building, in document order.
  void setKey(std::string_view k) {
    keyOff_ = static_cast<uint32_t>(chars_.size());
    keyLen_ = static_cast<uint32_t>(k.size());
    chars_.append(k);
  }
  void scalar(JType t, std::string_view s = {}, double num = 0, int64_t i = 0);
  void open(JType containerType);
  void close();
  bool complete() const { return stack_.empty() && !nodes_.empty(); }
  JView root() const { return JView(this, 0); }

 private:
  friend class JView;
  struct Node {
    JType type;
    uint32_t keyOff, keyLen;
    uint32_t strOff, strLen;  // string value, or the text of a number
    uint32_t end;             // one past the last node of this subtree
    uint32_t count;           // children
    uint32_t parent;          // kNoParent for the root
    double num;
    int64_t integer;          // integers, and 0/1 for booleans
  };
  static constexpr uint32_t kNoParent = UINT32_MAX;
  uint32_t push(JType t);
  std::vector<Node> nodes_;
  std::vector<uint32_t> stack_;
  std::string chars_;
  uint32_t keyOff_ = 0, keyLen_ = 0;  // the key waiting for the next value
};

}  // namespace nhsx
