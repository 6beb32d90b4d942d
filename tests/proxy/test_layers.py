"""proxy/'s layout holds: packages in layers, imports only downwards, no import cycles.

Every ``import`` and ``from ... import`` in proxy/ is read (at module level, inside functions
and under ``TYPE_CHECKING`` alike): a module may import its own package and the layers below
it, never a layer above; modules import no cycle. The layers, lowest first, are
:data:`proxy.LAYERS`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import proxy

ROOT = Path(proxy.__file__).parent


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imported(path: Path) -> Iterator[str]:
    """Every proxy module ``path`` imports."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("proxy"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("proxy"):
            module = node.module or ""
            for alias in node.names:
                whole = f"{module}.{alias.name}"
                yield whole if whole in MODULES else module


def layer_of(module: str) -> str:
    """The layer a module belongs to: its package under proxy/, or itself if loose."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


IMPORTS = {name: {m for m in _imported(path) if m in MODULES} for name, path in MODULES.items()}


def test_every_layer_is_listed_once() -> None:
    layers = {layer_of(m) for m in MODULES} - {"proxy"}
    assert sorted(layers) == sorted(proxy.LAYERS)
    assert len(proxy.LAYERS) == len(set(proxy.LAYERS))


def test_imports_run_only_downwards() -> None:
    rank = {layer: i for i, layer in enumerate(proxy.LAYERS)}
    upwards = [
        f"{module} imports {target}"
        for module, targets in IMPORTS.items()
        if module != "proxy"
        for target in targets
        if target != "proxy" and rank[layer_of(target)] > rank[layer_of(module)]
    ]
    assert upwards == []


def test_no_module_imports_the_root_package() -> None:
    assert [m for m, targets in IMPORTS.items() if "proxy" in targets] == []


def test_no_import_cycles() -> None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[str] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(IMPORTS[module]):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(MODULES):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_at_most_ten_loose_modules_and_every_package_says_what_it_owns() -> None:
    loose = [p for p in ROOT.glob("*.py") if p.name != "__init__.py"]
    assert len(loose) <= 10
    packages = [p for p in ROOT.iterdir() if (p / "__init__.py").is_file()]
    for package in packages:
        doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text("utf-8")))
        assert doc, f"{package.name} has no docstring"
        assert "TODO" not in doc
