"""The package stays readable: modules of bounded size, no import cycles, vocabulary in data rather than in the coder."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "accord"
MAX_LINES = 700  # any module
MAX_CODING_LINES = 400  # a module of the event coder, read in one sitting
MAX_WORD_SETS = 5  # module-level collections of words in a coding module: more belong in data/
KNOWN_CYCLE = {"accord", "accord.store", "accord.exports"}  # resolved on its own branch


def _modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The accord modules a module imports, at any depth of its code."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found |= {f"{module}.{a.name}" if f"{module}.{a.name}" in modules else module for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {m for m in found if m in modules and m != name}


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                out.append(component)

    for node in graph:
        if node not in index:
            visit(node)
    return out


def _word_sets(path: Path) -> list[str]:
    """Module-level names bound to a literal collection holding strings (bar __all__)."""
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            value = node.value
            if isinstance(value, ast.Call) and value.args:
                value = value.args[0]
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            strings = [c for c in ast.walk(value) if isinstance(c, ast.Constant) and isinstance(c.value, str)]
            if isinstance(value, (ast.Set, ast.Dict, ast.List, ast.Tuple)) and strings \
                    and getattr(target, "id", "") != "__all__":
                names.append(getattr(target, "id", "?"))
    return names


@pytest.mark.parametrize("name", sorted(_modules()))
def test_modules_stay_small(name):
    path = _modules()[name]
    lines = len(path.read_text(encoding="utf-8").splitlines())
    limit = MAX_CODING_LINES if name.startswith("accord.coding") else MAX_LINES
    assert lines <= limit, f"{path.relative_to(SRC.parent)}: {lines} lines (at most {limit}): split it by what it does"


def test_no_import_cycles():
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert graph["accord.pipeline"] >= {"accord.actors", "accord.events", "accord.facts"}  # the parser reads imports
    cycles = [sorted(c) for c in _cycles(graph) if not c <= KNOWN_CYCLE]
    assert not cycles, f"import cycles: {cycles}"


def test_the_import_cycle_finder_finds_one():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]


def test_coding_modules_hold_mechanisms_not_vocabulary():
    for path in sorted((SRC / "coding").glob("*.py")):
        found = _word_sets(path)
        assert len(found) <= MAX_WORD_SETS, f"{path.name} holds {found}: move the word lists to data/vocabulary.yaml"
