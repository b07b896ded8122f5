// Search as you type: /api/search for every box marked data-search, as an ARIA combobox.
import { el, local, t } from "./text.js";

const KIND = { zone: "kind-zone", organisation: "kind-organisation", program: "kind-program", region: "kind-region", cluster: "kind-cluster" };

export function attach(form) {
  const input = form.querySelector("input");
  const list = form.querySelector("ul");
  let hits = [], active = -1, timer = 0, serial = 0;

  function render() {
    list.replaceChildren(...hits.map((h, i) => {
      const a = el("a", { href: local(h.iri), tabindex: "-1" }, h.label, el("span", { class: "kind", text: t(KIND[h.kind] || h.kind) }));
      return el("li", { role: "option", id: `${list.id}-${i}`, "aria-selected": i === active ? "true" : "false" }, a);
    }));
    const open = hits.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (active >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${active}`);
    else input.removeAttribute("aria-activedescendant");
  }

  async function lookup() {
    const q = input.value.trim();
    const mine = ++serial;
    if (!q) { hits = []; render(); return; }
    const response = await fetch(`/api/search?${new URLSearchParams({ q, limit: "8" })}`, { headers: { Accept: "application/json" } });
    if (mine !== serial) return;
    hits = response.ok ? (await response.json()).items : [];
    active = -1;
    render();
  }

  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(lookup, 120); });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!hits.length) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (event.key === "Escape") { hits = []; render(); }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const hit = hits[Math.max(active, 0)];
    if (hit) window.location.href = local(hit.iri);
  });
  document.addEventListener("click", (event) => { if (!form.contains(event.target)) { hits = []; render(); } });
}
