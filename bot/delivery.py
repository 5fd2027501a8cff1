"""Sending what RoleFit owes, and never losing it when the place it belongs refuses it.

`send` delivers one owed message (bot.store.Owed) for the outbox worker: to its channel or
thread; when Slack says no for good (RoleFit isn't a member, the channel is private, archived or
gone, it is someone else's DM) to the person's DM with RoleFit, saying why; a refused share is
told to the clicker instead. When Slack says "not now" (429, 5xx, a timeout) it raises
`TryLater`, and the worker tries again within Slack's rules. `reply_privately` is the best-effort
path for what only the clicker sees.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from aiohttp import ClientError
from slack_bolt.async_app import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

from bot.blocks.kit import Message, section
from bot.blocks.kit import message as kit_message
from bot.store.owed import Kind, Owed

logger = logging.getLogger(__name__)

# What a Web API call raises once the client's retries are spent: Slack's refusal, or no answer.
WEB_API_FAILURES = (SlackApiError, ClientError, TimeoutError)


class _RateLimitWithinTrigger(AsyncRateLimitErrorRetryHandler):
    """A 429 waited out only where Slack asks for a second at most (the SDK waits that and up to
    one more): a trigger lasts 3 seconds, and a try after it only adds `expired_trigger_id`."""

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        said = [v for k, v in response.headers.items() if k.lower() == "retry-after"]
        wait = said[0][0] if said and said[0] else "1"
        return wait.isdigit() and int(wait) <= 1


async def open_modal(client: AsyncWebClient, trigger_id: Any, view: dict[str, Any]) -> None:
    """views.open within its trigger's 3 seconds, through a copy of `client` whose rate-limit
    retry waits only where the wait fits in them (`_RateLimitWithinTrigger`)."""
    once = AsyncWebClient(
        token=client.token,
        base_url=client.base_url,
        timeout=client.timeout,
        ssl=client.ssl,
        proxy=client.proxy,
        session=client.session,
        headers=client.headers,
        logger=client.logger,
        retry_handlers=[
            *(
                handler
                for handler in client.retry_handlers
                if not isinstance(handler, AsyncRateLimitErrorRetryHandler)
            ),
            _RateLimitWithinTrigger(max_retry_count=1),
        ],
    )
    await once.views_open(trigger_id=trigger_id, view=view)


# The metadata event type of RoleFit's own posts of what it owes, and how many of a DM's latest
# messages are looked through for one cut off mid-call.
OWED_EVENT = "rolefit_owed"
_LOOKED_BACK = 50
# conversations.join answers these for channels a bot cannot join on its own.
_NOT_JOINABLE = frozenset(
    {"method_not_supported_for_channel_type", "channel_not_found", "is_private"}
)
# Slack's "not now": the same call may well work later (https://api.slack.com/web#errors).
TRANSIENT = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
COULD_NOT_SHARE = "I couldn't share that answer in this channel: {reason} Or copy the answer above."


@dataclass(frozen=True)
class Delivered:
    """Where a message landed, its `ts` when Slack gave one, and why it is not where it belongs
    (None if it is)."""

    channel: str
    ts: str | None = None
    reason: str | None = None


class TryLater(Exception):
    """Slack could not take the message now; `retry_after` is its Retry-After, if it sent one."""

    def __init__(self, code: str, retry_after: float | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.retry_after = retry_after


class Undeliverable(Exception):
    """Nowhere will take the message, however often it is tried (say, the person is gone)."""


class _Refused(Exception):
    """The post was refused for good; `reason` is the sentence the person will read."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def send(client: AsyncWebClient, owed: Owed, claim: str | None = None) -> Delivered:
    """Deliver `owed` once: where it belongs, else where its kind falls back to. Each post
    carries `claim` in its metadata, so `posted_before` can find it again."""
    message: Message = {"text": owed.text, "blocks": owed.blocks}
    if (
        owed.kind is Kind.SHARE
        and owed.response_url
        and await respond_safely(
            _respond_to(owed.response_url),
            **message,
            response_type="in_channel",
            replace_original=False,
        )
    ):
        return Delivered(owed.channel)
    reason = None
    ours = owed.kind is Kind.ANSWER and owed.channel.startswith("D")  # our DM with them
    if ours or (owed.channel and not owed.channel.startswith("D")):
        try:
            return await _post_to_channel(client, owed.channel, message, owed.thread_ts, claim)
        except _Refused as refused:
            reason = refused.reason
    if owed.kind is Kind.SHARE:
        said = COULD_NOT_SHARE.format(reason=reason or "Slack said no.")
        respond = _respond_to(owed.response_url) if owed.response_url else None
        if not await reply_privately(client, owed.channel, owed.user, note(said), respond=respond):
            # Neither the share nor the note saying why arrived: not done, so try it all again
            # (kept as failed, and listed, if it never gets through).
            raise TryLater("share_refused_and_note_lost")
        return Delivered(owed.channel, reason=reason)
    dm = await _open_dm(client, owed.user)
    if owed.channel.startswith("D") and not ours and dm != owed.channel:
        reason = "I can't post in a direct message between other people."
    return await _post_to_dm(client, dm, message, reason, claim)


