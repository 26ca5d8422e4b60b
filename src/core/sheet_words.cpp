#include "core/sheet_words.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <vector>

#include "core/text_fold.h"

namespace nhsx {

namespace {

// Splits folded text ("a b c") into its words.
std::vector<std::string_view> words(std::string_view folded) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < folded.size()) {
    const size_t sp = folded.find(' ', i);
    const size_t end = sp == std::string_view::npos ? folded.size() : sp;
    if (end > i) out.push_back(folded.substr(i, end - i));
    i = end + 1;
  }
  return out;
}

std::string joinWords(const std::vector<std::string_view>& w, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to; ++i) {
    if (i > from) s += ' ';
    s.append(w[i]);
  }
  return s;
}

// "charities" -> "charity", "trusts" -> "trust"; a word ending in "ss" or shorter than 4 stays.
std::string singular(std::string_view word) {
  std::string w(word);
  if (w.size() > 4 && w.compare(w.size() - 3, 3, "ies") == 0) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u') w.pop_back();
  return w;
}

// A phrase table keyed by folded text, looked up whole, singularised, then by the longest phrase found
// as consecutive words inside the text (at most kMaxPhraseWords words).
template <class V>
class PhraseTable {
 public:
  void add(std::string_view phrase, V v) {
    const std::string key = foldText(phrase);
    map_.emplace(key, v);
    maxWords_ = std::max(maxWords_, words(key).size());
  }
  const V* exact(const std::string& folded) const {
    auto it = map_.find(folded);
    return it == map_.end() ? nullptr : &it->second;
  }
  // Whole text, then its last word singular; quality Phrase. Else the longest phrase inside; Contains.
  const V* find(std::string_view text, GuessQuality& q) const {
    const std::string folded = foldText(text);
    if (folded.empty()) return nullptr;
    if (const V* v = exact(folded)) { q = GuessQuality::Phrase; return v; }
    std::vector<std::string_view> w = words(folded);
    if (w.size() > 12) w.resize(12);  // a long text is not a type: look at its start only
    if (!w.empty()) {
      std::string single = joinWords(w, 0, w.size() - 1);
      single += (w.size() > 1 ? " " : "") + singular(w.back());
      if (const V* v = exact(single)) { q = GuessQuality::Phrase; return v; }
    }
    // The longest phrase; of equal ones the last (the head of an English noun phrase: "GP federation").
    for (size_t n = std::min(maxWords_, w.size()); n >= 1; --n) {
      for (size_t i = w.size() - n + 1; i-- > 0;) {
        std::string p = joinWords(w, i, i + n);
        const V* v = exact(p);
        if (!v && n == 1) v = exact(singular(p));
        if (v) { q = GuessQuality::Contains; return v; }
      }
    }
    return nullptr;
  }

 private:
  std::unordered_map<std::string, V> map_;
  size_t maxWords_ = 1;
};

// ---- headers -----------------------------------------------------------------------------------

struct HeaderWord {
  const char* header;
  ColumnRole role;
};

// Headers understood in both kinds of sheet.
const HeaderWord kCommonHeaders[] = {
    {"id", ColumnRole::Id}, {"identifier", ColumnRole::Id}, {"uid", ColumnRole::Id}, {"key", ColumnRole::Id},
    {"ref id", ColumnRole::Id}, {"reference id", ColumnRole::Id}, {"entity id", ColumnRole::Id},
    {"relation id", ColumnRole::Id},
    {"description", ColumnRole::Description}, {"notes", ColumnRole::Description},
    {"summary", ColumnRole::Description}, {"about", ColumnRole::Description},
    {"comments", ColumnRole::Description}, {"comment", ColumnRole::Description},
    {"details", ColumnRole::Description}, {"what they do", ColumnRole::Description},
    {"remit", ColumnRole::Description}, {"purpose", ColumnRole::Description},
    {"information", ColumnRole::Description}, {"info", ColumnRole::Description},
    {"date", ColumnRole::Date}, {"year", ColumnRole::Date}, {"when", ColumnRole::Date},
    {"dates", ColumnRole::Date}, {"published", ColumnRole::Date}, {"date published", ColumnRole::Date},
    {"publication date", ColumnRole::Date}, {"period", ColumnRole::Date},
    {"start", ColumnRole::Start}, {"start date", ColumnRole::Start}, {"from date", ColumnRole::Start},
    {"date from", ColumnRole::Start}, {"started", ColumnRole::Start}, {"begin", ColumnRole::Start},
    {"began", ColumnRole::Start}, {"beginning", ColumnRole::Start}, {"founded", ColumnRole::Start},
    {"established", ColumnRole::Start}, {"date founded", ColumnRole::Start},
    {"date established", ColumnRole::Start}, {"year founded", ColumnRole::Start},
    {"year established", ColumnRole::Start}, {"founded in", ColumnRole::Start}, {"since", ColumnRole::Start},
    {"opened", ColumnRole::Start}, {"valid from", ColumnRole::Start}, {"start year", ColumnRole::Start},
    {"from year", ColumnRole::Start}, {"created", ColumnRole::Start}, {"start of", ColumnRole::Start},
    {"end", ColumnRole::End}, {"end date", ColumnRole::End}, {"to date", ColumnRole::End},
    {"date to", ColumnRole::End}, {"ended", ColumnRole::End}, {"finish", ColumnRole::End},
    {"finished", ColumnRole::End}, {"closed", ColumnRole::End}, {"until", ColumnRole::End},
    {"dissolved", ColumnRole::End}, {"valid to", ColumnRole::End}, {"valid until", ColumnRole::End},
    {"end year", ColumnRole::End}, {"to year", ColumnRole::End}, {"abolished", ColumnRole::End},
    {"end of", ColumnRole::End}, {"finish date", ColumnRole::End}, {"closure date", ColumnRole::End},
    {"source title", ColumnRole::SourceTitle}, {"source name", ColumnRole::SourceTitle},
    {"reference title", ColumnRole::SourceTitle}, {"citation title", ColumnRole::SourceTitle},
    {"evidence title", ColumnRole::SourceTitle}, {"document title", ColumnRole::SourceTitle},
    {"source url", ColumnRole::SourceUrl}, {"source link", ColumnRole::SourceUrl},
    {"source website", ColumnRole::SourceUrl}, {"source address", ColumnRole::SourceUrl},
    {"reference url", ColumnRole::SourceUrl}, {"reference link", ColumnRole::SourceUrl},
    {"citation url", ColumnRole::SourceUrl}, {"citation link", ColumnRole::SourceUrl},
    {"evidence url", ColumnRole::SourceUrl}, {"evidence link", ColumnRole::SourceUrl},
    {"sources", ColumnRole::SourceAny}, {"reference", ColumnRole::SourceAny},
    {"references", ColumnRole::SourceAny}, {"citation", ColumnRole::SourceAny}, {"evidence", ColumnRole::SourceAny},
    {"ref", ColumnRole::SourceAny},
    {"source publisher", ColumnRole::Publisher}, {"publisher", ColumnRole::Publisher},
    {"published by", ColumnRole::Publisher},
    {"source date", ColumnRole::SourceDate}, {"date of source", ColumnRole::SourceDate},
    {"source published", ColumnRole::SourceDate}, {"reference date", ColumnRole::SourceDate},
    {"source seed", ColumnRole::SourceSeed}, {"seed", ColumnRole::SourceSeed},
    {"quote", ColumnRole::Quote}, {"quotation", ColumnRole::Quote}, {"source quote", ColumnRole::Quote},
    {"extract", ColumnRole::Quote}, {"excerpt", ColumnRole::Quote}, {"verbatim", ColumnRole::Quote},
    {"source note", ColumnRole::Note}, {"citation note", ColumnRole::Note}, {"reference note", ColumnRole::Note},
};

