"""An organisation's additions on top of the knowledge base: holders replace the files' for the
roles they name, phrasings teach the matcher new words, and nothing else changes."""

from __future__ import annotations

from knowledge import KnowledgeBase, Matcher
from knowledge.additions import (
    PHRASE_MAX,
    clean_phrase,
    find_responsibility,
    find_role,
    with_additions,
)

TAUGHT = "who runs the zorblax ritual?"


def test_holders_replace_the_files_for_the_roles_named_and_only_those(kb: KnowledgeBase) -> None:
    based = kb.model_copy(
        update={
            "roles": {
                **kb.roles,
                "product-manager": kb.roles["product-manager"].model_copy(
                    update={"holders": ["U0FILE"]}
                ),
            }
        }
    )
    added = with_additions(based, {"product-owner": ["U0DANA", "S0POS", "U0DANA", "not-an-id"]})
    assert added.roles["product-owner"].holders == ["U0DANA", "S0POS"]
    assert added.roles["product-manager"].holders == ["U0FILE"]
    cleared = with_additions(based, {"product-manager": []})
    assert cleared.roles["product-manager"].holders == []
    assert with_additions(kb, {"no-such-role": ["U0DANA"]}).roles == kb.roles


def test_a_phrasing_teaches_the_matcher_new_words(kb: KnowledgeBase, matcher: Matcher) -> None:
    assert matcher.answer(TAUGHT).owners == []
    added = with_additions(kb, {}, [("po-backlog", "zorblax ritual"), ("gone", "whatever")])
    answer = Matcher(added).answer(TAUGHT)
    assert answer.owners == ["product-owner"]
    assert answer.responsibility is not None and answer.responsibility.id == "po-backlog"
    backlog = added.responsibility("po-backlog")
    assert backlog is not None and backlog.phrases[-1] == "zorblax ritual"
    assert len(added.responsibilities) == len(kb.responsibilities)
    assert kb.responsibility("po-backlog") != backlog  # the shared base is untouched


def test_roles_and_responsibilities_are_found_by_id_name_or_title(kb: KnowledgeBase) -> None:
    for text in ("product-owner", "Product Owner", "PO", " product_owner "):
        role = find_role(kb, text)
        assert role is not None and role.id == "product-owner"
    assert find_role(kb, "scrum master") is None
    for text in ("po-backlog", "managing and ordering the product backlog"):
        found = find_responsibility(kb, text)
        assert found is not None and found.id == "po-backlog"
    assert find_responsibility(kb, "juggling") is None


def test_phrases_are_kept_on_one_line_and_short() -> None:
    assert clean_phrase("  the big\n wall  ") == "the big wall"
    assert len(clean_phrase("word " * 200)) <= PHRASE_MAX


def test_teaching_a_phrasing_the_article_never_names_keeps_it_inferred(kb: KnowledgeBase) -> None:
    taught = with_additions(kb, {}, [("pm-business-financial-analysis", "pricing")])
    entry = taught.responsibility("pm-business-financial-analysis")
    assert entry is not None and "pricing" not in entry.phrases
    assert entry.every_phrase.count("pricing") == 1
