{{ (.Files.Glob "s/*.txt").AsConfig }}
---
{{ (.Files.Glob "s/*").AsSecrets }}
---
{{ (.Files.Glob "s/*.txt").AsConfig | nindent 4 }}
