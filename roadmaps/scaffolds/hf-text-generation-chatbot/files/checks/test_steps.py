# Checks for the TODO steps of the README's "Steps" list of {{projectName}}.
#
# Each check fails until its step is done; its first line then says what to do next. Run them
# with `pytest checks` (plain `pytest` runs only the tests of the parts that are done). Like the
# tests, they drive the chatbot with fake generate functions: no model is downloaded.
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from {{packageName}}.chat import ChatSession, handle_line
from {{packageName}}.prompts import TEMPLATES, Turn, render_template
from {{packageName}}.storage import ConversationLog
from {{packageName}}.write import rank_versions

STARTER_TEMPLATES = {"poem", "haiku", "story"}


def call(hint: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run the learner's code; a TODO (NotImplementedError) or a crash fails with the hint."""
    try:
        return fn(*args, **kwargs)
    except NotImplementedError:
        problem = ""
    except Exception as exc:  # noqa: BLE001 - any crash is reported as the hint plus what happened
        problem = f"\n(it raised {type(exc).__name__}: {exc})"
    # Outside the except block, so the report starts with the hint, not with the TODO's traceback.
    pytest.fail(hint + problem, pytrace=False)


def scripted(*replies: str) -> tuple[Callable[[str], str], list[str]]:
    """A fake model that answers with ``replies`` in turn; also returns the prompts it got."""
    prompts: list[str] = []
    queue = list(replies)

    def generate(prompt: str) -> str:
        prompts.append(prompt)
        return queue.pop(0) if queue else " Something new, at last."

    return generate, prompts


FILTER_HINT = (
    "Add the reply filter in ChatSession.ask (chat.py): when the cleaned reply repeats the user's message "
    "or an earlier bot reply word for word, call generate_fn once more and use that reply."
)


def test_reply_filter_regenerates_repeated_replies() -> None:
    generate, prompts = scripted(" How are you?", " I am fine, thanks.")
    session = ChatSession(generate)
    reply = call(FILTER_HINT, session.ask, "How are you?")
    assert reply == "I am fine, thanks.", f"{FILTER_HINT}\n(the model echoed the user and the bot said {reply!r})"
    assert len(prompts) == 2, f"{FILTER_HINT}\n(generate_fn was called {len(prompts)} times for one message)"

    generate, prompts = scripted(" I am fine, thanks.", " I am fine, thanks.", " Ask me about bees!")
    session = ChatSession(generate)
    session.ask("How are you?")
    reply = call(FILTER_HINT, session.ask, "And now?")
    assert reply == "Ask me about bees!", f"{FILTER_HINT}\n(the model repeated an earlier reply and the bot said {reply!r})"
    assert session.history[-1] == Turn("bot", "Ask me about bees!"), "The history must keep the reply the user saw."

    generate, prompts = scripted(" Fresh answer.")
    call(FILTER_HINT, ChatSession(generate).ask, "Hello")
    assert len(prompts) == 1, "A reply that repeats nothing must be used as it is, without generating again."


TEMPLATE_HINT = (
    "Add a template of your own to TEMPLATES in prompts.py (a limerick, a headline...) that renders from a "
    "topic alone: other {fields} need a TEMPLATE_DEFAULTS entry."
)


def test_own_template_works_from_the_chat() -> None:
    added = sorted(set(TEMPLATES) - STARTER_TEMPLATES)
    assert added, f"{TEMPLATE_HINT}\n(TEMPLATES has only {sorted(TEMPLATES)})"
    for kind in added:
        text = call(f"{TEMPLATE_HINT}\n(render_template({kind!r}, topic=...) failed)", render_template, kind, topic="lighthouse keepers")
        assert "lighthouse keepers" in text.lower(), f"The {kind!r} template should mention its topic (a {'{topic}'} field)."
        generate, _ = scripted(" and the lamp burned on.")
        shown = handle_line(ChatSession(generate), f"/{kind} lighthouse keepers")
        assert shown == text + "and the lamp burned on.", f"/{kind} in the chat should print the template and its continuation."


RANK_HINT = (
    "Implement rank_versions in write.py: score each piece (e.g. the share of distinct words, low for "
    "text stuck in a loop) and return them all, best first."
)


def test_rank_versions_puts_repetitive_text_last() -> None:
    loop = "The sea the sea the sea the sea the sea the sea."
    varied = "A grey gull drifts above quiet harbour boats at dawn."
    middle = "Waves roll in, waves roll out, waves roll in again."
    ranked = call(RANK_HINT, rank_versions, [loop, varied, middle])
    assert isinstance(ranked, list) and sorted(ranked) == sorted([loop, varied, middle]), (
        f"{RANK_HINT}\n(it must return the same pieces, reordered; got {ranked!r})"
    )
    assert ranked[0] == varied and ranked[-1] == loop, f"{RANK_HINT}\n(order: {ranked})"


SEARCH_HINT = (
    "Implement ConversationLog.search in storage.py: SELECT conversation_id, role, content FROM messages "
    "WHERE content LIKE ? (with the text between % signs as a parameter), oldest first."
)


def test_search_finds_messages_by_text() -> None:
    with ConversationLog(":memory:") as log:
        first, second = log.start_conversation("fake"), log.start_conversation("fake")
        log.add_message(first, Turn("user", "tell me about honey bees"))
        log.add_message(first, Turn("bot", "Bees make honey."))
        log.add_message(second, Turn("user", "don't panic, what is cotton?"))
        log.add_message(second, Turn("bot", "Cotton only, no honey in it."))
        found = call(SEARCH_HINT, log.search, "honey")
        assert [tuple(row) for row in found or []] == [
            (first, "user", "tell me about honey bees"),
            (first, "bot", "Bees make honey."),
            (second, "bot", "Cotton only, no honey in it."),
        ], f"{SEARCH_HINT}\n(search('honey') gave {found!r})"
        quoted = call(
            "search must treat the text as data: pass it as a parameter (?), never paste it into the SQL string.",
            log.search, "don't",
        )
        assert [tuple(r) for r in quoted] == [(second, "user", "don't panic, what is cotton?")], (
            f"search(\"don't\") should find the one message with that text (got {quoted!r})."
        )
        assert log.search("penguins") == [], "search must return an empty list when nothing matches."


DELETE_HINT = (
    "Implement ConversationLog.delete_conversation in storage.py: DELETE the conversation (its messages go "
    "with it through ON DELETE CASCADE) and return whether one was deleted."
)


def test_delete_conversation_removes_it_and_its_messages() -> None:
    with ConversationLog(":memory:") as log:
        keep, drop = log.start_conversation("fake"), log.start_conversation("fake")
        for cid in (keep, drop):
            log.add_message(cid, Turn("user", f"hello {cid}"))
        deleted = call(DELETE_HINT, log.delete_conversation, drop)
        assert deleted is True, f"{DELETE_HINT}\n(it returned {deleted!r})"
        assert [c["id"] for c in log.conversations()] == [keep], f"{DELETE_HINT}\n(conversations left: {log.conversations()})"
        assert log.messages(drop) == [], "The deleted conversation's messages must go too."
        assert log.messages(keep) == [Turn("user", f"hello {keep}")], "Other conversations must stay as they are."
        assert log.delete_conversation(drop) is False, "Deleting an unknown conversation must return False."
