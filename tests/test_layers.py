"""The layout holds: rules read only facts, and no module of the package imports itself
back through another (read from the code with `ast`, nothing imported)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# where each top-level package's modules live on disk (rules/ installs as checker.rules)
SOURCES = {"checker": ROOT / "checker", "checker.rules": ROOT / "rules"}
RULES_MAY_IMPORT = ("checker.facts", "checker.model", "checker.rules.base")


def _modules() -> dict[str, Path]:
    found = {}
    for package, folder in SOURCES.items():
        for path in folder.rglob("*.py"):
            parts = path.relative_to(folder).with_suffix("").parts
            if package == "checker" and parts[0] == "rules":
                continue
            name = ".".join((package, *parts))
            found[name.removesuffix(".__init__")] = path
    return found


def _imports(path: Path, name: str, modules: dict[str, Path]) -> set[str]:
    """The package modules a module imports (`from x import y` counts x.y when y is a module),
    at any depth of the file: a lazy import inside a function is still an import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = name.split(".")[: len(name.split(".")) - node.level + is_package]
                base = ".".join([*parent, base] if base else parent)
            out.add(base)
            out.update(f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in modules)
    return {m for m in out if m in modules}


def test_rules_read_only_facts():
    modules = _modules()
    rules = [m for m in modules if m.startswith("checker.rules.")]
    assert len(rules) >= 11
    for name in rules:
        if name == "checker.rules.base":
            continue
        bad = {m for m in _imports(modules[name], name, modules)
               if not m.startswith(RULES_MAY_IMPORT)}
        assert not bad, f"{name} imports {sorted(bad)}; rules read checker.facts only"


def test_rules_import_no_text_tools():
    for path in (ROOT / "rules").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not names & {"re", "spacy", "dateutil", "checker.lexicon"}, path.name


def test_no_import_circle():
    modules = _modules()
    graph = {name: _imports(path, name, modules) for name, path in modules.items()}
    # a package's __init__ that re-exports its own modules is not a circle
    for name, imported in graph.items():
        graph[name] = {m for m in imported if m != name and not m.startswith(name + ".")}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt):] + [nxt]
                raise AssertionError("import circle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_the_circle_test_bites(tmp_path, monkeypatch):
    """Two modules that import each other are reported."""
    pkg = tmp_path / "checker"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from checker import b\n")
    (pkg / "b.py").write_text("def f():\n    from checker.a import x\n")
    monkeypatch.setitem(SOURCES, "checker", pkg)
    monkeypatch.setitem(SOURCES, "checker.rules", tmp_path / "none")
    try:
        test_no_import_circle()
    except AssertionError as exc:
        assert "checker.a -> checker.b -> checker.a" in str(exc)
    else:
        raise AssertionError("a circle went unnoticed")
