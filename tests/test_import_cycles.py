"""No import cycles in the hand-written packages, twofa_mocks and twofa_clients; and the mock never
imports the layer or the generated clients.

Each module is read with ``ast`` (nothing is imported). Every import counts, wherever it stands: at the
top, inside ``if TYPE_CHECKING:`` (a cycle for the type checker and for the reader, and one edit away
from a runtime one), inside a function or a ``try``. Relative imports are resolved against the module's
package; ``from package import name`` is an import of the submodule ``package.name`` when there is one,
else of the package. Only modules of the scanned packages count (the standard library and third-party
packages cannot close a cycle through ours). Importing ``a.b.c`` is not counted as importing the
packages ``a`` and ``a.b`` (so a package that imports its own modules is no cycle by itself), nor is a
module importing itself. A cycle is named module by module, e.g.
``twofa_mocks.infobip._app -> twofa_mocks.infobip._pins -> twofa_mocks.infobip._app``. The tests on
small packages in tmp_path show that each kind of import closes a cycle, and that an acyclic package passes.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = {
    "twofa_mocks": REPO / "mock_server" / "twofa_mocks",
    "twofa_clients": REPO / "overrides" / "twofa_clients",
}


def package_modules(name: str, root: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package) of every module under ``root``, the package ``name``."""
    found: dict[str, tuple[Path, bool]] = {}
    for path in sorted(root.rglob("*.py")):
        parts = [name, *path.relative_to(root).with_suffix("").parts]
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        found[".".join(parts)] = (path, is_package)
    return found


