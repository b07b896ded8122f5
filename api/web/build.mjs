// Rebuilds the committed front-end assets in api/static/ (and the axe-core file the browser
// tests inject) from the pinned npm packages and the sources in src/. Run: npm ci && npm run build
import { build } from "esbuild";
import { copyFileSync, mkdirSync, rmSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "static");
const modules = join(here, "node_modules");
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "docs"), { recursive: true });

// The map frame: country outlines from Natural Earth (public domain, via world-atlas),
// projected once here (equirectangular, x scaled by cos 36°), clamped to the frame and thinned.
export const FRAME = { west: 73, east: 135.5, south: 17.5, north: 54, scale: 10 };
const kx = Math.cos((36 * Math.PI) / 180);
const x = (lon) => (lon - FRAME.west) * kx * FRAME.scale;
const y = (lat) => (FRAME.north - lat) * FRAME.scale;
const width = x(FRAME.east), height = y(FRAME.south);
const clamp = (v, hi) => Math.min(Math.max(v, -4), hi + 4);

function ring(points) {
  let d = "", last = null;
  for (const [lon, lat] of points) {
    const p = [clamp(x(lon), width), clamp(y(lat), height)].map((v) => Math.round(v * 10) / 10);
    if (last && Math.hypot(p[0] - last[0], p[1] - last[1]) < 1.8) continue;
    d += (last ? "L" : "M") + p[0] + " " + p[1];
    last = p;
  }
  return d.split("L").length > 3 ? d + "Z" : "";
}

function outlines() {
  const atlas = JSON.parse(readFileSync(join(modules, "world-atlas", "countries-50m.json")));
  const inFrame = ([lon, lat]) => lon > FRAME.west - 15 && lon < FRAME.east + 15 && lat > FRAME.south - 10 && lat < FRAME.north + 10;
  let d = "";
  for (const f of feature(atlas, atlas.objects.countries).features) {
    const polygons = f.geometry?.type === "Polygon" ? [f.geometry.coordinates] : f.geometry?.coordinates ?? [];
    for (const polygon of polygons) {
      if (polygon[0].some(inFrame)) d += polygon.map(ring).join("");
    }
  }
  return { width: Math.round(width * 10) / 10, height, ...FRAME, kx, d };
}
writeFileSync(join(here, "src", "frame.json"), JSON.stringify(outlines()));

await build({
  entryPoints: ["site.js", "entity.js", "editor.js"].map((f) => join(here, "src", f)),
  bundle: true, minify: true, format: "esm", splitting: true, target: "es2020", outdir: out,
  chunkNames: "chunks/[name]-[hash]", legalComments: "eof", logLevel: "info",
});
await build({
  entryPoints: [join(here, "src", "site.css")], bundle: true, minify: true, outdir: out, logLevel: "info",
});
copyFileSync(join(here, "src", "docs.js"), join(out, "docs", "docs.js"));
copyFileSync(join(here, "src", "docs.css"), join(out, "docs", "docs.css"));
copyFileSync(join(here, "src", "favicon.svg"), join(out, "favicon.svg"));
copyFileSync(join(modules, "swagger-ui-dist", "swagger-ui-bundle.js"), join(out, "docs", "swagger-ui-bundle.js"));
copyFileSync(join(modules, "swagger-ui-dist", "swagger-ui.css"), join(out, "docs", "swagger-ui.css"));
copyFileSync(join(modules, "axe-core", "axe.min.js"), join(here, "..", "..", "tests", "browser", "axe.min.js"));
