"""Mutants of the code a learner writes, for the mutation proof of the scaffolds' checks.

Only the learner's code is mutated: the lines of the reference solution that differ from the
rendered starter (a line diff), inside functions and methods. Each mutant is one small change a
learner could plausibly make (a comparison, an operator, a constant off by one, a statement left
out, an axis, a mean instead of a median...), and the checks must notice it.

A mutant's id is ``<path>::<qualname>::<operator>#<k>``: ``k`` counts that operator's applications
within that function (its own code, not nested functions), in a pre-order walk of its body, so the
id does not change when other functions are edited. Docstrings, ``print``/logging/warnings calls,
the messages of ``raise`` and ``assert``, f-strings, type annotations, the look of plots
(``figsize=``, ``color=``, titles, labels, layout), random seeds and epsilons (floats under 1e-6)
are never mutated.

Used as a module by the worker (``mutants_worker.py``) and from the command line by the unit tests:

    python3 mutate.py list <starter file> <solution file> <path>     # JSON list of the mutants
    python3 mutate.py show <starter file> <solution file> <path> <id>  # the mutated source
"""

from __future__ import annotations

import ast
import copy
import difflib
import json
import sys
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterator

# Operators, each mapping a node of one kind to its replacements.
COMPARE_BOUNDARY = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
COMPARE_DIRECTION = {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE}
COMPARE_NEGATE = {ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In}
ARITHMETIC = {
    ast.Add: [ast.Sub],
    ast.Sub: [ast.Add],
    ast.Mult: [ast.Div],
    ast.Div: [ast.Mult, ast.FloorDiv],
    ast.FloorDiv: [ast.Div],
    ast.Pow: [ast.Mult],
}
SYMBOLS = {
    ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
    ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Pow: "**",
    ast.And: "and", ast.Or: "or",
}
METHOD_SWAPS = {
    "mean": ["median", "sum"],
    "median": ["mean"],
    "sum": ["mean"],
    "max": ["min"],
    "min": ["max"],
    "argmax": ["argmin"],
    "argmin": ["argmax"],
    "idxmax": ["idxmin"],
    "idxmin": ["idxmax"],
}
# Calls that take a reduction by name: df.groupby(...).transform("median"), agg("sum").
NAMED_REDUCTION_CALLS = {"agg", "aggregate", "transform"}
NAMED_REDUCTION_KEYWORDS = {"aggfunc"}
AXIS_KEYWORDS = {"axis", "dim"}
# Arguments that change how a plot or a log looks, or which random numbers are drawn, not what is
# computed: a check that judged them would be a bad check, so they are not mutated.
COSMETIC_KEYWORDS = {
    "figsize", "dpi", "fontsize", "alpha", "linewidth", "lw", "color", "cmap", "markersize", "ms",
    "linestyle", "ls", "label", "pad", "rotation", "bbox_inches", "edgecolor", "facecolor",
    "verbose", "random_state", "seed",
}
SEED_CALLS = {"seed", "manual_seed", "default_rng", "RandomState"}
# Calls that only dress a figure: titles, labels, ticks, layout.
PLOT_DRESSING = {
    "axis", "set_axis_off", "title", "set_title", "suptitle", "xlabel", "ylabel", "set_xlabel", "set_ylabel",
    "legend", "grid", "xticks", "yticks", "set_xticks", "set_yticks", "set_xticklabels", "set_yticklabels",
    "tight_layout", "subplots_adjust", "set_aspect", "colorbar",
}
# Below this, a float is an epsilon that keeps a division or a log finite: doubling it changes nothing.
EPSILON = 1e-6
LOGGER_NAMES = {"logging", "logger", "log", "warnings", "_logger", "_log", "LOGGER", "LOG"}
LOG_METHODS = {"debug", "info", "warning", "warn", "error", "exception", "critical"}


@dataclass
class Mutant:
    id: str
    path: str
    qualname: str
    operator: str
    line: int
    description: str
    # The names from the module to the outermost function holding the change (classes, then the
    # function): the unit compiled again and swapped in.
    unit: list[str]
    # The innermost function holding the change, as Python reports its code: its name and first
    # line (the first decorator's line when decorated). A check covers the mutant when it calls it.
    scope_name: str
    scope_line: int


@dataclass
class _Found:
    mutant: Mutant
    apply: Callable[[], None] = field(repr=False)


