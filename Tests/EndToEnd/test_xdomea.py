"""xdomea: a handover as Abgabe.Abgabe.0401 for an office without lotse, read back by
another lotse to the same case, the office's replies 0402/0403, and hostile messages.
Every message is checked with xmllint against the shipped xdomea 3.1.0 schema."""
import json
import re
import subprocess
import zipfile

import pytest

from conftest import GERMAN, ROOT
from test_handover import RECEIVER, normalized, receiver, sender  # noqa: F401 (fixtures)

SCHEMA = ROOT / "resources" / "xdomea" / "xdomea-3.1.0" / "xdomea.xsd"
NS = "urn:xoev-de:xdomea:schema:3.1.0"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def validate(path):
    done = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", str(SCHEMA), str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def export_xdomea(run, db, tmp_path, *args, folder="out"):
    out = tmp_path / folder
    out.mkdir(exist_ok=True)
    result = run("handover", "export", "1", "--to", RECEIVER, "--format", "xdomea", "-o", str(out), "--on", "2019-09-01", "--db", db, *args)
    assert result.returncode == 0, result.stderr
    (package,) = out.glob("*.zip")
    return package


def message_of(package, tmp_path):
    """The package's message, extracted, and its ProzessID."""
    with zipfile.ZipFile(package) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith("_Abgabe.Abgabe.0401.xml")]
        path = tmp_path / name
        path.write_bytes(archive.read(name))
    return path, name.split("_")[0]


def rezip(path, items):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in items:
            archive.writestr(name, data)
    return path


def test_the_package_follows_the_standard_and_holds_the_case_file(run, sender, tmp_path):
    package = export_xdomea(run, sender, tmp_path)
    process = package.name.split("_")[0]
    assert re.fullmatch(UUID + r"_Abgabe\.Abgabe\.0401\.zip", package.name), "{ProzessID}_{Nachricht}.zip"
    assert subprocess.run(["unzip", "-t", str(package)], capture_output=True).returncode == 0
    message, named_process = message_of(package, tmp_path)
    assert named_process == process
    validate(message)
    xml = message.read_text()
    assert f"<xdomea:ProzessID>{process}</xdomea:ProzessID>" in xml and "<code>0401</code>" in xml
    assert "<xdomea:Name>Stadt Aalen</xdomea:Name>" in xml and f"<xdomea:Name>{RECEIVER}</xdomea:Name>" in xml
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        named = re.findall(r"<xdomea:Dateiname>([^<]+)</xdomea:Dateiname>", xml)
        assert named and set(named) <= set(names), "every primary document named in the message is in the zip"
        assert all(re.match(UUID + "_", name) for name in names), "every file name starts with a UUID"
        (pdf,) = [n for n in names if n.endswith("_case-file-1.pdf")]
        (case_json,) = [n for n in names if n.endswith("_case.json")]
        (form,) = [n for n in names if n.endswith("Einwilligung Haddad.pdf")]
        assert archive.read(form).startswith(b"%PDF-1.4 signed consent form")
        case = json.loads(archive.read(case_json))
        (tmp_path / "case-file.pdf").write_bytes(archive.read(pdf))
        listed = archive.read(f"{process}_lotse.sha256").decode()
    assert case["schema"] == "lotse-case/3" and case["bundleId"] == process
    assert all(name in listed for name in names if not name.endswith("_lotse.sha256")), "lotse's list covers every file"
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "case-file.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Amal Haddad" in text and "Bezahlbaren Wohnraum finden" in text and "Conversations" in text
    # A person is a Kontakt; the birth date only where all of it is known.
    assert xml.count("<xdomea:Kontakt>") == len(case["persons"])
    assert xml.count("<xdomea:Geburt>") == sum(1 for p in case["persons"] if not p["birthYearOnly"])
    assert json.loads(run("case", "show", "1", "--json", "--db", sender).stdout)["caseFile"]["status"] == "handed_over"
    assert (package.parent / (package.name[:-4] + ".notice.pdf")).exists()


def test_another_lotse_reads_the_package_to_the_same_case_as_the_bundle(run, sender, receiver, tmp_path):
    before = json.loads(run("case", "show", "1", "--json", "--db", sender).stdout)
    package = export_xdomea(run, sender, tmp_path)
    verified = run("handover", "verify", str(package))
    assert verified.returncode == 0 and "Stadt Aalen" in verified.stdout, verified.stderr
    imported = run("handover", "import", str(package), "--db", receiver, "--on", "2019-09-05")
    assert imported.returncode == 0, imported.stderr
    after = json.loads(run("case", "show", "1", "--json", "--db", receiver).stdout)
    assert normalized(after) == normalized(before)
    assert after["caseFile"]["origin"] == "Stadt Aalen/1" and [a["originalName"] for a in after["attachments"]] == ["Einwilligung Haddad.pdf"]
    again = run("handover", "import", str(package), "--db", receiver)
    assert again.returncode == 2 and "imported already" in again.stderr
    assert run("audit", "verify", "--db", receiver).returncode == 0


