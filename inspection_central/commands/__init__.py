"""Sub-commands of `inspection-central`: one module each, discovered by `cli.build_parser`."""