def changed_lines(starter: str, solution: str) -> set[int]:
    """The 1-based lines of ``solution`` that the starter does not have (replaced or inserted)."""
    a, b = starter.splitlines(), solution.splitlines()
    changed: set[int] = set()
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("replace", "insert"):
            changed.update(range(j1 + 1, j2 + 1))
    return changed


def _first_line(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    return min([fn.lineno] + [d.lineno for d in fn.decorator_list])


def _is_docstring(stmt: ast.stmt) -> bool:
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)


def _is_quiet_call(node: ast.AST) -> bool:
    """A print, logging or warnings call, or one that dresses a plot: not what the checks judge."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name):
        return func.id in ("print", "warn")
    if isinstance(func, ast.Attribute) and func.attr in PLOT_DRESSING:
        return True
    if isinstance(func, ast.Attribute):
        root = func.value
        while isinstance(root, ast.Attribute):
            root = root.value
        if isinstance(root, ast.Name) and root.id in LOGGER_NAMES:
            return True
        return func.attr in LOG_METHODS and isinstance(func.value, ast.Name) and func.value.id.lower().endswith(("log", "logger"))
    return False


def _is_seed_call(node: ast.AST) -> bool:
    """``torch.manual_seed(0)``, ``np.random.default_rng(42)``: which random numbers, not what is computed."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")) in SEED_CALLS


def _is_int(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)))


def _int_value(node: ast.AST) -> int | None:
    """The value of ``3`` or ``-3``."""
    if _is_int(node):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and _is_int(node.operand):
        return -node.operand.value
    return None


def _plus(node: ast.expr, n: int) -> ast.expr:
    op = ast.Add() if n > 0 else ast.Sub()
    return ast.copy_location(ast.BinOp(left=node, op=op, right=ast.Constant(abs(n))), node)


def _src(node: ast.AST, limit: int = 40) -> str:
    text = ast.unparse(node)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _replace(parent: ast.AST, name: str, new: object) -> Callable[[], None]:
    def apply() -> None:
        setattr(parent, name, new)

    return apply


def _put_field(parent: ast.AST, name: str) -> Callable[[ast.AST], None]:
    return lambda new: setattr(parent, name, new)


def _put_item(items: list, index: int) -> Callable[[ast.AST], None]:
    def put(new: ast.AST) -> None:
        items[index] = new

    return put


