{{ config(materialized='table') }}

-- depends_on: {{ source('registries', 'ess_france') }}
{{ read_registry('ess_france', ref('base_registries__delivery_keys')) }}
