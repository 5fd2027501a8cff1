"""What is on the person's screen: the state the console keeps between one line and the next.

Slack's client remembers which message or view each button sits on, which form is open and what
the Home tab shows; the console keeps the same, so a click or a submission carries what Slack's
would. Buttons are numbered across the whole session and a number is never reused: when its
message is replaced or its view changes, the number is retired, so a stale click says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox.console.blocks import Control
from bot.sandbox.console.form import Form
from bot.sandbox.console.mrkdwn import Names
from bot.sandbox.workspace import (
    BOT_USER_ID,
    CONSOLE_USER_ID,
    dm_channel,
    new_ts,
    new_view_id,
    user_name,
)

Json = dict[str, Any]

USER_ID = CONSOLE_USER_ID
USER_NAME = user_name(USER_ID)
DM_CHANNEL = dm_channel(USER_ID)
BOT_NAME = "RoleFit"


@dataclass
class Message:
    """A message RoleFit put on screen, remembered so its buttons can be clicked."""

    channel: str
    ts: str
    body: Json
    ephemeral: bool


@dataclass
class OpenView:
    """A view on screen (the open form, or the Home tab), with the questions still to ask."""

    form: Form
    id: str
    hash: str
    shown: bool = False
    pending: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, view: Json, view_id: str, view_hash: str, previous: Form | None = None) -> OpenView:
        form = Form.from_view(view, previous)
        return cls(form, view_id, view_hash, pending=[q.block_id for q in form.questions])

    def payload(self) -> Json:
        """The view as it stands on screen: what Slack echoes back with a click or submission."""
        values = self.form.state_values()
        return {**self.form.view, "id": self.id, "hash": self.hash, "state": {"values": values}}


@dataclass(frozen=True)
class Clickable:
    """A numbered control and where it lives: a message, or a view (by id)."""

    control: Control
    message: Message | None = None
    view_id: str | None = None


class Screen:
    """The buttons, messages, open form and Home tab on screen, and where the person is."""

    def __init__(self) -> None:
        self.names = Names(
            users={USER_ID: USER_NAME, BOT_USER_ID: BOT_NAME},
            channels={DM_CHANNEL: "DM"},
        )
        self.channel = DM_CHANNEL
        self.clickables: dict[int, Clickable] = {}
        self.retired: set[int] = set()
        self.numbered = 0  # the last button number handed out
        self.messages: dict[tuple[str, str], Message] = {}
        self.response_urls: dict[str, tuple[str, Message | None]] = {}
        self.modal: OpenView | None = None
        self.home: OpenView | None = None

    # -- buttons -----------------------------------------------------------------------------

    def number(
        self, controls: list[Control], *, message: Message | None = None, view_id: str = ""
    ) -> None:
        """Put controls numbered from `numbered + 1` on screen, on a message or a view."""
        for control in controls:
            self.clickables[control.number] = Clickable(control, message, view_id or None)
        self.numbered += len(controls)

    def is_button(self, text: str) -> bool:
        """Whether a typed number names a button, on screen or retired."""
        return text.isdigit() and int(text) in self.clickables.keys() | self.retired

    def button_number(self, wanted: str) -> int:
        """A button by its number, or the latest one whose label contains the words given."""
        if wanted.isdigit():
            return int(wanted)
        for number in sorted(self.clickables, reverse=True):
            if wanted and wanted.casefold() in self.clickables[number].control.label.casefold():
                return number
        return 0

    def has_buttons(self, view_id: str) -> bool:
        return any(c.view_id == view_id for c in self.clickables.values())

    def retire(self, owner: Message | str) -> None:
        """Forget the buttons of a message that was replaced, or of a view (by id) that changed
        or closed."""
        for number, clickable in list(self.clickables.items()):
            if owner is clickable.message or owner == clickable.view_id:
                del self.clickables[number]
                self.retired.add(number)

    # -- messages ----------------------------------------------------------------------------

    def remember(
        self, channel: str, body: Json, *, ephemeral: bool, ts: str, edited: bool = False
    ) -> Message:
        """A message RoleFit showed; an edit retires the buttons of the one it replaces."""
        message = Message(channel, ts, body, ephemeral)
        if edited and (channel, ts) in self.messages:
            self.retire(self.messages[(channel, ts)])
        self.messages[(channel, ts)] = message
        return message

    def posts_to(self, url: str, channel: str, origin: Message | None = None) -> str:
        """Remember where posts to a response_url belong (and the message it came with)."""
        self.response_urls[url.rsplit("/", 1)[-1]] = (channel, origin)
        return url

    def origin(self, name: str) -> tuple[str, Message | None]:
        """The channel (and message) a response_url, by name, was handed out for."""
        return self.response_urls.get(name, (self.channel, None))

    # -- views -------------------------------------------------------------------------------

    def view(self, view_id: str) -> OpenView | None:
        """A view on screen: the open form, or the Home tab."""
        return next((v for v in (self.modal, self.home) if v and v.id == view_id), None)

    def replace_modal(self, view: Json, view_hash: str) -> None:
        """The open form replaced in place (same id), keeping what the person typed."""
        if self.modal is not None:
            self.retire(self.modal.id)
            self.modal = OpenView.of(view, self.modal.id, view_hash, self.modal.form)

    def close_modal(self) -> None:
        if self.modal is not None:
            self.retire(self.modal.id)
        self.modal = None

    def follow_view(self, method: str, body: Json, answer: Json) -> None:
        """Keep the open form in step with views.open/update, as Slack's client does."""
        sent = body.get("view")
        if isinstance(sent, str):
            sent = json.loads(sent)
        if not isinstance(sent, dict) or answer.get("ok") is False:
            return
        assigned = answer.get("view") or {}
        view_hash = str(assigned.get("hash") or new_ts())
        if method == "views.open":
            self.close_modal()
            view_id = str(assigned.get("id") or new_view_id())
            self.modal = OpenView.of(sent, view_id, view_hash)
        elif self.modal is not None:
            wanted = body.get("view_id") or body.get("external_id")
            if wanted in (self.modal.id, self.modal.form.view.get("external_id")):
                self.replace_modal(sent, view_hash)

    def publish_home(self, body: Json, answer: Json) -> OpenView | None:
        """views.publish: the new Home tab (its old buttons retired); None if nothing changed."""
        view = body.get("view")
        if not isinstance(view, dict) or answer.get("ok") is False:
            return None
        assigned = answer.get("view") or {}
        if self.home is not None:
            self.retire(self.home.id)
        view_id = str(assigned.get("id") or new_view_id())
        self.home = OpenView.of(view, view_id, str(assigned.get("hash") or new_ts()))
        return self.home
