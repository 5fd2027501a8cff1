"""A modal as a terminal form: each input block becomes a question, answers become Slack's
`view.state.values` — exactly what a `view_submission` or an in-modal `block_actions` carries.

Checks Slack's client makes before it lets a person submit (required fields, lengths, how many
options) happen here too, so the app only sees what Slack would send it. The inputs are the ones
RoleFit's modals use: radio buttons, checkboxes, selects and plain text.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox.console.blocks import Rendered, options_of, render_blocks
from bot.sandbox.console.mrkdwn import Names, Style, text_object

Json = dict[str, Any]

SINGLE_CHOICE = {"static_select", "radio_buttons"}
MULTI_CHOICE = {"multi_static_select", "checkboxes"}
PEOPLE = "multi_users_select"  # the holders modal's people picker
# A person named in the console: `@dana`, whom its workspace knows as UDANA.
NAMED_PERSON = re.compile(r"(?<![\w@<|!])@(?!(?:here|channel|everyone)\b)([a-zA-Z][\w.-]*)")


def person_id(name: str) -> str:
    """The user id the console's workspace gives someone named `name` ("dana" -> "UDANA")."""
    return "U" + re.sub(r"[^A-Z0-9]", "", name.upper())


REQUIRED_MESSAGE = "This field is required."


class AnswerError(ValueError):
    """An answer Slack's own client would refuse; str() is the message shown under the field."""


def with_ids(view: Json) -> Json:
    """A copy of the view where every block and element has an id, as Slack assigns them."""
    view = copy.deepcopy(view)
    for index, block in enumerate(view.get("blocks", [])):
        block.setdefault("block_id", f"block-{index}")
        element = block.get("element")
        if isinstance(element, dict):
            element.setdefault("action_id", f"action-{index}")
        for position, item in enumerate(block.get("elements", [])):
            if isinstance(item, dict) and "action_id" not in item and block["type"] == "actions":
                item["action_id"] = f"action-{index}-{position}"
        accessory = block.get("accessory")
        if isinstance(accessory, dict) and accessory.get("type") != "image":
            accessory.setdefault("action_id", f"action-{index}")
    return view


@dataclass(frozen=True)
class Question:
    """One input block of a modal."""

    block_id: str
    action_id: str
    element: Json
    label: str
    hint: str
    optional: bool

    @property
    def kind(self) -> str:
        return str(self.element.get("type", "plain_text_input"))

    @property
    def options(self) -> list[Json]:
        return options_of(self.element)

    def initial(self) -> Json | None:
        """The state the field starts in when the view sets an initial value."""
        element, kind = self.element, self.kind
        if kind in SINGLE_CHOICE and element.get("initial_option"):
            return {"type": kind, "selected_option": element["initial_option"]}
        if kind in MULTI_CHOICE and element.get("initial_options"):
            return {"type": kind, "selected_options": list(element["initial_options"])}
        if kind == PEOPLE and element.get("initial_users"):
            return {"type": kind, "selected_users": list(element["initial_users"])}
        if element.get("initial_value") not in (None, ""):
            return {"type": kind, "value": str(element["initial_value"])}
        return None

    def empty(self) -> Json:
        """What Slack sends for a field left blank."""
        kind = self.kind
        if kind in SINGLE_CHOICE:
            return {"type": kind, "selected_option": None}
        if kind in MULTI_CHOICE:
            return {"type": kind, "selected_options": []}
        if kind == PEOPLE:
            return {"type": kind, "selected_users": []}
        return {"type": kind, "value": None}

    def describe(self, state: Json, style: Style, names: Names | None = None) -> str:
        """A state entry in words, for "Enter keeps …"."""
        if state.get("selected_option"):
            return text_object(state["selected_option"].get("text"), style, names)
        if state.get("selected_options"):
            return ", ".join(
                text_object(option.get("text"), style, names)
                for option in state["selected_options"]
            )
        if state.get("selected_users"):
            return " ".join(
                f"@{names.user(user) if names else user}" for user in state["selected_users"]
            )
        for key, value in state.items():
            if key != "type" and value not in (None, "", []):
                return str(value)
        return ""

    def lines(self, style: Style, names: Names | None = None) -> list[str]:
        """The question as shown before its prompt: label, hint, numbered options."""
        marker = style.dim("(optional — Enter skips)") if self.optional else ""
        out = [f"{style.bold(self.label)} {marker}".rstrip()]
        if self.hint:
            out.append("  " + style.dim(self.hint))
        if self.kind in SINGLE_CHOICE | MULTI_CHOICE:
            number = 0
            groups = self.element.get("option_groups")
            sets = [(g.get("label"), g.get("options", [])) for g in groups] if groups else []
            for group_label, options in sets or [(None, self.options)]:
                if group_label:
                    out.append("  " + style.dim(text_object(group_label, style, names)))
                for option in options:
                    number += 1
                    text = text_object(option.get("text"), style, names)
                    description = text_object(option.get("description"), style, names)
                    suffix = style.dim(f" — {description}") if description else ""
                    out.append(f"  {number}) {text}{suffix}")
            if self.kind in MULTI_CHOICE:
                out.append("  " + style.dim("(numbers separated by commas)"))
        if self.kind == PEOPLE:
            out.append("  " + style.dim("(people as @name, separated by spaces; nobody to clear)"))
        return out

    def prompt(self) -> str:
        """The short prompt for the answer line."""
        count = len(self.options)
        if self.kind in SINGLE_CHOICE:
            return f"{self.label} [1-{count}]"
        if self.kind in MULTI_CHOICE:
            return f"{self.label} [e.g. 1,3]"
        return self.label

    def parse(self, answer: str, names: Names | None = None) -> Json:
        """The state entry for a typed answer; AnswerError says what Slack would say. People
        picked by @name are put in `names`, so the screen shows them by it."""
        answer = answer.strip()
        if not answer:
            if self.optional:
                return self.empty()
            raise AnswerError(REQUIRED_MESSAGE)
        kind = self.kind
        if kind == PEOPLE:
            if answer.casefold() in {"nobody", "none", "-"}:  # Slack's picker, emptied
                return self.empty()
            named = NAMED_PERSON.findall(answer)
            if not named or NAMED_PERSON.sub("", answer).strip(" ,"):
                raise AnswerError("Name people as @name, separated by spaces.")
            if names is not None:
                names.users.update({person_id(name): name for name in named})
            return {"type": kind, "selected_users": list(dict.fromkeys(map(person_id, named)))}
        if kind in SINGLE_CHOICE:
            return {"type": kind, "selected_option": self._choose(answer)}
        if kind in MULTI_CHOICE:
            chosen: list[Json] = []
            for token in _choices(answer):
                option = self._choose(token)
                if option not in chosen:
                    chosen.append(option)
            limit = self.element.get("max_selected_items")
            if isinstance(limit, int) and len(chosen) > limit:
                raise AnswerError(f"Choose at most {limit}.")
            return {"type": kind, "selected_options": chosen}
        self._check_length(answer)
        return {"type": kind, "value": answer}

    def _choose(self, token: str) -> Json:
        """An option by number, by its label or value, or by the start of one label."""
        options = self.options
        if token.isdigit() and 1 <= int(token) <= len(options):
            return options[int(token) - 1]
        wanted = token.casefold()
        labels = [text_object(o.get("text"), Style.plain()).casefold() for o in options]
        for option, label in zip(options, labels, strict=True):
            if wanted in (label, str(option.get("value", "")).casefold()):
                return option
        starting = [o for o, label in zip(options, labels, strict=True) if label.startswith(wanted)]
        if len(starting) == 1:
            return starting[0]
        raise AnswerError(f"Choose a number from 1 to {len(options)}.")

    def _check_length(self, answer: str) -> None:
        shortest, longest = self.element.get("min_length"), self.element.get("max_length")
        if isinstance(shortest, int) and len(answer) < shortest:
            raise AnswerError(f"Please enter at least {shortest} characters.")
        if isinstance(longest, int) and len(answer) > longest:
            raise AnswerError(f"Please enter no more than {longest} characters.")


