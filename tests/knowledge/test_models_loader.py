"""Loading the knowledge base: what ships, what overlays may change, how mistakes are reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge import KnowledgeError, Matcher, load_knowledge
from knowledge.models import ARTICLE_SECTIONS
from tests.slack_schemas import shared_dir

# Every responsibility the article names, by the id the Slack side and the advisor refer to.
ARTICLE_RESPONSIBILITIES = {
    "product-owner": {
        "po-backlog",
        "po-product-goal",
        "po-stakeholders",
        "po-roadmap-alignment",
        "po-features",
        "po-user-stories",
        "po-sprint-planning",
        "po-test-planning",
        "po-requirement-priorities",
        "po-maximise-value",
    },
    "product-manager": {
        "pm-product-strategy",
        "pm-portfolio",
        "pm-technology-roadmap",
        "pm-go-to-market",
        "pm-supply-chain-margins",
        "pm-supplier-orchestration",
        "pm-customer-visits",
        "pm-csuite-financials",
        "pm-cross-functional-communication",
        "pm-lead-product-team",
        "pm-market-research",
        "pm-competitive-analysis",
        "pm-product-performance",
        "pm-customer-interviews",
        "pm-customer-profiles",
        "pm-marketing-direction",
        "pm-positioning",
        "pm-business-financial-analysis",
        "pm-what-to-build",
        "pm-approvals-to-market",
        "pm-growth-opportunities",
    },
    "both": {
        "both-customer-needs",
        "both-technical-requirements",
        "both-product-roadmap",
        "both-the-product-as-a-whole",
    },
}


def write(tmp_path: Path, text: str, name: str = "overlay.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_for(*overlays: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(overlays)
    return caught.value.problems


def test_builtin_knowledge_has_both_roles_ready_for_a_comparison() -> None:
    kb = load_knowledge()
    assert set(kb.roles) == {"product-owner", "product-manager"}
    for role in kb.roles.values():
        assert role.short in {"PO", "PM"}
        assert 3 <= len(role.owns) <= 6
        assert role.summary and role.when_to_hire
        assert role.holders == []


def test_every_responsibility_the_article_names_is_there_with_its_owners() -> None:
    kb = load_knowledge()
    by_owner: dict[str, set[str]] = {
        "product-owner": set(),
        "product-manager": set(),
        "both": set(),
    }
    for responsibility in kb.responsibilities:
        key = "both" if len(responsibility.owners) == 2 else responsibility.owners[0]
        by_owner[key].add(responsibility.id)
        assert responsibility.section in ARTICLE_SECTIONS
        assert len(responsibility.phrases) >= 5, responsibility.id
    assert by_owner == ARTICLE_RESPONSIBILITIES
    assert all(role.why_section in ARTICLE_SECTIONS for role in kb.roles.values())
    assert kb.responsibility("po-backlog") is not None
    assert kb.responsibility("no-such-thing") is None


def test_neighbours_name_who_does_the_work_instead() -> None:
    owners = {n.id: n.owner for n in load_knowledge().neighbours}
    assert owners == {
        "nb-creative-campaign": "the creative team",
        "nb-narrow-slice": "specialists such as R&D's design engineers or Operations' logistics "
        "managers",
        "nb-design-engineering": "the design engineers in R&D",
        "nb-logistics": "the logistics manager in Operations",
        "nb-choosing-the-hire": "the company's leaders",
    }


def test_knowledge_is_in_our_own_words_not_pasted_from_the_article() -> None:
    article_dir = shared_dir() / "seed"
    if not article_dir.is_dir():
        pytest.skip(f"the seed article is not at {article_dir} (set ROLEFIT_SHARED)")
    article = " ".join(p.read_text(encoding="utf-8") for p in article_dir.glob("*.txt"))
    words = re.findall(r"[a-z0-9]+", article.lower())
    article_runs = {tuple(words[i : i + 8]) for i in range(len(words) - 7)}
    kb = load_knowledge()
    texts = [r.why for r in kb.responsibilities] + [n.why for n in kb.neighbours]
    texts += [r.inferred.why for r in kb.responsibilities if r.inferred]
    texts += [t for role in kb.roles.values() for t in (role.summary, role.when_to_hire, role.why)]
    for text in texts:
        ours = re.findall(r"[a-z0-9]+", text.lower())
        pasted = [run for run in zip(*(ours[i:] for i in range(8)), strict=False)]
        assert not article_runs.intersection(pasted), text


def test_overlay_adds_a_responsibility_phrases_and_holders(tmp_path: Path) -> None:
    overlay = write(
        tmp_path,
        """
responsibilities:
  - id: pm-pricing-council
    title: Chairing the pricing council
    owners: [product-manager]
    phrases: [pricing council, price committee]
    section: Business and Financial Analysis
    why: Our company asks the Product Manager to chair the monthly pricing council.
add_phrases:
  po-backlog: [the big wall of post-its]
holders:
  product-owner: [U012ABCDEF]
  product-manager: [S0PMGROUP, W0ENTERPRISE]
