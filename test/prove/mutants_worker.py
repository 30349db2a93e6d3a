"""The mutation proof's worker for one rendered project (the starter with the reference solution).

    python3 mutants_worker.py <spec.json> <results.jsonl>

It imports the project and pytest once, then forks: each child runs checks in-process, so no
mutant pays for a new interpreter (several scaffolds import torch, which alone takes seconds).

1. pytest collects the checks in this process, which imports the test modules and the project;
   the files to mutate that are not imported yet are imported here too.
2. Each check runs once unmutated, in a child, under ``sys.settrace``: the functions of the
   mutated files it calls are recorded, and its time. Each must pass.
3. Each mutant runs in a child: the mutated function is compiled in its module and swapped into
   the live function (``func.__code__``), then pytest runs only the checks that call that
   function (fastest first) and stops at the first failure. The parent kills a child that runs
   longer than ``max(min_timeout, timeout_factor x`` those checks' unmutated time``)``: a timeout
   counts as killed. When the code cannot be swapped, the child writes the mutated file and runs
   pytest in a fresh interpreter instead; the parent puts the file back.

The spec: ``{"project", "files": [{"path", "idPath", "starter"}], "checks": [{"id", "nodeid"}],
"skip": [mutant ids], "minTimeout", "timeoutFactor", "verbose"}``; ``path`` is the file in the
project, ``idPath`` how mutant ids name it, ``starter`` the rendered starter's text of it.
Results are JSON lines: ``{"kind": "mutants", "mutants": [...]}``, ``{"kind": "baseline", ...}``,
``{"kind": "result", "id", "status": "killed"|"survived"|"error", "how", "seconds"}``, and
``{"kind": "fatal", "message"}`` when nothing can be proven.
"""

from __future__ import annotations

import ast
import collections
import gc
import importlib
import json
import os
import select
import signal
import sys
import threading
import time
import traceback
import types

sys.path.pop(0)  # this folder: the project's modules must not meet ours
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mutate  # noqa: E402

sys.path.pop(0)

# A child's exit statuses of our own, besides pytest's 0..5.
APPLY_FAILED = 97
BASELINE_WRITE_FAILED = 98


class CannotSwap(Exception):
    pass


def emit(out, record: dict) -> None:
    out.write(json.dumps(record) + "\n")
    out.flush()


def log(spec: dict, text: str) -> None:
    if spec.get("verbose"):
        print(text, file=sys.stderr, flush=True)


def module_of(path: str) -> types.ModuleType | None:
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if file and os.path.realpath(file) == path:
            return module
    return None


def import_file(path: str) -> str | None:
    """Imports the module at ``path`` under the name ``sys.path`` gives it; the error, if any."""
    names = []
    for entry in sys.path:
        base = os.path.realpath(entry or os.getcwd())
        if path.startswith(base + os.sep):
            parts = os.path.relpath(path, base)[: -len(".py")].split(os.sep)
            if parts[-1] == "__init__":
                parts.pop()
            if parts and all(p.isidentifier() for p in parts):
                names.append(".".join(parts))
    # A package already imported decides between src.pkg.mod and pkg.mod; else the shortest name.
    names.sort(key=lambda n: (n.split(".")[0] not in sys.modules, len(n)))
    error = "not under any folder of sys.path"
    for name in names:
        try:
            importlib.import_module(name)
            return None
        except BaseException as exc:  # the project's own import may fail in any way
            error = f"import {name}: {type(exc).__name__}: {exc}"
    return error


class Preload:
    """A pytest plugin: after collection, with pytest's sys.path in place, imports the files to mutate."""

    def __init__(self, paths: list[str]):
        self.paths = paths
        self.errors: dict[str, str] = {}

    def pytest_collection_finish(self, session) -> None:  # noqa: ARG002 - pytest's hook signature
        for path in self.paths:
            if module_of(path) is None:
                error = import_file(path)
                if error:
                    self.errors[path] = error


