"""Opening the EHR database: an SQLite file that does not exist is an error, not a new empty database."""

from __future__ import annotations

from pathlib import Path

from cxrbuild.util.errors import CxrbuildError


def open_engine(url: str):
    """A SQLAlchemy engine for ``url``; a missing SQLite file stops with one line naming it.

    SQLite creates a missing database file on connect; an EHR that is not there
    would then look like an empty one (and leave a stray file behind).
    """
    import sqlalchemy as sa
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = sa.engine.make_url(url)
    except ArgumentError as err:
        raise CxrbuildError(f"{url}: not a database URL ({err})") from None
    database = parsed.database or ""
    is_file_database = parsed.get_backend_name() == "sqlite" and database not in ("", ":memory:")
    if is_file_database and not database.startswith("file:") and not Path(database).is_file():
        raise CxrbuildError(f"{database}: EHR database file not found")
    return sa.create_engine(url)
