"""Rendering: what RoleFit sent, as the transcript a person reads, or as JSON lines (--json).

Each Web API call the stand-in recorded becomes what Slack would show: a message (new or
edited), the Home tab, a form. Buttons shown are numbered on the `Screen` so they can be clicked.
"""

from __future__ import annotations

from typing import Any

from bot.sandbox.console.blocks import render_message
from bot.sandbox.console.form import Question
from bot.sandbox.console.screen import BOT_NAME, Message, OpenView, Screen
from bot.sandbox.console.terminal import Output
from bot.sandbox.slack_api import RecordedCall
from bot.sandbox.workspace import channel_name, new_ts

Json = dict[str, Any]

SILENT_METHODS = {"auth.test", "conversations.open", "conversations.info", "conversations.join"}
MESSAGE_METHODS = {"chat.postMessage", "chat.postEphemeral", "response_url"}
MODAL_METHODS = {"views.open", "views.update"}


class Transcript:
    """Writes the session: notes to the person, RoleFit's messages, forms and its Home tab.
    With `as_json`, only the raw calls and acknowledgements, one JSON object a line."""

    def __init__(self, out: Output, screen: Screen, *, as_json: bool = False) -> None:
        self.out = out
        self.style = out.style
        self.screen = screen
        self.as_json = as_json

    # -- notes to the person -----------------------------------------------------------------

    def welcome(self) -> None:
        if not self.as_json:
            self.out.line(
                self.style.bold("RoleFit console")
                + self.style.dim(" — the real app, offline. You are in a DM with RoleFit; :help")
            )

    def note(self, text: str) -> None:
        if not self.as_json:
            self.out.line(self.style.dim(text))

    def notes(self, texts: list[str]) -> None:
        for text in texts:
            self.note(text)

    def warning(self, text: str) -> str:
        return self.style.colour_named(f"⚠ {text}", "yellow")

    def warn(self, text: str) -> None:
        if not self.as_json:
            self.out.line("  " + self.warning(text))

    def question(self, question: Question, current: Json | None, error: str | None) -> None:
        """A form question as asked: label, options, the answer Enter keeps, Slack's error."""
        names = self.screen.names
        lines = question.lines(self.style, names)
        kept = question.describe(current, self.style, names) if current else ""
        if kept:
            lines.append("  " + self.style.dim(f"(Enter keeps: {kept})"))
        if error:
            lines.append("  " + self.warning(error))
        if not self.as_json:
            self.out.lines(lines, indent="  ")

    # -- what RoleFit sent -------------------------------------------------------------------

    def ack(self, kind: str, status: int, body: Json | str | None) -> None:
        """RoleFit's direct HTTP answer to a request."""
        if self.as_json:
            self.out.json({"ack": kind, "status": status, "body": body})
        elif status != 200:
            self.note(f"RoleFit answered HTTP {status} to that {kind}.")

    def calls(self, calls: list[RecordedCall], *, expect_reply: bool = False) -> None:
        """Render calls RoleFit made; after a DM or mention, say so when it sent nothing."""
        for call in calls:
            self.call(call)
        if expect_reply and not any(call.method in MESSAGE_METHODS for call in calls):
            self.note("(RoleFit did not answer)")

    def call(self, call: RecordedCall) -> None:
        if self.as_json:
            self.out.json({"method": call.method, "body": call.body})
        body, answer = call.body, call.response
        if call.method in MODAL_METHODS:
            self.screen.follow_view(call.method, body, answer)
        elif call.method in {"chat.postMessage", "chat.postEphemeral"}:
            channel = str(answer.get("channel") or body.get("channel") or "")
            ts = str(answer.get("ts") or answer.get("message_ts") or new_ts())
            ephemeral = call.method == "chat.postEphemeral"
            self.message(channel, body, ephemeral=ephemeral, ts=ts)
        elif call.method == "response_url":
            self._response(call.path.rsplit("/", 1)[-1], body)
        elif call.method == "views.publish":
            self._home(body, answer)
        elif call.method not in SILENT_METHODS:
            self.note(f"(RoleFit called {call.method})")

    def message(
        self, channel: str, body: Json, *, ephemeral: bool, ts: str, edited: bool = False
    ) -> Message:
        """Show one message from RoleFit, its buttons numbered."""
        screen = self.screen
        message = screen.remember(channel, body, ephemeral=ephemeral, ts=ts, edited=edited)
        rendered = render_message(body, self.style, screen.names, screen.numbered + 1)
        screen.number(rendered.controls, message=message)
        if self.as_json:
            return message
        where = ["DM" if channel.startswith("D") else "#" + channel_name(channel)]
        if body.get("thread_ts"):
            where.append("in thread")
        if edited:
            where.append("edited")
        if ephemeral:
            where.append("only visible to you")
        self.out.line(self._from_rolefit(" · ".join(where)))
        self.out.lines(rendered.lines, indent="  ")
        return message

    def form(self, view: OpenView) -> None:
        """A form's heading (its title and buttons) and everything in it that is not asked."""
        lines = self._view_lines(view)
        if self.as_json:
            return
        buttons = " · ".join(
            label
            for label in (view.form.submit_label, _label(view.form.view.get("close")))
            if label
        )
        heading = self.style.header(f"Form: {view.form.title}")
        self.out.line(heading + (self.style.dim(f"  ({buttons})") if buttons else ""))
        if lines:
            self.out.lines(lines, indent="  ")

    def _response(self, name: str, body: Json) -> None:
        """A post to a response_url: a new message where it came from, or a change to the
        message it came with (replace_original / delete_original)."""
        channel, origin = self.screen.origin(name)
        if body.get("delete_original"):
            if origin is not None:
                self.screen.retire(origin)
            self.note("(RoleFit deleted the message)")
        elif body.get("replace_original") and origin is not None:
            ts = origin.ts
            self.message(origin.channel, body, ephemeral=origin.ephemeral, ts=ts, edited=True)
        else:
            ephemeral = body.get("response_type") != "in_channel"
            self.message(channel, body, ephemeral=ephemeral, ts=new_ts())

    def _home(self, body: Json, answer: Json) -> None:
        """views.publish: the Home tab, shown in full with its buttons numbered."""
        home = self.screen.publish_home(body, answer)
        if home is None:
            return
        lines = self._view_lines(home)
        if not self.as_json:
            self.out.line(self._from_rolefit("Home tab"))
            self.out.lines(lines, indent="  ")

    def _view_lines(self, view: OpenView) -> list[str]:
        """A view's blocks other than questions, its buttons numbered; the lines to print."""
        view.shown = True
        screen = self.screen
        intro = view.form.intro(self.style, screen.names, screen.numbered + 1)
        screen.number(intro.controls, view_id=view.id)
        return intro.lines

    def _from_rolefit(self, where: str) -> str:
        heading = self.style.colour_named(self.style.bold(BOT_NAME), "magenta")
        return heading + self.style.dim(" · " + where)


def _label(obj: object) -> str | None:
    return str(obj.get("text")) if isinstance(obj, dict) and obj.get("text") else None