const HeaderWord kEntityHeaders[] = {
    {"name", ColumnRole::Name}, {"label", ColumnRole::Name}, {"organisation", ColumnRole::Name},
    {"organization", ColumnRole::Name}, {"organisation name", ColumnRole::Name},
    {"organization name", ColumnRole::Name}, {"org", ColumnRole::Name}, {"org name", ColumnRole::Name},
    {"title", ColumnRole::Name}, {"full name", ColumnRole::Name}, {"entity", ColumnRole::Name},
    {"node", ColumnRole::Name}, {"body", ColumnRole::Name}, {"charity", ColumnRole::Name},
    {"charity name", ColumnRole::Name}, {"element", ColumnRole::Name}, {"item", ColumnRole::Name},
    {"who", ColumnRole::Name}, {"person", ColumnRole::Name}, {"entity name", ColumnRole::Name},
    {"kind", ColumnRole::Kind}, {"entity kind", ColumnRole::Kind}, {"element kind", ColumnRole::Kind},
    {"type", ColumnRole::Type}, {"category", ColumnRole::Type}, {"organisation type", ColumnRole::Type},
    {"organization type", ColumnRole::Type}, {"org type", ColumnRole::Type},
    {"type of organisation", ColumnRole::Type}, {"type of organization", ColumnRole::Type},
    {"entity type", ColumnRole::Type}, {"element type", ColumnRole::Type}, {"classification", ColumnRole::Type},
    {"sort", ColumnRole::Type},
    {"aliases", ColumnRole::Aliases}, {"alias", ColumnRole::Aliases}, {"also known as", ColumnRole::Aliases},
    {"aka", ColumnRole::Aliases}, {"other names", ColumnRole::Aliases}, {"other name", ColumnRole::Aliases},
    {"abbreviation", ColumnRole::Aliases}, {"acronym", ColumnRole::Aliases}, {"initials", ColumnRole::Aliases},
    {"former names", ColumnRole::Aliases}, {"previous names", ColumnRole::Aliases},
    {"short name", ColumnRole::ShortName}, {"shortname", ColumnRole::ShortName},
    {"short label", ColumnRole::ShortName},
    {"website", ColumnRole::Url}, {"url", ColumnRole::Url}, {"link", ColumnRole::Url}, {"web", ColumnRole::Url},
    {"web site", ColumnRole::Url}, {"web address", ColumnRole::Url}, {"homepage", ColumnRole::Url},
    {"home page", ColumnRole::Url}, {"site", ColumnRole::Url}, {"webpage", ColumnRole::Url},
    {"web page", ColumnRole::Url}, {"www", ColumnRole::Url}, {"web link", ColumnRole::Url},
    {"source", ColumnRole::SourceAny},
    // In a list of organisations, From and To can only be dates.
    {"from", ColumnRole::Start}, {"to", ColumnRole::End},
};

const HeaderWord kRelationHeaders[] = {
    {"from", ColumnRole::From}, {"source", ColumnRole::From}, {"from organisation", ColumnRole::From},
    {"from organization", ColumnRole::From}, {"from name", ColumnRole::From}, {"from id", ColumnRole::From},
    {"source organisation", ColumnRole::From}, {"source organization", ColumnRole::From},
    {"source node", ColumnRole::From}, {"source id", ColumnRole::From}, {"start node", ColumnRole::From},
    {"subject", ColumnRole::From}, {"organisation 1", ColumnRole::From}, {"org 1", ColumnRole::From},
    {"first organisation", ColumnRole::From}, {"from entity", ColumnRole::From},
    // candidates for From when no explicit From column is there (fromCandidate)
    {"organisation", ColumnRole::Name}, {"organization", ColumnRole::Name}, {"org", ColumnRole::Name},
    {"organisation name", ColumnRole::Name}, {"organization name", ColumnRole::Name}, {"name", ColumnRole::Name},
    {"entity", ColumnRole::Name}, {"who", ColumnRole::Name}, {"charity", ColumnRole::Name},
    {"body", ColumnRole::Name}, {"person", ColumnRole::Name},
    {"to", ColumnRole::To}, {"target", ColumnRole::To}, {"partner", ColumnRole::To}, {"partners", ColumnRole::To},
    {"partner organisation", ColumnRole::To}, {"partner organization", ColumnRole::To},
    {"partner name", ColumnRole::To}, {"to organisation", ColumnRole::To}, {"to organization", ColumnRole::To},
    {"to name", ColumnRole::To}, {"to id", ColumnRole::To}, {"target organisation", ColumnRole::To},
    {"target organization", ColumnRole::To}, {"target name", ColumnRole::To}, {"target id", ColumnRole::To},
    {"target node", ColumnRole::To}, {"end node", ColumnRole::To}, {"object", ColumnRole::To},
    {"related to", ColumnRole::To}, {"related organisation", ColumnRole::To},
    {"related organization", ColumnRole::To}, {"with", ColumnRole::To}, {"organisation 2", ColumnRole::To},
    {"org 2", ColumnRole::To}, {"second organisation", ColumnRole::To}, {"linked to", ColumnRole::To},
    {"connected to", ColumnRole::To}, {"to entity", ColumnRole::To},
    {"type", ColumnRole::Type}, {"relationship", ColumnRole::Type}, {"relation", ColumnRole::Type},
    {"relationship type", ColumnRole::Type}, {"relation type", ColumnRole::Type},
    {"type of relationship", ColumnRole::Type}, {"connection", ColumnRole::Type},
    {"connection type", ColumnRole::Type}, {"link type", ColumnRole::Type}, {"kind", ColumnRole::Type},
    {"nature of relationship", ColumnRole::Type}, {"nature", ColumnRole::Type}, {"how", ColumnRole::Type},
    {"edge type", ColumnRole::Type}, {"category", ColumnRole::Type}, {"label", ColumnRole::Type},
    {"role", ColumnRole::Role}, {"job title", ColumnRole::Role}, {"position", ColumnRole::Role},
    {"capacity", ColumnRole::Role},
};

struct HeaderTables {
  std::unordered_map<std::string, ColumnRole> common, entity, relation;
  HeaderTables() {
    for (const HeaderWord& h : kCommonHeaders) common.emplace(foldText(h.header), h.role);
    for (const HeaderWord& h : kEntityHeaders) entity.emplace(foldText(h.header), h.role);
    for (const HeaderWord& h : kRelationHeaders) relation.emplace(foldText(h.header), h.role);
  }
};
const HeaderTables& headerTables() {
  static const HeaderTables t;
  return t;
}

ColumnRole lookupHeader(std::string_view header, bool relations, bool hasSourceColumn) {
  const std::string key = foldText(header);
  if (key == "note") return hasSourceColumn ? ColumnRole::Note : ColumnRole::Description;
  const HeaderTables& t = headerTables();
  const auto& own = relations ? t.relation : t.entity;
  if (auto it = own.find(key); it != own.end()) return it->second;
  if (auto it = t.common.find(key); it != t.common.end()) return it->second;
  return ColumnRole::Field;
}

// ---- kinds and types ---------------------------------------------------------------------------

