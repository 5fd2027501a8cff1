"""The console session: a person at a prompt plays a Slack user against the live RoleFit app.

This is the input loop: it reads the person's lines and dispatches them. What a line does in
Slack is `SlackUser`'s, what is on screen is `Screen`'s, and how it is shown is `Transcript`'s.
"""

from __future__ import annotations

import re

from bot.sandbox.console.form import AnswerError, Question
from bot.sandbox.console.screen import DM_CHANNEL, USER_NAME, OpenView, Screen
from bot.sandbox.console.slack_user import LiveApp, SlackUser
from bot.sandbox.console.terminal import Lines, Output
from bot.sandbox.console.transcript import Transcript

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
  :team T_OTHER        speak from another workspace (each has its own set-up: try
                       /rolefit set product-owner @dana in one, then ask in both)
  :help                this help          :quit  leave (Ctrl-D and Ctrl-C work too)
In a form: answer each question (a number, numbers like 1,3, or text; Enter keeps the shown
value or skips an optional field), :click N for a button in the form, :cancel to close it."""


class Session:
    """One person's conversation with RoleFit. `run()` returns the exit status (always 0)."""

    def __init__(self, live: LiveApp, lines: Lines, out: Output, *, as_json: bool = False) -> None:
        self.lines = lines
        self.out = out
        self.screen = Screen()
        self.transcript = Transcript(out, self.screen, as_json=as_json)
        self.user = SlackUser(live, self.screen, self.transcript)

    def run(self) -> int:
        self.transcript.welcome()
        try:
            going = True
            while going:
                going = self._fill_form(self.screen.modal) if self.screen.modal else self._chat()
        except KeyboardInterrupt:
            self.out.line()
        return 0

    # -- the chat prompt ---------------------------------------------------------------------

    def _prompt(self) -> str:
        channel = self.screen.channel
        where = "DM" if channel == DM_CHANNEL else "#" + self.screen.names.channel(channel)
        return self.out.style.bold(f"{USER_NAME} in {where}") + " > "

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
            self.transcript.notes(HELP.split("\n"))
        elif text == ":home":
            self.user.open_home()
        elif text == ":dm":
            self.screen.channel = DM_CHANNEL
            self.transcript.note("You are in your DM with RoleFit.")
        elif command in {":channel", ":join", "/join"}:
            self._join(rest)
        elif command == ":team":
            self._switch_team(rest.strip())
        elif command == ":click" or self.screen.is_button(text):
            self.user.click(rest if command == ":click" else text)
        elif text.startswith(":"):
            self.transcript.note(f"Unknown command {command}; :help lists them.")
        elif command == "/rolefit":
            self.user.slash(command, rest)
        elif text.startswith("/"):
            self.transcript.note(
                f"{command} is not a command RoleFit knows here; try /rolefit help."
            )
        else:
            self.user.say(text)
        return True

    def _join(self, name: str) -> None:
        name = name.strip().lstrip("#").lower()
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,79}", name):
            self.transcript.note("Which channel? e.g. :channel general")
            return
        # The stand-in names C_GENERAL "general", so ids follow names, written as Slack writes
        # ids (capitals, digits and "_", at most 31 characters: #exec-team is C_EXEC_TEAM).
        self.screen.channel = "C_" + re.sub(r"[^A-Z0-9]", "_", name.upper())[:29]
        self.screen.names.channels[self.screen.channel] = name
        self.transcript.note(
            f"You are in #{name}. Mention @RoleFit to ask it something; :dm goes back."
        )

    def _switch_team(self, team: str) -> None:
        if not team:
            self.transcript.note(f"You are in workspace {self.user.requests.team_id}.")
            return
        if not re.fullmatch(r"T[A-Z0-9_]{1,30}", team):
            self.transcript.note("Which workspace? A team id, e.g. :team T_OTHER")
            return
        self.user.requests.team_id = team
        self.transcript.note(
            f"You are now in workspace {team}: what you send comes from there, and RoleFit "
            "answers with that workspace's set-up."
        )

    # -- an open form ------------------------------------------------------------------------

    def _fill_form(self, view: OpenView) -> bool:
        """Ask the form's pending questions, then submit it; False when input ended."""
        if not view.shown:
            self.transcript.form(view)
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
            if not self.screen.has_buttons(view.id):
                self.user.close("closed")
                return True
            return self._wait_on_view(view, "Enter closes the form")
        if not view.form.questions:
            return self._wait_on_view(view, f"Enter submits “{view.form.submit_label}”")
        self.user.submit(view)
        return True

    def _wait_on_view(self, view: OpenView, what: str) -> bool:
        """A page with nothing to answer: Enter submits (or closes) it. Anything else typed is
        not taken for a yes ("wait, what?" must not send the form)."""
        hint = f"{what}; :click N for a button, :cancel to close."
        self.transcript.note(hint)
        while True:
            answer = self.lines.read("> ")
            if answer is None or answer.strip() in {":quit", ":exit"}:
                return False
            if self._form_command(answer.strip()) is not None:
                return True  # a click, :cancel or :help, handled; a page still open waits again
            if not answer.strip():
                break
            self.transcript.note("This page asks nothing.")
            self.transcript.note(hint)
        if view.form.submit_label is None:
            self.user.close("closed")
        else:
            self.user.submit(view)
        return True

    def _ask(self, view: OpenView, question: Question) -> str:
        """One question: "answered", "quit", or "moved" (a click or cancel changed the form)."""
        current = view.form.answers.get(question.block_id)
        self.transcript.question(question, current, view.errors.pop(question.block_id, None))
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
                view.form.answers[question.block_id] = question.parse(answer, self.screen.names)
            except AnswerError as problem:
                self.transcript.warn(str(problem))
                continue
            return "answered"

    def _form_command(self, text: str) -> str | None:
        """Commands a form understands; None when the line is an answer."""
        command, _, rest = text.partition(" ")
        if command == ":cancel":
            self.user.close("cancelled", notify=True)
            return "moved"
        if command == ":click":
            return "moved" if self.user.click(rest) else "stay"
        if command == ":help":
            self.transcript.notes(HELP.split("\n"))
            return "stay"
        return None
