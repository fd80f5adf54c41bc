"""What sync tells the user while it runs and after: a marked template and its arguments.

The engine's progress steps, the reasons a site's files wait, rejected
changes and the clock and photo warnings are worded in English for the CLI
and the logs, but the GUI must show them in the user's language. So they
travel as a ``Message``: the English template (marked with
``QT_TRANSLATE_NOOP`` where it is written, like a ``FieldCRMError``'s), its
arguments, and the context to translate it in.
``str()`` gives the English text; the GUI translates the template and fills
in the arguments, translating those that are messages themselves (a file's
owner, the reason inside "Site …: reason").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldcrm.errors import FieldCRMError

CONTEXT = "Sync"


@dataclass(frozen=True)
class Message:
    template: str
    args: Mapping[str, Any] = field(default_factory=dict)
    context: str = CONTEXT

    @classmethod
    def of(cls, template: str, context: str = CONTEXT, **args: object) -> Message:
        """A message whose arguments are kept as text, numbers or messages, so it stores as JSON."""
        return cls(template, {k: _plain(v) for k, v in args.items()}, context)

    @classmethod
    def of_error(cls, error: FieldCRMError) -> Message:
        return cls.of(error.template, error.context, **error.args_map)

    @classmethod
    def verbatim(cls, text: str) -> Message:
        """Text already worded in English (a summary stored before it carried templates): shown as it is."""
        return cls.of("{text}", text=text)

    def __str__(self) -> str:
        return self.template.format(**{k: str(v) if isinstance(v, Message) else v for k, v in self.args.items()})

    def to_json(self) -> dict[str, Any]:
        args = {k: v.to_json() if isinstance(v, Message) else v for k, v in self.args.items()}
        return {"template": self.template, "args": args, "context": self.context}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Message:
        args = {k: cls.from_json(v) if isinstance(v, Mapping) else v for k, v in data.get("args", {}).items()}
        return cls(str(data["template"]), args, str(data.get("context", CONTEXT)))


def _plain(value: object) -> object:
    if value is None or isinstance(value, (Message, str, int, float)):
        return value
    return str(value)
