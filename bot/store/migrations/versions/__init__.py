"""Alembic revisions, oldest first (0001, 0002, …); a package so installs ship them."""
