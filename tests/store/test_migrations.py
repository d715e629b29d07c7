"""Older projects: every released schema's fixture opens and upgrades; an upgrade runs in one transaction after
a backup, and a failed one leaves the file untouched.

Fixtures: ``tests/fixtures/schema_vN.claimdesk`` (made by the release that introduced schema N, see
``make_fixture.py``) with ``schema_vN.json`` listing what it holds. A migration added later is tested from
every older fixture by the harness below; the tests that add a migration of their own (``0002_test_...``) show
the harness at work before the first real one exists.
"""

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.store import Project, ProjectError, ReadOnlyProject, schema
from desktop.store.backups import backups_dir, list_backups

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RELEASED = sorted(FIXTURES.glob("schema_v*.claimdesk"), key=lambda p: int(p.stem.split("_v")[1]))
NEXT = schema.target_version() + 1  # the version a test-only migration upgrades to


def sha(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def pragma(path, name):
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()


def copy_fixture(fixture: Path, tmp_path: Path) -> Path:
    dest = tmp_path / fixture.name
    shutil.copyfile(fixture, dest)
    return dest


def expected(fixture: Path) -> dict:
    return json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))


def assert_holds_fixture_content(p: Project, want: dict):
    docs = {d.id: d for d in p.documents()}
    for d in want["documents"]:
        assert docs[d["id"]].title == d["title"]
        assert p.document(d["id"]).sha256 == d["sha256"] and docs[d["id"]].char_count == d["chars"]
    assert [t.name for t in p.tag_types()] == want["tag_types"]
    got = p.annotations()
    assert [(a.id, a.document_id, a.start, a.end, a.text, a.speaker, a.note, a.fields) for a in got] == [
        (a["id"], a["document_id"], a["start"], a["end"], a["text"], a["speaker"], a["note"], a["fields"])
        for a in want["annotations"]]
    for a in got:
        assert p.document_text(a.document_id)[a.start:a.end] == a.text
    assert [h["action"] for h in p.history()][: len(want["history_actions"])] == want["history_actions"]
    for key, value in want["settings"].items():
        assert p.get_setting(key) == value


def test_a_fixture_exists_for_every_released_schema():
    versions = [int(f.stem.split("_v")[1]) for f in RELEASED]
    assert versions == list(range(1, schema.SCHEMA_VERSION + 1))
    for f in RELEASED:
        assert pragma(f, "user_version") == int(f.stem.split("_v")[1])
        assert pragma(f, "application_id") == schema.APPLICATION_ID


@pytest.mark.parametrize("fixture", RELEASED, ids=[f.stem for f in RELEASED])
def test_every_released_schema_opens_upgraded_with_everything_kept(tmp_path, fixture):
    path = copy_fixture(fixture, tmp_path)
    old = pragma(path, "user_version")
    with Project.open(path) as p:
        assert p.schema_version == schema.target_version() and not p.readonly
        assert p.integrity_ok()
        assert_holds_fixture_content(p, expected(fixture))
        p.create_annotation(2, 1, 0, 7, note="after the upgrade 😀")  # and it takes new work
    kinds = [b.kind for b in list_backups(path)]
    if old < schema.target_version():
        assert "before-upgrade" in kinds
    assert pragma(path, "user_version") == schema.target_version()


def test_the_fixtures_in_the_repository_are_never_written(tmp_path):
    before = {f.name: sha(f) for f in RELEASED}
    for f in RELEASED:
        with Project.open(copy_fixture(f, tmp_path)):
            pass
    assert {f.name: sha(f) for f in RELEASED} == before
    assert not any(backups_dir(f).exists() for f in RELEASED)


# ------------------------------------------------------------------------------------------ the harness at work

def add_migration(monkeypatch, name, fn):
    """Register a migration for one test, as a release would append one to schema.py."""
    m = schema.migrations._Migration(name, fn, True)
    monkeypatch.setattr(schema.migrations, "_migrations", [*schema.migrations._migrations, m])


def _add_confidence(db):
    db.execute("ALTER TABLE annotations ADD COLUMN confidence TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE annotations SET confidence = 'high' WHERE speaker <> ''")


def _fail_halfway(db):
    db.execute("CREATE TABLE half_done (x)")
    db.execute("UPDATE annotations SET note = 'changed by a broken upgrade'")
    raise sqlite3.OperationalError("simulated failure in the middle of an upgrade")


