"""One filiale's folder: its extracts written in the order of their random draws' dependencies
(suppliers, operations, contracts, amendments, invoices, the rest), and the files it publishes
outside its ERP, read back from those extracts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import decp, fec
from .avenants import make_avenants
from .consultations import make_consultations
from .documents import make_documents
from .evenements import make_evenements
from .factures import make_factures
from .formations import make_formations
from .fournisseurs import make_fournisseurs
from .logements import make_logements
from .marches import make_marches
from .operations import make_operations
from .profiles import Profile
from .timeline import AS_OF
from .vehicules import make_vehicules
from .writer import Context, Reject


@dataclass(frozen=True)
class Publication:
    """Files a filiale delivers beside its ERP extracts, written by a module of their own."""

    extract: str  # as the manifest and the summary name their bad rows, after the ERP's
    owns: Callable[[Path], bool]  # its files in a filiale folder: wiped with a previous delivery


# A new publication: one line here, and its call in generate_filiale.
PUBLICATIONS = (Publication("decp", decp.is_decp_file), Publication("fec", fec.is_fec_file))


def generate_filiale(profile: Profile, out: Path, seed: int, invoices: int) -> list[Reject]:
    """Write one filiale's folder; return its deliberate bad rows, in file order."""
    folder = out / profile.code
    folder.mkdir(parents=True, exist_ok=True)
    ctx = Context(profile, seed, invoices, folder)
    used_sirets: set[str] = set()
    suppliers = make_fournisseurs(ctx, used_sirets)
    ops = make_operations(ctx)
    contracts, rejected_id = make_marches(ctx, suppliers, ops)
    make_avenants(ctx, contracts, rejected_id)
    decp.write_decp(ctx, contracts, AS_OF)  # reads back marches and avenants
    make_factures(ctx, suppliers, contracts, rejected_id, used_sirets)
    make_consultations(ctx)
    make_logements(ctx)
    make_vehicules(ctx)
    make_formations(ctx)
    make_evenements(ctx)
    make_documents(ctx)
    # The books are read back from the invoices and suppliers just written.
    return ctx.rejects + fec.write_fec_files(profile.code, profile.siren, folder, seed)
