"""The console session: a person at a prompt plays a Slack user against the live RoleFit app.

Everything goes through the app's real front door — signed `message.im` and `app_mention`
events, slash commands, `block_actions` and `view_submission` payloads over HTTP — and
everything RoleFit sends comes back through the loopback Web API stand-in, where this session
reads the recorded calls and renders them. Nothing here knows how RoleFit answers.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TextIO

from bot.sandbox.console.blocks import Control, render_message
from bot.sandbox.console.form import AnswerError, Form, Question
from bot.sandbox.console.mrkdwn import Names, Style
from bot.sandbox.payloads import SignedRequest, SlackRequests
from bot.sandbox.slack_api import FakeSlackApi, RecordedCall
from bot.sandbox.workspace import BOT_USER_ID, app_message, channel_name, new_ts, new_view_id

Json = dict[str, Any]

USER_ID = "U_YOU"
USER_NAME = "you"
DM_CHANNEL = "D" + USER_ID[1:]
BOT_NAME = "RoleFit"
# How long RoleFit may keep working on one input before the prompt comes back anyway.
WORK_TIMEOUT = 10.0
SILENT_METHODS = {"auth.test", "conversations.open", "conversations.info", "conversations.join"}
MESSAGE_METHODS = {"chat.postMessage", "chat.postEphemeral", "response_url"}
MODAL_METHODS = {"views.open", "views.update"}
_SECRET_SHAPES = re.compile(r"xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+")

HELP = f"""\
You are @{USER_NAME}, a Slack user; RoleFit runs for real behind this prompt.
  text                 a direct message to RoleFit (or, in a channel, a message there)
  @RoleFit text        in a channel: mention RoleFit; it answers in a thread
  /rolefit …           the slash command, e.g. /rolefit help, /rolefit hire
  N  or  :click N      click button N (numbers run across the whole transcript);
                       :click LABEL clicks the latest button with that label
  :channel NAME        go to #NAME (also /join #NAME)
  :dm                  back to your DM with RoleFit
  :home                open RoleFit's Home tab (its buttons are numbered too)
  :help                this help          :quit  leave (Ctrl-D and Ctrl-C work too)
In a form: answer each question (a number, numbers like 1,3, or text; Enter keeps the shown
value or skips an optional field), :click N for a button in the form, :cancel to close it."""


class LiveApp(Protocol):
    """What the session needs of the running app (bot.sandbox.live.LiveRoleFit provides it)."""

    @property
    def api(self) -> FakeSlackApi: ...

    @property
    def requests(self) -> SlackRequests: ...

    def post(self, signed: SignedRequest) -> tuple[int, Any, bytes]: ...

    def wait_until_idle(self, timeout: float = 5.0) -> None: ...


class Lines(Protocol):
    """Where the person's lines come from: None means end of input."""

    def read(self, prompt: str) -> str | None: ...


class TerminalLines:
    """A person at a TTY: a prompt, line editing and history (readline when available)."""

    def __init__(self) -> None:
        self._readline = False
        # Importing readline gives input() line editing and history (absent on Windows).
        with contextlib.suppress(ImportError):
            import readline  # noqa: F401

            self._readline = True

    def read(self, prompt: str) -> str | None:
        if self._readline:  # mark colour codes as zero-width, or line editing miscounts
            prompt = re.sub(r"(\x1b\[[0-9;]*m)", "\x01\\1\x02", prompt)
        try:
            return input(prompt)
        except EOFError:
            print()
            return None


class ScriptLines:
    """Lines from a pipe or file: no prompts; each line is echoed as `> line` for the transcript."""

    def __init__(self, stream: TextIO, echo: Callable[[str], None] | None) -> None:
        self._stream = stream
        self._echo = echo

    def read(self, prompt: str) -> str | None:
        line = self._stream.readline()
        if not line:
            return None
        line = line.rstrip("\r\n")
        if self._echo is not None:
            self._echo(line)
        return line