@pytest.fixture
def v1(tmp_path):
    return copy_fixture(FIXTURES / "schema_v1.claimdesk", tmp_path)


def test_upgrade_from_v1_runs_after_a_backup_and_keeps_everything(v1, monkeypatch):
    add_migration(monkeypatch, "0002_test_confidence", _add_confidence)
    assert schema.target_version() == NEXT
    original = sha(v1)
    with Project.open(v1) as p:
        assert p.schema_version == NEXT
        assert_holds_fixture_content(p, expected(FIXTURES / "schema_v1.claimdesk"))
        rows = p.db.execute("SELECT speaker, confidence FROM annotations ORDER BY id").fetchall()
        assert ("Dmitry Peskov", "high") in rows and ("", "") in rows
        assert p.integrity_ok()
    (backup,) = [b for b in list_backups(v1) if b.kind == "before-upgrade"]
    assert backup.path.parent == v1.parent / "schema_v1.backups"
    assert pragma(backup.path, "user_version") == 1 and pragma(backup.path, "integrity_check") == "ok"
    with Project.open(backup.path, readonly=True) as b:  # the backup is the old project, whole
        assert b.annotation_count() == 4
    assert sha(v1) != original


def test_failed_upgrade_leaves_the_file_untouched(v1, monkeypatch):
    add_migration(monkeypatch, "0002_test_confidence", _add_confidence)
    add_migration(monkeypatch, "0003_test_broken", _fail_halfway)
    before = sha(v1)
    with pytest.raises(ProjectError, match="could not be upgraded .*simulated failure.*the file is unchanged"):
        Project.open(v1)
    assert sha(v1) == before  # 0002 succeeded but is rolled back too: one transaction for the whole upgrade
    assert sorted(x.name for x in v1.parent.iterdir()) == ["schema_v1.backups", "schema_v1.claimdesk"]
    assert [b.kind for b in list_backups(v1)] == ["before-upgrade"]
    monkeypatch.setattr(schema.migrations, "_migrations", schema.migrations._migrations[:1])
    with Project.open(v1) as p:  # the release without the broken migration opens it as before
        assert p.schema_version == 1 and p.annotation_count() == 4


def test_no_upgrade_without_a_backup(v1, monkeypatch):
    add_migration(monkeypatch, "0002_test_confidence", _add_confidence)
    backups_dir(v1).write_text("a file where the backups folder should be", encoding="utf-8")
    before = sha(v1)
    with pytest.raises(ProjectError, match="not upgraded, because no backup could be written"):
        Project.open(v1)
    assert sha(v1) == before


def test_read_only_old_project_is_read_through_a_copy_upgraded_in_memory(v1, monkeypatch):
    add_migration(monkeypatch, "0002_test_confidence", _add_confidence)
    before = sha(v1)
    with Project.open(v1, readonly=True) as p:
        assert p.readonly and p.schema_version == NEXT
        assert_holds_fixture_content(p, expected(FIXTURES / "schema_v1.claimdesk"))
        with pytest.raises(ReadOnlyProject):
            p.set_setting("x", 1)
    assert sha(v1) == before and not backups_dir(v1).exists()


def test_an_old_backup_is_upgraded_when_restored(v1, tmp_path, monkeypatch):
    with Project.open(v1) as p:
        old_backup = p.backup_now().path  # schema 1
        p.delete_annotation(1)
    add_migration(monkeypatch, "0002_test_confidence", _add_confidence)
    with Project.open(v1) as p:
        assert p.schema_version == NEXT and p.annotation_count() == 3
        p.restore_backup(old_backup)
        assert p.schema_version == NEXT and p.annotation_count() == 4
        assert p.db.execute("SELECT confidence FROM annotations WHERE id = 1").fetchone() == ("high",)


def test_upgraded_v1_never_reuses_an_id_its_history_names(tmp_path):
    path = copy_fixture(FIXTURES / "schema_v1.claimdesk", tmp_path)
    with Project.open(path) as p:
        ever = p.db.execute("SELECT max(annotation_id) FROM history").fetchone()[0]
        new = p.create_annotation(2, 1, 0, 7)
        assert new.id > ever
