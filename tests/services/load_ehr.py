#!/usr/bin/env python3
"""Copy an EHR database (the demo's ``ehr.sqlite``) into another database server.

    load_ehr.py SOURCE_URL_OR_SQLITE_FILE TARGET_URL

Every table of the source is created in the target with the generic form of
its declared column types (``DATE`` stays a date, ``TIMESTAMP`` a timestamp,
as on a hospital's server), in foreign-key order, then filled in batches.
The target must not hold these tables yet: a loader that merged into
existing tables could silently mix two hospitals. Used by the PostgreSQL
test; also a quick way for a team to try ``ehr.url`` on its own server.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import sqlalchemy as sa

BATCH_ROWS = 5000


def source_url(value: str) -> str:
    """A SQLAlchemy URL; a path to an existing file means a SQLite database."""
    return f"sqlite:///{Path(value).resolve()}" if "://" not in value else value


def copy_database(source: str, target: str) -> dict[str, int]:
    """Create the source's tables in ``target`` and copy every row; returns rows per table."""
    src_engine, dst_engine = sa.create_engine(source_url(source)), sa.create_engine(target)
    try:
        reflected = sa.MetaData()
        reflected.reflect(bind=src_engine)
        if not reflected.tables:
            raise SystemExit(f"load_ehr: error: {source}: no tables to copy")
        existing = set(sa.inspect(dst_engine).get_table_names())
        clash = sorted(existing & set(reflected.tables))
        if clash:
            raise SystemExit(f"load_ehr: error: {target}: table(s) already there: {', '.join(clash)}")
        # rebuild each table with dialect-neutral types, keys and foreign keys intact
        target_meta = sa.MetaData()
        for table in reflected.sorted_tables:
            columns = [
                sa.Column(col.name, col.type.as_generic(), primary_key=col.primary_key,
                          nullable=col.nullable)
                for col in table.columns
            ]
            constraints = [
                sa.ForeignKeyConstraint([c.parent.name for c in fk.elements],
                                        [f"{fk.referred_table.name}.{c.column.name}" for c in fk.elements])
                for fk in table.foreign_key_constraints
            ]
            sa.Table(table.name, target_meta, *columns, *constraints)
        target_meta.create_all(dst_engine)
        counts: dict[str, int] = {}
        with src_engine.connect() as src, dst_engine.begin() as dst:
            for table in reflected.sorted_tables:
                target_table = target_meta.tables[table.name]
                # raw values: the target parses the ISO date/time strings SQLite holds
                result = src.execute(sa.text(f'SELECT * FROM "{table.name}"'))
                names = list(result.keys())
                counts[table.name] = 0
                while rows := result.fetchmany(BATCH_ROWS):
                    dst.execute(target_table.insert(), [dict(zip(names, row, strict=True)) for row in rows])
                    counts[table.name] += len(rows)
        return counts
    finally:
        src_engine.dispose()
        dst_engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="SQLAlchemy URL or path of a SQLite file")
    parser.add_argument("target", help="SQLAlchemy URL of the (empty) target database")
    args = parser.parse_args(argv)
    started = time.monotonic()
    counts = copy_database(args.source, args.target)
    summary = ", ".join(f"{name} {n}" for name, n in counts.items())
    print(f"load_ehr: copied {sum(counts.values())} rows ({summary}) in {time.monotonic() - started:.1f}s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