struct TypeWord {
  const char* phrase;
  Kind kind;
  const char* type;  // nullptr: the kind only
};

constexpr Kind O = Kind::Organisation, P = Kind::Person, D = Kind::Document, G = Kind::Programme,
               S = Kind::Partnership, A = Kind::Part, T = Kind::Theme;

const TypeWord kTypeWords[] = {
    // organisations
    {"organisation", O, nullptr}, {"organization", O, nullptr}, {"org", O, nullptr}, {"body", O, nullptr},
    {"institution", O, nullptr}, {"group", O, nullptr}, {"agency body", O, nullptr},
    {"charity", O, "charity"}, {"registered charity", O, "charity"}, {"charitable trust", O, "charity"},
    {"charitable organisation", O, "charity"}, {"charitable organization", O, "charity"},
    {"charitable incorporated organisation", O, "charity"}, {"cio", O, "charity"},
    {"voluntary organisation", O, "charity"}, {"voluntary organization", O, "charity"},
    {"voluntary group", O, "charity"}, {"community group", O, "charity"}, {"vcse", O, "charity"},
    {"vcs", O, "charity"}, {"vcse organisation", O, "charity"}, {"voluntary sector", O, "charity"},
    {"third sector", O, "charity"}, {"third sector organisation", O, "charity"}, {"non profit", O, "charity"},
    {"nonprofit", O, "charity"}, {"not for profit", O, "charity"}, {"ngo", O, "charity"}, {"hospice", O, "charity"},
    {"foundation", O, "charity"}, {"grant maker", O, "charity"}, {"grantmaker", O, "charity"},
    {"grant making trust", O, "charity"}, {"funder", O, "charity"}, {"voluntary", O, "charity"},
    {"nhs trust", O, "nhs-trust"}, {"trust", O, "nhs-trust"}, {"acute trust", O, "nhs-trust"},
    {"ambulance trust", O, "nhs-trust"}, {"mental health trust", O, "nhs-trust"},
    {"community trust", O, "nhs-trust"}, {"hospital trust", O, "nhs-trust"}, {"nhs provider", O, "nhs-trust"},
    {"nhs foundation trust", O, "nhs-foundation-trust"}, {"foundation trust", O, "nhs-foundation-trust"},
    {"ft", O, "nhs-foundation-trust"},
    {"icb", O, "commissioning-body"}, {"integrated care board", O, "commissioning-body"},
    {"ccg", O, "commissioning-body"}, {"clinical commissioning group", O, "commissioning-body"},
    {"commissioner", O, "commissioning-body"}, {"commissioning body", O, "commissioning-body"},
    {"commissioning organisation", O, "commissioning-body"}, {"pct", O, "commissioning-body"},
    {"primary care trust", O, "commissioning-body"},
    {"csu", O, "commissioning-support-unit"}, {"commissioning support unit", O, "commissioning-support-unit"},
    {"membership body", O, "membership-body"}, {"membership organisation", O, "membership-body"},
    {"membership organization", O, "membership-body"}, {"member organisation", O, "membership-body"},
    {"association", O, "membership-body"}, {"federation", O, "membership-body"},
    {"confederation", O, "membership-body"}, {"umbrella body", O, "membership-body"},
    {"umbrella organisation", O, "membership-body"}, {"infrastructure organisation", O, "membership-body"},
    {"network", O, "membership-body"}, {"trade body", O, "membership-body"},
    {"professional body", O, "membership-body"}, {"royal college", O, "membership-body"},
    {"union", O, "membership-body"}, {"trade union", O, "membership-body"}, {"coalition", O, "membership-body"},
    {"alliance", O, "membership-body"}, {"representative body", O, "membership-body"},
    {"social enterprise", O, "social-enterprise"}, {"community interest company", O, "social-enterprise"},
    {"cic", O, "social-enterprise"}, {"mutual", O, "social-enterprise"}, {"co operative", O, "social-enterprise"},
    {"cooperative", O, "social-enterprise"}, {"coop", O, "social-enterprise"},
    {"social business", O, "social-enterprise"}, {"public service mutual", O, "social-enterprise"},
    {"regulator", O, "regulator"}, {"regulatory body", O, "regulator"}, {"inspectorate", O, "regulator"},
    {"watchdog", O, "regulator"},
    {"think tank", O, "think-tank"}, {"thinktank", O, "think-tank"}, {"policy institute", O, "think-tank"},
    {"university", O, "research-network"}, {"research network", O, "research-network"},
    {"research institute", O, "research-network"}, {"research centre", O, "research-network"},
    {"research center", O, "research-network"}, {"research organisation", O, "research-network"},
    {"government department", O, "government-department"}, {"department", O, "government-department"},
    {"ministry", O, "government-department"}, {"government", O, "government"},
    {"central government", O, "government"}, {"hm government", O, "government"},
    {"arms length body", O, "arms-length-body"}, {"alb", O, "arms-length-body"},
    {"executive agency", O, "arms-length-body"}, {"agency", O, "arms-length-body"},
    {"non departmental public body", O, "arms-length-body"}, {"ndpb", O, "arms-length-body"},
    {"special health authority", O, "arms-length-body"}, {"national body", O, "arms-length-body"},
    {"public body", O, "public-body"}, {"statutory body", O, "public-body"}, {"quango", O, "public-body"},
    {"nhs body", O, "public-body"}, {"nhs organisation", O, "public-body"}, {"nhs organization", O, "public-body"},
    {"nhs", O, "public-body"}, {"public sector", O, "public-body"}, {"healthwatch", O, "public-body"},
    {"local authority", O, "local-government"}, {"council", O, "local-government"},
    {"local council", O, "local-government"}, {"county council", O, "local-government"},
    {"borough council", O, "local-government"}, {"city council", O, "local-government"},
    {"district council", O, "local-government"}, {"local government", O, "local-government"},
    {"combined authority", O, "local-government"}, {"la", O, "local-government"},
    {"company", O, "company"}, {"business", O, "company"}, {"private company", O, "company"},
    {"private sector", O, "company"}, {"firm", O, "company"}, {"supplier", O, "company"}, {"ltd", O, "company"},
    {"limited company", O, "company"}, {"plc", O, "company"}, {"corporation", O, "company"},
    {"consultancy", O, "company"}, {"independent sector", O, "company"}, {"private provider", O, "company"},
    {"media", O, "media"}, {"newspaper", O, "media"}, {"magazine", O, "media"}, {"broadcaster", O, "media"},
    {"news organisation", O, "media"}, {"press", O, "media"},
    {"parliament", O, "legislature"}, {"legislature", O, "legislature"}, {"select committee", O, "legislature"},
    {"house of commons", O, "legislature"}, {"house of lords", O, "legislature"},
    {"sector", O, "sector"},
    {"hospital", O, "hospital-unit"}, {"hospital unit", O, "hospital-unit"}, {"unit", O, "hospital-unit"},
    {"ward", O, "hospital-unit"}, {"clinic", O, "hospital-unit"},
    // people
    {"person", P, nullptr}, {"people", P, nullptr}, {"individual", P, nullptr}, {"contact", P, nullptr},
    {"minister", P, "minister"}, {"secretary of state", P, "minister"}, {"health secretary", P, "minister"},
    {"minister of state", P, "minister"},
    {"chief executive", P, "chief-executive"}, {"ceo", P, "chief-executive"}, {"chief exec", P, "chief-executive"},
    {"chief executive officer", P, "chief-executive"},
    {"chair", P, "chair"}, {"chairman", P, "chair"}, {"chairwoman", P, "chair"}, {"chairperson", P, "chair"},
    {"chair of trustees", P, "chair"},
    {"mp", P, "politician"}, {"member of parliament", P, "politician"}, {"politician", P, "politician"},
    {"councillor", P, "politician"}, {"peer", P, "politician"}, {"mayor", P, "politician"},
    {"doctor", P, "clinician"}, {"nurse", P, "clinician"}, {"clinician", P, "clinician"}, {"gp", P, "clinician"},
    {"surgeon", P, "clinician"}, {"consultant", P, "clinician"}, {"physician", P, "clinician"},
    {"midwife", P, "clinician"}, {"paramedic", P, "clinician"}, {"pharmacist", P, "clinician"},
    {"therapist", P, "clinician"},
    {"academic", P, "academic"}, {"professor", P, "academic"}, {"researcher", P, "academic"},
    {"lecturer", P, "academic"}, {"scientist", P, "academic"},
    {"official", P, "official"}, {"civil servant", P, "official"}, {"officer", P, "official"},
    {"director", P, "official"}, {"manager", P, "official"}, {"staff", P, "official"}, {"employee", P, "official"},
    {"trustee", P, "role"}, {"volunteer", P, "role"}, {"patron", P, "role"}, {"ambassador", P, "role"},
    {"role", P, "role"},
    // documents
    {"document", D, nullptr}, {"publication", D, nullptr}, {"paper", D, nullptr}, {"doc", D, nullptr},
    {"report", D, "report"}, {"annual report", D, "report"}, {"evaluation", D, "report"},
    {"plan", D, "plan"}, {"business plan", D, "plan"}, {"strategy", D, "strategy"}, {"review", D, "review"},
    {"independent review", D, "review"}, {"letter", D, "letter"}, {"act", D, "act"}, {"law", D, "act"},
    {"legislation", D, "act"}, {"bill", D, "act"}, {"statute", D, "act"}, {"framework", D, "framework"},
    {"news release", D, "news-release"}, {"press release", D, "news-release"}, {"news", D, "news-release"},
    {"news story", D, "news-release"}, {"policy", D, "policy-paper"}, {"policy paper", D, "policy-paper"},
    {"white paper", D, "policy-paper"}, {"green paper", D, "policy-paper"}, {"guidance", D, "policy-paper"},
    {"article", D, "article"}, {"blog", D, "article"}, {"blog post", D, "article"}, {"opinion piece", D, "article"},
    {"prospectus", D, "prospectus"}, {"briefing", D, "briefing"}, {"briefing note", D, "briefing"},
    {"budget", D, "budget"}, {"standard", D, "standard"}, {"mandate", D, "mandate"},
    // programmes
    {"programme", G, "programme"}, {"program", G, "programme"}, {"project", G, "programme"},
    {"scheme", G, "programme"}, {"pilot", G, "programme"}, {"work programme", G, "work-programme"},
    {"workstream", G, "work-programme"}, {"fund", G, "fund"}, {"grant", G, "fund"},
    {"grant programme", G, "fund"}, {"funding stream", G, "fund"}, {"grant scheme", G, "fund"},
    {"mission", G, "mission"}, {"initiative", G, "initiative"}, {"campaign", G, "initiative"},
    {"investigation", G, "investigation"}, {"inquiry", G, "investigation"}, {"enquiry", G, "investigation"},
    // partnerships
    {"partnership", S, "partnership"}, {"consortium", S, "partnership"}, {"collaborative", S, "partnership"},
    {"collaboration", S, "partnership"}, {"joint venture", S, "partnership"},
    {"integrated care partnership", S, "partnership"}, {"icp", S, "partnership"},
    {"integrated care system", S, "partnership"}, {"ics", S, "partnership"},
    {"place based partnership", S, "partnership"}, {"joint unit", S, "joint-unit"},
    // parts
    {"part", A, nullptr}, {"objective", A, "objective"}, {"principle", A, "principle"}, {"priority", A, "priority"},
    {"shift", A, "shift"}, {"action", A, "action"}, {"aim", A, "aim"}, {"goal", A, "aim"}, {"service", A, "service"},
    {"commitment", A, "commitment"}, {"pledge", A, "commitment"}, {"target", A, "objective"},
    // themes
    {"theme", T, "theme"}, {"topic", T, "theme"}, {"subject", T, "theme"}, {"issue", T, "theme"},
    {"policy area", T, "theme"}, {"cause", T, "theme"},
};

