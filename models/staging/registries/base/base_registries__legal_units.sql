{{ config(materialized='table') }}

-- depends_on: {{ source('registries', 'stock_unite_legale') }}
{{ read_registry('legal_units', ref('base_registries__delivery_keys')) }}
