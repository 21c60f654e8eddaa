"""One voice (#14): a German session reads no English, an English one no German.

Every leaf command of the command tree runs three ways, in a county whose deployment
locale is `de` and in one whose locale is `en`: its `--help`, one valid call on the
demo county and one refused call. A line of output counts as foreign when it holds a
common function word of the other language; data (names, places, notes the demo county
or the test stored) is taken out first, since stored text is shown as stored.

Run as a script to print the counts for any binary (the "before" figure of the issue):
    LOTSE_BIN=... LOTSE_RESOURCES=... python3 Tests/EndToEnd/test_language.py
"""
import csv
import getpass
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
TODAY = "2026-11-28"
PASSWORD = "test password of the county"

# Function words of one language that the other does not share (in, was, die, also,
# so, will are left out: both languages use them).
ENGLISH = {"the", "is", "are", "not", "and", "of", "to", "with", "for", "this", "that", "be", "cannot", "can", "has", "have",
           "or", "on", "from", "by", "at", "its", "you", "your", "there", "which", "when", "after", "before", "only",
           "every", "each", "show", "shows", "help", "information", "options", "usage", "give", "case", "cases", "persons",
           "recorded", "written", "added", "nothing", "changed", "would", "should", "must", "needs", "date",
           "default", "file", "folder", "one", "their", "here", "it", "than", "more", "were", "been", "arguments", "overview", "error"}
GERMAN = {"der", "das", "ist", "und", "nicht", "mit", "für", "ein", "eine", "einen", "einem", "kein", "keine", "oder", "von",
          "auf", "zu", "den", "dem", "des", "sich", "wird", "werden", "sind", "bitte", "nach", "bei", "noch", "nur", "aus",
          "wurde", "fälle", "geben", "sie", "ihre", "nichts", "geändert", "erfasst", "geschrieben", "gespeichert", "hat",
          "kann", "können", "muss", "ja", "nein", "datei", "ordner", "zum", "zur", "im", "über", "vom", "seit", "oben"}
FOREIGN = {"de": ENGLISH, "en": GERMAN}


def foreign_lines(text, locale, data, commands=frozenset()):
    """The lines of `text` that hold a word of the other language, data taken out
    (whole words only), and so are commands for the user to type ('lotse case list',
    a usage line's `lotse case show`)."""
    found = []
    command = re.compile(r"\blotse(?: (?:" + "|".join(map(re.escape, sorted(commands))) + r")\b)*") if commands else None
    pattern = re.compile("|".join(r"(?<!\w)" + re.escape(value) + r"(?!\w)" for value in data if len(value) >= 3)) if data else None
    for line in text.splitlines():
        cleaned = re.sub(r"'[^']*'", " ", line)
        if command:
            cleaned = command.sub(" ", cleaned)
        if pattern:
            cleaned = pattern.sub(" ", cleaned)
        words = {w.strip(".,;:()[]{}\"'„“‚‘!?…–—*•<>").lower() for w in cleaned.split()}
        words = {w for w in words if w and not re.search(r"[./_=\-@0-9]", w)}
        if words & FOREIGN[locale]:
            found.append(line)
    return found


def shown_keys():
    """What must never reach a screen: every catalog key, and the ids the modules' keys
    stand for ("language.has_certificate" for the language module's question)."""
    keys = set()
    for locale in ("de", "en"):
        for file in (ROOT / "resources" / "locales" / locale).glob("*.json"):
            for key in json.loads(file.read_text()):
                keys.add(key)
                if file.stem not in ("core", "help", "crash"):
                    parts = key.split(".")
                    keys.add(f"{file.stem}.{key}")
                    if len(parts) >= 2 and parts[0] in ("question", "goal", "outcome", "metric", "setting"):
                        keys.add(f"{file.stem}.{parts[1]}")
    return frozenset(k for k in keys if "." in k)


SHOWN_KEYS = shown_keys()


def key_lines(text, data):
    """The lines of `text` that show a catalog key or a module's id (data taken out)."""
    pattern = re.compile("|".join(r"(?<!\w)" + re.escape(value) + r"(?!\w)" for value in data if len(value) >= 3)) if data else None
    found = []
    for line in text.splitlines():
        cleaned = pattern.sub(" ", line) if pattern else line
        if any(token in SHOWN_KEYS for token in re.findall(r"[A-Za-z][\w-]*(?:\.[\w-]+)+", cleaned)):
            found.append(line)
    return found


