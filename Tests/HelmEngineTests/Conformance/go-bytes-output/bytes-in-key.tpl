{{ b64dec "gA==" }}: {{ b64dec "gA==" | b64enc }}
