"""Posting a message where a flow started, and never losing it when that channel refuses.

A recommendation belongs in the channel the questionnaire started from. When Slack says no —
RoleFit isn't a member, the channel is private, archived or gone, it is someone else's DM, or
Slack keeps rate-limiting after the client's retries — the message goes to the person's DM with
RoleFit instead, saying why it did not reach the channel. Flows started in RoleFit's DM or on App
Home are answered in the DM.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from aiohttp import ClientError
from slack_bolt.async_app import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.blocks.kit import Message, section
from bot.blocks.kit import message as kit_message

logger = logging.getLogger(__name__)

# What a Web API call raises once the client's retries are spent: Slack's refusal, or no answer.
WEB_API_FAILURES = (SlackApiError, ClientError, TimeoutError)

# conversations.join answers these for channels a bot cannot join on its own.
_NOT_JOINABLE = frozenset(
    {"method_not_supported_for_channel_type", "channel_not_found", "is_private"}
)


@dataclass(frozen=True)
class Delivered:
    """Where a message landed; `reason` says why it is not in the origin channel (None if it is)."""

    channel: str
    reason: str | None = None


class _NotInChannel(Exception):
    """The post was refused; `reason` is the sentence the user will read."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def deliver(
    client: AsyncWebClient, channel: str, user_id: str, message: Message
) -> Delivered | None:
    """Post `message` to `channel` (a C…/G… channel, a D… DM, or "" for App Home), falling back
    to the user's DM with RoleFit. None only if even the DM failed (logged as an error)."""
    reason = None
    if channel and channel[0] != "D":
        try:
            return await _post_to_channel(client, channel, message)
        except _NotInChannel as refused:
            reason = refused.reason
    dm = await _open_dm(client, user_id)
    if dm is None:
        return None
    if channel.startswith("D") and dm != channel:
        reason = "I can't post in a direct message between other people."
    return await _post_to_dm(client, dm, user_id, message, reason)


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
) -> None:
    """A message only this person sees, never lost: the response_url when the request has one
    (it works in any conversation, member or not), else an ephemeral message where they are,
    else their DM with RoleFit."""
    if respond is not None and await respond_safely(
        respond, **message, response_type="ephemeral", replace_original=replace_original
    ):
        return
    if channel:
        try:
            await client.chat_postEphemeral(channel=channel, user=user_id, **message)
            return
        except WEB_API_FAILURES as error:
            logger.info("ephemeral reply failed (%s); sending it by DM", error_code(error))
    dm = await _open_dm(client, user_id)
    if dm is not None:
        await _post_to_dm(client, dm, user_id, message, None)


async def _post_to_channel(client: AsyncWebClient, channel: str, message: Message) -> Delivered:
    """Post; on not_in_channel join the public channel and retry once."""
    try:
        return await _post(client, channel, message)
    except WEB_API_FAILURES as error:
        if error_code(error) != "not_in_channel":
            raise _NotInChannel(_reason(error, channel)) from None
    try:
        await client.conversations_join(channel=channel)
    except WEB_API_FAILURES as error:
        code = error_code(error)
        if code in _NOT_JOINABLE:
            raise _NotInChannel(
                f"<#{channel}> is private and I'm not a member. "
                f"Add me there with `/invite @RoleFit` and I can post in it next time."
            ) from None
        raise _NotInChannel(_reason(error, channel)) from None
    try:
        return await _post(client, channel, message)
    except WEB_API_FAILURES as error:
        raise _NotInChannel(_reason(error, channel)) from None


async def _post_to_dm(
    client: AsyncWebClient, dm: str, user_id: str, message: Message, reason: str | None
) -> Delivered | None:
    """Post in the user's DM, led by the reason it is not where they started (if any)."""
    if reason:
        note = section(f":warning: {reason} So here it is, just for you.")
        message = kit_message(f"{reason} {message['text']}", [note, *message["blocks"]])
    try:
        delivered = await _post(client, dm, message)
    except WEB_API_FAILURES as error:
        logger.error("could not deliver to %s's DM either: %s", user_id, error_code(error))
        return None
    return Delivered(delivered.channel, reason)


async def _open_dm(client: AsyncWebClient, user_id: str) -> str | None:
    try:
        response = await client.conversations_open(users=user_id)
    except WEB_API_FAILURES as error:
        logger.error("could not open a DM with %s: %s", user_id, error_code(error))
        return None
    channel = response.get("channel") or {}
    return str(channel["id"]) if "id" in channel else None


async def _post(client: AsyncWebClient, channel: str, message: Message) -> Delivered:
    response = await client.chat_postMessage(
        channel=channel, text=message["text"], blocks=message["blocks"], unfurl_links=False
    )
    return Delivered(str(response.get("channel") or channel))


def error_code(error: Exception) -> str:
    """Slack's error code for a failed call ("ratelimited" for a 429), or the exception's name."""
    if isinstance(error, SlackApiError):
        if error.response.status_code == 429:
            return "ratelimited"
        return str(error.response.get("error") or f"http_{error.response.status_code}")
    return type(error).__name__


def _reason(error: Exception, channel: str) -> str:
    """Why the post did not reach the channel, in words for the person who ran the flow."""
    code = error_code(error)
    where = f"<#{channel}>"
    reasons = {
        "channel_not_found": f"I couldn't find {where}: it may be private or deleted.",
        "is_archived": f"{where} is archived.",
        "ratelimited": f"Slack is rate-limiting my posts to {where} right now.",
        "not_in_channel": f"I couldn't post in {where} even after joining it.",
    }
    return reasons.get(code, f"Slack didn't let me post in {where} (`{code}`).")
