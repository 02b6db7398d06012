#include "summary/html_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "checks/selection.h"
#include "summary/agent_columns.h"
#include "util/utf8.h"

namespace amends::summary {
namespace {

// Fix red, consider amber: the two asks look different in every chart,
// table and highlight, on screen and on paper.
constexpr const char* kStyle = R"css(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d2330;background:#fff}
h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:1px solid #dde;padding-bottom:.2rem}
.meta{color:#667;margin:0 0 1rem}
.empty{font-size:1.1rem;background:#fff4d6;border-left:4px solid #c98a00;padding:.6rem 1rem}
.totals{display:flex;gap:1rem;flex-wrap:wrap}.totals div{background:#f4f6fa;border-radius:6px;padding:.6rem 1rem;min-width:8rem}
.totals b{display:block;font-size:1.5rem}
.wide{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eef;vertical-align:top}
th{overflow-wrap:normal;word-break:normal;hyphens:manual}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
svg{display:block;max-width:100%;height:auto;margin:.5rem 0}svg text{font:12px system-ui,sans-serif;fill:#1d2330}
.bar.fix{fill:#c62828}.bar.consider{fill:#e0a030}.bar.ok{fill:#5b9bd5}.axis{stroke:#99a;stroke-width:1}.line{fill:none;stroke:#c62828;stroke-width:2}
.legend span{display:inline-block;margin-right:1rem}.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;vertical-align:-.05em}
.swatch.fix,.badge.fix{background:#c62828}.swatch.consider,.badge.consider{background:#e0a030}
.badge{color:#fff;border-radius:3px;padding:0 .35em;font-size:.8em;white-space:nowrap}
.heat td.n{min-width:4.5rem}.heat th{font-size:.8em;min-width:5rem}.heat td small{display:block;color:#445}
.heat tr.team-row td{font-weight:600;background:#f4f6fa}
.reply{white-space:pre-wrap;overflow-wrap:anywhere;max-width:46rem}
.customer{white-space:pre-wrap;overflow-wrap:anywhere;max-width:46rem;margin:.2rem 0 .5rem;padding:.3rem .6rem;border-left:3px solid #99a;background:#f7f8fb;color:#334}
mark{padding:0 1px}mark.fix{background:#ffd6d6;border-bottom:2px solid #c62828}mark.consider{background:#ffeab0;border-bottom:2px solid #e0a030}
.check-name{font-size:.72em;font-weight:600;border-radius:3px;padding:0 .3em;margin:0 .15em;white-space:nowrap;color:#fff}
.check-name.fix{background:#c62828}.check-name.consider{background:#a86d00}
.asks{margin:.4rem 0 0;padding-left:1.1rem}
.small{color:#667;font-size:.85em}.nowrap{white-space:nowrap}
@media print{*{-webkit-print-color-adjust:exact;print-color-adjust:exact}body{margin:0;max-width:none}}
)css";

std::string Num(uint64_t n) { return std::to_string(n); }

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

double Rate(uint64_t part, uint64_t whole) {
  return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

std::string Cut(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  return std::string(TruncateUtf8(s, max)) + "…";
}

// A fired check's status as its CSS class: "fix" or "consider".
const char* StatusClass(Status status) { return StatusName(status); }

// Horizontal bars: one row per label, the fix share then the consider share
// of `whole`.
struct Bar {
  std::string label;
  uint64_t fix, consider, whole;
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
    int y = static_cast<int>(i) * row_h + 5;
    int fix_w = static_cast<int>(Rate(b.fix, b.whole) * bar_w + 0.5);
    int consider_w = static_cast<int>(Rate(b.consider, b.whole) * bar_w + 0.5);
    s += "<g " + b.key_attr + "><text x=\"" + Num(label_w - 6) + "\" y=\"" + Num(y + 14) +
         "\" text-anchor=\"end\">" + HtmlEscape(Cut(b.label, 44)) + "</text>";
    std::string tip = HtmlEscape(b.label) + ": " + Num(b.fix) + " fix, " + Num(b.consider) +
                      " consider, of " + Num(b.whole);
    int x = label_w;
    if (fix_w > 0 || b.consider == 0) {
      s += "<rect class=\"bar fix\" x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" +
           Num(std::max(fix_w, 1)) + "\" height=\"" + Num(row_h - 6) + "\"><title>" + tip +
           "</title></rect>";
      x += std::max(fix_w, 1);
    }
    if (b.consider) {
      s += "<rect class=\"bar consider\" x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" +
           Num(std::max(consider_w, 1)) + "\" height=\"" + Num(row_h - 6) + "\"><title>" + tip +
           "</title></rect>";
      x += std::max(consider_w, 1);
    }
    s += "<text class=\"value\" x=\"" + Num(x + 4) + "\" y=\"" + Num(y + 14) + "\">" +
         Percent(b.fix + b.consider, b.whole) + "</text></g>";
  }
  return s + "</svg>";
}

std::string MonthChart(const std::vector<std::pair<std::string, const Group*>>& months) {
  const int left = 40, plot_h = 180,
            col_w =
                std::max(24, std::min(60, 700 / std::max<int>(1, static_cast<int>(months.size()))));
  int width = left + static_cast<int>(months.size()) * col_w + 20, height = plot_h + 50;
  std::string s = "<svg id=\"chart-months\" role=\"img\" viewBox=\"0 0 " + Num(width) + " " +
                  Num(height) + "\" width=\"" + Num(width) + "\" height=\"" + Num(height) + "\">";
  for (int pct = 0; pct <= 100; pct += 25) {
    int y = 10 + plot_h - pct * plot_h / 100;
    s += "<line class=\"axis\" x1=\"" + Num(left) + "\" y1=\"" + Num(y) + "\" x2=\"" +
         Num(width - 10) + "\" y2=\"" + Num(y) + "\" stroke-dasharray=\"2 3\"/><text x=\"" +
         Num(left - 4) + "\" y=\"" + Num(y + 4) + "\" text-anchor=\"end\">" + Num(pct) + "%</text>";
  }
  std::string points;
  for (size_t i = 0; i < months.size(); ++i) {
    const Group& g = *months[i].second;
    int x = left + static_cast<int>(i) * col_w;
    int h = static_cast<int>(Rate(g.needs_fix, g.replies) * plot_h + 0.5);
    s += "<rect class=\"bar ok\" data-month=\"" + HtmlEscape(months[i].first) + "\" x=\"" +
         Num(x + 4) + "\" y=\"" + Num(10 + plot_h - h) + "\" width=\"" + Num(col_w - 8) +
         "\" height=\"" + Num(std::max(h, 1)) + "\"><title>" + HtmlEscape(months[i].first) + ": " +
         Percent(g.needs_fix, g.replies) + " of " + Num(g.replies) +
         " replies need a fix</title></rect>";
    points += Num(x + col_w / 2) + "," + Num(10 + plot_h - h) + " ";
    s += "<text x=\"" + Num(x + col_w / 2) + "\" y=\"" + Num(plot_h + 28) +
         "\" text-anchor=\"middle\" transform=\"rotate(-35 " + Num(x + col_w / 2) + " " +
         Num(plot_h + 28) + ")\">" + HtmlEscape(Cut(months[i].first, 12)) + "</text>";
  }
  if (months.size() > 1) s += "<polyline class=\"line\" points=\"" + points + "\"/>";
  return s + "</svg>";
}

std::string Legend() {
  return "<p class=\"legend small\"><span><i class=\"swatch fix\"></i>fix: the reply should not "
         "go out as it is</span><span><i class=\"swatch consider\"></i>consider: worth a "
         "second look</span></p>\n";
}

// One of the two check sections: a stacked bar per check and its table,
// fix rate first, then the consider rate.
std::string CheckSection(const Summary& s, CheckKind kind) {
  const auto& checks = s.checks();
  const auto& counts = s.check_counts();
  std::vector<size_t> order;
  for (size_t i : s.ChecksOf(kind))
    if (counts[i].evaluated) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    double fa = Rate(counts[a].fix, counts[a].evaluated),
           fb = Rate(counts[b].fix, counts[b].evaluated);
    if (fa != fb) return fa > fb;
    return Rate(counts[a].consider, counts[a].evaluated) >
           Rate(counts[b].consider, counts[b].evaluated);
  });
  bool did = kind == CheckKind::kDid;
  std::string id = did ? "did" : "left-out";
  std::string h = "<section id=\"" + id + "\"><h2>" +
                  (did ? "What replies did" : "What replies left out") +
                  "</h2><p class=\"small\">" +
                  (did ? "Things written that the customer will hold against the reply: hedged or "
                         "retracted apologies, blame, excuses, policy, what cannot be done, a "
                         "defensive or shouting tone. Each is a phrase to delete or rewrite."
                       : "Steps the reply never took: an apology, owning the mistake, empathy, a "
                         "solution, the customer's name, thanks. Each is something to add.") +
                  " The share of the replies a check applies to where it asks for a change.</p>\n";
  h += Legend();
  std::vector<Bar> bars;
  for (size_t i : order)
    bars.push_back({checks[i].title, counts[i].fix, counts[i].consider, counts[i].evaluated,
                    "data-check=\"" + HtmlEscape(checks[i].id) + "\""});
  h += HorizontalBars(did ? "chart-did" : "chart-left-out", bars);
  h +=
      "<table id=\"table-" + id +
      "\"><tr><th>Check</th><th>Id</th><th class=\"n\">Fix</th>"
      "<th class=\"n\">Consider</th><th class=\"n\">Evaluated</th><th class=\"n\">Rate</th></tr>\n";
  for (size_t i : order)
    h += "<tr data-check=\"" + HtmlEscape(checks[i].id) + "\"><td>" + HtmlEscape(checks[i].title) +
         "</td><td class=\"small\">" + HtmlEscape(checks[i].id) + "</td><td class=\"n fix\">" +
         Num(counts[i].fix) + "</td><td class=\"n consider\">" + Num(counts[i].consider) +
         "</td><td class=\"n evaluated\">" + Num(counts[i].evaluated) +
         "</td><td class=\"n rate\">" + Percent(counts[i].fired(), counts[i].evaluated) +
         "</td></tr>\n";
  if (order.empty())
    h += "<tr><td colspan=\"6\" class=\"small\">No check of this kind applied to any "
         "reply.</td></tr>\n";
  h += "</table></section>\n";
  return h;
}

// A cell of the agents' table: the agent's fix rate and how far it is from
// the whole team's, shaded red when worse, blue when better.
std::string RateCell(const Group& g, size_t check, double team_rate) {
  if (check >= g.checks.size() || g.checks[check].evaluated == 0) return "<td class=\"n\">–</td>";
  const CheckCounts& c = g.checks[check];
  double diff = Rate(c.fix, c.evaluated) - team_rate;
  int k = std::min(150, static_cast<int>(std::abs(diff) * 600));
  std::string shade = diff >= 0 ? "rgb(255," + Num(static_cast<uint64_t>(255 - k)) + "," +
                                      Num(static_cast<uint64_t>(255 - k)) + ")"
                                : "rgb(" + Num(static_cast<uint64_t>(255 - k)) + "," +
                                      Num(static_cast<uint64_t>(255 - k / 2)) + ",255)";
  double points = 100.0 * diff;
  std::string sign = points >= 0.05 ? "+" : points <= -0.05 ? "−" : "±";
  return "<td class=\"n\" style=\"background:" + shade + "\" title=\"" + Num(c.fix) + " of " +
         Num(c.evaluated) + "\">" + Percent(c.fix, c.evaluated) + "<small>" + sign +
         Fmt(std::abs(points)) + " pts</small></td>";
}

std::string AgentsSection(const Summary& s, const HtmlOptions& options) {
  const auto& checks = s.checks();
  std::vector<std::pair<std::string, const Group*>> agents;
  for (const auto& [a, g] : s.agents()) agents.emplace_back(a, &g);
  std::stable_sort(agents.begin(), agents.end(), [](const auto& a, const auto& b) {
    return a.second->replies > b.second->replies;
  });
  size_t hidden = agents.size() > options.max_agents ? agents.size() - options.max_agents : 0;
  if (hidden) agents.resize(options.max_agents);
  std::vector<const Group*> groups;
  for (const auto& a : agents) groups.push_back(a.second);
  std::vector<size_t> columns = AgentColumns(checks.size(), groups);

  std::string h = "<section id=\"agents\"><h2>Agents side by side</h2>\n";
  std::vector<Bar> bars;
  for (const auto& [a, g] : agents)
    bars.push_back({a, g->needs_fix, 0, g->replies, "data-agent=\"" + HtmlEscape(a) + "\""});
  h += HorizontalBars("chart-agents", bars);
  h += "<p class=\"small\">Each check column: the agent's fix rate, then how many points it is "
       "above (red) or below (blue) the whole team's. Only checks that tell agents apart get a "
       "column: ones where, among agents it applied to at least " +
       Num(kMinAgentEvaluated) + " times, the fix rates spread over at least " +
       Fmt(100 * kMinSpread) + " points — not checks that nearly every agent misses (" +
       Fmt(100 * kNearlyAll) + "% or more) or none ever does. Widest spread first.</p>\n";
  if (columns.empty())
    h += "<p id=\"no-agent-columns\" class=\"small\">No check tells these agents apart yet: "
         "every check's fix rates are within " +
         Fmt(100 * kMinSpread) +
         " points of each other, or fewer than two agents have enough replies.</p>\n";
  h += "<div class=\"wide\"><table id=\"table-agents\" class=\"heat\"><tr><th>Agent</th>"
       "<th class=\"n\">Replies</th><th class=\"n\">Need a fix</th><th class=\"n\">Rate</th>";
  for (size_t i : columns)
    h += "<th class=\"n\" data-check=\"" + HtmlEscape(checks[i].id) + "\" title=\"" +
         HtmlEscape(checks[i].id) + "\">" + HtmlEscape(checks[i].title) + "</th>";
  h += "</tr>\n";
  Group team;
  team.replies = s.checked();
  team.needs_fix = s.needs_fix();
  team.checks = s.check_counts();
  h += "<tr class=\"team-row\"><td>Whole team</td><td class=\"n\">" + Num(team.replies) +
       "</td><td class=\"n\">" + Num(team.needs_fix) + "</td><td class=\"n\">" +
       Percent(team.needs_fix, team.replies) + "</td>";
  for (size_t i : columns)
    h += "<td class=\"n\">" + Percent(team.checks[i].fix, team.checks[i].evaluated) + "</td>";
  h += "</tr>\n";
  for (const auto& [a, g] : agents) {
    h += "<tr data-agent=\"" + HtmlEscape(a) + "\"><td>" + HtmlEscape(a) +
         "</td><td class=\"n replies\">" + Num(g->replies) + "</td><td class=\"n needs-fix\">" +
         Num(g->needs_fix) + "</td><td class=\"n rate\">" + Percent(g->needs_fix, g->replies) +
         "</td>";
    for (size_t i : columns) h += RateCell(*g, i, FixRate(team, i));
    h += "</tr>\n";
  }
  h += "</table></div>";
  if (hidden)
    h += "<p class=\"small\">and " + Num(hidden) + " more agents (see the summary JSON)</p>";
  return h + "</section>\n";
}

std::string TeamLabel(const std::string& id, const HtmlOptions& options) {
  auto it = options.team_names.find(id);
  if (it == options.team_names.end()) return HtmlEscape(id);
  return HtmlEscape(it->second) + " <span class=\"small\">" + HtmlEscape(id) + "</span>";
}

std::string TeamsSection(const Summary& s, const HtmlOptions& options) {
  const auto& checks = s.checks();
  std::vector<std::pair<std::string, const Group*>> teams;
  for (const auto& [t, g] : s.teams()) teams.emplace_back(t, &g);
  std::stable_sort(teams.begin(), teams.end(), [](const auto& a, const auto& b) {
    return a.second->replies > b.second->replies;
  });
  size_t hidden = teams.size() > options.max_teams ? teams.size() - options.max_teams : 0;
  if (hidden) teams.resize(options.max_teams);
  std::string h =
      "<section id=\"teams\"><h2>Teams</h2><p class=\"small\">Teams as the export "
      "groups replies (group, mailbox or assignee)";
  h += options.team_names.empty() ? ", by id: <code>--team-names FILE</code> names them."
                                  : ", named from the team-names file.";
  h +=
      "</p>\n<table id=\"table-teams\"><tr><th>Team</th><th class=\"n\">Replies</th>"
      "<th class=\"n\">Need a fix</th><th class=\"n\">Rate</th><th>Most frequent fixes</th></tr>\n";
  for (const auto& [t, g] : teams) {
    std::vector<std::pair<double, size_t>> fixes;
    for (size_t i = 0; i < g->checks.size() && i < checks.size(); ++i)
      if (g->checks[i].fix) fixes.emplace_back(FixRate(*g, i), i);
    std::stable_sort(fixes.begin(), fixes.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string top;
    for (size_t k = 0; k < fixes.size() && k < 3; ++k)
      top += (k ? ", " : "") + HtmlEscape(checks[fixes[k].second].title) + " " +
             Percent(g->checks[fixes[k].second].fix, g->checks[fixes[k].second].evaluated);
    h += "<tr data-team=\"" + HtmlEscape(t) + "\"><td>" + TeamLabel(t, options) +
         "</td><td class=\"n replies\">" + Num(g->replies) + "</td><td class=\"n needs-fix\">" +
         Num(g->needs_fix) + "</td><td class=\"n rate\">" + Percent(g->needs_fix, g->replies) +
         "</td><td class=\"small\">" + (top.empty() ? "–" : top) + "</td></tr>\n";
  }
  h += "</table>";
  if (hidden)
    h += "<p class=\"small\">and " + Num(hidden) + " more teams (see the summary JSON)</p>";
  return h + "</section>\n";
}

std::string MonthsSection(const Summary& s) {
  // Months in time order, the undated last.
  std::vector<std::pair<std::string, const Group*>> months;
  for (const auto& [m, g] : s.months())
    if (m != kUnknownGroup) months.emplace_back(m, &g);
  if (auto it = s.months().find(kUnknownGroup); it != s.months().end())
    months.emplace_back(it->first, &it->second);
  std::string h =
      "<section id=\"months\"><h2>Trend per month</h2><p class=\"small\">Share of "
      "replies with at least one fix, per month.</p>\n" +
      MonthChart(months);
  h += "<table id=\"table-months\"><tr><th>Month</th><th class=\"n\">Replies</th>"
       "<th class=\"n\">Need a fix</th><th class=\"n\">Rate</th></tr>\n";
  for (const auto& [m, g] : months)
    h += "<tr data-month=\"" + HtmlEscape(m) + "\"><td>" + HtmlEscape(m) +
         "</td><td class=\"n replies\">" + Num(g->replies) + "</td><td class=\"n needs-fix\">" +
         Num(g->needs_fix) + "</td><td class=\"n rate\">" + Percent(g->needs_fix, g->replies) +
         "</td></tr>\n";
  return h + "</table></section>\n";
}

std::string PhrasesSection(const Summary& s, const HtmlOptions& options) {
  std::string h =
      "<section id=\"phrases\"><h2>Most frequent offending phrases</h2><table "
      "id=\"table-phrases\"><tr><th>Phrase</th><th>Check</th><th class=\"n\">Count</th></tr>\n";
  for (const auto& [key, n] : s.TopPhrases(options.max_phrases))
    h += "<tr><td>" + HtmlEscape(key.second) + "</td><td class=\"small\">" + HtmlEscape(key.first) +
         "</td><td class=\"n\">" + Num(n) + "</td></tr>\n";
  return h + "</table></section>\n";
}

struct CheckLookup {
  std::unordered_map<std::string, const CheckInfo*> by_id;
  const std::string& Title(const std::string& id) const {
    auto it = by_id.find(id);
    return it == by_id.end() || it->second->title.empty() ? id : it->second->title;
  }
  CheckKind Kind(const std::string& id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? GuessCheckKind(id) : it->second->kind;
  }
};

// The reply with each finding marked in its status's colour and followed by
// its check's name as text, so the page says what is wrong on paper too.
// Findings that overlap share one mark, which names every check it holds.
std::string Highlighted(const ReviewReply& r, const CheckLookup& lookup) {
  std::unordered_map<std::string, Status> status;
  for (const auto& c : r.fired) status[c.check] = c.status;
  std::vector<ReviewFinding> f = r.findings;
  std::sort(f.begin(), f.end(), [](const auto& a, const auto& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  struct Mark {
    size_t start, end;
    bool fix;
    std::vector<std::string> checks;
  };
  std::vector<Mark> marks;
  for (const auto& x : f) {
    if (x.end > r.text.size() || x.start >= x.end) continue;
    auto it = status.find(x.check);
    bool fix = it != status.end() && it->second == Status::kFix;
    if (marks.empty() || x.start >= marks.back().end) {
      marks.push_back({x.start, x.end, fix, {x.check}});
      continue;
    }
    Mark& m = marks.back();
    m.end = std::max<size_t>(m.end, x.end);
    m.fix = m.fix || fix;
    if (std::find(m.checks.begin(), m.checks.end(), x.check) == m.checks.end())
      m.checks.push_back(x.check);
  }
  std::string_view text = r.text;
  std::string out;
  size_t pos = 0;
  for (const Mark& m : marks) {
    const char* cls = m.fix ? "fix" : "consider";
    std::string ids, titles;
    for (const auto& c : m.checks) {
      ids += (ids.empty() ? "" : " ") + HtmlEscape(c);
      titles += (titles.empty() ? "" : " · ") + HtmlEscape(lookup.Title(c));
    }
    out += HtmlEscape(text.substr(pos, m.start - pos));
    out += std::string("<mark class=\"") + cls + "\" title=\"" + titles + "\" data-check=\"" + ids +
           "\">";
    out += HtmlEscape(text.substr(m.start, m.end - m.start));
    out += std::string("</mark><span class=\"check-name ") + cls + "\" data-check=\"" + ids +
           "\">" + titles + "</span>";
    pos = m.end;
  }
  out += HtmlEscape(text.substr(std::min(pos, text.size())));
  return out;
}

// What the reply is asked to change, what it did first, then what it left out.
std::string Asks(const ReviewReply& r, const CheckLookup& lookup) {
  std::string did, left_out;
  for (const auto& c : r.fired) {
    std::string item = std::string("<span class=\"badge ") + StatusClass(c.status) + "\">" +
                       StatusClass(c.status) + "</span> " + HtmlEscape(lookup.Title(c.check));
    std::string& list = lookup.Kind(c.check) == CheckKind::kDid ? did : left_out;
    list += (list.empty() ? "" : "; ") + item;
  }
  std::string h = "<ul class=\"asks small\">";
  if (!did.empty()) h += "<li class=\"asks-did\">Did: " + did + "</li>";
  if (!left_out.empty()) h += "<li class=\"asks-left-out\">Left out: " + left_out + "</li>";
  return h + "</ul>";
}

std::string ReviewSection(const Summary& s, const HtmlOptions& options) {
  CheckLookup lookup;
  for (const auto& c : s.checks()) lookup.by_id[c.id] = &c;
  std::string h =
      "<section id=\"review-list\"><h2>Replies to review first</h2><p class=\"small\">"
      "Replies that need a fix, the most to change first, each under the customer's "
      "message it answers.</p><table id=\"review\"><tr><th class=\"n\">#</th>"
      "<th>Reply</th><th>Agent</th><th>Team</th><th>Month</th><th class=\"n\">Fix</th>"
      "<th class=\"n\">Consider</th></tr>\n";
  std::vector<ReviewReply> review = s.Review();
  for (size_t i = 0; i < review.size(); ++i) {
    const ReviewReply& r = review[i];
    std::string customer =
        r.customer_message.empty()
            ? "<div class=\"small\">The customer's message is not in the export.</div>"
            : "<div class=\"small\">The customer wrote:</div><div class=\"customer\">" +
                  HtmlEscape(r.customer_message) + "</div>";
    h += "<tr class=\"review\"><td class=\"n\">" + Num(i + 1) + "</td><td><div class=\"small\">" +
         HtmlEscape(Cut(r.id, 120)) + "</div>" + customer +
         "<div class=\"small\">The reply:</div>"
         "<div class=\"reply\">" +
         Highlighted(r, lookup) + "</div>" + Asks(r, lookup) + "</td><td>" + HtmlEscape(r.agent) +
         "</td><td>" + (r.team.empty() ? std::string() : TeamLabel(r.team, options)) +
         "</td><td class=\"nowrap\">" + HtmlEscape(r.month) + "</td><td class=\"n\">" +
         Num(r.fixes) + "</td><td class=\"n\">" + Num(r.considers) + "</td></tr>\n";
  }
  if (review.empty())
    h += "<tr><td colspan=\"7\" class=\"small\">No reply needs a fix.</td></tr>\n";
  return h + "</table></section>\n";
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
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
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
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'\"><title>" +
      HtmlEscape(options.title) + "</title><style>" + kStyle + "</style></head><body>\n";
  h += "<h1>" + HtmlEscape(options.title) + "</h1>\n";
  if (!options.source.empty()) h += "<p class=\"meta\">" + HtmlEscape(options.source) + "</p>\n";
  h += ChecksRun(s.checks());
  if (s.checked() == 0)
    h += "<p id=\"empty-audit\" class=\"empty\">This audit checked nothing: no agent reply was "
         "found in its input" +
         (s.errors() ? ", and " + Num(s.errors()) + (s.errors() == 1 ? " record" : " records") +
                           " could not be read"
                     : std::string()) +
         ". There is nothing to report" +
         (options.empty_reason.empty()
              ? std::string("; check the input file and its format (<code>--input</code>)")
              : ": " + HtmlEscape(options.empty_reason)) +
         ".</p>\n";
  h += "<section class=\"totals\">"
       "<div>Replies checked<b id=\"total-replies\">" +
       Num(s.checked()) +
       "</b></div>"
       "<div>Need a fix<b id=\"total-needs-fix\">" +
       Num(s.needs_fix()) +
       "</b>"
       "<span id=\"total-needs-fix-rate\">" +
       Percent(s.needs_fix(), s.checked()) +
       "</span></div>"
       "<div>Unreadable records<b id=\"total-errors\">" +
       Num(s.errors()) + "</b></div></section>\n";
  if (s.checked() == 0) return h + "</body></html>\n";
  h += CheckSection(s, CheckKind::kDid);
  h += CheckSection(s, CheckKind::kLeftOut);
  h += AgentsSection(s, options);
  h += TeamsSection(s, options);
  h += MonthsSection(s);
  h += PhrasesSection(s, options);
  h += ReviewSection(s, options);
  return h + "</body></html>\n";
}

}  // namespace amends::summary
