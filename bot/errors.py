"""The one error type a person gets to read: something they can fix, said in one line."""


class OneLineError(Exception):
    """Printed as `rolefit: <message>` with exit status 2; never a traceback, never a secret."""
