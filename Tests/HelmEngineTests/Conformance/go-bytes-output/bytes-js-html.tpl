{{ b64dec "gA==" | js }} {{ b64dec "gA==" | html }} {{ b64dec "gA==" | urlquery }} {{ b64dec "gA==" | urlquery | len }}