def redirect_output(log_path: str | None) -> None:
    target = os.open(log_path or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    os.dup2(target, 1)
    os.dup2(target, 2)
    os.close(target)


def pytest_args(nodeids: list[str], basetemp: str) -> list[str]:
    return [*nodeids, "-x", "-q", "-p", "no:cacheprovider", f"--basetemp={basetemp}"]


def find_function(module: types.ModuleType, unit: list[str], name: str, first_line: int, filename: str):
    """The live function object of ``unit``, unwrapping decorators, static/class methods and properties."""
    owner: object = module
    for part in unit[:-1]:
        owner = vars(owner).get(part)
        if not isinstance(owner, type):
            raise CannotSwap(f"{'.'.join(unit[:-1])} is not a class in {module.__name__}")
    pending = [vars(owner).get(unit[-1])]
    seen: set[int] = set()
    while pending:
        candidate = pending.pop()
        if candidate is None or id(candidate) in seen:
            continue
        seen.add(id(candidate))
        if isinstance(candidate, types.FunctionType):
            code = candidate.__code__
            if code.co_name == name and code.co_firstlineno == first_line and os.path.realpath(code.co_filename) == filename:
                return candidate
            for cell in candidate.__closure__ or ():
                try:
                    pending.append(cell.cell_contents)
                except ValueError:  # an empty cell
                    pass
        if isinstance(candidate, property):
            pending.extend([candidate.fget, candidate.fset, candidate.fdel])
        for attribute in ("__wrapped__", "__func__"):
            try:
                pending.append(getattr(candidate, attribute, None))
            except Exception:  # an object whose attribute lookup itself fails
                pass
    raise CannotSwap(f"no live function {'.'.join(unit)} defined at line {first_line}")


def swap_in(tree: ast.Module, mutant: mutate.Mutant, path: str, dry_run: bool = False) -> None:
    """Puts the mutated function's code into the live function; ``dry_run`` only says whether it can."""
    module = module_of(path)
    if module is None:
        raise CannotSwap("its module is not imported")
    classes, fn = mutate._unit_node(tree, mutant.unit, mutant.line)
    func = find_function(module, mutant.unit, fn.name, mutate._first_line(fn), path)
    code = mutate.unit_code(tree, mutant, func.__code__.co_filename)
    if code.co_freevars != func.__code__.co_freevars and "__class__" in func.__code__.co_freevars:
        code = mutate.unit_code(tree, mutant, func.__code__.co_filename, keep_class_cell=True)
    if code.co_freevars != func.__code__.co_freevars:
        raise CannotSwap(f"free variables differ: {code.co_freevars} against {func.__code__.co_freevars}")
    if not dry_run:
        func.__code__ = code


def wait(pid: int, timeout: float) -> tuple[int | None, float]:
    """The child's exit code (negative: killed by that signal), or None when it timed out and was killed."""
    started = time.monotonic()
    fd = os.pidfd_open(pid)
    try:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
            return None, time.monotonic() - started
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status), time.monotonic() - started
    finally:
        os.close(fd)


def fork(child) -> int:
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.setpgrp()  # its own group, so a timeout kills what it started too
            code = child()
        except BaseException:
            traceback.print_exc()
            code = APPLY_FAILED
        finally:
            os._exit(code)
    return pid