def test_signature_follows_the_trusted_keys_rule_and_the_format_refuses_what_it_cannot_do(run, sender, receiver, tmp_path):
    keys = tmp_path / "keys"
    assert run("keys", "generate", "--out", str(keys), "--name", "aalen").returncode == 0
    refused = run("handover", "export", "1", "--to", RECEIVER, "--format", "xdomea", "--encrypt", "--passphrase-file", str(keys / "aalen.pub"), "--db", sender)
    assert refused.returncode == 1 and "xdomea has no encryption" in refused.stderr
    refused = run("handover", "export", "1", "--to", RECEIVER, "--format", "xdomea", "--schema", "2", "--db", sender)
    assert refused.returncode == 1 and "--schema applies to the lotse bundle only" in refused.stderr
    package = export_xdomea(run, sender, tmp_path, "--sign", str(keys / "aalen.key"))
    unknown = run("handover", "verify", str(package))
    assert unknown.returncode == 2 and "unknown key" in unknown.stderr
    assert "signed by trusted key" in run("handover", "verify", str(package), "--trusted-keys", str(keys)).stdout
    with zipfile.ZipFile(package) as archive:
        items = [(i.filename, archive.read(i)) for i in archive.infolist()]
    unsigned = rezip(tmp_path / "unsigned.zip", [(n, d) for n, d in items if not n.endswith("_lotse.ed25519")])
    stripped = run("handover", "import", str(unsigned), "--trusted-keys", str(keys), "--db", receiver)
    assert stripped.returncode == 2 and "unsigned" in stripped.stderr
    tampered = rezip(tmp_path / "tampered.zip", [(n, d + b"x" if n.endswith("Einwilligung Haddad.pdf") else d) for n, d in items])
    assert "checksum mismatch" in run("handover", "verify", str(tampered), "--trusted-keys", str(keys)).stderr
    accepted = run("handover", "import", str(unsigned), "--trusted-keys", str(keys), "--allow-unsigned", "sent by e-mail, checked by phone", "--db", receiver)
    assert accepted.returncode == 0, accepted.stderr


def reply(kind, process, objects=()):
    """A 0402 or 0403 as an office's DMS writes it."""
    name = {"0402": "Abgabe.ImportBestaetigen.0402", "0403": "Abgabe.EmpfangBestaetigen.0403"}[kind]
    body = "".join(f"<xdomea:AbgegebenesObjekt><xdomea:IDSGO>{i}</xdomea:IDSGO><xdomea:Erfolgreich>{int(ok)}</xdomea:Erfolgreich>"
                   + (f"<xdomea:Fehlermeldung>{why}</xdomea:Fehlermeldung>" if why else "") + "</xdomea:AbgegebenesObjekt>" for i, ok, why in objects)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xdomea:{name} xmlns:xdomea="{NS}">
  <xdomea:Kopf>
    <xdomea:ProzessID>{process}</xdomea:ProzessID>
    <xdomea:Nachrichtentyp><code>{kind}</code></xdomea:Nachrichtentyp>
    <xdomea:Erstellungszeitpunkt>2019-09-03T10:00:00</xdomea:Erstellungszeitpunkt>
    <xdomea:Absender><xdomea:Institution><xdomea:Name>{RECEIVER}</xdomea:Name></xdomea:Institution></xdomea:Absender>
    <xdomea:Empfaenger><xdomea:Institution><xdomea:Name>Stadt Aalen</xdomea:Name></xdomea:Institution></xdomea:Empfaenger>
  </xdomea:Kopf>{body}
