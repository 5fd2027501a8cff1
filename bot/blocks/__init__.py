"""Block Kit for every message and view RoleFit sends, built by pure functions (no Slack calls),
so each one is unit-tested against Slack's schema and limits."""
