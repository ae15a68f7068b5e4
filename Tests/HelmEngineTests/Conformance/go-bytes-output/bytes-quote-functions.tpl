{{ b64dec "/w==" | quote }} {{ b64dec "/w==" | squote }} {{ b64dec "/w==" | print }} {{ b64dec "/w==" | printf "%v|%s" (b64dec "gA==") }}
