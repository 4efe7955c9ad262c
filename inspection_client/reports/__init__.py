"""Shift reports, release slips and their signed QR codes."""
