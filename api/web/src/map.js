// A map drawn with no tile server: country outlines projected at build time (frame.json) and
// markers at longitude and latitude, each a link to its page.
import frame from "./frame.json";
import { local, t } from "./text.js";

const NS = "http://www.w3.org/2000/svg";
const svgEl = (tag, attrs = {}) => {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
};
export const project = (lon, lat) => [(lon - frame.west) * frame.kx * frame.scale, (frame.north - lat) * frame.scale];

/** Draws markers ({iri, label, lon, lat, count?}) into a container; returns the <svg>. */
export function drawMap(container, markers, title) {
  const svg = svgEl("svg", { viewBox: `0 0 ${frame.width} ${frame.height}`, role: "group", "aria-label": title || t("map") });
  svg.append(svgEl("title"));
  svg.firstChild.textContent = title || t("map");
  svg.append(svgEl("path", { class: "land", d: frame.d }));
  const largest = Math.max(1, ...markers.map((m) => m.count || 1));
  for (const m of markers) {
    const [x, y] = project(m.lon, m.lat);
    const link = svgEl("a", { href: local(m.iri), class: "marker-link" });
    const dot = svgEl("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (3.5 + 5 * Math.sqrt((m.count || 1) / largest)).toFixed(1), class: "marker" });
    const tip = svgEl("title");
    tip.textContent = m.count ? `${m.label} (${m.count})` : m.label;
    dot.append(tip);
    link.setAttribute("aria-label", tip.textContent);
    link.append(dot);
    svg.append(link);
  }
  const figure = document.createElement("figure");
  figure.className = "map";
  figure.append(svg);
  const caption = document.createElement("figcaption");
  caption.className = "muted";
  caption.textContent = `${markers.length} ${t("markers")} · ${t("map-source")}`;
  figure.append(caption);
  container.replaceChildren(figure);
  return svg;
}