def leaf_commands(binary, env):
    """Every leaf of the command tree, from ArgumentParser's dump."""
    dump = json.loads(subprocess.run([binary, "--experimental-dump-help"], capture_output=True, text=True, env=env).stdout)
    leaves = []

    def walk(command, path):
        subs = [s for s in command.get("subcommands") or [] if s["commandName"] != "help"]
        if not subs:
            leaves.append(" ".join(path))
        for sub in subs:
            walk(sub, path + [sub["commandName"]])
    walk(dump["command"], [])
    return leaves


CONTROLLER = "Landratsamt Ostalbkreis, Stuttgarter Straße 41, 73430 Aalen"


class County:
    """A demo county for one locale, with what the calls need: a bundle, a receipt,
    a backup, a consent, a second user, files."""

    def __init__(self, binary, locale, folder):
        self.binary, self.locale, self.folder = binary, locale, pathlib.Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        home = self.folder / "home"
        home.mkdir(exist_ok=True)
        config = json.loads((ROOT / "plugins.json").read_text())
        config["deployment"]["locale"] = locale
        config["organisation"] = {"controller": CONTROLLER}  # the privacy notice names it
        (self.folder / "plugins.json").write_text(json.dumps(config))
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "TERM": "dumb", "INPUTRC": "/dev/null",
                    "LANG": "C.UTF-8", "LOTSE_RESOURCES": os.environ.get("LOTSE_RESOURCES", str(ROOT / "resources")),
                    "LOTSE_CONFIG": str(self.folder / "plugins.json")}
        (self.folder / "pw").write_text(PASSWORD + "\n")
        (self.folder / "short").write_text("short\n")
        (self.folder / "note.txt").write_text("Scan 42\n")
        self.db = self.folder / "county.sqlite"
        self.must("init", "--db", self.db, "--password-file", self.folder / "pw")
        self.must("user", "role", getpass.getuser(), "--role", "manager,lead,admin,auditor", "--county-wide", "--db", self.db)
        today = ["--today", TODAY] if "--today" in self.run("demo", "--help").stdout else []  # (a lotse from before #14)
        self.must("demo", "--households", "30", *today, "--db", self.db)
        self.must("demo", "--households", "30", *today, "--out", self.folder / "demo-csv")
        cases = json.loads(self.must("case", "list", "--json", "--page-size", "100", "--db", self.db))["cases"]
        active = [c for c in cases if c["status"] == "active"]
        self.active, self.other = active[0]["id"], active[1]["id"]
        self.closed = next(c["id"] for c in cases if c["status"] == "closed")
        detail = json.loads(self.must("case", "show", str(self.active), "--json", "--db", self.db))
        self.person = detail["members"][0]["person"]["id"]
        self.municipality = detail["municipality"]
        staff = json.loads(self.must("staff", "list", "--json", "--db", self.db))
        self.staff = next(s["name"] for s in staff if s["municipalityId"] == detail["caseFile"]["municipalityId"])
        self.must("consent", "add", str(self.active), "--scope", "handover", "--to", "Stadt Aalen", "--db", self.db)
        self.consent = 1
        self.must("consent", "add", str(self.other), "--scope", "handover", "--to", "Stadt Aalen", "--db", self.db)
        self.must("handover", "export", str(self.other), "--to", "Stadt Aalen", "-o", self.folder / "bundle.zip", "--db", self.db)
        receiver = self.folder / "receiver.sqlite"
        self.must("init", "--db", receiver, "--password-file", self.folder / "pw")
        self.must("user", "role", getpass.getuser(), "--role", "manager,lead,admin,auditor", "--county-wide", "--db", receiver)
        self.must("municipality", "add", "Stadt Aalen", "--kind", "city", "--fte", "1.5", "--db", receiver)
        shutil.copy(self.folder / "bundle.zip", self.folder / "received.zip")
        self.must("handover", "import", self.folder / "received.zip", "--db", receiver)
        self.must("user", "add", "pruefer", "--role", "auditor", "--password-file", self.folder / "pw", "--db", self.db)
        self.must("backup", "create", "-o", self.folder / "backup.zip", "--db", self.db)
        self.must("keys", "generate", "--out", self.folder / "keys", "--name", "county")
        self.commands = frozenset(command_words())
        (self.folder / "empty").mkdir(exist_ok=True)
        self.data = self.data_strings()

    def run(self, *args, db=None, stdin="", cwd=None):
        return subprocess.run([self.binary, *map(str, args)], input=stdin, capture_output=True, text=True, env=self.env,
                              cwd=cwd or self.folder, timeout=120)

    def must(self, *args):
        done = self.run(*args)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done.stdout

    def data_strings(self):
        """Every text field of the demo county and of the rows the calls store, longest first."""
        values = set()
        for file in (self.folder / "demo-csv").glob("*.csv"):
            with open(file, newline="") as handle:
                for row in csv.DictReader(handle):
                    values.update(v for k, v in row.items() if v and not v.replace(".", "").isdigit() and k != "id")
        values.update([CONTROLLER, "Samira Nasser", "Stadt Aalen", "Ulm", "Eva Test", "TSV", "Scan 42", "Bescheid", "pruefer", "Haddad", "Amal", getpass.getuser()])
        # Proper names the English texts keep in German: the programme, a service.
        values.update(["Pakt für Integration", "Agentur für Arbeit"])
        values.update(str(p) for p in self.folder.rglob("*"))
        values.add(str(self.folder))
        return sorted(values, key=len, reverse=True)

    def calls(self, leaf, scratch):
        """(valid, refused) argument lists for a leaf; None where no call fits."""
        f, db, a = self.folder, ["--db", scratch / "county.sqlite"], str(self.active)
        fresh = ["--db", scratch / "fresh.sqlite"]
        return {
            "modules list": (["modules", "list"], ["modules", "list", "--bogus"]),
            "modules show": (["modules", "show", "language"], ["modules", "show", "cooking"]),
            "municipality add": (["municipality", "add", "Ulm", "--kind", "city", "--fte", "1", *db],
                                 ["municipality", "add", "Stadt Aalen", "--kind", "city", "--fte", "1", *db]),
            "municipality edit": (["municipality", "edit", "Stadt Aalen", "--grantee", "Ostalbkreis", *db],
                                  ["municipality", "edit", "Stadt Aalen", *db]),
            "municipality list": (["municipality", "list", *db], ["municipality", "list", "--bogus", *db]),
            "staff add": (["staff", "add", "Eva Test", "--municipality", "Stadt Aalen", "--fte-share", "0.5", *db],
                          ["staff", "add", "Eva Test", "--municipality", "Stadt Aalen", "--fte-share", "2", *db]),
            "staff list": (["staff", "list", *db], ["staff", "list", "--municipality", "Nirgendwo", *db]),
            "case new": (["case", "new", "--municipality", "Stadt Aalen", "--family-name", "Haddad", "--given-names", "Amal", "--born", "1990", *db],
                         ["case", "new", "--municipality", "Nirgendwo", "--family-name", "Haddad", "--given-names", "Amal", "--born", "1990", *db]),
            "case list": (["case", "list", *db], ["case", "list", "--page", "0", *db]),
            "case show": (["case", "show", a, *db], ["case", "show", "999", *db]),
            "case edit": (["case", "edit", a, "--next-review", "2026-12-15", *db], ["case", "edit", a, *db]),
            "case close": (["case", "close", a, "--reason", "moved_away", *db], ["case", "close", a, "--reason", "vanished", *db]),
            "case reopen": (["case", "reopen", str(self.closed), *db], ["case", "reopen", a, *db]),
            "case reassign": (["case", "reassign", a, "--staff", self.staff, *db], ["case", "reassign", a, "--staff", "Niemand", *db]),
            "person add": (["person", "add", a, "--family-name", "Haddad", "--given-names", "Amal", "--born", "2010-01-01", *db],
                           ["person", "add", "999", "--family-name", "Haddad", "--given-names", "Amal", "--born", "2010-01-01", *db]),
            "person find": (["person", "find", "--born", "1980", *db], ["person", "find", *db]),
            "person edit": (["person", "edit", str(self.person), "--phone", "0711", *db], ["person", "edit", "999", "--phone", "0711", *db]),
            "person export": (["person", "export", str(self.person), "-o", scratch / "access.txt", *db],
                              ["person", "export", "999", "-o", scratch / "access.txt", *db]),
            "person erase": (None, ["person", "erase", str(self.person), "--reason", "Scan 42", *db]),
            "conversation add": (["conversation", "add", a, "--kind", "family", "--topics", "work", *db],
                                 ["conversation", "add", a, "--kind", "family", "--topics", "cooking", *db]),
            "referral add": (["referral", "add", a, "--service", "jobcenter", "--problem", "Bescheid", *db],
                             ["referral", "add", a, "--service", "post_office", "--problem", "Bescheid", *db]),
            "outcome add": (["outcome", "add", a, "--person", str(self.person), "--module", "work", "--kind", "employment", *db],
                            ["outcome", "add", a, "--person", str(self.person), "--module", "cooking", "--kind", "employment", *db]),
            "move": (["move", a, "--to", "Ulm", *db], ["move", "999", "--to", "Ulm", *db]),
            "consent add": (["consent", "add", a, "--scope", "referral", "--to", "jobcenter", *db],
                            ["consent", "add", "999", "--scope", "referral", "--to", "jobcenter", *db]),
            "consent withdraw": (["consent", "withdraw", str(self.consent), *db], ["consent", "withdraw", "999", *db]),
            "attach": (["attach", a, f / "note.txt", *db], ["attach", a, f / "missing.txt", *db]),
            "note": (["note", a, "Scan 42", *db], ["note", a, " ", *db]),
            "contact add": (["contact", "add", "--municipality", "Stadt Aalen", "--partner-kind", "club", "--partner", "TSV", *db],
                            ["contact", "add", "--municipality", "Nirgendwo", "--partner-kind", "club", "--partner", "TSV", *db]),
            "waitlist show": (["waitlist", "show", *db], ["waitlist", "show", "--municipality", "Nirgendwo", *db]),
            "waitlist admit": (["waitlist", "admit", *db], ["waitlist", "admit", "--municipality", "Nirgendwo", *db]),
            "audit verify": (["audit", "verify", *db], ["audit", "verify", "--bogus", *db]),
            "audit log": (["audit", "log", "--limit", "5", *db], ["audit", "log", "--case", "abc", *db]),
            "import legacy": (["import", "legacy", ROOT / "Tests" / "EndToEnd" / "fixtures" / "county", *fresh],
                              ["import", "legacy", f / "empty", *fresh]),
            "demo": (["demo", "--households", "2", "--today", TODAY, "--out", scratch / "demo"], ["demo", "--households", "0", *db]),
            "intake": (["intake", a, *db], ["intake", "999", *db]),
            "agreement print": (["agreement", "print", "1", *db], ["agreement", "print", "999", *db]),
            "agreement edit": (["agreement", "edit", "1", "--interpreter", "Samira Nasser", *db], ["agreement", "edit", "999", "--interpreter", "Samira Nasser", *db]),
            "consent print": (["consent", "print", a, "--to", "Ulm", "--scope", "handover", *db], ["consent", "print", a, "--to", "Ulm", "--scope", "referral", *db]),
            "person notice": (["person", "notice", str(self.person), *db], ["person", "notice", "999", *db]),
            "review": (["review", a, *db], ["review", "999", *db]),
            "due": (["due", "--days", "60", *db], ["due", "--staff", "Niemand", *db]),
            "report": (["report", "--as-of", TODAY, *db], ["report", "--as-of", TODAY, "--from", "2027-01-01", *db]),
            "batch close": (["batch", "close", "--rule", "completed", "--dry-run", *db], ["batch", "close", "--dry-run", *db]),
            "batch archive": (["batch", "archive", "--closed-before", TODAY, "--out", scratch / "archive", "--passphrase-file", f / "pw", "--dry-run", *db],
                              ["batch", "archive", "--out", scratch / "archive", *db]),
            "batch purge": (["batch", "purge", "--dry-run", *db], ["batch", "purge", *db]),
            "batch offer": (["batch", "offer", "-o", scratch, *db], ["batch", "offer", "-o", scratch, "--archive", f / "missing", "--passphrase-file", f / "missing.txt", *db]),
            "batch appraisal": (None, ["batch", "appraisal", f / "note.txt", *db]),
            "batch handoff": (["batch", "handoff", "-o", scratch, "--archive", scratch / "archive", "--passphrase-file", f / "pw", *db], ["batch", "handoff", "-o", scratch, *db]),
            "batch confirm": (None, ["batch", "confirm", f / "note.txt", *db]),
            "handover export": (["handover", "export", a, "--to", "Stadt Aalen", "-o", scratch / "out.zip", *db],
                                ["handover", "export", str(self.closed), "--to", "Stadt Aalen", "-o", scratch / "out.zip", *db]),
            "handover import": (["handover", "import", scratch / "bundle.zip", *db], ["handover", "import", f / "missing.zip", *db]),
            "handover verify": (["handover", "verify", f / "bundle.zip"], ["handover", "verify", f / "missing.zip"]),
            "handover confirm": (["handover", "confirm", f / "received.receipt.json", "--allow-unsigned", "Scan 42", *db], ["handover", "confirm", f / "note.txt", *db]),
            "handover list": (["handover", "list", *db], ["handover", "list", "--bogus", *db]),
            "keys generate": (["keys", "generate", "--out", scratch / "keys", "--name", "county"], ["keys", "generate", "--out", f / "keys", "--name", "county"]),
            "backup create": (["backup", "create", "-o", scratch / "backup.zip", *db], ["backup", "create", "-o", f / "backup.zip", *db]),
            "backup prune": (["backup", "prune", f, "--dry-run"], ["backup", "prune", f / "missing"]),
            "restore": (["restore", f / "backup.zip", "--db", scratch / "restored.sqlite"], ["restore", f / "missing.zip", "--db", scratch / "restored.sqlite"]),
            "doctor": (["doctor", *db], ["doctor", "--bogus", *db]),
            "init": (["init", "--db", scratch / "new.sqlite", "--password-file", f / "pw"], ["init", *db, "--password-file", f / "pw"]),
            "migrate": (["migrate", *db], ["migrate", "--bogus", *db]),
            "user add": (["user", "add", "leitung", "--role", "auditor", "--password-file", f / "pw", *db],
                         ["user", "add", "pruefer", "--role", "auditor", "--password-file", f / "pw", *db]),
            "user list": (["user", "list", *db], ["user", "list", "--bogus", *db]),
            "user edit": (["user", "edit", "pruefer", "--locale", "en", *db], ["user", "edit", "pruefer", "--locale", "fr", *db]),
            "user disable": (["user", "disable", "pruefer", *db], ["user", "disable", getpass.getuser(), *db]),
            "user enable": (["user", "enable", "pruefer", *db], ["user", "enable", "niemand", *db]),
            "user passwd": (["user", "passwd", "pruefer", "--password-file", f / "pw", *db], ["user", "passwd", "pruefer", "--password-file", f / "short", *db]),
            "user role": (["user", "role", "pruefer", "--role", "lead", "--county-wide", *db], ["user", "role", "pruefer", "--role", "boss", *db]),
            "kiosk": (None, ["kiosk", "--bogus"]),
        }[leaf]

    def check(self, leaf, kind, scratch):
        """Runs one way of one leaf in a copy of the county; returns (returncode, foreign lines)."""
        shutil.copy(self.db, scratch / "county.sqlite")
        shutil.copy(pathlib.Path(self.db).parent / "audit.key", scratch / "audit.key")  # the database's seal goes with it
        if leaf == "import legacy" and kind != "help":
            self.must("init", "--db", scratch / "fresh.sqlite", "--password-file", self.folder / "pw")
            self.must("user", "role", getpass.getuser(), "--role", "admin", "--county-wide", "--db", scratch / "fresh.sqlite")
        shutil.copy(self.folder / "bundle.zip", scratch / "bundle.zip")
        if kind == "help":
            args = [*leaf.split(), "--help"]
        else:
            valid, refused = self.calls(leaf, scratch)
            args = valid if kind == "valid" else refused
            if args is None:
                return None, []
        done = self.run(*args, cwd=scratch)
        data = self.data + sorted({str(p) for p in scratch.rglob("*")} | {str(scratch)}, key=len, reverse=True)
        output = done.stdout + "\n" + done.stderr
        shown = [] if "--json" in args else key_lines(output, data)  # JSON names its fields by id on purpose
        return done.returncode, foreign_lines(output, self.locale, data, self.commands) + shown


