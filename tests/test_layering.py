"""The library never imports the web framework, and is laid out by stage."""

import subprocess
import sys

from graph.paths import ROOT

CODE = """
import importlib, pkgutil, sys
import graph
for info in pkgutil.walk_packages(graph.__path__, "graph."):
    importlib.import_module(info.name)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("fastapi", "starlette", "uvicorn")))
"""


def test_importing_every_graph_module_never_imports_fastapi() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _base_names(package: str) -> dict[str, list[str]]:
    root = ROOT / package
    names: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        if path.name not in ("__init__.py", "__main__.py"):
            names.setdefault(path.stem, []).append(str(path.relative_to(ROOT)))
    return names


def test_no_two_library_modules_share_a_base_name() -> None:
    shared = {n: paths for n, paths in _base_names("graph").items() if len(paths) > 1}
    assert shared == {}


def test_the_library_is_laid_out_by_stage() -> None:
    stages = sorted(p.name for p in (ROOT / "graph").iterdir() if (p / "__init__.py").exists())
    assert stages == ["build", "derive", "export", "extract", "read", "sparql"]
