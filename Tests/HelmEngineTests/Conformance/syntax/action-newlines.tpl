{{
  "multi"
}}