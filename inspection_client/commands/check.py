"""The `inspection-client check mrz|vin|container` command: verify values without a workstation.

Reads a literal value, a file or standard input and prints one verdict per value.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from collections.abc import Callable, Iterable
from typing import BinaryIO

from inspection_client.domain.container import validate_container
from inspection_client.domain.mrz import MrzResult, parse_mrz, split_mrz_blocks
from inspection_client.domain.vin import validate_vin
from inspection_client.errors import InputError, UserFacingError

MAX_INPUT_BYTES = 10 * 1024 * 1024
EXIT_ALL_VALID = 0
EXIT_SOME_INVALID = 1

_SOURCE_HELP = "a literal value, a file holding values, or - for standard input (the default)"
_SHOWN_VALUE_CHARS = 80


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `check` and its `mrz`, `vin` and `container` sub-commands."""
    check = sub.add_parser(
        "check",
        help="verify MRZs, VINs or container codes",
        description="Verify values and print a verdict for each. "
        "Exit status: 0 all valid, 1 some invalid or nothing to check, 2 usage error (a missing "
        "or unreadable file, input that is not UTF-8 text or is larger than 10 MB).",
    )
    kinds = check.add_subparsers(dest="check_kind", metavar="KIND", required=True)
    for name, help_text, handler in (
        ("mrz", "machine-readable zones (several separated by blank lines)", _check_mrz),
        ("vin", "vehicle identification numbers, one per line", _check_vin),
        ("container", "ISO 6346 container codes, one per line", _check_container),
    ):
        parser = kinds.add_parser(
            name, help=help_text, description=help_text[0].upper() + help_text[1:] + "."
        )
        parser.add_argument("source", nargs="?", default="-", metavar="SOURCE", help=_SOURCE_HELP)
        parser.add_argument("--json", action="store_true", help="print one JSON object per value")
        parser.set_defaults(handler=handler)


def read_source(source: str) -> str:
    """Return the text to check: the file's or standard input's content, or the value itself.

    Raises:
        InputError: a path that does not exist or cannot be read, or input that cannot be
            checked at all: larger than 10 MB, or not UTF-8 text. Like a missing file, these
            are usage errors (exit status 2), not invalid values.
    """
    if source == "-":
        stdin = sys.stdin
        buffer: BinaryIO | None = getattr(stdin, "buffer", None)
        if buffer is None:
            return _limit_text(stdin.read(MAX_INPUT_BYTES + 1), "standard input")
        return _decode(_read_limited(buffer, "standard input"), "standard input")
    if os.path.isdir(source):
        raise InputError(f"{source} is a directory, not a file")
    if os.path.isfile(source):
        try:
            with open(source, "rb") as stream:
                return _decode(_read_limited(stream, source), source)
        except OSError as error:
            raise InputError(f"cannot read {source}: {error.strerror}") from None
    # No MRZ, VIN or container code holds a dot or a slash: such a value names a file.
    if any(mark in source for mark in "/\\."):
        raise InputError(f"no such file: {source}")
    return source


def _read_limited(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise _too_large(name)
    return data


def _limit_text(text: str, name: str) -> str:
    if len(text) > MAX_INPUT_BYTES:
        raise _too_large(name)
    return text


def _too_large(name: str) -> InputError:
    return InputError(f"{name} is larger than 10 MB; split it into smaller files")


def _decode(data: bytes, name: str) -> str:
    """The text in `data`, read from `name` (a file, or standard input)."""
    skipped = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[skipped:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + skipped
        raise InputError(
            f"{name} cannot be read as text (byte 0x{data[offset]:02x} at offset {offset}): "
            "give UTF-8 text, such as what a document reader types"
        ) from None
    return text


def _shown(text: str, limit: int | None = None) -> str:
    """Make text safe to print on a terminal: no control characters, at most `limit` long."""
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    return text if text.isprintable() else repr(text)[1:-1]


def _check_mrz(args: argparse.Namespace) -> int:
    blocks = split_mrz_blocks(read_source(args.source))
    if not blocks:
        raise UserFacingError("the input holds no MRZ to check")
    all_valid = True
    for number, block in enumerate(blocks, 1):
        result = parse_mrz(block)
        all_valid &= result.valid
        if args.json:
            print(json.dumps(result.to_json()))
        else:
            if number > 1:
                print()
            print("\n".join(_describe_mrz(result, number, len(blocks))))
    return EXIT_ALL_VALID if all_valid else EXIT_SOME_INVALID


_MRZ_FIELDS = (
    ("document code", "document_code"),
    ("issuing state", "issuing_state"),
    ("document number", "document_number"),
    ("surname", "surname"),
    ("given names", "given_names"),
    ("nationality", "nationality"),
    ("birth date", "birth_date"),
    ("expiry date", "expiry_date"),
    ("sex", "sex"),
    ("optional data", "optional_data"),
)
_CHECK_LABELS = {"optional_data": "personal number"}


def _describe_mrz(result: MrzResult, number: int, count: int) -> Iterable[str]:
    title = f"MRZ {number} of {count}" if count > 1 else "MRZ"
    verdict = "valid" if result.valid else "INVALID"
    yield f"{title}: {result.format or 'format not recognised'}, {verdict}"
    if result.format is not None:
        for label, attribute in _MRZ_FIELDS:
            value = getattr(result, attribute)
            yield f"  {label:<17}{_shown(str(value)) if value is not None else '-'}"
        if result.format == "TD1":
            yield f"  {'optional data 2':<17}{_shown(result.optional_data_2)}"
        checks = ", ".join(
            f"{_CHECK_LABELS.get(name, name.replace('_', ' '))} {status}"
            for name, status in result.checks.items()
            if status != "not applicable"
        )
        yield f"  {'checks':<17}{checks}"
    for note in result.notes:
        yield f"  note: {_shown(note)}"
    for error in result.errors:
        yield f"  error: {_shown(error)}"
    if result.suggestion:
        yield "  suggestion (check against the document before using):"
        yield from (f"    {line}" for line in result.suggestion)


def _check_lines(
    args: argparse.Namespace,
    what: str,
    validate: Callable[[str], tuple[bool, str, dict[str, object]]],
) -> int:
    values = [line.strip() for line in read_source(args.source).splitlines() if line.strip()]
    if not values:
        raise UserFacingError(f"the input holds no {what} to check")
    all_valid = True
    for value in values:
        valid, summary, as_json = validate(value)
        all_valid &= valid
        print(json.dumps(as_json) if args.json else summary)
    return EXIT_ALL_VALID if all_valid else EXIT_SOME_INVALID


def _summary(value: str, errors: tuple[str, ...], valid_text: str) -> str:
    if not errors:
        return f"{value}  {valid_text}"
    return f"{_shown(value, _SHOWN_VALUE_CHARS)}  INVALID: {_shown('; '.join(errors))}"


def _vin_verdict(value: str) -> tuple[bool, str, dict[str, object]]:
    result = validate_vin(value)
    summary = _summary(result.value, result.errors, f"valid (check digit {result.check_digit})")
    return result.valid, summary, result.to_json()


def _container_verdict(value: str) -> tuple[bool, str, dict[str, object]]:
    result = validate_container(value)
    return result.valid, _summary(result.value, result.errors, "valid"), result.to_json()


def _check_vin(args: argparse.Namespace) -> int:
    return _check_lines(args, "VIN", _vin_verdict)


def _check_container(args: argparse.Namespace) -> int:
    return _check_lines(args, "container code", _container_verdict)