def binary():
    return os.environ.get("LOTSE_BIN") or str(ROOT / ".build" / "debug" / "lotse")


@pytest.fixture(scope="module")
def counties(tmp_path_factory):
    return {locale: County(binary(), locale, tmp_path_factory.mktemp(f"county-{locale}")) for locale in ("de", "en")}


LEAVES = ["modules list", "modules show", "municipality add", "municipality edit", "municipality list", "staff add", "staff list", "case new", "case list",
          "case show", "case edit", "case close", "case reopen", "case reassign", "person add", "person find", "person edit",
          "person export", "person erase", "conversation add", "referral add", "outcome add", "move", "consent add",
          "consent withdraw", "attach", "note", "contact add", "waitlist show", "waitlist admit", "audit verify", "audit log",
          "import legacy", "demo", "intake", "agreement print", "agreement edit", "consent print", "person notice", "review", "due", "report", "batch close", "batch archive",
          "batch offer", "batch appraisal", "batch handoff", "batch confirm", "batch purge", "handover export", "handover import", "handover verify", "handover confirm", "handover list",
          "keys generate", "backup create", "backup prune", "restore", "doctor", "init", "migrate", "user add", "user list", "user edit",
          "user disable", "user enable", "user passwd", "user role", "kiosk"]


def test_the_pass_covers_every_leaf_command():
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tempfile.gettempdir(), "LANG": "C.UTF-8",
           "LOTSE_RESOURCES": str(ROOT / "resources"), "LOTSE_CONFIG": str(ROOT / "plugins.json")}
    assert sorted(leaf_commands(binary(), env)) == sorted(LEAVES)