def _absolute(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The module an ``ImportFrom`` names, its dots resolved against ``module``'s package."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _deepest(name: str, known: Iterable[str]) -> str | None:
    """``name`` or its closest parent among ``known`` modules (``import a.b.c`` names a.b.c)."""
    modules = set(known)
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def imported(module: str, path: Path, is_package: bool) -> Iterator[str]:
    """Every absolute name an import statement anywhere in ``path`` names: ``import a.b`` gives ``a.b``,
    ``from a import b`` gives ``a.b`` (a submodule, or a name of ``a``) and ``a``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, is_package, node)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph(modules: dict[str, tuple[Path, bool]]) -> dict[str, set[str]]:
    """Module -> the known modules it imports, every import statement anywhere in its file."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, (path, is_package) in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            targets: list[str | None] = []
            if isinstance(node, ast.Import):
                targets = [_deepest(alias.name, modules) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(name, is_package, node)
                for alias in node.names:
                    submodule = f"{base}.{alias.name}"
                    targets.append(submodule if submodule in modules else _deepest(base, modules))
            graph[name].update(t for t in targets if t is not None and t != name)
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[str]:
    """Each group of modules that import one another (directly or not), named by one of its cycles:
    ``a -> b -> a``, and ``(3 modules: a, b, c)`` after it when the group is larger than that cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)

    def connect(start: str) -> None:  # Tarjan's strongly connected components, without recursion
        visit(start)
        work = [(start, iter(sorted(graph[start])))]
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    visit(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            connect(name)
    named = []
    for group in sorted(groups):
        cycle = _cycle_through(group, graph)
        extra = f" ({len(group)} modules: {', '.join(group)})" if len(group) > len(cycle) - 1 else ""
        named.append(" -> ".join(cycle) + extra)
    return named


def _cycle_through(group: list[str], graph: dict[str, set[str]]) -> list[str]:
    """The shortest closed path from the group's first module back to itself, inside the group."""
    start, members = group[0], set(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(graph[node] & members):
                if child == start:
                    return [*paths[node], start]
                if child not in paths:
                    paths[child] = [*paths[node], child]
                    following.append(child)
        frontier = following
    raise AssertionError(f"no cycle through {start} in {group}")  # cannot happen in a component


def cycles_in(package: str, root: Path) -> list[str]:
    return find_cycles(import_graph(package_modules(package, root)))


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_the_package_has_no_import_cycle(package: str) -> None:
    modules = package_modules(package, PACKAGES[package])
    graph = import_graph(modules)
    assert len(modules) > 10, f"scanned only {sorted(modules)}"  # a scan that found nothing proves nothing
    assert sum(map(len, graph.values())) > len(modules), "hardly an import found: the scan is broken"
    cycles = find_cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_mock_never_imports_the_layer_or_the_generated_clients() -> None:
    """A bug in the clients cannot hide in the mock too; only the pytest plugin's client fixtures use the layer."""
    forbidden = ("twofa_clients", "infobip_2fa_client", "bandwidth_mfa_client")
    found = []
    for name, (path, is_package) in package_modules("twofa_mocks", PACKAGES["twofa_mocks"]).items():
        for target in imported(name, path, is_package):
            top = target.split(".")[0]
            if top in forbidden and not (name == "twofa_mocks.pytest_plugin" and top == "twofa_clients"):
                found.append(f"{name} imports {target}")
    assert not found, "\n".join(sorted(set(found)))


def test_the_scan_resolves_the_imports_it_has_to() -> None:
    graph = import_graph(package_modules("twofa_mocks", PACKAGES["twofa_mocks"]))
    app = graph["twofa_mocks.infobip._app"]
    assert {"twofa_mocks.infobip._pins", "twofa_mocks.infobip._state"} <= app  # from . import _pins; from ._state
    assert "twofa_mocks._operation" in app  # from .._operation import answer
    assert "twofa_mocks.infobip" in graph["twofa_mocks"]  # an import under TYPE_CHECKING


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_cycle_under_type_checking_is_found_and_named(tmp_path: Path) -> None:
    root = write(tmp_path / "pkg", {
        "__init__.py": "",
        "app.py": "from . import handlers\n",
        "handlers.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .app import App\n",
        "other.py": "import pkg.handlers\n",
    })  # fmt: skip
    assert cycles_in("pkg", root) == ["pkg.app -> pkg.handlers -> pkg.app"]


def test_cycles_through_functions_packages_and_parent_imports_are_found(tmp_path: Path) -> None:
    root = write(tmp_path / "pkg", {
        "__init__.py": "from .sub import deep\n",  # the package re-exports from its subpackage
        "sub/__init__.py": "",
        "sub/deep.py": "def later():\n    from ... import pkg\n    from .. import Name\n",  # -> pkg
        "a.py": "def f():\n    import pkg.b\n",
        "b.py": "try:\n    from .a import f\nexcept ImportError:\n    pass\n",
    })  # fmt: skip
    assert cycles_in("pkg", root) == [
        "pkg -> pkg.sub.deep -> pkg",
        "pkg.a -> pkg.b -> pkg.a",
    ]


def test_a_larger_group_is_named_with_every_member(tmp_path: Path) -> None:
    root = write(tmp_path / "pkg", {
        "__init__.py": "",
        "a.py": "from . import b, c\n",
        "b.py": "from .a import x\n",
        "c.py": "from .d import y\n",
        "d.py": "from pkg.a import z\n",
    })  # fmt: skip
    assert cycles_in("pkg", root) == ["pkg.a -> pkg.b -> pkg.a (4 modules: pkg.a, pkg.b, pkg.c, pkg.d)"]


def test_an_acyclic_package_passes(tmp_path: Path) -> None:
    root = write(tmp_path / "pkg", {
        "__init__.py": "from .app import App\n",  # a package importing its own modules is no cycle
        "app.py": "from . import state, handlers\nfrom .handlers import run\nimport json\n",
        "handlers.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .state import State\n",
        "state.py": "import json\nfrom collections import OrderedDict\n",
    })  # fmt: skip
    graph = import_graph(package_modules("pkg", root))
    assert graph == {
        "pkg": {"pkg.app"},
        "pkg.app": {"pkg.state", "pkg.handlers"},
        "pkg.handlers": {"pkg.state"},
        "pkg.state": set(),
    }
    assert find_cycles(graph) == []
