// Entity pages: the map of the page's places and the ego graph.
import "./site.js";
import { lang, readJson, t } from "./text.js";

const markers = readJson("markers");
const mapBox = document.getElementById("map");
if (mapBox && markers && markers.length) import("./map.js").then(({ drawMap }) => drawMap(mapBox, markers, t("map")));

const egoBox = document.getElementById("ego");
if (egoBox) {
  const params = new URLSearchParams({ view: "ego", entity: egoBox.dataset.entity, hops: "1", lang: lang === "zh" ? "zh" : "en" });
  fetch(`/api/export/cytoscape?${params}`).then(async (response) => {
    if (!response.ok) { egoBox.textContent = t("no-graph"); return; }
    const data = await response.json();
    const elements = data.elements ?? data;
    const count = (elements.nodes ?? elements).length;
    if (count > 400) { egoBox.textContent = t("graph-too-large"); return; }
    egoBox.classList.add("ego");
    const { drawGraph } = await import("./ego.js");
    drawGraph(egoBox, elements);
    egoBox.dataset.nodes = String(count);
  });
}