@pytest.mark.parametrize("kind", ["help", "valid", "refused"])
@pytest.mark.parametrize("locale", ["de", "en"])
@pytest.mark.parametrize("leaf", LEAVES)
def test_every_command_speaks_the_session_language(counties, leaf, locale, kind, tmp_path):
    code, foreign = counties[locale].check(leaf, kind, tmp_path)
    if code is None:
        pytest.skip("no valid call without a terminal or a past retention period")
    if kind == "valid":
        assert code == 0, f"{leaf} should succeed"
    elif kind == "refused":
        assert code != 0, f"{leaf} should be refused"
    assert not foreign, f"{leaf} {kind} in a {locale} session:\n" + "\n".join(foreign)


def main():
    """Prints the counts of foreign lines per locale and kind (for the issue's before/after)."""
    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        totals = {}
        for locale in ("de", "en"):
            county = County(binary(), locale, root / f"county-{locale}")
            for leaf in LEAVES:
                for kind in ("help", "valid", "refused"):
                    scratch = root / f"{locale}-{leaf.replace(' ', '-')}-{kind}"
                    scratch.mkdir()
                    _, foreign = county.check(leaf, kind, scratch)
                    key = (locale, kind)
                    lines, calls = totals.get(key, (0, 0))
                    totals[key] = (lines + len(foreign), calls + (1 if foreign else 0))
                    if "-v" in sys.argv:
                        for line in foreign:
                            print(f"{locale} {kind} {leaf}: {line}")
        for (locale, kind), (lines, calls) in sorted(totals.items()):
            print(f"{locale} {kind:8} {lines:5} foreign lines in {calls:3} of {len(LEAVES)} commands")



