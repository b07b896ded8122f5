// SPARQL results as CSV (SPARQL 1.1 Query Results CSV: plain values, quoted when needed).
const quote = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export function toCsv(result) {
  const lines = [result.vars.map(quote).join(",")];
  for (const row of result.rows) lines.push(result.vars.map((v) => quote(row[v]?.value ?? "")).join(","));
  return lines.join("\r\n") + "\r\n";
}
