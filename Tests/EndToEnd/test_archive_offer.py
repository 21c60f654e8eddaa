"""Offer before purge: a small simulated county archive reads lotse's offer list (0501),
keeps half and destroys half (0502), reads the hand-over (0503) and confirms its import
(0506); after that the archived and the destroyed cases are gone, the rest untouched, the
audit log clean. Every message lotse writes validates against xdomea 3.1.0 (xmllint)."""
import re
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import pytest

from test_archive import archive
from test_report import county  # noqa: F401 (fixture)
from test_xdomea import NS, SCHEMA, UUID, rezip, validate

X = {"x": NS}
LATER = {"LOTSE_TEST_TODAY": "2029-08-01"}  # both archived fixture cases past ten years


def message(package, tmp_path):
    """The message of a package lotse wrote, validated, with its files listed."""
    assert re.fullmatch(UUID + r"_Aussonderung\.[A-Za-z]+\.05\d\d\.zip", package.name), package.name
    with zipfile.ZipFile(package) as archive_zip:
        names = archive_zip.namelist()
        (name,) = [n for n in names if n.endswith(".xml")]
        assert name == package.name[:-4] + ".xml", "{ProzessID}_{Nachricht}.xml inside {ProzessID}_{Nachricht}.zip"
        path = tmp_path / name
        path.write_bytes(archive_zip.read(name))
    validate(path)
    return ET.parse(path).getroot(), names


def answer(kind, process, body=""):
    """A message from the archive (x-man and the like write the same)."""
    flag = "\n    <xdomea:Empfangsbestaetigung>0</xdomea:Empfangsbestaetigung>" if kind.endswith("0502") else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xdomea:{kind} xmlns:xdomea="{NS}">
  <xdomea:Kopf>
    <xdomea:ProzessID>{process}</xdomea:ProzessID>
    <xdomea:Nachrichtentyp><code>{kind[-4:]}</code></xdomea:Nachrichtentyp>
    <xdomea:Erstellungszeitpunkt>2029-08-01T09:00:00</xdomea:Erstellungszeitpunkt>
    <xdomea:Absender><xdomea:Institution><xdomea:Name>Kreisarchiv Ostalbkreis</xdomea:Name></xdomea:Institution></xdomea:Absender>
    <xdomea:Empfaenger><xdomea:Institution><xdomea:Name>Landratsamt Ostalbkreis</xdomea:Name></xdomea:Institution></xdomea:Empfaenger>{flag}
  </xdomea:Kopf>{body}