struct TypeValue {
  Kind kind;
  std::string_view type;  // empty: kind only
};

const PhraseTable<TypeValue>& typeTable() {
  static const PhraseTable<TypeValue> t = [] {
    PhraseTable<TypeValue> p;
    for (const TypeWord& w : kTypeWords) p.add(w.phrase, {w.kind, w.type ? std::string_view(w.type) : std::string_view()});
    return p;
  }();
  return t;
}

bool validTypeOf(Kind k, std::string_view type) {
  const auto& t = typesOfKind(k);
  return std::find(t.begin(), t.end(), type) != t.end();
}

// Our own words, exactly: a kind name, "kind/type", or a type id of exactly one kind.
bool exactEntityType(std::string_view text, const Kind* known, EntityTypeGuess& g) {
  std::string s;
  for (char c : text) s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  const size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  if (a == std::string::npos) return false;
  s = s.substr(a, b - a + 1);
  const size_t slash = s.find('/');
  if (slash != std::string::npos) {
    Kind k;
    const std::string kind = s.substr(0, slash), type = s.substr(slash + 1);
    if (!parseKind(kind, k) || !validTypeOf(k, type) || (known && *known != k)) return false;
    g = {GuessQuality::Exact, k, *std::find(typesOfKind(k).begin(), typesOfKind(k).end(), type), false};
    return true;
  }
  Kind k;
  if (parseKind(s, k) && (!known || *known == k)) {
    // "programme", "partnership", "theme": the kind's own type of that name; else only the kind.
    const bool named = validTypeOf(k, s);
    g = {GuessQuality::Exact, k, named ? *std::find(typesOfKind(k).begin(), typesOfKind(k).end(), s) : "other", !named};
    return true;
  }
  for (int ki = 0; ki < kKindCount; ++ki) {
    const Kind kk = static_cast<Kind>(ki);
    if (known && *known != kk) continue;
    for (std::string_view t : typesOfKind(kk)) {
      if (t == s && t != "other" && t != "standard") {  // "standard" is a document's and a part's: the table decides
        g = {GuessQuality::Exact, kk, t, false};
        return true;
      }
    }
  }
  return false;
}

// ---- relation types ----------------------------------------------------------------------------

struct RelWord {
  const char* phrase;
  const char* type;
  bool reversed;
};

