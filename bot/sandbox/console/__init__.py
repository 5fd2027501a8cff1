"""`rolefit console`: RoleFit in a terminal, through the very same Bolt app and Slack payloads.

`mrkdwn` and `blocks` turn what the app sends into terminal text, `form` turns a modal into
questions and Slack's `view.state.values`, `session` plays the Slack user against the live app.
"""
