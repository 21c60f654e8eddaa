"""Handover bundles: round trip, independent tools, and one refusal per kind of bad bundle."""
import hashlib
import json
import pathlib
import shutil
import sqlite3
import subprocess
import zipfile

import bagit
import jsonschema
import pytest

from conftest import GERMAN
from test_report import FIXTURE

ROOT = pathlib.Path(__file__).resolve().parents[2]
RECEIVER = "Stadt Schwäbisch Gmünd"


@pytest.fixture
def sender(run, tmp_path):
    """The fixture county with case 1 ready to hand over: a consent with a scanned form."""
    db = str(tmp_path / "sender.sqlite")
    assert run("import", "legacy", str(FIXTURE), "--db", db).returncode == 0
    form = tmp_path / "Einwilligung Haddad.pdf"
    form.write_bytes(b"%PDF-1.4 signed consent form\n" * 50)
    assert run("consent", "add", "1", "--scope", "handover", "--to", RECEIVER, "--on", "2019-06-01", "--form", str(form), "--db", db).returncode == 0
    assert run("note", "1", "Familie wünscht eine größere Wohnung", "--db", db).returncode == 0
    return db


@pytest.fixture
def receiver(run, tmp_path):
    db = str(tmp_path / "receiver.sqlite")
    assert run("municipality", "add", RECEIVER, "--kind", "city", "--fte", "3", "--db", db).returncode == 0
    return db


def export(run, db, tmp_path, *args, name="bundle.zip"):
    path = tmp_path / name
    result = run("handover", "export", "1", "--to", RECEIVER, "-o", str(path), "--on", "2019-09-01", "--db", db, *args)
    assert result.returncode == 0, result.stderr
    return path


def normalized(detail):
    """A case as `case show --json` prints it, without local ids and what the receiver sets itself."""
    local = {"id", "caseId", "personId", "householdId", "agreementId", "goalId", "attachmentId", "staffId", "storedName", "origin", "sourceRef"}

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in local}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value
    detail = strip(detail)
    for member in detail["members"]:
        member.pop("fromDate")
    return {k: v for k, v in detail.items() if k not in ("caseFile", "municipality", "staff")}


def test_round_trip_keeps_everything(run, sender, receiver, tmp_path):
    before = json.loads(run("case", "show", "1", "--json", "--db", sender).stdout)
    bundle = export(run, sender, tmp_path)
    assert json.loads(run("case", "show", "1", "--json", "--db", sender).stdout)["caseFile"]["status"] == "handed_over"
    imported = run("handover", "import", str(bundle), "--db", receiver, "--on", "2019-09-05")
    assert imported.returncode == 0, imported.stderr
    after = json.loads(run("case", "show", "1", "--json", "--db", receiver).stdout)
    assert normalized(after) == normalized(before)
    assert after["caseFile"]["openedOn"] == "2019-09-05" and after["caseFile"]["origin"] == "Stadt Aalen/1"
    assert all(o["origin"] == "Stadt Aalen/1" for o in after["outcomes"])
    again = run("handover", "import", str(bundle), "--db", receiver)
    assert again.returncode == 2 and "imported already" in again.stderr
    figures = json.loads(run("report", "--as-of", "2019-09-30", "--format", "json", "--db", receiver).stdout)["metrics"]
    assert figures["core.persons_in_care"] == 4 and figures["social.adults_in_clubs"] == 0
    with_origin = json.loads(run("report", "--as-of", "2019-09-30", "--format", "json", "--include-origin", "--db", receiver).stdout)
    assert with_origin["metrics"]["social.adults_in_clubs"] == 2


def test_data_of_a_module_the_receiver_has_not_enabled_is_kept(run, sender, receiver, tmp_path):
    bundle = export(run, sender, tmp_path)
    config = tmp_path / "no-social.json"
    config.write_text('{"modules": [{"id": "language"}, {"id": "work"}, {"id": "school"}, {"id": "housing"}, {"id": "social", "enabled": false}]}')
    assert run("handover", "import", str(bundle), "--db", receiver, "--config", str(config)).returncode == 0
    shown = json.loads(run("case", "show", "1", "--json", "--db", receiver, "--config", str(config)).stdout)
    assert {"club", "holiday_programme"} <= {o["kind"] for o in shown["outcomes"] if o["module"] == "social"}
    assert "social.adults_in_clubs" not in json.loads(run("report", "--as-of", "2019-09-30", "--format", "json", "--include-origin",
                                                          "--db", receiver, "--config", str(config)).stdout)["metrics"]


