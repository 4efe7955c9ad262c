"""Offline watchlist snapshots and matching. No Qt."""
