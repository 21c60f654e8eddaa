"""Shared fixtures: the built lotse binary and a clean environment for it.

The tests run lotse as an English-speaking county would (the repository's plugins.json
with "locale": "en"), so their expectations read as the English catalog does; tests of
what a German user reads use `GERMAN` (the repository's plugins.json, locale de), and
test_language.py checks both languages over every command."""
import atexit
import getpass
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def config_in(locale):
    """The repository's plugins.json with another deployment locale, as a file."""
    config = json.loads((ROOT / "plugins.json").read_text())
    config["deployment"]["locale"] = locale
    path = pathlib.Path(tempfile.gettempdir()) / f"lotse-test-plugins-{locale}-{os.getpid()}.json"
    path.write_text(json.dumps(config))
    atexit.register(path.unlink, missing_ok=True)  # one file per test run, gone with it
    return str(path)


ENGLISH_CONFIG = config_in("en")
# The environment a German county's users have (pass as extra_env).
GERMAN = {"LOTSE_CONFIG": str(ROOT / "plugins.json")}


@pytest.fixture(scope="session")
def lotse_bin():
    path = os.environ.get("LOTSE_BIN") or str(ROOT / ".build" / "debug" / "lotse")
    if not os.access(path, os.X_OK):
        pytest.fail(f"{path} is not built; run 'swift build' or 'make test'")
    return path


def environment(home):
    """A HOME, readline without user settings, the repository's resources, English."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "TERM": "xterm",
        "INPUTRC": "/dev/null",
        "LANG": "C.UTF-8",
        "LOTSE_RESOURCES": str(ROOT / "resources"),
        "LOTSE_CONFIG": ENGLISH_CONFIG,
    }


@pytest.fixture
def env(tmp_path):
    """A temporary HOME, readline without user settings, the repository's resources."""
    home = tmp_path / "home"
    home.mkdir()
    return environment(home)


TEST_PASSWORD = "test password of the county"
# Commands that do not open the case database (or must see it missing).
NO_DATABASE = {"init", "modules", "--version", "--help", "help", "restore", "keys", "kiosk"}


def database_of(args, env):
    """The database a command line uses: --db, else $LOTSE_DB, else the XDG default."""
    for index, arg in enumerate(args):
        if arg == "--db" and index + 1 < len(args):
            return pathlib.Path(args[index + 1])
        if arg.startswith("--db="):
            return pathlib.Path(arg[5:])
    if env.get("LOTSE_DB"):
        return pathlib.Path(env["LOTSE_DB"])
    return pathlib.Path(env["HOME"]) / ".local" / "share" / "lotse" / "lotse.sqlite"


def initialise(lotse_bin, env, db, folder):
    """Creates a database as a county would: `lotse init` (the OS account becomes the
    admin), then that user gets every role, county-wide, so tests can do all things."""
    password = folder / "test-password.txt"
    password.write_text(TEST_PASSWORD + "\n")
    for args in (["init", "--db", str(db), "--password-file", str(password)],
                 ["user", "role", getpass.getuser(), "--role", "manager,lead,admin,auditor", "--county-wide", "--db", str(db)]):
        done = subprocess.run([lotse_bin, *args], capture_output=True, text=True, env=env, cwd=folder, timeout=60)
        assert done.returncode == 0, done.stderr


@pytest.fixture(scope="session")
def template_db(lotse_bin, tmp_path_factory):
    """One database initialised once per test run (scrypt is slow on purpose); every
    test's database starts as a copy of it, with its audit key beside it."""
    folder = tmp_path_factory.mktemp("template")
    (folder / "home").mkdir()
    initialise(lotse_bin, environment(folder / "home"), folder / "lotse.sqlite", folder)
    assert sorted(p.name for p in folder.iterdir()) == ["audit.key", "home", "lotse.sqlite", "test-password.txt"]
    return folder


@pytest.fixture
def prepare_db(lotse_bin, env, tmp_path, template_db):
    """Gives a database the state `initialise` leaves: a copy of the template, or, where
    the folder already holds another audit key (a database of the test's own `init`), a
    database initialised in place, so that the key beside it seals it."""
    def prepare(db):
        db = pathlib.Path(db)
        if db.exists():
            return
        db.parent.mkdir(parents=True, exist_ok=True)
        key, template_key = db.parent / "audit.key", template_db / "audit.key"
        if key.exists() and key.read_bytes() != template_key.read_bytes():
            initialise(lotse_bin, env, db, tmp_path)
            return
        if not key.exists():
            shutil.copy2(template_key, key)
        shutil.copy2(template_db / "lotse.sqlite", db)
    return prepare


@pytest.fixture
def run(lotse_bin, env, tmp_path, prepare_db):
    """Runs lotse with arguments (and optional stdin), returning the completed process.
    A database it names that does not exist yet is initialised first (see prepare_db)."""
    def runner(*args, stdin=None, extra_env=None, prepare=True):
        full_env = {**env, **(extra_env or {})}
        words = [a for a in args if not a.startswith("-")]
        if prepare and not (set(words[:1]) | set(args[:1])) & NO_DATABASE and not args[:2] == ("handover", "verify"):
            prepare_db(database_of(args, full_env))
        return subprocess.run([lotse_bin, *args], input=stdin, capture_output=True, text=True,
                              env=full_env, cwd=tmp_path, timeout=60)
    return runner
