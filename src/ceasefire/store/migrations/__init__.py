"""Alembic migrations of the event store, shipped with the package (see ``store.migrate``)."""
