"""SQLite storage: connections, schema migrations and queries. Never imports Qt."""
