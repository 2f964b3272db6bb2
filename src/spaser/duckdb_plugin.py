"""dbt-duckdb plugin (profiles.yml, `plugins:`): the SQL functions of `spaser.delivery`
on every connection dbt opens, for the raw layer's on-run-start landing."""

from __future__ import annotations

from dbt.adapters.duckdb.plugins import BasePlugin

from spaser.delivery import register


class Plugin(BasePlugin):
    def configure_connection(self, conn) -> None:
        register(conn)
