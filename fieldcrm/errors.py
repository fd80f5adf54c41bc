"""Errors the user can act on, as opposed to bugs.

Each carries an English message template (marked for translation) and its
arguments, so the CLI can print one line and the GUI can translate it.
"""

from __future__ import annotations


class FieldCRMError(Exception):
    """An error with a message meant for the user; anything else is a bug."""

    context = "Errors"

    def __init__(self, template: str, **args: object) -> None:
        self.template = template
        self.args_map = args
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.args_map)


class FieldError(FieldCRMError):
    """A value the user typed for one field is not acceptable."""

    def __init__(self, field_name: str, template: str, **args: object) -> None:
        self.field = field_name
        super().__init__(template, field=field_name, **args)


class NotFound(FieldCRMError):
    """A record the user named does not exist."""


class PermissionDenied(FieldCRMError):
    """The workspace's user may not make this change (role rules)."""


class WorkspaceError(FieldCRMError):
    """The workspace cannot be opened as it is; ``remedies`` says what can be done."""

    def __init__(self, template: str, *, remedies: tuple[str, ...] = (), **args: object) -> None:
        self.remedies = remedies
        super().__init__(template, **args)


class ValidationErrors(FieldCRMError):
    """Several field errors found at once, so a form can mark every bad field.

    Its own message is the first error's, which is what the CLI prints.
    """

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        self.field = errors[0].field
        super().__init__(errors[0].template, **errors[0].args_map)
