// The SPARQL query editor: CodeMirror with SPARQL highlighting and completion of the project's
// prefixes and cnd: terms, the example queries, and results as a labelled table, a chart,
// a map or a graph, with CSV and JSON downloads and a share link (the query in the URL).
import "./site.js";
import { autocompletion, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers } from "@codemirror/view";
import { drawChart, numericColumn } from "./chart.js";
import { drawMap } from "./map.js";
import { parseNTriples } from "./ntriples.js";
import { toCsv } from "./csv.js";
import { el, lang, local, readJson, t } from "./text.js";

const config = readJson("editor-config");
const KEYWORDS = ["SELECT", "CONSTRUCT", "DESCRIBE", "ASK", "WHERE", "FILTER", "OPTIONAL", "UNION", "GRAPH", "PREFIX", "DISTINCT", "ORDER BY", "GROUP BY", "LIMIT", "OFFSET", "COUNT", "VALUES", "BIND", "SERVICE", "MINUS", "EXISTS", "NOT EXISTS", "HAVING", "LANG", "LANGMATCHES", "STR", "STRSTARTS", "CONTAINS", "REGEX", "COALESCE", "SAMPLE", "GROUP_CONCAT"];

function complete(context) {
  const word = context.matchBefore(/[A-Za-z_][\w-]*:?[\w-]*/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  const options = [
    ...config.terms.map((term) => ({ label: term.name, type: term.kind === "Class" ? "class" : "property", detail: term.label, info: term.definition })),
    ...Object.entries(config.prefixes).map(([p, iri]) => ({ label: `${p}:`, type: "namespace", detail: iri, apply: `${p}:` })),
    ...KEYWORDS.map((k) => ({ label: k, type: "keyword" })),
  ];
  return { from: word.from, options, validFor: /^[\w:-]*$/ };
}

const box = document.getElementById("editor");
const start = new URLSearchParams(window.location.hash.slice(1)).get("query") || config.examples[0]?.query || "SELECT * WHERE { ?s ?p ?o } LIMIT 10";
const view = new EditorView({
  parent: box,
  state: EditorState.create({
    doc: start,
    extensions: [
      lineNumbers(), history(), bracketMatching(),
      StreamLanguage.define(sparql), syntaxHighlighting(defaultHighlightStyle),
      autocompletion({ override: [complete] }),
      keymap.of([{ key: "Mod-Enter", run: () => { run(); return true; } }, ...completionKeymap, ...defaultKeymap, ...historyKeymap]),
      EditorView.contentAttributes.of({ "aria-label": t("query-text") }),
    ],
  }),
});
// A long query scrolls inside the editor: its scroller must take the keyboard focus too (axe).
view.scrollDOM.setAttribute("tabindex", "0");
view.scrollDOM.setAttribute("aria-label", t("query-text"));
const query = () => view.state.doc.toString();
const setQuery = (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });

const examples = document.getElementById("examples");
for (const e of config.examples) examples.append(el("option", { value: e.name, text: e.title }));
examples.addEventListener("change", () => {
  const chosen = config.examples.find((e) => e.name === examples.value);
  if (chosen) { setQuery(chosen.query); document.getElementById("example-note").textContent = chosen.description; }
});

const status = document.getElementById("status");
const output = document.getElementById("output");
const share = document.getElementById("share-link");
const tabs = [...document.querySelectorAll(".tabs button")];
let result = null, labels = {};

async function fetchLabels(iris) {
  const wanted = [...new Set(iris)].filter((i) => i.startsWith("https://w3id.org/china-designations/")).slice(0, 2000);
  if (!wanted.length) return {};
  const response = await fetch("/api/labels", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ iris: wanted, lang }) });
  return response.ok ? (await response.json()).items : {};
}

