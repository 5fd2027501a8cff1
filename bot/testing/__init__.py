"""The harness RoleFit is tested (and console mode runs) on: real HTTP in, a loopback Slack out.

- `FakeSlackApi`: Slack's Web API on 127.0.0.1, recording every call, failing on request.
- `SlackRequests`: slash commands, events and interactions shaped and signed like Slack's.
"""

from bot.testing.signing import SignedRequest, SlackRequests
from bot.testing.slack_api import FakeSlackApi, RecordedCall

__all__ = ["FakeSlackApi", "RecordedCall", "SignedRequest", "SlackRequests"]
