"""Sync with the central store: wire models, batches, signing, transports. No Qt."""
