"""Lane client: the workstation program at the lanes of a land port's inspection hall."""

__version__ = "0.1.0"
