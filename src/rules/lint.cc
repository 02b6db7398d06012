#include "rules/lint.h"

#include <map>

#include "rules/lexicon.h"

namespace amends {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

struct Span {
  size_t begin, end;
};

// Reports every span whose canonical text repeats an earlier one's.
void AddDuplicates(std::string_view pattern, const std::vector<Span>& spans,
                   std::vector<DuplicateAlternative>* out) {
  std::map<std::string, size_t> seen;
  for (const Span& s : spans) {
    size_t b = s.begin;
    while (b < s.end && IsSpace(pattern[b])) ++b;
    std::string text = CanonicalPattern(pattern.substr(b, s.end - b));
    if (text.empty()) continue;
    auto [it, inserted] = seen.emplace(text, b);
    if (!inserted) out->push_back({b, it->second, text});
  }
}

// Word sets outside any group ("sorry|sad"): '|' there separates words.
void TopLevelWordSets(std::string_view pattern, std::vector<DuplicateAlternative>* out) {
  int depth = 0;
  size_t i = 0;
  while (i < pattern.size()) {
    char c = pattern[i];
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (depth != 0 || c == '(' || c == ')' || IsSpace(c)) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < pattern.size() && !IsSpace(pattern[end]) && pattern[end] != '(' &&
           pattern[end] != ')')
      ++end;
    std::vector<Span> words;
    size_t start = i;
    for (size_t k = i; k <= end; ++k) {
      if (k == end || pattern[k] == '|') {
        size_t e = k;
        if (e > start && pattern[e - 1] == '?') --e;  // "sorry|sad?" is one set, made optional
        words.push_back({start, e});
        start = k + 1;
      }
    }
    if (words.size() > 1) AddDuplicates(pattern, words, out);
    i = end;
  }
}

}  // namespace

std::string CanonicalPattern(std::string_view pattern) {
  std::string out;
  bool space = false;
  for (char c : pattern) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    bool tight = c == '|' || c == ')' || c == '?';
    if (space && !out.empty() && !tight && out.back() != '(' && out.back() != '|')
      out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::vector<CountedRepeat> FindCountedRepeats(std::string_view regex) {
  std::vector<CountedRepeat> out;
  bool in_class = false;
  for (size_t i = 0; i < regex.size(); ++i) {
    char c = regex[i];
    if (c == '\\') {
      ++i;  // an escaped character is a literal
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
      if (i + 1 < regex.size() && regex[i + 1] == ']') ++i;  // "[]…]"
      continue;
    }
    if (c != '{') continue;
    size_t j = i + 1;
    uint64_t least = 0, most = 0;
    bool digits = false;
    while (j < regex.size() && regex[j] >= '0' && regex[j] <= '9')
      least = least * 10 + static_cast<uint64_t>(regex[j++] - '0'), digits = true;
    if (!digits) continue;
    most = least;
    if (j < regex.size() && regex[j] == ',') {
      ++j;
      most = 0;
      bool upper = false;
      while (j < regex.size() && regex[j] >= '0' && regex[j] <= '9')
        most = most * 10 + static_cast<uint64_t>(regex[j++] - '0'), upper = true;
      if (!upper) most = least;  // "{3,}": the repeats past the least are a '*'
    }
    if (j < regex.size() && regex[j] == '}') {
      out.push_back({i, j + 1 - i, static_cast<uint32_t>(std::min<uint64_t>(most, UINT32_MAX))});
      i = j;
    }
  }
  return out;
}

std::vector<DuplicateAlternative> FindDuplicateAlternatives(std::string_view pattern) {
  std::vector<DuplicateAlternative> out;
  struct Frame {
    std::vector<Span> alternatives;
    size_t start;
  };
  std::vector<Frame> open;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '(') {
      open.push_back({{}, i + 1});
    } else if (c == '|' && !open.empty()) {
      open.back().alternatives.push_back({open.back().start, i});
      open.back().start = i + 1;
    } else if (c == ')' && !open.empty()) {
      open.back().alternatives.push_back({open.back().start, i});
      AddDuplicates(pattern, open.back().alternatives, &out);
      open.pop_back();
    }
  }
  TopLevelWordSets(pattern, &out);
  return out;
}

namespace {

struct Definition {
  std::string body;   // canonical
  std::string where;  // file:line
};

class Linter {
 public:
  std::vector<std::string> Run(const std::vector<BlockFile>& files) {
    for (const BlockFile& f : files)
      if (IsMacroFile(f.name)) LintFile(f, /*shared=*/true);
    for (const BlockFile& f : files)
      if (!IsMacroFile(f.name) && f.name.size() >= 6 &&
          f.name.compare(f.name.size() - 6, 6, ".rules") == 0)
        LintFile(f, /*shared=*/false);
    return std::move(out_);
  }

 private:
  static std::string Folder(const std::string& name) {
    size_t slash = name.rfind('/');
    return slash == std::string::npos ? std::string() : name.substr(0, slash);
  }

  void Report(const BlockFile& f, std::pair<int, int> at, const std::string& message) {
    out_.push_back(f.Error(at.first, at.second, message));
  }

