"""What is wrong with a form, in the officer's words and language.

`domain.validation.describe_validation` speaks to IT (field names, patterns); at the lane the
same problems are named by the form's own labels, and patterns become "characters not
allowed".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QWidget

from inspection_client.ui.messages import localised


def _fields() -> dict[str, str]:
    return {
        "plate": QCoreApplication.translate("problems", "Plate"),
        "registration_country": QCoreApplication.translate("problems", "Registration country"),
        "document_code": QCoreApplication.translate("problems", "Document code"),
        "issuing_state": QCoreApplication.translate("problems", "Issuing state"),
        "number": QCoreApplication.translate("problems", "Document number"),
        "surname": QCoreApplication.translate("problems", "Surname"),
        "given_names": QCoreApplication.translate("problems", "Given names"),
        "nationality": QCoreApplication.translate("problems", "Nationality"),
        "birth_date": QCoreApplication.translate("problems", "Birth date"),
        "expiry_date": QCoreApplication.translate("problems", "Expiry date"),
        "sex": QCoreApplication.translate("problems", "Sex"),
        "optional_data": QCoreApplication.translate("problems", "Optional data"),
        "vins": QCoreApplication.translate("problems", "VIN"),
        "containers": QCoreApplication.translate("problems", "Container"),
        "seals": QCoreApplication.translate("problems", "Seal"),
        "hs_codes": QCoreApplication.translate("problems", "HS code"),
        "declaration_number": QCoreApplication.translate("problems", "Declaration number"),
        "gross_weight_kg": QCoreApplication.translate("problems", "Gross weight"),
        "remarks": QCoreApplication.translate("problems", "Remarks"),
        "reason": QCoreApplication.translate("problems", "Reason"),
        "refusal_ground": QCoreApplication.translate("problems", "Refusal ground"),
        "code": QCoreApplication.translate("problems", "Officer code"),
        "officer": QCoreApplication.translate("problems", "Officer code"),
        "approved_by": QCoreApplication.translate("problems", "Supervisor code"),
        "name": QCoreApplication.translate("problems", "Name"),
    }


def _problem(kind: str, message: str, context: dict[str, Any] | None = None) -> str:
    if kind == "string_too_short":
        return QCoreApplication.translate("problems", "too short")
    if kind == "string_too_long":
        return QCoreApplication.translate("problems", "too long")
    if kind == "string_pattern_mismatch":
        return QCoreApplication.translate("problems", "has characters that are not allowed")
    if kind == "missing":
        return QCoreApplication.translate("problems", "is required")
    if kind.startswith(("date_", "datetime_")):
        return QCoreApplication.translate("problems", "is not a valid date")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return QCoreApplication.translate("problems", "is out of range")
    # The domain's own checks (VIN, container, seal, HS code, declaration) say exactly what
    # fails, in the officer's language where they were written as a `Message`; pydantic puts
    # "Value error, " in front of the English text.
    error = (context or {}).get("error")
    if isinstance(error, ValueError) and len(error.args) == 1:
        return localised(error.args[0])
    return message.removeprefix("Value error, ")


W = TypeVar("W")


def field_at_fault(error: ValidationError, fields: Mapping[str, W]) -> W | None:
    """The form's field for the first problem: the innermost name in its location the form
    has a field for (a document's "number" rather than the "document")."""
    for item in error.errors()[:1]:
        names = [part for part in item["loc"] if isinstance(part, str)]
        for name in reversed(names):
            if name in fields:
                return fields[name]
    return None


def form_problem(error: ValidationError, limit: int = 3) -> str:
    """The first `limit` problems, each as `<field label>: <what is wrong>`."""
    labels = _fields()
    if error.title == "ContainerLoad":  # checked alone, as the vehicle form adds a container
        labels["number"] = labels["containers"]
    parts = []
    for item in error.errors()[:limit]:
        names = [part for part in item["loc"] if isinstance(part, str)]
        # The outermost field the form has a label for: a container's "number" is the
        # container's, a document's is the document number.
        field = next((labels[name] for name in names if name in labels), "")
        problem = _problem(item["type"], item["msg"], item.get("ctx"))
        if field:
            problem = QCoreApplication.translate("problems", "{field}: {problem}").format(
                field=field, problem=problem
            )
        parts.append(problem)
    more = error.error_count() - len(parts)
    if more > 0:
        parts.append(QCoreApplication.translate("problems", "and {count} more").format(count=more))
    return QCoreApplication.translate("problems", "; ").join(parts)


def go_to_field(field: QWidget | None) -> None:
    """Focus the field to correct with its text selected, so that what is typed replaces it."""
    if field is None or not field.isVisible():
        return
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(field, (QLineEdit, QAbstractSpinBox)):
        field.selectAll()