def test_independent_tools_accept_the_bundle(run, sender, tmp_path):
    bundle = export(run, sender, tmp_path)
    assert subprocess.run(["unzip", "-t", str(bundle)], capture_output=True).returncode == 0
    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(folder)
        names = archive.namelist()
    assert not any("Haddad" in name or "Einwilligung" in name for name in names), "no personal data in entry names"
    (bag_dir,) = list(folder.iterdir())
    bagit.Bag(str(bag_dir)).validate()
    case = json.loads((bag_dir / "data" / "case.json").read_text())
    jsonschema.validate(case, json.loads((ROOT / "resources" / "handover" / "case.schema.json").read_text()))
    summary = (bag_dir / "data" / "summary.txt").read_text()
    assert "Amal Haddad" in summary and "Bezahlbaren Wohnraum finden" in summary and "Petra Maier, Stadt Aalen" in summary
    info = (bag_dir / "bag-info.txt").read_text()
    assert "Bundle-Purpose: handover" in info and "Payload-Oxum: " in info and "Bundle-Receiver: Stadt Schwäbisch Gmünd" in info
    with zipfile.ZipFile(bundle) as archive:
        attachments = [i for i in archive.infolist() if "/data/files/" in i.filename]
    assert attachments and all(i.compress_type == zipfile.ZIP_STORED for i in attachments)


def test_encrypted_and_signed(run, sender, receiver, tmp_path):
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("correct horse battery staple\n")
    keys = tmp_path / "keys"
    assert run("keys", "generate", "--out", str(keys), "--name", "aalen").returncode == 0
    assert oct((keys / "aalen.key").stat().st_mode & 0o777) == "0o600"
    bundle = export(run, sender, tmp_path, "--encrypt", "--passphrase-file", str(passphrase), "--sign", str(keys / "aalen.key"))
    with zipfile.ZipFile(bundle) as archive:
        assert all(info.flag_bits & 0x1 for info in archive.infolist()), "every entry encrypted"
    if shutil.which("7z"):
        assert subprocess.run(["7z", "t", f"-p{passphrase.read_text().strip()}", str(bundle)], capture_output=True).returncode == 0
    unknown = run("handover", "verify", str(bundle), "--passphrase-file", str(passphrase))
    assert unknown.returncode == 2 and "unknown key" in unknown.stderr
    trusted = run("handover", "verify", str(bundle), "--passphrase-file", str(passphrase), "--trusted-keys", str(keys))
    assert trusted.returncode == 0 and "encrypted (AES-256); signed by trusted key" in trusted.stdout
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    refused = run("handover", "import", str(bundle), "--passphrase-file", str(wrong), "--trusted-keys", str(keys), "--db", receiver)
    assert refused.returncode == 2 and "wrong or missing passphrase" in refused.stderr
    assert run("handover", "import", str(bundle), "--passphrase-file", str(passphrase), "--trusted-keys", str(keys), "--db", receiver).returncode == 0


def test_consent_is_required_unless_a_reason_is_given(run, tmp_path):
    db = str(tmp_path / "plain.sqlite")
    assert run("import", "legacy", str(FIXTURE), "--db", db).returncode == 0
    refused = run("handover", "export", "1", "--to", RECEIVER, "-o", str(tmp_path / "x.zip"), "--db", db)
    assert refused.returncode == 1 and "no consent to pass case 1" in refused.stderr
    assert not (tmp_path / "x.zip").exists()
    assert json.loads(run("case", "show", "1", "--json", "--db", db).stdout)["caseFile"]["status"] == "active"
    bundle = export(run, db, tmp_path, "--without-consent", "Gefahr im Verzug, Jugendamt informiert", "--exclude", "social")
    case = json.loads(zipfile.ZipFile(bundle).read(next(n for n in zipfile.ZipFile(bundle).namelist() if n.endswith("case.json"))))
    assert case["withoutConsentReason"].startswith("Gefahr") and case["excludedModules"] == ["social"]
    assert not any(o["module"] == "social" for o in case["outcomes"])
    summary = zipfile.ZipFile(bundle).read(next(n for n in zipfile.ZipFile(bundle).namelist() if n.endswith("summary.txt"))).decode()
    assert "Not handed over (excluded modules): social" in summary  # in the deployment's language
    events = sqlite3.connect(db).execute("SELECT count(*) FROM auditEvent WHERE field = 'handoverWithoutConsent'").fetchone()[0]
    assert events == 1


