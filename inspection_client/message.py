"""Text for people that the window can show in the officer's language.

The layers below the window (validators, the store, sync) cannot use Qt's translations,
and the command line speaks English. A `Message` is therefore the English text itself, a
`str` that goes anywhere a string does (JSON, logs, exceptions), and it also remembers the
template it was made from and the values put into it. The window looks the template up in
its catalogue and fills in the same values (`inspection_client.ui.messages.localised`).

The template must be a string literal, so that `python -m inspection_client.ui.build_forms`
can collect every template for the translators. Values that are words themselves (a field
name, say) are Messages too, and are translated in turn.
"""

from __future__ import annotations

from typing import Any


class Message(str):
    """English text made from `template.format(**values)`, keeping both for translation."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Message:
        text = super().__new__(cls, template.format(**values) if values else template)
        text.template = template
        text.values = values
        return text

    def __reduce__(self) -> tuple[Any, tuple[str, dict[str, Any]]]:
        # Copies and pickles are made again from the template and the values.
        return (_made_again, (self.template, self.values))


def _made_again(template: str, values: dict[str, Any]) -> Message:
    return Message(template, **values)


def listed(parts: list[str] | tuple[str, ...], separator: str = "; ") -> str:
    """The parts one after another, still translatable part by part where they are Messages."""
    if not any(isinstance(part, Message) for part in parts):
        return separator.join(parts)
    template = separator.join(f"{{part{index}}}" for index in range(len(parts)))
    return Message(template, **{f"part{index}": part for index, part in enumerate(parts)})


def message_data(text: str) -> Any:
    """`text` as JSON-ready data that `from_message_data` turns back into the same Message.

    Plain strings stay strings; a Message keeps its template and values (those that are
    Messages in turn, nested). Kept with text that is shown again later, such as an alert's
    reason, so that it can still be shown in the language of whoever reads it then.
    """
    if not isinstance(text, Message):
        return text
    return {
        "template": text.template,
        "values": {
            name: message_data(value) if isinstance(value, str) else value
            for name, value in text.values.items()
        },
    }


def from_message_data(data: Any) -> str:
    """The text `message_data` made `data` from.

    Raises:
        ValueError: `data` is not something `message_data` makes.
    """
    if isinstance(data, str):
        return data
    if not isinstance(data, dict) or set(data) != {"template", "values"}:
        raise ValueError("not a message")
    template, values = data["template"], data["values"]
    if not isinstance(template, str) or not isinstance(values, dict):
        raise ValueError("not a message")
    made = {
        name: from_message_data(value) if isinstance(value, str | dict) else value
        for name, value in values.items()
    }
    try:
        return Message(template, **made)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
        raise ValueError("not a message") from error
