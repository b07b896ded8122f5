"""Extraction speed on one core (one process, one thread), next to the target of issue 4:
every labelled article as written, and articles of 2,000 characters built from the
development articles.

    .venv/bin/python bench/extract_speed.py [--seconds 5]
"""

from __future__ import annotations

import datetime as dt
import sys
import time

from graph.extract import Gazetteer, extract_text, load_gazetteer
from graph.extract.quality import DATA as LABELLED
from graph.extract.quality import gold_of, set_names
from graph.paths import ROOT, SEEDS_DIR

DATA = ROOT / "tests" / "data" / "extract" / "dev"
LENGTH = 2000
TARGET = 200.0


def labelled() -> list[str]:
    """Every article of every labelled set, as written."""
    return [
        (LABELLED / s / f"{name}.txt").read_text("utf-8")
        for s in set_names()
        for name in gold_of(s)
    ]


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
    every = labelled()
    print(f"{'articles/second, one core':<64}{'best':>8}{'median':>8}{'target':>8}")
    for name, texts in (
        (f"all {len(every)} labelled articles", every),
        ("single articles padded", padded()),
        ("pages of several articles", pages()),
    ):
        found = sum(len(extract_text(t, gaz, None).designations) for t in texts) / len(texts)
        rates = sorted(rate(gaz, texts, seconds) for _ in range(5))
        chars = sum(map(len, texts)) // len(texts)
        label = f"{name} ({chars:,} chars, {found:.1f} designations each)"
        print(f"{label:<64}{rates[-1]:>8.1f}{rates[2]:>8.1f}{TARGET:>8.0f}")


if __name__ == "__main__":
    main()
