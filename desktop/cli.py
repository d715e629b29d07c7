"""The ``claimdesk`` command line. It imports Qt only to open the window."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import re
import stat
import sqlite3
import sys
from pathlib import Path

from desktop import __version__
from desktop.domain.model import ClaimdeskError
from desktop.domain.text import os_text

COMMANDS = ("import", "tag", "suggest", "export", "info", "history", "backup", "restore", "bench")

DESCRIPTION = """\
Claimdesk: mark quotes, claims and legitimacy assertions in news articles.

  claimdesk                          open the window on the last project (the first time: a sample project)
  claimdesk PROJECT [FILE...]        open PROJECT in the window, importing FILEs first
  claimdesk import PROJECT FILE...   import articles (creates PROJECT if missing)
  claimdesk tag PROJECT DOC TYPE ... tag a span by its exact text or its offsets
  claimdesk suggest PROJECT          suggested quotes, claims and legitimacy assertions (offline)
  claimdesk export PROJECT -o OUT    export annotations (CSV by default)
  claimdesk info PROJECT             documents and counts per tag type
  claimdesk history PROJECT          every change made to annotations
  claimdesk backup PROJECT [-o COPY] back up the project (or write a complete copy to COPY)
  claimdesk restore PROJECT [BACKUP] list the project's backups, or restore one (by number or path)
  claimdesk bench                    measure speed on large generated projects

