// The whole pipeline behind one call: text → tokens → rule hits → checks.
//
//   std::string error;
//   auto analyzer = Analyzer::Load(EmbeddedLexiconFiles(), &error);
//   if (!analyzer) { /* error is "file:line:col: message" */ }
//   Analysis a = analyzer->Analyze(request);
//
// An Analyzer is immutable once loaded: Analyze may be called from many
// threads at once (each thread keeps its own ICU segmenter).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check_def.h"
#include "checks/evaluate.h"
#include "checks/selection.h"
#include "config/config.h"
#include "rules/lexicon.h"
#include "rules/matcher.h"
#include "text/document.h"
#include "text/language.h"

namespace amends {

// A lexicon file's bytes: its own copy (a file read from disk, a test's
// text), or a view of bytes that live as long as the process (the files
// compiled into the binary), which every start-up would otherwise copy
// (1.1 MB) only to parse checks.def and hash the rest.
class LexiconText {
 public:
  LexiconText() = default;
  LexiconText(std::string text) : owned_(std::move(text)) {}  // NOLINT: implicit
  LexiconText(const char* text) : owned_(text) {}             // NOLINT: implicit
  // `bytes` must outlive every copy of the result (static data).
  static LexiconText Static(std::string_view bytes) {
    LexiconText t;
    t.static_ = bytes;
    t.is_static_ = true;
    return t;
  }
  std::string_view view() const { return is_static_ ? static_ : std::string_view(owned_); }
  operator std::string_view() const { return view(); }  // NOLINT: implicit
  const char* data() const { return view().data(); }
  size_t size() const { return view().size(); }
  // Appending makes the text its own copy first.
  LexiconText& operator+=(std::string_view more) {
    if (is_static_) {
      owned_.assign(static_);
      static_ = {};
      is_static_ = false;
    }
    owned_ += more;
    return *this;
  }

 private:
  std::string owned_;
  std::string_view static_;
  bool is_static_ = false;
};

// One lexicon file: a name for error messages and its content.
struct LexiconFile {
  std::string name;
  LexiconText content;
};

// The lexicon compiled into the binary (lexicons/en at build time). The
// contents view the binary's own bytes.
std::vector<LexiconFile> EmbeddedLexiconFiles();

// Reads checks.def, every *.rules and *.macros file of `dir` and the name lists in
// `dir`/names/*.list, sorted by name. Returns
// false and sets `*error` when the folder or a file cannot be read.
bool ReadLexiconDir(const std::string& dir, std::vector<LexiconFile>* out, std::string* error);

struct Request {
  std::string_view text;                             // the draft, well-formed UTF-8
  uint32_t begin = 0;                                // first byte to analyse (after a BOM)
  std::optional<std::string_view> customer_message;  // when known
  std::string customer_name;                         // as given ("Mary Smith"), "" when unknown
  std::optional<bool> force_recovery;                // --situation
  // When set, an analysis still running at this time gives up (an audit's
  // --max-record-ms). It is looked at between stages, never inside one: a
  // safety net against a pathological record, not a precise timer.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  // --language en: check the draft with the English rules whatever
  // language it looks like (no guess is made).
  bool assume_english = false;
  // At most this many findings per check, and pieces of evidence per text,
  // are kept (the first in text order); the rest are only counted
  // (CheckResult::left_out, Situation::evidence_left_out). 0 keeps all. A
  // caller that writes a capped report (check, gate, serve) passes its cap,
  // so one pathological draft holds no more than it shows.
  size_t keep_findings = 0;
};

struct Analysis {
  Document draft;  // views request.text: keep the text alive while using it
  Situation situation;
  std::vector<CheckResult> checklist;
  bool ready_to_send = true;
  Customer customer;
  // The request's deadline passed before the analysis ended: the checklist
  // is empty and nothing else here is to be used.
  bool out_of_time = false;
  // The draft's language as guessed (text/language.h). When it is
  // confidently not English (`!language.english`) no English rule is
  // applied: every check is n/a, with no findings.
  LanguageGuess language;
};

// What Analyze may take from its earlier analyses of one text as it is
// edited (an editor's open document), instead of working it out again:
// the word and sentence breaks of each line (text/document.h, BreakCache)
// and the phrase hits of each sentence (rules/matcher.h, PhraseHitCache),
// each keyed by all it was worked out from. All the rest (the regex
// rules, layout, language, situation, checks) is done on the whole text
// every time, so an analysis with a cache is the one without it, byte for
// byte; an edit costs what its lines and sentences cost, plus that rest.
//
// Holds only what the latest text had (about the size of its breaks and
// hits) and owns its copies, so the text may change or go between
// analyses. Forgets its phrase hits when used with another Analyzer, or
// after the analyzer's Configure or Select. Not thread-safe: one cache
// per text, used by one thread at a time; the Analyzer itself stays
// shared and immutable.
class AnalysisCache {
 public:
  AnalysisCache();
  ~AnalysisCache();
  AnalysisCache(const AnalysisCache&) = delete;
  AnalysisCache& operator=(const AnalysisCache&) = delete;

  // Of the last analysis: lines and sentences held, and those reused.
  const BreakCache& breaks() const { return breaks_; }
  const PhraseHitCache& phrases() const { return phrases_; }

