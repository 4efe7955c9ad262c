"""Sub-commands of `inspection-client`, one module each."""
