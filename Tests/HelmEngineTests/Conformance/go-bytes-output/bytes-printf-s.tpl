{{ printf "%s|%10s|%-3s|%.1s" (b64dec "gA==") (b64dec "gA==") (b64dec "gA==") (b64dec "gIE=") }}
