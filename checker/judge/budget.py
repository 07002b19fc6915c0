"""The hard budget: every request reserves its worst case before it is sent, so the limit is never passed.

The worst case is the counted input (plus a margin, because servers tokenise differently) and the full
``max_tokens`` of output. After the reply, the reservation is replaced by the usage the server reports.
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
        """Replace a reservation by what was used; usage above the reservation is capped at it."""
        self.reserved_input -= held.input_tokens
        self.reserved_output -= held.output_tokens
        self.spent_input += min(input_tokens, held.input_tokens)
        self.spent_output += min(output_tokens, held.output_tokens)