# --- One malicious or broken bundle per refusal -------------------------------------------

def entries(bundle):
    with zipfile.ZipFile(bundle) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def rezip(path, items):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in items:
            if isinstance(item, tuple) and isinstance(item[0], zipfile.ZipInfo):
                archive.writestr(item[0], item[1])
            else:
                archive.writestr(*item)
    return path


def top(bundle):
    with zipfile.ZipFile(bundle) as archive:
        return archive.namelist()[0].split("/")[0]


def refused(run, receiver, path, expected, *args):
    result = run("handover", "import", str(path), "--db", receiver, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and expected in result.stderr, result.stderr
    assert sqlite3.connect(receiver).execute("SELECT count(*) FROM caseFile").fetchone()[0] == 0
    assert sqlite3.connect(receiver).execute("SELECT count(*) FROM person").fetchone()[0] == 0


def changed(bundle, tmp_path, name, replace=None, drop=False, add=()):
    items = []
    for info, data in entries(bundle):
        if info.filename.endswith(name):
            if drop:
                continue
            data = replace(data) if replace else data
        items.append((info.filename, data))
    return rezip(tmp_path / f"changed-{len(list(tmp_path.iterdir()))}.zip", items + list(add))


def test_refusals(run, sender, receiver, tmp_path):
    bundle = export(run, sender, tmp_path)
    folder = top(bundle)
    refused(run, receiver, changed(bundle, tmp_path, "data/files/f1", replace=lambda d: d + b"x"), "checksum mismatch: data/files/f1")
    refused(run, receiver, changed(bundle, tmp_path, "data/files/f1", drop=True), "data/files/f1 is listed in the manifest but missing")
    refused(run, receiver, changed(bundle, tmp_path, "zzz", add=[(f"{folder}/data/extra.txt", b"hi")]), "data/extra.txt is in the bundle but not in the manifest")
    refused(run, receiver, changed(bundle, tmp_path, "zzz", add=[(f"{folder}/../evil.sh", b"rm -rf /")]), "unsafe entry")
    refused(run, receiver, changed(bundle, tmp_path, "zzz", add=[("/etc/cron.d/evil", b"x")]), "unsafe entry")
    refused(run, receiver, changed(bundle, tmp_path, "zzz", add=[(f"{folder}\\data\\x", b"x")]), "unsafe entry")
    link = zipfile.ZipInfo(f"{folder}/data/link")
    link.external_attr = (0o120777 << 16)
    link.create_system = 3
    refused(run, receiver, changed(bundle, tmp_path, "zzz", add=[(link, b"/etc/passwd")]), "is a symbolic link")
    duplicate = rezip(tmp_path / "dup.zip", [(i.filename, d) for i, d in entries(bundle)] + [(f"{folder}/data/summary.txt", b"again")])
    refused(run, receiver, duplicate, "bundle refused")
    many = rezip(tmp_path / "many.zip", [(i.filename, d) for i, d in entries(bundle)] + [(f"{folder}/data/n{i}", b"") for i in range(10001)])
    refused(run, receiver, many, "at most 10000 are allowed")
    bomb = rezip(tmp_path / "bomb.zip", [(i.filename, d) for i, d in entries(bundle)] + [(f"{folder}/data/zeros", b"\0" * (20 << 20))])
    refused(run, receiver, bomb, "zip bomb")
    raw = bundle.read_bytes()
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(raw[: len(raw) // 2])
    refused(run, receiver, truncated, "truncated or damaged")
    german = run("handover", "verify", str(truncated), extra_env=GERMAN)
    assert "keine lesbare Zip-Datei, abgeschnitten oder beschädigt" in german.stderr and "zip archive" not in german.stderr.lower(), \
        "libzip's English words do not reach a German screen"
    text = tmp_path / "note.zip"
    text.write_text("kein Archiv\n")
    assert "(keine Zip-Datei)" in run("handover", "verify", str(text), extra_env=GERMAN).stderr
    future = changed(bundle, tmp_path, "bag-info.txt", replace=lambda d: d.replace(b"lotse-case/3", b"lotse-case/9"))
    refused(run, receiver, future, "bag-info.txt does not match the tag manifest")  # a changed tag file fails its checksum first
    small = tmp_path / "small.json"
    small.write_text('{"deployment": {"locale": "en", "bundleMaxEntryMB": 1}}')
    big = rezip(tmp_path / "big.zip", [(i.filename, d) for i, d in entries(bundle)] + [(f"{folder}/data/files/f9", bytes(range(256)) * 8000)])
    refused(run, receiver, big, "larger than the 1 MB", "--config", str(small))


def test_unknown_schema_version_and_mixed_encryption(run, sender, receiver, tmp_path):
    bundle = export(run, sender, tmp_path)
    folder = top(bundle)
    items = dict((i.filename, d) for i, d in entries(bundle))
    items[f"{folder}/bag-info.txt"] = items[f"{folder}/bag-info.txt"].replace(b"lotse-case/3", b"lotse-case/9")
    tag_lines = [f"{hashlib.sha256(items[f'{folder}/{n}']).hexdigest()}  {n}" for n in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")]
    items[f"{folder}/tagmanifest-sha256.txt"] = ("\n".join(tag_lines) + "\n").encode()
    refused(run, receiver, rezip(tmp_path / "v9.zip", list(items.items())), 'unknown schema version "lotse-case/9"')
    keys = tmp_path / "keys"
    assert run("keys", "generate", "--out", str(keys), "--name", "aalen").returncode == 0
    connection = sqlite3.connect(sender)
    connection.execute("UPDATE caseFile SET status = 'active' WHERE id = 1")
    connection.commit()
    signed = export(run, sender, tmp_path, "--sign", str(keys / "aalen.key"), name="signed.zip")
    items = dict((i.filename, d) for i, d in entries(signed))
    folder = top(signed)
    items[f"{folder}/bag-info.txt"] = items[f"{folder}/bag-info.txt"].replace(b"Stadt Aalen", b"Stadt Ulm")
    tag_lines = [f"{hashlib.sha256(items[f'{folder}/{n}']).hexdigest()}  {n}" for n in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")]
    items[f"{folder}/tagmanifest-sha256.txt"] = ("\n".join(tag_lines) + "\n").encode()
    refused(run, receiver, rezip(tmp_path / "forged.zip", list(items.items())), "the signature does not match", "--trusted-keys", str(keys))
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("correct horse battery staple\n")
    assert run("case", "reopen", "1", "--db", sender).returncode == 1  # handed over: it stays so
    connection.execute("UPDATE caseFile SET status = 'active' WHERE id = 1")
    connection.commit()
    encrypted = export(run, sender, tmp_path, "--encrypt", "--passphrase-file", str(passphrase), name="enc.zip")
    mixed = tmp_path / "mixed.zip"
    shutil.copy(encrypted, mixed)
    with zipfile.ZipFile(mixed, "a") as archive:
        archive.writestr(f"{top(encrypted)}/data/plain.txt", b"not encrypted")
    refused(run, receiver, mixed, "some entries are encrypted and some are not", "--passphrase-file", str(passphrase))
    refused(run, receiver, bundle, "should be", "--passphrase-file", str(passphrase))


def test_start_of_support_country_and_extension_travel_and_a_version_1_bundle_still_imports(run, sender, receiver, tmp_path):
    assert run("person", "edit", "1", "--country", "sy", "--residence", "Duldung", "--languages", "Arabic, French", "--db", sender).returncode == 0
    assert run("case", "edit", "1", "--extension", "--reason", "Ausbildung", "--on", "2019-08-01", "--db", sender).returncode == 0
    bundle = export(run, sender, tmp_path)
    with zipfile.ZipFile(bundle) as archive:
        bag = next(n for n in archive.namelist() if n.endswith("bag-info.txt"))
        assert "Schema-Version: lotse-case/3" in archive.read(bag).decode()
    assert run("handover", "import", str(bundle), "--db", receiver, "--on", "2019-09-05").returncode == 0
    moved = json.loads(run("case", "show", "1", "--json", "--db", receiver).stdout)
    assert moved["caseFile"]["openedOn"] == "2019-09-05" and moved["caseFile"]["supportSince"] == "2018-03-01", "the clock runs on"
    assert (moved["caseFile"]["extendedOn"], moved["caseFile"]["extensionReason"]) == ("2019-08-01", "Ausbildung")
    amal = next(m["person"] for m in moved["members"] if m["person"]["birthDate"] == "1985-01-01")
    assert (amal["country"], amal["residence"], amal["languageCodes"]) == ("SY", "toleration", "ar,fr"), "coded languages travel (/3)"
    # Its limit (2018-03-01 + 3 + 1 years) is listed by `due` three months ahead.
    due = json.loads(run("due", "--all", "--on", "2021-12-15", "--days", "0", "--json", "--db", receiver).stdout)
    assert {"caseId": 1, "kind": "careEnd", "date": "2022-03-01"} in [{k: d[k] for k in ("caseId", "kind", "date")} for d in due]
    assert not [d for d in json.loads(run("due", "--all", "--on", "2021-11-15", "--days", "0", "--json", "--db", receiver).stdout) if d["kind"] == "careEnd"]

    # For a receiver that has not upgraded: lotse-case/1 without what it cannot carry.
    other = tmp_path / "other.sqlite"
    assert run("municipality", "add", RECEIVER, "--kind", "city", "--fte", "3", "--db", str(other)).returncode == 0
    path = tmp_path / "v1.zip"
    written = run("handover", "export", "1", "--to", RECEIVER, "-o", str(path), "--on", "2019-10-01", "--schema", "1", "--db", receiver)
    assert written.returncode == 0, written.stderr
    assert "lotse-case/1" in written.stdout and "countries of origin" in written.stdout and "the start of support" in written.stdout
    assert "the date and reason of the extension" in written.stdout
    case = json.loads(zipfile.ZipFile(path).read(next(n for n in zipfile.ZipFile(path).namelist() if n.endswith("data/case.json"))))
    assert case["schema"] == "lotse-case/1" and "country" not in json.dumps(case["persons"]) and "supportSince" not in json.dumps(case["caseFile"])
    jsonschema.validate(case, json.loads((ROOT / "resources" / "handover" / "case.schema.json").read_text()))
    assert run("handover", "import", str(path), "--db", str(other), "--on", "2019-10-02").returncode == 0
    old = json.loads(run("case", "show", "1", "--json", "--db", str(other)).stdout)
    assert old["caseFile"]["supportSince"] == "2019-09-05", "a /1 bundle's start is the sender's opening date"
    assert old["caseFile"]["justifiedExtension"] and old["caseFile"].get("extendedOn") is None
    assert all(m["person"].get("country") is None for m in old["members"])



def test_a_version_2_bundle_carries_all_but_the_coded_languages(run, sender, receiver, tmp_path):
    assert run("person", "edit", "1", "--country", "SY", "--languages", "ar", "--db", sender).returncode == 0
    path = tmp_path / "v2.zip"
    written = run("handover", "export", "1", "--to", RECEIVER, "-o", str(path), "--on", "2019-10-01", "--schema", "2", "--db", sender)
    assert written.returncode == 0 and "lotse-case/2" in written.stdout and "languages read" in written.stdout, written.stdout
    case = json.loads(zipfile.ZipFile(path).read(next(n for n in zipfile.ZipFile(path).namelist() if n.endswith("data/case.json"))))
    assert case["schema"] == "lotse-case/2" and "languageCodes" not in json.dumps(case["persons"]) and "SY" in json.dumps(case["persons"])
    jsonschema.validate(case, json.loads((ROOT / "resources" / "handover" / "case.schema.json").read_text()))
    assert run("handover", "import", str(path), "--db", receiver, "--on", "2019-10-02").returncode == 0
    imported = json.loads(run("case", "show", "1", "--json", "--db", receiver).stdout)
    assert all(m["person"].get("languageCodes") is None for m in imported["members"])
    assert any(m["person"].get("country") == "SY" for m in imported["members"])
