"""``mkdocs build`` for the tests, each in a fresh process, without importing MkDocs again every time.

A test build is ``python -m mkdocs build --strict``, and about a fifth of a CPU-second of each went into
importing MkDocs, Material, mkdocs-macros and what they import, thirteen builds a run. Here one server
process per test worker imports them once, then forks a child per build. The child is a new process,
as the command gives: it starts from the state the imports left (no build has run in the server), runs
MkDocs' own command line with the test's arguments, folder and environment, and exits with its status.
The project's code (``main.py``, ``macros/``) is never imported by the server: every build loads the
copy it builds, as the command does.

What differs from the command: a module that reads the environment when it is imported sees the
server's environment (that of the test process), not the one given for the build. The guide's
configuration reads its variables (``!ENV``) when the build loads it, so a build's ``env`` still applies.

Run as a script (``python -P mkdocs_forks.py``), this file is the server: one JSON request per line on
stdin ({"argv", "cwd", "env", "stdout", "stderr"}: the last two are files for the build's output), one
JSON reply per line ({"returncode"}) on the descriptor it was started with, in ``argv[1]``.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

# Imported by the server before any build: what `mkdocs build` imports of MkDocs and its plugins.
PRELOAD = (
    "mkdocs.__main__", "mkdocs.commands.build", "mkdocs.config.defaults", "mkdocs.structure.pages",
    "material.plugins.search.plugin", "material.plugins.offline.plugin", "material.templates",
    "mkdocs_macros.plugin", "markdown.extensions.toc", "markdown.extensions.attr_list",
    "markdown.extensions.md_in_html", "markdown.extensions.admonition", "markdown.extensions.tables",
    "jsonschema", "yaml",
)
TIMEOUT_S = 300


# --- the server (this file run as a script) ------------------------------------------------------

def run_cli_in_child(request: dict) -> None:
    """In the forked child: become ``python -m mkdocs <argv>`` run in ``cwd`` with ``env``; never returns."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.path.insert(0, request["cwd"])  # as `python -m` puts the working folder first
        for fd, name in ((1, "stdout"), (2, "stderr")):
            target = os.open(request[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(target, fd)
            os.close(target)
        sys.argv = ["mkdocs", *request["argv"]]
        from mkdocs.__main__ import cli
        cli.main(args=request["argv"], prog_name="mkdocs")
        code = 0
    except SystemExit as done:  # as the interpreter ends on it: a message goes to stderr, status 1
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if not isinstance(done.code, (int, type(None))):
            print(done.code, file=sys.stderr)
    except BaseException:  # noqa: BLE001 - a crash is the build's result, told on its stderr
        import traceback
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def serve(reply_fd: int) -> None:
    for name in PRELOAD:
        __import__(name)
    sys.stdout.flush()  # nothing an import printed may reach a build's output files
    sys.stderr.flush()
    replies = os.fdopen(reply_fd, "w", encoding="utf-8")
    for line in sys.stdin:
        request = json.loads(line)
        child = os.fork()
        if child == 0:
            run_cli_in_child(request)
        _, status = os.waitpid(child, 0)
        replies.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}) + "\n")
        replies.flush()


# --- the client (imported by the tests) ----------------------------------------------------------

class BuildServer:
    """One server per test process, started on the first build and stopped when the process ends."""

    def __init__(self):
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None
        self.replies = None
        atexit.register(self.stop)

    def start(self) -> None:
        if self.replies is not None:  # the pipe of a server that ended or was killed
            self.replies.close()
        read_fd, write_fd = os.pipe()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        # -P: the tests' folder (this file's) is not put on sys.path, so a build imports what the command would.
        self.process = subprocess.Popen(
            [sys.executable, "-P", __file__, str(write_fd)], stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL, pass_fds=(write_fd,), env=env, text=True,
            start_new_session=True)  # its own process group: a build that hangs goes with it
        os.close(write_fd)
        self.replies = os.fdopen(read_fd, "r", encoding="utf-8")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)

    def build(self, argv: list[str], cwd: Path, env: dict) -> subprocess.CompletedProcess:
        with self.lock, tempfile.TemporaryDirectory(prefix="mkdocs-output-") as folder:
            if self.process is None or self.process.poll() is not None:
                self.start()
            out, err = Path(folder, "stdout"), Path(folder, "stderr")
            request = {"argv": argv, "cwd": str(cwd), "env": env, "stdout": str(out), "stderr": str(err)}
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            if not select.select([self.replies], [], [], TIMEOUT_S)[0]:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
                raise TimeoutError(f"mkdocs {' '.join(argv)} took more than {TIMEOUT_S} s")
            reply = self.replies.readline()
            if not reply:
                raise RuntimeError(f"the build server ended (exit status {self.process.wait()})")
            returncode = json.loads(reply)["returncode"]
            return subprocess.CompletedProcess(["mkdocs", *argv], returncode,
                                               out.read_text(encoding="utf-8", errors="replace"),
                                               err.read_text(encoding="utf-8", errors="replace"))


SERVER = BuildServer()


def mkdocs(argv: list[str], cwd: Path, env: dict) -> subprocess.CompletedProcess:
    """``python -m mkdocs <argv>`` in ``cwd`` with the environment ``env`` (complete, not added to)."""
    return SERVER.build(argv, cwd, env)


if __name__ == "__main__":
    serve(int(sys.argv[1]))