</xdomea:{kind}>
"""


def written(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    validate(path)
    return path


@pytest.fixture
def archived(run, county, tmp_path):
    """The fixture county with its two closed cases (2 and 4) archived."""
    passphrase = tmp_path / "archive-pass.txt"
    passphrase.write_text("archive passphrase for the county\n")
    folder = tmp_path / "archive"
    assert archive(run, county, folder, passphrase).returncode == 0
    return county, folder, passphrase


def test_the_archive_keeps_half_and_destroys_half(run, archived, tmp_path):
    db, folder, passphrase = archived
    held = run("batch", "purge", "--dry-run", "--db", db, extra_env=LATER)
    assert "case 4 (closed 2019-01-31) stays: not yet offered" in held.stdout and "would purge 0 cases" in held.stdout
    assert "2 cases past retention never offered to the archive" in run("doctor", "--db", db, extra_env=LATER).stdout, "a county does not silently stop deleting"
    assert "archive: 2 cases past retention never offered" in run("due", "--db", db, extra_env=LATER).stdout

    offered = run("batch", "offer", "-o", str(tmp_path), "--db", db, extra_env=LATER)
    assert offered.returncode == 0 and "offer list" in offered.stdout, offered.stderr
    (offer_zip,) = tmp_path.glob("*_Aussonderung.Anbieteverzeichnis.0501.zip")
    root, _ = message(offer_zip, tmp_path)
    process = root.find("x:Kopf/x:ProzessID", X).text
    akten = {a.find("x:AllgemeineMetadaten/x:Kennzeichen", X).text: a for a in root.iterfind("x:Schriftgutobjekt/x:Akte", X)}
    assert sorted(akten) == ["2", "4"]
    assert "Amal" not in offer_zip.read_bytes().decode("latin-1") and not root.findall(".//x:Kontakt", X), "no names unless asked for"
    assert akten["4"].find("x:ArchivspezifischeMetadaten/x:Aufbewahrungsende", X).text == "2029-01-31"
    assert "Moved away" in akten["4"].find("x:AllgemeineMetadaten/x:Bemerkung", X).text
    again = run("batch", "offer", "-o", str(tmp_path / "again"), "--db", db, extra_env=LATER)
    assert again.returncode == 0 and "no case to offer" in again.stdout
    waiting = run("batch", "purge", "--dry-run", "--db", db, extra_env=LATER)
    assert "offered to the archive; it may answer until 2030-02-01" in waiting.stdout

    # The archive: receipt of the offer, then its appraisal: case 4 of lasting value, case 2 not.
    receipt = written(tmp_path, "0504.xml", answer("Aussonderung.AnbietungEmpfangBestaetigen.0504", process))
    assert "offer list arrived (2 cases)" in run("batch", "confirm", str(receipt), "--db", db, extra_env=LATER).stdout
    keep, drop = (akten[n].find("x:Identifikation/x:ID", X).text for n in ("4", "2"))
    decisions = "".join(f"""
  <xdomea:BewertetesObjekt><xdomea:ID>{i}</xdomea:ID><xdomea:Aussonderungsart><xdomea:Aussonderungsart listURI="urn:xoev-de:xdomea:codeliste:aussonderungsart" listVersionID="1.0"><code>{c}</code></xdomea:Aussonderungsart></xdomea:Aussonderungsart></xdomea:BewertetesObjekt>"""
                        for i, c in ((keep, "A"), (drop, "V")))
    appraisal = written(tmp_path, f"{process}_Aussonderung.Bewertungsverzeichnis.0502.xml", answer("Aussonderung.Bewertungsverzeichnis.0502", process, decisions))
    out = tmp_path / "replies"
    out.mkdir()
    recorded = run("batch", "appraisal", str(appraisal), "-o", str(out), "--db", db, extra_env=LATER)
    assert recorded.returncode == 0 and "1 case to archive, 1 case to destroy" in recorded.stdout, recorded.stderr
    (confirmation,) = out.glob("*_Aussonderung.BewertungEmpfangBestaetigen.0505.zip")
    assert message(confirmation, tmp_path)[0].find("x:Kopf/x:ProzessID", X).text == process
    dry = run("batch", "purge", "--dry-run", "--db", db, extra_env=LATER)
    assert "would purge case 2" in dry.stdout and "not of lasting value" in dry.stdout
    assert "case 4 (closed 2019-01-31) stays: the archive takes it" in dry.stdout

    # The hand-over: case 4 in full, from its archive bundle.
    handed = run("batch", "handoff", "-o", str(out), "--archive", str(folder), "--passphrase-file", str(passphrase), "--db", db, extra_env=LATER)
    assert handed.returncode == 0 and "hand-over to the archive" in handed.stdout, handed.stderr
    (handoff_zip,) = out.glob("*_Aussonderung.Aussonderung.0503.zip")
    root, names = message(handoff_zip, tmp_path)
    (akte,) = root.iterfind("x:Schriftgutobjekt/x:Akte", X)
    assert akte.find("x:Identifikation/x:ID", X).text == keep
    named = [d.text for d in akte.iterfind(".//x:Primaerdokument/x:Dateiname", X)]
    assert named and set(named) <= set(names), "every primary document is in the zip"
    assert all(re.match(UUID + "_", n) for n in names)
    assert any(k.find("x:Name/x:Familienname/x:Name", X) is not None for k in akte.iterfind("x:Kontakt", X)), "the full record: names too"
    with zipfile.ZipFile(handoff_zip) as package:
        (pdf,) = [n for n in names if n.endswith(".pdf")]
        (tmp_path / "case4.pdf").write_bytes(package.read(pdf))
    text = subprocess.run(["pdftotext", str(tmp_path / "case4.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Case 4" in text and "Persons" in text
    assert "no case to hand over" in run("batch", "handoff", "-o", str(out), "--archive", str(folder), "--passphrase-file", str(passphrase),
                                         "--db", db, extra_env=LATER).stdout

    # The archive's import confirmation: case 4 is the archive's now, and goes here.
    imported = written(tmp_path, "0506.xml", answer("Aussonderung.AussonderungImportBestaetigen.0506", process, f"""
  <xdomea:AusgesondertesSGO><xdomea:IDSGO>{keep}</xdomea:IDSGO><xdomea:Erfolgreich>1</xdomea:Erfolgreich><xdomea:Archivkennung>KrA OAK B 17/4</xdomea:Archivkennung></xdomea:AusgesondertesSGO>"""))
    confirmed = run("batch", "confirm", str(imported), "--archive", str(folder), "--db", db, extra_env=LATER)
    assert confirmed.returncode == 0 and "the archive took 1 case; deleted here: 4" in confirmed.stdout, confirmed.stderr
    again = run("batch", "confirm", str(imported), "--archive", str(folder), "--db", db, extra_env=LATER)
    assert again.returncode == 0 and "recorded before; nothing changed" in again.stdout, "read again after an interrupted run"
    purged = run("batch", "purge", "--confirm", "--archive", str(folder), "--db", db, extra_env=LATER)
    assert purged.returncode == 0 and "1 case purged" in purged.stdout, purged.stderr

    connection = sqlite3.connect(db)
    assert connection.execute("SELECT count(*) FROM caseFile WHERE id IN (2, 4)").fetchone()[0] == 0
    assert connection.execute("SELECT count(*) FROM caseFile").fetchone()[0] > 0, "the other cases are untouched"
    assert connection.execute("SELECT caseRef, archiveRef FROM purgeLog ORDER BY caseRef").fetchall() == [("case 2", None), ("case 4", "KrA OAK B 17/4")]
    assert not list(folder.glob("lotse-archive-case-*.zip"))
    assert run("audit", "verify", "--db", db).returncode == 0

    # Refusals: each one line, nothing changed.
    def refused(command, path, expected):
        done = run("batch", command, str(path), "--db", db, extra_env=LATER)
        assert done.returncode == 2 and expected in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    refused("appraisal", appraisal, "case 4 is deleted already")
    stranger = "11111111-2222-4333-8444-555555555555"
    refused("appraisal", written(tmp_path, "stranger.xml", answer("Aussonderung.Bewertungsverzeichnis.0502", stranger, decisions)), f"never sent ProzessID {stranger}")
    other = decisions.replace(keep, stranger)
    refused("appraisal", written(tmp_path, "other.xml", answer("Aussonderung.Bewertungsverzeichnis.0502", process, other)), f"object {stranger} was not offered")
    hostile = tmp_path / "hostile.xml"
    hostile.write_text(answer("Aussonderung.Bewertungsverzeichnis.0502", process, decisions).replace(
        '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'))
    refused("appraisal", hostile, "document type declaration")
    huge = tmp_path / "huge.xml"
    huge.write_bytes(b"<" + b"x" * (50 << 20))
    too_large = run("batch", "appraisal", str(huge), "--db", db, extra_env=LATER)
    assert too_large.returncode == 1 and "is too large (more than 16 MB)" in too_large.stderr, "read no further than the cap"
    refused("confirm", offer_zip, "not a reply")
    wrong = tmp_path / "wrong.xml"
    wrong.write_text(answer("Aussonderung.Bewertungsverzeichnis.0502", process, decisions).replace(NS, "urn:example:other"))
    refused("appraisal", wrong, "does not follow the xdomea 3.1.0 schema")


def test_a_refused_case_stays_and_an_unanswered_offer_may_go_after_the_deadline(run, archived, tmp_path):
    db, folder, passphrase = archived
    assert run("batch", "offer", "-o", str(tmp_path), "--db", db, extra_env=LATER).returncode == 0
    (offer_zip,) = tmp_path.glob("*.0501.zip")
    root, _ = message(offer_zip, tmp_path)
    process = root.find("x:Kopf/x:ProzessID", X).text
    ids = {a.find("x:AllgemeineMetadaten/x:Kennzeichen", X).text: a.find("x:Identifikation/x:ID", X).text for a in root.iterfind(".//x:Akte", X)}
    body = f"""
  <xdomea:BewertetesObjekt><xdomea:ID>{ids["4"]}</xdomea:ID><xdomea:Aussonderungsart><xdomea:Aussonderungsart listURI="urn:xoev-de:xdomea:codeliste:aussonderungsart" listVersionID="1.0"><code>A</code></xdomea:Aussonderungsart></xdomea:Aussonderungsart></xdomea:BewertetesObjekt>"""
    zipped = rezip(tmp_path / f"{process}_Aussonderung.Bewertungsverzeichnis.0502.zip",
                   [(f"{process}_Aussonderung.Bewertungsverzeichnis.0502.xml", answer("Aussonderung.Bewertungsverzeichnis.0502", process, body))])
    assert run("batch", "appraisal", str(zipped), "-o", str(tmp_path), "--db", db, extra_env=LATER).returncode == 0
    assert run("batch", "handoff", "-o", str(tmp_path), "--archive", str(folder), "--passphrase-file", str(passphrase), "--db", db, extra_env=LATER).returncode == 0
    failed = written(tmp_path, "0506.xml", answer("Aussonderung.AussonderungImportBestaetigen.0506", process, f"""
  <xdomea:AusgesondertesSGO><xdomea:IDSGO>{ids["4"]}</xdomea:IDSGO><xdomea:Erfolgreich>0</xdomea:Erfolgreich><xdomea:Fehlermeldung>PDF nicht lesbar</xdomea:Fehlermeldung></xdomea:AusgesondertesSGO>"""))
    done = run("batch", "confirm", str(failed), "--db", db, extra_env=LATER)
    assert "the archive did not take case 4: PDF nicht lesbar; it stays here" in done.stdout
    assert sqlite3.connect(db).execute("SELECT count(*) FROM caseFile WHERE id = 4").fetchone()[0] == 1
    # Case 2 was not answered: after archiveAnswerMonths (6) it may go, case 4 stays with the archive.
    late = run("batch", "purge", "--dry-run", "--db", db, extra_env={"LOTSE_TEST_TODAY": "2030-03-01"}, )
    assert "would purge case 2" in late.stdout and "did not answer within 6 months" in late.stdout
    assert "case 4 (closed 2019-01-31) stays: the archive takes it" in late.stdout
    assert "1 case offered, the archive did not answer within 6 months" in run("doctor", "--db", db, extra_env={"LOTSE_TEST_TODAY": "2030-03-01"}).stdout
    assert run("audit", "verify", "--db", db).returncode == 0


def test_names_only_when_the_county_asks_and_nothing_to_offer_while_the_offer_is_off(run, archived, tmp_path):
    db, folder, passphrase = archived
    names = tmp_path / "names.json"
    names.write_text('{"deployment": {"locale": "en", "archiveOfferNames": true}, "organisation": {"archive": "Kreisarchiv Ostalbkreis"}}')
    refused = run("batch", "offer", "-o", str(tmp_path), "--config", str(names), "--db", db, extra_env=LATER)
    assert refused.returncode == 1 and "archiveOfferNames asks for names" in refused.stderr and not list(tmp_path.glob("*.zip"))
    named = run("batch", "offer", "-o", str(tmp_path), "--archive", str(folder), "--passphrase-file", str(passphrase), "--config", str(names),
                "--db", db, extra_env=LATER)
    assert named.returncode == 0, named.stderr
    (offer_zip,) = tmp_path.glob("*.0501.zip")
    root, _ = message(offer_zip, tmp_path)
    assert root.find("x:Kopf/x:Empfaenger/x:Institution/x:Name", X).text == "Kreisarchiv Ostalbkreis"
    families = {k.find("x:Name/x:Familienname/x:Name", X).text for k in root.iterfind(".//x:Akte/x:Kontakt", X)}
    assert families and None not in families
    off = tmp_path / "off.json"
    off.write_text('{"deployment": {"locale": "en", "archiveOffer": false}}')
    assert "offering to the archive is turned off" in run("batch", "offer", "-o", str(tmp_path), "--config", str(off), "--db", db, extra_env=LATER).stderr
