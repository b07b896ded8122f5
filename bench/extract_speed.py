"""Extraction speed: articles of 2,000 characters per second on one core (one process, one
thread), built from the development articles, next to the target of issue 4.

    .venv/bin/python bench/extract_speed.py [--seconds 5]
"""

from __future__ import annotations

import datetime as dt
import sys
import time

from graph.extract import Gazetteer, extract_text, load_gazetteer
from graph.paths import ROOT, SEEDS_DIR

DATA = ROOT / "tests" / "data" / "extract" / "dev"
LENGTH = 2000
TARGET = 200.0


def padded() -> list[str]:
    """One 2,000-character article per development article: its body repeated as needed."""
    out = []
    for path in sorted(DATA.glob("*.txt")):
        text = path.read_text("utf-8")
        body = text
        while len(body) < LENGTH:
            body += "\n" + text.split("\n", 1)[-1]
        out.append(body[:LENGTH])
    return out


def pages() -> list[str]:
    """One 2,000-character page per development article: its text followed by the next
    development articles in the same language, so most pages hold several designations."""
    paths = sorted(DATA.glob("*.txt"))
    out = []
    for path in paths:
        same = [p for p in paths if p.name[:2] == path.name[:2]]
        texts = [p.read_text("utf-8") for p in same]
        body, j = path.read_text("utf-8"), same.index(path)
        while len(body) < LENGTH:
            j = (j + 1) % len(texts)
            body += "\n" + texts[j]
        out.append(body[:LENGTH])
    return out


def rate(gaz: Gazetteer, texts: list[str], seconds: float) -> float:
    """Articles per CPU second over one timed round."""
    published = dt.date(2025, 6, 1)
    done, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        gaz.memo.clear()  # no credit for names seen in an earlier pass
        for text in texts:
            extract_text(text, gaz, published)
        done += len(texts)
    return done / (time.process_time() - start)


def main() -> None:
    """Time a few rounds of each set and print the best and the median rate (the machine may
    be shared, so the best round is the closest to one idle core)."""
    seconds = float(sys.argv[sys.argv.index("--seconds") + 1]) if "--seconds" in sys.argv else 3.0
    gaz = load_gazetteer(SEEDS_DIR / "reference")
    print(f"{'articles/second, 2,000 chars, one core':<62}{'best':>8}{'median':>8}{'target':>8}")
    for name, texts in (
        ("single articles padded to 2,000 chars", padded()),
        ("pages of several articles", pages()),
    ):
        found = sum(len(extract_text(t, gaz, None).designations) for t in texts) / len(texts)
        rates = sorted(rate(gaz, texts, seconds) for _ in range(5))
        label = f"{name} ({found:.1f} designations each)"
        print(f"{label:<62}{rates[-1]:>8.1f}{rates[2]:>8.1f}{TARGET:>8.0f}")


if __name__ == "__main__":
    main()