async def posted_before(client: AsyncWebClient, owed: Owed, claim: str) -> Delivered | None:
    """Where Slack already holds the post of `owed` tagged `claim` (`send`), if RoleFit can
    read it: a post cut off mid-call (a process stopped or killed, a Slack slower than the send
    budget) may have landed all the same, and a second one would be a duplicate. Read where
    RoleFit may read without more scopes: its own DMs (im:history), in the thread if it
    answered in one. Elsewhere, or if the read fails, None: the post is sent (at least once)."""
    if not owed.channel.startswith("D"):
        return None
    try:
        if owed.thread_ts:
            found = await client.conversations_replies(
                channel=owed.channel, ts=owed.thread_ts, include_all_metadata=True
            )
        else:
            found = await client.conversations_history(
                channel=owed.channel, limit=_LOOKED_BACK, include_all_metadata=True
            )
    except WEB_API_FAILURES as error:
        logger.info("could not look for an earlier post (%s); sending it", error_code(error))
        return None
    for posted in found.get("messages") or []:
        metadata = posted.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == OWED_EVENT and payload.get("claim") == claim:
            return Delivered(owed.channel, posted.get("ts"))
    return None


def note(text: str) -> Message:
    """A one-paragraph message (text and its one section) for short notices."""
    return kit_message(text, [section(text)])


async def respond_safely(respond: AsyncRespond, **payload: Any) -> bool:
    """Send through the request's response_url; False (logged) instead of raising on failure."""
    try:
        response = await respond(**payload)
    except (ValueError, *WEB_API_FAILURES) as error:
        logger.warning("response_url failed: %s", type(error).__name__)
        return False
    refused = response.status_code != 200 or '"ok":false' in response.body.replace(" ", "")
    if refused:
        logger.warning("response_url refused: HTTP %s", response.status_code)
    return not refused


async def reply_privately(
    client: AsyncWebClient,
    channel: str,
    user_id: str,
    message: Message,
    *,
    respond: AsyncRespond | None = None,
    replace_original: bool = False,
) -> bool:
    """A message only this person sees, best effort: the response_url when the request has one
    (it works in any conversation, member or not), else an ephemeral message where they are,
    else their DM with RoleFit. Whether it arrived."""
    if respond is not None and await respond_safely(
        respond, **message, response_type="ephemeral", replace_original=replace_original
    ):
        return True
    if channel:
        try:
            await client.chat_postEphemeral(channel=channel, user=user_id, **message)
            return True
        except WEB_API_FAILURES as error:
            logger.info("ephemeral reply failed (%s); sending it by DM", error_code(error))
    try:
        await _post_to_dm(client, await _open_dm(client, user_id), message, None)
    except (TryLater, Undeliverable) as error:
        logger.warning("a private reply did not arrive: %s", error)
        return False
    return True


