#include "email/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <utility>

namespace amends::email {
namespace {

// Deeper than this (by a count of open tags that over-estimates the tree)
// the converter does not build a tree: gumbo frees its tree recursively.
constexpr int kMaxHtmlDepth = 400;

bool HasToken(const char* value, const char* token) {
  if (!value) return false;
  std::string_view v(value), t(token);
  for (size_t i = v.find(t); i != std::string_view::npos; i = v.find(t, i + 1)) {
    bool left = i == 0 || v[i - 1] == ' ' || v[i - 1] == '_' || v[i - 1] == '\t';
    size_t e = i + t.size();
    bool right = e == v.size() || v[e] == ' ' || v[e] == '\t';
    if (left && right) return true;
  }
  return false;
}

const char* Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

// How an element's content is to be treated.
enum class Mark { kNone, kQuote, kSignature };

Mark MarkOf(const GumboElement& e) {
  if (e.tag == GUMBO_TAG_BLOCKQUOTE) return Mark::kQuote;
  const char* cls = Attr(e, "class");
  const char* id = Attr(e, "id");
  if (HasToken(cls, "gmail_quote") || HasToken(cls, "gmail_extra") ||
      HasToken(cls, "moz-cite-prefix") || HasToken(cls, "yahoo_quoted") ||
      HasToken(cls, "gmail_attr"))
    return Mark::kQuote;
  if (id && (std::strstr(id, "divRplyFwdMsg") || std::strcmp(id, "OLK_SRC_BODY_SECTION") == 0 ||
             std::strcmp(id, "appendonsend") == 0))
    return Mark::kQuote;
  if (HasToken(cls, "gmail_signature") || HasToken(cls, "moz-signature") ||
      (id && std::strcmp(id, "Signature") == 0))
    return Mark::kSignature;
  return Mark::kNone;
}

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_P:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HR:
      return true;
    default:
      return false;
  }
}

bool IsParagraph(GumboTag t) {
  return t == GUMBO_TAG_P || t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_TABLE ||
         t == GUMBO_TAG_PRE || (t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6);
}

class Writer {
 public:
  std::string text;

  void Newlines(int n) {  // end the current line, and leave n-1 blank lines
    if (text.empty()) return;
    int have = 0;
    for (size_t i = text.size(); i > 0 && text[i - 1] == '\n' && have < n; --i) ++have;
    while (!text.empty() && text.back() == ' ') text.pop_back();
    for (; have < n; ++have) text += '\n';
  }

  void Text(std::string_view s, bool pre) {
    if (pre) {
      text.append(s);
      return;
    }
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = s[i];
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        // &nbsp;: a space a person sees; mail clients write "--&nbsp;" for "-- "
        ++i;
        text += ' ';
        continue;
      }
      if (space) {
        if (!text.empty() && text.back() != ' ' && text.back() != '\n') text += ' ';
        continue;
      }
      text += static_cast<char>(c);
    }
  }
};

void AddMark(std::vector<Stripped>* marks, uint32_t start, uint32_t end, Mark m) {
  if (end <= start) return;
  StripKind kind = m == Mark::kSignature ? StripKind::kSignature : StripKind::kQuote;
  // Elements close inside out: an outer mark replaces the inner ones it covers.
  while (!marks->empty() && marks->back().start >= start) marks->pop_back();
  if (!marks->empty() &&
      (marks->back().end > start || (marks->back().end == start && marks->back().kind == kind))) {
    marks->back().end = std::max(marks->back().end, end);
    return;
  }
  marks->push_back({start, end, kind});
}

