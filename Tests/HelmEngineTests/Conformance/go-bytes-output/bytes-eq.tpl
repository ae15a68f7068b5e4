{{ eq (b64dec "gA==") (b64dec "gA==") }} {{ eq (substr 0 1 "é") (b64dec "ww==") }} {{ lt (b64dec "gA==") "z" }} {{ b64dec "ww==" | printf "%q" }}
