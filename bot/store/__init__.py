"""RoleFit's store: claims, the outbox of owed messages, and conversation memories, in SQLite or
PostgreSQL. The only package that knows the schema or writes SQL (`store.Store`); `owed` is what
the outbox carries, `urls` reads DATABASE_URL without importing SQLAlchemy."""
