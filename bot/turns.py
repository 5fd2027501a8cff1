"""Long messages take turns on the event loop.

Reading a long message (a page of pasted notes) costs a few milliseconds of CPU: nothing alone,
and bounded however long it is. But messages that arrive together are read in one pass of the
event loop, one after another, and a short request that arrives meanwhile (`/rolefit help`) waits
for the whole pass: 60 pasted notes at once held it for about 300 ms. So a long text waits for its
turn before it is read: at most one long text is read per pass, and everything else that is ready
(new requests, acknowledgements, deliveries) runs between them. Short texts never wait.
"""

from __future__ import annotations

import asyncio
from collections import deque

# Texts longer than this take turns. A question reads in well under a millisecond; the longest
# labelled one has 320 characters.
LONG_TEXT = 1000


class Turns:
    """One long text read per pass of the event loop, first come first served."""

    def __init__(self) -> None:
        self._waiting: deque[asyncio.Future[None]] = deque()
        self._taken = False  # a long text has the turn for this pass

    async def take(self, text: str) -> None:
        """Return when `text` may be read: at once if it is short or the turn is free; else in
        a later pass. The caller reads it before it next awaits, so the turn covers the reading."""
        if len(text) <= LONG_TEXT:
            return
        if not self._taken:
            self._hold()
            return
        turn = asyncio.get_running_loop().create_future()
        self._waiting.append(turn)
        await turn

    def _hold(self) -> None:
        """Give out the turn: it passes on once the reading it covers is done."""
        self._taken = True
        asyncio.get_running_loop().call_soon(self._pass_on)

    def _pass_on(self) -> None:
        """After the reading that had the turn: whoever waits longest reads in the next pass.
        With nobody waiting the turn is free from the next pass on, not this one, so a long text
        arriving later in this pass still waits."""
        if not self._hand_on():
            asyncio.get_running_loop().call_soon(self._free)

    def _free(self) -> None:
        self._taken = False
        self._hand_on()

    def _hand_on(self) -> bool:
        while self._waiting:
            turn = self._waiting.popleft()
            if not turn.done():  # a caller cancelled meanwhile is skipped
                turn.set_result(None)
                self._hold()
                return True
        return False