class _FunctionWalker:
    """Finds the mutants of one function's own code; nested functions get their own walker."""

    def __init__(self, finder: "_Finder", fn: ast.FunctionDef | ast.AsyncFunctionDef, qualname: str, unit: list[str]):
        self.finder = finder
        self.fn = fn
        self.qualname = qualname
        self.unit = unit
        self.counts: dict[str, int] = {}

    def run(self) -> None:
        self.statements(self.fn.body)

    def emit(self, operator: str, node: ast.AST, description: str, apply: Callable[[], None]) -> None:
        k = self.counts[operator] = self.counts.get(operator, 0) + 1
        if node.lineno not in self.finder.changed:
            return
        mutant = Mutant(
            id=f"{self.finder.path}::{self.qualname}::{operator}#{k}",
            path=self.finder.path,
            qualname=self.qualname,
            operator=operator,
            line=node.lineno,
            description=f"line {node.lineno}: {description}",
            unit=self.unit,
            scope_name=self.fn.name,
            scope_line=_first_line(self.fn),
        )
        self.finder.found.append(_Found(mutant, apply))

    def statements(self, body: list[ast.stmt]) -> None:
        for index, stmt in enumerate(body):
            self.statement(body, index, stmt)

    def statement(self, body: list[ast.stmt], index: int, stmt: ast.stmt) -> None:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            # Its decorators and defaults run in this function; its body is its own.
            _FunctionWalker(self.finder, stmt, f"{self.qualname}.{stmt.name}", self.unit).run()
            return
        if isinstance(stmt, ast.ClassDef):
            for item in stmt.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    _FunctionWalker(self.finder, item, f"{self.qualname}.{stmt.name}.{item.name}", self.unit).run()
            return
        if _is_docstring(stmt) or (isinstance(stmt, ast.Expr) and (_is_quiet_call(stmt.value) or _is_seed_call(stmt.value))):
            return
        if isinstance(stmt, ast.Raise):
            return
        deletable = isinstance(stmt, (ast.Assign, ast.AugAssign, ast.Expr)) or (isinstance(stmt, ast.AnnAssign) and stmt.value is not None)
        if deletable:
            def delete() -> None:
                body[index] = ast.copy_location(ast.Pass(), stmt)

            self.emit("delete-statement", stmt, f"{_src(stmt)} → pass", delete)
        if isinstance(stmt, ast.Return) and stmt.value is not None and not (isinstance(stmt.value, ast.Constant) and stmt.value.value is None):
            self.emit("return-none", stmt, f"return {_src(stmt.value)} → return None", _replace(stmt, "value", ast.copy_location(ast.Constant(None), stmt.value)))
        if isinstance(stmt, ast.AugAssign) and type(stmt.op) in ARITHMETIC and not _is_text(stmt.value):
            for new in ARITHMETIC[type(stmt.op)]:
                self.emit("aug-assign", stmt, f"{SYMBOLS[type(stmt.op)]}= → {SYMBOLS[new]}=", _replace(stmt, "op", new()))
        self.children(stmt)

    def children(self, node: ast.AST) -> None:
        for name, value in ast.iter_fields(node):
            if name in ("annotation", "returns", "type_comment", "decorator_list"):
                continue
            if isinstance(node, ast.Assert) and name == "msg":
                continue
            if isinstance(value, list):
                if value and all(isinstance(v, ast.stmt) for v in value):
                    self.statements(value)
                else:
                    for index, item in enumerate(value):
                        if isinstance(item, ast.AST):
                            self.expression(item, _put_item(value, index))
            elif isinstance(value, ast.AST):
                self.expression(value, _put_field(node, name))

    def expression(self, node: ast.AST, put: Callable[[ast.AST], None] | None = None) -> None:
        """``put`` replaces the node in its parent."""
        if isinstance(node, ast.stmt):
            raise AssertionError("statements are walked as lists")
        if isinstance(node, ast.Lambda):
            self.expression(node.body, _put_field(node, "body"))
            return
        if isinstance(node, ast.JoinedStr) or _is_quiet_call(node):
            return
        if isinstance(node, ast.keyword) and node.arg in COSMETIC_KEYWORDS:
            return
        if _is_seed_call(node):
            return
        self.operators(node, put)
        self.children(node)

    def operators(self, node: ast.AST, put: Callable[[ast.AST], None] | None) -> None:
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                for operator, table in (("compare-boundary", COMPARE_BOUNDARY), ("compare-direction", COMPARE_DIRECTION), ("compare-negate", COMPARE_NEGATE)):
                    new = table.get(type(op))
                    if new is not None:
                        ops = list(node.ops)
                        ops[i] = new()
                        self.emit(operator, node, f"{SYMBOLS[type(op)]} → {SYMBOLS[new]}", _replace(node, "ops", ops))
        elif isinstance(node, ast.BinOp) and type(node.op) in ARITHMETIC:
            # "a" + b and path / "name" are text and paths, not arithmetic.
            if not (isinstance(node.op, (ast.Add, ast.Div)) and (_is_text(node.left) or _is_text(node.right))):
                for new in ARITHMETIC[type(node.op)]:
                    self.emit("arithmetic", node, f"{SYMBOLS[type(node.op)]} → {SYMBOLS[new]}", _replace(node, "op", new()))
        elif isinstance(node, ast.BoolOp):
            new = ast.Or if isinstance(node.op, ast.And) else ast.And
            self.emit("bool-op", node, f"{SYMBOLS[type(node.op)]} → {SYMBOLS[new]}", _replace(node, "op", new()))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not) and put is not None:
            self.emit("drop-not", node, f"not {_src(node.operand)} → {_src(node.operand)}", lambda: put(node.operand))
        elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
            self.emit("bool-constant", node, f"{node.value} → {not node.value}", _replace(node, "value", not node.value))
        elif isinstance(node, ast.Constant) and type(node.value) in (int, float) and id(node) not in self.finder.axis_values and not (type(node.value) is float and 0 < abs(node.value) < EPSILON):
            value = node.value
            if type(value) is int:
                replacements = [value + 1, value - 1]
            else:
                replacements = [1.0] if value == 0 else [value * 2]
            for new in replacements:
                self.emit("number", node, f"{value!r} → {new!r}", _replace(node, "value", new))
        if isinstance(node, ast.Call):
            self.call(node)
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
            self.slice(node.slice)

    def call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in METHOD_SWAPS:
            for new in METHOD_SWAPS[func.attr]:
                self.emit("method-swap", node, f".{func.attr}() → .{new}()", _replace(func, "attr", new))
        if isinstance(func, ast.Attribute) and func.attr in NAMED_REDUCTION_CALLS and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and first.value in METHOD_SWAPS:
                for new in METHOD_SWAPS[first.value]:
                    self.emit("method-swap", node, f'{func.attr}("{first.value}") → {func.attr}("{new}")', _replace(first, "value", new))
        for keyword in node.keywords:
            if keyword.arg in NAMED_REDUCTION_KEYWORDS and isinstance(keyword.value, ast.Constant) and keyword.value.value in METHOD_SWAPS:
                for new in METHOD_SWAPS[keyword.value.value]:
                    self.emit("method-swap", node, f'{keyword.arg}="{keyword.value.value}" → {keyword.arg}="{new}"', _replace(keyword.value, "value", new))
        for index, keyword in enumerate(node.keywords):
            if keyword.arg not in AXIS_KEYWORDS:
                continue
            value = _int_value(keyword.value)
            if value is not None:
                new = {0: 1, 1: 0, -1: 0}.get(value, 0)
                self.emit("axis", node, f"{keyword.arg}={value} → {keyword.arg}={new}", _replace(keyword, "value", ast.copy_location(ast.Constant(new), keyword.value)))
            keywords = node.keywords[:index] + node.keywords[index + 1 :]
            self.emit("axis", node, f"{keyword.arg}={_src(keyword.value)} removed", _replace(node, "keywords", keywords))
        if isinstance(func, ast.Name) and func.id == "range" and 1 <= len(node.args) <= 3 and not node.keywords:
            args = node.args
            if len(args) == 1:
                (stop,) = args
                if not _is_int(stop):  # a constant stop is already nudged by "number"
                    self.emit("range", node, f"range({_src(stop)}) → range({_src(stop)} - 1)", _replace(node, "args", [_plus(stop, -1)]))
                self.emit("range", node, f"range({_src(stop)}) → range(1, {_src(stop)})", _replace(node, "args", [ast.copy_location(ast.Constant(1), stop), stop]))
            else:
                start, stop, *rest = args
                if not _is_int(stop):
                    self.emit("range", node, f"range stop {_src(stop)} → {_src(stop)} - 1", _replace(node, "args", [start, _plus(stop, -1), *rest]))
                if not _is_int(start):
                    self.emit("range", node, f"range start {_src(start)} → {_src(start)} + 1", _replace(node, "args", [_plus(start, 1), stop, *rest]))

    def slice(self, node: ast.Slice) -> None:
        lower, upper = node.lower, node.upper
        # Constant bounds are already nudged by "number"; these are the computed ones.
        if upper is not None and _int_value(upper) is None:
            self.emit("slice-bound", upper, f"[…:{_src(upper)}] → […:{_src(upper)} + 1]", _replace(node, "upper", _plus(upper, 1)))
        if lower is not None and _int_value(lower) is None:
            self.emit("slice-bound", lower, f"[{_src(lower)}:…] → [{_src(lower)} + 1:…]", _replace(node, "lower", _plus(lower, 1)))
        if node.step is None and upper is None and _int_value(lower) == 1:
            self.emit("slice-shift", node, "[1:] → [:-1]", self._set_bounds(node, None, -1))
        if node.step is None and lower is None and _int_value(upper) == -1:
            self.emit("slice-shift", node, "[:-1] → [1:]", self._set_bounds(node, 1, None))

    @staticmethod
    def _set_bounds(node: ast.Slice, lower: int | None, upper: int | None) -> Callable[[], None]:
        def bound(value: int | None) -> ast.expr | None:
            if value is None:
                return None
            constant = ast.copy_location(ast.Constant(abs(value)), node)
            return ast.copy_location(ast.UnaryOp(ast.USub(), constant), node) if value < 0 else constant

        def apply() -> None:
            node.lower, node.upper = bound(lower), bound(upper)

        return apply