const RelWord kRelWords[] = {
    {"funds", "funds", false}, {"fund", "funds", false}, {"funded", "funds", false}, {"funder", "funds", false},
    {"funder of", "funds", false}, {"funding", "funds", false}, {"gives funding to", "funds", false},
    {"provides funding to", "funds", false}, {"provides funding for", "funds", false}, {"grant", "funds", false},
    {"grants", "funds", false}, {"grant to", "funds", false}, {"gives grant to", "funds", false},
    {"pays", "funds", false}, {"commissions", "funds", false}, {"commissioned", "funds", false},
    {"commissioner of", "funds", false}, {"sponsors", "funds", false}, {"sponsor", "funds", false},
    {"sponsor of", "funds", false}, {"finances", "funds", false}, {"donates to", "funds", false},
    {"donor", "funds", false}, {"donor to", "funds", false}, {"invests in", "funds", false},
    {"funded by", "funds", true}, {"receives funding from", "funds", true}, {"grant from", "funds", true},
    {"funding from", "funds", true}, {"commissioned by", "funds", true}, {"sponsored by", "funds", true},
    {"paid by", "funds", true}, {"financed by", "funds", true}, {"receives grant from", "funds", true},
    {"grantee of", "funds", true}, {"grant holder", "funds", true}, {"grant recipient", "funds", true},
    {"works with", "works-with", false}, {"partner", "works-with", false}, {"partners", "works-with", false},
    {"partner of", "works-with", false}, {"partners with", "works-with", false},
    {"partnered with", "works-with", false}, {"partnership", "works-with", false},
    {"partnership with", "works-with", false}, {"collaborates with", "works-with", false},
    {"collaborates", "works-with", false}, {"collaboration", "works-with", false},
    {"collaborator", "works-with", false}, {"working with", "works-with", false},
    {"worked with", "works-with", false}, {"works alongside", "works-with", false},
    {"joint working", "works-with", false}, {"ally", "works-with", false}, {"allied with", "works-with", false},
    {"cooperates with", "works-with", false}, {"co operates with", "works-with", false},
    {"in partnership with", "works-with", false}, {"strategic partner", "works-with", false},
    {"delivery partner", "works-with", false}, {"partner in", "partner-in", false},
    {"participates in", "partner-in", false}, {"takes part in", "partner-in", false},
    {"involved in", "partner-in", false}, {"participant", "partner-in", false},
    {"participant in", "partner-in", false},
    {"member of", "member-of", false}, {"member", "member-of", false}, {"is member of", "member-of", false},
    {"belongs to", "member-of", false}, {"affiliated to", "member-of", false},
    {"affiliated with", "member-of", false}, {"affiliate of", "member-of", false}, {"affiliate", "member-of", false},
    {"works for", "member-of", false}, {"employed by", "member-of", false}, {"employee of", "member-of", false},
    {"staff of", "member-of", false}, {"trustee of", "member-of", false}, {"board member", "member-of", false},
    {"has member", "member-of", true}, {"has members", "member-of", true}, {"members include", "member-of", true},
    {"employs", "member-of", true},
    {"supports", "supports", false}, {"support", "supports", false}, {"supporter", "supports", false},
    {"supporter of", "supports", false}, {"helps", "supports", false}, {"assists", "supports", false},
    {"advises", "supports", false}, {"adviser to", "supports", false}, {"advisor to", "supports", false},
    {"gives advice to", "supports", false}, {"champions", "supports", false}, {"backs", "supports", false},
    {"endorses", "supports", false}, {"promotes", "supports", false}, {"volunteers for", "supports", false},
    {"provides support to", "supports", false}, {"supported", "supports", false},
    {"supported by", "supports", true}, {"helped by", "supports", true}, {"advised by", "supports", true},
    {"backed by", "supports", true}, {"endorsed by", "supports", true},
    {"provides", "provides", false}, {"provider", "provides", false}, {"provider of", "provides", false},
    {"delivers", "provides", false}, {"delivers services for", "provides", false},
    {"delivers for", "provides", false}, {"provides services to", "provides", false},
    {"provides services for", "provides", false}, {"contractor to", "provides", false},
    {"contractor", "provides", false}, {"supplier to", "provides", false}, {"supplies", "provides", false},
    {"contracted by", "provides", false}, {"delivers service", "provides", false},
    {"accountable to", "accountable-to", false}, {"reports to", "accountable-to", false},
    {"answerable to", "accountable-to", false}, {"overseen by", "accountable-to", false},
    {"oversees", "accountable-to", true}, {"holds to account", "accountable-to", true},
    {"performance managed by", "performance-managed-by", false},
    {"regulated by", "regulated-by", false}, {"inspected by", "regulated-by", false},
    {"regulates", "regulated-by", true}, {"inspects", "regulated-by", true}, {"regulator of", "regulated-by", true},
    {"part of", "part-of", false}, {"subsidiary of", "part-of", false}, {"division of", "part-of", false},
    {"unit of", "part-of", false}, {"branch of", "part-of", false}, {"sits within", "part-of", false},
    {"within", "part-of", false}, {"subsidiary", "part-of", false},
    {"includes", "part-of", true}, {"contains", "part-of", true}, {"has part", "part-of", true},
    {"parent of", "part-of", true}, {"parent organisation of", "part-of", true}, {"owns", "part-of", true},
    {"leads", "leads", false}, {"lead", "leads", false}, {"lead partner", "leads", false},
    {"lead organisation", "leads", false}, {"runs", "leads", false}, {"manages", "leads", false},
    {"coordinates", "leads", false}, {"convenes", "leads", false}, {"heads", "leads", false},
    {"directs", "leads", false}, {"hosts", "leads", false},
    {"led by", "leads", true}, {"run by", "leads", true}, {"managed by", "leads", true},
    {"coordinated by", "leads", true}, {"convened by", "leads", true}, {"headed by", "leads", true},
    {"chief executive of", "chief-executive-of", false}, {"chief executive", "chief-executive-of", false},
    {"ceo", "chief-executive-of", false}, {"ceo of", "chief-executive-of", false},
    {"chair of", "chair-of", false}, {"chair", "chair-of", false}, {"chairs", "chair-of", false},
    {"chairman of", "chair-of", false}, {"chairperson of", "chair-of", false}, {"chaired by", "chair-of", true},
    {"publishes", "publishes", false}, {"published", "publishes", false}, {"publisher of", "publishes", false},
    {"issued", "publishes", false}, {"issues", "publishes", false},
    {"published by", "publishes", true}, {"issued by", "publishes", true},
    {"author of", "author-of", false}, {"author", "author-of", false}, {"wrote", "author-of", false},
    {"writes", "author-of", false}, {"authored", "author-of", false}, {"co authored", "author-of", false},
    {"written by", "author-of", true}, {"authored by", "author-of", true},
    {"signed", "signatory-of", false}, {"signs", "signatory-of", false}, {"signatory", "signatory-of", false},
    {"signatory of", "signatory-of", false}, {"signatory to", "signatory-of", false},
    {"signed by", "signatory-of", true},
    {"addressed to", "addressed-to", false}, {"sent to", "addressed-to", false},
    {"written to", "addressed-to", false}, {"letter to", "addressed-to", false},
    {"issues mandate to", "issues-mandate-to", false}, {"mandates", "issues-mandate-to", false},
    {"sets mandate for", "issues-mandate-to", false},
    {"addresses", "addresses-theme", false}, {"about", "addresses-theme", false},
    {"concerns", "addresses-theme", false}, {"covers", "addresses-theme", false},
    {"focuses on", "addresses-theme", false}, {"theme", "addresses-theme", false},
    {"topic", "addresses-theme", false}, {"works on", "addresses-theme", false},
    {"responds to", "responds-to", false}, {"response to", "responds-to", false},
    {"in response to", "responds-to", false}, {"replies to", "responds-to", false},
    {"follows", "follows", false}, {"follow up to", "follows", false}, {"followed by", "follows", true},
    {"implements", "implements", false}, {"implementation of", "implements", false},
    {"delivers on", "implements", false}, {"puts into practice", "implements", false},
    {"refers to", "refers-to", false}, {"mentions", "refers-to", false}, {"cites", "refers-to", false},
    {"references", "refers-to", false}, {"mentioned in", "refers-to", true}, {"cited by", "refers-to", true},
    {"referred to in", "refers-to", true},
    {"welcomes", "welcomes", false}, {"welcomed", "welcomes", false},
    {"announces", "announces", false}, {"announced", "announces", false}, {"launches", "announces", false},
    {"launched", "announces", false}, {"announced by", "announces", true}, {"launched by", "announces", true},
    {"established by", "established-by", false}, {"set up by", "established-by", false},
    {"founded by", "established-by", false}, {"created by", "established-by", false},
    {"formed by", "established-by", false}, {"started by", "established-by", false},
    {"established", "established-by", true}, {"set up", "established-by", true},
    {"founded", "established-by", true}, {"created", "established-by", true}, {"formed", "established-by", true},
    {"founder of", "established-by", true}, {"founder", "established-by", true},
    {"made under", "made-under", false},
    {"succeeded by", "succeeded-by", false}, {"replaced by", "succeeded-by", false},
    {"became", "succeeded-by", false}, {"superseded by", "succeeded-by", false},
    {"taken over by", "succeeded-by", false}, {"predecessor of", "succeeded-by", false},
    {"succeeds", "succeeded-by", true}, {"succeeded", "succeeded-by", true}, {"replaces", "succeeded-by", true},
    {"replaced", "succeeded-by", true}, {"supersedes", "succeeded-by", true},
    {"successor to", "succeeded-by", true}, {"successor of", "succeeded-by", true},
    {"took over", "succeeded-by", true}, {"takes over", "succeeded-by", true},
    {"renamed", "renamed-to", false}, {"renamed to", "renamed-to", false}, {"renamed as", "renamed-to", false},
    {"now called", "renamed-to", false}, {"now known as", "renamed-to", false},
    {"formerly", "renamed-to", true}, {"formerly known as", "renamed-to", true}, {"previously", "renamed-to", true},
    {"merged into", "merged-into", false}, {"merged with", "merged-into", false},
    {"absorbed into", "merged-into", false}, {"merges into", "merged-into", false},
    {"absorbed", "merged-into", true},
    {"consulted on", "consulted-on", false}, {"consulted about", "consulted-on", false},
    {"feeds into", "feeds-into", false}, {"informs", "feeds-into", false}, {"input to", "feeds-into", false},
    {"feeds", "feeds-into", false},
    {"contributes to", "contributes-to", false}, {"contribution to", "contributes-to", false},
    {"contributor to", "contributes-to", false}, {"contributes", "contributes-to", false},
    {"based at", "based-at", false}, {"hosted by", "based-at", false}, {"located at", "based-at", false},
    {"located in", "based-at", false}, {"based in", "based-at", false}, {"housed at", "based-at", false},
    {"speaks for", "speaks-for", false}, {"represents", "speaks-for", false},
    {"spokesperson for", "speaks-for", false}, {"voice of", "speaks-for", false},
    {"minister in", "minister-in", false}, {"minister at", "minister-in", false},
    {"minister of", "minister-in", false},
    {"related", "related-to", false}, {"linked", "related-to", false}, {"linked to", "related-to", false},
    {"connected", "related-to", false}, {"connected to", "related-to", false}, {"associated with", "related-to", false},
    {"other", "related-to", false},
};

