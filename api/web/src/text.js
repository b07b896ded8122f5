// Words the scripts show, read from the page's JSON block (the server picks the language).
const block = document.getElementById("ui-text");
const words = block ? JSON.parse(block.textContent) : {};
export const lang = document.documentElement.lang.startsWith("zh") ? "zh" : "en";
export function t(key) { return words[key] ?? key; }
export function readJson(id) {
  const el = document.getElementById(id);
  return el ? JSON.parse(el.textContent) : null;
}
/** The page for an IRI of the project on this server; other IRIs stay as they are. */
export function local(iri) {
  const base = "https://w3id.org/china-designations/";
  if (iri.startsWith(base + "id/")) return "/id/" + iri.slice(base.length + 3);
  if (iri.startsWith(base + "def#")) return "/def#" + iri.slice(base.length + 4);
  return iri;
}
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") node.textContent = v; else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) node.append(c);
  return node;
}