class _Finder:
    def __init__(self, tree: ast.Module, path: str, changed: set[int]):
        self.path = path
        self.changed = changed
        self.found: list[_Found] = []
        # Constants that are the value of axis=/dim=: mutated by "axis", not again by "number".
        self.axis_values = {
            id(keyword.value if _is_int(keyword.value) else getattr(keyword.value, "operand", None))
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            for keyword in node.keywords
            if keyword.arg in AXIS_KEYWORDS
        }
        self.scope(tree.body, [])

    def scope(self, body: list[ast.stmt], names: list[str]) -> None:
        """Module or class level: functions are units; if/try/with blocks still bind here."""
        for stmt in body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                _FunctionWalker(self, stmt, ".".join(names + [stmt.name]), names + [stmt.name]).run()
            elif isinstance(stmt, ast.ClassDef):
                self.scope(stmt.body, names + [stmt.name])
            elif isinstance(stmt, (ast.If, ast.Try, ast.With)):
                for block in (getattr(stmt, "body", []), getattr(stmt, "orelse", []), getattr(stmt, "finalbody", [])):
                    self.scope(block, names)
                for handler in getattr(stmt, "handlers", []):
                    self.scope(handler.body, names)


def _find(tree: ast.Module, path: str, changed: set[int]) -> list[_Found]:
    return _Finder(tree, path, changed).found


