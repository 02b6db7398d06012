#include "summary/html_report.h"

#include <algorithm>
#include <cstdio>

#include "checks/selection.h"

namespace amends::summary {
namespace {

constexpr const char* kStyle = R"css(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d2330;background:#fff}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:1px solid #dde;padding-bottom:.2rem}
.meta{color:#667;margin:0 0 1rem}
.totals{display:flex;gap:1rem;flex-wrap:wrap}.totals div{background:#f4f6fa;border-radius:6px;padding:.6rem 1rem;min-width:8rem}
.totals b{display:block;font-size:1.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eef;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
svg{display:block;max-width:100%;height:auto;margin:.5rem 0}svg text{font:12px system-ui,sans-serif;fill:#1d2330}
.bar{fill:#d9534f}.bar.ok{fill:#5b9bd5}.axis{stroke:#99a;stroke-width:1}.line{fill:none;stroke:#d9534f;stroke-width:2}
.heat td.n{min-width:3rem}.heat th{font-size:.75em;overflow-wrap:anywhere}
.reply{white-space:pre-wrap;overflow-wrap:anywhere;max-width:46rem}
mark{background:#ffe08a;border-bottom:2px solid #d9534f;padding:0 1px}
.small{color:#667;font-size:.85em}
)css";

std::string Num(uint64_t n) { return std::to_string(n); }

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string Cut(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

// Horizontal bars: one row per (label, part, whole).
struct Bar {
  std::string label;
  uint64_t part, whole;
  std::string key_attr;  // data-… attribute, already escaped
};

std::string HorizontalBars(const char* id, const std::vector<Bar>& bars) {
  const int label_w = 300, bar_w = 380, row_h = 22;
  int height = static_cast<int>(bars.size()) * row_h + 10;
  std::string s = "<svg id=\"" + std::string(id) + "\" role=\"img\" viewBox=\"0 0 " +
                  Num(label_w + bar_w + 70) + " " + Num(height) + "\" width=\"" +
                  Num(label_w + bar_w + 70) + "\" height=\"" + Num(height) + "\">";
  s += "<line class=\"axis\" x1=\"" + Num(label_w) + "\" y1=\"0\" x2=\"" + Num(label_w) +
       "\" y2=\"" + Num(height) + "\"/>";
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    double rate = b.whole ? static_cast<double>(b.part) / b.whole : 0;
    int y = static_cast<int>(i) * row_h + 5;
    int w = static_cast<int>(rate * bar_w + 0.5);
    s += "<g " + b.key_attr + "><text x=\"" + Num(label_w - 6) + "\" y=\"" + Num(y + 14) +
         "\" text-anchor=\"end\">" + HtmlEscape(Cut(b.label, 44)) + "</text>";
    s += "<rect class=\"bar\" x=\"" + Num(label_w) + "\" y=\"" + Num(y) + "\" width=\"" +
         Num(std::max(w, 1)) + "\" height=\"" + Num(row_h - 6) + "\"><title>" +
         HtmlEscape(b.label) + ": " + Num(b.part) + " of " + Num(b.whole) + "</title></rect>";
    s += "<text class=\"value\" x=\"" + Num(label_w + std::max(w, 1) + 4) + "\" y=\"" +
         Num(y + 14) + "\">" + Percent(b.part, b.whole) + "</text></g>";
  }
  return s + "</svg>";
}

std::string MonthChart(const std::vector<std::pair<std::string, const Group*>>& months) {
  const int left = 40, plot_h = 180, col_w = std::max(24, std::min(60, 700 / std::max<int>(1, months.size())));
  int width = left + static_cast<int>(months.size()) * col_w + 20, height = plot_h + 50;
  std::string s = "<svg id=\"chart-months\" role=\"img\" viewBox=\"0 0 " + Num(width) + " " +
                  Num(height) + "\" width=\"" + Num(width) + "\" height=\"" + Num(height) + "\">";
  for (int pct = 0; pct <= 100; pct += 25) {
    int y = 10 + plot_h - pct * plot_h / 100;
    s += "<line class=\"axis\" x1=\"" + Num(left) + "\" y1=\"" + Num(y) + "\" x2=\"" + Num(width - 10) +
         "\" y2=\"" + Num(y) + "\" stroke-dasharray=\"2 3\"/><text x=\"" + Num(left - 4) +
         "\" y=\"" + Num(y + 4) + "\" text-anchor=\"end\">" + Num(pct) + "%</text>";
  }
  std::string points;
  for (size_t i = 0; i < months.size(); ++i) {
    const Group& g = *months[i].second;
    double rate = g.replies ? static_cast<double>(g.needs_fix) / g.replies : 0;
    int x = left + static_cast<int>(i) * col_w;
    int h = static_cast<int>(rate * plot_h + 0.5);
    s += "<rect class=\"bar ok\" data-month=\"" + HtmlEscape(months[i].first) + "\" x=\"" +
         Num(x + 4) + "\" y=\"" + Num(10 + plot_h - h) + "\" width=\"" + Num(col_w - 8) +
         "\" height=\"" + Num(std::max(h, 1)) + "\"><title>" + HtmlEscape(months[i].first) + ": " +
         Percent(g.needs_fix, g.replies) + " of " + Num(g.replies) + " replies need a fix</title></rect>";
    points += Num(x + col_w / 2) + "," + Num(10 + plot_h - h) + " ";
    s += "<text x=\"" + Num(x + col_w / 2) + "\" y=\"" + Num(plot_h + 28) +
         "\" text-anchor=\"middle\" transform=\"rotate(-35 " + Num(x + col_w / 2) + " " +
         Num(plot_h + 28) + ")\">" + HtmlEscape(Cut(months[i].first, 12)) + "</text>";
  }
  if (months.size() > 1) s += "<polyline class=\"line\" points=\"" + points + "\"/>";
  return s + "</svg>";
}

std::string Highlighted(const ReviewReply& r) {
  std::vector<ReviewFinding> f = r.findings;
  std::sort(f.begin(), f.end(), [](const auto& a, const auto& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  std::string out;
  size_t pos = 0;
  for (const auto& x : f) {
    if (x.start < pos || x.end > r.text.size() || x.start >= x.end) continue;
    out += HtmlEscape(std::string_view(r.text).substr(pos, x.start - pos));
    out += "<mark title=\"" + HtmlEscape(x.check) + "\" data-check=\"" + HtmlEscape(x.check) + "\">";
    out += HtmlEscape(std::string_view(r.text).substr(x.start, x.end - x.start));
    out += "</mark>";
    pos = x.end;
  }
  out += HtmlEscape(std::string_view(r.text).substr(std::min(pos, r.text.size())));
  return out;
}

// Which checks ran, when not all of them did (--only, --skip, amends.conf).
std::string ChecksRun(const std::vector<CheckInfo>& checks) {
  std::vector<std::string> ran, not_run;
  for (const CheckInfo& c : checks) (c.ran ? ran : not_run).push_back(c.id);
  std::string note = ChecksRunNote(ran, not_run);
  if (note.empty()) return "";
  return "<p class=\"meta\" id=\"checks-run\">" + HtmlEscape(note) + "</p>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) break;
        out.push_back(c);
    }
  }
  return out;
}

std::string Percent(uint64_t part, uint64_t whole) {
  return Fmt(whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0) + "%";
}

std::string HtmlReport(const Summary& s, const HtmlOptions& options) {
  const auto& checks = s.checks();
  const auto& counts = s.check_counts();
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'\"><title>" +
                  HtmlEscape(options.title) + "</title><style>" + kStyle + "</style></head><body>\n";
  h += "<h1>" + HtmlEscape(options.title) + "</h1>\n";
  if (!options.source.empty()) h += "<p class=\"meta\">" + HtmlEscape(options.source) + "</p>\n";
  h += ChecksRun(checks);
  h += "<section class=\"totals\">"
       "<div>Replies checked<b id=\"total-replies\">" + Num(s.checked()) + "</b></div>"
       "<div>Need a fix<b id=\"total-needs-fix\">" + Num(s.needs_fix()) + "</b>"
       "<span id=\"total-needs-fix-rate\">" + Percent(s.needs_fix(), s.checked()) + "</span></div>"
       "<div>Unreadable records<b id=\"total-errors\">" + Num(s.errors()) + "</b></div></section>\n";

  // Checks, most often fired first.
  std::vector<size_t> order;
  for (size_t i = 0; i < checks.size(); ++i) if (counts[i].evaluated) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return counts[a].fired() * counts[b].evaluated > counts[b].fired() * counts[a].evaluated;
  });
  h += "<section><h2>Fail rate per check</h2><p class=\"small\">Share of the replies a check "
       "applies to where it asks for a change (fix or consider).</p>\n";
  std::vector<Bar> bars;
  for (size_t i : order)
    bars.push_back({checks[i].title, counts[i].fired(), counts[i].evaluated,
                    "data-check=\"" + HtmlEscape(checks[i].id) + "\""});
  h += HorizontalBars("chart-checks", bars);
  h += "<table id=\"table-checks\"><tr><th>Check</th><th>Id</th><th class=\"n\">Fired</th>"
       "<th class=\"n\">Fix</th><th class=\"n\">Evaluated</th><th class=\"n\">Rate</th></tr>\n";
  for (size_t i : order)
    h += "<tr data-check=\"" + HtmlEscape(checks[i].id) + "\"><td>" + HtmlEscape(checks[i].title) +
         "</td><td class=\"small\">" + HtmlEscape(checks[i].id) + "</td><td class=\"n fired\">" +
         Num(counts[i].fired()) + "</td><td class=\"n fix\">" + Num(counts[i].fix) +
         "</td><td class=\"n evaluated\">" + Num(counts[i].evaluated) + "</td><td class=\"n rate\">" +
         Percent(counts[i].fired(), counts[i].evaluated) + "</td></tr>\n";
  h += "</table></section>\n";

  // Months in time order, the undated last.
  std::vector<std::pair<std::string, const Group*>> months;
  for (const auto& [m, g] : s.months()) if (m != "(unknown)") months.emplace_back(m, &g);
  if (auto it = s.months().find("(unknown)"); it != s.months().end()) months.emplace_back(it->first, &it->second);
  h += "<section><h2>Trend per month</h2><p class=\"small\">Share of replies with at least one "
       "fix, per month.</p>\n" + MonthChart(months);
  h += "<table id=\"table-months\"><tr><th>Month</th><th class=\"n\">Replies</th>"
       "<th class=\"n\">Need a fix</th><th class=\"n\">Rate</th></tr>\n";
  for (const auto& [m, g] : months)
    h += "<tr data-month=\"" + HtmlEscape(m) + "\"><td>" + HtmlEscape(m) + "</td><td class=\"n replies\">" +
         Num(g->replies) + "</td><td class=\"n needs-fix\">" + Num(g->needs_fix) +
         "</td><td class=\"n rate\">" + Percent(g->needs_fix, g->replies) + "</td></tr>\n";
  h += "</table></section>\n";

  // Agents with the most replies, side by side.
  std::vector<std::pair<std::string, const Group*>> agents;
  for (const auto& [a, g] : s.agents()) agents.emplace_back(a, &g);
  std::stable_sort(agents.begin(), agents.end(),
                   [](const auto& a, const auto& b) { return a.second->replies > b.second->replies; });
  size_t hidden = agents.size() > options.max_agents ? agents.size() - options.max_agents : 0;
  if (hidden) agents.resize(options.max_agents);
  h += "<section><h2>Agents side by side</h2>\n";
  std::vector<Bar> agent_bars;
  for (const auto& [a, g] : agents)
    agent_bars.push_back({a, g->needs_fix, g->replies, "data-agent=\"" + HtmlEscape(a) + "\""});
  h += HorizontalBars("chart-agents", agent_bars);
  h += "<table id=\"table-agents\" class=\"heat\"><tr><th>Agent</th><th class=\"n\">Replies</th>"
       "<th class=\"n\">Need a fix</th><th class=\"n\">Rate</th>";
  size_t top_checks = std::min<size_t>(order.size(), 8);
  for (size_t k = 0; k < top_checks; ++k)
    h += "<th class=\"n\" title=\"" + HtmlEscape(checks[order[k]].title) + "\">" +
         HtmlEscape(Cut(checks[order[k]].id, 24)) + "</th>";
  h += "</tr>\n";
  for (const auto& [a, g] : agents) {
    h += "<tr data-agent=\"" + HtmlEscape(a) + "\"><td>" + HtmlEscape(a) + "</td><td class=\"n replies\">" +
         Num(g->replies) + "</td><td class=\"n needs-fix\">" + Num(g->needs_fix) +
         "</td><td class=\"n rate\">" + Percent(g->needs_fix, g->replies) + "</td>";
    for (size_t k = 0; k < top_checks; ++k) {
      size_t i = order[k];
      CheckCounts c = i < g->checks.size() ? g->checks[i] : CheckCounts{};
      double rate = c.evaluated ? static_cast<double>(c.fired()) / c.evaluated : 0;
      int shade = 255 - static_cast<int>(rate * 120);
      h += "<td class=\"n\" style=\"background:rgb(255," + Num(shade) + "," + Num(shade) + ")\">" +
           (c.evaluated ? Percent(c.fired(), c.evaluated) : std::string("–")) + "</td>";
    }
    h += "</tr>\n";
  }
  h += "</table>";
  if (hidden) h += "<p class=\"small\">and " + Num(hidden) + " more agents (see the summary JSON)</p>";
  h += "</section>\n";

  h += "<section><h2>Most frequent offending phrases</h2><table id=\"table-phrases\"><tr>"
       "<th>Phrase</th><th>Check</th><th class=\"n\">Count</th></tr>\n";
  for (const auto& [key, n] : s.TopPhrases(options.max_phrases))
    h += "<tr><td>" + HtmlEscape(key.second) + "</td><td class=\"small\">" + HtmlEscape(key.first) +
         "</td><td class=\"n\">" + Num(n) + "</td></tr>\n";
  h += "</table></section>\n";

  h += "<section><h2>Replies to review first</h2><table id=\"review\"><tr><th class=\"n\">#</th>"
       "<th>Reply</th><th>Agent</th><th>Month</th><th class=\"n\">Fix</th><th class=\"n\">Consider</th></tr>\n";
  std::vector<ReviewReply> review = s.Review();
  for (size_t i = 0; i < review.size(); ++i) {
    const ReviewReply& r = review[i];
    h += "<tr class=\"review\"><td class=\"n\">" + Num(i + 1) + "</td><td><div class=\"small\">" +
         HtmlEscape(Cut(r.id, 120)) + "</div><div class=\"reply\">" + Highlighted(r) +
         "</div></td><td>" + HtmlEscape(r.agent) + "</td><td>" + HtmlEscape(r.month) +
         "</td><td class=\"n\">" + Num(r.fixes) + "</td><td class=\"n\">" + Num(r.considers) +
         "</td></tr>\n";
  }
  h += "</table></section>\n</body></html>\n";
  return h;
}

}  // namespace amends::summary
