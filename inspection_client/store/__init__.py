"""The local SQLite store: schema, migrations, the save path, the audit chain. No Qt."""
