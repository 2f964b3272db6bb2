{{ config(materialized='table') }}

-- depends_on: {{ source('registries', 'stock_etablissement') }}
{{ read_registry('establishments', ref('base_registries__delivery_keys')) }}