def main(spec_path: str, out_path: str) -> int:
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    out = open(out_path, "w", encoding="utf-8")
    project = os.path.realpath(spec["project"])
    os.chdir(project)
    sys.path.insert(0, project)  # as `python -m pytest` in the project has it
    sys.dont_write_bytecode = True
    # Next to the results, so whoever made that folder removes what the children leave.
    work = os.path.join(os.path.dirname(os.path.abspath(out_path)), "worker")
    os.makedirs(work, exist_ok=True)
    basetemp = os.path.join(work, "basetemp")
    child_log = os.path.join(work, "child.log") if spec.get("verbose") else None

    files = []
    for entry in spec["files"]:
        path = os.path.realpath(os.path.join(project, entry["path"]))
        with open(path, encoding="utf-8") as f:
            source = f.read()
        changed = mutate.changed_lines(entry["starter"], source)
        files.append({"path": path, "idPath": entry["idPath"], "source": source, "changed": changed})
    mutants: list[tuple[mutate.Mutant, dict]] = []
    for file in files:
        for m in mutate.list_mutants(file["source"], file["idPath"], file["changed"]):
            mutants.append((m, file))
    emit(out, {"kind": "mutants", "mutants": [{"id": m.id, "description": m.description} for m, _ in mutants]})
    skip = set(spec.get("skip", []))
    to_run = [(m, file) for m, file in mutants if m.id not in skip]
    if not to_run:
        return 0

    # 1. Collect in this process: imports pytest, the checks and the project once for every child.
    import pytest

    checks = spec["checks"]
    nodeids = [c["nodeid"] for c in checks]
    preload = Preload([f["path"] for f in files])
    saved = os.dup(1), os.dup(2)
    redirect_output(child_log)
    try:
        collected = pytest.main([*nodeids, "--collect-only", "-q", "-p", "no:cacheprovider"], plugins=[preload])
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
    if collected != 0:
        emit(out, {"kind": "fatal", "message": f"pytest could not collect the checks (exit code {collected})"})
        return 1
    if "torch" in sys.modules:
        torch = sys.modules["torch"]
        torch.set_num_threads(1)
        try:
            torch.set_num_interop_threads(1)
        except RuntimeError:  # already set once parallel work started
            pass
    for path, error in preload.errors.items():
        log(spec, f"{path}: {error}; its mutants are run by rewriting the file")

    # 2. Each check unmutated, traced: what it calls of the mutated files, and its time.
    paths = {f["path"] for f in files}
    called: dict[str, set[tuple[str, str, int]]] = {}
    seconds: dict[str, float] = {}
    for check in checks:
        record_path = os.path.join(work, "calls.json")

        def baseline(nodeid=check["nodeid"], record_path=record_path) -> int:
            redirect_output(child_log)
            calls: set[tuple[str, str, int]] = set()
            known: dict[str, str | None] = {}

            def trace(frame, _event, _arg):
                # The global trace function sees each call; returning None traces no lines.
                code = frame.f_code
                filename = code.co_filename
                real = known.get(filename, "")
                if real == "":
                    real = known[filename] = os.path.realpath(filename) if os.path.realpath(filename) in paths else None
                if real is not None:
                    calls.add((real, code.co_name, code.co_firstlineno))

            threading.settrace(trace)
            sys.settrace(trace)
            code = pytest.main(pytest_args([nodeid], basetemp))
            sys.settrace(None)
            threading.settrace(None)
            try:
                with open(record_path, "w", encoding="utf-8") as f:
                    json.dump(sorted(calls), f)
            except OSError:
                return BASELINE_WRITE_FAILED
            return code

        code, took = wait(fork(baseline), 1800)
        if code != 0:
            how = "timed out" if code is None else f"exit code {code}"
            emit(out, {"kind": "fatal", "message": f"check {check['id']} does not pass on the reference solution in the worker ({how})"})
            return 1
        with open(record_path, encoding="utf-8") as f:
            called[check["id"]] = {tuple(c) for c in json.load(f)}
        seconds[check["id"]] = took
        emit(out, {"kind": "baseline", "check": check["id"], "seconds": round(took, 3), "calls": len(called[check["id"]])})

    # 3. The mutants, `jobs` at a time (a rewritten file is seen by every process: those run alone).
    gc.freeze()  # the children leave the parent's objects alone: no copying, no collecting them
    min_timeout = float(spec.get("minTimeout", 5))
    factor = float(spec.get("timeoutFactor", 5))
    jobs = max(1, int(spec.get("jobs", 1)))
    by_speed = sorted(checks, key=lambda c: seconds[c["id"]])
    pending: collections.deque[Job] = collections.deque()
    for mutant, file in to_run:
        scope = (file["path"], mutant.scope_name, mutant.scope_line)
        covering = [c for c in by_speed if scope in called[c["id"]]]
        if not covering:
            emit(out, {"kind": "result", "id": mutant.id, "status": "survived", "how": "no check runs this code", "seconds": 0})
            log(spec, f"survived {mutant.id} (no check runs this code)")
            continue
        tree, _ = mutate.mutated_tree(file["source"], file["idPath"], file["changed"], mutant.id)
        budget = max(min_timeout, factor * sum(seconds[c["id"]] for c in covering))
        rewrite = file["path"] in preload.errors
        if not rewrite:
            try:
                swap_in(tree, mutant, file["path"], dry_run=True)  # here, where a failure can still choose the other way
            except CannotSwap as exc:
                log(spec, f"{mutant.id}: {exc}; rewriting the file instead")
                rewrite = True
        if rewrite:
            budget = max(60.0, budget + 30.0)  # a fresh interpreter imports everything again
        pending.append(Job(mutant, file, tree, [c["nodeid"] for c in covering], budget, rewrite))

    parent = os.getppid()
    running: dict[int, Job] = {}  # by pidfd
    free = list(range(jobs))
    try:
        while pending or running:
            if os.getppid() != parent:
                return 1  # the runner is gone: stop, the finally below kills the children
            while pending and free and not any(j.rewrite for j in running.values()) and not (pending[0].rewrite and running):
                job = pending.popleft()
                job.slot = free.pop()
                job.start(child_log, f"{basetemp}-{job.slot}")
                running[job.pidfd] = job
                if job.rewrite:
                    break
            now = time.monotonic()
            ready, _, _ = select.select(list(running), [], [], max(0.0, min(min(j.deadline for j in running.values()) - now, 1.0)))
            now = time.monotonic()
            for fd, job in list(running.items()):
                if fd in ready:
                    code = job.reap()
                elif now >= job.deadline:
                    job.kill()
                    code = None
                else:
                    continue
                del running[fd]
                free.append(job.slot)
                status, how = judge(code, job.took)
                emit(out, {"kind": "result", "id": job.mutant.id, "status": status, "how": how, "seconds": round(job.took, 3), "rewrite": job.rewrite})
                log(spec, f"{status} {job.mutant.id} ({how}, {job.took:.2f} s)")
    finally:
        for job in running.values():
            job.kill()
    return 0