async def _post_to_channel(
    client: AsyncWebClient,
    channel: str,
    message: Message,
    thread_ts: str | None,
    claim: str | None = None,
) -> Delivered:
    """Post; on not_in_channel join the public channel and post once more."""
    try:
        return await _post(client, channel, message, thread_ts, claim)
    except _Refused as refused:
        if refused.reason != "not_in_channel":
            raise _Refused(_reason(refused.reason, channel)) from None
    try:
        await client.conversations_join(channel=channel)
    except WEB_API_FAILURES as error:
        code = _permanent(error)
        if code in _NOT_JOINABLE:
            raise _Refused(
                f"<#{channel}> is private and I'm not a member. "
                f"Add me there with `/invite @RoleFit` and I can post in it next time."
            ) from None
        raise _Refused(_reason(code, channel)) from None
    try:
        return await _post(client, channel, message, thread_ts, claim)
    except _Refused as refused:
        raise _Refused(_reason(refused.reason, channel)) from None


async def _post_to_dm(
    client: AsyncWebClient, dm: str, message: Message, reason: str | None, claim: str | None = None
) -> Delivered:
    """Post in the person's DM, led by the reason it is not where they started (if any)."""
    if reason:
        said = section(f":warning: {reason} So here it is, just for you.")
        message = kit_message(f"{reason} {message['text']}", [said, *message["blocks"]])
    try:
        delivered = await _post(client, dm, message, None, claim)
    except _Refused as refused:
        raise Undeliverable(f"the DM refused it too: {refused.reason}") from None
    return Delivered(delivered.channel, delivered.ts, reason)


async def _open_dm(client: AsyncWebClient, user_id: str) -> str:
    try:
        response = await client.conversations_open(users=user_id)
    except WEB_API_FAILURES as error:
        raise Undeliverable(f"no DM with the person: {_permanent(error)}") from None
    channel = response.get("channel") or {}
    if "id" not in channel:
        raise Undeliverable("no DM with the person: conversations.open gave no channel")
    return str(channel["id"])


async def _post(
    client: AsyncWebClient,
    channel: str,
    message: Message,
    thread_ts: str | None,
    claim: str | None = None,
) -> Delivered:
    """One chat.postMessage; Slack's refusal becomes `_Refused(code)`, its "not now" `TryLater`.
    With `claim`, the post carries it as metadata (https://api.slack.com/metadata)."""
    tagged = {"event_type": OWED_EVENT, "event_payload": {"claim": claim}} if claim else None
    try:
        response = await client.chat_postMessage(
            channel=channel,
            text=message["text"],
            blocks=message["blocks"],
            thread_ts=thread_ts,
            unfurl_links=False,
            metadata=tagged,
        )
    except WEB_API_FAILURES as error:
        raise _Refused(_permanent(error)) from None
    return Delivered(str(response.get("channel") or channel), response.get("ts"))


def _permanent(error: Exception) -> str:
    """Slack's error code for a refusal that will not change; raises `TryLater` for the rest."""
    code = error_code(error)
    if code in TRANSIENT or code.startswith("http_5") or not isinstance(error, SlackApiError):
        retry_after = None
        if isinstance(error, SlackApiError):
            header = error.response.headers.get("Retry-After") or error.response.headers.get(
                "retry-after"
            )
            retry_after = float(header) if header and str(header).isdigit() else None
        raise TryLater(code, retry_after) from error
    return code


def _respond_to(response_url: str) -> AsyncRespond:
    return AsyncRespond(response_url=response_url)


def error_code(error: Exception) -> str:
    """Slack's error code for a failed call ("ratelimited" for a 429), or the exception's name."""
    if isinstance(error, SlackApiError):
        if error.response.status_code == 429:
            return "ratelimited"
        return str(error.response.get("error") or f"http_{error.response.status_code}")
    return type(error).__name__


def _reason(code: str, channel: str) -> str:
    """Why the post did not reach the channel, in words for the person who ran the flow."""
    where = f"<#{channel}>"
    reasons = {
        "channel_not_found": f"I couldn't find {where}: it may be private or deleted.",
        "is_archived": f"{where} is archived.",
        "not_in_channel": f"I couldn't post in {where} even after joining it.",
    }
    return reasons.get(code, f"Slack didn't let me post in {where} (`{code}`).")
