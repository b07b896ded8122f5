// N-Triples into [subject, predicate, object] terms shaped like SPARQL JSON results.
const TERM = /^(?:<([^>]*)>|(_:\S+)|"((?:[^"\\]|\\.)*)"(?:@([\w-]+)|\^\^<([^>]*)>)?)\s*/;
const unescape = (s) => s.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})|\\(.)/g, (_, u, U, c) => (u || U ? String.fromCodePoint(parseInt(u || U, 16)) : ({ n: "\n", r: "\r", t: "\t" })[c] ?? c));

function term(text) {
  const m = TERM.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  if (m[1] !== undefined) return [{ type: "uri", value: m[1] }, rest];
  if (m[2] !== undefined) return [{ type: "bnode", value: m[2] }, rest];
  const literal = { type: "literal", value: unescape(m[3]) };
  if (m[4]) literal["xml:lang"] = m[4];
  if (m[5]) literal.datatype = m[5];
  return [literal, rest];
}

export function parseNTriples(text) {
  const out = [];
  for (const line of text.split("\n")) {
    let rest = line.trim();
    if (!rest || rest.startsWith("#")) continue;
    const parts = [];
    for (let i = 0; i < 3; i++) { const r = term(rest); if (!r) break; parts.push(r[0]); rest = r[1]; }
    if (parts.length === 3) out.push(parts);
  }
  return out;
}
