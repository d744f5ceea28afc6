"""Record shapes live in one module that the store and the exports both use, so neither imports the other."""
from __future__ import annotations

import ast
from pathlib import Path

import accord

SRC = Path(accord.__file__).resolve().parent


def runtime_imports(module: str) -> set[str]:
    """The accord modules `module` imports at load time: top-level imports, outside `if TYPE_CHECKING:`."""
    tree = ast.parse((SRC / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.add(node.module or "")
            if node.module is None:
                found.update(alias.name for alias in node.names)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = {p.stem for p in SRC.glob("*.py")}
    return {m: runtime_imports(m) & modules for m in modules}


def test_store_and_exports_do_not_import_each_other():
    graph = import_graph()
    assert "exports" not in graph["store"] and "store" not in graph["exports"]
    assert "records" in graph["store"] and "records" in graph["exports"]


def test_no_module_imports_itself_round_a_circle():
    graph = import_graph()

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in graph.get(node, ()):
                if nxt == start:
                    return path + [start]
                if nxt not in path:
                    stack.append((nxt, path + [nxt]))
        return None

    circles = [c for m in sorted(graph) if (c := cycle_from(m))]
    assert not circles, f"import circles: {circles}"
