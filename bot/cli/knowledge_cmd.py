"""`rolefit knowledge validate|list|index`: check overlay files before deploying them, see what
RoleFit knows, and build the matcher's index ahead of the first start."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `rolefit knowledge validate`, `list` and `index`."""
    parser = subparsers.add_parser(
        "knowledge",
        help="validate or list the knowledge base",
        description="Work with RoleFit's knowledge: built-in YAML plus overlays from "
        "ROLEFIT_KNOWLEDGE.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    validate = actions.add_parser(
        "validate",
        help="check the built-in knowledge plus overlays",
        description="Check the built-in knowledge, the ROLEFIT_KNOWLEDGE overlays and any PATHs. "
        "Exit 0 with a summary, 1 with every problem found, or 2 if a file could not be read at "
        "all (missing, not a regular file, over 1 MiB, or using YAML aliases).",
    )
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="overlay YAML")
    validate.set_defaults(handler=run_validate)
    listing = actions.add_parser("list", help="print the roles and responsibilities")
    listing.set_defaults(handler=run_list)
    index = actions.add_parser(
        "index",
        help="build the matcher's index into ROLEFIT_INDEX_CACHE",
        description="Build the matcher's index over the built-in knowledge plus overlays and keep "
        "it in ROLEFIT_INDEX_CACHE, so the next start loads it instead of building it (a step "
        "for an image build or a deploy).",
    )
    index.set_defaults(handler=run_index)


def _overlays(extra: list[Path]) -> list[Path]:
    from bot.settings import KnowledgeSettings, load_settings

    return [*load_settings(KnowledgeSettings).overlay_paths, *extra]


def run_validate(args: argparse.Namespace) -> int:
    """Print a summary (exit 0), every problem (exit 1), or, when a file was refused unread,
    every problem with exit 2 — one `rolefit: FILE: reason` line if that is the only one."""
    import sys

    from bot.cli.errors import CliError
    from knowledge import KnowledgeError, load_knowledge
    from knowledge.loader import builtin_files
    from knowledge.matcher import phrases_of

    overlays = _overlays(args.paths)
    try:
        kb = load_knowledge(overlays)
    except KnowledgeError as error:
        if error.refused and len(error.problems) == 1:
            raise CliError(error.problems[0]) from None
        print(error, file=sys.stderr)
        return 2 if error.refused else 1
    per_owner = {role_id: 0 for role_id in kb.roles}
    shared = 0
    for responsibility in kb.responsibilities:
        if len(responsibility.owners) > 1:
            shared += 1
        else:
            per_owner[responsibility.owners[0]] += 1
    phrases = sum(len(phrases_of(r)) for r in kb.responsibilities)
    phrases += sum(len(n.phrases) for n in kb.neighbours) + sum(
        len(u.phrases) for u in kb.unrelated
    )
    split = ", ".join(f"{n} {kb.roles[r].short}" for r, n in per_owner.items())
    holders = sum(len(role.holders) for role in kb.roles.values())
    print(
        f"OK: {len(kb.roles)} roles, {len(kb.responsibilities)} responsibilities ({split}, "
        f"{shared} shared), {len(kb.neighbours)} neighbours, {len(kb.unrelated)} unrelated "
        f"topics, {phrases} phrases, {holders} role holders; from {len(builtin_files())} "
        f"built-in files and {len(overlays)} overlay{'s' if len(overlays) != 1 else ''}."
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Roles side by side, then who owns each responsibility."""
    from bot.cli.shared import load_knowledge_base

    kb = load_knowledge_base()
    for role in kb.roles.values():
        held = f" — held by {', '.join(role.holders)}" if role.holders else ""
        print(f"{role.name} ({role.short}){held}: {role.summary}")
        for bullet in role.owns:
            print(f"  - {bullet}")
        print(f"  When to hire: {role.when_to_hire}\n")
    print("Responsibilities:")
    for responsibility in kb.responsibilities:
        owners = " + ".join(kb.roles[o].short for o in responsibility.owners)
        print(f"  {owners:<8} {responsibility.id:<34} {responsibility.title}")
    print("\nNeither role (the article gives these to someone else):")
    for neighbour in kb.neighbours:
        print(f"  {neighbour.id:<43} {neighbour.title} → {neighbour.owner}")
    return 0


def run_index(args: argparse.Namespace) -> int:
    """Build the index (or find it kept) and say where it is, or fail in one line saying why it
    could not be kept: a deploy step that silently kept nothing would only slow every start."""
    import time

    from bot.cli.errors import CliError
    from bot.cli.shared import load_knowledge_base
    from bot.settings import KnowledgeSettings, load_settings
    from knowledge.index_cache import IndexNotKept, matcher_for

    settings = load_settings(KnowledgeSettings)
    folder = settings.index_cache
    if folder is None:
        raise CliError("ROLEFIT_INDEX_CACHE is empty: there is nowhere to keep the index")
    started = time.perf_counter()
    kb = load_knowledge_base(settings.overlay_paths)
    try:
        matcher_for(kb, folder, must_keep=True)
    except IndexNotKept as error:
        raise CliError(str(error)) from None
    print(f"Index ready in {folder} ({(time.perf_counter() - started) * 1e3:.0f} ms).")
    return 0