struct RelValue {
  int type;
  bool reversed, partner;
};

const PhraseTable<RelValue>& relationTable() {
  static const PhraseTable<RelValue> t = [] {
    PhraseTable<RelValue> p;
    for (const RelWord& w : kRelWords) {
      const int type = relationTypeIndex(w.type);
      const std::string_view phrase = w.phrase;
      const bool partner = type == relationTypeIndex("works-with") && phrase.find("partner") != std::string_view::npos;
      p.add(w.phrase, {type, w.reversed, partner});
    }
    return p;
  }();
  return t;
}

// ---- dates -------------------------------------------------------------------------------------

const char* const kMonthNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};

int monthOf(std::string_view w) {
  if (w.size() < 3) return 0;
  if (w == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    const std::string_view full = kMonthNames[m];
    if (w == full || (w.size() == 3 && full.substr(0, 3) == w)) return m + 1;
  }
  return 0;
}

int seasonOf(std::string_view w) {
  if (w == "spring") return 21;
  if (w == "summer") return 22;
  if (w == "autumn" || w == "fall") return 23;
  if (w == "winter") return 24;
  return 0;
}

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int toInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string pad(int v, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, v);
  return buf;
}

// One point (no range) from its tokens; EDTF text without qualifiers, or empty with a hint.
std::string pointFromTokens(const std::vector<std::string>& t, const std::vector<char>& seps, std::string& hint) {
  auto year = [&](const std::string& s) { return s.size() == 4 && allDigits(s) && toInt(s) >= 1; };
  auto dayOk = [&](int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m); };
  auto dayNum = [](std::string s, int& d) {  // "1", "1st", "22nd", "3rd", "4th"
    for (const char* suf : {"st", "nd", "rd", "th"}) {
      const size_t n = std::char_traits<char>::length(suf);
      if (s.size() > n && s.compare(s.size() - n, n, suf) == 0) { s.resize(s.size() - n); break; }
    }
    if (!allDigits(s) || s.size() > 2) return false;
    d = toInt(s);
    return true;
  };
  const bool numeric = std::all_of(t.begin(), t.end(), [](const std::string& s) { return allDigits(s); });
  if (t.size() == 1) {
    if (year(t[0])) return t[0];
    if (allDigits(t[0]) && t[0].size() == 5) hint = "a spreadsheet's day number: format the column as dates";
    else if (allDigits(t[0]) && t[0].size() == 2) hint = "a two-digit year: write all four digits";
    return "";
  }
  if (t.size() == 2) {
    if (const int m = monthOf(t[0]); m && year(t[1])) return t[1] + "-" + pad(m, 2);          // April 2023
    if (const int s = seasonOf(t[0]); s && year(t[1])) return t[1] + "-" + std::to_string(s);  // Spring 2023
    if (numeric && year(t[1]) && t[0].size() <= 2) {                                              // 04/2023
      const int m = toInt(t[0]);
      if (m >= 1 && m <= 12) return t[1] + "-" + pad(m, 2);
      hint = "month " + t[0] + " does not exist";
      return "";
    }
    if (numeric && year(t[0]) && t[1].size() <= 2 && seps[0] != '-') {  // 2023/04 (2023-04 is EDTF already)
      const int m = toInt(t[1]);
      if (m >= 1 && m <= 12) return t[0] + "-" + pad(m, 2);
    }
    if (numeric && t[1].size() == 2 && t[0].size() <= 2) hint = "a two-digit year: write all four digits";
    return "";
  }
  if (t.size() == 3) {
    int d = 0;
    if (const int m = monthOf(t[1]); m && year(t[2]) && dayNum(t[0], d)) {  // 1 April 2023
      if (dayOk(toInt(t[2]), m, d)) return t[2] + "-" + pad(m, 2) + "-" + pad(d, 2);
      hint = "day " + std::to_string(d) + " does not exist in " + kMonthNames[m - 1];
      return "";
    }
    if (const int m = monthOf(t[0]); m && year(t[2]) && dayNum(t[1], d)) {  // April 1, 2023
      if (dayOk(toInt(t[2]), m, d)) return t[2] + "-" + pad(m, 2) + "-" + pad(d, 2);
      hint = "day " + std::to_string(d) + " does not exist in " + kMonthNames[m - 1];
      return "";
    }
    if (numeric && year(t[2]) && t[0].size() <= 2 && t[1].size() <= 2) {  // 1/4/2023, day first (UK)
      const int dd = toInt(t[0]), mm = toInt(t[1]), yy = toInt(t[2]);
      if (dayOk(yy, mm, dd)) return t[2] + "-" + pad(mm, 2) + "-" + pad(dd, 2);
      hint = mm > 12 ? "month " + t[1] + " does not exist (day/month/year, the UK order)"
                     : "day " + t[0] + " does not exist in that month";
      return "";
    }
    if (numeric && year(t[0]) && t[1].size() <= 2 && t[2].size() <= 2) {  // 2023-4-1, 2023/04/01
      const int yy = toInt(t[0]), mm = toInt(t[1]), dd = toInt(t[2]);
      if (dayOk(yy, mm, dd)) return t[0] + "-" + pad(mm, 2) + "-" + pad(dd, 2);
      hint = "no such day";
      return "";
    }
    if (numeric && t[2].size() == 2 && t[0].size() <= 2 && t[1].size() <= 2) hint = "a two-digit year: write all four digits";
  }
  return "";
}