HtmlText Convert(const GumboNode* root) {
  HtmlText out;
  Writer w;
  struct Frame {
    const GumboNode* node;
    unsigned next;
    uint32_t start;
    Mark mark;
  };
  std::vector<Frame> stack{{root, 0, 0, Mark::kNone}};
  int pre = 0;
  int quote_depth = 0;
  std::optional<uint32_t> after_hr;  // everything after an <hr> is the old thread
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboNode* n = f.node;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      w.Text(n->v.text.text, pre > 0);
      stack.pop_back();
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
        n->type != GUMBO_NODE_TEMPLATE) {
      stack.pop_back();
      continue;
    }
    const GumboVector& children =
        n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
    GumboTag tag = n->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_UNKNOWN : n->v.element.tag;
    if (f.next == 0) {  // entering
      if (tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
          tag == GUMBO_TAG_TITLE) {
        stack.pop_back();
        continue;
      }
      if (tag == GUMBO_TAG_BR) {
        while (!w.text.empty() && w.text.back() == ' ') w.text.pop_back();
        w.text += '\n';
        stack.pop_back();
        continue;
      }
      if (IsBlock(tag)) w.Newlines(IsParagraph(tag) ? 2 : 1);
      if (tag == GUMBO_TAG_HR) {
        if (!after_hr && quote_depth == 0) after_hr = static_cast<uint32_t>(w.text.size());
        stack.pop_back();
        continue;
      }
      if (tag == GUMBO_TAG_PRE) ++pre;
      if (tag == GUMBO_TAG_LI) w.text += "- ";
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
        if (!w.text.empty() && w.text.back() != '\n' && w.text.back() != ' ') w.text += ' ';
      }
      if (n->type == GUMBO_NODE_ELEMENT) f.mark = MarkOf(n->v.element);
      if (f.mark == Mark::kQuote) ++quote_depth;
      f.start = static_cast<uint32_t>(w.text.size());
    }
    if (f.next < children.length) {
      const GumboNode* child = static_cast<const GumboNode*>(children.data[f.next++]);
      stack.push_back({child, 0, 0, Mark::kNone});
      continue;
    }
    // leaving
    if (tag == GUMBO_TAG_PRE) --pre;
    if (IsBlock(tag)) w.Newlines(IsParagraph(tag) ? 2 : 1);
    if (f.mark != Mark::kNone) {
      if (f.mark == Mark::kQuote) --quote_depth;
      AddMark(&out.marked, f.start, static_cast<uint32_t>(w.text.size()), f.mark);
    }
    stack.pop_back();
  }
  // Trim trailing blank lines but keep one final newline.
  while (!w.text.empty() && (w.text.back() == '\n' || w.text.back() == ' ')) w.text.pop_back();
  if (!w.text.empty()) w.text += '\n';
  uint32_t size = static_cast<uint32_t>(w.text.size());
  if (after_hr && *after_hr < size) AddMark(&out.marked, *after_hr, size, Mark::kQuote);
  for (Stripped& s : out.marked) s.end = std::min(s.end, size);
  out.marked.erase(std::remove_if(out.marked.begin(), out.marked.end(),
                                  [](const Stripped& s) { return s.end <= s.start; }),
                   out.marked.end());
  out.text = std::move(w.text);
  return out;
}

// Over-estimates the depth of the tree gumbo would build: every start tag
// opens, every end tag closes.
int EstimateDepth(std::string_view html) {
  int depth = 0, max_depth = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (i + 1 >= html.size()) break;
    char c = html[i + 1];
    if (c == '/') {
      depth = std::max(0, depth - 1);
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      max_depth = std::max(max_depth, ++depth);
    }
  }
  return max_depth;
}

// The fallback: tags dropped, block tags become line breaks.
HtmlText Flatten(std::string_view html) {
  HtmlText out;
  out.simplified = true;
  Writer w;
  size_t i = 0;
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    w.Text(html.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i), false);
    if (lt == std::string_view::npos) break;
    size_t gt = html.find('>', lt);
    if (gt == std::string_view::npos) break;
    std::string_view tag = html.substr(lt + 1, gt - lt - 1);
    if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
    std::string name;
    for (char c : tag) {
      if (!std::isalnum(static_cast<unsigned char>(c))) break;
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (name == "br" || name == "div" || name == "li" || name == "tr") w.Newlines(1);
    if (name == "p" || name == "blockquote") w.Newlines(2);
    i = gt + 1;
  }
  out.text = std::move(w.text);
  if (!out.text.empty() && out.text.back() != '\n') out.text += '\n';
  return out;
}

}  // namespace

HtmlText HtmlToText(std::string_view html) {
  if (EstimateDepth(html) > kMaxHtmlDepth) return Flatten(html);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 100;  // errors are not reported; do not collect millions
  GumboOutput* doc = gumbo_parse_with_options(&options, html.data(), html.size());
  if (!doc) return Flatten(html);
  HtmlText out = Convert(doc->document);
  gumbo_destroy_output(&options, doc);
  return out;
}

}  // namespace amends::email
