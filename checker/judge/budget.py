"""The hard budget: every request reserves its worst case before it is sent.

The worst case is the counted input (plus a margin, because servers tokenise differently) and the full
``max_tokens`` of output. After the reply, the reservation is replaced by the usage the server reports, as
billed, however far above the reservation: a server that bills more than it should stops the run as soon as
its bill is known (spend plus in-flight reservations reach the cap, nothing more is sent). Only the requests
already in flight then can add to the bill, so a run passes its cap by at most ``concurrency`` replies.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.judge.pricing import Price

INPUT_MARGIN = 1.3  # server tokenisers (DeepSeek, Qwen) count Chinese differently from cl100k


class BudgetExhausted(Exception):
    """The next request could exceed --max-cost or --max-tokens: it is not sent."""


@dataclass
class Reservation:
    input_tokens: int
    output_tokens: int


@dataclass
class Budget:
    price: Price
    max_cost: float | None = None
    max_tokens: int | None = None
    spent_input: int = 0
    spent_output: int = 0
    reserved_input: int = 0
    reserved_output: int = 0
    overbilled: int = 0  # replies billed above their reservation

    def _cost(self, input_tokens: int, output_tokens: int) -> float:
        return self.price.cost(input_tokens, output_tokens)

    @property
    def spent_cost(self) -> float:
        return self._cost(self.spent_input, self.spent_output)

    def reserve(self, input_tokens: int, max_output: int) -> Reservation:
        held = Reservation(int(input_tokens * INPUT_MARGIN) + 16, max_output)
        total_in = self.spent_input + self.reserved_input + held.input_tokens
        total_out = self.spent_output + self.reserved_output + held.output_tokens
        if self.max_tokens is not None and total_in + total_out > self.max_tokens:
            raise BudgetExhausted
        if self.max_cost is not None and self._cost(total_in, total_out) > self.max_cost:
            raise BudgetExhausted
        self.reserved_input += held.input_tokens
        self.reserved_output += held.output_tokens
        return held

    def settle(self, held: Reservation, input_tokens: int, output_tokens: int) -> None:
        """Replace a reservation by what the server billed (not capped: the bill is the bill)."""
        self.reserved_input -= held.input_tokens
        self.reserved_output -= held.output_tokens
        self.spent_input += max(int(input_tokens), 0)
        self.spent_output += max(int(output_tokens), 0)
        if input_tokens > held.input_tokens or output_tokens > held.output_tokens:
            self.overbilled += 1

    @property
    def over_limit(self) -> bool:
        """Whether what was billed already passes a limit."""
        if self.max_tokens is not None and self.spent_input + self.spent_output > self.max_tokens:
            return True
        return self.max_cost is not None and self.spent_cost > self.max_cost
