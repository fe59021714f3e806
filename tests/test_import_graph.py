"""Dependencies between the project's modules run one way: no module reaches itself again through its imports.

Every import statement counts, at the top of a module or inside a function: an import deferred into a function
still ties the two modules together, it only hides the circle from Python. Tests and migrations are left out
(they stand outside the layers). The layers themselves: services → situations → search, opendata, feedback,
frontdesk; navigator offers hooks the others fill in.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEFT_OUT = {"tests", "migrations"}


def project_packages():
    return sorted(path.parent.name for path in ROOT.glob("*/__init__.py") if path.parent.name not in LEFT_OUT)


def project_modules():
    """Dotted module name → source file, for every module of the project's packages."""
    modules = {}
    for package in project_packages():
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if LEFT_OUT & set(parts):
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            modules[".".join(parts)] = path
    return modules


def _absolute(module, path, node):
    """The module an ImportFrom names, with relative imports resolved against the importing module."""
    if not node.level:
        return node.module
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imported_modules(module, path, modules):
    """The project modules `module` imports, anywhere in its source."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, path, node)
            # `from package import name` imports the submodule package.name when there is one, and otherwise
            # takes the name from the package (or module) itself.
            submodules = [f"{source}.{alias.name}" for alias in node.names]
            candidates = [name for name in submodules if name in modules]
            if len(candidates) < len(submodules):
                candidates.append(source)
        else:
            continue
        for name in candidates:
            # `import a.b.c` of a name that is not a module (an attribute) lands on the longest module prefix.
            parts = name.split(".")
            while parts and ".".join(parts) not in modules:
                parts.pop()
            if parts and ".".join(parts) != module:
                found.add(".".join(parts))
    return found


def import_graph():
    modules = project_modules()
    return {module: imported_modules(module, path, modules) for module, path in modules.items()}


def cycles(graph):
    """One cycle (as a list of modules, the first repeated at the end) for every strongly connected group."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(start):
        # Tarjan's algorithm, iteratively: the project's import chains are deeper than Python's recursion wants.
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return [_path_within(group, graph) for group in groups]


def _path_within(group, graph):
    """A shortest way from the group's first module back to itself, through the group only."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(graph[node] & group):
            if child == start:
                return paths[node] + [start]
            if child not in paths:
                paths[child] = paths[node] + [child]
                queue.append(child)
    raise AssertionError(f"no cycle through {start}")


def test_the_graph_sees_imports_inside_functions_and_relative_ones():
    graph = import_graph()
    # situations/models.py imports `from . import guide` and `from services.models import ...` at the top.
    assert {"situations.guide", "services.models"} <= graph["situations.models"]
    # A cycle that Python tolerates because one side imports inside a function is still a cycle here.
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_module_reaches_itself_through_its_imports():
    found = cycles(import_graph())
    assert not found, "import cycles between project modules:\n" + "\n".join(" → ".join(cycle) for cycle in found)