  void LintPattern(const BlockFile& f, const std::string& value,
                   const std::vector<ValuePiece>& pieces) {
    for (const DuplicateAlternative& d : FindDuplicateAlternatives(value)) {
      auto first = LocateInValue(pieces, d.first);
      Report(f, LocateInValue(pieces, d.offset),
             "'" + d.text + "' is written twice here (first at " + std::to_string(first.first) +
                 ":" + std::to_string(first.second) + ")");
    }
  }

  // A counted repeat of more than a few ("[^.]{0,30}") makes the regex's
  // automaton that many times larger, and every draft is run through it.
  void LintRegex(const BlockFile& f, const BlockField& field) {
    for (const CountedRepeat& c : FindCountedRepeats(field.value)) {
      if (c.most <= kMostRepeats) continue;
      Report(f, field.Locate(c.offset),
             "'" + field.value.substr(c.offset, c.length) + "' repeats up to " +
                 std::to_string(c.most) +
                 " times: in a regex that multiplies the states every draft is run "
                 "through; use '*' or '+'");
    }
  }

  void LintDefine(const BlockFile& f, const Block& b, bool shared,
                  std::map<std::string, Definition>* in_file) {
    std::string body = CanonicalPattern(b.value);
    std::string where = f.name + ":" + std::to_string(b.line);
    auto at = std::make_pair(b.line, b.arg_column);
    if (auto it = in_file->find(b.arg); it != in_file->end()) {
      Report(f, at,
             "@" + b.arg + " is defined again in this file (first at " + it->second.where +
                 (it->second.body == body ? ", with the same body)" : ")"));
    }
    (*in_file)[b.arg] = {body, where};
    if (shared) return;
    const auto& folder_shared = shared_[Folder(f.name)];
    if (auto it = folder_shared.find(b.arg); it != folder_shared.end()) {
      Report(f, at,
             it->second.body == body
                 ? "@" + b.arg + " repeats the shared macro of " + it->second.where +
                       ": remove this copy"
                 : "@" + b.arg + " shadows the shared macro of " + it->second.where +
                       " with another body: give this one its own name");
    }
    auto& others = rule_file_defines_[b.arg];
    auto file_of = [](const Definition& d) { return d.where.substr(0, d.where.rfind(':')); };
    const Definition* copy = nullptr;
    const Definition* namesake = nullptr;  // same name, same folder, another body
    for (const Definition& d : others) {
      if (file_of(d) == f.name) continue;
      if (d.body == body) {
        copy = &d;
        break;
      }
      if (!namesake && Folder(file_of(d)) == Folder(f.name)) namesake = &d;
    }
    if (copy) {
      Report(f, at,
             "@" + b.arg + " is defined the same way at " + copy->where +
                 ": move it to a .macros file");
    } else if (namesake && !folder_shared.contains(b.arg)) {  // shadowing is said above
      // Two files of one folder giving one name two meanings is how copies
      // drift apart unseen; a reviewer reading @name must know which it is.
      Report(f, at,
             "@" + b.arg + " is also defined at " + namesake->where +
                 " with another body: give one of them a name of its own");
    }
    others.push_back({body, where});
  }

  // A `replace` tried after one whose text it ends with is never reached
  // where that one is ("per our policy," before "as per our policy,"
  // leaves the "as" behind): the longer goes first.
  void LintReplacements(const BlockFile& f, const Block& b) {
    std::vector<std::pair<std::string, const BlockField*>> earlier;
    for (const BlockField* field : b.All("replace")) {
      LiteralReplacement r;
      std::string error;
      if (!ParseReplacement(field->value, &r, &error)) continue;  // a load error already
      for (const auto& [from, where] : earlier) {
        if (r.from.size() > from.size() &&
            r.from.compare(r.from.size() - from.size(), from.size(), from) == 0) {
          Report(f, {field->line, field->value_column},
                 "'" + r.from + "' ends with '" + from + "', tried first at line " +
                     std::to_string(where->line) + ": put the longer replacement first");
          break;
        }
      }
      earlier.emplace_back(r.from, field);
    }
  }

  void LintFile(const BlockFile& f, bool shared) {
    std::map<std::string, Definition> in_file;
    for (const Block& b : f.blocks) {
      if (b.keyword == "define") {
        LintDefine(f, b, shared, &in_file);
        LintPattern(f, b.value, b.value_pieces);
      } else if (b.keyword == "rule") {
        LintReplacements(f, b);
        const BlockField* kind_field = b.Find("kind");
        const RuleKindDef* kind = kind_field ? FindRuleKind(kind_field->value) : RuleKinds()[0];
        if (kind && kind->engine == RuleKindDef::Engine::kRegex) {
          for (const BlockField& field : b.fields)
            if (field.key == "match" || field.key == "unless") LintRegex(f, field);
          continue;
        }
        for (const BlockField& field : b.fields)
          if (field.key == "match" || field.key == "unless" || field.key == "with" ||
              field.key == "without")
            LintPattern(f, field.value, field.pieces);
      }
    }
    if (shared) {
      auto& folder_shared = shared_[Folder(f.name)];
      for (auto& [name, d] : in_file) folder_shared[name] = d;
    }
  }

  std::map<std::string, std::map<std::string, Definition>> shared_;  // by folder
  std::map<std::string, std::vector<Definition>> rule_file_defines_;
  std::vector<std::string> out_;
};

}  // namespace

std::vector<std::string> LintLexicon(const std::vector<BlockFile>& files) {
  return Linter().Run(files);
}

}  // namespace amends