Run 'claimdesk COMMAND --help' for a command's options. Exit status: 0 success, 1 error, 2 usage error.
"""


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("counts from 1")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimdesk", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"claimdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import articles into a project (created if missing)",
                       description="Import articles (text, HTML, Word, PDF, annotated exchange files) or whole "
                                   "folders of them (searched recursively); prints ID<TAB>TITLE for each new "
                                   "document.")
    p.add_argument("project", type=Path)
    p.add_argument("files", type=Path, nargs="+", metavar="FILE", help="a file or a folder")
    p.add_argument("--annotator", default=None, metavar="NAME",
                   help="annotated files (brat, REFI-QDA, JSON Lines, CSV, W3C): their annotations are NAME's")

    p = sub.add_parser("tag", help="tag a span of a document",
                       description="Tag a span by its exact text (--text) or its code-point offsets; prints the "
                                   "new annotation's id.")
    p.add_argument("project", type=Path)
    p.add_argument("document_id", type=int, metavar="DOC_ID")
    p.add_argument("tag_type", metavar="TYPE", help="a tag type's name (any case) or its key, e.g. Quote or 1")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--text", help="the exact text to tag")
    where.add_argument("--start", type=int, help="start offset in code points (with --end)")
    p.add_argument("--end", type=int, help="end offset in code points, exclusive")
    p.add_argument("--occurrence", type=_positive, default=1, help="which occurrence of --text (default 1)")
    for name in ("speaker", "target", "stance", "note"):
        p.add_argument(f"--{name}", default="")
    p.add_argument("--annotator", default=None, help="who made the annotation (default: the project's analyst)")

    p = sub.add_parser("suggest", help="suggest quotes, claims and legitimacy assertions",
                       description="List the spans Claimdesk suggests (found offline by rules: quotation marks, "
                                   "reporting verbs, the legitimacy lexicon), with speaker, target and stance; "
                                   "--accept-all TYPE tags every suggestion of that type (the tagging rules apply).")
    p.add_argument("project", type=Path)
    p.add_argument("--doc", type=int, default=None, metavar="ID", help="only this document")
    p.add_argument("--format", dest="fmt", choices=("table", "json"), default="table")
    p.add_argument("--accept-all", default=None, metavar="TYPE", help="tag every suggestion of this type")
    p.add_argument("--annotator", default=None, help="who accepts (default: the project's analyst)")

    p = sub.add_parser("export", help="export annotations",
                       description="Export annotations. The format follows OUT's extension unless --format is given.")
    p.add_argument("project", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    p.add_argument("--format", dest="fmt", default=None)
    p.add_argument("--doc", type=int, default=None, metavar="ID", help="only this document")
    p.add_argument("--raw", action="store_true",
                   help="CSV: write cells untouched (no apostrophe before =, +, -, @); for scripts, not spreadsheets")

    p = sub.add_parser("info", help="documents and counts per tag type")
    p.add_argument("project", type=Path)

    p = sub.add_parser("history", help="list every change made to annotations")
    p.add_argument("project", type=Path)
    p.add_argument("--doc", type=int, default=None, metavar="ID", help="only this document")

    p = sub.add_parser("backup", help="back up a project, or write a copy of it",
                       description="Write a backup into the project's backups folder (PROJECT.backups next to "
                                   "it), or with -o a complete copy to COPY; prints the file written. Works "
                                   "while the project is open in the window.")
    p.add_argument("project", type=Path)
    p.add_argument("-o", "--output", type=Path, default=None, metavar="COPY")
    p.add_argument("--replace", action="store_true",
                   help="replace an existing COPY (a project there is backed up first, into its own backups)")

    p = sub.add_parser("restore", help="list a project's backups, or restore one",
                       description="Without BACKUP, list the backups, newest first. With BACKUP (a number from "
                                   "that list, or a file), replace the project with it; the current state is "
                                   "kept as a backup first. The project must not be open in a window.")
    p.add_argument("project", type=Path)
    p.add_argument("backup", nargs="?", default=None, metavar="BACKUP")

    p = sub.add_parser("bench", help="measure speed on large generated projects",
                       description="Generate a large project in a temporary folder, measure, and print one line "
                                   "per figure: 'name: value unit (target ..., baseline ...)'.")
    p.add_argument("--make-project", type=Path, default=None, metavar="PATH",
                   help="only write a large project to PATH (to try it in the window)")
    p.add_argument("--docs", type=int, default=1000, help="documents (default 1000)")
    p.add_argument("--annotations", type=int, default=100_000,
                   help="annotations in all, a tenth of them in the big document (default 100000)")
    p.add_argument("--big-chars", type=int, default=1_000_000, metavar="N",
                   help="characters of the one book-length document (default 1000000)")
    p.add_argument("--tags", type=int, default=100, metavar="N", help="tags to time (default 100)")
    p.add_argument("--no-window", action="store_true", help="only the store and export figures, no widgets")
    return parser


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimdesk", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"claimdesk {__version__}")
    parser.add_argument("project", type=Path, nargs="?", help="the project file (.claimdesk)")
    parser.add_argument("files", type=Path, nargs="*", metavar="FILE", help="articles to import first")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    if first in COMMANDS or (argv and argv[0] in ("-h", "--help")):
        parser = _parser()
        args = parser.parse_args(argv)
        if args.command == "tag" and args.text is None and args.end is None:
            parser.error("--start needs --end")
    else:
        parser = _open_parser()
        args = parser.parse_args(argv)
        args.command = None
        if args.project is not None and not args.project.exists() and args.project.suffix.lower() != ".claimdesk":
            parser.error(f"{args.project} is neither a command nor a project (projects end in .claimdesk); "
                         "see claimdesk --help")
    try:
        for name in ("document_id", "doc"):
            number = getattr(args, name, None)
            if isinstance(number, int) and not -SQLITE_MAX_INT <= number <= SQLITE_MAX_INT:
                return _fail(f"no document with id {number}")
        for name in ("text", "speaker", "target", "stance", "note", "annotator", "tag_type"):
            if isinstance(getattr(args, name, None), str):
                setattr(args, name, os_text(getattr(args, name)))
        if getattr(args, "project", None) is not None:
            _check_project_path(args.project)
        if args.command is None:
            return _open_window(args.project, args.files)
        return COMMAND_FUNCS[args.command](args)
    except BrokenPipeError:  # output piped into a program that stopped reading (e.g. head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ClaimdeskError as exc:
        return _fail(str(exc))
    except (OSError, sqlite3.Error) as exc:
        return _fail(_os_message(exc))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # anything else: one line here, the whole story in the log
        return _fail(_logged(exc))


SQLITE_MAX_INT = 2**63 - 1


def _check_project_path(path: Path) -> None:
    """Refuse, before anything opens it, a project path that is not a regular file (a FIFO would hang every
    read), a link to nothing, or a loop of links."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.lexists(path):
            raise ClaimdeskError(f"{path} is a link to a file that does not exist") from None
        return  # a new project
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ClaimdeskError(f"{path} is a loop of symbolic links") from None
        raise
    if not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise ClaimdeskError(f"{path} is {kind}, not a Claimdesk project")


