"""Small shared helpers: atomic writes, digests, progress reporting, errors."""
