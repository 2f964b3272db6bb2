"""SIRET numbers: valid ones never drawn twice, La Poste's exception, and broken spellings."""

from __future__ import annotations

from random import Random

# La Poste's establishments pass the contract's digit-sum rule, not Luhn.
LA_POSTE_SIREN = "356000000"


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def luhn_complete(prefix: str) -> str:
    """`prefix` completed with the one digit that passes the Luhn check."""
    return next(prefix + d for d in "0123456789" if luhn_ok(prefix + d))


def siret_is_valid(siret: str) -> bool:
    """The contract's SIRET check: Luhn, or La Poste's digit sum divisible by 5."""
    if len(siret) != 14 or not siret.isdigit():
        return False
    if siret.startswith(LA_POSTE_SIREN):
        return sum(map(int, siret)) % 5 == 0
    return luhn_ok(siret)


def new_siret(rng: Random, used: set[str]) -> str:
    while True:
        siren = luhn_complete(str(rng.randrange(10_000_000, 100_000_000)))
        siret = luhn_complete(siren + f"{rng.randrange(10_000):04d}")
        if siret not in used and siren != LA_POSTE_SIREN:
            used.add(siret)
            return siret


def la_poste_siret(rng: Random, valid: bool) -> str:
    """A La Poste SIRET that fails Luhn, so only the digit-sum rule can accept it."""
    while True:
        siret = LA_POSTE_SIREN + f"{rng.randrange(100_000):05d}"
        if luhn_ok(siret):
            continue
        if (sum(map(int, siret)) % 5 == 0) == valid:
            return siret


def broken_siret(siret: str) -> str:
    """Changing one digit always breaks the Luhn check."""
    return siret[:-1] + str((int(siret[-1]) + 3) % 10)


def spaced_siret(siret: str) -> str:
    return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