""",
    )
    kb = load_knowledge([overlay])
    assert kb.responsibility("pm-pricing-council") is not None
    assert kb.roles["product-owner"].holders == ["U012ABCDEF"]
    assert kb.roles["product-manager"].holders == ["S0PMGROUP", "W0ENTERPRISE"]
    matcher = Matcher(kb)
    answer = matcher.answer("who sorts the big wall of post-its?")
    assert answer.responsibility is not None
    assert answer.responsibility.id == "po-backlog"
    assert matcher.answer("who chairs the price committee").owners == ["product-manager"]


def test_overlays_apply_in_order_and_holders_accumulate(tmp_path: Path) -> None:
    first = write(tmp_path, "holders: {product-owner: [U1AAAA]}", "first.yaml")
    second = write(tmp_path, "holders: {product-owner: [U1AAAA, U2BBBB]}", "second.yaml")
    assert load_knowledge([first, second]).roles["product-owner"].holders == ["U1AAAA", "U2BBBB"]


def test_an_empty_overlay_changes_nothing(tmp_path: Path) -> None:
    overlay = write(tmp_path, "# nothing yet\n")
    assert load_knowledge([overlay]) == load_knowledge()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "responsibilities:\n  - id: po-extra\n    title: T\n    owners: [product-owner]\n"
            "    phrases: []\n    section: S\n    why: W\n",
            "responsibility 'po-extra': phrases must not be empty",
        ),
        (
            "responsibilities:\n  - id: po-extra\n    title: T\n    owners: [product-owner]\n"
            "    phrases: [x]\n    section: S\n    why: W\n    colour: red\n",
            "responsibility 'po-extra': unknown key 'colour'",
        ),
        (
            "responsibilities:\n  - id: po-extra\n    title: T\n    owners: [scrum-master]\n"
            "    phrases: [x]\n    section: S\n    why: W\n",
            "responsibility 'po-extra': owners ['scrum-master'] are not defined roles",
        ),
        (
            "responsibilities:\n  - id: po-backlog\n    title: T\n    owners: [product-owner]\n"
            "    phrases: [x]\n    section: S\n    why: W\n",
            "responsibility 'po-backlog': duplicate id (already defined in "
            "knowledge/data/product_owner.yaml)",
        ),
        (
            "responsibilities:\n  - id: po-extra\n    owners: [product-owner]\n"
            "    phrases: [x]\n    section: S\n    why: W\n",
            "responsibility 'po-extra': missing key 'title'",
        ),
        ("holders:\n  product-owner: [alice]\n", "holders 'product-owner': holders must be Slack"),
        ("holders:\n  scrum-master: [U123]\n", "holders 'scrum-master': no such role"),
        ("holders:\n  Product-Owner: [U123]\n", "holders 'Product-Owner': must be lowercase words"),
        (
            f"responsibilities:\n  - id: {'po-' + 'x' * 70}\n    title: T\n"
            "    owners: [product-owner]\n    phrases: [x]\n    section: S\n    why: W\n",
            "id: String should have at most 64 characters",
        ),
        (
            "responsibilities:\n  - id: po-extra\n    title: T\n    owners: [product-owner]\n"
            "    phrases: [x]\n    section: S\n    why: W\n"
            "    inferred: {why: W, phrases: [x]}\n",
            "responsibility 'po-extra': phrases both named and inferred: x",
        ),
        ("add_phrases:\n  po-nothing: [x]\n", "add_phrases 'po-nothing': no such responsibility"),
        ("add_phrases:\n  po-backlog: []\n", "add_phrases 'po-backlog': phrases must not be empty"),
        ("respnsibilities: []\n", "unknown key 'respnsibilities'"),
        ("- just\n- a list\n", "expected a mapping"),
        ("roles: [\n", "invalid YAML at line 2"),
    ],
)
def test_mistakes_name_the_file_and_the_entry(tmp_path: Path, text: str, expected: str) -> None:
    overlay = write(tmp_path, text)
    problems = problems_for(overlay)
    assert any(p.startswith(f"{overlay}: ") and expected in p for p in problems), problems


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    broken = write(tmp_path, "holders:\n  product-owner: [nope]\n  scrum-master: [U1]\n", "a.yaml")
    missing = tmp_path / "missing.yaml"
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge([broken, missing])
    message = str(caught.value)
    assert message.startswith("3 problems in the knowledge files:")
    assert f"{missing}: cannot read file" in message
    assert len(caught.value.problems) == 3


def test_overlay_unsettled_work_and_concepts_are_loaded_and_checked(tmp_path: Path) -> None:
    overlay = write(
        tmp_path,
        """
unsettled:
  - id: un-overlay-guild-meetup
    title: Running the frontend guild meetup
    usually: the guild lead
    phrases: [frontend guild meetup]
    why: Not in the article; the guild lead usually runs it.
concepts:
  - id: concept-overlay-house-term
    title: Our house term
    phrases: [what is our house term]
    section: Identify the Need
    explanation: A word only this company uses.
""",
    )
    kb = load_knowledge([overlay])
    assert "un-overlay-guild-meetup" in {u.id for u in kb.unsettled}
    assert "concept-overlay-house-term" in {c.id for c in kb.concepts}
    clash = write(
        tmp_path,
        "unsettled:\n  - id: po-backlog\n    title: T\n    phrases: [x]\n    why: W\n",
        "clash.yaml",
    )
    assert any("'po-backlog': duplicate id" in p for p in problems_for(clash))