def list_mutants(source: str, path: str, changed: set[int]) -> list[Mutant]:
    """The mutants of ``source`` (the file at ``path``, relative to the project) on ``changed`` lines."""
    return [found.mutant for found in _find(ast.parse(source), path, changed)]


def mutated_tree(source: str, path: str, changed: set[int], mutant_id: str) -> tuple[ast.Module, Mutant]:
    """The module's syntax tree with the one change of ``mutant_id`` made."""
    tree = ast.parse(source)
    for found in _find(tree, path, changed):
        if found.mutant.id == mutant_id:
            found.apply()
            ast.fix_missing_locations(tree)
            return tree, found.mutant
    raise KeyError(f"no mutant {mutant_id}")


def _unit_node(tree: ast.Module, unit: list[str], line: int) -> tuple[list[ast.ClassDef], ast.FunctionDef | ast.AsyncFunctionDef]:
    """The classes around and the definition of the function ``unit`` that holds ``line``."""

    def search(body: list[ast.stmt], names: list[str], classes: list[ast.ClassDef]) -> Iterator[tuple[list[ast.ClassDef], ast.AST]]:
        for stmt in body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and len(names) == 1 and stmt.name == names[0]:
                yield classes, stmt
            elif isinstance(stmt, ast.ClassDef) and len(names) > 1 and stmt.name == names[0]:
                yield from search(stmt.body, names[1:], classes + [stmt])
            elif isinstance(stmt, (ast.If, ast.Try, ast.With)):
                for block in (getattr(stmt, "body", []), getattr(stmt, "orelse", []), getattr(stmt, "finalbody", [])):
                    yield from search(block, names, classes)
                for handler in getattr(stmt, "handlers", []):
                    yield from search(handler.body, names, classes)

    for classes, fn in search(tree.body, unit, []):
        if _first_line(fn) <= line <= fn.end_lineno:
            return classes, fn
    raise KeyError(f"no function {'.'.join(unit)} around line {line}")


def unit_code(tree: ast.Module, mutant: Mutant, filename: str, keep_class_cell: bool = False):
    """The code object of the (mutated) function ``mutant.unit``, compiled at its own lines in the
    same classes, as ``func.__code__`` of the function Python made from the original. With
    ``keep_class_cell``, the function still refers to ``__class__`` (as a method calling ``super()``
    does) even when the change removed that use, so its free variables stay the same."""
    classes, fn = _unit_node(tree, mutant.unit, mutant.line)
    fn = copy.deepcopy(fn)
    if keep_class_cell:
        at = 1 if fn.body and _is_docstring(fn.body[0]) else 0
        fn.body.insert(at, ast.copy_location(ast.Expr(ast.Name("__class__", ast.Load())), fn.body[at] if fn.body else fn))
    node: ast.stmt = fn
    for cls in reversed(classes):
        node = ast.copy_location(ast.ClassDef(name=cls.name, bases=[], keywords=[], body=[node], decorator_list=[]), cls)
    futures = [s for s in tree.body if isinstance(s, ast.ImportFrom) and s.module == "__future__"]
    module = ast.fix_missing_locations(ast.Module(body=[*futures, node], type_ignores=[]))
    code = compile(module, filename, "exec", dont_inherit=True)
    for name in [c.name for c in classes] + [fn.name]:
        code = next(c for c in code.co_consts if hasattr(c, "co_code") and c.co_name == name)
    return code


def _main(argv: list[str]) -> int:
    command, starter_file, solution_file, path, *rest = argv
    with open(starter_file, encoding="utf-8") as f:
        starter = f.read()
    with open(solution_file, encoding="utf-8") as f:
        solution = f.read()
    changed = changed_lines(starter, solution)
    if command == "list":
        print(json.dumps([asdict(m) for m in list_mutants(solution, path, changed)], indent=1))
    elif command == "show":
        tree, _ = mutated_tree(solution, path, changed, rest[0])
        print(ast.unparse(tree))
    else:
        print(f"unknown command {command}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
