"""Pure domain: records and validators. No Qt, no storage."""
