# Tests for {{projectName}} that never download a model: the prompt, history, template and
# storage logic is pure Python, and the chat session is driven by a fake generate function.
import pytest

from {{packageName}}.chat import ChatSession, handle_line, run_cli
from {{packageName}}.generation import GenerationSettings
from {{packageName}}.prompts import (DEFAULT_BOT_NAME as BOT, Turn, build_prompt, count_words, extract_reply,
                                     render_template, template_fields, trim_history)
from {{packageName}}.storage import ConversationLog


def make_history(n_pairs: int) -> list[Turn]:
    history = []
    for i in range(n_pairs):
        history += [Turn("user", f"question number {i}"), Turn("bot", f"answer number {i}")]
    return history


def test_trim_history_keeps_most_recent_turns_in_order():
    history = make_history(5)
    kept = trim_history(history, budget_tokens=1000, max_turns=3)
    assert kept == history[-3:]
    # each formatted line "User: question number 4" is 4 words
    kept = trim_history(history, budget_tokens=9)
    assert kept == history[-2:]
    assert trim_history(history, budget_tokens=0) == []


def test_build_prompt_ends_with_bot_cue_and_respects_budget():
    history = make_history(50)
    prompt = build_prompt(history, "What is a transformer?", max_prompt_tokens=60)
    assert prompt.endswith(f"User: What is a transformer?\n{BOT}:")
    assert count_words(prompt) <= 60
    assert "question number 49" in prompt and "question number 0" not in prompt


def test_build_prompt_rejects_message_longer_than_budget():
    with pytest.raises(ValueError):
        build_prompt([], "word " * 100, max_prompt_tokens=50)


@pytest.mark.parametrize("generated, expected", [
    (" Hello! Nice to meet you.\nUser: hi again", "Hello! Nice to meet you."),
    (f" Sure. Paris is the capital.\n{BOT}: And", "Sure. Paris is the capital."),
    (" It is sunny. Tomorrow it will be", "It is sunny."),
    ("\nUser: anyone there?", "Sorry, I lost my train of thought. Could you say that again?"),
])
def test_extract_reply(generated, expected):
    assert extract_reply(generated) == expected


def test_templates():
    poem = render_template("poem", topic="autumn rain")
    assert poem.startswith("Autumn Rain\nA free verse poem about autumn rain")
    assert template_fields("story") == ["genre", "title", "opening"]
    assert render_template("story", topic="the moon").startswith("A fantasy short story: The Moon")
    with pytest.raises(KeyError):
        render_template("no-such-template", topic="x")


def test_generation_settings():
    settings = GenerationSettings(do_sample=False)
    assert "temperature" not in settings.to_kwargs()
    with pytest.raises(ValueError):
        GenerationSettings(temperature=0).to_kwargs()


def test_conversation_log_round_trip(tmp_path):
    with ConversationLog(tmp_path / "chats.db") as log:
        cid = log.start_conversation("distilgpt2")
        log.add_message(cid, Turn("user", "hi"))
        log.add_message(cid, Turn("bot", "hello"))
        assert log.messages(cid) == [Turn("user", "hi"), Turn("bot", "hello")]
        assert log.conversations()[0]["messages"] == 2


def test_chat_session_with_fake_model_logs_and_remembers():
    prompts = []

    def fake_generate(prompt: str) -> str:
        prompts.append(prompt)
        return " I am fine, thanks!\nUser: great"

    log = ConversationLog(":memory:")
    session = ChatSession(fake_generate, log=log)
    assert session.ask("How are you?") == "I am fine, thanks!"
    session.ask("Tell me more")
    assert "User: How are you?" in prompts[-1]          # history is in the second prompt
    assert len(log.messages(session.conversation_id)) == 4
    assert handle_line(session, "/quit") is None
    assert handle_line(session, "/poem").startswith("usage")
    outputs = []
    lines = iter(["/reset", "/history", "/quit"])
    run_cli(session, input_fn=lambda _prompt: next(lines), output_fn=outputs.append)
    assert "(empty)" in outputs


# TODO: when you add the repeated-reply filter in ChatSession.ask, test it with a fake
#       generate function that returns the user's own message.
