"""`rolefit console`: RoleFit in a terminal, through the very same Bolt app and Slack payloads.

`session` reads the person's lines, `slack_user` sends what they do as Slack's requests,
`screen` keeps what Slack's client would show, `transcript` renders what RoleFit sent (with
`mrkdwn`, `blocks` and `form`, which turns a modal into questions), `terminal` reads and writes.
"""
