"""The hiring questionnaire, end to end in the console, answered the way a person reads the
screen: every question gets an answer chosen from what the transcript shows, so these tests
follow the questionnaire whatever its steps and wording."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator

import pytest

from bot.sandbox.console.mrkdwn import Style
from bot.sandbox.console.session import Session
from bot.sandbox.console.terminal import Output
from bot.sandbox.live import LiveRoleFit

# A questionnaire that keeps asking longer than this is stuck: end the input instead of hanging.
MOST_ANSWERS = 100
Policy = Callable[[str], str]


class Person:
    """Types `chat` lines at the chat prompt; answers form prompts with `policy(transcript)`."""

    def __init__(self, chat: list[str], policy: Policy) -> None:
        self.chat = iter(chat)
        self.policy = policy
        self.screen = io.StringIO()
        self.answers = 0

    def read(self, prompt: str) -> str | None:
        self.answers += 1
        if self.answers > MOST_ANSWERS:
            return None
        if prompt.startswith("you in"):
            line = next(self.chat, None)
        else:
            line = self.policy(self.screen.getvalue())
        if line is not None:
            self.screen.write(f"> {line}\n")
        return line


def current_question(transcript: str) -> str:
    """The label of the question on screen: the last line indented by exactly two spaces."""
    return [line for line in transcript.splitlines() if re.match(r"^  \S", line)][-1]


def first_choice_or_enter(transcript: str) -> str:
    """Choose option 1 of a question; Enter where there is nothing to answer."""
    last = transcript.rstrip("\n").rsplit("\n", 1)[-1]
    return "" if last.startswith("Enter ") else "1"


def skip_what_is_optional(transcript: str) -> str:
    """Leave optional fields empty unless the app asked again; otherwise choose option 1."""
    question_at = transcript.rindex(current_question(transcript))
    asked_again = "⚠" in transcript[question_at:]
    optional = "(optional" in current_question(transcript)
    if optional and not asked_again:
        return ""
    return first_choice_or_enter(transcript)


@pytest.fixture(scope="module")
def live() -> Iterator[LiveRoleFit]:
    with LiveRoleFit() as running:
        yield running


def play(live: LiveRoleFit, chat: list[str], policy: Policy) -> str:
    person = Person(chat, policy)
    Session(live, person, Output(person.screen, Style.plain(), secrets=[])).run()
    return person.screen.getvalue()


def test_the_recommendation_is_posted_to_the_channel_it_started_in(live: LiveRoleFit) -> None:
    out = play(live, [":channel general", "/rolefit hire"], first_choice_or_enter)
    assert out.count("== Form: ") >= 2  # several steps, each shown as a form
    posted = out[out.index("(form submitted and closed)") :]
    heading = "RoleFit · #general\n"
    assert heading in posted
    recommendation = posted[posted.index(heading) :]
    assert re.search(r"Product (Owner|Manager)", recommendation)


def test_errors_from_the_app_re_ask_the_field_with_its_message(live: LiveRoleFit) -> None:
    out = play(live, ["/rolefit hire"], skip_what_is_optional)
    warning = out.index("⚠")
    asked_again = current_question(out[:warning])
    assert out.count(asked_again) >= 2  # asked, refused by the app, asked again
    assert "== Form: " in out[warning:]  # the corrected answer moves on
    assert "RoleFit · DM" in out[warning:]  # and the questionnaire still finishes


def describe_the_work_in_words_when_refused(transcript: str) -> str:
    """Leave optional fields empty; once refused, skip the picks and describe the work in
    words under the field after them, as the app's message says."""
    if "⚠" not in transcript or "(optional" not in current_question(transcript):
        return skip_what_is_optional(transcript)
    refused_at = transcript.rindex("⚠")
    after = transcript[refused_at:]
    return "backlog and pricing" if "\n  " in after.split("\n", 1)[-1] else ""


def test_a_refused_step_asks_again_the_fields_after_the_refused_one(live: LiveRoleFit) -> None:
    # found by a newcomer: refused for picking no work, the console asked only for the picks
    # again and never for "Anything else?", where the message said the work could be described
    out = play(live, ["/rolefit hire"], describe_the_work_in_words_when_refused)
    warning = out.index("⚠")
    assert "> backlog and pricing" in out[warning:]
    assert "RoleFit · DM" in out[warning:]


def test_a_back_button_in_the_form_shows_the_previous_step_with_its_answers(
    live: LiveRoleFit,
) -> None:
    clicked: list[str] = []

    def go_back_once(transcript: str) -> str:
        form = transcript[transcript.rindex("== Form: ") :]
        back = re.search(r"\[(\d+)\] [^\[\n]*Back", form)
        if back and not clicked:
            clicked.append(transcript[transcript.rindex("== Form: ") :].split("\n", 1)[0])
            return f":click {back.group(1)}"
        return first_choice_or_enter(transcript)

    out = play(live, ["/rolefit hire"], go_back_once)
    assert clicked
    back = out[out.index("> :click") :]
    previous = back[back.index("== Form: ") :]
    assert previous.split("\n", 1)[0] != clicked[0]  # another step than the one we left
    assert "(Enter keeps: " in previous  # with what was answered there


def test_typing_on_the_page_that_asks_nothing_does_not_send_the_form(live: LiveRoleFit) -> None:
    # found by a tester: "wait what" on the advice page sent the advice, as Enter does
    typed: list[str] = []

    def type_once_where_enter_submits(transcript: str) -> str:
        last = transcript.rstrip("\n").rsplit("\n", 1)[-1]
        if last.startswith("Enter submits") and not typed:
            typed.append("wait, what?")
            return typed[0]
        return first_choice_or_enter(transcript)

    out = play(live, ["/rolefit hire"], type_once_where_enter_submits)
    after = out[out.index("> wait, what?") :]
    assert after.index("This page asks nothing.") < after.index("(form submitted and closed)")
    assert after.count("RoleFit · DM") == 1  # sent once, by the Enter that followed