# --- The sources: no words for users outside the catalogs -----------------------------

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
INTERPOLATION = re.compile(r"\\\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")


def without_interpolations(line):
    """The line with every `\\(…)` removed (they may hold quotes of their own)."""
    previous = None
    while previous != line:
        previous, line = line, INTERPOLATION.sub("", line)
    return line
SQL = re.compile(r"(\bIN \(| = :\w)|\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER TABLE|FROM|WHERE|AND|JOIN|ORDER BY|GROUP BY|PRAGMA|VACUUM|LIKE|COLLATE|CASE WHEN)\b|\b(substr|ifnull|char|date|coalesce)\(")
# Declarations ArgumentParser needs and the man pages are made from; the English help
# catalog mirrors them and CatalogTests keeps the two equal.
DECLARATION = re.compile(r"\b(abstract|discussion|help):\s*(ArgumentHelp\()?\"")
# Literal words that are not the user interface, each with its reason.
ALLOWED = {
    "Sources/LotseCore/Import/DemoCounty.swift": "the demo county's data: names, places, problem situations (stored text)",
    "Sources/LotseCore/Resources/Catalog.swift": "the last-resort texts for when no locale file can be read",
    "Sources/Host/Support/CrashGuard.swift": "the crash log's marker line, for the IT",
    "Sources/LotseCore/Operations/Backup.swift": "backup-info.txt, a machine file inside the backup",
    "Sources/LotseCore/Handover/BundleWriter.swift": "BagIt tag files (bagit.txt), a standard's fixed text",
    "Sources/LotseCore/Handover/BundleReader.swift": "BagIt tag files (bagit.txt), a standard's fixed text",
    "Sources/LotseCore/Text/Message.swift": "a message's debug description (keys, never shown to users)",
    "Sources/Host/Support/Console.swift": "a compiler diagnostic for developers",
    "Sources/LotseCore/Handover/SigningKey.swift": "the signature file's fixed field names (a machine format)",
    "Sources/LotseCore/Print/PDFWriter.swift": "pango font descriptions (\"Noto Sans Bold 15\") and the PDF's creator field",
    "Sources/LotseCore/Xdomea/XMLNode.swift": "the XML declaration of an xdomea message, a standard's fixed text",
}


