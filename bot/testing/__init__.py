"""The harness RoleFit is tested (and console mode runs) on: real HTTP in, a loopback Slack out.

- `FakeSlackApi`: Slack's Web API on 127.0.0.1, recording every call, failing on request.
- `SlackRequests`: slash commands, events and interactions shaped and signed like Slack's.
- `LiveRoleFit`: the real app under uvicorn on a free port, wired to its own `FakeSlackApi`.
"""

from bot.testing.live import LiveRoleFit
from bot.testing.signing import SignedRequest, SlackRequests
from bot.testing.slack_api import FakeSlackApi, RecordedCall

__all__ = ["FakeSlackApi", "LiveRoleFit", "RecordedCall", "SignedRequest", "SlackRequests"]