async function run() {
  const text = query();
  window.history.replaceState(null, "", `#${new URLSearchParams({ query: text })}`);
  share.value = window.location.href;
  status.textContent = t("running");
  status.classList.remove("error");
  const began = performance.now();
  const response = await fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json, application/n-triples;q=0.9" },
    body: new URLSearchParams({ query: text }),
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({ message: response.statusText }));
    status.textContent = `${t("error")}: ${body.message}`;
    status.classList.add("error");
    output.replaceChildren();
    return;
  }
  const type = response.headers.get("content-type") || "";
  if (type.includes("n-triples")) {
    const triples = parseNTriples(await response.text());
    result = { kind: "triples", triples, vars: ["subject", "predicate", "object"], rows: triples.map(([s, p, o]) => ({ subject: s, predicate: p, object: o })) };
  } else {
    const json = await response.json();
    result = "boolean" in json ? { kind: "boolean", value: json.boolean, vars: [], rows: [] } : { kind: "bindings", vars: json.head.vars, rows: json.results.bindings };
  }
  const iris = result.rows.flatMap((r) => Object.values(r)).filter((v) => v && v.type === "uri").map((v) => v.value);
  labels = await fetchLabels(iris);
  const seconds = ((performance.now() - began) / 1000).toFixed(2);
  const truncated = response.headers.get("x-designations-truncated") === "true" ? ` · ${t("truncated")}` : "";
  status.textContent = result.kind === "boolean" ? `${t("answer")}: ${result.value}` : `${result.rows.length} ${t("rows")} · ${seconds} s${truncated}`;
  enableViews();
  show(result.kind === "triples" ? "graph" : "table");
}

function cell(value) {
  if (!value) return "";
  if (value.type === "uri") {
    const known = labels[value.value];
    const a = el("a", { href: local(value.value), title: value.value }, known?.label || value.value);
    return a;
  }
  return value["xml:lang"] ? `${value.value} @${value["xml:lang"]}` : value.value;
}

function table() {
  if (result.kind === "boolean") return el("p", { text: String(result.value) });
  const head = el("tr", {}, ...result.vars.map((v) => el("th", { scope: "col", text: v })));
  const body = result.rows.map((row) => el("tr", {}, ...result.vars.map((v) => el("td", {}, cell(row[v])))));
  return el("div", { class: "results" }, el("table", {}, el("caption", { class: "visually-hidden", text: t("results") }), el("thead", {}, head), el("tbody", {}, ...body)));
}

function markers() {
  const counts = new Map();
  const numeric = numericColumn(result);
  for (const row of result.rows) {
    for (const v of Object.values(row)) {
      const known = v && v.type === "uri" && labels[v.value];
      if (!known || known.lon == null) continue;
      const n = numeric ? Number(row[numeric]?.value || 0) : 1;
      const m = counts.get(v.value) || { iri: v.value, label: known.label || v.value, lon: known.lon, lat: known.lat, count: 0 };
      m.count += n;
      counts.set(v.value, m);
    }
  }
  return [...counts.values()];
}

function enableViews() {
  const available = { table: true, chart: result.kind === "bindings" && !!numericColumn(result), map: markers().length > 0, graph: result.kind === "triples" && result.triples.length > 0 };
  for (const tab of tabs) tab.disabled = !available[tab.dataset.view];
}

function show(name) {
  for (const tab of tabs) tab.setAttribute("aria-selected", tab.dataset.view === name ? "true" : "false");
  output.dataset.view = name;
  if (name === "table") output.replaceChildren(table());
  if (name === "chart") drawChart(output, result, labels);
  if (name === "map") drawMap(output, markers(), t("map"));
  if (name === "graph") {
    const panel = el("div", { class: "panel ego" });
    output.replaceChildren(panel);
    const nodes = new Map(), edges = [];
    const node = (v) => { const id = v.value; if (!nodes.has(id)) nodes.set(id, { data: { id, iri: v.type === "uri" ? id : "", label: labels[id]?.label || (v.type === "uri" ? id.split(/[/#]/).pop() : id) } }); return id; };
    result.triples.forEach(([s, p, o], i) => edges.push({ data: { id: `e${i}`, source: node(s), target: node(o), label: p.value.split(/[/#]/).pop() } }));
    import("./ego.js").then(({ drawGraph }) => drawGraph(panel, { nodes: [...nodes.values()], edges }));
  }
}

for (const tab of tabs) tab.addEventListener("click", () => show(tab.dataset.view));
document.getElementById("run").addEventListener("click", run);
function download(name, type, text) {
  const a = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(a); a.click(); a.remove();
}
document.getElementById("download-csv").addEventListener("click", () => result && download("results.csv", "text/csv", toCsv(result)));
document.getElementById("download-json").addEventListener("click", () => result && download("results.json", "application/json", JSON.stringify(result.kind === "triples" ? result.triples : { head: { vars: result.vars }, results: { bindings: result.rows } }, null, 2)));
document.getElementById("copy-share").addEventListener("click", () => { share.select(); navigator.clipboard?.writeText(share.value); });
share.value = window.location.href;
if (window.location.hash.includes("query=")) run();