def _choices(answer: str) -> list[str]:
    """ "1, 3", "1 3" or "Backlog, Pricing": commas separate choices, spaces separate numbers."""
    tokens: list[str] = []
    for part in answer.split(","):
        part = part.strip()
        tokens.extend(part.split() if re.fullmatch(r"[\d\s]+", part) else [part] if part else [])
    return tokens


@dataclass
class Form:
    """A modal view (ids filled in) and its questions, with the answers given so far."""

    view: Json
    questions: list[Question]
    answers: dict[str, Json] = field(default_factory=dict)

    @classmethod
    def from_view(cls, view: Json, previous: Form | None = None) -> Form:
        """Build the form; answers to fields with the same block and action ids carry over,
        as Slack keeps what a person typed across views.update."""
        view = with_ids(view)
        questions = [
            Question(
                block_id=str(block["block_id"]),
                action_id=str(block["element"].get("action_id")),
                element=block["element"],
                label=text_object(block.get("label"), Style.plain()),
                hint=text_object(block.get("hint"), Style.plain()),
                optional=bool(block.get("optional")),
            )
            for block in view.get("blocks", [])
            if block.get("type") == "input" and isinstance(block.get("element"), dict)
        ]
        form = cls(view, questions)
        for question in questions:
            initial = question.initial()
            kept = previous.answer_for(question) if previous else None
            if kept is not None:
                form.answers[question.block_id] = kept
            elif initial is not None:
                form.answers[question.block_id] = initial
        return form

    def answer_for(self, question: Question) -> Json | None:
        """This form's answer for a field with the same ids and element type, if any."""
        for mine in self.questions:
            same = (mine.block_id, mine.action_id, mine.kind) == (
                question.block_id,
                question.action_id,
                question.kind,
            )
            if same and mine.block_id in self.answers:
                return self.answers[mine.block_id]
        return None

    def question(self, block_id: str) -> Question | None:
        return next((q for q in self.questions if q.block_id == block_id), None)

    def state_values(self) -> Json:
        """Slack's `view.state.values`: every input, answered or left empty."""
        return {
            q.block_id: {q.action_id: self.answers.get(q.block_id, q.empty())}
            for q in self.questions
        }

    def intro(self, style: Style, names: Names | None, first_number: int) -> Rendered:
        """Everything that is not a question (text, context, buttons such as Back)."""
        others = [b for b in self.view.get("blocks", []) if b.get("type") != "input"]
        return render_blocks(others, style, names, first_number)

    @property
    def title(self) -> str:
        return text_object(self.view.get("title"), Style.plain())

    @property
    def submit_label(self) -> str | None:
        submit = self.view.get("submit")
        return text_object(submit, Style.plain()) if submit else None