class Job:
    """One mutant's run in a child process."""

    def __init__(self, mutant: mutate.Mutant, file: dict, tree: ast.Module, nodeids: list[str], budget: float, rewrite: bool):
        self.mutant, self.file, self.tree, self.nodeids, self.budget, self.rewrite = mutant, file, tree, nodeids, budget, rewrite
        self.slot = 0
        self.pid = self.pidfd = 0
        self.started = self.deadline = self.took = 0.0

    def start(self, child_log: str | None, basetemp: str) -> None:
        import pytest

        def in_memory() -> int:
            redirect_output(child_log)
            swap_in(self.tree, self.mutant, self.file["path"])
            return pytest.main(pytest_args(self.nodeids, basetemp))

        def rewritten() -> int:
            redirect_output(child_log)
            with open(self.file["path"], "w", encoding="utf-8") as f:
                f.write(ast.unparse(self.tree) + "\n")
            os.execv(sys.executable, [sys.executable, "-m", "pytest", *pytest_args(self.nodeids, basetemp)])
            return APPLY_FAILED

        self.started = time.monotonic()
        self.deadline = self.started + self.budget
        self.pid = fork(rewritten if self.rewrite else in_memory)
        self.pidfd = os.pidfd_open(self.pid)

    def _done(self, status: int | None) -> int | None:
        self.took = time.monotonic() - self.started
        os.close(self.pidfd)
        if self.rewrite:
            with open(self.file["path"], "w", encoding="utf-8") as f:
                f.write(self.file["source"])
        return None if status is None else os.waitstatus_to_exitcode(status)

    def reap(self) -> int | None:
        _, status = os.waitpid(self.pid, 0)
        return self._done(status)

    def kill(self) -> None:
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        self._done(None)


def judge(code: int | None, took: float) -> tuple[str, str]:
    """A child's exit code as the mutant's status and how it came about."""
    if code == 0:
        return "survived", "every check passes"
    if code == 1:
        return "killed", "a check fails"
    if code is None:
        return "killed", f"timed out after {took:.1f} s"
    if code < 0:
        return "killed", f"crashed ({signal.Signals(-code).name})"
    if code in (2, 3):
        return "killed", f"pytest stopped (exit code {code})"
    if code == APPLY_FAILED:
        return "error", "the mutant could not be applied"
    return "error", f"pytest exit code {code}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
