"""The sandbox: a local Slack that the console and the tests run the real app against. The app
never imports it.

- `FakeSlackApi`: Slack's Web API on 127.0.0.1, recording every call, failing on request.
- `SlackRequests`: slash commands, events and interactions shaped and signed like Slack's.
- `LiveRoleFit`: the real app under uvicorn on a free port, wired to its own `FakeSlackApi`.
"""

from bot.sandbox.live import LiveRoleFit
from bot.sandbox.payloads import SignedRequest, SlackRequests
from bot.sandbox.slack_api import FakeSlackApi, RecordedCall

__all__ = ["FakeSlackApi", "LiveRoleFit", "RecordedCall", "SignedRequest", "SlackRequests"]
