"""Offline watchlist snapshots and matching. No Qt.

`apply.apply_snapshot` makes a signed snapshot active; `check.open_checker` gives the
active one, and `check.check_passenger` / `check.check_vehicle` check against it;
`status.watchlist_status` and `retrospective.pending_alerts` feed the GUI.
"""
