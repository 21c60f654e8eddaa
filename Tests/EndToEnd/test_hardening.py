"""Hardening (issue 13): each defect of the adversarial test, from its reproduction.

Terminal escapes and NUL in stored or received text, signature downgrade, ZipCrypto,
lying size headers, absurd settings and broken locale files, verify = import, meaning
checks on case.json, stale partial files, strict CSV, and the handover receipt.
"""
import hashlib
import json
import os
import pathlib
import random
import re
import shutil
import signal
import sqlite3
import stat
import struct
import subprocess
import zipfile

import pexpect
import pytest

from conftest import GERMAN, ROOT, database_of
from test_handover import RECEIVER, entries, export, receiver, rezip, sender, top  # noqa: F401  (fixtures)
from test_report import FIXTURE

HOSTILE = "Hosseini\x1b]2;pwned\x07\x1b[2J\x1b[1;31mFAKE"


def one_line(result):
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def count(db, table):
    return sqlite3.connect(db).execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# --- 1, 2: control characters never stored, never sent to a terminal -------------------

def test_control_characters_are_refused_on_input_and_nothing_is_stored(run, tmp_path):
    db = str(tmp_path / "county.sqlite")
    assert run("import", "legacy", str(FIXTURE), "--db", db).returncode == 0
    notes = count(db, "caseNote")
    result = run("person", "edit", "1", "--family-name", HOSTILE, "--db", db)
    assert result.returncode == 1
    assert "personIdentity.familyName holds the control character U+001B" in one_line(result)
    assert "\x1b" not in result.stderr
    nul = run("note", "1", "--db", db, stdin="before\0after")
    assert nul.returncode == 1 and "holds the control character U+0000" in one_line(nul)
    assert count(db, "caseNote") == notes
    clipboard = run("note", "1", "--db", db, stdin="see \x1b]52;c;cm0gLXJmIC8=\x07")
    assert clipboard.returncode == 1 and count(db, "caseNote") == notes
    # What people write keeps tabs, line breaks and the joiners Persian names need.
    assert run("note", "1", "--db", db, stdin="Zeile 1\n\tZeile 2 – Mohammad\u200cReza \u200f").returncode == 0
    verify = run("audit", "verify", "--db", db)
    assert verify.returncode == 0 and "intact" in verify.stdout


def stored_hostile_name(db):
    """What an old database or a write behind lotse's back may hold."""
    connection = sqlite3.connect(db)
    connection.execute("UPDATE personIdentity SET familyName = ? WHERE personId = 1", (HOSTILE + "\u202e",))
    connection.commit()


def test_stored_escapes_are_shown_visibly_in_the_shell(run, tmp_path):
    db = str(tmp_path / "county.sqlite")
    assert run("import", "legacy", str(FIXTURE), "--db", db).returncode == 0
    stored_hostile_name(db)
    shown = run("case", "show", "1", "--db", db)
    assert shown.returncode == 0
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout and "\u202e" not in shown.stdout
    assert "Hosseini␛]2;pwned␇␛[2J␛[1;31mFAKE⟨U+202E⟩" in shown.stdout
    # JSON escapes control characters itself; it stays data.
    as_json = run("case", "show", "1", "--json", "--db", db)
    assert "\x1b" not in as_json.stdout and "\u202e" not in as_json.stdout
    assert json.loads(as_json.stdout)["members"][0]["identity"]["familyName"] == HOSTILE + "\u202e", "the data stays exact"


def test_stored_escapes_are_shown_visibly_in_the_repl(lotse_bin, env, run, tmp_path):
    db = str(tmp_path / "county.sqlite")
    assert run("import", "legacy", str(FIXTURE), "--db", db).returncode == 0
    stored_hostile_name(db)
    child = pexpect.spawn(lotse_bin, ["--db", db], env=env, cwd=str(tmp_path), encoding="utf-8", timeout=20, dimensions=(40, 200))
    child.expect(r"lotse>")
    child.sendline("case show 1")
    child.expect_exact("Hosseini␛]2;pwned␇␛[2J")
    child.expect(r"lotse>")
    screen = child.before
    child.sendline("quit")
    child.expect(pexpect.EOF)
    assert "\x1b]2;" not in screen and "\x1b[2J" not in screen


