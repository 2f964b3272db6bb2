{{ config(materialized='table') }}

-- depends_on: {{ source('registries', 'esus') }}
{{ read_registry('esus', ref('base_registries__delivery_keys')) }}
