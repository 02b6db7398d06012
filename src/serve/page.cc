#include "serve/page.h"

namespace amends::serve {

// Reply text reaches the document only through textContent and text nodes,
// never innerHTML, so a draft holding markup shows as the characters typed.
std::string_view PageHtml() {
  static constexpr std::string_view kPage = R"PAGE(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>amends: check a reply</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 64rem; padding: 1rem; color: #222; }
h1 { font-size: 1.2rem; margin: 0 0 .5rem; }
label { display: block; font-weight: 600; margin: .6rem 0 .2rem; }
textarea, input { width: 100%; box-sizing: border-box; font: inherit; padding: .4rem; }
#draft { min-height: 12rem; }
#message { min-height: 4rem; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
#highlighted { white-space: pre-wrap; border: 1px solid #ccc; padding: .5rem; min-height: 3rem; background: #fafafa; }
mark.fix { background: #ffc9c9; } mark.consider { background: #fff1a8; }
mark.missing { background: none; border-left: 3px solid #d33; padding-left: 1px; }
#verdict { font-weight: 600; margin: .5rem 0; }
#verdict.ready { color: #186a18; } #verdict.fix { color: #b00; }
ul#findings { padding-left: 1.2rem; } li { margin-bottom: .6rem; }
.status { font-size: .8rem; text-transform: uppercase; font-weight: 700; margin-right: .4rem; }
.why { color: #555; font-size: .9rem; } .suggestion { color: #185; }
#error { color: #b00; }
</style>
</head>
<body>
<h1>amends: check a reply before you send it</h1>
<div class="cols">
<div>
<label for="draft">Your draft reply</label>
<textarea id="draft" spellcheck="false" placeholder="Paste or type the reply"></textarea>
<label for="name">Customer's name (optional)</label>
<input id="name" autocomplete="off">
<label for="message">Customer's message (optional)</label>
<textarea id="message" spellcheck="false"></textarea>
<label for="token">Server token (only if the server asks for one)</label>
<input id="token" type="password" autocomplete="off">
</div>
<div>
<div id="verdict"></div>
<div id="error"></div>
<div id="highlighted" aria-label="The draft with findings highlighted"></div>
<ul id="findings"></ul>
</div>
</div>
<script>
"use strict";
const $ = (id) => document.getElementById(id);
let timer = 0, sent = 0;
function schedule() { clearTimeout(timer); timer = setTimeout(check, 150); }
for (const id of ["draft", "name", "message", "token"]) $(id).addEventListener("input", schedule);

async function check() {
  const text = $("draft").value, mine = ++sent;
  if (!text.trim()) { show(text, null); return; }
  const body = { text };
  if ($("name").value.trim()) body.customer_name = $("name").value;
  if ($("message").value.trim()) body.customer_message = $("message").value;
  const headers = { "Content-Type": "application/json" };
  if ($("token").value) headers.Authorization = "Bearer " + $("token").value;
  try {
    const res = await fetch("/v1/check", { method: "POST", headers, body: JSON.stringify(body) });
    const json = await res.json();
    if (mine !== sent) return;  // a newer request is on its way
    if (!res.ok) { $("error").textContent = json.error || ("HTTP " + res.status); return; }
    $("error").textContent = "";
    show(text, json);
  } catch (e) {
    if (mine === sent) $("error").textContent = "The server did not answer: " + e.message;
  }
}

function show(text, result) {
  const hl = $("highlighted"), list = $("findings"), verdict = $("verdict");
  hl.replaceChildren(); list.replaceChildren();
  if (!result) { verdict.textContent = ""; return; }
  verdict.textContent = result.ready_to_send ? "Ready to send" : "Needs a fix before sending";
  verdict.className = result.ready_to_send ? "ready" : "fix";
  // Spans in UTF-16 units, as JavaScript strings count.
  const marks = [];
  for (const item of result.checklist) {
    if (item.status !== "fix" && item.status !== "consider") continue;
    for (const f of item.findings) {
      marks.push({ start: f.utf16_start, end: f.utf16_end, item, f });
      const li = document.createElement("li");
      const status = document.createElement("span");
      status.className = "status"; status.textContent = item.status;
      const title = document.createElement("strong"); title.textContent = item.title;
      li.append(status, title);
      const msg = document.createElement("div"); msg.className = "message"; msg.textContent = f.message;
      li.append(msg);
      if (f.suggestion) {
        const s = document.createElement("div"); s.className = "suggestion";
        s.textContent = "Try: " + f.suggestion; li.append(s);
      }
      const why = document.createElement("div"); why.className = "why"; why.textContent = item.why;
      li.append(why);
      li.dataset.check = item.id;
      list.append(li);
    }
  }
  marks.sort((a, b) => a.start - b.start || a.end - b.end);
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;  // overlapping: the first one shows
    hl.append(document.createTextNode(text.slice(at, m.start)));
    const mark = document.createElement("mark");
    mark.className = m.start === m.end ? "missing" : m.item.status;
    mark.dataset.check = m.item.id;
    mark.title = m.f.message;
    mark.textContent = text.slice(m.start, m.end);
    hl.append(mark);
    at = m.end;
  }
  hl.append(document.createTextNode(text.slice(at)));
}
</script>
</body>
</html>
)PAGE";
  return kPage;
}

}  // namespace amends::serve