 private:
  friend class Analyzer;
  uint64_t serial_ = 0;  // Analyzer::serial() of what filled it
  BreakCache breaks_;
  PhraseHitCache phrases_;
};

// Threading: after Load, Configure and Select an Analyzer is immutable, and
// Analyze may run on any number of threads at once. Each thread keeps its
// scratch space (the segmenter, the matcher's buffers, the tag index of
// the checks, the reports' rendered text) in thread_local storage reused
// from call to call, which is what keeps an audit from allocating per
// reply. Two consequences: Analyze is not re-entrant on one thread (no
// callback runs inside it, so nothing can call it again), and a thread's
// scratch keeps the capacity of the largest text it analysed until the
// thread ends (audit and serve run a fixed pool of threads, and requests
// are bounded by --max-bytes).
class Analyzer {
 public:
  // Parses and compiles `files` (one must be named checks.def). Returns null
  // and sets `*error` to file:line diagnostics when anything is wrong.
  //
  // `image`, when not empty, is a compiled form of the first files (see
  // WriteLexiconImage): their rules and name lists are read from it
  // instead of being compiled again, and only checks.def is parsed. The
  // image records a hash of the files it was compiled from; when the first
  // files differ from those (a team's edited lexicon), it is not used and
  // they are compiled (from_image() then says false). The files after them are compiled as usual.
  // The image's arrays are used in place: it must outlive the Analyzer (the embedded one does) and
  // start at an address aligned to 8.
  //
  // `rule_examples` false leaves the image's rules without their `fire`,
  // `pass` and `fixes` examples, which only RunRuleExamples and `explain`
  // read (has_rule_examples() then says false); rules compiled from files
  // keep theirs.
  //
  // `image_check` kBuiltTogether says the caller knows the image was made
  // from the first files when the program was built (the embedded pair):
  // their hash is not worked out again, which is a tenth of a short
  // check's start-up. A test holds the embedded pair to that (a stale one
  // fails it); anything else is checked.
  enum class ImageCheck { kHash, kBuiltTogether };
  static std::unique_ptr<Analyzer> Load(const std::vector<LexiconFile>& files, std::string* error,
                                        std::string_view image = {}, bool rule_examples = true,
                                        ImageCheck image_check = ImageCheck::kHash);

  // Applies a team configuration's check overrides. Call before the first
  // Analyze; returns false and sets `*error` for an unknown check id.
  bool Configure(const Config& config, std::string* error) {
    serial_ = NextSerial();
    return ApplyOverrides(config, &checks_, error);
  }
  // Keeps only the checks `selection` names (--only, --skip), after
  // Configure and before the first Analyze; the others do not run and are
  // left out of every checklist, as a check the configuration turns off.
  // Returns false and sets `*error` for an unknown id or when no check
  // would run.
  bool Select(const CheckSelection& selection, std::string* error) {
    serial_ = NextSerial();
    return ApplySelection(selection, &checks_, error);
  }

  Analysis Analyze(const Request& request) const;
  // The same into `*out`, reusing its storage: for a caller that analyses
  // one reply after another (an audit keeps one Analysis per thread).
  void Analyze(const Request& request, Analysis* out) const;
  // The same, reusing what `cache` holds of earlier analyses of this text
  // (see AnalysisCache; null: none). The result is the one without it.
  void Analyze(const Request& request, Analysis* out, AnalysisCache* cache) const;

  // Hits of `scope` rules in `text` (rule examples, debugging).
  std::vector<Hit> Hits(std::string_view text, RuleScope scope) const;

  const CheckSet& checks() const { return checks_; }
  // The index in checks().checks of the check `r` is a result of, or
  // SIZE_MAX when `r` comes from another analyzer's check set (the
  // reports look up what they rendered per check by it).
  size_t CheckIndex(const CheckResult& r) const {
    const std::vector<CheckDef>& all = checks_.checks;
    std::less_equal<const CheckDef*> le;
    if (all.empty() || !le(all.data(), r.check) || !le(r.check, &all.back())) return SIZE_MAX;
    return static_cast<size_t>(r.check - all.data());
  }
  const Lexicon& lexicon() const { return lexicon_; }
  const NameLists& names() const { return names_; }
  const Matcher& matcher() const { return *matcher_; }
  // Whether Load took the rules from an image, and the matcher's phrase
  // index too (only when no file follows the image; else it is built).
  bool from_image() const { return from_image_; }
  bool matcher_from_image() const { return matcher_from_image_; }
  // Whether every rule holds its examples (see Load).
  bool has_rule_examples() const { return has_rule_examples_; }
  // A number that names this analyzer's current checks and rules: no other
  // Analyzer of the process, and no earlier state of this one (before
  // Configure), has it. Caches derived from them key on it.
  uint64_t serial() const { return serial_; }

 private:
  Analyzer() : serial_(NextSerial()) {}
  static uint64_t NextSerial();
  uint64_t serial_;
  CheckSet checks_;
  Lexicon lexicon_;
  NameLists names_;
  std::unique_ptr<Matcher> matcher_;
  bool from_image_ = false;
  bool matcher_from_image_ = false;
  bool has_rule_examples_ = true;
};

// Compiles `files` as Analyzer::Load does and writes the result as an
// image for Load. Returns false with `*error` set when they do not load.
bool WriteLexiconImage(const std::vector<LexiconFile>& files, std::string* image,
                       std::string* error);

// The image of EmbeddedLexiconFiles(), made when amends is built; defined
// in the generated embedded_lexicon_image.cc (target amends_lexicon_image).
std::string_view EmbeddedLexiconImage();

// Gives the fix and consider findings of rules with literal replacements
// their edit (Finding::replacement), in `text`, the request's text.
void AttachReplacements(const Lexicon& lexicon, std::string_view text,
                        std::vector<CheckResult>* checklist);

// Runs every rule's `fire`, `pass` and `fixes` examples. Appends one line per
// failure ("file:line: rule ID: …") to `*failures`; returns the number of
// examples that behaved. An analyzer loaded without its examples is one
// failure, not a silent pass.
int RunRuleExamples(const Analyzer& analyzer, std::vector<std::string>* failures);

}  // namespace amends