def command_words():
    dump = json.loads(subprocess.run([binary(), "--experimental-dump-help"], capture_output=True, text=True,
                                     env={"PATH": "/usr/bin:/bin", "LOTSE_RESOURCES": str(ROOT / "resources")}).stdout)
    words = set()

    def walk(command):
        words.add(command["commandName"])
        for sub in command.get("subcommands") or []:
            walk(sub)
    walk(dump["command"])
    return words


def user_literals():
    """Multi-word string literals in Host and LotseCore that could be meant for users."""
    commands = command_words()
    found = []
    for path in sorted((ROOT / "Sources").glob("*/**/*.swift")):
        relative = str(path.relative_to(ROOT))
        if not relative.startswith(("Sources/Host/", "Sources/LotseCore/")) or relative in ALLOWED:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if line.strip().startswith("//") or DECLARATION.search(line) or '"""' in line:
                continue
            for match in LITERAL.finditer(without_interpolations(line)):
                text = match.group(1)
                words = re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", text)
                if len(words) < 2 or " " not in text.strip() or SQL.search(text) or set(words) <= commands:
                    continue
                found.append(f"{relative}:{number}: {match.group(1)}")
    return found


def test_no_words_for_users_outside_the_catalogs():
    assert user_literals() == []


def catalog_keys():
    keys = {}
    for file in (ROOT / "resources" / "locales" / "en").glob("*.json"):
        keys[file.stem] = set(json.loads(file.read_text()))
    return keys


