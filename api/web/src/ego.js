// An ego graph drawn with Cytoscape.js from the Cytoscape export of /api/export.
import cytoscape from "cytoscape";
import { local } from "./text.js";

const COLOURS = { zone: "#0b5cad", organisation: "#8e44ad", program: "#16a085", region: "#7f8c8d", designee: "#0b5cad", cluster: "#d35400" };

export function drawGraph(container, elements, onNode) {
  const nodes = elements.nodes ?? elements.filter((e) => e.group !== "edges" && !e.data.source);
  return cytoscape({
    container,
    elements,
    layout: { name: nodes.length > 60 ? "circle" : "cose", animate: false },
    style: [
      { selector: "node[label]", style: { label: "data(label)" } },
      { selector: "node", style: { "font-size": 9, "text-wrap": "ellipsis", "text-max-width": 120, "background-color": (n) => COLOURS[n.data("kind")] || "#555", width: 14, height: 14 } },
      { selector: "edge", style: { width: 1, "line-color": "#a5b1bd", "target-arrow-color": "#a5b1bd", "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(kind)", "font-size": 7, color: "#666" } },
    ],
  }).on("tap", "node", (event) => {
    const iri = event.target.data("iri") || event.target.id();
    if (onNode) onNode(iri); else if (iri.startsWith("http")) window.location.href = local(iri);
  });
}
