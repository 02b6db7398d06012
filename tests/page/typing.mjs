// Types a draft into the page `amends serve` answers at / in a real headless
// Chromium and reads the highlights back. Usage:
//   node typing.mjs URL CHROMIUM
// Exit 0 when every expectation holds; prints what failed otherwise.
import { chromium } from "playwright-core";

const [url, executablePath] = process.argv.slice(2);
const failures = [];
const expect = (ok, what) => { if (!ok) failures.push(what); };

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // Kept off the network: this machine refuses it, and the page needs none.
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(url);
  await page.fill("#name", "Mary Jones");
  // Typed key by key, as an agent would; markup in a draft must stay text.
  const draft = "Dear valued customer, we apologize for any inconvenience <b>this</b> caused, " +
      "but per our policy we cannot refund it.";
  await page.locator("#draft").pressSequentially(draft, { delay: 5 });
  // The page shows the text each answer was for; answers to earlier keystrokes
  // may still be showing when typing ends, so wait for the whole draft's.
  await page.waitForFunction((d) => document.querySelector("#highlighted")?.textContent === d,
                             draft, { timeout: 15000 });
  const marks = await page.$$eval("#highlighted mark",
      (ms) => ms.map((m) => ({ check: m.dataset.check, text: m.textContent, cls: m.className })));
  const byCheck = Object.fromEntries(marks.map((m) => [m.check, m]));
  expect(byCheck["apology.non_apology"]?.text === "apologize for any",
         "apology.non_apology highlights 'apologize for any': " + JSON.stringify(marks));
  expect(byCheck["policy.reciting"]?.text?.includes("per our policy"),
         "policy.reciting highlights 'per our policy'");
  expect(marks.some((m) => m.cls === "fix"), "some highlight is a fix");
  // The draft's markup shows as characters, never as an element.
  expect(await page.$("#highlighted b") === null, "no <b> element made from the draft");
  const shown = await page.textContent("#highlighted");
  expect(shown.includes("<b>this</b>"), "the draft's '<b>this</b>' shows as typed");
  // Each finding with its message, suggestion and why.
  const items = await page.$$eval("#findings li", (lis) => lis.map((li) => ({
    check: li.dataset.check,
    message: li.querySelector(".message")?.textContent ?? "",
    suggestion: li.querySelector(".suggestion")?.textContent ?? "",
    why: li.querySelector(".why")?.textContent ?? "",
  })));
  const apology = items.find((i) => i.check === "apology.non_apology");
  expect(apology && apology.message.length > 0 && apology.why.length > 0,
         "the apology finding has a message and a why");
  expect(items.some((i) => i.suggestion.startsWith("Try: ")), "some finding has a suggestion");
  expect((await page.textContent("#verdict")).includes("Needs a fix"), "the verdict says it needs a fix");
  // Fixing the draft clears the highlights, as you type.
  await page.fill("#draft", "Hi Mary,\n\nThank you for your patience.\n\nBest,\nSam");
  await page.waitForFunction(() => !document.querySelector("mark[data-check='apology.non_apology']"),
                             null, { timeout: 15000 });
  // Nothing but the server itself was asked for.
  const origin = new URL(url).origin;
  expect(requests.every((r) => r.startsWith(origin)), "no request left the server: " + requests.join(" "));
} finally {
  await browser.close();
}
if (failures.length) {
  console.error("page test failed:\n  " + failures.join("\n  "));
  process.exit(1);
}
console.log("page test passed");
