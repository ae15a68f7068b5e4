{{ (.Files.Glob "conf/**").AsConfig }}
===
{{ (.Files.Glob "conf/**").AsSecrets }}
===
{{ (.Files.Glob "nothing/*").AsConfig }}