// Splits a point's text into number and word tokens, remembering the separator after each.
void tokens(std::string_view s, std::vector<std::string>& out, std::vector<char>& seps) {
  std::string cur;
  for (char c : s) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
    if (alnum) {
      // "1st" stays one token, but a digit run followed by letters other than an ordinal splits later.
      cur += c;
      continue;
    }
    if (!cur.empty()) {
      out.push_back(cur);
      seps.push_back(c);
      cur.clear();
    } else if (!seps.empty() && seps.back() == ' ') {
      seps.back() = c;  // "1 / 4" keeps the more telling separator
    }
  }
  if (!cur.empty()) {
    out.push_back(cur);
    seps.push_back('\0');
  }
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string trimmed(std::string_view s) {
  const size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string_view::npos) return "";
  return std::string(s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1));
}

// One point with its qualifiers ("c. 1987", "2014?"): EDTF text, or empty with a hint.
std::string pointEdtf(std::string s, std::string& hint) {
  bool approx = false, uncertain = false;
  s = trimmed(s);
  while (!s.empty() && (s.back() == '?' || s.back() == '~')) {
    (s.back() == '?' ? uncertain : approx) = true;
    s.pop_back();
    s = trimmed(s);
  }
  if (!s.empty() && s[0] == '~') { approx = true; s = trimmed(s.substr(1)); }
  for (const char* p : {"circa ", "circa", "c. ", "c.", "ca. ", "ca.", "about ", "around ", "approx. ", "approx ",
                        "approximately ", "roughly ", "c "}) {
    const std::string_view pre = p;
    if (s.compare(0, pre.size(), pre) == 0 && s.size() > pre.size() && (s[pre.size()] >= '0' && s[pre.size()] <= '9')) {
      approx = true;
      s = trimmed(s.substr(pre.size()));
      break;
    }
  }
  if (s.empty()) return "";
  std::string out;
  // Already EDTF (2023, 2023-04, 2023-04-01, 2013-21)?
  if (s.find(' ') == std::string::npos && s.find('/') == std::string::npos) {
    DateParse p = parseEdtf(s);
    if (p.ok && !p.date.interval) out = s;
  }
  if (out.empty()) {
    std::vector<std::string> t;
    std::vector<char> seps;
    tokens(s, t, seps);
    // "2023-04" style with a word month: "apr-2023" is fine, tokens handle it.
    out = pointFromTokens(t, seps, hint);
  }
  if (out.empty()) return "";
  if (approx && uncertain) out += '%';
  else if (approx) out += '~';
  else if (uncertain) out += '?';
  return out;
}

bool openWord(const std::string& s) {
  static const char* const kOpen[] = {"present", "now", "ongoing", "current", "currently", "to date", "today",
                                      "continuing", "still going", "open", "..", "live"};
  for (const char* w : kOpen) if (s == w) return true;
  return false;
}

}  // namespace

std::string matchKey(std::string_view text) {
  const std::string folded = foldText(text);
  std::string out;
  out.reserve(folded.size());
  const std::vector<std::string_view> w = words(folded);
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] == "and") continue;
    if (i == 0 && w[i] == "the" && w.size() > 1) continue;
    if (!out.empty()) out += ' ';
    out.append(w[i]);
  }
  return out;
}

const char* columnRoleName(ColumnRole r) {
  static const char* const kNames[] = {
      "a field",        "id",           "name",          "kind",         "kind/type",     "aliases",
      "short name",     "description",  "date",          "start date",   "end date",      "the entity's address",
      "from",           "to",           "role",          "source title", "source address", "source",
      "source publisher", "source date", "seed document", "quote",       "citation note"};
  static_assert(sizeof kNames / sizeof kNames[0] == static_cast<size_t>(ColumnRole::Count), "one name per role");
  return kNames[static_cast<int>(r)];
}

ColumnRole entityColumnRole(std::string_view header, bool hasSourceColumn) {
  return lookupHeader(header, false, hasSourceColumn);
}

ColumnRole relationColumnRole(std::string_view header, bool hasSourceColumn) {
  return lookupHeader(header, true, hasSourceColumn);
}

bool fromCandidate(std::string_view header) { return lookupHeader(header, true, false) == ColumnRole::Name; }

bool isSourceHeader(std::string_view header) {
  const std::string key = foldText(header);
  if (key == "source") return true;
  auto it = headerTables().common.find(key);
  if (it == headerTables().common.end()) return false;
  switch (it->second) {
    case ColumnRole::SourceTitle: case ColumnRole::SourceUrl: case ColumnRole::SourceAny:
    case ColumnRole::Publisher: case ColumnRole::SourceDate: case ColumnRole::SourceSeed: case ColumnRole::Quote:
      return true;
    default:
      return false;
  }
}

EntityTypeGuess guessEntityType(std::string_view text, const Kind* knownKind) {
  EntityTypeGuess g;
  if (exactEntityType(text, knownKind, g)) return g;
  GuessQuality q = GuessQuality::None;
  const TypeValue* v = typeTable().find(text, q);
  if (!v) return g;
  if (knownKind && v->kind != *knownKind) {
    // The word names a type of another kind: with the kind given, only that kind's own word would do.
    return g;
  }
  g.quality = q;
  g.kind = v->kind;
  g.kindOnly = v->type.empty();
  g.type = v->type.empty() ? (v->kind == Kind::Theme ? "theme" : "other") : v->type;
  return g;
}

bool guessKind(std::string_view text, Kind& out) {
  EntityTypeGuess g;
  if (exactEntityType(text, nullptr, g)) { out = g.kind; return true; }
  GuessQuality q = GuessQuality::None;
  const TypeValue* v = typeTable().find(text, q);
  if (!v || q == GuessQuality::Contains) return false;
  out = v->kind;
  return true;
}