</xdomea:{name}>
"""


def test_replies_0403_and_0402_confirm_the_handover(run, sender, tmp_path):
    package = export_xdomea(run, sender, tmp_path)
    message, process = message_of(package, tmp_path)
    akte = re.search(r"<xdomea:Akte>\s*<xdomea:Identifikation>\s*<xdomea:ID>([^<]+)</xdomea:ID>", message.read_text()).group(1)
    files = {}
    for label, kind, objects in [("arrived", "0403", ()), ("failed", "0402", [(akte, False, "Aktenplan 4711 unbekannt")]),
                                 ("imported", "0402", [(akte, True, None)]), ("other", "0402", [("0" * 8 + akte[8:], True, None)]),
                                 ("unknown", "0403", ())]:
        path = tmp_path / f"{process if label != 'unknown' else '11111111-2222-4333-8444-555555555555'}_{label}.xml"
        path.write_text(reply(kind, process if label != "unknown" else "11111111-2222-4333-8444-555555555555", objects))
        validate(path)
        files[label] = path

    def confirm(label, *args):
        return run("handover", "confirm", str(files[label]), "--on", "2019-09-03", "--db", sender, *args)

    def receipt_column():
        return run("handover", "list", "--db", sender).stdout.splitlines()[-1]

    assert "confirms that the package arrived" in confirm("arrived").stdout
    assert "arrived on 03.09.2019, import pending" in receipt_column() or "arrived on" in receipt_column()
    failed = confirm("failed")
    assert failed.returncode == 0 and "import failed (xdomea 0402): Aktenplan 4711 unbekannt" in failed.stdout
    assert "import failed" in receipt_column()
    other = confirm("other")
    assert other.returncode == 2 and "reports nothing on the file handed over" in other.stderr
    assert "reports the file imported" in confirm("imported").stdout
    assert "import failed" not in receipt_column()
    assert "confirmed already" in confirm("imported").stdout
    unknown = confirm("unknown")
    assert unknown.returncode == 2 and "11111111-2222-4333-8444-555555555555" in unknown.stderr
    zipped = rezip(tmp_path / f"{process}_Abgabe.ImportBestaetigen.0402.zip", [(files["imported"].name, files["imported"].read_bytes())])
    assert "confirmed already" in run("handover", "confirm", str(zipped), "--db", sender).stdout
    assert run("audit", "verify", "--db", sender).returncode == 0


def test_hostile_and_foreign_messages_are_refused_in_one_line(run, sender, receiver, tmp_path, lotse_bin, env):
    package = export_xdomea(run, sender, tmp_path)
    message, process = message_of(package, tmp_path)
    with zipfile.ZipFile(package) as archive:
        items = [(i.filename, archive.read(i)) for i in archive.infolist()]

    def refused(path, expected, command="verify"):
        args = ("handover", command, str(path)) + (("--db", receiver) if command == "import" else ())
        done = run(*args)
        assert done.returncode == 2 and expected in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr

    # From another system: a 0401 without lotse's list.
    foreign = rezip(tmp_path / f"{process}_foreign.zip", [(n, d) for n, d in items if not n.endswith("_lotse.sha256")])
    refused(foreign, "not written by lotse", "import")
    german = run("handover", "verify", str(foreign), extra_env=GERMAN)
    assert "kommt nicht aus lotse" in german.stderr
    xml = message.read_bytes()

    def with_message(name, data):
        changed = [(n, data if n == message.name else d) for n, d in items]
        listed = "".join(f"{__import__('hashlib').sha256(d).hexdigest()}  {n}\n" for n, d in changed if not n.endswith(("_lotse.sha256", "_lotse.ed25519")))
        return rezip(tmp_path / name, [(n, listed.encode() if n.endswith("_lotse.sha256") else d) for n, d in changed])

    xxe = xml.replace(b'<?xml version="1.0" encoding="UTF-8"?>',
                      b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>').replace(b"<xdomea:Kennzeichen>1<", b"<xdomea:Kennzeichen>&secret;<")
    refused(with_message("xxe.zip", xxe), "document type declaration")
    laughs = b'<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %c "&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;">' % ((ord("b") + i,) + (ord("a") + i,) * 10) for i in range(8)) + b"]>" + xml.split(b"?>", 1)[1]
    refused(with_message("laughs.zip", laughs), "document type declaration")
    refused(with_message("namespace.zip", xml.replace(NS.encode(), b"urn:xoev-de:xdomea:schema:2.4.0")), "does not follow the xdomea 3.1.0 schema")
    refused(with_message("utf16.zip", xml.decode().encode("utf-16")), "not well-formed XML in UTF-8")
    big = xml.replace(b"</xdomea:Kopf>", b"<!--" + b"x" * (50 << 20) + b"--></xdomea:Kopf>")
    refused(with_message("big.zip", big), "larger than the 16 MB allowed")
    # Memory stays bounded: within 200 MB of address space (a 50 MB message read and
    # parsed would need several times that).
    bounded = subprocess.run(["prlimit", f"--as={200 << 20}", lotse_bin, "handover", "verify", str(tmp_path / "big.zip")],
                             capture_output=True, text=True, env=env, cwd=tmp_path)
    assert bounded.returncode == 2 and "larger than the 16 MB allowed" in bounded.stderr, bounded.stderr
    refused(rezip(tmp_path / "nested.zip", [(f"folder/{n}", d) for n, d in items]), "is in a folder")
    # A reply that is not one: the 0401 itself, and a huge file.
    wrong = run("handover", "confirm", str(message), "--db", sender)
    assert wrong.returncode == 2 and "not a reply to a handover" in wrong.stderr
    huge = tmp_path / "huge.xml"
    huge.write_bytes(b"<" + b"x" * (50 << 20))
    assert run("handover", "confirm", str(huge), "--db", sender).returncode != 0