# --- bundles: a helper that changes case.json and re-bags it consistently ----------------

def rebag(bundle, tmp_path, change, name="rebagged.zip", bag_info=None):
    """The bundle with data/case.json changed by `change(dict) -> dict | bytes`, and the
    manifest, Payload-Oxum and tag manifest made to match, as a careful forger would."""
    items = dict((info.filename, data) for info, data in entries(bundle))
    folder = top(bundle)
    case = json.loads(items[f"{folder}/data/case.json"])
    changed = change(case)
    items[f"{folder}/data/case.json"] = changed if isinstance(changed, bytes) else json.dumps(changed, ensure_ascii=False).encode()
    payload = {n: d for n, d in items.items() if n.startswith(f"{folder}/data/")}
    items[f"{folder}/manifest-sha256.txt"] = "".join(
        f"{hashlib.sha256(d).hexdigest()}  {n[len(folder) + 1:]}\n" for n, d in sorted(payload.items())).encode()
    info = items[f"{folder}/bag-info.txt"].decode()
    info = re.sub(r"Payload-Oxum: .*", f"Payload-Oxum: {sum(len(d) for d in payload.values())}.{len(payload)}", info)
    if bag_info:
        info = bag_info(info)
    items[f"{folder}/bag-info.txt"] = info.encode()
    tags = [f"{hashlib.sha256(items[f'{folder}/{n}']).hexdigest()}  {n}" for n in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")]
    items[f"{folder}/tagmanifest-sha256.txt"] = ("\n".join(tags) + "\n").encode()
    return rezip(tmp_path / name, [(n, d) for n, d in items.items() if not n.endswith("signature.ed25519")])


def refused_by_both(run, receiver, path, expected, *args):
    """`verify` and `import` refuse with the same one line; the receiver is unchanged."""
    verify = run("handover", "verify", str(path), *args)
    assert verify.returncode == 2 and expected in one_line(verify), verify.stdout + verify.stderr
    imported = run("handover", "import", str(path), "--db", receiver, *args)
    assert imported.returncode == 2 and one_line(imported) == one_line(verify)
    assert count(receiver, "caseFile") == 0 and count(receiver, "person") == 0
    assert str(tmp_dir_of(path)) not in imported.stderr, "no temporary paths in messages"


def tmp_dir_of(path):
    return pathlib.Path(path).parent / "receiver.sqlite.files"


def family(value):
    """A change for `rebag`: the first person's family name becomes `value`."""
    def change(case):
        case["persons"][0]["familyName"] = value
        return case
    return change


def test_received_text_is_checked_and_nul_refused(run, sender, receiver, tmp_path):
    bundle = export(run, sender, tmp_path)
    refused_by_both(run, receiver, rebag(bundle, tmp_path, family(HOSTILE), "esc.zip"),
                    "data/case.json: persons[0].familyName holds the control character U+001B")
    raw_nul = rebag(bundle, tmp_path, lambda c: json.dumps(c).replace('"Haddad"', '"Sal\\u0000eh"', 1).encode(), "nul.zip")
    refused_by_both(run, receiver, raw_nul, "holds the control character U+0000")
    verify = run("handover", "verify", str(rebag(bundle, tmp_path, family(HOSTILE), "esc2.zip")))
    assert "\x1b" not in verify.stdout + verify.stderr


# --- 3, 4: signatures cannot be dropped, ZipCrypto is not encryption --------------------

def test_a_signed_bundle_cannot_be_downgraded_to_unsigned(run, sender, receiver, tmp_path):
    keys = tmp_path / "keys"
    assert run("keys", "generate", "--out", str(keys), "--name", "aalen").returncode == 0
    signed = export(run, sender, tmp_path, "--sign", str(keys / "aalen.key"))
    forged = rebag(signed, tmp_path, lambda c: {**c, "notes": []}, "unsigned.zip")
    with zipfile.ZipFile(forged) as archive:
        assert not any(n.endswith("signature.ed25519") for n in archive.namelist())
    refused_by_both(run, receiver, forged, "the bundle is not signed, but this installation trusts signing keys", "--trusted-keys", str(keys))
    blank = run("handover", "import", str(forged), "--db", receiver, "--trusted-keys", str(keys), "--allow-unsigned", " ")
    assert blank.returncode == 1 and count(receiver, "caseFile") == 0
    accepted = run("handover", "import", str(forged), "--db", receiver, "--trusted-keys", str(keys),
                   "--allow-unsigned", "sender lost the key, confirmed by phone")
    assert accepted.returncode == 0, accepted.stderr
    audited = sqlite3.connect(receiver).execute(
        "SELECT v.value FROM auditEvent e JOIN auditValue v ON v.seq = e.seq WHERE e.field = 'allowUnsigned'").fetchall()
    assert audited == [("sender lost the key, confirmed by phone",)]


@pytest.mark.skipif(not shutil.which("7z"), reason="7-Zip (p7zip-full) is not installed")
def test_zipcrypto_is_refused_by_name(run, sender, receiver, tmp_path):
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("correct horse battery staple\n")
    bundle = export(run, sender, tmp_path, "--encrypt", "--passphrase-file", str(passphrase))
    unpacked = tmp_path / "unpacked"
    subprocess.run(["7z", "x", "-pcorrect horse battery staple", f"-o{unpacked}", str(bundle)], check=True, capture_output=True)
    weak = tmp_path / "zipcrypto.zip"
    subprocess.run(["7z", "a", "-tzip", "-mem=ZipCrypto", "-pcorrect horse battery staple", str(weak), top(bundle)],
                   cwd=unpacked, check=True, capture_output=True)
    refused_by_both(run, receiver, weak, "is encrypted with ZipCrypto", "--passphrase-file", str(passphrase))


# --- 5: a lying size header is refused before memory grows ------------------------------

def lie_about_size(path, name, declared):
    """Rewrites the uncompressed size of entry `name` in its local header and the central
    directory (both, so the zip stays consistent)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = next(i for i in archive.infolist() if i.filename.endswith(name))
    struct.pack_into("<I", data, info.header_offset + 22, declared)
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46:position + 46 + name_length].decode().endswith(name):
            struct.pack_into("<I", data, position + 24, declared)
        position = data.find(b"PK\x01\x02", position + 4)
    path.write_bytes(bytes(data))


def peak_rss_kb(lotse_bin, env, *args):
    """Peak resident memory of one lotse run, measured by a fresh Python with no other children."""
    measure = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); " \
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    done = subprocess.run(["python3", "-c", measure, lotse_bin, *args], capture_output=True, text=True, env=env, check=True)
    return int(done.stdout)


def test_lying_headers_are_refused_with_bounded_memory(lotse_bin, env, run, sender, receiver, tmp_path):
    bundle = export(run, sender, tmp_path)
    items = [(i.filename, d) for i, d in entries(bundle)]
    folder = top(bundle)
    # case.json padded to 300 MB of spaces: about 0.3 MB deflated, declared 5,747 bytes.
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items:
            if name.endswith("data/case.json"):
                with archive.open(name, "w", force_zip64=False) as entry:
                    entry.write(data)
                    chunk = b" " * (1 << 20)
                    for _ in range(300):
                        entry.write(chunk)
            else:
                archive.writestr(name, data)
    lie_about_size(bomb, "data/case.json", 5747)
    verify = run("handover", "verify", str(bomb))
    assert verify.returncode == 2 and "holds more than the 5747 bytes its header declares" in one_line(verify)
    assert peak_rss_kb(lotse_bin, env, "handover", "verify", str(bomb)) < 100 * 1024
    # An honest-looking header that understates a small entry is refused the same way.
    small = rezip(tmp_path / "understated.zip", items)
    lie_about_size(small, "data/case.json", 100)
    refused_by_both(run, receiver, small, "holds more than the 100 bytes its header declares")
    # case.json has a small limit of its own (caseJSONMaxMB).
    config = tmp_path / "tiny.json"
    config.write_text('{"deployment": {"locale": "en", "caseJSONMaxMB": 1}}')
    big = rebag(bundle, tmp_path, lambda c: {**c, "notes": [{"writtenOn": "2019-08-01", "text": random.Random(13).randbytes(1 << 20).hex()}]}, "bigjson.zip")
    refused_by_both(run, receiver, big, "data/case.json is larger than the 1 MB allowed for it", "--config", str(config))


# --- 6: absurd settings, broken locales, crashes -----------------------------------------

@pytest.mark.parametrize("setting,value,expected", [
    ("inactiveMonths", 1000000, "deployment.inactiveMonths: a whole number from 1 to 120, got 1000000"),
    ("maxCareYears", 100000, "deployment.maxCareYears: a whole number from 1 to 20, got 100000"),
    ("maxCareYears", 9223372036854775807, "deployment.maxCareYears: a whole number from 1 to 20"),
    ("retentionYears", 0, "deployment.retentionYears: a whole number from 1 to 100, got 0"),
    ("bundleMaxEntryMB", 99999999, "deployment.bundleMaxEntryMB: a whole number from 1 to 65536"),
    ("idleLogoutMinutes", 0.01, "deployment.idleLogoutMinutes: minutes from 0.05 to 1440"),
])
def test_settings_out_of_range_are_configuration_errors(run, tmp_path, setting, value, expected):
    config = tmp_path / "absurd.json"
    config.write_text(json.dumps({"deployment": {"locale": "en", setting: value}}))
    result = run("batch", "close", "--rule", "max-duration", "--dry-run", "--config", str(config), "--db", str(tmp_path / "x.sqlite"))
    assert result.returncode == 2 and expected in one_line(result)
    assert "Fatal" not in result.stderr and ".swift" not in result.stderr


def test_a_broken_locale_file_falls_back_with_a_warning(run, env, tmp_path):
    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", resources)
    core = resources / "locales" / "de" / "core.json"
    texts = json.loads(core.read_text())
    texts["report.municipalityHeader"] = "Kommune|VZÄ|Plätze"
    texts["report.title"] = "Bericht {nonsense}"
    core.write_text(json.dumps(texts, ensure_ascii=False))
    db = str(tmp_path / "county.sqlite")
    assert run("import", "legacy", str(FIXTURE), "--db", db).returncode == 0
    result = run("report", "--as-of", "2019-06-30", "--db", db, extra_env={"LOTSE_RESOURCES": str(resources), **GERMAN})
    assert result.returncode == 0, result.stderr
    assert "locales/de/core.json: report.municipalityHeader hat 3 Spalten, in locales/en 6; der Text aus locales/en wird verwendet" in result.stderr
    assert "locales/de/core.json: report.title hat andere Platzhalter als locales/en" in result.stderr
    assert "Municipality" in result.stdout and "Stadt Aalen" in result.stdout


def test_a_crash_prints_one_line_and_keeps_the_backtrace_in_a_private_file(lotse_bin, env, run, tmp_path):
    db = str(tmp_path / "county.sqlite")
    run("case", "list", "--db", db)
    child = pexpect.spawn(lotse_bin, ["--db", db], env=env, cwd=str(tmp_path), encoding="utf-8", timeout=20)
    child.expect(r"lotse>")
    os.kill(child.pid, signal.SIGSEGV)
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 70
    assert "an internal error stopped this command" in output
    assert "Backtrace" not in output and ".swift" not in output and "0x" not in output
    crash = pathlib.Path(env["HOME"]) / ".local" / "share" / "lotse" / "crash.log"
    assert stat.S_IMODE(crash.stat().st_mode) == 0o600
    assert "lotse crashed; backtrace:" in crash.read_text()


# --- 7, 8: verify = import; case.json is checked for meaning ----------------------------

def set_in(path, value):
    def change(case):
        target = case
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return case
    return change


MEANING = [
    ("attachment-size", set_in(["attachments", 0, "size"], -6), "attachments[0].size is -6"),
    ("sender-case", set_in(["sender", "caseId"], -1), "sender.caseId is -1"),
    ("outcome-module", lambda c: {**c, "outcomes": [{"person": "p1", "module": "astrology", "kind": "x", "date": "2019-01-01"}]},
     "outcomes[0]: unknown module \"astrology\""),
    ("outcome-kind", lambda c: {**c, "outcomes": [{"person": "p1", "module": "language", "kind": "fluent", "date": "2019-01-01"}]},
     "module language has no outcome kind \"fluent\""),
    ("question", lambda c: {**c, "answers": [{"questionId": "language.favourite_colour", "value": "blue", "givenAt": "2019-01-01T10:00:00Z"}]},
     "answers[0].questionId names an unknown question"),
    ("given-at", lambda c: {**c, "answers": [{"questionId": "housing.current", "value": "own_flat", "givenAt": "garbage"}]},
     "answers[0].givenAt is \"garbage\""),
    ("status", set_in(["caseFile", "status"], "handed_over"), "caseFile.status is handed_over"),
    ("purpose", set_in(["purpose"], "archive"), "caseFile.status is active, which a archive bundle cannot carry"),
    ("opened-before-waitlisted", lambda c: {**c, "caseFile": {**c["caseFile"], "waitlistedOn": "2017-01-01", "openedOn": "2016-01-01"}},
     "caseFile.openedOn (2016-01-01) lies before caseFile.waitlistedOn (2017-01-01)"),
    ("birth-2099", set_in(["persons", 0, "birthDate"], "2099-01-01"), "persons[0].birthDate (2099-01-01) lies in the future"),
    ("no-person", lambda c: {**c, "persons": [], "answers": [], "outcomes": [], "referrals": [], "consents": [],
                            "agreements": [{**a, "goals": []} for a in c["agreements"]]}, "persons is empty"),
    ("all-case-persons", lambda c: {**c, "persons": [{**p, "isCasePerson": True} for p in c["persons"]]},
     "a family case has no single case person"),
    ("excluded-module", lambda c: {**c, "excludedModules": ["language"],
                                   "outcomes": [{"person": "p1", "module": "language", "kind": "course_enrolled", "date": "2019-01-01"}]},
     "belongs to module language, which excludedModules leaves out"),
    ("duplicate-attachment", lambda c: {**c, "attachments": c["attachments"] * 2}, "attachments[1].ref \"f1\" appears twice"),
    ("duplicate-key", lambda c: json.dumps(c, ensure_ascii=False)[:-1].encode() + b', "receiver": "Stadt Ulm"}',
     "data/case.json: receiver appears twice in one object"),
    ("utf16", lambda c: json.dumps(c).encode("utf-16"), "data/case.json: (document) starts with a byte order mark"),
    ("utf16-no-bom", lambda c: json.dumps(c).encode("utf-16-le"), "data/case.json: (document) is not valid JSON"),
]


@pytest.mark.parametrize("name,change,expected", MEANING, ids=[m[0] for m in MEANING])
def test_meaningless_case_files_are_refused_naming_the_field(run, sender, receiver, tmp_path, name, change, expected):
    bundle = export(run, sender, tmp_path)
    refused_by_both(run, receiver, rebag(bundle, tmp_path, change, f"{name}.zip"), expected)


def test_too_many_persons_are_refused(run, sender, receiver, tmp_path):
    bundle = export(run, sender, tmp_path)
    crowd = lambda c: {**c, "persons": c["persons"] + [{**c["persons"][1], "ref": f"x{i}"} for i in range(40)]}  # noqa: E731
    refused_by_both(run, receiver, rebag(bundle, tmp_path, crowd, "crowd.zip"), "persons holds 44 persons; a case holds at most 30")


def test_bag_info_must_agree_with_case_json(run, sender, receiver, tmp_path):
    bundle = export(run, sender, tmp_path)
    other = rebag(bundle, tmp_path, lambda c: c, "receiver.zip",
                  bag_info=lambda info: info.replace(f"Bundle-Receiver: {RECEIVER}", "Bundle-Receiver: Stadt Ulm"))
    refused_by_both(run, receiver, other, "bag-info.txt and case.json disagree on Bundle-Receiver")


def test_a_second_signature_line_is_refused(run, sender, receiver, tmp_path):
    keys = tmp_path / "keys"
    assert run("keys", "generate", "--out", str(keys), "--name", "aalen").returncode == 0
    signed = export(run, sender, tmp_path, "--sign", str(keys / "aalen.key"))
    items = [(i.filename, d + b"signature: AAAA\n" if i.filename.endswith("signature.ed25519") else d) for i, d in entries(signed)]
    refused_by_both(run, receiver, rezip(tmp_path / "twice.zip", items), "one public-key line and one signature line",
                    "--trusted-keys", str(keys))


# --- 9: a killed archive run leaves no partial files behind ----------------------------

def test_archive_rerun_removes_stale_partial_files(run, tmp_path):
    db = str(tmp_path / "county.sqlite")
    assert run("import", "legacy", str(FIXTURE), "--db", db).returncode == 0
    out = tmp_path / "archive"
    out.mkdir()
    stale = [out / "lotse-archive-case-2.zip.partial-999999", out / "lotse-archive-case-2.zip.partial-999999.Xa1b2c"]
    for path in stale:
        path.write_bytes(b"half a bundle")
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("archive passphrase of the county\n")
    result = run("batch", "archive", "--closed-before", "2030-01-01", "--out", str(out), "--passphrase-file", str(passphrase), "--db", db)
    assert result.returncode == 0, result.stderr
    assert not any(".partial" in p.name for p in out.iterdir()), sorted(p.name for p in out.iterdir())


# --- 10: strict CSV ----------------------------------------------------------------------

def legacy_copy(tmp_path, change):
    folder = tmp_path / "legacy"
    shutil.copytree(FIXTURE, folder)
    persons = folder / "persons.csv"
    persons.write_bytes(change(persons.read_bytes()))
    return folder


@pytest.mark.parametrize("change,expected", [
    (lambda d: d.replace(b"Haddad,Amal", b'Haddad,"Ka"rim', 1), "persons.csv:2: (row): text after the closing quote of a field"),
    (lambda d: d.replace(b"Haddad,Amal", b"Haddad,Am\0al", 1), "persons.csv:2: (row): a field holds a control character"),
    (lambda d: d.replace(b"Haddad,Amal", b"Haddad,Am\x1b[2Jal", 1), "persons.csv:2: (row): a field holds a control character"),
    (lambda d: d.replace(b"Haddad,Amal", b"Haddad," + b"A" * (100 << 10), 1), "persons.csv:2: (row): a field is longer than 64 KB"),
], ids=["text-after-quote", "nul", "escape", "long-field"])
def test_legacy_csv_is_strict(run, tmp_path, change, expected):
    db = str(tmp_path / "county.sqlite")
    result = run("import", "legacy", str(legacy_copy(tmp_path, change)), "--db", db)
    assert result.returncode == 2 and expected in result.stderr, result.stderr
    assert count(db, "person") == 0


def test_crlf_inside_quotes_becomes_lf(run, tmp_path):
    db = str(tmp_path / "county.sqlite")
    folder = legacy_copy(tmp_path, lambda d: d.replace(b"\n", b"\r\n"))
    referrals = folder / "referrals.csv"
    referrals.write_bytes(referrals.read_bytes().replace(b"\n", b"\r\n").replace(b"jobcenter,Leistungsbescheid", b'jobcenter,"Leistungsbescheid\r\nfehlt"', 1))
    result = run("import", "legacy", str(folder), "--db", db)
    assert result.returncode == 0, result.stderr
    problem = sqlite3.connect(db).execute("SELECT problem FROM referral ORDER BY id").fetchone()[0]
    assert problem == "Leistungsbescheid\nfehlt"
    # A name is one line: a line break in one is refused, naming file, line and column.
    folder = legacy_copy(tmp_path / "names", lambda d: d.replace(b"Haddad,Amal", b'Haddad,"Amal\r\nMaria"', 1))
    refused = run("import", "legacy", str(folder), "--db", str(tmp_path / "names.sqlite"))
    assert refused.returncode == 2 and "given_names: holds a line break" in refused.stderr


# --- the handover receipt ------------------------------------------------------------------

def test_receipt_round_trip_and_refusals(run, sender, receiver, tmp_path):
    keys = tmp_path / "keys"
    assert run("keys", "generate", "--out", str(keys), "--name", "aalen").returncode == 0
    assert run("keys", "generate", "--out", str(keys), "--name", "gmuend").returncode == 0
    receiver_config = tmp_path / "receiver.json"
    receiver_config.write_text(json.dumps({"deployment": {"locale": "en", "signingKey": str(keys / "gmuend.key"), "trustedKeysDir": str(keys)}}))
    bundle = export(run, sender, tmp_path, "--sign", str(keys / "aalen.key"))
    # Fourteen days on, the sender's `due` lists the missing receipt.
    due = run("due", "--all", "--on", "2019-09-20", "--days", "0", "--db", sender)
    assert "receipt missing (handover to Stadt Schwäbisch Gmünd)" in due.stdout, due.stdout
    listed = run("handover", "list", "--on", "2019-09-20", "--db", sender)
    assert "MISSING (overdue)" in listed.stdout

    imported = run("handover", "import", str(bundle), "--db", receiver, "--config", str(receiver_config), "--on", "2019-09-03")
    assert imported.returncode == 0, imported.stderr
    receipt = tmp_path / "bundle.receipt.json"
    assert stat.S_IMODE(receipt.stat().st_mode) == 0o600
    document = json.loads(receipt.read_text())
    assert document["receipt"]["bundleSha256"] == hashlib.sha256(bundle.read_bytes()).hexdigest()
    assert document["receipt"]["receiverCaseId"] == 1 and document["signature"]

    def forged(name, change):
        path = tmp_path / name
        path.write_text(json.dumps(change(json.loads(receipt.read_text()))))
        return path

    def refused(path, expected, *args):
        result = run("handover", "confirm", str(path), "--db", sender, "--trusted-keys", str(keys), *args)
        assert result.returncode == 2 and expected in one_line(result), result.stderr
        assert sqlite3.connect(sender).execute("SELECT receiptOn FROM handover").fetchall() == [(None,)]

    tampered = forged("tampered.json", lambda d: {**d, "receipt": {**d["receipt"], "receiverCaseId": 2}})
    refused(tampered, "the signature does not match the receipt")
    unsigned = forged("unsigned.json", lambda d: {"receipt": d["receipt"]})
    refused(unsigned, "it is not signed")
    unknown = forged("unknown.json", lambda d: {"receipt": {**d["receipt"], "bundleId": "not-a-bundle-we-sent"}})
    refused(unknown, "no bundle not-a-bundle-we-sent was sent from here", "--allow-unsigned", "testing")
    checksum = forged("checksum.json", lambda d: {"receipt": {**d["receipt"], "bundleSha256": "0" * 64}})
    refused(checksum, "is not the file sent from here", "--allow-unsigned", "testing")
    duplicate = tmp_path / "duplicate.json"
    duplicate.write_text(receipt.read_text()[:-1] + ', "signature": "x"}')
    refused(duplicate, "signature appears twice in one object")

    confirmed = run("handover", "confirm", str(receipt), "--db", sender, "--trusted-keys", str(keys), "--on", "2019-09-05")
    assert confirmed.returncode == 0, confirmed.stderr
    assert "received the bundle on 2019-09-03" in confirmed.stdout and "signature checked" in confirmed.stdout
    again = run("handover", "confirm", str(receipt), "--db", sender, "--trusted-keys", str(keys))
    assert again.returncode == 0 and "confirmed already" in again.stdout
    listed = run("handover", "list", "--on", "2019-09-20", "--db", sender)
    assert "received 2019-09-05" in listed.stdout and "MISSING" not in listed.stdout
    assert "receipt missing" not in run("due", "--all", "--on", "2019-09-20", "--days", "0", "--db", sender).stdout
    events = sqlite3.connect(sender).execute("SELECT count(*) FROM auditEvent WHERE entity = 'handover' AND field = 'receiptOn'").fetchone()[0]
    assert events == 1
    assert run("audit", "verify", "--db", sender).returncode == 0