EntityTypeGuess guessTypeFromName(std::string_view name) {
  struct Ending {
    const char* words;
    const char* type;
  };
  // Plain endings (or words) of organisations' names that say what they are.
  static const Ending kEndings[] = {
      {"nhs foundation trust", "nhs-foundation-trust"}, {"foundation trust", "nhs-foundation-trust"},
      {"nhs trust", "nhs-trust"}, {"integrated care board", "commissioning-body"}, {"icb", "commissioning-body"},
      {"clinical commissioning group", "commissioning-body"}, {"ccg", "commissioning-body"},
      {"commissioning support unit", "commissioning-support-unit"}, {"csu", "commissioning-support-unit"},
      {"council", "local-government"}, {"borough council", "local-government"},
      {"county council", "local-government"}, {"combined authority", "local-government"},
      {"university", "research-network"}, {"cic", "social-enterprise"}, {"hospice", "charity"},
      {"charity", "charity"}, {"ltd", "company"}, {"limited", "company"}, {"plc", "company"},
  };
  EntityTypeGuess g;
  const std::string folded = foldText(name);
  const std::vector<std::string_view> w = words(folded);
  if (w.empty()) return g;
  for (const Ending& e : kEndings) {
    const std::vector<std::string_view> ew = words(e.words);
    if (ew.size() > w.size()) continue;
    if (std::equal(ew.begin(), ew.end(), w.end() - static_cast<std::ptrdiff_t>(ew.size()))) {
      g.quality = GuessQuality::Phrase;
      g.kind = Kind::Organisation;
      g.type = e.type;
      return g;
    }
  }
  if (w[0] == "university") {
    g.quality = GuessQuality::Phrase;
    g.type = "research-network";
  }
  return g;
}

RelationTypeGuess guessRelationType(std::string_view text) {
  RelationTypeGuess g;
  const std::string s = trimmed(lowerAscii(text));
  if (s.empty()) return g;
  // Our own words: an id ("works-with") or a label ("works with").
  for (size_t i = 0; i < relationTypes().size(); ++i) {
    const RelationType& t = relationTypes()[i];
    if (s == t.id || s == t.label) {
      g.quality = GuessQuality::Exact;
      g.type = static_cast<int>(i);
      return g;
    }
  }
  GuessQuality q = GuessQuality::None;
  const RelValue* v = relationTable().find(text, q);
  if (!v) return g;
  g.quality = q;
  g.type = v->type;
  g.reversed = v->reversed;
  g.partnerWord = v->partner;
  return g;
}

SheetDate parseSheetDate(std::string_view text) {
  SheetDate r;
  std::string s = trimmed(lowerAscii(text));
  if (s.empty()) return r;
  // En and em dashes between two dates are range marks.
  for (const char* dash : {"\xe2\x80\x93", "\xe2\x80\x94"}) {
    for (size_t at; (at = s.find(dash)) != std::string::npos;) s.replace(at, 3, " - ");
  }
  // Words for "no date": as good as an empty cell.
  for (const char* none : {"unknown", "not known", "n/a", "na", "n.a.", "tbc", "tbd", "?", "-", "--", "none", "nil"}) {
    if (s == none) return r;
  }
  if (openWord(s)) {
    r.status = SheetDate::Ongoing;
    return r;
  }
  auto finish = [&](const std::string& edtf) {
    DateParse p = parseEdtf(edtf);
    if (!p.ok) {
      r.status = SheetDate::Unknown;
      r.hint = p.error;
      return r;
    }
    r.status = SheetDate::Ok;
    r.date = p.date;
    r.edtf = toEdtf(p.date);
    return r;
  };
  // A financial year: "2023-24", "2023/24".
  if (s.size() == 7 && allDigits(s.substr(0, 4)) && (s[4] == '-' || s[4] == '/') && allDigits(s.substr(5))) {
    const int y = toInt(s.substr(0, 4)), yy = toInt(s.substr(5));
    if (yy == (y + 1) % 100) return finish(s.substr(0, 4) + "/" + std::to_string(y + 1));
  }
  // EDTF as the corpus format writes it, intervals included.
  std::string edtfError;
  if (s.find(' ') == std::string::npos) {
    DateParse p = parseEdtf(s);
    if (p.ok) return finish(s);
    if (s.size() >= 9 && allDigits(s.substr(0, 4)) && s.find('/') != std::string::npos) edtfError = p.error;
  }
  // A range written out: "2019 to 2021", "2019 - 2021", "April 2019 - March 2021", "2019-2021".
  std::string a, b;
  if (size_t at = s.find(" to "); at != std::string::npos) {
    a = s.substr(0, at);
    b = s.substr(at + 4);
  } else if (size_t dash = s.find(" - "); dash != std::string::npos) {
    a = s.substr(0, dash);
    b = s.substr(dash + 3);
  } else if (s.size() == 9 && allDigits(s.substr(0, 4)) && s[4] == '-' && allDigits(s.substr(5))) {
    a = s.substr(0, 4);
    b = s.substr(5);
  }
  if (!a.empty() || !b.empty()) {
    std::string hint;
    const std::string pa = trimmed(a).empty() ? "" : pointEdtf(a, hint);
    const std::string bt = trimmed(b);
    const std::string pb = bt.empty() ? "" : openWord(bt) ? ".." : pointEdtf(bt, hint);
    if ((!trimmed(a).empty() && pa.empty()) || (!bt.empty() && pb.empty()) || (pa.empty() && pb.empty())) {
      r.status = SheetDate::Unknown;
      r.hint = hint;
      return r;
    }
    return finish(pa + "/" + pb);
  }
  std::string hint;
  const std::string p = pointEdtf(s, hint);
  if (p.empty()) {
    r.status = SheetDate::Unknown;
    r.hint = hint.empty() ? edtfError : hint;
    return r;
  }
  return finish(p);
}

bool joinDates(const SheetDate& start, const SheetDate& end, Date& out, std::string& edtf, std::string& hint) {
  auto startText = [](const SheetDate& d) {  // an interval's start
    const size_t slash = d.edtf.find('/');
    return slash == std::string::npos ? d.edtf : d.edtf.substr(0, slash);
  };
  auto endText = [](const SheetDate& d) {
    const size_t slash = d.edtf.find('/');
    return slash == std::string::npos ? d.edtf : d.edtf.substr(slash + 1);
  };
  const bool hasStart = start.status == SheetDate::Ok, hasEnd = end.status == SheetDate::Ok;
  if (!hasStart && !hasEnd) return false;
  std::string text;
  if (hasStart && hasEnd) text = startText(start) + "/" + endText(end);
  else if (hasStart) text = startText(start) + "/..";  // no end given, or "present": still going
  else text = "/" + endText(end);                      // an end with no start: the start is not known
  DateParse p = parseEdtf(text);
  if (!p.ok) {
    hint = p.error;
    return false;
  }
  out = p.date;
  edtf = toEdtf(p.date);
  return true;
}

std::string slugOf(std::string_view name, size_t maxLength) {
  const std::string folded = foldText(name);
  std::string out;
  bool gap = false;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (gap && !out.empty()) out += '-';
      gap = false;
      out += c;
    } else {
      gap = true;
    }
  }
  if (out.size() > maxLength) {
    size_t cut = out.rfind('-', maxLength);
    if (cut == std::string::npos || cut < maxLength / 2) cut = maxLength;
    out.resize(cut);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out;
}

std::string briefText(std::string_view text, size_t maxBytes) {
  if (text.size() <= maxBytes) return std::string(text);
  size_t cut = maxBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "\u2026";
}

std::string_view idPrefix(Kind k) {
  static const std::string_view kPrefixes[] = {"org", "person", "doc", "prog", "partnership", "part", "theme"};
  return kPrefixes[static_cast<int>(k)];
}

}  // namespace nhsx
