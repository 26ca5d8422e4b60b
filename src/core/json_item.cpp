#include "core/json_item.h"

#include <cstdio>

namespace nhsx {

void JsonItem::clear() {
  nodes_.clear();
  stack_.clear();
  chars_.clear();
  keyOff_ = keyLen_ = 0;
}

uint32_t JsonItem::push(JType t) {
  const uint32_t i = static_cast<uint32_t>(nodes_.size());
  Node n{};
  n.type = t;
  n.keyOff = keyOff_;
  n.keyLen = keyLen_;
  keyLen_ = 0;
  n.end = i + 1;
  n.parent = stack_.empty() ? kNoParent : stack_.back();
  nodes_.push_back(n);
  if (!stack_.empty()) ++nodes_[stack_.back()].count;
  return i;
}

void JsonItem::scalar(JType t, std::string_view s, double num, int64_t integer) {
  const uint32_t i = push(t);
  Node& n = nodes_[i];
  n.strOff = static_cast<uint32_t>(chars_.size());
  n.strLen = static_cast<uint32_t>(s.size());
  chars_ += s;
  n.num = num;
  n.integer = integer;
}

void JsonItem::open(JType containerType) { stack_.push_back(push(containerType)); }

void JsonItem::close() {
  nodes_[stack_.back()].end = static_cast<uint32_t>(nodes_.size());
  stack_.pop_back();
}

JType JView::type() const { return item_ ? item_->nodes_[index_].type : JType::Null; }

std::string_view JView::str() const {
  if (!isString()) return {};
  const auto& n = item_->nodes_[index_];
  return std::string_view(item_->chars_).substr(n.strOff, n.strLen);
}

std::string_view JView::key() const {
  const auto& n = item_->nodes_[index_];
  return std::string_view(item_->chars_).substr(n.keyOff, n.keyLen);
}

double JView::number() const { return item_->nodes_[index_].num; }
int64_t JView::integer() const { return item_->nodes_[index_].integer; }
bool JView::boolean() const { return item_->nodes_[index_].integer != 0; }
uint32_t JView::size() const { return item_ ? item_->nodes_[index_].count : 0; }

JView JView::first() const {
  if (!item_ || size() == 0) return {};
  return JView(item_, index_ + 1);
}

JView JView::next() const {
  // Nodes are in pre-order: the next sibling starts where this subtree ends, if still inside the parent.
  const auto& n = item_->nodes_[index_];
  if (n.parent == JsonItem::kNoParent || n.end >= item_->nodes_[n.parent].end) return {};
  return JView(item_, n.end);
}

JView JView::find(std::string_view k) const {
  if (!isObject()) return {};
  for (JView c = first(); c.valid(); c = c.next()) {
    if (c.key() == k) return c;
  }
  return {};
}

std::string JView::numberText() const {
  const auto& n = item_->nodes_[index_];
  if (n.type == JType::Integer) return std::to_string(n.integer);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", n.num);
  return buf;
}

}  // namespace nhsx