def _logged(exc: BaseException) -> str:
    """Write the traceback to the log file in the data folder; the line naming the error and the log."""
    import traceback
    from datetime import datetime, timezone

    from desktop.ops.appfolder import data_dir

    summary = f"unexpected {exc.__class__.__name__}: {_safe(str(exc))[:200]}"
    log = data_dir() / "claimdesk-errors.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", errors="replace") as f:
            f.write(f"--- {datetime.now(timezone.utc).isoformat()} claimdesk {' '.join(map(_safe, sys.argv[1:]))}\n")
            f.write("".join(traceback.format_exception(exc)))
    except OSError:
        return f"{summary} (the details could not be written to {log})"
    return f"{summary} (details in {log})"


def _safe(text: str) -> str:
    """Text that any terminal encoding can print (undecodable bytes of file names and arguments shown as \\xNN)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def gui_main() -> int:
    return main()


def _fail(message: str) -> int:
    print(f"claimdesk: error: {_safe(message)}", file=sys.stderr)
    return 1


def _os_message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename:
        if exc.filename.endswith(".part") and exc.errno == errno.ENOENT:
            return f"the folder {Path(exc.filename).parent} does not exist"
        return f"{exc.strerror or exc} ({exc.filename})"
    text = str(exc)
    decode = re.match(r"Could not decode to UTF-8 column '(\w+)'", text)
    if decode:  # a damaged byte inside a stored text: name the column, never print the text itself
        return (f"a {decode[1]} stored in the project is damaged (not valid UTF-8); restore a backup "
                "('claimdesk restore PROJECT' lists them)")
    return text if len(text) <= 300 else text[:300] + "\u2026"


def _project(path: Path, create: bool = False, readonly: bool = False, write: bool = False):
    """Open a project; ``write`` refuses at once (exit 1) when it is read-only or open elsewhere for writing."""
    from desktop.store import Project

    return Project.open(path, create=create, readonly=readonly, require_write=write, backup=not write)


def cmd_import(args) -> int:
    from desktop.ops.imports import import_one

    failures = imported = 0
    new_project = not os.path.lexists(args.project)
    with _project(args.project, create=True, write=True) as project:
        for path in args.files:
            if path.is_dir():
                from desktop.formats.exchange import ANNOTATOR_OVERRIDE

                token = ANNOTATOR_OVERRIDE.set(args.annotator)
                try:
                    failures += _import_folder(project, path)
                finally:
                    ANNOTATOR_OVERRIDE.reset(token)
                continue
            outcome = import_one(project, path, annotator=args.annotator)
            imported += outcome.status == "imported"
            if outcome.status == "skipped":
                print(f"claimdesk: skipped: {outcome.reason}", file=sys.stderr)
            elif outcome.status == "failed":
                print(f"claimdesk: error: {_safe(outcome.reason)}", file=sys.stderr)
                failures += 1
            for doc in outcome.documents:
                print(f"{doc.id}\t{doc.title}")
            if outcome.annotations:
                print(f"claimdesk: {outcome.annotations} annotation(s) imported from {path.name}", file=sys.stderr)
            elif outcome.status == "imported" and not outcome.documents:
                print(f"claimdesk: {path.name}: tag types imported into the codebook", file=sys.stderr)
            for problem in outcome.problems:
                print(f"claimdesk: warning: {_safe(problem)}", file=sys.stderr)
        empty = new_project and not imported and project.document_count() == 0
    if empty:  # nothing came in: the refused command leaves no empty project behind
        _remove_new_project(args.project)
    return 1 if failures else 0


def _remove_new_project(path: Path) -> None:
    import shutil

    for side in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + ".lock")):
        with contextlib.suppress(OSError):
            side.unlink()
    backups = path.with_name(path.stem + ".backups")
    if backups.is_dir() and not backups.is_symlink():
        shutil.rmtree(backups, ignore_errors=True)


def _import_folder(project, folder: Path) -> int:
    """Import every article under a folder; prints like single files, then a summary. Returns the failures."""
    from desktop.formats.folder import import_folder

    report = import_folder(project, folder)
    for doc in report.imported:
        print(f"{doc.id}\t{doc.title}")
    for entry in report.skipped:
        print(f"claimdesk: skipped: {entry.reason}", file=sys.stderr)
    for problem in report.problems:
        print(f"claimdesk: warning: {problem}", file=sys.stderr)
    for entry in report.failed:
        print(f"claimdesk: error: {entry.reason}", file=sys.stderr)
    print(f"claimdesk: {folder}: {report.summary()}", file=sys.stderr)
    return len(report.failed)


def cmd_tag(args) -> int:
    from desktop.domain.text import find_occurrence
    from desktop.ops import annotations as ops
    from desktop.ops.appfolder import analyst_name

    with _project(args.project, write=True) as project:
        if args.annotator is None:
            project.annotator = project.get_setting("annotator", "") or analyst_name()
        else:
            project.annotator = args.annotator
        tag_type = project.find_tag_type(args.tag_type)
        text = project.document_text(args.document_id)
        if args.text is not None:
            start, end = find_occurrence(text, args.text, args.occurrence)
        else:
            if args.end is None:
                raise ClaimdeskError("--start needs --end")
            start, end = args.start, args.end
        values = {k: getattr(args, k) for k in ("speaker", "target", "stance", "note") if getattr(args, k)}
        changes = ops.tag(project, args.document_id, tag_type.id, start, end, values)
        if changes.notice:
            print(f"claimdesk: {changes.notice.replace(chr(0x2014), '-')}: annotation {changes.selected}",
                  file=sys.stderr)
        print(changes.selected)
    return 0


def cmd_suggest(args) -> int:
    import json

    from desktop.ops.appfolder import analyst_name
    from desktop.ops.suggestions import accept_all, suggestions_for

    write = args.accept_all is not None
    with _project(args.project, readonly=not write, write=write) as project:
        doc_ids = [args.doc] if args.doc is not None else [d.id for d in project.documents()]
        if write:
            project.annotator = args.annotator or project.get_setting("annotator", "") or analyst_name()
            added = 0
            for doc_id in doc_ids:
                added += len(accept_all(project, doc_id, args.accept_all).added)
            print(f"claimdesk: {added} suggestion(s) tagged as {project.find_tag_type(args.accept_all).name}",
                  file=sys.stderr)
            return 0
        found = [(doc_id, s) for doc_id in doc_ids for s in suggestions_for(project, doc_id)]
    if args.fmt == "json":
        keys = ("type", "start", "end", "text", "speaker", "target", "stance", "score")
        print(json.dumps([{"document_id": d, **{k: getattr(s, k) for k in keys}} for d, s in found],
                         ensure_ascii=False, indent=1))
    else:
        for d, s in found:
            print("\t".join([str(d), s.type, f"{s.start}-{s.end}", s.speaker or "-", s.target or "-",
                             s.stance or "-", f"{s.score:.2f}", s.text.replace("\n", " ")[:80]]))
    return 0


def cmd_export(args) -> int:
    from desktop.formats.exporting import export

    with _project(args.project, readonly=True) as project:
        if args.doc is not None:
            project.document(args.doc)
        count = export(project, args.output, args.fmt, document_id=args.doc, raw=args.raw)
    what = "the codebook" if args.output.suffix.lower() == ".qdc" or args.fmt == "qdc" else f"{count} annotation(s)"
    print(f"{what} written to {args.output}", file=sys.stderr)
    return 0


def cmd_info(args) -> int:
    with _project(args.project, readonly=True) as project:
        docs = project.documents()
        print(f"Project: {args.project}")
        print(f"Documents: {len(docs)}")
        for d in docs:
            print(f"  {d.id}\t{d.title}\t{d.char_count} characters\t{d.annotation_count} annotation(s)")
        counts = project.counts_by_type()
        print(f"Annotations: {sum(counts.values())}")
        for name, n in counts.items():
            print(f"  {name}\t{n}")
    return 0


def cmd_history(args) -> int:
    with _project(args.project, readonly=True) as project:
        if args.doc is not None:
            project.document(args.doc)
        for h in project.history(document_id=args.doc):
            image = h["after"] or h["before"] or {}
            if h["annotation_id"] is None:  # a change to the document itself (its text corrected)
                what, where = "document text", f"{(h['before'] or {}).get('char_count')}->{image.get('char_count')} chars"
            else:
                what, where = f"annotation {h['annotation_id']}", f"{image.get('start')}-{image.get('end')}"
            print("\t".join([h["at"], h["who"] or "-", h["action"], what, f"document {h['document_id']}", where,
                             repr(image.get("text", ""))[:80]]))
    return 0


def cmd_backup(args) -> int:
    if args.output is not None and os.path.lexists(args.output):
        _check_project_path(args.output)
        if not args.replace:
            raise ClaimdeskError(f"{args.output} exists; add --replace to replace it (a project there is backed "
                                 "up first)")
        if os.path.samefile(args.output, args.project):
            raise ClaimdeskError(f"{args.output} is the project itself")
        with _project(args.output, readonly=True) as existing:  # refuses a file that is not a project
            kept = existing.backup_now().path
        print(f"claimdesk: {args.output.name} as it was is kept in {kept}", file=sys.stderr)
    with _project(args.project, readonly=True) as project:
        written = project.save_copy(args.output) if args.output else project.backup_now().path
    print(written)
    return 0


def cmd_restore(args) -> int:
    from desktop.store.backups import list_backups, restore_file

    if not args.project.exists():
        raise ClaimdeskError(f"no project at {args.project}")
    found = list_backups(args.project)
    if args.backup is None:
        for number, b in enumerate(found, 1):
            print(f"{number}\t{b.label}\t{b.path}")
        if not found:
            print(f"claimdesk: no backups of {args.project.name} yet", file=sys.stderr)
        return 0
    chosen = Path(args.backup)
    if args.backup.isdigit() and not chosen.exists():
        if not 1 <= int(args.backup) <= len(found):
            raise ClaimdeskError(f"no backup number {args.backup}; 'claimdesk restore {args.project}' lists them")
        chosen = found[int(args.backup) - 1].path
    kept = restore_file(args.project, chosen)
    print(f"restored {args.project.name} from {chosen.name}"
          + (f"; the state it replaced is kept in {kept.path}" if kept else ""))
    return 0


def cmd_bench(args) -> int:
    from desktop import bench

    return bench.main(args)


COMMAND_FUNCS = {"import": cmd_import, "tag": cmd_tag, "suggest": cmd_suggest, "export": cmd_export, "info": cmd_info,
                 "history": cmd_history, "backup": cmd_backup, "restore": cmd_restore, "bench": cmd_bench}


def _open_window(project: Path | None, files: list[Path]) -> int:
    from desktop.ui.launch import run

    return run(project, files)


if __name__ == "__main__":
    sys.exit(main())
