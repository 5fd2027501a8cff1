"""RoleFit's Slack side: the Bolt app, its listeners, Block Kit builders, servers and CLI."""
