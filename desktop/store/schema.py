"""The schema of a project file and its ordered migrations.

``PRAGMA user_version`` holds the schema version (the number of migrations applied) so any tool can read it;
``PRAGMA application_id`` marks the file as Claimdesk's. sqlite-utils' ``Migrations`` records each applied
migration in ``_sqlite_migrations``.

Released schema versions, each kept as a fixture project in ``tests/fixtures/schema_vN.claimdesk``:

1. ``0001_initial``: documents, tag_types, annotations, history (append-only), settings, documents_fts.
2. ``0002_annotation_ids_never_reused``: annotation ids by AUTOINCREMENT, past every id the history names.

A new migration is appended below (never edit a released one), gets a fixture made with the release that
introduces it, and is tested from every older fixture by ``tests/store/test_migrations.py``.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

APPLICATION_ID = 0x434C4D44  # "CLMD"

migrations = Migrations("claimdesk")


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
            char_count INTEGER NOT NULL CHECK (char_count >= 0),
            outlet TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            original_filename TEXT NOT NULL DEFAULT '',
            encoding TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE tag_types (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            description TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL CHECK (color GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]'),
            key TEXT NOT NULL DEFAULT '' CHECK (length(key) <= 1),
            "order" INTEGER NOT NULL DEFAULT 0,
            fields TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields) AND json_type(fields) = 'array')
        ) STRICT;
        CREATE UNIQUE INDEX tag_types_key ON tag_types(key) WHERE key <> '';

        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            tag_type_id INTEGER NOT NULL REFERENCES tag_types(id),
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            text TEXT NOT NULL CHECK (length(text) = "end" - start),
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            speaker TEXT NOT NULL DEFAULT '',
            target TEXT NOT NULL DEFAULT '',
            stance TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            annotator TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            fields TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields) AND json_type(fields) = 'object'),
            orphan INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1))
        ) STRICT;
        CREATE INDEX annotations_document_start ON annotations(document_id, start);
        CREATE INDEX annotations_tag_type ON annotations(tag_type_id);

        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'reanchor')),
            annotation_id INTEGER,
            document_id INTEGER,
            before TEXT CHECK (before IS NULL OR json_valid(before)),
            after TEXT CHECK (after IS NULL OR json_valid(after))
        ) STRICT;
        CREATE INDEX history_annotation ON history(annotation_id);
        CREATE INDEX history_document ON history(document_id);
        CREATE TRIGGER history_append_only_update BEFORE UPDATE ON history
            BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        CREATE TRIGGER history_append_only_delete BEFORE DELETE ON history
            BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL CHECK (json_valid(value))
        ) STRICT;
        """
    )
    db["documents"].enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True, tokenize="unicode61")


@migrations(name="0002_annotation_ids_never_reused")
def _annotation_ids_never_reused(db: Database) -> None:
    """Annotation ids are never given twice, so history and exports can name an annotation by its id.

    Without AUTOINCREMENT, SQLite hands the id of a deleted newest annotation to the next one. The table is
    rebuilt with AUTOINCREMENT, and the counter starts past every id the table or its history has ever held.
    The index gains the end offset: the window reads a document's spans in (start, end) order.
    """
    columns = [r[1] for r in db.execute("PRAGMA table_info(annotations)")]
    create_sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'annotations'").fetchone()[0]
    new_sql = create_sql.replace("id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,", 1)
    new_sql = new_sql.replace("CREATE TABLE annotations", "CREATE TABLE annotations_new", 1)
    if new_sql == create_sql or "AUTOINCREMENT" not in new_sql:
        raise RuntimeError("unexpected annotations table definition")
    quoted = ", ".join(f'"{c}"' for c in columns)
    db.execute(new_sql)
    db.execute(f"INSERT INTO annotations_new({quoted}) SELECT {quoted} FROM annotations")
    db.execute("DROP TABLE annotations")
    db.execute("ALTER TABLE annotations_new RENAME TO annotations")
    db.execute('CREATE INDEX annotations_document_start ON annotations(document_id, start, "end")')
    db.execute("CREATE INDEX annotations_tag_type ON annotations(tag_type_id)")
    high = db.execute(
        "SELECT max(coalesce((SELECT max(id) FROM annotations), 0),"
        " coalesce((SELECT max(annotation_id) FROM history), 0))"
    ).fetchone()[0]
    db.execute("DELETE FROM sqlite_sequence WHERE name = 'annotations'")
    db.execute("INSERT INTO sqlite_sequence(name, seq) VALUES ('annotations', ?)", [high])


# The schema version this Claimdesk writes. Tests that add a migration use target_version(), which follows them.
SCHEMA_VERSION = len(migrations._migrations)


def target_version() -> int:
    """The schema version after every known migration (the number of migrations)."""
    return len(migrations._migrations)


def current_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def application_id(db: Database) -> int:
    return db.execute("PRAGMA application_id").fetchone()[0]


def pending(db: Database) -> list[str]:
    """Names of the migrations a file still needs (read-only)."""
    return [m.name for m in migrations.pending(db)]


def migrate(db: Database) -> None:
    """Apply every pending migration in one transaction and stamp the version and application id.

    Each migration runs in a savepoint inside that one transaction, so a failure anywhere rolls back all of
    them: the file is left exactly as it was. Every migration must therefore be transactional (no VACUUM).
    """
    todo = migrations.pending(db)
    if any(not m.transactional for m in todo):
        raise RuntimeError("every Claimdesk migration must run inside the upgrade's transaction")
    with db.atomic():
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {target_version()}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
