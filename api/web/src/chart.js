// A bar chart of counts: the first numeric column against the first other column.
import { el } from "./text.js";

const NS = "http://www.w3.org/2000/svg";
const NUMERIC = /#(integer|decimal|double|float|long|int|short|nonNegativeInteger)$/;

export function numericColumn(result) {
  if (!result || !result.rows.length) return null;
  return result.vars.find((v) => result.rows.every((r) => r[v] && r[v].type === "literal" && NUMERIC.test(r[v].datatype || ""))) || null;
}

export function drawChart(container, result, labels) {
  const value = numericColumn(result);
  const key = result.vars.find((v) => v !== value);
  const rows = result.rows.slice(0, 60);
  const name = (r) => { const v = r[key]; if (!v) return ""; return (v.type === "uri" && labels[v.value]?.label) || v.value; };
  const max = Math.max(1, ...rows.map((r) => Number(r[value].value)));
  const height = rows.length * 22 + 10, labelWidth = 260, width = 760;
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${value} / ${key}`);
  rows.forEach((r, i) => {
    const n = Number(r[value].value), y = i * 22 + 5;
    const text = document.createElementNS(NS, "text");
    text.setAttribute("x", labelWidth - 6); text.setAttribute("y", y + 14); text.setAttribute("text-anchor", "end");
    text.textContent = name(r).slice(0, 40);
    const bar = document.createElementNS(NS, "rect");
    bar.setAttribute("class", "bar"); bar.setAttribute("x", labelWidth); bar.setAttribute("y", y + 2);
    bar.setAttribute("height", 16); bar.setAttribute("width", Math.max(1, ((width - labelWidth - 50) * n) / max).toFixed(1));
    const tip = document.createElementNS(NS, "title"); tip.textContent = `${name(r)}: ${n}`; bar.append(tip);
    const count = document.createElementNS(NS, "text");
    count.setAttribute("x", labelWidth + Math.max(1, ((width - labelWidth - 50) * n) / max) + 4); count.setAttribute("y", y + 14);
    count.textContent = String(n);
    svg.append(text, bar, count);
  });
  container.replaceChildren(el("div", { class: "chart" }, svg));
}