class Output:
    """The transcript: text lines or JSON lines, never a token or secret."""

    def __init__(self, stream: TextIO, style: Style, secrets: list[str]) -> None:
        self.stream = stream
        self.style = style
        self._secrets = [secret for secret in secrets if secret]

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return _SECRET_SHAPES.sub("[redacted]", text)

    def line(self, text: str = "") -> None:
        self.stream.write(self.redact(text) + "\n")
        self.stream.flush()

    def lines(self, texts: list[str], indent: str = "") -> None:
        self.line("\n".join(indent + text for text in texts))

    def json(self, record: Json) -> None:
        self.line(json.dumps(record, ensure_ascii=False, default=str))


@dataclass
class Message:
    """A message RoleFit put on screen, remembered so its buttons can be clicked."""

    channel: str
    ts: str
    body: Json
    ephemeral: bool
    thread_ts: str | None = None


@dataclass
class OpenView:
    """One view on the modal stack, with the questions still to ask."""

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


@dataclass(frozen=True)
class Clickable:
    """A numbered control and where it lives: a message, or a view on the modal stack."""

    control: Control
    message: Message | None = None
    view_id: str | None = None


class Session:
    """One person's conversation with RoleFit. `run()` returns the exit status (always 0)."""

    def __init__(self, live: LiveApp, lines: Lines, out: Output, *, as_json: bool = False) -> None:
        self.live = live
        self.api = live.api
        self.requests = live.requests
        self.lines = lines
        self.out = out
        self.style = out.style
        self.as_json = as_json
        self.names = Names(
            users={USER_ID: USER_NAME, BOT_USER_ID: BOT_NAME},
            channels={DM_CHANNEL: "DM"},
        )
        self.channel = DM_CHANNEL
        self.clickables: dict[int, Clickable] = {}
        self.retired: set[int] = set()
        self.numbered = 0  # the last button number handed out; numbers are never reused
        self.messages: dict[tuple[str, str], Message] = {}
        self.response_urls: dict[str, tuple[str, Message | None]] = {}
        self.views: list[OpenView] = []
        self.home: OpenView | None = None
        self.seen = len(self.api.calls)

    # -- the loop ----------------------------------------------------------------------------

    def run(self) -> int:
        if not self.as_json:
            self.out.line(
                self.style.bold("RoleFit console")
                + self.style.dim(" — the real app, offline. You are in a DM with RoleFit; :help")
            )
        try:
            going = True
            while going:
                going = self._fill_form() if self.views else self._chat()
        except KeyboardInterrupt:
            self.out.line()
        return 0

    def _prompt(self) -> str:
        where = "DM" if self.channel == DM_CHANNEL else "#" + self.names.channel(self.channel)
        return self.style.bold(f"{USER_NAME} in {where}") + " > "

    def _chat(self) -> bool:
        """One line at the chat prompt; False when the person is done."""
        line = self.lines.read(self._prompt())
        if line is None:
            return False
        text = line.strip()
        command, _, rest = text.partition(" ")
        if not text:
            return True
        if text in {":quit", ":exit", ":q"}:
            return False
        if text == ":help":
            self._note_lines(HELP.split("\n"))
        elif text == ":home":
            self._open_home()
        elif text == ":dm":
            self.channel = DM_CHANNEL
            self._note("You are in your DM with RoleFit.")
        elif command in {":channel", ":join", "/join"}:
            self._join(rest)
        elif command == ":click" or (
            text.isdigit() and int(text) in self.clickables.keys() | self.retired
        ):
            self._click(rest if command == ":click" else text)
        elif text.startswith(":"):
            self._note(f"Unknown command {command}; :help lists them.")
        elif command == "/rolefit":
            self._slash(command, rest)
        elif text.startswith("/"):
            self._note(f"{command} is not a command RoleFit knows here; try /rolefit help.")
        else:
            self._say(text)
        return True

    # -- talking -----------------------------------------------------------------------------

    def _join(self, name: str) -> None:
        name = name.strip().lstrip("#").lower()
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,79}", name):
            self._note("Which channel? e.g. :channel general")
            return
        # The stand-in names C_GENERAL "general", so ids follow names.
        self.channel = "C_" + name.upper()
        self.names.channels[self.channel] = name
        self._note(f"You are in #{name}. Mention @RoleFit to ask it something; :dm goes back.")

    def _open_home(self) -> None:
        """Open the Home tab: Slack sends app_home_opened (with the view, once there is one)."""
        home = self._view_payload(self.home) if self.home is not None else None
        self._send(self.requests.home_opened(user_id=USER_ID, view=home), "event")
        self._settle()
        if self.home is None:
            self._note("(RoleFit has no Home tab to show)")

    def _say(self, text: str) -> None:
        escaped = _as_slack_sends(text)
        if self.channel == DM_CHANNEL:
            signed = self.requests.dm(escaped, user_id=USER_ID)
        elif re.search(r"@rolefit\b", text, re.IGNORECASE):
            mention = re.sub(r"@rolefit\b", f"<@{BOT_USER_ID}>", escaped, flags=re.IGNORECASE)
            signed = self.requests.mention(mention, user_id=USER_ID, channel_id=self.channel)
        else:
            self._note("Posted. RoleFit only hears @RoleFit mentions in a channel.")
            return
        self._send(signed, "event")
        self._settle(expect_reply=True)

    def _slash(self, command: str, text: str) -> None:
        response_url = self._response_url(self.channel)
        signed = self.requests.slash_command(
            _as_slack_sends(text),
            user_id=USER_ID,
            user_name=USER_NAME,
            channel_id=self.channel,
            command=command,
            response_url=response_url,
        )
        body = self._send(signed, "slash_command")
        if isinstance(body, dict) and (body.get("text") or body.get("blocks")):
            in_channel = body.get("response_type") == "in_channel"
            shown = self._show(self.channel, body, ephemeral=not in_channel, ts=new_ts())
            self.response_urls[response_url.rsplit("/", 1)[-1]] = (self.channel, shown)
        self._settle()

    def _response_url(self, channel: str, origin: Message | None = None) -> str:
        """A response_url on the stand-in, remembering where its posts belong."""
        url = self.requests.next_response_url()
        self.response_urls[url.rsplit("/", 1)[-1]] = (channel, origin)
        return url

    def _send(self, signed: SignedRequest, kind: str) -> Json | str | None:
        """Post a signed request to the app; its response body (JSON, text or nothing)."""
        status, _headers, raw = self.live.post(signed)
        text = raw.decode("utf-8", "replace") if raw else ""
        try:
            body: Json | str | None = json.loads(text) if text else None
        except ValueError:
            body = text
        if self.as_json:
            self.out.json({"ack": kind, "status": status, "body": body})
        elif status != 200:
            self._note(f"RoleFit answered HTTP {status} to that {kind}.")
        return body

    # -- clicking ----------------------------------------------------------------------------

    def _click(self, number_text: str) -> bool:
        """Click button N; False (and a note) when there is no such button on screen."""
        number = self._button_number(number_text.strip())
        clickable = self.clickables.get(number)
        if clickable is None:
            gone = number in self.retired
            self._note(
                f"Button {number} is no longer on screen."
                if gone
                else f"There is no button {number_text.strip() or '?'}."
            )
            return False
        view = self._view(clickable.view_id) if clickable.view_id else None
        action = clickable.control.action(new_ts())
        message = clickable.message
        if view is not None:
            signed = self.requests.block_action(
                action["action_id"],
                action=action,
                view=self._view_payload(view),
                user_id=USER_ID,
                user_name=USER_NAME,
            )
        elif message is not None:
            signed = self.requests.block_action(
                action["action_id"],
                action=action,
                channel_id=message.channel,
                message=app_message(message.body, message.ts),
                ephemeral=message.ephemeral,
                response_url=self._response_url(message.channel, message),
                user_id=USER_ID,
                user_name=USER_NAME,
            )
        else:
            self._note(f"Button {number} was in a form that is closed now.")
            return False
        self._send(signed, "block_actions")
        self._settle()
        return True

    def _button_number(self, wanted: str) -> int:
        """A button by its number, or the latest one whose label contains the words given."""
        if wanted.isdigit():
            return int(wanted)
        for number in sorted(self.clickables, reverse=True):
            if wanted and wanted.casefold() in self.clickables[number].control.label.casefold():
                return number
        return 0

    def _retire(self, owner: Message | str | None) -> None:
        """Forget the buttons of a message that was replaced, or of a view (by id) that changed
        or closed; None retires the buttons of every view on the modal stack."""
        owners: list[Message | str] = [v.id for v in self.views] if owner is None else [owner]
        for number, clickable in list(self.clickables.items()):
            if any(o is clickable.message or o == clickable.view_id for o in owners):
                del self.clickables[number]
                self.retired.add(number)

    def _view_payload(self, view: OpenView) -> Json:
        """The view as it stands on screen: what Slack echoes back with a click or submission."""
        values = view.form.state_values()
        return {**view.form.view, "id": view.id, "hash": view.hash, "state": {"values": values}}

    # -- forms -------------------------------------------------------------------------------

    def _fill_form(self) -> bool:
        """Ask the top view's pending questions, then submit it; False when input ended."""
        view = self.views[-1]
        if not view.shown:
            self._show_view(view)
        while view.pending:
            question = view.form.question(view.pending[0])
            if question is None:
                view.pending.pop(0)
                continue
            outcome = self._ask(view, question)
            if outcome != "answered":
                return outcome != "quit"
            view.pending.pop(0)
        if view.form.submit_label is None:
            if not any(c.view_id == view.id for c in self.clickables.values()):
                self._close_views("closed")
                return True
            return self._wait_on_view(view, "Enter closes the form")
        if not view.form.questions:
            return self._wait_on_view(view, f"Enter submits “{view.form.submit_label}”")
        self._submit(view)
        return True

    def _wait_on_view(self, view: OpenView, what: str) -> bool:
        self._note(f"{what}; :click N for a button, :cancel to close.")
        answer = self.lines.read("> ")
        if answer is None or answer.strip() in {":quit", ":exit"}:
            return False
        handled = self._form_command(answer.strip())
        if handled == "stay":
            return True
        if handled is None:
            if view.form.submit_label is None:
                self._close_views("closed")
            else:
                self._submit(view)
        return True

    def _ask(self, view: OpenView, question: Question) -> str:
        """One question: "answered", "quit", or "moved" (a click or cancel changed the form)."""
        error = view.errors.pop(question.block_id, None)
        lines = question.lines(self.style, self.names)
        current = view.form.answers.get(question.block_id)
        kept = question.describe(current, self.style, self.names) if current else ""
        if kept:
            lines.append("  " + self.style.dim(f"(Enter keeps: {kept})"))
        if error:
            lines.append("  " + self._warning(error))
        if not self.as_json:
            self.out.lines(lines, indent="  ")
        while True:
            answer = self.lines.read("  > ")
            if answer is None or answer.strip() in {":quit", ":exit"}:
                return "quit"
            handled = self._form_command(answer.strip())
            if handled == "stay":
                continue
            if handled is not None:
                return handled
            if not answer.strip() and current is not None:
                return "answered"
            try:
                view.form.answers[question.block_id] = question.parse(answer)
            except AnswerError as problem:
                self._warn(str(problem))
                continue
            return "answered"

    def _form_command(self, text: str) -> str | None:
        """Commands a form understands; None when the line is an answer."""
        command, _, rest = text.partition(" ")
        if command == ":cancel":
            self._close_views("cancelled", notify=True)
            return "moved"
        if command == ":click":
            return "moved" if self._click(rest) else "stay"
        if command == ":help":
            self._note_lines(HELP.split("\n"))
            return "stay"
        return None

    def _submit(self, view: OpenView) -> None:
        signed = self.requests.view_submission(
            self._view_payload(view),
            view.form.state_values(),
            user_id=USER_ID,
            user_name=USER_NAME,
        )
        body = self._send(signed, "view_submission")
        reply = body if isinstance(body, dict) else {}
        action = reply.get("response_action")
        if action == "errors":
            errors = {str(k): str(v) for k, v in (reply.get("errors") or {}).items()}
            asked = [q.block_id for q in view.form.questions if q.block_id in errors]
            view.errors = errors
            view.pending = asked or [q.block_id for q in view.form.questions]
            unplaced = [message for block, message in errors.items() if block not in asked]
            if unplaced:
                self._warn(" ".join(unplaced))
        elif action == "update":
            self._retire(view.id)
            self.views[-1] = OpenView.of(reply["view"], view.id, view.hash, view.form)
        elif action == "clear":
            self._close_views("closed")
        elif action is None:
            self._retire(self.views.pop().id)
            if not self.views:
                self._note("(form submitted and closed)")
        else:  # RoleFit answers only with errors or update; anything else is shown, not played
            self._close_views(f"closed: RoleFit answered response_action “{action}”")
        self._settle()

    def _close_views(self, how: str, *, notify: bool = False) -> None:
        if notify and self.views and self.views[-1].form.view.get("notify_on_close"):
            signed = self.requests.view_closed(
                self._view_payload(self.views[-1]), user_id=USER_ID, user_name=USER_NAME
            )
            self._send(signed, "view_closed")
        self._retire(None)
        self.views.clear()
        self._note(f"(form {how})")
        self._settle()

    def _view(self, view_id: str) -> OpenView | None:
        """A view on screen: in the modal stack, or the Home tab."""
        on_screen = [*self.views, *([self.home] if self.home else [])]
        return next((v for v in on_screen if v.id == view_id), None)

    def _number_view(self, view: OpenView) -> list[str]:
        """Render a view's non-input blocks, numbering its buttons; the lines to print."""
        view.shown = True
        intro = view.form.intro(self.style, self.names, self.numbered + 1)
        for control in intro.controls:
            self.clickables[control.number] = Clickable(control, view_id=view.id)
        self.numbered += len(intro.controls)
        return intro.lines

    def _show_view(self, view: OpenView) -> None:
        lines = self._number_view(view)
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

    # -- what RoleFit sent -------------------------------------------------------------------

    def _settle(self, *, expect_reply: bool = False) -> None:
        """Wait until RoleFit has finished all it started (its lazy listeners included), then
        render what it sent. After a DM or mention, say so when it sent nothing at all."""
        try:
            self.live.wait_until_idle(WORK_TIMEOUT)
        except TimeoutError:
            self._note(f"(RoleFit is still working after {WORK_TIMEOUT:g}s)")
        new = self._new_calls()
        for call in new:
            self._render_call(call)
        if expect_reply and not any(call.method in MESSAGE_METHODS for call in new):
            self._note("(RoleFit did not answer)")

    def _new_calls(self) -> list[RecordedCall]:
        calls = self.api.calls
        new, self.seen = calls[self.seen :], len(calls)
        return new

    def _render_call(self, call: RecordedCall) -> None:
        if self.as_json:
            self.out.json({"method": call.method, "body": call.body})
        body, answer = call.body, call.response
        if call.method in MODAL_METHODS:
            self._follow_view(call.method, body, answer)
        elif call.method in {"chat.postMessage", "chat.postEphemeral"}:
            channel = str(answer.get("channel") or body.get("channel") or "")
            ts = str(answer.get("ts") or answer.get("message_ts") or new_ts())
            ephemeral = call.method == "chat.postEphemeral"
            self._show(channel, body, ephemeral=ephemeral, ts=ts)
        elif call.method == "response_url":
            self._show_response(call.path.rsplit("/", 1)[-1], body)
        elif call.method == "views.publish":
            self._show_home(body, answer)
        elif call.method not in SILENT_METHODS:
            self._note(f"(RoleFit called {call.method})")

    def _show_response(self, name: str, body: Json) -> None:
        """A post to a response_url: a new message where it came from, or a change to the
        message it came with (replace_original / delete_original)."""
        channel, origin = self.response_urls.get(name, (self.channel, None))
        if body.get("delete_original"):
            if origin is not None:
                self._retire(origin)
            self._note("(RoleFit deleted the message)")
        elif body.get("replace_original") and origin is not None:
            self._show(origin.channel, body, ephemeral=origin.ephemeral, ts=origin.ts, edited=True)
        else:
            ephemeral = body.get("response_type") != "in_channel"
            self._show(channel, body, ephemeral=ephemeral, ts=new_ts())

    def _show(
        self, channel: str, body: Json, *, ephemeral: bool, ts: str, edited: bool = False
    ) -> Message:
        """Render one message from RoleFit and number its controls."""
        thread_ts = body.get("thread_ts")
        message = Message(channel, ts, body, ephemeral, str(thread_ts) if thread_ts else None)
        if edited and (channel, ts) in self.messages:
            self._retire(self.messages[(channel, ts)])
        self.messages[(channel, ts)] = message
        rendered = render_message(body, self.style, self.names, self.numbered + 1)
        for control in rendered.controls:
            self.clickables[control.number] = Clickable(control, message=message)
        self.numbered += len(rendered.controls)
        if self.as_json:
            return message
        where = [self._where(channel)]
        if thread_ts:
            where.append("in thread")
        if edited:
            where.append("edited")
        if ephemeral:
            where.append("only visible to you")
        heading = self.style.colour_named(self.style.bold(BOT_NAME), "magenta")
        self.out.line(heading + self.style.dim(" · " + " · ".join(where)))
        self.out.lines(rendered.lines, indent="  ")
        return message

    def _follow_view(self, method: str, body: Json, answer: Json) -> None:
        """Keep the open form in step with views.open/update, as Slack's client does."""
        sent = body.get("view")
        if isinstance(sent, str):
            sent = json.loads(sent)
        if not isinstance(sent, dict) or answer.get("ok") is False:
            return
        assigned = answer.get("view") or {}
        view_id = str(assigned.get("id") or body.get("view_id") or self._view_id())
        view_hash = str(assigned.get("hash") or new_ts())
        if method == "views.open":
            self._retire(None)
            self.views = [OpenView.of(sent, view_id, view_hash)]
        else:
            wanted = body.get("view_id") or body.get("external_id")
            for index, current in enumerate(self.views):
                external = current.form.view.get("external_id")
                if wanted in (current.id, external):
                    self._retire(current.id)
                    self.views[index] = OpenView.of(sent, current.id, view_hash, current.form)

    def _show_home(self, body: Json, answer: Json) -> None:
        """views.publish: the Home tab, shown in full with its buttons numbered."""
        view = body.get("view")
        if not isinstance(view, dict) or answer.get("ok") is False:
            return
        assigned = answer.get("view") or {}
        if self.home is not None:
            self._retire(self.home.id)
        view_id = str(assigned.get("id") or self._view_id())
        self.home = OpenView.of(view, view_id, str(assigned.get("hash") or new_ts()))
        lines = self._number_view(self.home)
        if not self.as_json:
            heading = self.style.colour_named(self.style.bold(BOT_NAME), "magenta")
            self.out.line(heading + self.style.dim(" · Home tab"))
            self.out.lines(lines, indent="  ")

    # -- small things ------------------------------------------------------------------------

    def _where(self, channel: str) -> str:
        if channel.startswith("D"):
            return "DM"
        return "#" + channel_name(channel)

    def _note(self, text: str) -> None:
        if not self.as_json:
            self.out.line(self.style.dim(text))

    def _warning(self, text: str) -> str:
        return self.style.colour_named(f"⚠ {text}", "yellow")

    def _warn(self, text: str) -> None:
        if not self.as_json:
            self.out.line("  " + self._warning(text))

    def _note_lines(self, texts: list[str]) -> None:
        for text in texts:
            self._note(text)

    def _view_id(self) -> str:
        return new_view_id()


def _label(obj: object) -> str | None:
    return str(obj.get("text")) if isinstance(obj, dict) and obj.get("text") else None


def _as_slack_sends(text: str) -> str:
    """What Slack delivers for typed text: &, < and > escaped, @here/@channel/@everyone as
    special mentions (so the app's own escaping is exercised the way real users exercise it)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"(?<![\w@])@(here|channel|everyone)\b", r"<!\1>", escaped)