def test_every_catalog_key_is_used():
    """A key is used when a source names it, or a key made at run time can be it (a
    literal prefix such as "closure.\\(reason)"); module namespaces are the modules'
    own and checked by ModuleContractTests, help by CatalogTests."""
    literals, prefixes = set(), set()
    for path in (ROOT / "Sources").glob("**/*.swift"):
        source = path.read_text()
        literals.update(match.group(1) for match in LITERAL.finditer(source))
        literals.update(re.findall(r'"([A-Za-z][\w.\-]*)"', source))  # keys inside interpolations too
        prefixes.update(re.findall(r'"([A-Za-z.]+\.)\\\(', source))
        prefixes.update(prefix + "." for prefix in re.findall(r'labelPrefix: String \{ "([\w.]+)" \}', source))
    # Keys the templates, the locale check and the resources name.
    data = " ".join(p.read_text() for p in (ROOT / "resources").glob("*.json"))
    # A plural form (KEY.one, KEY.other) is used when its message KEY is (Catalog.render);
    # a noun's forms (count.NOUN.one) when a text counts with it ({n#NOUN}, {{NOUN(n)}}).
    texts = data + " ".join(p.read_text() for p in (ROOT / "resources").glob("locales/*/*.json"))
    texts += " ".join(p.read_text() for p in (ROOT / "resources").glob("templates/*/*.mustache"))
    literals.update("count." + noun for noun in re.findall(r"\{\w+#(\w+)\}", texts) + re.findall(r"\{\{[#^/]?(\w+)\([\w.]+\)\}\}", texts))
    named = lambda key: re.sub(r"\.(one|other)$", "", key)
    unused = sorted(key for key in catalog_keys()["core"]
                    if named(key) not in literals and not any(p and key.startswith(p) for p in prefixes) and key not in data)
    assert unused == []


if __name__ == "__main__":
    main()
