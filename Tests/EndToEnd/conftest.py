"""Shared fixtures: the built lotse binary and a clean environment for it."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def lotse_bin():
    path = os.environ.get("LOTSE_BIN") or str(ROOT / ".build" / "debug" / "lotse")
    if not os.access(path, os.X_OK):
        pytest.fail(f"{path} is not built; run 'swift build' or 'make test'")
    return path


@pytest.fixture
def env(tmp_path):
    """A temporary HOME, readline without user settings, the repository's resources."""
    home = tmp_path / "home"
    home.mkdir()
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "TERM": "xterm",
        "INPUTRC": "/dev/null",
        "LANG": "C.UTF-8",
        "LOTSE_RESOURCES": str(ROOT / "resources"),
        "LOTSE_CONFIG": str(ROOT / "plugins.json"),
    }


@pytest.fixture
def run(lotse_bin, env, tmp_path):
    """Runs lotse with arguments (and optional stdin), returning the completed process."""
    def runner(*args, stdin=None, extra_env=None):
        return subprocess.run([lotse_bin, *args], input=stdin, capture_output=True, text=True,
                              env={**env, **(extra_env or {})}, cwd=tmp_path, timeout=60)
    return runner
